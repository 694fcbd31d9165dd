"""Every write of the reports: drafting a report (its sections carried over from last year's,
its figures read from the data), editing a section, refreshing stale figures, the balance
accounts' lines, putting the report on a meeting's agenda as a bilaga, locking it once that
meeting is justerad (PDF/A with its SHA-256, and Word) and sending it to the members."""

import datetime
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from samordna.accounts.models import User
from samordna.associations.cache import association_pages_changed
from samordna.associations.models import Association, Member
from samordna.core.models import TaskProgress
from samordna.core.richtext import sanitise
from samordna.core.services import (
    delete_with_history,
    email_queue,
    progress_start,
    save_with_history,
)
from samordna.meetings.models import AgendaItem
from samordna.meetings.services.papers import attachment_add
from samordna.reports import documents, figures, selectors, statements
from samordna.reports.models import (
    AssociationReport,
    AssociationReportKind,
    BalanceLine,
    BalanceMapping,
    Figure,
    ReportDispatch,
    ReportSection,
)
from samordna.reports.sections import SECTIONS
from samordna.reports.signals import report_locked

LOCKED = "Rapporten är beslutad och låst; den kan inte ändras."


def default_period(kind: str, year: int) -> tuple[datetime.date, datetime.date]:
    """The whole year, and January–August for a delårsrapport (as `001_…`)."""
    if kind == AssociationReportKind.INTERIM:
        return datetime.date(year, 1, 1), datetime.date(year, 8, 31)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _refuse_locked(report: AssociationReport) -> None:
    if report.is_locked or selectors.decided_minutes(report) is not None:
        raise ValidationError(LOCKED)


def _values(report: AssociationReport) -> dict[str, figures.Value]:
    try:
        return figures.current_values(report)
    except statements.Refused as error:
        raise ValidationError(str(error)) from error


def _figure(report: AssociationReport, value: figures.Value, now: datetime.datetime) -> Figure:
    return Figure(
        report=report,
        key=value.key,
        source=value.source,
        params=value.params,
        table=value.table,
        row=value.row[:300],
        column=value.column[:100],
        position=value.position,
        unit=value.unit,
        value=value.value[:300],
        invented=value.invented,
        drafted_at=now,
    )


@transaction.atomic
def report_create(
    *,
    association: Association,
    kind: str,
    year: int,
    by: User,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    public: bool = True,
) -> AssociationReport:
    """Draft a report: last year's sections of the same kind as the start (else the kind's
    sections), and every figure read from the data with its source."""
    if AssociationReport.objects.filter(association=association, kind=kind, year=year).exists():
        raise ValidationError(
            {"year": f"Det finns redan en {AssociationReportKind(kind).label.lower()} för {year}."}
        )
    first, last = default_period(kind, year)
    report = AssociationReport(
        association=association,
        kind=kind,
        year=year,
        starts_on=starts_on or first,
        ends_on=ends_on or last,
        title=f"{AssociationReportKind(kind).label} {year}",
        public=public,
    )
    if report.starts_on.year != year or report.ends_on.year != year:
        raise ValidationError({"ends_on": f"Perioden ska ligga inom {year}."})
    if report.ends_on < report.starts_on:
        raise ValidationError({"ends_on": "Perioden slutar före den börjar."})
    values = _values(report)
    report.carried_from = selectors.previous_report(report)
    save_with_history(report, by=by)
    if report.carried_from is not None:
        # Last year's texts; the tables as the kind now has them (a section that gained a
        # table of figures, as the balanskravsutredning did, shows it from this year on).
        tables = {key: table for key, _title, table in SECTIONS[kind]}
        carried = [
            (s.key, s.title, s.body, tables.get(s.key, s.table))
            for s in report.carried_from.sections.all()
        ]
    else:
        carried = [(key, title, "", table) for key, title, table in SECTIONS[kind]]
    for position, (key, title, body, table) in enumerate(carried, start=1):
        save_with_history(
            ReportSection(
                report=report, position=position, key=key, title=title, body=body, table=table
            ),
            by=by,
        )
    now = timezone.now()
    # Hundreds of figures: written at once, each with its history row naming `by`.
    bulk_create_with_history(
        [_figure(report, value, now) for value in values.values()], Figure, default_user=by
    )
    association_pages_changed(association_id=report.association_id)  # bulk: no signals
    return report


@transaction.atomic
def section_update(*, section: ReportSection, by: User, title: str, body: str) -> ReportSection:
    """Save a section's heading and text (sanitised); the history keeps each version."""
    report = AssociationReport.objects.select_for_update().get(pk=section.report_id)
    _refuse_locked(report)
    section.title = title.strip()
    section.body = sanitise(body)
    save_with_history(section, by=by)
    return section


@transaction.atomic
def figures_refresh(*, report: AssociationReport, by: User) -> int:
    """Take the data's values for the stale figures, add new ones and drop those whose data
    are gone; the history keeps what each figure said before. The number changed."""
    report = AssociationReport.objects.select_for_update().get(pk=report.pk)
    _refuse_locked(report)
    values = _values(report)
    now = timezone.now()
    changed = 0
    for figure in report.figures.all():
        value = values.pop(figure.key, None)
        if value is None:
            delete_with_history(figure, by=by)
            changed += 1
        elif (
            value.value != figure.value
            or value.position != figure.position
            or value.invented != figure.invented
        ):
            figure.value = value.value[:300]
            figure.invented = value.invented
            figure.row = value.row[:300]
            figure.position = value.position
            figure.params = value.params
            figure.drafted_at = now
            figure.seed = ""
            save_with_history(figure, by=by)
            changed += 1
    added = [_figure(report, value, now) for value in values.values()]
    bulk_create_with_history(added, Figure, default_user=by)
    association_pages_changed(association_id=report.association_id)  # bulk: no signals
    return changed + len(added)


