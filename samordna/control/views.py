"""Pages of the control year under /f/<förbund>/styrning/: the årshjul and its calendar, the
delegationsordning with the decisions taken under it, and the internkontrollplan with its
follow-up and report."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import BaseForm
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.associations.models import Association
from samordna.associations.permissions import association_for, association_for_role
from samordna.control import documents, selectors, services
from samordna.control.forms import (
    AdoptForm,
    AttachForm,
    AuditAnswerForm,
    AuditDocumentForm,
    AuditorForm,
    ConsultationForm,
    ControlRowForm,
    CycleItemForm,
    DecisionForm,
    DischargeForm,
    DocumentForm,
    FollowUpForm,
    OccurrenceForm,
    PointForm,
    RepresentativeForm,
    RiskRowForm,
    ThresholdForm,
    YearForm,
)
from samordna.control.models import (
    ControlPlan,
    MemberConsultation,
    MemberDischarge,
    StoredDocument,
)
from samordna.control.permissions import (
    analysis_for,
    audit_document_for,
    auditor_for,
    can_manage,
    can_read,
    consultation_for,
    item_for,
    occurrence_for,
    order_for,
    plan_for,
    row_for,
)
from samordna.core.forms import attach_errors
from samordna.core.http import AuthedRequest, file_response
from samordna.core.views import form_page
from samordna.meetings.models import CalendarFeed

FORM = "associations/generic_form.html"
ICS = "text/calendar; charset=utf-8"
PAGE_SIZE = 25


def _edit(
    request: AuthedRequest,
    association: Association,
    form: BaseForm,
    save: Callable[[dict[str, Any]], object],
    *,
    done: tuple[str, str],
    title: str,
) -> HttpResponse:
    """Every form page of the control year: the form, its service, the message and the page
    to go to when it is saved (`done`), the page's heading."""
    message, url = done
    return form_page(
        request,
        form=form,
        save=save,
        done_message=message,
        done_url=url,
        template=FORM,
        context={"association": association, "title": title},
    )


@dataclass(frozen=True)
class PlanPages:
    """The pages that add a row to a plan not yet adopted, change one and record the board's
    adoption: the delegation order's points, the internkontrollplan's controls and the risk
    analysis's risks. Each kind says its form, its services, where its plan's page is and
    its words."""

    form: Callable[..., BaseForm]  # (data, instance, association)
    add: Callable[..., object]  # (plan, by, data)
    change: Callable[..., object]  # (row, by, data)
    plan_of: Callable[[Any], Any]  # a row's plan
    plan_url: Callable[[str, Any], str]  # (slug, plan)
    adopt_plan: Callable[..., object]  # (plan, by, data): the board adopted it in a §
    added: str
    saved: str
    adopted: str  # with {plan}
    new_title: str  # with {plan}
    edit_title: str  # with {row}

    def adopt(self, request: AuthedRequest, association: Association, plan: Any) -> HttpResponse:
        return _edit(
            request,
            association,
            AdoptForm(request.POST or None, association=association),
            lambda data: self.adopt_plan(plan, request.user, data),
            done=(self.adopted.format(plan=plan), self.plan_url(association.slug, plan)),
            title=f"Anta {plan}",
        )

    def create(self, request: AuthedRequest, association: Association, plan: Any) -> HttpResponse:
        return _edit(
            request,
            association,
            self.form(request.POST or None, None, association),
            lambda data: self.add(plan, request.user, data),
            done=(self.added, self.plan_url(association.slug, plan)),
            title=self.new_title.format(plan=plan),
        )

    def update(self, request: AuthedRequest, association: Association, row: Any) -> HttpResponse:
        return _edit(
            request,
            association,
            self.form(request.POST or None, row, association),
            lambda data: self.change(row, request.user, data),
            done=(self.saved, self.plan_url(association.slug, self.plan_of(row))),
            title=self.edit_title.format(row=row),
        )


