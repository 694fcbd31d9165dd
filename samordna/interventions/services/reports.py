"""Reports from the insatser: the delrapport on the förbund's template, the slutrapport with
goal fulfilment and the parties' signatures, the board's approval in a §, and reminders.

Reports hold no data about participants: results are written about the insats, and the
counts of participants are reported as numbers in the follow-up, never as people.
"""

import copy
import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samordna.accounts.models import Role, User
from samordna.core.concurrency import lock_version
from samordna.core.services import apply_changes, email_queue, save_with_history
from samordna.interventions.models import (
    Fulfilment,
    GrantDecision,
    GrantSettings,
    Report,
    ReportApproval,
    ReportGoal,
    ReportKind,
    ReportSignature,
    ReportStatus,
    Trigger,
)
from samordna.interventions.payable import required_signers
from samordna.interventions.selectors import settings_for
from samordna.interventions.signals import report_submitted
from samordna.meetings.locking import FINAL_PARAGRAPH_MESSAGE, LOCKED_MESSAGE
from samordna.meetings.models import ApprovedMinutes, Paragraph
from samordna.meetings.services import proceedings

OVERDUE_REMINDER_EVERY = datetime.timedelta(days=7)


@dataclass(frozen=True)
class GoalReport:
    goal_id: int
    forecast: str = ""
    fulfilment: str = ""
    comment: str = ""


OPEN_STATUSES = (ReportStatus.DUE, ReportStatus.DRAFT)


def is_overdue(report: Report, today: datetime.date) -> bool:
    """Past its last day and not handed in."""
    return report.status in OPEN_STATUSES and report.due_on < today


def _editable(report: Report) -> None:
    if report.status not in OPEN_STATUSES:
        raise ValidationError(
            f"{report.title} är {report.get_status_display().lower()} och kan inte ändras."
        )


@transaction.atomic
def report_save(
    *,
    report: Report,
    by: User,
    version: int,
    results: str,
    analysis: str,
    goals: Sequence[GoalReport],
) -> Report:
    """Save the report as it stands; it is checked when it is handed in."""
    current = lock_version(report, version, what=report.title)
    _editable(current)
    goal_ids = set(current.decision.application.goals.values_list("pk", flat=True))
    existing = {row.goal_id: row for row in current.goals.all()}
    for entry in goals:
        if entry.goal_id not in goal_ids:
            raise ValidationError("Målet hör inte till insatsens ansökan.")
        if entry.fulfilment and entry.fulfilment not in Fulfilment.values:
            raise ValidationError("Välj en måluppfyllelse i listan.")
        row = existing.get(entry.goal_id) or ReportGoal(report=current, goal_id=entry.goal_id)
        names = apply_changes(
            row,
            {
                "forecast": entry.forecast.strip(),
                "fulfilment": entry.fulfilment if current.kind == ReportKind.FINAL else "",
                "comment": entry.comment.strip(),
            },
        )
        if row.pk is None or names:
            save_with_history(row, by=by)
    names = apply_changes(current, {"results": results.strip(), "analysis": analysis.strip()})
    current.status = ReportStatus.DRAFT
    current.version += 1
    save_with_history(current, by=by, update_fields=[*names, "status", "version"])
    report.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def report_submit(
    *, report: Report, by: User, version: int, now: datetime.datetime | None = None
) -> Report:
    """Hand the report in to the förbund."""
    current = lock_version(report, version, what=report.title)
    _editable(current)
    problems: dict[str, list] = {}
    if not current.results.strip():
        problems["results"] = ["Beskriv insatsens resultat."]
    if current.kind == ReportKind.INTERIM and not current.analysis.strip():
        problems["analysis"] = ["Skriv en nulägesanalys."]
    rows = {row.goal_id: row for row in current.goals.all()}
    missing = []
    for goal in current.decision.application.goals.all():
        row = rows.get(goal.pk)
        # `goal_id` lets a form put the message at that goal's field.
        params = {"goal": goal.text, "goal_id": goal.pk}
        if current.kind == ReportKind.FINAL and not (row and row.fulfilment):
            missing.append(
                ValidationError(
                    "Ange måluppfyllelsen för ”%(goal)s”.", code="fulfilment", params=params
                )
            )
        if current.kind == ReportKind.INTERIM and not (row and row.forecast):
            missing.append(
                ValidationError("Ange en prognos för ”%(goal)s”.", code="forecast", params=params)
            )
    if missing:
        problems["goals"] = missing
    if problems:
        raise ValidationError(problems)
    current.status = ReportStatus.SUBMITTED
    current.submitted_at = now or timezone.now()
    current.submitted_by = by
    current.version += 1
    save_with_history(
        current, by=by, update_fields=["status", "submitted_at", "submitted_by", "version"]
    )
    _tell_office(current)
    report_submitted.send(sender=Report, report=current, by=by)
    report.__dict__.update(current.__dict__)
    return current


