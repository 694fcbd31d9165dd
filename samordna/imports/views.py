"""Searching the protocols: the förbund's own readers search all its §§, the public the
justerade minutes whose anslag has gone up."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from samordna.associations.models import Association
from samordna.associations.permissions import association_for, require
from samordna.core.http import AuthedRequest
from samordna.imports import search
from samordna.imports.forms import PublicSearchForm, SearchForm
from samordna.imports.models import ParagraphText
from samordna.imports.permissions import can_search

PAGE_SIZE = 20


def _results(request: HttpRequest, text: str, **scope: object) -> tuple[Page | None, str]:
    """The page of hits for `text`, or a message saying why there is none to show."""
    if not text.strip():
        return None, ""
    question = search.question(text)
    if question.empty:
        return None, "Skriv minst ett ord att söka efter, inte bara årtal eller frågeord."
    hits = search.search(question, **scope)  # type: ignore[arg-type]
    page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("sida"))
    return page, "" if page.paginator.count else f"Ingen paragraf innehåller ”{text}”."


@require_GET
@login_required
def protocol_search(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_search(request.user))
    form = SearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    page, message = _results(request, text, association=association)
    extent = ParagraphText.objects.filter(association=association).aggregate(
        first=Min("meeting__date"), last=Max("meeting__date"), count=Count("pk")
    )
    return render(
        request,
        "imports/search.html",
        {
            "association": association,
            "form": form,
            "text": text,
            "page": page,
            "message": message,
            "extent": extent,
        },
    )


@require_GET
def public_search(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = PublicSearchForm(request.GET)
    valid = form.is_valid()
    text = form.cleaned_data["q"] if valid else ""
    association: Association | None = form.cleaned_data.get("forbund") if valid else None
    page, message = _results(request, text, association=association, public_on=today)
    return render(
        request,
        "imports/public_search.html",
        {"form": form, "text": text, "page": page, "message": message, "association": association},
    )
