"""Money: the national allocation table, budgets with their lines and forecasts."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from samordna.core.choices import County


class NationalAllocation(models.Model):
    """One row of Försäkringskassan's yearly "Beslut om statlig medelstilldelning".

    Public reference data for all förbund in the country, whether or not they use
    this installation; `association` links the row to one that does.
    """

    year = models.PositiveSmallIntegerField("år")
    association_name = models.CharField("samordningsförbund", max_length=200)
    county = models.CharField("län", max_length=2, choices=County.choices)
    fk_area = models.CharField("verksamhetsområde (FK)", max_length=20)
    amount = models.PositiveIntegerField("statlig tilldelning (kr)")
    association = models.ForeignKey(
        "associations.Association",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="national_allocations",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "statlig medelstilldelning"
        verbose_name_plural = "statlig medelstilldelning"
        constraints = [
            models.UniqueConstraint(
                fields=["year", "association_name"], name="one_allocation_per_forbund_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.association_name} {self.year}"


class BudgetStatus(models.TextChoices):
    DRAFT = "draft", "Förslag"
    ADOPTED = "adopted", "Fastställd"


class Budget(models.Model):
    """A förbund's budget for `year` with a plan for the two years after, adopted in a §.

    Amounts are whole kronor; the Bilaga-16 layout shows them in tkr, each line rounded
    half up and the sums made of the rounded lines, as the förbund's own documents do.
    """

    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="budgets"
    )
    year = models.PositiveSmallIntegerField("år")
    status = models.CharField(
        "status", max_length=8, choices=BudgetStatus.choices, default=BudgetStatus.DRAFT
    )
    paragraph = models.ForeignKey(
        "meetings.Paragraph",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budgets",
        verbose_name="fastställd i paragraf",
    )
    adopted_on = models.DateField("fastställd", null=True, blank=True)
    # Balanserat eget kapital at the start of the year, carried from the year before.
    opening_equity = models.BigIntegerField("eget kapital vid årets början (kr)", default=0)
    version = models.PositiveIntegerField(default=1)
    note = models.TextField("anteckning", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "budget"
        verbose_name_plural = "budgetar"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="one_budget_per_year")
        ]

    def __str__(self) -> str:
        return f"Budget {self.year}"


class LineGroup(models.TextChoices):
    INCOME = "income", "Intäkter"
    BOARD = "board", "Styrelsen"
    ADMINISTRATION = "administration", "Administration"
    INTERVENTIONS = "interventions", "Beslutade insatser"
    NEW_INTERVENTIONS = "new_interventions", "Nya insatser"
    FINANCIAL = "financial", "Finansiella poster"


class LineDirection(models.TextChoices):
    """For lines typed in the insats groups: which way the money goes (the share of
    individinriktade insatser is a financial goal). Lines of an insats take its own."""

    INDIVIDUAL = "individual", "Individinriktad"
    STRUCTURAL = "structural", "Strukturövergripande"


class BudgetLine(models.Model):
    """One line of a budget. Income lines name the member that pays; insats lines name the
    insats and take their amounts from its decisions; costs and income are both positive
    and `is_income` says which way a line counts. `is_financial` puts a line among the
    financial items of the result budget wherever it is listed (Bilaga 16 lists interest
    under Administration)."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="lines")
    group = models.CharField("grupp", max_length=20, choices=LineGroup.choices)
    name = models.CharField("rad", max_length=200)
    position = models.PositiveSmallIntegerField("ordning", default=0)
    is_income = models.BooleanField("intäkt", default=False)
    is_financial = models.BooleanField("finansiell post", default=False)
    member = models.ForeignKey(
        "associations.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_lines",
        verbose_name="medlem",
    )
    intervention = models.ForeignKey(
        "interventions.Intervention",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_lines",
        verbose_name="insats",
    )
    amount = models.BigIntegerField("budget (kr)", default=0)
    plan_next = models.BigIntegerField("plan år 2 (kr)", default=0)
    plan_after = models.BigIntegerField("plan år 3 (kr)", default=0)
    note = models.CharField("kommentar", max_length=300, blank=True)
    from_decisions = models.BooleanField(
        "belopp från besluten",
        default=False,
        help_text="Beloppen hämtas från styrelsens beslut om insatsen och skrivs inte in.",
    )
    direction = models.CharField(
        "inriktning", max_length=12, choices=LineDirection.choices, blank=True
    )
    summary_name = models.CharField(
        "visas i budgetdokumentet som",
        max_length=200,
        blank=True,
        help_text="Rader med samma namn här slås ihop till en rad i budgetdokumentet, "
        "t.ex. ”2 st. Arbetskonsulenter”.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "budgetrad"
        verbose_name_plural = "budgetrader"
        ordering = ["budget", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0)
                & models.Q(plan_next__gte=0)
                & models.Q(plan_after__gte=0),
                name="budget_line_amounts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Forecast(models.Model):
    """The kansli's forecast for a budget line's whole year, made on `as_of`, with why.
    The latest one per line counts; older ones stay as the trail of the year."""

    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="forecasts")
    as_of = models.DateField("prognosdatum")
    amount = models.BigIntegerField("prognos för helåret (kr)")
    comment = models.CharField("kommentar", max_length=500, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField("registrerad", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "prognos"
        verbose_name_plural = "prognoser"
        ordering = ["line", "-as_of", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="forecast_not_negative")
        ]

    def __str__(self) -> str:
        return f"{self.line}: {self.amount} kr ({self.as_of:%Y-%m-%d})"


class StateAllocation(models.Model):
    """The state's allocation to this förbund for a year, as the förbund records it (e.g.
    from FK's decision noted in a §) when the national table has no row for it."""

    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="state_allocations"
    )
    year = models.PositiveSmallIntegerField("år")
    amount = models.PositiveIntegerField("statlig tilldelning (kr)")
    reference = models.CharField(
        "källa", max_length=300, blank=True, help_text="T.ex. ”Styrelsen 2023-11-24 § 129”."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "förbundets statliga tilldelning"
        verbose_name_plural = "förbundets statliga tilldelningar"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year"], name="one_state_allocation_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"Statlig tilldelning {self.year}"


class Frequency(models.TextChoices):
    QUARTERLY = "quarterly", "Kvartalsvis"
    HALF_YEARLY = "half_yearly", "Halvårsvis"
    YEARLY = "yearly", "En gång per år"


INSTALMENTS_PER_YEAR = {Frequency.QUARTERLY: 4, Frequency.HALF_YEARLY: 2, Frequency.YEARLY: 1}


class ContributionSchedule(models.Model):
    """How one member pays its contribution for a year: the amount when the plan was made
    and how often; the instalments follow."""

    association = models.ForeignKey(
        "associations.Association",
        on_delete=models.CASCADE,
        related_name="contribution_schedules",
    )
    member = models.ForeignKey(
        "associations.Member",
        on_delete=models.PROTECT,
        related_name="contribution_schedules",
        verbose_name="medlem",
    )
    year = models.PositiveSmallIntegerField("år")
    frequency = models.CharField("betalas", max_length=12, choices=Frequency.choices)
    amount = models.PositiveIntegerField("årets bidrag (kr)")
    note = models.CharField("anteckning", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "betalplan för medlemsbidrag"
        verbose_name_plural = "betalplaner för medlemsbidrag"
        ordering = ["year", "member"]
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="one_schedule_per_member_year")
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.year}"


