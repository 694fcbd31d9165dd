"""Pages of board fees: the year's meetings with their fee lists, one meeting's list with
the claims, fastställande and reopening, the yearly list per person for payroll, and the
förbund's rates and grundbelopp."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.associations.models import Association
from samordna.associations.permissions import association_for_role, can_see_history, require
from samordna.core.http import AuthedRequest, file_response
from samordna.core.text import format_date, swedish_key
from samordna.core.views import form_page
from samordna.fees import exports, rules, selectors, services
from samordna.fees.forms import (
    CLAIM_FORMS,
    BaseAmountForm,
    FeeSettingsForm,
    ReopenForm,
    claim_initial,
)
from samordna.fees.models import ClaimKind
from samordna.fees.permissions import (
    can_claim_for_self,
    can_edit_claim,
    can_manage_fees,
    can_read_fees,
    claim_for,
    meeting_for,
)
from samordna.meetings.models import Meeting
from samordna.meetings.selectors import latest_meeting_year

# The kind of claim as written in the address.
KIND_SLUGS = {"forlorad-arbetsfortjanst": ClaimKind.LOSS, "resa": ClaimKind.TRAVEL}
SLUG_OF_KIND = {kind: slug for slug, kind in KIND_SLUGS.items()}


def _year(request: AuthedRequest, years: list[int]) -> int:
    text = request.GET.get("ar", "")
    if text.isdigit() and int(text) in years:
        return int(text)
    today = timezone.localdate().year
    return today if today in years else years[-1]


def _meeting_url(slug: str, meeting: Meeting) -> str:
    return reverse("fees:meeting", args=[slug, meeting.pk])


@require_GET
@login_required
def index(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read_fees)
    years = selectors.fee_years(association, timezone.localdate())
    year = _year(request, years)
    meetings = list(association.meetings.filter(date__year=year))
    lists = selectors.meeting_fees(association, meetings)
    return render(
        request,
        "fees/index.html",
        {
            "association": association,
            "year": year,
            "years": years,
            "lists": lists,
            "rule": rules.rule_for(association),
            "no_rule_message": rules.NO_RULE_MESSAGE,
            "fee_total": sum(f.fee_total for f in lists),
            "loss_total": sum(f.loss_total for f in lists),
            "travel_total": sum(f.travel_total for f in lists),
            "total": sum(f.total for f in lists),
            "can_manage": can_manage_fees(request.user),
            # This year without meetings yet: the page says so and links the latest year.
            "latest_year": None if lists else latest_meeting_year(association),
        },
    )


@require_GET
@login_required
def meeting(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read_fees)
    fees = selectors.meeting_fees_of(meeting_for(association, pk))
    user = request.user
    own_row = fees.row_for(user.person_id) if can_claim_for_self(user) and user.person_id else None
    can_manage = can_manage_fees(user)
    may_claim = not fees.is_fixed and (can_manage or (own_row is not None and own_row.present))
    past = fees.meeting.date <= timezone.localdate()
    return render(
        request,
        "fees/meeting.html",
        {
            "association": association,
            "fees": fees,
            "can_manage": can_manage,
            "may_claim": may_claim and past and bool(fees.rows or can_manage),
            "editable_ids": {
                c.pk
                for row in fees.rows
                for c in row.claims
                if not fees.is_fixed and can_edit_claim(user, c)
            },
            "own_person_id": user.person_id,
            "loss_slug": SLUG_OF_KIND[ClaimKind.LOSS],
            "travel_slug": SLUG_OF_KIND[ClaimKind.TRAVEL],
            "can_see_history": can_see_history(user),
            "no_rule_message": rules.NO_RULE_MESSAGE,
            # The missing rule has its own box; the other problems are listed together.
            "problems": [p for p in fees.problems if p != rules.NO_RULE_MESSAGE],
            "rule": fees.rule,
            "orders": selectors.fee_orders(fees.fee_list),
        },
    )


def _present_people(meeting: Meeting) -> list:
    fees = selectors.meeting_fees_of(meeting)
    people = [row.person for row in fees.rows if row.present]
    return sorted(people, key=lambda p: (swedish_key(p.last_name), swedish_key(p.first_name)))


@require_http_methods(["GET", "POST"])
@login_required
def claim_create(request: AuthedRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read_fees)
    if kind not in KIND_SLUGS:
        raise Http404("Sidan finns inte.")
    claim_kind = KIND_SLUGS[kind]
    found = meeting_for(association, pk)
    user = request.user
    manage = can_manage_fees(user)
    require(manage or can_claim_for_self(user))
    form_class = CLAIM_FORMS[claim_kind]
    form = form_class(request.POST or None, people=_present_people(found) if manage else None)

    def save(data: dict) -> object:
        person = data["person"] if manage else user.person
        assert person is not None  # can_claim_for_self requires it
        return services.claim_create(
            meeting=found, person=person, kind=claim_kind, by=user, **form.service_fields()
        )

    return form_page(
        request,
        form=form,
        save=save,
        done_message=f"{ClaimKind(claim_kind).label} är registrerad.",
        done_url=_meeting_url(slug, found),
        template="fees/claim_form.html",
        context={
            "association": association,
            "meeting": found,
            "title": f"{ClaimKind(claim_kind).label}, styrelsemöte {format_date(found.date)}",
            "claimant": None if manage else user.person,
            "settings": selectors.settings_of(association),
            "kind": claim_kind,
            "cancel_url": _meeting_url(slug, found),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def claim_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read_fees)
    claim = claim_for(association, pk)
    require(can_edit_claim(request.user, claim))
    form = CLAIM_FORMS[claim.kind](
        request.POST or None, initial=claim_initial(claim), versioned=claim
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.claim_update(
            claim=claim, by=request.user, **form.service_fields()
        ),
        done_message=f"{claim.get_kind_display()} för {claim.person} är ändrad.",
        done_url=_meeting_url(slug, claim.meeting),
        template="fees/claim_form.html",
        context={
            "association": association,
            "meeting": claim.meeting,
            "title": f"{claim.get_kind_display()}, styrelsemöte {format_date(claim.meeting.date)}",
            "claimant": claim.person,
            "settings": selectors.settings_of(association),
            "kind": claim.kind,
            "claim": claim,
            "cancel_url": _meeting_url(slug, claim.meeting),
        },
    )


def _act(request: AuthedRequest, action, done: str) -> None:
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)


@require_POST
@login_required
def claim_delete(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read_fees)
    claim = claim_for(association, pk)
    require(can_edit_claim(request.user, claim))
    _act(
        request,
        lambda: services.claim_delete(claim=claim, by=request.user),
        f"{claim.get_kind_display()} för {claim.person} är borttagen.",
    )
    return redirect(_meeting_url(slug, claim.meeting))


@require_POST
@login_required
def fix(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage_fees)
    found = meeting_for(association, pk)
    _act(
        request,
        lambda: services.fee_list_fix(meeting=found, by=request.user),
        f"Arvodeslistan för {format_date(found.date)} är fastställd.",
    )
    return redirect(_meeting_url(slug, found))


@require_POST
@login_required
def send(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The fastställd list goes to attest and utanordning, one order per person."""
    association = association_for_role(request.user, slug, can_manage_fees)
    found = meeting_for(association, pk)
    _act(
        request,
        lambda: services.fee_list_send_for_payment(meeting=found, by=request.user),
        f"Arvodena för {format_date(found.date)} väntar nu på attest.",
    )
    return redirect(_meeting_url(slug, found))


