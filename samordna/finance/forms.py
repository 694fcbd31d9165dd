"""Forms of the finance pages: they only clean input; the services check the rules."""

from django import forms

from samordna.associations.models import Association
from samordna.core.concurrency import VersionedFormMixin
from samordna.core.forms import DateInput, KronorField, StyledFormMixin
from samordna.finance.models import (
    BalanceColumnKind,
    Budget,
    BudgetLine,
    FinancialGoals,
    Frequency,
    LineDirection,
    LineGroup,
)
from samordna.interventions.models import Intervention
from samordna.meetings.models import Paragraph


class AllocationForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    amount = KronorField(label="Statlig tilldelning (kr)", min_value=1)
    reference = forms.CharField(
        label="Källa",
        max_length=300,
        required=False,
        help_text="Var beslutet finns, t.ex. ”Styrelsen 2023-11-24 § 129”.",
    )


class ScheduleForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    frequency = forms.ChoiceField(label="Betalas", choices=Frequency.choices)
    first_due_on = forms.DateField(
        label="Första förfallodag",
        required=False,
        widget=DateInput,
        help_text="Lämna tomt för 31 januari. Följande förfallodagar kommer var tredje, "
        "sjätte eller tolfte månad.",
    )
    note = forms.CharField(label="Anteckning", max_length=300, required=False)


class PaymentForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    paid_on = forms.DateField(label="Inbetald", required=False, widget=DateInput)
    paid_amount = KronorField(label="Inbetalt belopp (kr)", required=False, min_value=1)
    note = forms.CharField(label="Anteckning", max_length=300, required=False)


class BudgetCreateForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(
        label="Budgetår",
        min_value=2000,
        max_value=2100,
        error_messages={"invalid": "Ange budgetåret med fyra siffror, t.ex. 2024."},
    )
    copy_previous = forms.BooleanField(
        label="Utgå från föregående års budget (raderna flyttas ett år framåt)", required=False
    )


