"""Forms of the money pages: the board's decision on an application, the agreement's
signing, a condition met, a payment and the slutreglering. They only clean input; the rules
are in `grants`."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from samordna.core.concurrency import VersionedFormMixin
from samordna.core.forms import DateInput, KronorField, StyledFormMixin
from samordna.core.text import format_kronor
from samordna.interventions.models import Application, Outcome, PaymentPlan
from samordna.interventions.services.grants import AmountInput

CONDITION_LABEL = "Villkor {n} (fortsätter meningen ”under förutsättning att …”)"
OTHER_PARTIES = (1, 2)
CONDITIONS = (1, 2)


class DecisionForm(StyledFormMixin, forms.Form):
    """The board's decision: an outcome, an amount per year of the application's period, one
    payment plan, up to two conditions (each year may depend on one of them) and up to two
    amounts to another party. `earlier` asks where a decision from before Samordna is.

    Each year's amount may depend on one of the conditions (a select per year, rather than
    a checkbox bound to the first condition), so both conditions can hold money back."""

    def __init__(
        self,
        *args: Any,
        application: Application,
        sought: dict[int, int],
        earlier: bool = False,
        paragraph_text: str = "",
        final: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.years = application.years or sorted(sought)
        if earlier:
            self.fields["reference"] = forms.CharField(
                label="Beslutet finns i",
                max_length=300,
                help_text="T.ex. Styrelsen 2022-11-18 § 128.",
            )
            self.fields["decided_on"] = forms.DateField(label="Beslutsdatum", widget=DateInput())
        recommended = application.recommendation
        self.fields["outcome"] = forms.ChoiceField(
            label="Beslut",
            choices=[("", "Välj"), *Outcome.choices],
            initial=recommended if recommended in Outcome.values else "",
        )
        for year in self.years:
            self.fields[f"amount_{year}"] = KronorField(
                label=f"Beviljas för {year}",
                required=False,
                initial=sought.get(year),
                help_text=f"Sökt: {format_kronor(sought.get(year, 0))}. "
                "Lämna tomt om inget beviljas för året.",
            )
        self.fields["plan"] = forms.ChoiceField(
            label="Utbetalning till sökanden",
            choices=PaymentPlan.choices,
            initial=PaymentPlan.HALF_THEN_REPORT,
        )
        for n in CONDITIONS:
            self.fields[f"condition_{n}"] = forms.CharField(
                label=CONDITION_LABEL.format(n=n),
                max_length=500,
                required=False,
                help_text="T.ex. förbundet får bidrag från huvudmännen för 2024" if n == 1 else "",
            )
        for year in self.years:
            self.fields[f"condition_for_{year}"] = forms.ChoiceField(
                label=f"Villkor för beloppet {year}",
                choices=[("", "Inget villkor"), *((str(n), f"Villkor {n}") for n in CONDITIONS)],
                required=False,
                help_text=f"Beloppet för {year} gäller under förutsättning att villkoret uppfylls.",
            )
        for n in OTHER_PARTIES:
            self.fields[f"other_recipient_{n}"] = forms.CharField(
                label=f"Annan part {n}: mottagare",
                max_length=300,
                required=False,
                help_text="T.ex. den som hyr ut lokalen." if n == 1 else "",
            )
            self.fields[f"other_purpose_{n}"] = forms.CharField(
                label=f"Annan part {n}: för vad", max_length=300, required=False
            )
            self.fields[f"other_year_{n}"] = forms.TypedChoiceField(
                label=f"Annan part {n}: år",
                choices=[(year, str(year)) for year in self.years],
                coerce=int,
                required=False,
            )
            self.fields[f"other_amount_{n}"] = KronorField(
                label=f"Annan part {n}: belopp", required=False
            )
            self.fields[f"other_plan_{n}"] = forms.ChoiceField(
                label=f"Annan part {n}: utbetalning",
                choices=PaymentPlan.choices,
                initial=PaymentPlan.INVOICE,
                required=False,
            )
        if not earlier and not final:  # an omedelbart justerad § keeps its text
            self.fields["write_text"] = forms.BooleanField(
                label="Skriv beslutet som att-satser i paragrafen",
                required=False,
                initial=True,
                help_text="Paragrafen har redan en beslutstext; den ersätts."
                if paragraph_text.strip()
                else "",
            )
        self.apply_styles()

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields in the fieldsets the template draws (`write_text` stands apart)."""

        def pick(test: Any) -> list[forms.BoundField]:
            return [self[name] for name in self.fields if test(name)]

        return [
            ("Beslut", pick(lambda n: n in ("reference", "decided_on", "outcome"))),
            ("Belopp till sökanden", pick(lambda n: n.startswith("amount_") or n == "plan")),
            ("Villkor", pick(lambda n: n.startswith("condition_"))),
            *(
                (
                    f"Belopp till annan part {i}",
                    pick(lambda n, i=i: n.startswith("other_") and n.endswith(f"_{i}")),
                )
                for i in OTHER_PARTIES
            ),
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        conditions = {n: cleaned.get(f"condition_{n}", "").strip() for n in CONDITIONS}
        for year in self.years:
            chosen = cleaned.get(f"condition_for_{year}")
            if chosen and not conditions[int(chosen)]:
                self.add_error(f"condition_for_{year}", f"Skriv villkor {chosen} först.")
        for n in OTHER_PARTIES:
            recipient = cleaned.get(f"other_recipient_{n}", "").strip()
            amount = cleaned.get(f"other_amount_{n}")
            if recipient and amount is None and f"other_amount_{n}" not in self.errors:
                self.add_error(f"other_amount_{n}", "Ange beloppet till den andra parten.")
            if amount is not None and not recipient:
                self.add_error(f"other_recipient_{n}", "Ange vem beloppet går till.")
            if (recipient or amount is not None) and not cleaned.get(f"other_year_{n}"):
                self.add_error(f"other_year_{n}", "Välj vilket år beloppet gäller.")
        return cleaned

    def decision_input(self) -> dict[str, Any]:
        """The cleaned form as the arguments of `grants.decision_record`: a refusal grants
        nothing, whatever amounts stand in the form."""
        data = self.cleaned_data
        outcome = data["outcome"]
        filled = [n for n in CONDITIONS if data.get(f"condition_{n}", "").strip()]
        conditions = [data[f"condition_{n}"].strip() for n in filled]
        if outcome == Outcome.REFUSED:
            return {"outcome": outcome, "amounts": [], "conditions": conditions}
        amounts = []
        for year in self.years:
            amount = data.get(f"amount_{year}")
            if amount:
                chosen = data.get(f"condition_for_{year}")
                amounts.append(
                    AmountInput(
                        year=year,
                        amount=amount,
                        plan=data["plan"],
                        condition=filled.index(int(chosen)) if chosen else None,
                    )
                )
        for n in OTHER_PARTIES:
            recipient = data.get(f"other_recipient_{n}", "").strip()
            if recipient:
                amounts.append(
                    AmountInput(
                        year=data[f"other_year_{n}"],
                        amount=data[f"other_amount_{n}"],
                        plan=data.get(f"other_plan_{n}") or PaymentPlan.INVOICE,
                        recipient=recipient,
                        purpose=data.get(f"other_purpose_{n}", "").strip(),
                    )
                )
        return {"outcome": outcome, "amounts": amounts, "conditions": conditions}

    def attach_service_errors(self, error: ValidationError) -> None:
        """The service's errors at the fields: an amount's error at the year it names."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error.messages)
            return
        for key, messages in error.message_dict.items():
            for message in messages:
                self.add_error(self._field_for(key, message), message)

    def _field_for(self, key: str, message: str) -> str | None:
        if key in self.fields:
            return key
        if key == "amounts":
            for year in re.findall(r"\b(\d{4})\b", message):
                if f"amount_{year}" in self.fields:
                    return f"amount_{year}"
        return None


class AgreementSignForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    signed_on = forms.DateField(
        label="Undertecknat av den sista parten",
        widget=DateInput(),
        initial=timezone.localdate,
    )
    signed_note = forms.CharField(
        label="Undertecknat av",
        max_length=300,
        required=False,
        help_text="T.ex. Jan Andersson för förbundet och Denise Wallén för Sundsvalls kommun.",
    )


class ConditionMetForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    met_on = forms.DateField(label="Uppfyllt", widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(
        label="Hur villkoret är uppfyllt",
        max_length=500,
        required=False,
        help_text="T.ex. Huvudmännen har beslutat om bidragen för 2024.",
    )


class CloseForm(StyledFormMixin, forms.Form):
    closed_on = forms.DateField(
        label="Slutreglerad", widget=DateInput(), initial=timezone.localdate
    )
    note = forms.CharField(
        label="Anteckning",
        max_length=500,
        widget=forms.Textarea,
        help_text="Varför insatsen slutregleras, t.ex. slutrapport godkänd 2023-11-24 § 118.",
        error_messages={"required": "Skriv varför insatsen slutregleras."},
    )