@require_http_methods(["GET", "POST"])
@login_required
def reopen(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage_fees)
    found = meeting_for(association, pk)
    fees = selectors.meeting_fees_of(found)
    if not fees.is_fixed:
        messages.error(request, "Arvodeslistan är inte fastställd.")
        return redirect(_meeting_url(slug, found))
    return form_page(
        request,
        form=ReopenForm(request.POST or None),
        save=lambda data: services.fee_list_reopen(
            meeting=found, by=request.user, reason=data["reason"]
        ),
        done_message=f"Arvodeslistan för {format_date(found.date)} är öppen för ändringar igen.",
        done_url=_meeting_url(slug, found),
        template="fees/reopen.html",
        context={
            "association": association,
            "meeting": found,
            "title": f"Återöppna arvodeslistan, styrelsemöte {format_date(found.date)}",
            "submit_label": "Återöppna listan",
            "cancel_url": _meeting_url(slug, found),
        },
    )


def _year_of(request: AuthedRequest, association: Association) -> int:
    years = selectors.fee_years(association, timezone.localdate())
    return _year(request, years)


@require_GET
@login_required
def year(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read_fees)
    years = selectors.fee_years(association, timezone.localdate())
    chosen = _year(request, years)
    return render(
        request,
        "fees/year.html",
        {
            "association": association,
            "years": years,
            "year": chosen,
            "year_list": selectors.year_list(association, chosen),
        },
    )


@require_GET
@login_required
def year_xlsx(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read_fees)
    chosen = _year_of(request, association)
    content = exports.year_xlsx(association, selectors.year_list(association, chosen))
    return file_response(content, f"arvoden-{slug}-{chosen}.xlsx", exports.XLSX)


@require_http_methods(["GET", "POST"])
@login_required
def settings(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage_fees)
    return form_page(
        request,
        form=FeeSettingsForm(request.POST or None, instance=selectors.settings_of(association)),
        save=lambda data: services.fee_settings_save(
            association=association, by=request.user, **data
        ),
        done_message="Inställningarna för arvoden är sparade.",
        done_url=reverse("fees:settings", args=[slug]),
        template="fees/settings.html",
        context={
            "association": association,
            "title": "Inställningar för arvoden",
            "rule": rules.rule_for(association),
            "no_rule_message": rules.NO_RULE_MESSAGE,
            "base_amounts": list(association.fee_base_amounts.all()),
            "saved": selectors.settings_of(association),
            "cancel_url": reverse("fees:index", args=[slug]),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def base_amount_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage_fees)
    return form_page(
        request,
        form=BaseAmountForm(request.POST or None),
        save=lambda data: services.base_amount_create(
            association=association, by=request.user, **data
        ),
        done_message="Grundbeloppet är sparat.",
        done_url=reverse("fees:settings", args=[slug]),
        template="associations/generic_form.html",
        context={
            "association": association,
            "title": "Nytt grundbelopp",
            "cancel_url": reverse("fees:settings", args=[slug]),
        },
    )
