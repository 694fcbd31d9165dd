"""Forms of the fees pages. They only clean input; the services check the figures against
the förbund's rates and the roll call."""

from decimal import Decimal

from django import forms

from samordna.associations.models import FeeBaseAmount, Person
from samordna.core.concurrency import VersionedFormMixin
from samordna.core.forms import DateInput, KronorField, ServiceModelForm, StyledFormMixin
from samordna.fees.models import ClaimKind, FeeSettings


def decimal_field(label: str, *, max_digits: int, places: int, **kwargs) -> forms.DecimalField:
    field = forms.DecimalField(
        label=label,
        max_digits=max_digits,
        decimal_places=places,
        localize=True,
        error_messages={
            "invalid": "Skriv ett tal, t.ex. 2,5.",
            "max_decimal_places": f"Högst {places} decimaler.",
            "max_digits": "Talet är orimligt stort.",
            "max_whole_digits": "Talet är orimligt stort.",
        },
        **kwargs,
    )
    field.widget.attrs["inputmode"] = "decimal"
    return field


class ClaimForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    """The person (for the kansli; a board member claims for themselves) and the note."""

    kind: str = ""

    def __init__(self, *args, people: list[Person] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            person = forms.ModelChoiceField(
                label="Person",
                queryset=Person.objects.filter(pk__in=[p.pk for p in people]),
                help_text="De som var närvarande vid sammanträdet enligt uppropet.",
            )
            person.choices = [("", "Välj")] + [(p.pk, str(p)) for p in people]
            self.fields = {"person": person, **self.fields}
        self.apply_styles()

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("person", None)
        data.pop("version", None)
        return data


class LossClaimForm(ClaimForm):
    kind = ClaimKind.LOSS

    hours = decimal_field(
        "Timmar",
        max_digits=4,
        places=2,
        required=False,
        help_text="Sammanträdet och resan dit och hem, t.ex. 4,5.",
    )
    hourly_rate = KronorField(
        label="Kronor per timme", required=False, max_value=100_000, help_text="Hela kronor."
    )
    amount = KronorField(
        label="Eller ett belopp",
        required=False,
        max_value=1_000_000,
        help_text="Om arbetsgivarens intyg anger ett belopp i stället för timmar.",
    )
    basis = forms.CharField(
        label="Underlag",
        max_length=300,
        help_text="Vad beloppet grundar sig på, t.ex. intyg från arbetsgivaren om timlön.",
    )
    note = forms.CharField(label="Anteckning", max_length=300, required=False)


class TravelClaimForm(ClaimForm):
    kind = ClaimKind.TRAVEL

    from_place = forms.CharField(label="Från", max_length=100)
    to_place = forms.CharField(label="Till", max_length=100)
    km = decimal_field(
        "Kilometer med egen bil",
        max_digits=6,
        places=1,
        required=False,
        help_text="Hela resan, tur och retur. Ersätts med förbundets belopp per km.",
    )
    amount = KronorField(
        label="Eller biljettens belopp",
        required=False,
        max_value=1_000_000,
        help_text="För resa med buss eller tåg, i hela kronor.",
    )
    note = forms.CharField(label="Anteckning", max_length=300, required=False)


CLAIM_FORMS: dict[str, type[ClaimForm]] = {
    ClaimKind.LOSS: LossClaimForm,
    ClaimKind.TRAVEL: TravelClaimForm,
}


def claim_initial(claim) -> dict:
    """The form's values for a stored claim."""
    if claim.kind == ClaimKind.LOSS:
        by_hour = claim.hours is not None
        return {
            "hours": claim.hours,
            "hourly_rate": claim.hourly_rate,
            "amount": None if by_hour else claim.amount,
            "basis": claim.basis,
            "note": claim.note,
        }
    return {
        "from_place": claim.from_place,
        "to_place": claim.to_place,
        "km": claim.km,
        "amount": None if claim.km is not None else claim.amount,
        "note": claim.note,
    }


class ReopenForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label="Varför öppnas listan igen?",
        max_length=500,
        widget=forms.Textarea,
        help_text="Motiveringen sparas i listans historik.",
    )


class FeeSettingsForm(ServiceModelForm):
    km_rate = decimal_field(
        "Reseersättning per km (kr)",
        max_digits=5,
        places=2,
        min_value=Decimal("0"),
        max_value=Decimal("50"),
        help_text="Ersättning för resa med egen bil, t.ex. 2,50 kr per km (25 kr per mil).",
    )
    loss_max_hours = decimal_field(
        "Högst antal timmar förlorad arbetsförtjänst per sammanträde",
        max_digits=4,
        places=1,
        min_value=Decimal("0.5"),
        max_value=Decimal("24"),
        help_text="Sammanträdet och resan dit och hem, högst ett dygn.",
    )
    loss_max_per_hour = KronorField(
        label="Högsta förlorade arbetsförtjänst per timme (kr)",
        min_value=1,
        max_value=10_000,
        help_text="Belopp per timme över detta godtas inte.",
    )

    class Meta:
        model = FeeSettings
        fields = ["km_rate", "loss_max_per_hour", "loss_max_hours", "note"]


class BaseAmountForm(ServiceModelForm):
    amount = KronorField(label="Grundbelopp (kr)", min_value=1, max_value=1_000_000)

    class Meta:
        model = FeeBaseAmount
        fields = ["valid_from", "amount", "decided_by"]
        widgets = {"valid_from": DateInput()}
        help_texts = {
            "valid_from": "Grundbeloppet räknas upp varje 1 april.",
            "decided_by": "T.ex. Sundsvalls kommun, HR-direktörens beslut 2022-03-15.",
        }
