"""Pages of the participant counts: the year's overview per insats and period; the counts of
one insats in one period, entered by the insatsägare or the kansli, sent, approved and
reopened with a reason; the planned number of participants; the förbund's settings; and the
import of a whole period's counts from a file."""

import datetime
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.accounts.models import Role, User
from samordna.associations.cache import per_association
from samordna.associations.models import Association
from samordna.associations.permissions import association_for, require
from samordna.core.http import AuthedRequest, file_response
from samordna.core.links import ROW, row_link
from samordna.core.text import exact_swedish_order, swedish_key, swedish_order
from samordna.core.uploads import read_upload
from samordna.core.views import form_page, form_render
from samordna.followup import selectors, services
from samordna.followup.count_forms import (
    ConfirmImportForm,
    CountsForm,
    ImportForm,
    PlannedForm,
    ReopenForm,
    SettingsForm,
    collapsed_names,
    count_layout,
)
from samordna.followup.models import (
    CountImport,
    ParticipantReport,
    ParticipantReportStatus,
    PlannedParticipants,
    ReportingPeriod,
)
from samordna.followup.permissions import (
    can_enter_counts,
    can_enter_counts_of,
    can_manage_followup,
    can_read_followup,
    followup_audience,
    participant_report_for,
    sees_small_counts,
)
from samordna.followup.services import imports
from samordna.interventions.models import Direction, Intervention
from samordna.interventions.permissions import intervention_for
from samordna.interventions.selectors import visible_interventions

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _overview_url(slug: str, year: int) -> str:
    return f"{reverse('followup:overview', args=[slug])}?ar={year}"


def _report_url(slug: str, report: ParticipantReport) -> str:
    return reverse("followup:report", args=[slug, report.pk])


# The overview


@dataclass(frozen=True)
class GridInsats:
    """What a row of the grid shows of its insats."""

    pk: int
    name: str
    owner: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class GridCell:
    """An insats in a period, as its cell shows it: the counts' status and address, or
    whether it runs then and the address to start its counts."""

    label: str  # the period's
    runs: bool
    url: str | None = None  # of the counts, when there are some
    status: str = ""
    demo: bool = False
    start_url: str | None = None  # when the user may start the counts


@dataclass(frozen=True)
class GridRow:
    intervention: GridInsats
    cells: list[GridCell]
    planned: int | None
    planned_url: str | None  # when the user may change the planned number


@dataclass
class PeriodState:
    period: ReportingPeriod
    missing: int  # runs, but nothing sent
    waiting: int  # sent, not approved


def _years(user: User, association: Association, today: datetime.date) -> list[int]:
    """Years that have periods saved or a running insats, and this year."""
    years = set(
        ReportingPeriod.objects.filter(association=association)
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )
    spans = (
        visible_interventions(user, association)
        .filter(starts_on__isnull=False)
        .values_list("starts_on", "ends_on")
    )
    for starts, ends in spans:
        assert starts is not None
        years.update(range(starts.year, max(starts.year, (ends or today).year) + 1))
    years.add(today.year)
    return sorted(years)


GRID_PAGE = 50


@dataclass(frozen=True)
class Grid:
    page: Page  # of insats ids, in the Swedish order of their names
    rows: list[GridRow]
    states: list[PeriodState]  # over every insats of the year, not only the page's