class ContributionInstalment(models.Model):
    """One payment a member is due to make, and when it arrived."""

    schedule = models.ForeignKey(
        ContributionSchedule, on_delete=models.CASCADE, related_name="instalments"
    )
    position = models.PositiveSmallIntegerField("ordning")
    due_on = models.DateField("förfaller")
    amount = models.PositiveIntegerField("belopp (kr)")
    paid_on = models.DateField("inbetald", null=True, blank=True)
    paid_amount = models.PositiveIntegerField("inbetalt belopp (kr)", null=True, blank=True)
    note = models.CharField("anteckning", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "inbetalning av medlemsbidrag"
        verbose_name_plural = "inbetalningar av medlemsbidrag"
        ordering = ["schedule", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "position"], name="one_instalment_per_position"
            ),
            models.CheckConstraint(
                condition=models.Q(paid_on__isnull=True, paid_amount__isnull=True)
                | models.Q(paid_on__isnull=False, paid_amount__isnull=False),
                name="instalment_paid_has_date_and_amount",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.schedule} {self.position}"


class BalanceColumnKind(models.TextChoices):
    PREVIOUS = "previous", "Prognos föregående år"
    BUDGET = "budget", "Budget"
    PLAN_NEXT = "plan_next", "Plan år 2"
    PLAN_AFTER = "plan_after", "Plan år 3"