class VersionedForm(VersionedFormMixin, StyledFormMixin, forms.Form):
    """A form on the budget: carries the budget's version, and the services check it."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    version_in_cleaned_data = True

    def __init__(self, *args, budget: Budget, **kwargs):
        super().__init__(*args, **kwargs)
        self.budget = budget
        self.track_version(budget)

    @property
    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class BudgetUpdateForm(VersionedForm):
    opening_equity = KronorField(
        label="Eget kapital vid årets början (kr)",
        help_text="Förs över från föregående års budget eller prognos.",
    )
    note = forms.CharField(label="Anteckning", required=False, widget=forms.Textarea)

    def __init__(self, *args, budget: Budget, **kwargs):
        super().__init__(*args, budget=budget, **kwargs)
        self.fields["opening_equity"].initial = budget.opening_equity
        self.fields["note"].initial = budget.note


class LineForm(VersionedForm):
    group = forms.ChoiceField(
        label="Grupp",
        choices=[("", "Välj"), *LineGroup.choices],
        required=False,  # the service says what is missing, in the budget's words
    )
    name = forms.CharField(label="Rad", max_length=200, required=False)
    amount = KronorField(label="Budget (kr)")
    plan_next = KronorField(label="Plan år 2 (kr)")
    plan_after = KronorField(label="Plan år 3 (kr)")
    intervention = forms.ModelChoiceField(
        label="Insats",
        queryset=Intervention.objects.none(),
        required=False,
        help_text="För en insats som inte har beslut i Samordna (förbundets egna aktiviteter).",
    )
    direction = forms.ChoiceField(
        label="Inriktning",
        choices=[("", "Inte angiven"), *LineDirection.choices],
        required=False,
        help_text="För rader i insatsgrupperna: räknas i målet om individinriktade insatser.",
    )
    is_financial = forms.BooleanField(label="Finansiell post", required=False)
    is_income = forms.BooleanField(label="Finansiell intäkt (t.ex. ränteintäkter)", required=False)
    summary_name = forms.CharField(
        label="Visas i budgetdokumentet som",
        max_length=200,
        required=False,
        help_text="Rader med samma namn slås ihop till en rad i budgetdokumentet.",
    )
    position = forms.IntegerField(label="Ordning", min_value=0, max_value=32000)
    note = forms.CharField(label="Kommentar", max_length=300, required=False)

    def __init__(self, *args, budget: Budget, line: BudgetLine | None = None, **kwargs):
        super().__init__(*args, budget=budget, **kwargs)
        self.fields["intervention"].queryset = Intervention.objects.filter(  # type: ignore[attr-defined]
            association=budget.association
        ).order_by("name")
        if line is not None:
            for name in self.fields:
                if name != "version" and hasattr(line, name):
                    self.fields[name].initial = getattr(line, name)
            self.fields["intervention"].initial = line.intervention_id
            if line.from_decisions:
                for name in ("group", "amount", "plan_next", "plan_after", "intervention"):
                    del self.fields[name]
                del self.fields["direction"]
                del self.fields["is_income"]
            elif line.member_id is not None:
                for name in ("group", "amount", "intervention", "direction", "is_income"):
                    del self.fields[name]
        else:
            self.fields["position"].required = False
        self.apply_styles()


class BalanceForm(VersionedForm):
    """One field per column and figure of the balance budget, named "<column>__<field>"."""

    FIGURES = [
        ("fixed_assets", "Anläggningstillgångar"),
        ("current_assets", "Omsättningstillgångar"),
        ("provisions", "Avsättningar"),
        ("long_term_liabilities", "Långfristiga skulder"),
        ("short_term_liabilities", "Kortfristiga skulder"),
    ]
    PREVIOUS = [
        ("opening_equity", "Balanserat eget kapital"),
        ("operating_income", "Verksamhetens intäkter"),
        ("operating_costs", "Verksamhetens kostnader"),
        ("financial_income", "Finansiella intäkter"),
        ("financial_costs", "Finansiella kostnader"),
    ]

    def __init__(self, *args, budget: Budget, **kwargs):
        super().__init__(*args, budget=budget, **kwargs)
        stored = {c.column: c for c in budget.balance_columns.all()}
        self.columns = []
        for kind in BalanceColumnKind:
            heading = self.heading(kind, budget.year)
            names = []
            figures = self.FIGURES + (self.PREVIOUS if kind == BalanceColumnKind.PREVIOUS else [])
            for field, label in figures:
                name = f"{kind.value}__{field}"
                required = field in dict(self.FIGURES)
                self.fields[name] = KronorField(
                    label=f"{label}, {heading.lower()} (kr)", required=required
                )
                column = stored.get(kind.value)
                self.fields[name].initial = getattr(column, field) if column else 0
                names.append(name)
            self.columns.append((heading, [self[n] for n in names]))
        self.apply_styles()

    @staticmethod
    def heading(kind: str, year: int) -> str:
        headings: dict[str, str] = {
            BalanceColumnKind.PREVIOUS: f"Prognos {year - 1}",
            BalanceColumnKind.BUDGET: f"Budget {year}",
            BalanceColumnKind.PLAN_NEXT: f"Plan {year + 1}",
            BalanceColumnKind.PLAN_AFTER: f"Plan {year + 2}",
        }
        return headings[kind]

    def column_values(self) -> dict[str, dict[str, int | None]]:
        columns: dict[str, dict[str, int | None]] = {}
        for name, value in self.values.items():
            column, field = name.split("__")
            columns.setdefault(column, {})[field] = value
        return columns


class AdoptForm(VersionedForm):
    paragraph = forms.ModelChoiceField(
        label="Fastställd i paragraf", queryset=Paragraph.objects.none()
    )

    def __init__(self, *args, budget: Budget, **kwargs):
        super().__init__(*args, budget=budget, **kwargs)
        field = self.fields["paragraph"]
        field.queryset = (  # type: ignore[attr-defined]
            Paragraph.objects.filter(meeting__association=budget.association)
            .select_related("meeting")
            .order_by("-meeting__date", "number")
        )
        field.label_from_instance = (  # type: ignore[attr-defined]
            lambda p: f"{p.meeting.date:%Y-%m-%d} § {p.number} {p.title[:80]}"
        )
        self.apply_styles()


class GoalsForm(VersionedFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = FinancialGoals
        fields = [
            "equity_ceiling_percent",
            "equity_floor",
            "individual_share_percent",
            "balanced_budget",
            "no_loans",
        ]

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.association = association

    def _post_clean(self) -> None:
        pass  # the service validates and saves
