import datetime
from dataclasses import dataclass

from django.db.models import Count, Sum

from samordna.associations.models import Association
from samordna.core.choices import County
from samordna.core.text import swedish_key
from samordna.finance.budgets import BudgetSummary, summarize
from samordna.finance.models import Budget, BudgetLine, Forecast, NationalAllocation


def allocation_years() -> list[int]:
    return list(
        NationalAllocation.objects.order_by("-year").values_list("year", flat=True).distinct()
    )


def allocations_for(year: int) -> list[NationalAllocation]:
    rows = NationalAllocation.objects.filter(year=year)
    return sorted(rows, key=lambda r: (r.county, swedish_key(r.association_name)))


@dataclass(frozen=True)
class CountyTotal:
    county: str
    label: str
    count: int
    amount: int


def allocation_by_county(year: int) -> list[CountyTotal]:
    """Sums per län, computed in the database."""
    rows = (
        NationalAllocation.objects.filter(year=year)
        .values("county")
        .annotate(count=Count("id"), amount=Sum("amount"))
        .order_by("county")
    )
    labels = dict(County.choices)
    return [CountyTotal(r["county"], labels[r["county"]], r["count"], r["amount"]) for r in rows]


def budget_for(association: Association, year: int) -> Budget | None:
    return Budget.objects.filter(association=association, year=year).first()


def budget_lines(budget: Budget) -> list[BudgetLine]:
    """The budget's lines in order, with what they name, in one query."""
    return list(budget.lines.select_related("member", "intervention").order_by("position", "pk"))


def latest_forecasts(budget: Budget, *, as_of: datetime.date | None = None) -> dict[int, Forecast]:
    """The newest forecast per line (made on or before `as_of`), by line id, in one query."""
    rows = Forecast.objects.filter(line__budget=budget).select_related("made_by")
    if as_of is not None:
        rows = rows.filter(as_of__lte=as_of)
    latest: dict[int, Forecast] = {}
    for forecast in rows.order_by("line_id", "-as_of", "-pk"):
        latest.setdefault(forecast.line_id, forecast)
    return latest


def budgets_of(association: Association) -> list[Budget]:
    return list(Budget.objects.filter(association=association).order_by("-year"))


def budget_summary(budget: Budget) -> BudgetSummary:
    """The budget's groups, result and balance budget; a fixed number of queries."""
    previous = budget_for(budget.association, budget.year - 1)
    return summarize(
        budget,
        budget_lines(budget),
        list(budget.balance_columns.all()),
        previous=previous,
        previous_lines=budget_lines(previous) if previous else None,
        previous_forecasts=latest_forecasts(previous) if previous else None,
    )


def contribution_years(association: Association) -> list[int]:
    """Years with a schedule or an allocation for the förbund, newest first."""
    years = set(association.contribution_schedules.values_list("year", flat=True).distinct()) | set(
        association.state_allocations.values_list("year", flat=True)
    )
    years |= set(association.national_allocations.values_list("year", flat=True))
    return sorted(years, reverse=True)