def _grid(
    user: User,
    association: Association,
    periods: list[ReportingPeriod],
    year: int,
    number: Any = 1,
    *,
    with_states: bool = False,
    per_page: int,
) -> Grid:
    """A row per insats that runs in the year (or has counts in it), a cell per period: one
    page of them, cut in the database, and the period states summed there; a fixed number
    of queries whatever the number of insatser. The rows are built from the columns they
    show, the addresses reversed once per page."""
    in_year = ParticipantReport.objects.filter(period__association=association, period__year=year)
    chosen = visible_interventions(user, association).filter(
        services.running_q(periods[0].starts_on, periods[-1].ends_on)
        | Q(pk__in=in_year.values("intervention_id"))
    )
    page = Paginator(
        chosen.order_by(*swedish_order("name"), "pk").values_list(
            "pk", "name", "owner__name", "owner_id", "starts_on", "ends_on", "closed_on"
        ),
        per_page,
    ).get_page(number)
    found = list(page.object_list)
    if not exact_swedish_order():
        found.sort(key=lambda i: swedish_key(i[1]))
    ids = [i[0] for i in found]
    reports = {
        (intervention_id, period_number): (pk, status, demo)
        for pk, intervention_id, period_number, status, demo in in_year.filter(
            intervention_id__in=ids
        )
        .order_by()
        .values_list("pk", "intervention_id", "period__number", "status", "demo")
    }
    planned = dict(
        PlannedParticipants.objects.filter(intervention_id__in=ids, year=year)
        .order_by()
        .values_list("intervention_id", "planned")
    )
    slug = association.slug
    report_url = row_link("followup:report", slug)
    planned_url = row_link("followup:planned", slug, ROW, year)
    start_urls = [row_link("followup:report_start", slug, ROW, p.year, p.number) for p in periods]
    labels = [p.label for p in periods]
    statuses = dict(ParticipantReportStatus.choices)
    rows = []
    for pk, name, owner, owner_id, starts, ends, closed in found:
        can_enter = can_enter_counts_of(user, owner_id)
        cells = []
        for n, period in enumerate(periods):
            report = reports.get((pk, period.number))
            if report is not None:
                cells.append(
                    GridCell(
                        labels[n],
                        True,
                        url=report_url(report[0]),
                        status=statuses[report[1]],
                        demo=report[2],
                    )
                )
                continue
            runs = (
                starts is not None
                and starts <= period.ends_on
                and (ends is None or ends >= period.starts_on)
                and (closed is None or closed >= period.starts_on)
            )
            start = start_urls[n](pk) if runs and can_enter else None
            cells.append(GridCell(labels[n], runs, start_url=start))
        rows.append(
            GridRow(
                GridInsats(pk, name, owner),
                cells,
                planned.get(pk),
                planned_url(pk) if can_enter else None,
            )
        )
    states = _period_states(association, chosen, periods) if with_states else []
    return Grid(page, rows, states)


def _period_states(
    association: Association, chosen: QuerySet[Intervention], periods: list[ReportingPeriod]
) -> list[PeriodState]:
    """Per period, over every insats of the grid: how many run and have sent nothing (no
    counts or a draft), how many wait for approval. One query, written as SQL (the ORM took
    longer to build its subqueries than the database to run them); a period is found by
    its year and number, as one the förbund has not reported for is not saved."""
    inner, params = (
        chosen.order_by().values_list("pk", "starts_on", "ends_on", "closed_on").query
    ).sql_with_params()
    sums: list[str] = []
    args: list[Any] = []
    for period in periods:
        sums += [
            "COUNT(*) FILTER (WHERE c.starts_on <= %s"
            " AND (c.ends_on IS NULL OR c.ends_on >= %s)"
            " AND (c.closed_on IS NULL OR c.closed_on >= %s)"
            " AND NOT EXISTS (SELECT 1 FROM y WHERE y.intervention_id = c.id"
            " AND y.number = %s AND y.status <> %s))",
            "COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM y WHERE y.intervention_id = c.id"
            " AND y.number = %s AND y.status = %s))",
        ]
        args += [period.ends_on, period.starts_on, period.starts_on, period.number]
        args += [ParticipantReportStatus.DRAFT.value, period.number]
        args += [ParticipantReportStatus.SUBMITTED.value]
    sql = (
        f"WITH c (id, starts_on, ends_on, closed_on) AS ({inner}),"
        " y AS (SELECT r.intervention_id, p.number, r.status"
        " FROM followup_participantreport r"
        " JOIN followup_reportingperiod p ON p.id = r.period_id"
        " WHERE p.association_id = %s AND p.year = %s)"
        f" SELECT {', '.join(sums)} FROM c"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, association.pk, periods[0].year, *args])
        found = cursor.fetchone()
    return [PeriodState(period, found[2 * n], found[2 * n + 1]) for n, period in enumerate(periods)]


@dataclass(frozen=True)
class Overview:
    """What the grid's part of the page shows: the year's periods, a page of rows, the
    period states (for the kansli) and the newest year with counts."""

    periods: list[ReportingPeriod]
    rows: list[GridRow]
    page: Page
    states: list[PeriodState]
    demo: bool
    latest_year: int | None  # when the year shown has nothing reported yet


