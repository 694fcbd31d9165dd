"""The public diarium at /diarium/<förbund>/: anyone searches the register (secret parts
masked, private persons never shown) and asks for a copy of a public handling."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from samordna.associations.models import Association
from samordna.core.forms import attach_errors
from samordna.core.http import client_ip
from samordna.records import selectors, services
from samordna.records.forms import CopyRequestForm, SearchForm
from samordna.records.models import Handling
from samordna.records.views import PAGE_SIZE, search_of


def _association(slug: str) -> Association:
    return get_object_or_404(Association, slug=slug)


@require_GET
def public_register(request: HttpRequest, slug: str) -> HttpResponse:
    association = _association(slug)
    form = SearchForm(request.GET or None)
    found = selectors.handlings_found(association, search_of(form), public=True)
    page = selectors.RegisterPaginator(found, PAGE_SIZE).get_page(request.GET.get("sida"))
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request,
        "records/public_register.html",
        {"association": association, "form": form, "page": page},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def copy_request(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Ask for a copy: registered as an incoming handling, a to-do for the kansli."""
    association = _association(slug)
    handling = get_object_or_404(
        Handling.objects.select_related("case"), association=association, pk=pk
    )
    form = CopyRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.copy_request_submit(
                association=association,
                handling=handling,
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                message=form.cleaned_data["message"],
                address=client_ip(request),
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            return redirect("records_public:copy_thanks", slug=slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "records/copy_request.html",
        {"association": association, "handling": handling, "form": form},
        status=status,
    )


@require_GET
def copy_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "records/copy_thanks.html", {"association": _association(slug)})