@transaction.atomic
def figures_mark_seed(
    *, report: AssociationReport, by: User, keys: Sequence[str], source: str
) -> int:
    """Mark figures as the ones a document states (the demo's seeds): the page names the
    document beside them. The data still give their value; a refresh clears the mark."""
    report = AssociationReport.objects.select_for_update().get(pk=report.pk)
    _refuse_locked(report)
    marked = 0
    for figure in report.figures.filter(key__in=keys):
        figure.seed = source[:200]
        save_with_history(figure, by=by)
        marked += 1
    if marked != len(set(keys)):
        raise ValidationError("Någon av siffrorna finns inte i rapporten.")
    return marked


@transaction.atomic
def balance_mappings_save(*, association: Association, by: User, lines: Mapping[int, str]) -> None:
    """Remember the balance-sheet line of each balance account (kept for later years)."""
    existing = {m.account: m for m in BalanceMapping.objects.filter(association=association)}
    for account, line in lines.items():
        if not 1000 <= account <= 2999:
            raise ValidationError({f"konto_{account}": f"Konto {account} är inget balanskonto."})
        if line not in BalanceLine.values:
            raise ValidationError({f"konto_{account}": "Välj en rad i balansräkningen."})
        mapping = existing.get(account) or BalanceMapping(association=association, account=account)
        if mapping.pk and mapping.line == line:
            continue
        mapping.line = line
        save_with_history(mapping, by=by)


@transaction.atomic
def report_attach(*, report: AssociationReport, item: AgendaItem, by: User) -> AssociationReport:
    """Put the report on a meeting's agenda as its next bilaga (a PDF of the draft); the
    meeting's justering then locks it."""
    report = AssociationReport.objects.select_for_update().get(pk=report.pk)
    _refuse_locked(report)
    if item.meeting.association_id != report.association_id:
        raise ValidationError({"item": "Punkten hör till ett annat förbund."})
    upload = SimpleUploadedFile(
        f"{report.kind}-{report.year}.pdf",
        documents.report_pdf(report),
        content_type="application/pdf",
    )
    attachment = attachment_add(
        meeting=item.meeting, by=by, title=report.title, file=upload, item=item
    )
    report.attachment = attachment
    save_with_history(report, by=by)
    return report


@transaction.atomic
def report_lock(*, report: AssociationReport, by: User) -> AssociationReport:
    """Once the meeting that decides the report is justerad: keep it as PDF/A with its
    SHA-256 and as Word, and lock it."""
    report = AssociationReport.objects.select_for_update().get(pk=report.pk)
    if report.is_locked:
        return report
    if selectors.decided_minutes(report) is None:
        raise ValidationError(
            "Rapporten låses när protokollet från sammanträdet där den beslutas är justerat."
        )
    pdf = documents.report_pdf(report, archival=True)
    docx = documents.report_docx(report)
    name = f"{report.kind}-{report.year}"
    report.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
    report.docx.save(f"{name}.docx", ContentFile(docx), save=False)
    report.pdf_sha256 = AssociationReport.sha256(pdf)
    report.locked_at = timezone.now()
    save_with_history(report, by=by)
    report_locked.send(sender=AssociationReport, report=report, by=by)
    return report


LOCK_TASK = "samordna.reports.tasks.report_lock_task"


def report_lock_start(*, report: AssociationReport, by: User) -> TaskProgress:
    """Check that the report can be locked now and lock it in the background."""
    if report.is_locked:
        raise ValidationError("Rapporten är redan låst.")
    if selectors.decided_minutes(report) is None:
        raise ValidationError(
            "Rapporten låses när protokollet från sammanträdet där den beslutas är justerat."
        )
    return progress_start(
        title=f"Låsa {report.title}",
        task_path=LOCK_TASK,
        arguments={"report_id": report.pk, "by_id": by.pk},
        by=by,
        association=report.association,
    )


@transaction.atomic
def report_send(
    *, report: AssociationReport, by: User, recipients: Mapping[Member, Sequence[str]]
) -> list[ReportDispatch]:
    """E-mail the locked report (its PDF/A) to each member's recipients, through the outbox,
    and record when and to whom."""
    report = AssociationReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_locked:
        raise ValidationError("Rapporten skickas när den är beslutad och låst.")
    chosen = {member: sorted(set(to)) for member, to in recipients.items() if to}
    if not chosen:
        raise ValidationError("Ange minst en mottagare.")
    with report.pdf.open("rb") as stored:
        pdf = stored.read()
    now = timezone.now()
    dispatches = []
    for member, to in chosen.items():
        if member.association_id != report.association_id:
            raise ValidationError("Medlemmen hör till ett annat förbund.")
        dispatch = ReportDispatch(
            report=report, member=member, recipients=to, sent_at=now, sent_by=by
        )
        save_with_history(dispatch, by=by)
        email_queue(
            key=f"report-{report.pk}-dispatch-{dispatch.pk}",
            to=to,
            template="reports/email/report",
            context={"report": report, "member": member},
            association=report.association,
            attachments=[(f"{report.kind}-{report.year}.pdf", pdf, "application/pdf")],
        )
        dispatches.append(dispatch)
    return dispatches