def _tell_office(report: Report) -> None:
    email = report.association.email
    if email:
        email_queue(
            key=f"report-submitted:{report.pk}:{report.version}",
            to=[email],
            template="interventions/email/report_submitted",
            context={"report": report},
            association=report.association,
        )


@transaction.atomic
def report_hand_in(
    *,
    report: Report,
    by: User,
    version: int,
    results: str,
    analysis: str,
    goals: Sequence[GoalReport],
    now: datetime.datetime | None = None,
) -> Report:
    """Save the report as written and hand it in, or (when something is missing) neither."""
    # A copy, so that `report` stays as stored if the hand-in is refused and rolled back.
    working = copy.copy(report)
    saved = report_save(
        report=working, by=by, version=version, results=results, analysis=analysis, goals=goals
    )
    report_submit(report=working, by=by, version=saved.version, now=now)
    report.__dict__.update(working.__dict__)
    return report


@transaction.atomic
def report_return(*, report: Report, by: User, reason: str) -> Report:
    """The kansli sends a handed-in report back to be completed."""
    current = Report.objects.select_for_update().get(pk=report.pk)
    if current.status != ReportStatus.SUBMITTED:
        raise ValidationError("Bara en inlämnad rapport som inte är godkänd kan skickas tillbaka.")
    if not reason.strip():
        raise ValidationError({"reason": "Skriv vad som behöver kompletteras."})
    current.status = ReportStatus.DRAFT
    current.version += 1
    current._change_reason = f"Åter för komplettering: {reason.strip()}"  # type: ignore[attr-defined]
    save_with_history(current, by=by, update_fields=["status", "version"])
    report.__dict__.update(current.__dict__)
    recipients = _recipients(report)
    if recipients:
        email_queue(
            key=f"report-returned:{report.pk}:{current.version}",
            to=recipients,
            template="interventions/email/report_returned",
            context={"report": report, "reason": reason.strip()},
            association=report.association,
        )
    return report


@transaction.atomic
def report_sign(
    *, report: Report, by: User, party: str, signed_by: str, signed_on: datetime.date
) -> ReportSignature:
    """Record a party's signature on the slutrapport, as the kansli received it."""
    if report.kind != ReportKind.FINAL:
        raise ValidationError("Bara slutrapporten skrivs under av parterna.")
    if party not in required_signers(report.decision.application):
        raise ValidationError({"party": f"{party} är inte part i insatsen."})
    if report.signatures.filter(party=party).exists():
        raise ValidationError({"party": f"{party} har redan skrivit under."})
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": "Datumet kan inte ligga i framtiden."})
    if not signed_by.strip():
        raise ValidationError({"signed_by": "Skriv vem som skrev under."})
    signature = ReportSignature(
        report=report, party=party, signed_by=signed_by.strip(), signed_on=signed_on
    )
    save_with_history(signature, by=by)
    return signature


def approval_clause(report: Report) -> str:
    """The "Att"-clause for the board's approval, naming the payment it releases."""
    pays = report.instalments.filter(trigger=Trigger.REPORT).exists()
    if report.kind == ReportKind.FINAL:
        rest = " och betala ut det beviljade medlet" if pays else ""
        return f"Att godkänna slutrapporten{rest}."
    what = f"redovisningen för {report.year}" if report.year else report.title.lower()
    rest = (
        f" och betala ut resterande del av de beviljade medlen för {report.year}"
        if pays and report.year
        else ""
    )
    return f"Att godkänna {what}{rest}."


