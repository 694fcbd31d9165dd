"""Forms of Insatskatalogen: the public search, and the kansli's entry for an insats."""

import html
from typing import Any, cast

from django import forms
from django.utils.safestring import SafeData, SafeString, mark_safe

from samordna.associations.models import Association, MemberKind
from samordna.associations.selectors import members_in_order
from samordna.core.forms import ServiceModelForm, StyledFormMixin
from samordna.interventions.catalogue import (
    MAX_QUERY_CHARS,
    CatalogueChoices,
    CatalogueFilters,
)
from samordna.interventions.models import CatalogueEntry


def _escaped(value: Any) -> str:
    """Django's `conditional_escape` without its lazy-string wrapper, which costs more than
    the escaping over the hundred options of the page."""
    return str(value) if isinstance(value, SafeData) else html.escape(str(value))


def _attributes(attrs: dict[str, Any]) -> str:
    """Django's `django/forms/widgets/attrs.html`, in Python."""
    return "".join(
        f" {_escaped(name)}" if value is True else f' {_escaped(name)}="{_escaped(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class QuickSelect(forms.Select):
    """A select that writes its options in Python: the same HTML as Django's templates
    (`select.html`, `select_option.html`), without a template include per option; the
    catalogue's public page offers every förbund and kommun of the country."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_escaped(widget["name"])}"{_attributes(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:  # the catalogue's filters have no groups
                raise NotImplementedError("QuickSelect draws no optgroup")
            parts.extend(
                f'\n  <option value="{_escaped(option["value"])}"{_attributes(option["attrs"])}>'
                f"{_escaped(option['label'])}</option>\n"
                for option in options
            )
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # every value in it is escaped above


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
