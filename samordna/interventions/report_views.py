"""Pages of the reports from the insatser: the insatsägare writes and hands in a report; the
kansli sends it back, registers the parties' signatures, asks for more reports and records
the board's approval in a §."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.associations.permissions import association_for, can_read_registers, require
from samordna.core.http import AuthedRequest
from samordna.core.views import form_page
from samordna.interventions.models import (
    GrantDecision,
    Report,
    ReportApproval,
    ReportKind,
    ReportStatus,
)
from samordna.interventions.payable import required_signers
from samordna.interventions.permissions import can_manage_grants, can_write_report, report_for
from samordna.interventions.report_forms import (
    NO_PARTICIPANTS,
    ApprovalForm,
    ReportForm,
    RequestForm,
    ReturnForm,
    SignatureForm,
)
from samordna.interventions.services import reports
from samordna.meetings.locking import LOCKED_MESSAGE
from samordna.meetings.models import ApprovedMinutes, Paragraph

DETAIL = "interventions/reports/report_detail.html"
FORM = "interventions/reports/report_form.html"


def _report_url(slug: str, report: Report) -> str:
    return reverse("interventions:report", args=[slug, report.intervention_id, report.pk])


def _signatures(report: Report) -> list[tuple[str, Any]]:
    """Each party that signs the slutrapport, with its signature or None."""
    signed = {s.party: s for s in report.signatures.all()}
    return [(party, signed.get(party)) for party in required_signers(report.decision.application)]


def _report_context(user: User, association: Association, report: Report) -> dict[str, Any]:
    application = report.decision.application
    prefetch_related_objects([application], "member", "goals", "parties__member")
    prefetch_related_objects([report], "goals", "signatures")
    goals = list(application.goals.all())
    rows = {row.goal_id: row for row in report.goals.all()}
    approval = (
        ReportApproval.objects.select_related("paragraph__meeting").filter(report=report).first()
    )
    signatures = _signatures(report) if report.kind == ReportKind.FINAL else []
    return {
        "association": association,
        "report": report,
        "intervention": report.intervention,
        "goals": goals,
        "goal_rows": [(goal, rows.get(goal.pk)) for goal in goals],
        "overdue": reports.is_overdue(report, timezone.localdate()),
        "approval": approval,
        "signatures": signatures,
        "unsigned": any(signature is None for _, signature in signatures),
        "can_manage": can_manage_grants(user),
        "can_read_minutes": can_read_registers(user),
        "no_participants": NO_PARTICIPANTS,
    }


@require_http_methods(["GET", "POST"])
@login_required
def report_detail(request: AuthedRequest, slug: str, pk: int, report_pk: int) -> HttpResponse:
    """A report as it stands; for the insatsägare (or the kansli) the form to write it."""
    association = association_for(request.user, slug)
    report = report_for(request.user, association, pk, report_pk)
    writer = can_write_report(request.user, report)
    if request.method == "POST":
        require(writer)
    context = _report_context(request.user, association, report)
    # A POST on a report handed in meanwhile (another tab) gets the service's answer.
    if not writer or (request.method == "GET" and report.status not in reports.OPEN_STATUSES):
        return render(request, DETAIL, context)
    form = ReportForm(request.POST or None, report=report, goals=context["goals"])
    hand_in = request.POST.get("action") == "submit"

    def save(data: dict[str, Any]) -> None:
        service = reports.report_hand_in if hand_in else reports.report_save
        try:
            service(report=report, by=request.user, **form.service_input())
        except ValidationError as error:
            raise form.placed(error) from error

    return form_page(
        request,
        form=form,
        save=save,
        done_message=(
            f"{report.title} är inlämnad till förbundet."
            if hand_in
            else "Utkastet är sparat. Lämna in rapporten när den är klar."
        ),
        done_url=_report_url(slug, report),
        template=DETAIL,
        context=context,
    )


@require_http_methods(["GET", "POST"])
@login_required
def report_return(request: AuthedRequest, slug: str, pk: int, report_pk: int) -> HttpResponse:
    """The kansli sends a handed-in report back to the insatsägare to be completed."""
    association = association_for(request.user, slug)
    report = report_for(request.user, association, pk, report_pk)
    require(can_manage_grants(request.user))
    if report.status != ReportStatus.SUBMITTED:
        messages.error(
            request, "Bara en inlämnad rapport som inte är godkänd kan skickas tillbaka."
        )
        return redirect(_report_url(slug, report))
    return form_page(
        request,
        form=ReturnForm(request.POST or None),
        save=lambda data: reports.report_return(report=report, by=request.user, **data),
        done_message=f"{report.title} är skickad tillbaka till insatsägaren för komplettering.",
        done_url=_report_url(slug, report),
        template=FORM,
        context={
            "association": association,
            "title": f"Skicka tillbaka för komplettering: {report.title}",
            "intro": f"{report.intervention}. Insatsägaren får ett e-postmeddelande med det du "
            "skriver och kan sedan ändra rapporten och lämna in den igen.",
            "submit_label": "Skicka tillbaka",
            "cancel_url": _report_url(slug, report),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def report_sign(request: AuthedRequest, slug: str, pk: int, report_pk: int) -> HttpResponse:
    """The kansli registers a party's signature on the slutrapport."""
    association = association_for(request.user, slug)
    report = report_for(request.user, association, pk, report_pk)
    require(can_manage_grants(request.user))
    if report.kind != ReportKind.FINAL:
        raise Http404("Bara slutrapporten skrivs under av parterna.")
    unsigned = [party for party, signature in _signatures(report) if signature is None]
    if not unsigned:
        messages.success(request, "Alla parter har skrivit under slutrapporten.")
        return redirect(_report_url(slug, report))
    return form_page(
        request,
        form=SignatureForm(request.POST or None, parties=unsigned),
        save=lambda data: reports.report_sign(report=report, by=request.user, **data),
        done_message="Underskriften är registrerad.",
        done_url=_report_url(slug, report),
        template=FORM,
        context={
            "association": association,
            "title": f"Registrera underskrift: {report.title}",
            "intro": f"{report.intervention}. Registrera en parts underskrift av slutrapporten "
            "när förbundet har fått den.",
            "submit_label": "Registrera underskriften",
            "cancel_url": _report_url(slug, report),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def report_request(request: AuthedRequest, slug: str, decision_pk: int) -> HttpResponse:
    """The kansli asks an insats for a delrapport besides the planned ones."""
    association = association_for(request.user, slug)
    require(can_manage_grants(request.user))
    decision = get_object_or_404(
        GrantDecision.objects.select_related("application__intervention"),
        association=association,
        pk=decision_pk,
    )
    intervention = decision.application.intervention
    if intervention is None:
        raise Http404("Beslutet hör inte till någon insats.")
    return form_page(
        request,
        form=RequestForm(request.POST or None, today=timezone.localdate()),
        save=lambda data: reports.report_request(decision=decision, by=request.user, **data),
        done_message="Delrapporten är begärd. Insatsägaren påminns med e-post inför sista dagen.",
        done_url=reverse("interventions:detail", args=[slug, intervention.pk]),
        template=FORM,
        context={
            "association": association,
            "title": f"Begär en delrapport: {intervention}",
            "intro": f"Enligt beslutet {decision.source}. Delrapporten skrivs på förbundets mall: "
            "resultat, nulägesanalys och prognos per mål.",
            "submit_label": "Begär delrapporten",
            "cancel_url": reverse("interventions:detail", args=[slug, intervention.pk]),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def report_approve(request: AuthedRequest, slug: str, par_pk: int) -> HttpResponse:
    """The kansli records in a § that the board approves a handed-in report."""
    association = association_for(request.user, slug)
    require(can_manage_grants(request.user))
    paragraph = get_object_or_404(
        Paragraph.objects.select_related("meeting"), pk=par_pk, meeting__association=association
    )
    meeting = paragraph.meeting
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        messages.error(request, LOCKED_MESSAGE)
        return redirect("meetings:detail", slug=slug, pk=meeting.pk)
    handed_in = (
        Report.objects.filter(association=association, status=ReportStatus.SUBMITTED)
        .select_related("intervention")
        .order_by("due_on", "pk")
    )
    form = ApprovalForm(
        request.POST or None, reports=handed_in, initial={"report": request.GET.get("rapport")}
    )
    return form_page(
        request,
        form=form,
        save=lambda data: reports.report_approve(
            report=data["report"],
            paragraph=paragraph,
            by=request.user,
            write_text=data["write_text"],
        ),
        done_message=f"Styrelsens godkännande av rapporten är registrerat i § {paragraph.number}.",
        done_url=reverse("meetings:detail", args=[slug, meeting.pk]),
        template="interventions/reports/report_approve.html",
        context={
            "association": association,
            "paragraph": paragraph,
            "meeting": meeting,
            "has_reports": handed_in.exists(),
        },
    )