@transaction.atomic
def report_approve(
    *, report: Report, paragraph: Paragraph, by: User, write_text: bool = True
) -> ReportApproval:
    """The board approves the report in a §; the payment waiting for it is released when
    the minutes are justerade (and, for a slutrapport, when every party has signed)."""
    current = Report.objects.select_for_update().get(pk=report.pk)
    if current.status != ReportStatus.SUBMITTED:
        raise ValidationError(
            f"{current.title} är {current.get_status_display().lower()}; styrelsen godkänner "
            "en inlämnad rapport."
        )
    meeting = paragraph.meeting
    if meeting.association_id != current.association_id:
        raise ValidationError("Paragrafen hör till ett annat förbund.")
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        raise ValidationError(LOCKED_MESSAGE)
    if paragraph.immediately_approved:
        raise ValidationError(FINAL_PARAGRAPH_MESSAGE)
    if current.submitted_at and meeting.date < timezone.localdate(current.submitted_at):
        raise ValidationError("Sammanträdet hölls innan rapporten lämnades in.")
    approval = ReportApproval(report=current, paragraph=paragraph)
    save_with_history(approval, by=by)
    current.status = ReportStatus.APPROVED
    current.version += 1
    save_with_history(current, by=by, update_fields=["status", "version"])
    if write_text:
        clause = approval_clause(current)
        text = "\n".join(line for line in (paragraph.decision.strip(), clause) if line)
        proceedings.paragraph_update(paragraph=paragraph, by=by, decision=text)
    report.__dict__.update(current.__dict__)
    return approval


@transaction.atomic
def report_request(
    *, decision: GrantDecision, by: User, title: str, due_on: datetime.date
) -> Report:
    """Ask the insats for a delrapport besides the yearly ones (e.g. per halvår)."""
    application = decision.application
    if decision.outcome == "refused" or application.intervention is None:
        raise ValidationError("Ett avslag rapporteras inte.")
    if application.intervention.closed_on is not None:
        raise ValidationError("Insatsen är slutreglerad och lämnar inga fler rapporter.")
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": "Sista dagen kan inte ha passerat."})
    report = Report(
        association=decision.association,
        intervention=application.intervention,
        decision=decision,
        kind=ReportKind.INTERIM,
        title=title.strip() or "Delrapport",
        due_on=due_on,
    )
    save_with_history(report, by=by)
    return report


def _recipients(report: Report) -> list[str]:
    """The insatsägare's logins and the application's contact."""
    emails = set(
        User.objects.filter(
            role=Role.APPLICANT, member_id=report.intervention.owner_id, is_active=True
        )
        .exclude(email="")
        .values_list("email", flat=True)
    )
    contact = report.decision.application.contact_email
    if contact:
        emails.add(contact)
    return sorted(emails)


def _settings(report: Report) -> GrantSettings:
    """The förbund's settings as fetched with the report, or the (unsaved) defaults."""
    # A missing reverse one-to-one raises an AttributeError subclass: getattr's default.
    found: GrantSettings | None = getattr(report.association, "grant_settings", None)
    return found or settings_for(report.association)


def reports_to_remind(today: datetime.date) -> list[Report]:
    """Reports not handed in whose last day is near, or past: each is reminded once
    before its last day, and once a week after it."""
    candidates = Report.objects.filter(
        status__in=[ReportStatus.DUE, ReportStatus.DRAFT],
        intervention__closed_on__isnull=True,
    ).select_related("intervention", "decision__application", "association__grant_settings")
    due = []
    for report in candidates.filter(Q(reminded_on__isnull=True) | Q(due_on__lt=today)).order_by(
        "due_on", "pk"
    ):
        days = _settings(report).reminder_days
        if report.due_on - datetime.timedelta(days=days) > today:
            continue
        last = report.reminded_on
        if last is None or (today > report.due_on and today - last >= OVERDUE_REMINDER_EVERY):
            due.append(report)
    return due


@transaction.atomic
def reports_remind(*, today: datetime.date) -> int:
    """Queue the reminders that are due and note the day on each report, in one transaction;
    the e-mail leaves after the commit. Returns how many reports were reminded."""
    sent = 0
    for report in reports_to_remind(today):
        recipients = _recipients(report)
        if not recipients:
            continue
        email_queue(
            key=f"report-reminder:{report.pk}:{today:%Y-%m-%d}",
            to=recipients,
            template="interventions/email/report_reminder",
            context={"report": report, "late": today > report.due_on},
            association=report.association,
        )
        report.reminded_on = today
        save_with_history(report, by=None, update_fields=["reminded_on"])
        sent += 1
    return sent
