from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from samordna.accounts.permissions import is_national_reader
from samordna.associations.permissions import require
from samordna.core.http import AuthedRequest
from samordna.finance import selectors


@require_GET
def allocation_table(request: HttpRequest, year: int) -> HttpResponse:
    """Public: the state's allocation to every förbund in the country for a year."""
    rows = selectors.allocations_for(year)
    if not rows:
        raise Http404("Det finns ingen medelstilldelning för det året.")
    return render(
        request,
        "finance/allocation_table.html",
        {
            "year": year,
            "rows": rows,
            "total": sum(r.amount for r in rows),
            "years": selectors.allocation_years(),
        },
    )


@require_GET
@login_required
def national_overview(request: AuthedRequest) -> HttpResponse:
    """For national readers: figures across all förbund, aggregated by län."""
    require(is_national_reader(request.user))
    years = selectors.allocation_years()
    year = years[0] if years else None
    counties = selectors.allocation_by_county(year) if year else []
    return render(
        request,
        "finance/national_overview.html",
        {
            "year": year,
            "counties": counties,
            "total": sum(c.amount for c in counties),
            "count": sum(c.count for c in counties),
        },
    )
