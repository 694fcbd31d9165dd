from django import forms

from samordna.associations.models import Association
from samordna.core.forms import DateInput, StyledFormMixin
from samordna.ledger.forms import open_items
from samordna.reports.models import AssociationReportKind, BalanceLine


class ReportForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Slag", choices=AssociationReportKind.choices)
    year = forms.IntegerField(
        label="År",
        min_value=2000,
        max_value=2100,
        error_messages={"invalid": "Skriv året med fyra siffror."},
    )
    starts_on = forms.DateField(
        label="Perioden från", required=False, widget=DateInput, help_text="Tomt: årets början."
    )
    ends_on = forms.DateField(
        label="Perioden till och med",
        required=False,
        widget=DateInput,
        help_text="Tomt: årets slut (31 augusti för en delårsrapport).",
    )
    public = forms.BooleanField(
        label="Offentlig (små antal deltagare döljs)", required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_styles()


class SectionForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label="Rubrik", max_length=200)
    body = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Stycken, rubriker (h3, h4), listor och tabeller; annan kod tas bort.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_styles()


class AttachForm(StyledFormMixin, forms.Form):
    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"] = open_items(association)
        self.apply_styles()


class SendForm(StyledFormMixin, forms.Form):
    """One field of addresses per member, prefilled with its board members' addresses."""

    def __init__(self, *args, members: list, initial_addresses: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        for member in members:
            self.fields[f"member_{member.pk}"] = forms.CharField(
                label=f"Mottagare hos {member.name}",
                required=False,
                initial=initial_addresses.get(member.pk, ""),
                help_text="E-postadresser åtskilda med kommatecken.",
            )
        self.apply_styles()

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        validator = forms.EmailField()
        for member in self.members:
            name = f"member_{member.pk}"
            addresses = [a.strip() for a in (cleaned.get(name) or "").split(",") if a.strip()]
            for address in addresses:
                try:
                    validator.clean(address)
                except forms.ValidationError:
                    self.add_error(name, f"”{address}” är ingen e-postadress.")
            cleaned[name] = addresses
        return cleaned

    def recipients(self) -> dict:
        return {m: self.cleaned_data[f"member_{m.pk}"] for m in self.members}


class BalanceMappingForm(StyledFormMixin, forms.Form):
    """A select per balance account: its line in the balance sheet."""

    def __init__(self, *args, accounts: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = accounts
        for row in accounts:
            self.fields[row.field_name] = forms.ChoiceField(
                label=f"{row.account} {row.name}".strip(),
                choices=BalanceLine.choices,
                initial=row.line,
                error_messages={"invalid_choice": "Välj en rad i balansräkningen."},
            )
        self.apply_styles()

    def lines(self) -> dict[int, str]:
        return {
            int(name.removeprefix("konto_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("konto_")
        }
