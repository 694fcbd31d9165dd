"""The reports under /f/<förbund>/rapporter/: the list, drafting, a report with its sections
and figures (stale ones marked, refreshed on request), editing a section, the bilaga to a
meeting, locking after justering, sending to the members and the files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.associations.models import Association, BoardSeat
from samordna.associations.permissions import association_for_role
from samordna.core.forms import attach_errors
from samordna.core.http import AuthedRequest
from samordna.core.views import form_page
from samordna.reports import documents, selectors, services
from samordna.reports.forms import (
    AttachForm,
    BalanceMappingForm,
    ReportForm,
    SectionForm,
    SendForm,
)
from samordna.reports.models import AssociationReport, ReportSection
from samordna.reports.permissions import can_read_reports, can_write_reports

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _report(association: Association, pk: int) -> AssociationReport:
    return get_object_or_404(
        AssociationReport.objects.select_related("association", "attachment__meeting"),
        pk=pk,
        association=association,
    )


@require_GET
@login_required
def report_list(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read_reports)
    page = selectors.reports_page(association, request.GET.get("sida"))
    return render(
        request,
        "reports/list.html",
        {
            "association": association,
            "page": page,
            "can_write": can_write_reports(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def report_new(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for_role(request.user, slug, can_write_reports)
    form = ReportForm(request.POST or None)
    created: list[AssociationReport] = []

    def save(data: dict) -> None:
        created.append(services.report_create(association=association, by=request.user, **data))

    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"{created[0].title} är upprättad.")
            return redirect("reports:detail", slug, created[0].pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "reports/create.html",
        {"association": association, "form": form},
        status=status,
    )


@require_GET
@login_required
def report_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read_reports)
    report = _report(association, pk)
    state = selectors.figure_state(report)
    sections = [
        (section, state.tables.get(section.table) if section.table else None)
        for section in report.sections.all()
    ]
    minutes = selectors.decided_minutes(report)
    return render(
        request,
        "reports/detail.html",
        {
            "association": association,
            "report": report,
            "state": state,
            "sections": sections,
            "signatories": selectors.signatories(report),
            "discharges": selectors.discharges_for(report),
            "minutes": minutes,
            "dispatches": report.dispatches.select_related("member", "sent_by"),
            "can_write": can_write_reports(request.user),
            "editable": can_write_reports(request.user)
            and not report.is_locked
            and minutes is None,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def section_edit(request: AuthedRequest, slug: str, pk: int, section: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_write_reports)
    report = _report(association, pk)
    found: ReportSection = get_object_or_404(report.sections, pk=section)
    form = SectionForm(request.POST or None, initial={"title": found.title, "body": found.body})
    return form_page(
        request,
        form=form,
        save=lambda data: services.section_update(
            section=found, by=request.user, title=data["title"], body=data["body"]
        ),
        done_message=f"Avsnittet ”{found.title}” är sparat.",
        done_url=f"/f/{slug}/rapporter/{report.pk}/#avsnitt-{found.pk}",
        template="reports/section_form.html",
        context={"association": association, "report": report, "section": found},
    )


@require_POST
@login_required
def refresh(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_write_reports)
    report = _report(association, pk)
    try:
        changed = services.figures_refresh(report=report, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{changed} siffror är uppdaterade från data.")
    return redirect("reports:detail", slug, report.pk)


@require_http_methods(["GET", "POST"])
@login_required
def attach(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_write_reports)
    report = _report(association, pk)
    form = AttachForm(request.POST or None, association=association)
    return form_page(
        request,
        form=form,
        save=lambda data: services.report_attach(report=report, item=data["item"], by=request.user),
        done_message=f"{report.title} är lagd som bilaga till sammanträdet.",
        done_url=f"/f/{slug}/rapporter/{report.pk}/",
        template="reports/attach.html",
        context={"association": association, "report": report},
    )


@require_POST
@login_required
def lock(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_write_reports)
    report = _report(association, pk)
    try:
        progress = services.report_lock_start(report=report, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:detail", slug, report.pk)
    return redirect("core:progress", slug=slug, pk=progress.pk)


@require_http_methods(["GET", "POST"])
@login_required
def send(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_write_reports)
    report = _report(association, pk)
    members = list(association.members.order_by("name"))
    addresses: dict[int, list[str]] = {}
    for seat in BoardSeat.objects.filter(
        association=association, starts_on__lte=report.ends_on, ends_on__gte=report.ends_on
    ).select_related("person"):
        if seat.person.email:
            addresses.setdefault(seat.member_id, []).append(seat.person.email)
    form = SendForm(
        request.POST or None,
        members=members,
        initial_addresses={k: ", ".join(sorted(set(v))) for k, v in addresses.items()},
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.report_send(
            report=report, by=request.user, recipients=form.recipients()
        ),
        done_message=f"{report.title} är skickad till medlemmarna.",
        done_url=f"/f/{slug}/rapporter/{report.pk}/",
        template="reports/send.html",
        context={"association": association, "report": report},
    )


def _file(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@login_required
def report_pdf(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The locked report's stored PDF/A, or the draft as it stands."""
    report = _report(association_for_role(request.user, slug, can_read_reports), pk)
    if report.pdf:
        with report.pdf.open("rb") as stored:
            content = stored.read()
    else:
        content = documents.report_pdf(report)
    return _file(content, f"{report.kind}-{report.year}.pdf", "application/pdf")


@require_GET
@login_required
def report_docx(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    report = _report(association_for_role(request.user, slug, can_read_reports), pk)
    if report.docx:
        with report.docx.open("rb") as stored:
            content = stored.read()
    else:
        content = documents.report_docx(report)
    return _file(content, f"{report.kind}-{report.year}.docx", DOCX)


@require_http_methods(["GET", "POST"])
@login_required
def balance_lines(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Which line of the balance sheet each balance account of the year's ledger goes to,
    remembered for the förbund's later years."""
    association = association_for_role(request.user, slug, can_write_reports)
    report = _report(association, pk)
    accounts = selectors.balance_accounts(association, report.year)
    form = BalanceMappingForm(request.POST or None, accounts=accounts)
    return form_page(
        request,
        form=form,
        save=lambda data: services.balance_mappings_save(
            association=association, by=request.user, lines=form.lines()
        ),
        done_message="Balanskontonas rader i balansräkningen är sparade.",
        done_url=f"/f/{slug}/rapporter/{report.pk}/",
        template="reports/balance_lines.html",
        context={"association": association, "report": report, "accounts": accounts},
    )
