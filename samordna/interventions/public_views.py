"""The public Insatskatalogen: the förbunds' current insatser, open to all without login."""

import datetime
from types import SimpleNamespace

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from samordna.core.links import row_link
from samordna.interventions import catalogue
from samordna.interventions.catalogue_forms import CatalogueSearchForm


def _search_results(request: HttpRequest, today: datetime.date) -> SimpleNamespace:
    choices = catalogue.catalogue_choices(today)
    form = CatalogueSearchForm(request.GET, choices=choices)
    filters = form.filters()
    page = catalogue.catalogue_search(
        filters,
        today,
        request.GET.get("sida"),
        count=choices.current if filters.is_empty else None,
        link=row_link("catalogue:detail"),
    )
    return SimpleNamespace(form=form, filters=filters, page=page)


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Search by free text, filter by kommun, målgrupp, inriktning and förbund.

    The form and the results are the same for every visitor with the same address on the
    same day: the template keeps them nationally (`shared_nationally`), and they are read
    only when it does not find them."""
    today = timezone.localdate()
    return render(
        request,
        "interventions/catalogue/search.html",
        {"found": SimpleLazyObject(lambda: _search_results(request, today)), "today": today},
    )


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One current insats: what, for whom, where, how to get there and whom to ask."""
    entry = catalogue.public_entry(pk, timezone.localdate())
    if entry is None:
        raise Http404("Insatsen finns inte i insatskatalogen.")
    return render(
        request,
        "interventions/catalogue/detail.html",
        {"entry": entry, "intervention": entry.intervention},
    )
