"""Pages of the control year under /f/<förbund>/styrning/: the årshjul and its calendar, the
delegationsordning with the decisions taken under it, and the internkontrollplan with its
follow-up and report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.associations.models import Association
from samordna.associations.permissions import association_for, require
from samordna.control import documents, selectors, services
from samordna.control.forms import (
    AdoptForm,
    AttachForm,
    ControlRowForm,
    CycleItemForm,
    DecisionForm,
    DischargeForm,
    FollowUpForm,
    OccurrenceForm,
    PointForm,
    RiskRowForm,
    ThresholdForm,
    YearForm,
)
from samordna.control.models import ControlPlan
from samordna.control.permissions import (
    analysis_for,
    can_manage,
    can_read,
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


def _reader(request: AuthedRequest, slug: str) -> Association:
    association = association_for(request.user, slug)
    require(can_read(request.user))
    return association


def _office(request: AuthedRequest, slug: str) -> Association:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    return association


# The årshjul


@require_GET
@login_required
def cycle(request: AuthedRequest, slug: str) -> HttpResponse:
    """The year's occurrences with their meetings, and the recurring items behind them."""
    association = _reader(request, slug)
    today = timezone.localdate()
    years = selectors.cycle_years(association)
    try:
        year = int(request.GET.get("ar", ""))
    except ValueError:
        year = today.year if today.year in years else (years[0] if years else today.year)
    context = {
        "association": association,
        "year": year,
        "years": years,
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
    association = _reader(request, slug)
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
    association = _office(request, slug)
    made = services.cycle_statutory_create(association=association, by=request.user)
    messages.success(request, f"{len(made)} lagstadgade punkter är tillagda i årshjulet.")
    return redirect("control:cycle", slug=slug)


@require_POST
@login_required
def year_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = _office(request, slug)
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
    association = _office(request, slug)
    return form_page(
        request,
        form=CycleItemForm(request.POST or None, association=association),
        save=lambda data: services.cycle_item_create(
            association=association, by=request.user, **data
        ),
        done_message="Punkten är tillagd i årshjulet.",
        done_url=reverse("control:cycle", args=[slug]),
        template=FORM,
        context={"association": association, "title": "Ny punkt i årshjulet"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def item_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    item = item_for(request.user, association, pk)
    return form_page(
        request,
        form=CycleItemForm(request.POST or None, instance=item, association=association),
        save=lambda data: services.cycle_item_update(item=item, by=request.user, **data),
        done_message="Punkten är sparad.",
        done_url=reverse("control:cycle", args=[slug]),
        template=FORM,
        context={"association": association, "title": f"Ändra {item}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def occurrence_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    occurrence = occurrence_for(request.user, association, pk)
    return form_page(
        request,
        form=OccurrenceForm(request.POST or None, instance=occurrence, association=association),
        save=lambda data: services.occurrence_update(
            occurrence=occurrence, by=request.user, **data
        ),
        done_message="Händelsen är sparad.",
        done_url=f"{reverse('control:cycle', args=[slug])}?ar={occurrence.year}",
        template=FORM,
        context={"association": association, "title": f"{occurrence}"},
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


# Delegation


@require_GET
@login_required
def delegation(request: AuthedRequest, slug: str) -> HttpResponse:
    """The delegationsordningar and every decision taken under them."""
    association = _reader(request, slug)
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
    association = _office(request, slug)
    form = YearForm(request.POST or None)
    return form_page(
        request,
        form=form,
        save=lambda data: services.delegation_order_create(
            association=association, year=data["year"], by=request.user
        ),
        done_message="Delegationsordningen är upprättad. Punkterna från förra året följer med.",
        done_url=reverse("control:delegation", args=[slug]),
        template=FORM,
        context={"association": association, "title": "Ny delegationsordning"},
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
    association = _office(request, slug)
    found = order_for(request.user, association, year)
    return form_page(
        request,
        form=AdoptForm(request.POST or None, association=association),
        save=lambda data: services.delegation_order_adopt(order=found, by=request.user, **data),
        done_message=f"Delegationsordningen för {year} är antagen och låst.",
        done_url=reverse("control:order", args=[slug, year]),
        template=FORM,
        context={"association": association, "title": f"Anta {found}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def point_create(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = _office(request, slug)
    found = order_for(request.user, association, year)
    return form_page(
        request,
        form=PointForm(request.POST or None, association=association),
        save=lambda data: services.delegation_point_add(order=found, by=request.user, **data),
        done_message="Punkten är tillagd.",
        done_url=reverse("control:order", args=[slug, year]),
        template=FORM,
        context={"association": association, "title": f"Ny punkt: {found}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def point_update(request: AuthedRequest, slug: str, year: int, pk: int) -> HttpResponse:
    association = _office(request, slug)
    found = order_for(request.user, association, year)
    point = get_object_or_404(found.points.all(), pk=pk)
    return form_page(
        request,
        form=PointForm(request.POST or None, instance=point, association=association),
        save=lambda data: services.delegation_point_update(point=point, by=request.user, **data),
        done_message="Punkten är sparad.",
        done_url=reverse("control:order", args=[slug, year]),
        template=FORM,
        context={"association": association, "title": f"Ändra punkt {point.number}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def decision_create(request: AuthedRequest, slug: str) -> HttpResponse:
    """Register a decision taken under delegation; the next meeting is told of it."""
    association = _office(request, slug)
    return form_page(
        request,
        form=DecisionForm(request.POST or None, association=association),
        save=lambda data: services.delegation_decision_register(
            association=association, by=request.user, **data
        ),
        done_message="Beslutet är registrerat och anmäls vid nästa sammanträde.",
        done_url=reverse("control:delegation", args=[slug]),
        template=FORM,
        context={"association": association, "title": "Registrera delegationsbeslut"},
    )


# Risk- och väsentlighetsanalys


@require_GET
@login_required
def risks(request: AuthedRequest, slug: str) -> HttpResponse:
    association = _reader(request, slug)
    context = {
        "association": association,
        "analyses": list(selectors.analyses_of(association)),
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/risks.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def risk_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = _office(request, slug)
    return form_page(
        request,
        form=YearForm(request.POST or None),
        save=lambda data: services.risk_analysis_create(
            association=association, year=data["year"], by=request.user
        ),
        done_message="Analysen är upprättad. Riskerna från förra året följer med.",
        done_url=reverse("control:risks", args=[slug]),
        template=FORM,
        context={"association": association, "title": "Ny risk- och väsentlighetsanalys"},
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
    association = _office(request, slug)
    analysis = analysis_for(request.user, association, year)
    return form_page(
        request,
        form=ThresholdForm(request.POST or None, initial={"threshold": analysis.threshold}),
        save=lambda data: services.risk_analysis_update(analysis=analysis, by=request.user, **data),
        done_message="Tröskeln är sparad.",
        done_url=reverse("control:risk", args=[slug, year]),
        template=FORM,
        context={"association": association, "title": f"Tröskel: {analysis}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def risk_adopt(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = _office(request, slug)
    analysis = analysis_for(request.user, association, year)
    return form_page(
        request,
        form=AdoptForm(request.POST or None, association=association),
        save=lambda data: services.risk_analysis_adopt(analysis=analysis, by=request.user, **data),
        done_message="Analysen är antagen och låst.",
        done_url=reverse("control:risk", args=[slug, year]),
        template=FORM,
        context={"association": association, "title": f"Anta {analysis}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def risk_row_create(request: AuthedRequest, slug: str, year: int) -> HttpResponse:
    association = _office(request, slug)
    analysis = analysis_for(request.user, association, year)
    return form_page(
        request,
        form=RiskRowForm(request.POST or None),
        save=lambda data: services.risk_row_add(analysis=analysis, by=request.user, **data),
        done_message="Risken är tillagd.",
        done_url=reverse("control:risk", args=[slug, year]),
        template=FORM,
        context={"association": association, "title": f"Ny risk: {analysis}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def risk_row_update(request: AuthedRequest, slug: str, year: int, pk: int) -> HttpResponse:
    association = _office(request, slug)
    analysis = analysis_for(request.user, association, year)
    row = get_object_or_404(analysis.rows.all(), pk=pk)
    return form_page(
        request,
        form=RiskRowForm(request.POST or None, instance=row),
        save=lambda data: services.risk_row_update(row=row, by=request.user, **data),
        done_message="Risken är sparad.",
        done_url=reverse("control:risk", args=[slug, year]),
        template=FORM,
        context={"association": association, "title": f"Ändra risk: {row}"},
    )


# Internkontroll


@require_GET
@login_required
def plans(request: AuthedRequest, slug: str) -> HttpResponse:
    association = _reader(request, slug)
    context = {
        "association": association,
        "plans": list(selectors.plans_of(association)),
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/plans.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def plan_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = _office(request, slug)
    created: list[ControlPlan] = []

    def save(data: dict) -> None:
        created.append(
            services.control_plan_create(
                association=association, year=data["year"], by=request.user
            )
        )

    response = form_page(
        request,
        form=YearForm(request.POST or None),
        save=save,
        done_message="Planen är upprättad. Raderna från förra årets plan följer med.",
        done_url=reverse("control:plans", args=[slug]),
        template=FORM,
        context={"association": association, "title": "Ny plan för intern styrning och kontroll"},
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
    association = _office(request, slug)
    found = plan_for(request.user, association, pk)
    return form_page(
        request,
        form=AdoptForm(request.POST or None, association=association),
        save=lambda data: services.control_plan_adopt(plan=found, by=request.user, **data),
        done_message="Planen är antagen och låst.",
        done_url=reverse("control:plan", args=[slug, pk]),
        template=FORM,
        context={"association": association, "title": f"Anta {found}"},
    )


@require_POST
@login_required
def plan_version(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = _office(request, slug)
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
    association = _office(request, slug)
    found = plan_for(request.user, association, pk)
    return form_page(
        request,
        form=ControlRowForm(request.POST or None),
        save=lambda data: services.control_row_add(plan=found, by=request.user, **data),
        done_message="Kontrollmomentet är tillagt.",
        done_url=reverse("control:plan", args=[slug, pk]),
        template=FORM,
        context={"association": association, "title": f"Nytt kontrollmoment: {found}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def row_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    row = row_for(request.user, association, pk)
    return form_page(
        request,
        form=ControlRowForm(request.POST or None, instance=row),
        save=lambda data: services.control_row_update(row=row, by=request.user, **data),
        done_message="Kontrollmomentet är sparat.",
        done_url=reverse("control:plan", args=[slug, row.plan_id]),
        template=FORM,
        context={"association": association, "title": f"Ändra {row}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def followup_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    row = row_for(request.user, association, pk)
    initial = {"followed_up_on": timezone.localdate(), "period": str(row.plan.year)}
    return form_page(
        request,
        form=FollowUpForm(request.POST or None, initial=initial),
        save=lambda data: services.control_followup_record(row=row, by=request.user, **data),
        done_message="Uppföljningen är sparad.",
        done_url=reverse("control:plan", args=[slug, row.plan_id]),
        template=FORM,
        context={"association": association, "title": f"Följ upp: {row}"},
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
    association = _office(request, slug)
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
    association = _reader(request, slug)
    today = timezone.localdate()
    years = selectors.discharge_years(association, today)
    try:
        year = int(request.GET.get("ar", ""))
    except ValueError:
        year = years[0]
    context = {
        "association": association,
        "year": year,
        "years": years,
        "lines": selectors.discharges_for(association, year),
        "can_manage": can_manage(request.user),
    }
    return render(request, "control/discharges.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def discharge_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = _office(request, slug)
    return form_page(
        request,
        form=DischargeForm(request.POST or None, association=association),
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
