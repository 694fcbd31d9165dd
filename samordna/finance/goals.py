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


def _individual(lines: list[BudgetLine], values: dict[int, int]) -> tuple[Decimal, Decimal]:
    individual = total = Decimal(0)
    for line in lines:
        if line.group not in INSATS_GROUPS or line.is_income:
            continue
        amount = Decimal(values.get(line.pk, line.amount))
        direction = line.intervention.direction if line.intervention else line.direction
        total += amount
        if direction == LineDirection.INDIVIDUAL:
            individual += amount
    return individual, total


def goals_for(association: Association) -> GoalsPanel:
    """Every goal with its figure per budget year; five queries whatever the data."""
    settings = settings_for(association)
    budget_list = list(Budget.objects.filter(association=association).order_by("year"))
    lines_by_budget: dict[int, list[BudgetLine]] = {b.pk: [] for b in budget_list}
    for line in BudgetLine.objects.filter(budget__association=association).select_related(
        "intervention"
    ):
        lines_by_budget[line.budget_id].append(line)
    forecasts: dict[int, int] = {}
    for forecast in Forecast.objects.filter(line__budget__association=association).order_by(
        "line_id", "-as_of", "-pk"
    ):
        forecasts.setdefault(forecast.line_id, forecast.amount)
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
        lines = lines_by_budget[budget.pk]
        own = {line.pk: forecasts[line.pk] for line in lines if line.pk in forecasts}
        planned = budgets.figures(lines)
        expected = budgets.figures(lines, own) if own else None
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
        part, whole = _individual(lines, {})
        planned_share = _percent(part, whole)
        forecast_share = _percent(*_individual(lines, own)) if own else None
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
