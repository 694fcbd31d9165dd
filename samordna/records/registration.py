"""What registers itself in the diarium when something happens elsewhere in Samordna: the
receivers of the lower apps' signals (connected in `RecordsConfig.ready`) call these inside
the transaction of the change. Each is idempotent by its `source_key`."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from samordna.accounts.models import User
from samordna.control.models import ControlPlan
from samordna.core.services import save_with_history
from samordna.interventions.models import Agreement, Application, Report
from samordna.meetings.models import ApprovedMinutes, Attachment, Meeting, Paragraph
from samordna.records import services
from samordna.records.models import Case, Handling, HandlingDirection
from samordna.records.services import document_type_of
from samordna.reports.models import AssociationReport


def _kept_file(field: Any) -> tuple[str, bytes, str] | None:
    """A stored file of another app as a copy for the diarium (None when it is gone)."""
    if not field:
        return None
    try:
        with field.open("rb") as stored:
            data = stored.read()
    except (FileNotFoundError, OSError):
        return None
    name = field.name.rsplit("/", 1)[-1]
    content_type = "application/pdf" if data.startswith(b"%PDF-") else "application/octet-stream"
    if name.lower().endswith(".docx"):
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return name, data, content_type


def _organisation_of(application: Application) -> str:
    parts = [application.organisation_name or application.member.name, application.unit]
    return ", ".join(p for p in parts if p)


def application_case(application: Application, *, by: User | None) -> Case:
    """The ärende of an application, registered with the application when it is missing."""
    key = f"application:{application.pk}"
    case = Case.objects.filter(association_id=application.association_id, source_key=key).first()
    if case is not None:
        return case
    return register_application(application=application, by=by).case


@transaction.atomic
def register_application(*, application: Application, by: User | None) -> Handling:
    """An application that reached the förbund: a new ärende with the application and its
    attachments as an incoming handling."""
    association = application.association
    key = f"application:{application.pk}"
    received = timezone.localtime(application.submitted_at or timezone.now()).date()
    case = services.case_open(
        association=association,
        by=by,
        title=f"Ansökan om medel: {application.name or 'ansökan utan namn'}",
        opened_on=received,
        source_key=key,
        application=application,
        intervention=application.intervention,
    )
    files = [
        kept
        for attachment in application.attachments.all()
        if (kept := _kept_file(attachment.file)) is not None
    ]
    return services.handling_register(
        case=case,
        by=by,
        direction=HandlingDirection.INCOMING,
        date=received,
        description=f"Ansökan om medel: {application.name or 'ansökan utan namn'}",
        document_type=document_type_of(association, "ansokan"),
        organisation=_organisation_of(application),
        files=files,
        source_key=key,
    )


@transaction.atomic
def register_decisions(*, meeting: Meeting, by: User | None) -> list[Handling]:
    """The §§ of justerade minutes that decide on applications join their ärenden."""
    registered = []
    paragraphs = Paragraph.objects.filter(meeting=meeting, grant_decisions__isnull=False)
    for paragraph in paragraphs.distinct().prefetch_related("grant_decisions__application"):
        for decision in paragraph.grant_decisions.all():
            application = decision.application
            case = application_case(application, by=by)
            if case.paragraph_id is None:
                case.paragraph = paragraph
                save_with_history(case, by=by, update_fields=["paragraph"])
            registered.append(
                services.handling_register(
                    case=case,
                    by=by,
                    direction=HandlingDirection.INTERNAL,
                    date=meeting.date,
                    description=(
                        f"Beslut {meeting.date:%Y-%m-%d} § {paragraph.number}: "
                        f"{decision.get_outcome_display().lower()}, {paragraph.title}"
                    ),
                    document_type=document_type_of(meeting.association, "beslut"),
                    source_key=f"decision:{decision.pk}",
                )
            )
    return registered


@transaction.atomic
def register_minutes(*, approved: ApprovedMinutes, by: User | None) -> Handling:
    """Justerade minutes: a handling in the year's ärende of the board's minutes, with the
    PDF/A as kept."""
    meeting = approved.meeting
    association = meeting.association
    year = meeting.date.year
    case = services.case_open(
        association=association,
        by=by,
        title=f"Styrelsens protokoll {year}",
        opened_on=approved.approved_on,
        source_key=f"minutes:{year}",
    )
    kept = _kept_file(approved.pdf)
    return services.handling_register(
        case=case,
        by=by,
        direction=HandlingDirection.INTERNAL,
        date=approved.approved_on,
        description=(
            f"Protokoll styrelsemöte {meeting.date:%Y-%m-%d}, "
            f"§ {approved.first_number}–{approved.last_number}"
        ),
        document_type=document_type_of(association, "protokoll"),
        files=[kept] if kept else [],
        source_key=f"minutes:{approved.pk}",
    )


@transaction.atomic
def register_agreement(*, agreement: Agreement, by: User | None) -> Handling:
    """A signed agreement joins its application's ärende."""
    application = agreement.decision.application
    case = application_case(application, by=by)
    assert agreement.signed_on is not None
    return services.handling_register(
        case=case,
        by=by,
        direction=HandlingDirection.OUTGOING,
        date=agreement.signed_on,
        description=f"Avtal {agreement.number}, undertecknat",
        document_type=document_type_of(agreement.association, "avtal"),
        organisation=_organisation_of(application),
        source_key=f"agreement:{agreement.pk}",
    )


