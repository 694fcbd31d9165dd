"""Forms of Insatskatalogen: the public search, and the kansli's entry for an insats."""

from typing import Any, cast

from django import forms

from samordna.associations.models import Association, MemberKind
from samordna.associations.selectors import members_in_order
from samordna.core.forms import ServiceModelForm, StyledFormMixin
from samordna.interventions.catalogue import (
    MAX_QUERY_CHARS,
    CatalogueChoices,
    CatalogueFilters,
)
from samordna.interventions.models import CatalogueEntry
from samordna.interventions.widgets import QuickSelect


class FilterField(forms.ChoiceField):
    """A filter of the search: a value not offered (an old link, a kommun whose insatser
    have ended) means no filter rather than an error."""

    widget = QuickSelect

    def clean(self, value: Any) -> str:
        value = self.to_python(value)
        return value if self.valid_value(value) else ""


class SearchInput(forms.TextInput):
    input_type = "search"


class LenientText(forms.CharField):
    """Free text; a text longer than the catalogue searches by is cut, not refused."""

    widget = SearchInput

    def clean(self, value: Any) -> str:
        return (self.to_python(value) or "")[:MAX_QUERY_CHARS]


class CatalogueSearchForm(StyledFormMixin, forms.Form):
    """The GET form of the catalogue; its field names are the addresses' parameters."""

    q = LenientText(label="Sök", required=False)
    kommun = FilterField(label="Kommun", required=False)
    malgrupp = FilterField(label="Målgrupp", required=False)
    inriktning = FilterField(label="Inriktning", required=False)
    forbund = FilterField(label="Förbund", required=False)

    def __init__(self, *args: Any, choices: CatalogueChoices, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"maxlength": MAX_QUERY_CHARS, "autocomplete": "off"})
        for name, everything, options in [
            ("kommun", "Alla kommuner", choices.kommuner),
            ("malgrupp", "Alla målgrupper", choices.target_groups),
            ("inriktning", "Alla inriktningar", choices.directions),
            ("forbund", "Alla förbund", choices.associations),
        ]:
            cast(FilterField, self.fields[name]).choices = [("", everything), *options]

    def filters(self) -> CatalogueFilters:
        if not self.is_valid():  # only an unbound form: the fields never refuse a value
            return CatalogueFilters()
        data = self.cleaned_data
        return CatalogueFilters(
            q=data["q"],
            kommun=data["kommun"],
            target_group=data["malgrupp"],
            direction=data["inriktning"],
            association=data["forbund"],
        )


class CatalogueEntryForm(ServiceModelForm):
    """What the förbund publishes about an insats."""

    class Meta:
        model = CatalogueEntry
        fields = [
            "published",
            "what",
            "for_whom",
            "where",
            "referral",
            "contact_name",
            "contact_phone",
            "contact_email",
            "target_groups",
            "municipalities",
        ]
        widgets = {
            "target_groups": forms.CheckboxSelectMultiple,
            "municipalities": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "published": "Insatsen syns i den öppna katalogen från att den har beviljats "
            "till och med sista dagen, så länge den inte är slutreglerad.",
            "what": "Skriv så att en medborgare förstår, utan förkortningar.",
            "for_whom": "Vem insatsen är till för och vilka krav som gäller för att delta.",
            "where": "Adress eller plats, t.ex. Arbetsmarknadstorget, Storgatan 1, Sundsvall.",
            "referral": "T.ex. via handläggare på Arbetsförmedlingen eller genom att "
            "kontakta insatsen direkt.",
            "target_groups": "Målgrupperna som besökare kan filtrera på i katalogen.",
            "municipalities": "Kommunerna där insatsen erbjuds.",
        }

    def __init__(self, *args: Any, association: Association, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # Only the förbund's own kommuner are offered or accepted (the service checks too).
        kommuner = [m for m in members_in_order(association) if m.kind == MemberKind.KOMMUN]
        field = cast(forms.ModelMultipleChoiceField, self.fields["municipalities"])
        field.queryset = association.members.filter(kind=MemberKind.KOMMUN)
        field.choices = [(m.pk, m.name) for m in kommuner]
