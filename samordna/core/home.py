"""The site's front page: it sends each user to their own start page, so it knows every
app; like `samordna/urls.py` it stands above them all (see `tests/test_architecture.py`)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from samordna.accounts.models import Role
from samordna.associations.models import Association
from samordna.core.text import swedish_key
from samordna.finance.selectors import allocation_years


def home(request: HttpRequest) -> HttpResponse:
    """Logged-in users go to their start page; the public sees what is open to all."""
    user = request.user
    if user.is_authenticated:
        if user.association is not None:
            return redirect("associations:start", slug=user.association.slug)
        if user.role == Role.NATIONAL:
            return redirect("finance:national")
        if user.role == Role.OPERATOR:
            return redirect("operator:associations")
    associations = sorted(Association.objects.all(), key=lambda a: swedish_key(a.name))
    return render(
        request,
        "core/home.html",
        {"associations": associations, "allocation_years": allocation_years()},
    )
