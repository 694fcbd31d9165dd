from dataclasses import dataclass

from django.db.models import Count, Sum

from samordna.core.choices import County
from samordna.core.text import swedish_key
from samordna.finance.models import NationalAllocation


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
