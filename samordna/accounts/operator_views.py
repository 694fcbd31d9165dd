"""The operator's pages: every förbund of the installation, a new förbund with its members
and first kansli login, and corrections of a förbund's details. Day-to-day work is the
kansli's, in the förbund's own pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from samordna.accounts import services
from samordna.accounts.forms import (
    AssociationSetupForm,
    FirstOfficeUserForm,
    MemberRowFormSet,
)
from samordna.accounts.models import Role
from samordna.accounts.permissions import is_operator
from samordna.associations.models import Association, MemberKind
from samordna.associations.permissions import require
from samordna.core.forms import attach_errors
from samordna.core.http import AuthedRequest
from samordna.core.text import swedish_key
from samordna.core.views import form_page

# A new förbund starts with rows for FK, AF, the region and some kommuner; ?medlemmar=
# gives more rows for a förbund of many kommuner.
DEFAULT_MEMBER_ROWS = 8
MAX_MEMBER_ROWS = 40
STARTING_MEMBERS: list[dict[str, object]] = [
    {"kind": MemberKind.FK, "name": "Försäkringskassan", "share_percent": 50},
    {"kind": MemberKind.AF, "name": "Arbetsförmedlingen", "share_percent": 0},
    {"kind": MemberKind.REGION},
]


@require_GET
@login_required
def association_list(request: AuthedRequest) -> HttpResponse:
    require(is_operator(request.user))
    associations = Association.objects.annotate(
        member_count=Count("members", distinct=True),
        members_without_number=Count(
            "members", filter=Q(members__organisation_number=""), distinct=True
        ),
        office_count=Count("users", filter=Q(users__role=Role.OFFICE), distinct=True),
    )
    ordered = sorted(associations, key=lambda a: swedish_key(a.name))
    return render(request, "accounts/operator_list.html", {"associations": ordered})


def _member_rows(request: AuthedRequest) -> int:
    try:
        rows = int(request.GET.get("medlemmar", DEFAULT_MEMBER_ROWS))
    except ValueError:
        rows = DEFAULT_MEMBER_ROWS
    return max(3, min(rows, MAX_MEMBER_ROWS))


@require_http_methods(["GET", "POST"])
@login_required
def association_create(request: AuthedRequest) -> HttpResponse:
    require(is_operator(request.user))
    data = request.POST if request.method == "POST" else None
    rows = _member_rows(request)
    form = AssociationSetupForm(data)
    office_form = FirstOfficeUserForm(data)
    members = MemberRowFormSet(
        data,
        prefix="medlem",
        initial=[*STARTING_MEMBERS, *({} for _ in range(rows - len(STARTING_MEMBERS)))],
    )
    if data is not None and all([form.is_valid(), office_form.is_valid(), members.is_valid()]):
        try:
            association = services.association_setup(
                by=request.user,
                members=members.members(),
                office=office_form.office(),
                password=office_form.cleaned_data["office_password"],
                **form.cleaned_data,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and any(
                name.startswith("office_") for name in error.message_dict
            ):
                attach_errors(office_form, error)
            else:
                attach_errors(form, error)
        else:
            messages.success(
                request,
                f"{association.name} är upplagt med {association.members.count()} medlemmar. "
                "Lämna över det första lösenordet till kansliet på ett säkert sätt.",
            )
            return redirect("operator:associations")
    return render(
        request,
        "accounts/operator_create.html",
        {
            "form": form,
            "office_form": office_form,
            "members": members,
            "more_rows": rows + 4 if rows + 4 <= MAX_MEMBER_ROWS else None,
            "has_errors": bool(form.errors or office_form.errors or members.total_error_count()),
        },
        status=400 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def association_update(request: AuthedRequest, pk: int) -> HttpResponse:
    require(is_operator(request.user))
    association = get_object_or_404(Association, pk=pk)
    form = AssociationSetupForm(request.POST or None, instance=association)
    in_use = services.association_in_use(association)
    if in_use:
        form.fields["slug"].disabled = True
        form.fields[
            "slug"
        ].help_text = "Förbundet används redan under den här adressen; kortnamnet kan inte ändras."
    return form_page(
        request,
        form=form,
        save=lambda data: services.association_setup_update(
            association=association, by=request.user, **data
        ),
        done_message=f"{association.name} är sparat.",
        done_url=reverse("operator:associations"),
        template="associations/generic_form.html",
        context={"title": f"Ändra {association.name}", "object": association},
    )