@transaction.atomic
def register_report(*, report: Report, by: User | None) -> Handling:
    """A report from an insatsägare joins its application's ärende."""
    application = report.decision.application
    case = application_case(application, by=by)
    received = timezone.localtime(report.submitted_at or timezone.now()).date()
    return services.handling_register(
        case=case,
        by=by,
        direction=HandlingDirection.INCOMING,
        date=received,
        description=f"{report.title}",
        document_type=document_type_of(report.association, "rapport"),
        organisation=_organisation_of(application),
        source_key=f"report:{report.pk}:{report.version}",
    )


def _control_case(plan: ControlPlan, *, by: User | None) -> Case:
    return services.case_open(
        association=plan.association,
        by=by,
        title=f"Intern styrning och kontroll {plan.year}",
        opened_on=plan.adopted_on or timezone.localdate(),
        source_key=f"control:{plan.association_id}:{plan.year}",
        control_plan=plan,
    )


@transaction.atomic
def register_control_plan(*, plan: ControlPlan, by: User | None) -> Handling:
    """An adopted internkontrollplan."""
    assert plan.adopted_on is not None
    return services.handling_register(
        case=_control_case(plan, by=by),
        by=by,
        direction=HandlingDirection.INTERNAL,
        date=min(plan.adopted_on, timezone.localdate()),
        description=f"{plan}, antagen {plan.source}".strip(", "),
        document_type=document_type_of(plan.association, "internkontroll"),
        source_key=f"control-plan:{plan.pk}",
    )


@transaction.atomic
def register_control_report(
    *, plan: ControlPlan, attachment: Attachment, by: User | None
) -> Handling:
    """The follow-up report of an internkontrollplan, as it went to the board."""
    kept = _kept_file(attachment.file)
    return services.handling_register(
        case=_control_case(plan, by=by),
        by=by,
        direction=HandlingDirection.INTERNAL,
        date=timezone.localdate(),
        description=attachment.title,
        document_type=document_type_of(plan.association, "internkontroll"),
        files=[kept] if kept else [],
        source_key=f"control-report:{attachment.pk}",
    )


@transaction.atomic
def register_association_report(*, report: AssociationReport, by: User | None) -> Handling:
    """A verksamhetsplan, delårsrapport or årsredovisning decided and locked: its own ärende
    with the PDF/A as kept (the same SHA-256 as the report's)."""
    assert report.locked_at is not None
    locked_on = timezone.localtime(report.locked_at).date()
    title = f"{report.get_kind_display()} {report.year}"
    case = services.case_open(
        association=report.association,
        by=by,
        title=title,
        opened_on=locked_on,
        source_key=f"association-report:{report.pk}",
    )
    kept = _kept_file(report.pdf)
    return services.handling_register(
        case=case,
        by=by,
        direction=HandlingDirection.INTERNAL,
        date=locked_on,
        description=f"{title}, beslutad och låst",
        document_type=document_type_of(report.association, "arsredovisning"),
        files=[kept] if kept else [],
        source_key=f"association-report-pdf:{report.pk}",
    )
