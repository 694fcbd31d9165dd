"""The public Insatskatalogen: the förbunds' current insatser, open to all without login."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from samordna.core.links import row_link
from samordna.interventions import catalogue
from samordna.interventions.catalogue_forms import CatalogueSearchForm


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Search by free text, filter by kommun, målgrupp, inriktning and förbund."""
    today = timezone.localdate()
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
    return render(
        request,
        "interventions/catalogue/search.html",
        {"form": form, "filters": filters, "page": page},
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
