"""Money: the national allocation table, budgets with their lines and forecasts."""

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
