"""Forms of attest and utanordning: they only clean input; the services apply the rules."""

from django import forms
from django.utils import timezone

from samordna.associations.models import Association, Person
from samordna.attest.models import OrderStatus, SignatureList, SignatureRight
from samordna.core.forms import (
    DateInput,
    KronorField,
    ServiceModelForm,
    StyledFormMixin,
    TokenField,
)
from samordna.meetings.models import Paragraph


class ListCreateForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(label="År", min_value=2000, max_value=2100)
    copy_from = forms.ModelChoiceField(
        label="Börja från listan för",
        queryset=SignatureList.objects.none(),
        required=False,
        help_text="Raderna kopieras och kan sedan ändras tills styrelsen antar listan.",
    )
    note = forms.CharField(label="Anteckning", max_length=300, required=False)

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["copy_from"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = SignatureList.objects.filter(association=association)
        field.empty_label = "Ingen, börja med en tom lista"
        self.fields["year"].initial = timezone.localdate().year + 1


class RightForm(ServiceModelForm):
    max_amount = KronorField(
        label="Maxbelopp per utbetalning",
        min_value=1,
        required=False,
        help_text="Lämna tomt om rätten inte har något maxbelopp.",
    )

    class Meta:
        model = SignatureRight
        fields = ["person", "title", "kind", "role", "max_amount", "note"]

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = association.people.order_by("last_name", "first_name")
        self.apply_styles()


def _paragraph_label(paragraph: Paragraph) -> str:
    return f"Styrelsemöte {paragraph.meeting.date:%Y-%m-%d} § {paragraph.number}: {paragraph.title}"


class AdoptForm(StyledFormMixin, forms.Form):
    paragraph = forms.ModelChoiceField(
        label="Antagen i paragraf",
        queryset=Paragraph.objects.none(),
        required=False,
        help_text="Paragrafen i styrelsens protokoll där listan antogs.",
    )
    earlier_reference = forms.CharField(
        label="Eller: antagen enligt",
        max_length=200,
        required=False,
        help_text="För ett beslut från innan förbundet använde Samordna, t.ex. "
        "protokoll 2022-11-25 § 129.",
    )
    adopted_on = forms.DateField(
        label="Antagen",
        widget=DateInput(),
        required=False,
        help_text="Bara för ett tidigare beslut.",
    )

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["paragraph"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Paragraph.objects.filter(meeting__association=association)
            .select_related("meeting")
            .order_by("-meeting__date", "number")
        )
        field.label_from_instance = _paragraph_label  # type: ignore[method-assign,assignment]
        self.apply_styles()


class InvoiceForm(StyledFormMixin, forms.Form):
    payee = forms.CharField(label="Leverantör", max_length=200)
    reference = forms.CharField(label="Fakturanummer", max_length=100)
    amount = KronorField(label="Belopp att betala", min_value=1)
    due_on = forms.DateField(label="Förfallodag", widget=DateInput())
    description = forms.CharField(label="Avser", max_length=300)
    connected_person: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Förknippad med person",
        queryset=Person.objects.none(),
        required=False,
        help_text="Om fakturan gäller en ledamot, ordföranden eller någon på kansliet: den "
        "personen får inte attestera eller utanordna den.",
    )
    token = TokenField()

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["connected_person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = association.people.order_by("last_name", "first_name")
        field.empty_label = "Ingen"
        self.apply_styles()


class InsatsOrderForm(StyledFormMixin, forms.Form):
    """ "Begär utbetalning" of a part of an insats's plan."""

    amount = KronorField(label="Belopp", min_value=1)
    reference = forms.CharField(
        label="Verifikation eller fakturanummer", max_length=100, required=False
    )
    token = TokenField()


class PaymentForm(StyledFormMixin, forms.Form):
    """A payment of a part of an insats's plan, recorded directly (a year without an adopted
    signature list): the förbund attests and authorises outside Samordna."""

    amount = KronorField(label="Belopp", min_value=1)
    paid_on = forms.DateField(label="Utbetald", widget=DateInput(), initial=timezone.localdate)
    reference = forms.CharField(
        label="Verifikation eller fakturanummer", max_length=100, required=False
    )
    token = TokenField()


class ApproveForm(forms.Form):
    step = forms.CharField(widget=forms.HiddenInput)
    token = TokenField()


class CancelForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label="Skäl till makulering", max_length=300)


STATUS_FILTERS = [
    ("", "Alla"),
    ("open", "Alla som väntar"),
    *OrderStatus.choices,
]


class StatusFilterForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label="Status", choices=STATUS_FILTERS, required=False)