def _overview(
    user: User, association: Association, year: int, number: Any, *, manage: bool
) -> Overview:
    periods = selectors.periods_of_year(association, year)
    grid = _grid(user, association, periods, year, number, with_states=manage, per_page=GRID_PAGE)
    latest = selectors.latest_reported_year(association)
    return Overview(
        periods=periods,
        rows=grid.rows,
        page=grid.page,
        states=grid.states,
        demo=any(c.demo for row in grid.rows for c in row.cells),
        latest_year=latest if latest is not None and latest < year else None,
    )


@require_GET
@login_required
def overview(request: AuthedRequest, slug: str) -> HttpResponse:
    """The year's counts per insats and period, with their status (this year unless ?ar=).
    The grid is kept for each kind of reader (`followup_audience`), day and address: the
    view reads only the years (kept as well) to answer 404 for a year without follow-up."""
    association = association_for(request.user, slug)
    user = request.user
    require(can_read_followup(user))
    today = timezone.localdate()
    audience = followup_audience(user)
    years = per_association(
        association,
        f"followup.years:{audience}:{today}",
        lambda: _years(user, association, today),
    )
    try:
        year = int(request.GET.get("ar", today.year))
    except ValueError:
        year = today.year
    if year not in years:
        raise Http404("Det finns ingen uppföljning det året.")
    manage = can_manage_followup(user)
    return render(
        request,
        "followup/counts/overview.html",
        {
            "association": association,
            "audience": audience,
            "year": year,
            "years": years,
            # Read by the template only when the grid is not in the cache.
            "grid": SimpleLazyObject(
                partial(_overview, user, association, year, request.GET.get("sida"), manage=manage)
            ),
            "can_manage": manage,
            # The grid's buttons that start counts post through one form outside the kept part.
            "can_start": manage or user.role == Role.APPLICANT,
            "today": today,
        },
    )


# One insats in one period


@require_POST
@login_required
def report_start(
    request: AuthedRequest, slug: str, intervention_pk: int, year: int, number: int
) -> HttpResponse:
    """Open the counts of an insats for a period (the year's `number`th), as a draft the
    first time; the year's periods are saved then, not when the overview shows them."""
    association = association_for(request.user, slug)
    intervention = intervention_for(request.user, association, intervention_pk)
    require(can_enter_counts(request.user, intervention))
    if not 2000 <= year <= 2100:
        raise Http404("Det finns ingen sådan period.")
    periods = services.periods_for_year(association=association, year=year)
    period = next((p for p in periods if p.number == number), None)
    if period is None:
        raise Http404("Det finns ingen sådan period.")
    known = ParticipantReport.objects.filter(intervention=intervention, period=period).exists()
    if not known and not services.runs_during(intervention, period):
        messages.error(request, f"{intervention} pågår inte under {period.label}.")
        return redirect(_overview_url(slug, period.year))
    report = services.counts_open(intervention=intervention, period=period, by=request.user)
    return redirect(_report_url(slug, report))


