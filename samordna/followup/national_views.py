"""Published follow-up figures: the national view for national readers, and a förbund's
year table marked public, for the kansli to publish."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from samordna.accounts.permissions import is_national_reader
from samordna.associations.permissions import association_for, can_read_registers, require
from samordna.core.http import AuthedRequest, file_response
from samordna.followup.national import national_overview, public_csv, public_year_table


def _year(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) == 4 else None


@require_GET
@login_required
def overview(request: AuthedRequest) -> HttpResponse:
    """The sharing förbund's approved figures by län and for the country, suppressed."""
    if not is_national_reader(request.user):
        raise Http404("Sidan finns inte.")
    # Read by the template only when its parts are not kept (under every förbund's version).
    found = SimpleLazyObject(partial(national_overview, _year(request.GET.get("ar"))))
    return render(request, "followup/national/overview.html", {"overview": found})


@require_GET
@login_required
def public_export(request: AuthedRequest, slug: str) -> HttpResponse:
    """The förbund's year table for publication, as CSV, small counts hidden."""
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    response = file_response(
        public_csv(public_year_table(association)),
        f"uppfoljning-{association.slug}-offentlig.csv",
        "text/csv; charset=utf-8",
    )
    return response