POINTS = PlanPages(
    form=lambda data, row, association: PointForm(data, instance=row, association=association),
    add=lambda plan, by, data: services.delegation_point_add(order=plan, by=by, **data),
    change=lambda row, by, data: services.delegation_point_update(point=row, by=by, **data),
    adopt_plan=lambda plan, by, data: services.delegation_order_adopt(order=plan, by=by, **data),
    adopted="Delegationsordningen för {plan.year} är antagen och låst.",
    plan_of=lambda row: row.order,
    plan_url=lambda slug, plan: reverse("control:order", args=[slug, plan.year]),
    added="Punkten är tillagd.",
    saved="Punkten är sparad.",
    new_title="Ny punkt: {plan}",
    edit_title="Ändra punkt {row.number}",
)
RISKS = PlanPages(
    form=lambda data, row, association: RiskRowForm(data, instance=row),
    add=lambda plan, by, data: services.risk_row_add(analysis=plan, by=by, **data),
    change=lambda row, by, data: services.risk_row_update(row=row, by=by, **data),
    adopt_plan=lambda plan, by, data: services.risk_analysis_adopt(analysis=plan, by=by, **data),
    adopted="Analysen är antagen och låst.",
    plan_of=lambda row: row.analysis,
    plan_url=lambda slug, plan: reverse("control:risk", args=[slug, plan.year]),
    added="Risken är tillagd.",
    saved="Risken är sparad.",
    new_title="Ny risk: {plan}",
    edit_title="Ändra risk: {row}",
)
CONTROLS = PlanPages(
    form=lambda data, row, association: ControlRowForm(data, instance=row),
    add=lambda plan, by, data: services.control_row_add(plan=plan, by=by, **data),
    change=lambda row, by, data: services.control_row_update(row=row, by=by, **data),
    adopt_plan=lambda plan, by, data: services.control_plan_adopt(plan=plan, by=by, **data),
    adopted="Planen är antagen och låst.",
    plan_of=lambda row: row.plan,
    plan_url=lambda slug, plan: reverse("control:plan", args=[slug, plan.pk]),
    added="Kontrollmomentet är tillagt.",
    saved="Kontrollmomentet är sparat.",
    new_title="Nytt kontrollmoment: {plan}",
    edit_title="Ändra {row}",
)


# The årshjul


@require_GET
@login_required
def cycle(request: AuthedRequest, slug: str) -> HttpResponse:
    """The year's occurrences with their meetings, and the recurring items behind them."""
    association = association_for_role(request.user, slug, can_read)
    today = timezone.localdate()
    years = selectors.cycle_years(association)
    asked_year = True
    try:
        year = int(request.GET.get("ar", ""))
    except ValueError:
        # This year without events yet: the latest year that has, and the page says so.
        asked_year = False
        year = today.year if today.year in years else (years[0] if years else today.year)
    context = {
        "association": association,
        "year": year,
        "years": years,
        "asked_year": asked_year,
        "today": today,
        "occurrences": list(selectors.occurrences_of(association).filter(year=year)),
        "items": list(association.cycle_items.select_related("member")),
        "can_manage": can_manage(request.user),
        "year_form": YearForm(initial={"year": year}),
    }
    return render(request, "control/cycle.html", context)


@require_GET
@login_required
def cycle_ics(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read)
    content = documents.cycle_ics(
        association,
        selectors.occurrences_of(association),
        name=f"Årshjul – {association.name}",
    )
    return file_response(content, "arshjul.ics", ICS)


@require_GET
def cycle_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The årshjul for a calendar subscription, keyed by the förbund's calendar address."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("association"), token=token)
    association = feed.association
    content = documents.cycle_ics(
        association,
        selectors.occurrences_of(association),
        name=f"Årshjul – {association.name}",
    )
    return file_response(content, "arshjul.ics", ICS)


@require_POST
@login_required
def statutory_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    made = services.cycle_statutory_create(association=association, by=request.user)
    messages.success(request, f"{len(made)} lagstadgade punkter är tillagda i årshjulet.")
    return redirect("control:cycle", slug=slug)


@require_POST
@login_required
def year_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    form = YearForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ange ett år mellan 2000 och 2100.")
        return redirect("control:cycle", slug=slug)
    year = form.cleaned_data["year"]
    made = services.cycle_year_create(association=association, year=year, by=request.user)
    messages.success(request, f"Årshjulet för {year} har {len(made)} nya händelser.")
    return redirect(f"{reverse('control:cycle', args=[slug])}?ar={year}")


@require_http_methods(["GET", "POST"])
@login_required
def item_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return _edit(
        request,
        association,
        CycleItemForm(request.POST or None, association=association),
        lambda data: services.cycle_item_create(association=association, by=request.user, **data),
        done=("Punkten är tillagd i årshjulet.", reverse("control:cycle", args=[slug])),
        title="Ny punkt i årshjulet",
    )