class BalanceColumn(models.Model):
    """One column of the balance budget (Bilaga 16: Prognos 2022, Budget 2023, Plan 2024,
    Plan 2025). Equity and the year's result come from the result budget; the previous
    year's column keeps its own forecast figures when that year has no budget here."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="balance_columns")
    column = models.CharField("kolumn", max_length=10, choices=BalanceColumnKind.choices)
    fixed_assets = models.BigIntegerField("anläggningstillgångar (kr)", default=0)
    current_assets = models.BigIntegerField("omsättningstillgångar (kr)", default=0)
    provisions = models.BigIntegerField("avsättningar (kr)", default=0)
    long_term_liabilities = models.BigIntegerField("långfristiga skulder (kr)", default=0)
    short_term_liabilities = models.BigIntegerField("kortfristiga skulder (kr)", default=0)
    # Only in the previous year's column, when that year has no budget in Samordna:
    opening_equity = models.BigIntegerField("balanserat eget kapital (kr)", null=True, blank=True)
    operating_income = models.BigIntegerField("verksamhetens intäkter (kr)", null=True, blank=True)
    operating_costs = models.BigIntegerField("verksamhetens kostnader (kr)", null=True, blank=True)
    financial_income = models.BigIntegerField("finansiella intäkter (kr)", null=True, blank=True)
    financial_costs = models.BigIntegerField("finansiella kostnader (kr)", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kolumn i balansbudgeten"
        verbose_name_plural = "kolumner i balansbudgeten"
        constraints = [
            models.UniqueConstraint(fields=["budget", "column"], name="one_balance_column_each"),
            models.CheckConstraint(
                condition=models.Q(fixed_assets__gte=0)
                & models.Q(current_assets__gte=0)
                & models.Q(provisions__gte=0)
                & models.Q(long_term_liabilities__gte=0)
                & models.Q(short_term_liabilities__gte=0),
                name="balance_column_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.budget}: {self.get_column_display()}"


class FinancialGoals(models.Model):
    """The förbund's financial goals (Nationella rådet's recommendation and its own)."""

    association = models.OneToOneField(
        "associations.Association", on_delete=models.CASCADE, related_name="financial_goals"
    )
    equity_ceiling_percent = models.DecimalField(
        "eget kapital högst (% av årets intäkter)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("20"),
    )
    equity_floor = models.PositiveIntegerField("eget kapital minst (kr)", default=0)
    individual_share_percent = models.DecimalField(
        "andel till individinriktade insatser minst (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
    )
    balanced_budget = models.BooleanField("budgeten ska vara i balans", default=True)
    no_loans = models.BooleanField("inga lån eller krediter", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "finansiella mål"
        verbose_name_plural = "finansiella mål"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(equity_ceiling_percent__gte=0)
                & models.Q(equity_ceiling_percent__lte=100)
                & models.Q(individual_share_percent__gte=0)
                & models.Q(individual_share_percent__lte=100),
                name="financial_goal_percents_0_100",
            )
        ]

    def __str__(self) -> str:
        return "Finansiella mål"
