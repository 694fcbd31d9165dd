"""The förbund's financial goals, figured per budget year from the budget and, where the
kansli has made one, the forecast (the latest per line counts):

- equity at the year's end (opening + result) at most `equity_ceiling_percent` of the
  year's income (Nationella rådet's recommendation, 20 %) and at least `equity_floor` kr;
- at least `individual_share_percent` of the insats money to individinriktade insatser
  (an insats line takes its insats's direction, a typed line its own; a line without a
  direction counts as not individinriktad);
- the budget in balance: budgeted and forecast result at least 0;
- no loans: no long-term liabilities in the balance budget.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import BooleanField, Case, F, Sum, Value, When
from django.db.models.functions import Coalesce

from samordna.associations.cache import per_association
from samordna.associations.models import Association
from samordna.core.text import format_kronor, format_percent
from samordna.finance import budgets
from samordna.finance.models import (
    BalanceColumn,
    Budget,
    BudgetLine,
    FinancialGoals,
    Forecast,
    LineDirection,
    LineGroup,
)

INSATS_GROUPS = {LineGroup.INTERVENTIONS, LineGroup.NEW_INTERVENTIONS}


@dataclass
class GoalYear:
    year: int
    budget_text: str
    forecast_text: str  # empty without a forecast
    budget_met: bool
    forecast_met: bool | None  # None without a forecast
    value: Decimal  # the figure the trend draws (forecast when there is one)

    @property
    def met(self) -> bool:
        return self.budget_met if self.forecast_met is None else self.forecast_met


@dataclass
class Goal:
    key: str
    title: str
    threshold: str
    unit: str  # "kr" or "%"
    years: list[GoalYear] = field(default_factory=list)

    @property
    def latest(self) -> GoalYear | None:
        return self.years[-1] if self.years else None

    @property
    def warnings(self) -> list[str]:
        found = []
        for y in self.years:
            if y.forecast_met is False:
                found.append(f"Prognosen för {y.year} bryter målet: {y.forecast_text}.")
            elif not y.budget_met:
                found.append(f"Budgeten för {y.year} bryter målet: {y.budget_text}.")
        return found


@dataclass
class GoalsPanel:
    settings: FinancialGoals
    goals: list[Goal]
    years: list[int]

    @property
    def warnings(self) -> list[str]:
        return [f"{g.title}: {w}" for g in self.goals for w in g.warnings]


def settings_for(association: Association) -> FinancialGoals:
    """The förbund's goals, or the defaults (not saved) until the kansli sets them."""
    return FinancialGoals.objects.filter(association=association).first() or FinancialGoals(
        association=association
    )


def _percent(part: Decimal, whole: Decimal) -> Decimal:
    if whole == 0:
        return Decimal(0)
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class _Sums:
    """One budget's sums, by the database: the result budget as planned and as forecast
    (a line's latest forecast in place of its amount), and the insats money, all of it and
    the individinriktade part."""

    planned: budgets.Figures = field(default_factory=budgets.Figures)
    expected: budgets.Figures = field(default_factory=budgets.Figures)
    forecasts: int = 0  # lines with a forecast
    insats: Decimal = Decimal(0)
    individual: Decimal = Decimal(0)
    insats_expected: Decimal = Decimal(0)
    individual_expected: Decimal = Decimal(0)