@require_http_methods(["GET", "POST"])
@login_required
def report_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The counts of one insats in one period; the form while they are a draft."""
    association = association_for(request.user, slug)
    user = request.user
    require(can_read_followup(user))
    report = participant_report_for(user, association, pk)
    enter = can_enter_counts(user, report.intervention)
    if request.method == "POST":
        require(enter)
    hides = not (sees_small_counts(user) or enter)
    threshold = selectors.settings_for(association).suppression_threshold
    context: dict[str, Any] = {
        "association": association,
        "report": report,
        "intervention": report.intervention,
        "period": report.period,
        "structural": report.intervention.direction == Direction.STRUCTURAL,
        "can_manage": can_manage_followup(user),
        "unlocks": list(report.unlocks.select_related("unlocked_by")),
        "threshold": threshold,
        "hides": hides,
    }
    if not enter or (request.method == "GET" and report.status != ParticipantReportStatus.DRAFT):
        values = report.values()
        context["layout"] = count_layout(values, threshold=threshold if hides else None)
        context["rest_open"] = any(values[n] for n in collapsed_names(context["structural"]))
        return render(request, "followup/counts/report.html", context)
    form = CountsForm(
        request.POST or None,
        values=report.values(),
        version=report.version,
        structural=context["structural"],
    )
    submit = request.POST.get("action") == "submit"

    def save(data: dict[str, Any]) -> None:
        services.counts_save(report=report, by=user, version=data["version"], values=form.values())
        if submit:
            try:
                services.counts_submit(report=report, by=user, version=report.version)
            except ValidationError:
                form.keep_version(report.version)
                form.add_error(None, "Siffrorna är sparade som utkast men inte inskickade.")
                raise

    return form_page(
        request,
        form=form,
        save=save,
        done_message=(
            f"Siffrorna för {report.period.label} är inskickade till kansliet."
            if submit
            else "Utkastet är sparat. Skicka in siffrorna när de stämmer."
        ),
        done_url=_report_url(slug, report),
        template="followup/counts/report.html",
        context={**context, "previous_end": services.previous_end(report)},
    )


@require_POST
@login_required
def report_approve(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The kansli approves sent counts; from then on they are locked."""
    association = association_for(request.user, slug)
    report = participant_report_for(request.user, association, pk)
    require(can_manage_followup(request.user))
    try:
        services.counts_approve(report=report, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Siffrorna för {report.period.label} är godkända och låsta.")
    return redirect(_report_url(slug, report))


@require_http_methods(["GET", "POST"])
@login_required
def report_reopen(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The kansli sends sent counts back, or unlocks approved ones, with a reason."""
    association = association_for(request.user, slug)
    report = participant_report_for(request.user, association, pk)
    require(can_manage_followup(request.user))
    if report.status == ParticipantReportStatus.DRAFT:
        messages.error(request, "Siffrorna är redan ett utkast som kan ändras.")
        return redirect(_report_url(slug, report))
    approved = report.status == ParticipantReportStatus.APPROVED
    title = "Lås upp godkända siffror" if approved else "Skicka tillbaka siffrorna"
    return form_page(
        request,
        form=ReopenForm(request.POST or None),
        save=lambda data: services.counts_reopen(report=report, by=request.user, **data),
        done_message="Siffrorna är ett utkast igen och kan rättas. Skälet är sparat.",
        done_url=_report_url(slug, report),
        template="followup/counts/reopen.html",
        context={
            "association": association,
            "report": report,
            "title": f"{title}: {report.intervention}, {report.period.label}",
            "submit_label": "Lås upp" if approved else "Skicka tillbaka",
            "cancel_url": _report_url(slug, report),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def planned(request: AuthedRequest, slug: str, intervention_pk: int, year: int) -> HttpResponse:
    """How many participants the insats plans for in a year."""
    association = association_for(request.user, slug)
    intervention = intervention_for(request.user, association, intervention_pk)
    require(can_enter_counts(request.user, intervention))
    if not 2000 <= year <= 2100:
        raise Http404("Året finns inte.")
    current = PlannedParticipants.objects.filter(intervention=intervention, year=year).first()
    form = PlannedForm(
        request.POST or None,
        initial={"planned": current and current.planned},
        versioned=current,
    )
    return form_page(
        request,
        form=form,
        save=lambda data: services.planned_set(
            intervention=intervention, by=request.user, year=year, planned=data["planned"]
        ),
        done_message=f"Planerat antal deltagare {year} är sparat.",
        done_url=_overview_url(slug, year),
        template="associations/generic_form.html",
        context={
            "association": association,
            "title": f"Planerat antal deltagare {year}: {intervention}",
            "cancel_url": _overview_url(slug, year),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def settings(request: AuthedRequest, slug: str) -> HttpResponse:
    """How the förbund reports (the periods) and publishes (the threshold, national sharing)."""
    association = association_for(request.user, slug)
    require(can_manage_followup(request.user))
    current = selectors.settings_for(association)
    return form_page(
        request,
        form=SettingsForm(request.POST or None, instance=current),
        save=lambda data: services.settings_save(association=association, by=request.user, **data),
        done_message="Inställningarna för uppföljningen är sparade.",
        done_url=reverse("followup:overview", args=[slug]),
        template="followup/counts/settings.html",
        context={
            "association": association,
            "title": "Inställningar för uppföljning",
            "years_with_figures": ParticipantReport.objects.filter(association=association)
            .order_by("period__year")
            .values_list("period__year", flat=True)
            .distinct(),
            "cancel_url": reverse("followup:overview", args=[slug]),
        },
    )


# Import from a file


def _import_periods(association: Association, today: datetime.date) -> list[ReportingPeriod]:
    """Periods to import for, latest first: this year's and last year's (saved or not yet),
    and any older ones."""
    recent = [
        period
        for year in (today.year, today.year - 1)
        for period in reversed(selectors.periods_of_year(association, year))
    ]
    older = ReportingPeriod.objects.filter(
        association=association, year__lt=today.year - 1
    ).order_by("-starts_on")
    return [*recent, *older]


def _import_page(
    request: AuthedRequest, association: Association, form: ImportForm, **context: Any
) -> HttpResponse:
    chosen = form["period"].value()
    context = {
        "association": association,
        "form": form,
        "periods": form.periods.values(),
        "chosen": getattr(chosen, "key", chosen),
        **context,
    }
    return form_render(request, "followup/counts/import.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def import_counts(request: AuthedRequest, slug: str) -> HttpResponse:
    """Check a file of a period's counts; a file without errors waits as a `CountImport`
    for the kansli to look at and confirm (`import_detail`), as the ledger's imports do."""
    association = association_for(request.user, slug)
    require(can_manage_followup(request.user))
    today = timezone.localdate()
    periods = _import_periods(association, today)
    ended = [p for p in periods if p.ends_on < today]
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        periods=periods,
        initial={"period": ended[0].key if ended else None},
    )
    if request.method != "POST" or not form.is_valid():
        return _import_page(request, association, form)
    upload = form.cleaned_data["file"]
    try:
        table = imports.read_table(read_upload(upload, imports.LIMITS), upload.name)
    except ValidationError as error:
        form.add_error("file", error)
        return _import_page(request, association, form)
    chosen = form.cleaned_data["period"]
    period = next(
        p
        for p in services.periods_for_year(association=association, year=chosen.year)
        if p.number == chosen.number
    )
    checked, pending = imports.counts_upload(
        association=association, period=period, filename=upload.name, table=table, by=request.user
    )
    if pending is None:
        return _import_page(request, association, form, checked=checked, name=upload.name)
    return redirect("followup:import_detail", slug=slug, pk=pending.pk)


@require_http_methods(["GET", "POST"])
@login_required
def import_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """A checked file: its rows checked again against the counts as they are now, and the
    confirmation that imports them all (or, if a row has an error now, none)."""
    association = association_for(request.user, slug)
    require(can_manage_followup(request.user))
    pending = get_object_or_404(
        CountImport.objects.select_related("period", "imported_by"),
        association=association,
        pk=pk,
    )
    if request.method == "POST" and not pending.pending:
        messages.info(request, "Filen är redan importerad.")
        return redirect("followup:import_detail", slug=slug, pk=pk)
    confirm = ConfirmImportForm(request.POST if request.method == "POST" else None)
    if confirm.is_bound and confirm.is_valid():
        approve = confirm.cleaned_data["approve"]
        try:
            checked = imports.counts_import(pending=pending, by=request.user, approve=approve)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("followup:import_detail", slug=slug, pk=pk)
        if not checked.errors:
            done = "godkända" if approve else "inskickade och väntar på godkännande"
            messages.success(
                request,
                f"Siffrorna för {len(checked.rows)} insatser i {pending.period.label} är "
                f"importerade och {done}.",
            )
            return redirect(_overview_url(slug, pending.period.year))
    else:
        checked = imports.check(association=association, period=pending.period, table=pending.rows)
    context = {
        "association": association,
        "pending": pending,
        "checked": checked,
        "name": pending.filename,
        "confirm": confirm if pending.pending and not checked.errors else None,
    }
    return form_render(request, "followup/counts/import_detail.html", context)


@require_GET
@login_required
def import_template(request: AuthedRequest, slug: str, kind: str) -> HttpResponse:
    """A file to fill in (xlsx, or CSV separated by semicolons as Swedish Excel expects): a
    row per insats that runs in the period `?period=`, zeros filled in."""
    association = association_for(request.user, slug)
    require(can_manage_followup(request.user))
    year, _, number = request.GET.get("period", "").partition("-")
    if not (year.isdigit() and number.isdigit() and 2000 <= int(year) <= 2100):
        raise Http404("Välj en period.")
    period = next(
        (p for p in selectors.periods_of_year(association, int(year)) if p.number == int(number)),
        None,
    )
    if period is None:
        raise Http404("Välj en period.")
    rows = imports.template_rows(association, period)
    if kind == "xlsx":
        content, content_type = imports.template_xlsx(rows, period.label), XLSX
    else:
        content, content_type = imports.template_csv(rows), "text/csv; charset=utf-8"
    name = f"uppfoljning-{slug}-{period.year}-{period.kind}-{period.number}".replace("_", "-")
    return file_response(content, f"{name}.{kind}", content_type)