@require_http_methods(["GET", "POST"])
@login_required
def item_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    item = item_for(request.user, association, pk)
    return _edit(
        request,
        association,
        CycleItemForm(request.POST or None, instance=item, association=association),
        lambda data: services.cycle_item_update(item=item, by=request.user, **data),
        done=("Punkten är sparad.", reverse("control:cycle", args=[slug])),
        title=f"Ändra {item}",
    )


@require_http_methods(["GET", "POST"])
@login_required
def occurrence_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    occurrence = occurrence_for(request.user, association, pk)
    return _edit(
        request,
        association,
        OccurrenceForm(request.POST or None, instance=occurrence, association=association),
        lambda data: services.occurrence_update(occurrence=occurrence, by=request.user, **data),
        done=(
            "Händelsen är sparad.",
            f"{reverse('control:cycle', args=[slug])}?ar={occurrence.year}",
        ),
        title=f"{occurrence}",
    )


@require_POST
@login_required
def occurrence_to_agenda(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    occurrence = occurrence_for(request.user, association, pk)
    try:
        item = services.occurrence_to_agenda(occurrence=occurrence, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{reverse('control:cycle', args=[slug])}?ar={occurrence.year}")
    messages.success(request, f"”{item.title}” står nu på dagordningen.")
    return redirect("meetings:detail", slug, item.meeting_id)


@require_POST
@login_required
def meeting_to_agenda(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Every årshjul item of a meeting onto its agenda draft, from the meeting plan."""
    association = association_for_role(request.user, slug, can_manage)
    meeting = get_object_or_404(association.meetings.all(), pk=pk)
    try:
        items = services.meeting_cycle_to_agenda(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{reverse('meetings:plan', args=[slug])}?ar={meeting.date.year}")
    messages.success(request, f"{len(items)} punkter ur årshjulet står nu på dagordningen.")
    return redirect("meetings:detail", slug, meeting.pk)


# Delegation


@require_GET
@login_required
def delegation(request: AuthedRequest, slug: str) -> HttpResponse:
    """The delegationsordningar and every decision taken under them."""
    association = association_for_role(request.user, slug, can_read)
    context = {
        "association": association,
        "orders": list(selectors.orders_of(association)),
        "decisions": list(selectors.decisions_of(association).order_by("-decided_on", "-pk")),
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/delegation.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def order_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    form = YearForm(request.POST or None)
    return _edit(
        request,
        association,
        form,
        lambda data: services.delegation_order_create(
            association=association, year=data["year"], by=request.user
        ),
        done=(
            "Delegationsordningen är upprättad. Punkterna från förra året följer med.",
            reverse("control:delegation", args=[slug]),
        ),
        title="Ny delegationsordning",
    )


@require_GET
@login_required
def order(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = association_for(request.user, slug)
    found = order_for(request.user, association, year)
    context = {
        "association": association,
        "order": found,
        "points": list(found.points.all()),
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/order.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def order_adopt(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return POINTS.adopt(request, association, order_for(request.user, association, year))


@require_http_methods(["GET", "POST"])
@login_required
def point_create(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return POINTS.create(request, association, order_for(request.user, association, year))


@require_http_methods(["GET", "POST"])
@login_required
def point_update(request: AuthedRequest, slug: str, year: int, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    found = order_for(request.user, association, year)
    return POINTS.update(request, association, get_object_or_404(found.points.all(), pk=pk))


@require_http_methods(["GET", "POST"])
@login_required
def decision_create(request: AuthedRequest, slug: str) -> HttpResponse:
    """Register a decision taken under delegation; the next meeting is told of it."""
    association = association_for_role(request.user, slug, can_manage)
    return _edit(
        request,
        association,
        DecisionForm(request.POST or None, association=association),
        lambda data: services.delegation_decision_register(
            association=association, by=request.user, **data
        ),
        done=(
            "Beslutet är registrerat och anmäls vid nästa sammanträde.",
            reverse("control:delegation", args=[slug]),
        ),
        title="Registrera delegationsbeslut",
    )


@require_GET
@login_required
def order_pdf(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = association_for(request.user, slug)
    found = order_for(request.user, association, year)
    pdf = documents.delegation_order_pdf(found)
    return file_response(pdf, f"delegationsordning-{year}.pdf", "application/pdf")


# Risk- och väsentlighetsanalys


@require_GET
@login_required
def risks(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read)
    context = {
        "association": association,
        "analyses": list(selectors.analyses_of(association)),
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/risks.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def risk_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return _edit(
        request,
        association,
        YearForm(request.POST or None),
        lambda data: services.risk_analysis_create(
            association=association, year=data["year"], by=request.user
        ),
        done=(
            "Analysen är upprättad. Riskerna från förra året följer med.",
            reverse("control:risks", args=[slug]),
        ),
        title="Ny risk- och väsentlighetsanalys",
    )


@require_GET
@login_required
def risk(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    """The risks as a table and a 4 × 4 matrix; those above the threshold without a
    control in the year's internkontrollplan are pointed out."""
    association = association_for(request.user, slug)
    analysis = analysis_for(request.user, association, year)
    context = {
        "association": association,
        "analysis": analysis,
        "view": selectors.risk_view(analysis),
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/risk.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def risk_update(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    analysis = analysis_for(request.user, association, year)
    return _edit(
        request,
        association,
        ThresholdForm(request.POST or None, initial={"threshold": analysis.threshold}),
        lambda data: services.risk_analysis_update(analysis=analysis, by=request.user, **data),
        done=("Tröskeln är sparad.", reverse("control:risk", args=[slug, year])),
        title=f"Tröskel: {analysis}",
    )


@require_http_methods(["GET", "POST"])
@login_required
def risk_adopt(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return RISKS.adopt(request, association, analysis_for(request.user, association, year))


@require_http_methods(["GET", "POST"])
@login_required
def risk_row_create(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return RISKS.create(request, association, analysis_for(request.user, association, year))


@require_http_methods(["GET", "POST"])
@login_required
def risk_row_update(request: AuthedRequest, slug: str, year: int, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    analysis = analysis_for(request.user, association, year)
    return RISKS.update(request, association, get_object_or_404(analysis.rows.all(), pk=pk))


@require_GET
@login_required
def risk_pdf(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = association_for(request.user, slug)
    analysis = analysis_for(request.user, association, year)
    pdf = documents.risk_analysis_pdf(selectors.risk_view(analysis))
    return file_response(pdf, f"risk-och-vasentlighetsanalys-{year}.pdf", "application/pdf")


# Internkontroll


@require_GET
@login_required
def plans(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read)
    context = {
        "association": association,
        "plans": list(selectors.plans_of(association)),
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/plans.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def plan_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    created: list[ControlPlan] = []

    def save(data: dict) -> None:
        created.append(
            services.control_plan_create(
                association=association, year=data["year"], by=request.user
            )
        )

    response = _edit(
        request,
        association,
        YearForm(request.POST or None),
        save,
        done=(
            "Planen är upprättad. Raderna från förra årets plan följer med.",
            reverse("control:plans", args=[slug]),
        ),
        title="Ny plan för intern styrning och kontroll",
    )
    if created:
        return redirect("control:plan", slug, created[0].pk)
    return response


@require_GET
@login_required
def plan(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    found = plan_for(request.user, association, pk)
    periods = selectors.periods_of(found)
    period = request.GET.get("period") or (periods[0] if periods else "")
    context = {
        "association": association,
        "plan": found,
        "rows": list(found.rows.all()),
        "periods": periods,
        "period": period,
        "report": selectors.control_report(found, period) if period else None,
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/plan.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def plan_adopt(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return CONTROLS.adopt(request, association, plan_for(request.user, association, pk))


@require_POST
@login_required
def plan_version(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    found = plan_for(request.user, association, pk)
    try:
        draft = services.control_plan_new_version(plan=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("control:plan", slug, pk)
    messages.success(request, f"Version {draft.version} är upprättad; styrelsen antar den.")
    return redirect("control:plan", slug, draft.pk)


@require_http_methods(["GET", "POST"])
@login_required
def row_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return CONTROLS.create(request, association, plan_for(request.user, association, pk))


@require_http_methods(["GET", "POST"])
@login_required
def row_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    return CONTROLS.update(request, association, row_for(request.user, association, pk))


@require_http_methods(["GET", "POST"])
@login_required
def followup_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    row = row_for(request.user, association, pk)
    initial = {"followed_up_on": timezone.localdate(), "period": str(row.plan.year)}
    return _edit(
        request,
        association,
        FollowUpForm(request.POST or None, initial=initial),
        lambda data: services.control_followup_record(row=row, by=request.user, **data),
        done=("Uppföljningen är sparad.", reverse("control:plan", args=[slug, row.plan_id])),
        title=f"Följ upp: {row}",
    )


@require_GET
@login_required
def report_pdf(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    found = plan_for(request.user, association, pk)
    periods = selectors.periods_of(found)
    period = request.GET.get("period", "")
    if period not in periods:
        period = periods[0] if periods else str(found.year)
    report = selectors.control_report(found, period)
    name = f"internkontroll-{found.year}-{period}.pdf".replace(" ", "-")
    return file_response(documents.control_report_pdf(report), name, "application/pdf")


@require_http_methods(["GET", "POST"])
@login_required
def report_attach(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The follow-up report as a Bilaga on an agenda item of a meeting not yet justerad."""
    association = association_for_role(request.user, slug, can_manage)
    found = plan_for(request.user, association, pk)
    periods = selectors.periods_of(found)
    form = AttachForm(request.POST or None, association=association, periods=periods)
    if request.method == "POST" and form.is_valid():
        period = form.cleaned_data["period"]
        item = form.cleaned_data["item"]
        try:
            attachment = services.control_report_attach(
                plan=found,
                period=period,
                item=item,
                by=request.user,
                pdf=documents.control_report_pdf(selectors.control_report(found, period)),
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                f"Uppföljningen är bilaga {attachment.number} till sammanträdet "
                f"{item.meeting.date:%Y-%m-%d}.",
            )
            return redirect("meetings:detail", slug, item.meeting_id)
    status = 400 if request.method == "POST" else 200
    context = {"association": association, "plan": found, "form": form, "periods": periods}
    return render(request, "control/attach.html", context, status=status)


# Ansvarsfrihet


@require_GET
@login_required
def discharges(request: AuthedRequest, slug: str) -> HttpResponse:
    """Each member's decision on the year's årsredovisning and ansvarsfrihet."""
    association = association_for_role(request.user, slug, can_read)
    today = timezone.localdate()
    years, decided = selectors.discharge_years(association, today)
    try:
        year = int(request.GET.get("ar", ""))
    except ValueError:
        year = years[0]
    context = {
        "association": association,
        "year": year,
        "years": years,
        # Said when the year has no decision yet, with the newest year that has.
        "latest_year": decided[0] if decided and year not in decided else None,
        "nothing_decided": not decided,
        "lines": selectors.discharges_for(association, year),
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/discharges.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def discharge_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return form_page(
        request,
        form=DischargeForm(request.POST or None, request.FILES or None, association=association),
        save=lambda data: services.discharge_record(
            association=association, by=request.user, **data
        ),
        done_message="Medlemmens beslut är registrerat.",
        done_url=reverse("control:discharges", args=[slug]),
        template=FORM,
        context={
            "association": association,
            "title": "Registrera medlems beslut om årsredovisning och ansvarsfrihet",
        },
    )


@require_GET
@login_required
def discharge_file(request: AuthedRequest, slug: str, pk: int) -> FileResponse:
    association = association_for_role(request.user, slug, can_read)
    found = get_object_or_404(association.member_discharges.exclude(file=""), pk=pk)
    return _document_file(found, f"ansvarsfrihet-{found.year}-{found.pk}")


# Revision


def _year(request: AuthedRequest, years: list[int]) -> int:
    try:
        return int(request.GET.get("ar", ""))
    except ValueError:
        return years[0]


def _document_file(document: StoredDocument | MemberDischarge, name: str) -> FileResponse:
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=f"{name}{document.extension}",
        content_type=document.content_type,
    )


@require_GET
@login_required
def revision(request: AuthedRequest, slug: str) -> HttpResponse:
    """The year's auditors, their reports and recommendations with the board's answers, and
    what they examine: the year's plans with their follow-ups and the members' decisions."""
    association = association_for_role(request.user, slug, can_read)
    years = selectors.revision_years(association, timezone.localdate())
    year = _year(request, years)
    context = {
        "association": association,
        "years": years,
        "revision": selectors.revision_year(association, year),
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/revision.html", context)


def _revision_url(slug: str, year: int) -> str:
    return f"{reverse('control:revision', args=[slug])}?ar={year}"


@require_http_methods(["GET", "POST"])
@login_required
def auditor_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    year = _year(request, [timezone.localdate().year])
    return _edit(
        request,
        association,
        AuditorForm(request.POST or None, association=association, initial={"year": year}),
        lambda data: services.auditor_add(association=association, by=request.user, **data),
        done=("Revisorn är registrerad.", reverse("control:revision", args=[slug])),
        title="Ny revisor",
    )


@require_http_methods(["GET", "POST"])
@login_required
def auditor_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    auditor = auditor_for(request.user, association, pk)
    return _edit(
        request,
        association,
        AuditorForm(request.POST or None, instance=auditor, association=association),
        lambda data: services.auditor_update(auditor=auditor, by=request.user, **data),
        done=("Revisorn är sparad.", _revision_url(slug, auditor.year)),
        title=f"Ändra {auditor}",
    )


@require_http_methods(["GET", "POST"])
@login_required
def audit_document_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return _edit(
        request,
        association,
        AuditDocumentForm(request.POST or None, request.FILES or None, association=association),
        lambda data: services.audit_document_add(association=association, by=request.user, **data),
        done=("Handlingen är sparad.", reverse("control:revision", args=[slug])),
        title="Ny handling från revisorerna",
    )


@require_GET
@login_required
def audit_document_file(request: AuthedRequest, slug: str, pk: int) -> FileResponse:
    association = association_for(request.user, slug)
    document = audit_document_for(request.user, association, pk)
    return _document_file(document, f"revision-{document.year}-{document.pk}")


@require_http_methods(["GET", "POST"])
@login_required
def audit_answer_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    document = audit_document_for(request.user, association, pk)
    return _edit(
        request,
        association,
        AuditAnswerForm(request.POST or None, association=association),
        lambda data: services.audit_answer_record(document=document, by=request.user, **data),
        done=("Styrelsens svar är sparat.", _revision_url(slug, document.year)),
        title=f"Styrelsens svar: {document}",
    )


# Medlemssamråd


@require_GET
@login_required
def consultations(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read)
    page = Paginator(selectors.consultations_of(association), PAGE_SIZE).get_page(
        request.GET.get("sida")
    )
    context = {"association": association, "page": page, "can_manage": can_manage(request.user)}
    return render(request, "control/consultations.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def consultation_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    return _edit(
        request,
        association,
        ConsultationForm(request.POST or None),
        lambda data: services.consultation_create(association=association, by=request.user, **data),
        done=("Medlemssamrådet är registrerat.", reverse("control:consultations", args=[slug])),
        title="Nytt medlemssamråd",
    )


@require_GET
@login_required
def consultation(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    found = consultation_for(request.user, association, pk)
    context = {
        "association": association,
        "consultation": found,
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/consultation.html", context)


@dataclass(frozen=True)
class ConsultationPage:
    """One of the kansli's forms on a medlemssamråd: its form, its service, its words."""

    form: Callable[[AuthedRequest, Association, MemberConsultation], BaseForm]
    save: Callable[[MemberConsultation, Any, dict[str, Any]], object]
    done: str
    title: str  # with {consultation}


CONSULTATION_FORMS = {
    "update": ConsultationPage(
        lambda request, association, found: ConsultationForm(request.POST or None, instance=found),
        lambda found, by, data: services.consultation_update(consultation=found, by=by, **data),
        "Medlemssamrådet är sparat.",
        "Ändra {consultation}",
    ),
    "representative": ConsultationPage(
        lambda request, association, found: RepresentativeForm(
            request.POST or None, association=association
        ),
        lambda found, by, data: services.representative_add(consultation=found, by=by, **data),
        "Representanten är tillagd.",
        "Ny representant: {consultation}",
    ),
    "document": ConsultationPage(
        lambda request, association, found: DocumentForm(
            request.POST or None, request.FILES or None
        ),
        lambda found, by, data: services.consultation_document_add(
            consultation=found, by=by, **data
        ),
        "Handlingen är sparad.",
        "Ny handling: {consultation}",
    ),
}


def _consultation_form(request: AuthedRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_manage)
    found = consultation_for(request.user, association, pk)
    spec = CONSULTATION_FORMS[kind]
    return _edit(
        request,
        association,
        spec.form(request, association, found),
        lambda data: spec.save(found, request.user, data),
        done=(spec.done, reverse("control:consultation", args=[slug, pk])),
        title=spec.title.format(consultation=found),
    )


@require_http_methods(["GET", "POST"])
@login_required
def consultation_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    return _consultation_form(request, slug, pk, "update")


@require_http_methods(["GET", "POST"])
@login_required
def representative_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    return _consultation_form(request, slug, pk, "representative")


@require_http_methods(["GET", "POST"])
@login_required
def consultation_document_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    return _consultation_form(request, slug, pk, "document")


@require_GET
@login_required
def consultation_document_file(
    request: AuthedRequest, slug: str, pk: int, doc_pk: int
) -> FileResponse:
    association = association_for(request.user, slug)
    found = consultation_for(request.user, association, pk)
    document = get_object_or_404(found.documents.all(), pk=doc_pk)
    return _document_file(document, f"medlemssamrad-{found.held_on:%Y-%m-%d}-{document.pk}")