def _sums(association: Association) -> dict[int, _Sums]:
    """Every budget's sums in two grouped queries, however many lines the budgets have:
    the lines summed per (budget, kind of line), then the forecasts, one row per line
    that has one, each moving its line's amount to its latest forecast."""
    direction = Coalesce(F("intervention__direction"), F("direction"))
    insats = Case(
        When(group__in=INSATS_GROUPS, is_income=False, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    rows = (
        BudgetLine.objects.filter(budget__association=association)
        .annotate(insats=insats, line_direction=direction)
        .values("budget_id", "is_income", "is_financial", "insats", "line_direction")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    sums: dict[int, _Sums] = {}
    for row in rows:
        found = sums.setdefault(row["budget_id"], _Sums())
        total = Decimal(row["total"] or 0)
        for figures in (found.planned, found.expected):
            figures.add_amount(row["is_income"], row["is_financial"], total)
        if row["insats"]:
            found.insats += total
            found.insats_expected += total
            if row["line_direction"] == LineDirection.INDIVIDUAL:
                found.individual += total
                found.individual_expected += total
    latest = (
        Forecast.objects.filter(line__budget__association=association)
        .order_by("line_id", "-as_of", "-pk")
        .annotate(line_direction=Coalesce(F("line__intervention__direction"), F("line__direction")))
        .values(
            "line_id",
            "amount",
            "line__amount",
            "line__budget_id",
            "line__is_income",
            "line__is_financial",
            "line__group",
            "line_direction",
        )
    )
    seen: set[int] = set()
    for forecast in latest:
        if forecast["line_id"] in seen:
            continue
        seen.add(forecast["line_id"])
        found = sums.setdefault(forecast["line__budget_id"], _Sums())
        change = Decimal(forecast["amount"] - forecast["line__amount"])
        found.forecasts += 1
        found.expected.add_amount(
            forecast["line__is_income"], forecast["line__is_financial"], change
        )
        if forecast["line__group"] in INSATS_GROUPS and not forecast["line__is_income"]:
            found.insats_expected += change
            if forecast["line_direction"] == LineDirection.INDIVIDUAL:
                found.individual_expected += change
    return sums


def goals_for(association: Association) -> GoalsPanel:
    """Every goal with its figure per budget year, the same for every reader of the förbund:
    kept in the cache until a service changes the budgets, forecasts or goals
    (`associations.cache`)."""
    return per_association(association, "finance.goals", lambda: _goals_for(association))


def _goals_for(association: Association) -> GoalsPanel:
    """The goals panel built anew: five queries whatever the data, the lines summed in the
    database."""
    settings = settings_for(association)
    budget_list = list(Budget.objects.filter(association=association).order_by("year"))
    sums = _sums(association)
    loans: dict[int, int] = {}
    for column in BalanceColumn.objects.filter(budget__association=association).exclude(
        column="previous"
    ):
        loans[column.budget_id] = loans.get(column.budget_id, 0) + column.long_term_liabilities

    ceiling = Goal(
        "ceiling",
        "Eget kapital högst " + format_percent(settings.equity_ceiling_percent) + " av intäkterna",
        f"högst {format_percent(settings.equity_ceiling_percent)} av årets intäkter",
        "kr",
    )
    floor = Goal(
        "floor",
        "Eget kapital minst " + format_kronor(settings.equity_floor),
        f"minst {format_kronor(settings.equity_floor)}",
        "kr",
    )
    share = Goal(
        "individual",
        "Andel till individinriktade insatser",
        f"minst {format_percent(settings.individual_share_percent)}",
        "%",
    )
    balance = Goal("balance", "Budget i balans", "resultat minst 0 kr", "kr")
    no_loans = Goal("loans", "Inga lån eller krediter", "inga långfristiga skulder", "kr")

    for budget in budget_list:
        found = sums.get(budget.pk) or _Sums()
        planned = found.planned
        expected = found.expected if found.forecasts else None
        income = planned.income
        limit = (income * settings.equity_ceiling_percent / 100).quantize(Decimal(1))
        end_budget = budget.opening_equity + planned.result
        end_forecast = budget.opening_equity + expected.result if expected else None

        def equity_text(value: Decimal, of: Decimal) -> str:
            return f"eget kapital {format_kronor(value)} ({format_percent(_percent(value, of))})"

        ceiling.years.append(
            GoalYear(
                budget.year,
                f"{equity_text(end_budget, income)}, gräns {format_kronor(limit)}",
                f"{equity_text(end_forecast, expected.income)}, gräns "  # type: ignore[union-attr]
                f"{format_kronor(limit)}"
                if end_forecast is not None
                else "",
                end_budget <= limit,
                None if end_forecast is None else end_forecast <= limit,
                end_forecast if end_forecast is not None else end_budget,
            )
        )
        floor.years.append(
            GoalYear(
                budget.year,
                f"eget kapital {format_kronor(end_budget)}",
                f"eget kapital {format_kronor(end_forecast)}" if end_forecast is not None else "",
                end_budget >= settings.equity_floor,
                None if end_forecast is None else end_forecast >= settings.equity_floor,
                end_forecast if end_forecast is not None else end_budget,
            )
        )
        part, whole = found.individual, found.insats
        planned_share = _percent(part, whole)
        forecast_share = (
            _percent(found.individual_expected, found.insats_expected) if found.forecasts else None
        )
        share.years.append(
            GoalYear(
                budget.year,
                f"{format_percent(planned_share)} "
                f"({format_kronor(part)} av {format_kronor(whole)})",
                format_percent(forecast_share) if forecast_share is not None else "",
                planned_share >= settings.individual_share_percent,
                None
                if forecast_share is None
                else forecast_share >= settings.individual_share_percent,
                forecast_share if forecast_share is not None else planned_share,
            )
        )
        balance.years.append(
            GoalYear(
                budget.year,
                f"resultat {format_kronor(planned.result)}",
                f"resultat {format_kronor(expected.result)}" if expected else "",
                planned.result >= 0,
                None if expected is None else expected.result >= 0,
                expected.result if expected else planned.result,
            )
        )
        debt = loans.get(budget.pk, 0)
        no_loans.years.append(
            GoalYear(
                budget.year,
                f"långfristiga skulder {format_kronor(debt)}",
                "",
                debt == 0,
                None,
                Decimal(debt),
            )
        )
    goals = [ceiling]
    if settings.equity_floor:
        goals.append(floor)
    if settings.individual_share_percent:
        goals.append(share)
    if settings.balanced_budget:
        goals.append(balance)
    if settings.no_loans:
        goals.append(no_loans)
    return GoalsPanel(settings, goals, [b.year for b in budget_list])
