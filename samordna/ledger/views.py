"""The budget follow-up under /f/<förbund>/ekonomi/uppfoljning/: the follow-up for a date,
its XLSX and PDF, attaching the PDF to a meeting, the forecast per line, and importing the
ledger (upload, preview with problems and account mapping, confirm)."""

import datetime
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.forms import CheckboxInput
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.associations.models import Association
from samordna.associations.permissions import association_for_role, require
from samordna.core.concurrency import lock_version, versioned_save
from samordna.core.forms import attach_errors
from samordna.core.http import AuthedRequest, file_response
from samordna.core.views import form_page
from samordna.finance.models import Budget, BudgetLine
from samordna.finance.selectors import budget_for
from samordna.finance.services import forecast_set
from samordna.ledger import exports, selectors, services
from samordna.ledger.forms import AttachForm, ForecastForm, MappingForm, UploadForm
from samordna.ledger.models import AccountMapping, ImportStatus, LedgerImport
from samordna.ledger.permissions import (
    can_attach,
    can_forecast,
    can_import,
    can_read_budget_followup,
)


def _budget_years(association: Association) -> list[int]:
    return list(
        Budget.objects.filter(association=association)
        .order_by("-year")
        .values_list("year", flat=True)
    )


def _asked_date(request: AuthedRequest) -> tuple[datetime.date | None, str]:
    """The date asked for (?datum=ÅÅÅÅ-MM-DD), or None; the second is an error when what was
    asked is not a date (read without the database)."""
    raw = request.GET.get("datum", "").strip()
    if not raw:
        return None, ""
    try:
        return datetime.date.fromisoformat(raw), ""
    except ValueError:
        return None, f"”{raw}” är inte ett datum. Skriv datumet som ÅÅÅÅ-MM-DD."


def _date_and_budget(
    request: AuthedRequest, association: Association
) -> tuple[datetime.date, Budget | None, str, list[int]]:
    """The date asked for (?datum=ÅÅÅÅ-MM-DD) and its year's budget, or the default: today
    in the newest budget year up to now, else that year's end. The third is an error, the
    fourth the years that have a budget, newest first (all from one query)."""
    budgets = list(Budget.objects.filter(association=association).order_by("-year"))
    years = [b.year for b in budgets]
    day, error = _asked_date(request)
    if day is not None:
        return day, next((b for b in budgets if b.year == day.year), None), "", years
    today = timezone.localdate()
    budget = next((b for b in budgets if b.year <= today.year), None) or (
        budgets[-1] if budgets else None
    )
    if budget is None:
        return today, None, error, years
    return selectors.followup_dates(budget, today), budget, error, years


def _followup_page(
    request: AuthedRequest, association: Association, can_forecast: bool
) -> SimpleNamespace:
    """What the follow-up page shows of the förbund's budget, ledger and forecasts."""
    day, budget, _error, years = _date_and_budget(request, association)
    found = SimpleNamespace(
        date=day, budget=budget, years=years, report=None, chart=None, title="", demo_note=""
    )
    if budget is not None:
        report = selectors.followup(association, budget, day)
        if can_forecast:
            # One reverse() for the page, not one per line.
            address = "/{}/".join(
                reverse("ledger:forecast", args=[association.slug, 0]).rsplit("/0/", 1)
            )
            for row in report.lines:
                row.forecast_url = f"{address.format(row.line.pk)}?datum={day:%Y-%m-%d}"
        found.report = report
        found.chart = exports.chart(report)
        found.title = exports.title(report)
        found.demo_note = exports.DEMO_NOTE if report.demo else ""
    return found


@require_GET
@login_required
def followup(request: AuthedRequest, slug: str) -> HttpResponse:
    """The follow-up is the same for every reader of the förbund with the same address, day
    and rights: the template keeps it (`shared`) and it is read only when not found."""
    association = association_for_role(request.user, slug, can_read_budget_followup)
    _day, error = _asked_date(request)
    forecasts = can_forecast(request.user)
    context = {
        "association": association,
        "today": timezone.localdate(),
        "found": SimpleLazyObject(lambda: _followup_page(request, association, forecasts)),
        "date_error": error,
        "can_forecast": forecasts,
        "can_import": can_import(request.user),
        "can_attach": can_attach(request.user),
        "insats_note": selectors.INSATS_NOTE,
    }
    return render(request, "ledger/followup.html", context, status=400 if error else 200)


def _report(request: AuthedRequest, slug: str) -> selectors.FollowUp:
    association = association_for_role(request.user, slug, can_read_budget_followup)
    day, budget, error, _years = _date_and_budget(request, association)
    if budget is None or error:
        raise Http404("Det finns ingen budget för det datumet.")
    return selectors.followup(association, budget, day)


@require_GET
@login_required
def followup_xlsx(request: AuthedRequest, slug: str) -> HttpResponse:
    report = _report(request, slug)
    return file_response(
        exports.followup_xlsx(report),
        f"budgetuppfoljning-{report.date:%Y-%m-%d}.xlsx",
        exports.XLSX,
    )


@require_GET
@login_required
def followup_pdf(request: AuthedRequest, slug: str) -> HttpResponse:
    report = _report(request, slug)
    return file_response(
        exports.followup_pdf(report),
        f"budgetuppfoljning-{report.date:%Y-%m-%d}.pdf",
        "application/pdf",
    )


@require_http_methods(["GET", "POST"])
@login_required
def attach(request: AuthedRequest, slug: str) -> HttpResponse:
    """Attach the follow-up as a PDF to an agenda item of a meeting not yet justerad."""
    association = association_for_role(request.user, slug, can_read_budget_followup)
    require(can_attach(request.user))
    day, budget, _error, _years = _date_and_budget(request, association)
    form = AttachForm(request.POST or None, association=association, initial={"date": day})
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["date"]
        chosen_budget = budget_for(association, chosen.year)
        if chosen_budget is None:
            form.add_error("date", f"Det finns ingen budget för {chosen.year}.")
        else:
            report = selectors.followup(association, chosen_budget, chosen)
            item = form.cleaned_data["item"]
            try:
                attachment = services.followup_attach(
                    item=item,
                    by=request.user,
                    date=chosen,
                    pdf=exports.followup_pdf(report),
                    title=exports.title(report),
                )
            except ValidationError as problem:
                attach_errors(form, problem)
            else:
                messages.success(
                    request,
                    f"Uppföljningen är bilaga {attachment.number} till sammanträdet "
                    f"{item.meeting.date:%Y-%m-%d}.",
                )
                return redirect("meetings:detail", slug, item.meeting_id)
    status = 400 if request.method == "POST" else 200
    context = {"association": association, "form": form, "date": day, "budget": budget}
    return render(request, "ledger/attach.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def forecast(request: AuthedRequest, slug: str, line: int) -> HttpResponse:
    association = association_for_role(request.user, slug, can_read_budget_followup)
    require(can_forecast(request.user))
    budget_line: BudgetLine = get_object_or_404(
        BudgetLine.objects.select_related("budget"), pk=line, budget__association=association
    )
    year = budget_line.budget.year
    today = timezone.localdate()
    as_of = today if today.year == year else datetime.date(year, 12, 31)
    raw = request.GET.get("datum", "")
    try:
        asked = datetime.date.fromisoformat(raw) if raw else None
    except ValueError:
        asked = None
    if asked is not None and asked.year == year:
        as_of = asked
    latest = budget_line.forecasts.select_related("made_by").order_by("-as_of", "-pk")
    current = latest.first()
    form = ForecastForm(
        request.POST or None,
        initial={"amount": current.amount if current else budget_line.amount, "as_of": as_of},
        versioned=budget_line.forecasts.all(),
    )
    back = f"{reverse('ledger:followup', args=[slug])}?datum={as_of:%Y-%m-%d}"
    return form_page(
        request,
        form=form,
        save=lambda data: forecast_set(line=budget_line, by=request.user, **data),
        done_message=f"Prognosen för {budget_line.name} är sparad.",
        done_url=back,
        template="ledger/forecast_form.html",
        context={
            "association": association,
            "line": budget_line,
            "history": list(latest),
            "cancel_url": back,
        },
    )


# Import


@require_http_methods(["GET", "POST"])
@login_required
def imports(request: AuthedRequest, slug: str) -> HttpResponse:
    """The imports of every year, and (for the kansli and ekonomi) a form to upload a file."""
    association = association_for_role(request.user, slug, can_read_budget_followup)
    allowed = can_import(request.user)
    if request.method == "POST":
        require(allowed)
    years = _budget_years(association)
    today = timezone.localdate()
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        years=years,
        initial={"year": today.year if today.year in years else (years[0] if years else None)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            pending = services.import_upload(
                association=association,
                year=form.cleaned_data["year"],
                by=request.user,
                file=form.cleaned_data["file"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            return redirect("ledger:import_detail", slug, pending.pk)
    context = {
        "association": association,
        "form": form if allowed else None,
        "imports": selectors.imports_for(association),
        "can_import": allowed,
    }
    return render(request, "ledger/imports.html", context, status=400 if form.errors else 200)


def _import(request: AuthedRequest, slug: str, pk: int) -> tuple[Association, LedgerImport]:
    association = association_for_role(request.user, slug, can_read_budget_followup)
    require(can_import(request.user))
    found = get_object_or_404(
        # The parsed file is loaded only where it is read (a large ledger's is megabytes).
        LedgerImport.objects.select_related("association", "uploaded_by", "imported_by").defer(
            "parsed"
        ),
        pk=pk,
        association=association,
    )
    return association, found


@require_http_methods(["GET", "POST"])
@login_required
def import_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """A file's problems with their line numbers and its result accounts to map; the
    import itself only when there are no problems and every account is mapped."""
    association, ledger_import = _import(request, slug, pk)
    if request.method == "POST" and "importera" in request.POST:
        return _import_start(request, ledger_import)
    ledger = services.import_ledger(ledger_import=ledger_import)
    preview = selectors.preview(ledger_import, ledger)
    pending = ledger_import.status == ImportStatus.PENDING
    form = MappingForm(
        request.POST or None, preview=preview, versioned=_mappings(ledger_import.association)
    )
    if request.method == "POST":
        if not pending:
            messages.error(request, "Filen är redan hanterad.")
            return redirect("ledger:import_detail", slug, pk)
        if form.is_valid():
            try:
                with versioned_save(form):
                    services.mappings_save(
                        ledger_import=ledger_import,
                        by=request.user,
                        choices=form.choices(),
                        ledger=ledger,
                    )
                messages.success(request, "Kopplingarna är sparade. Inget är importerat ännu.")
                return redirect("ledger:import_detail", slug, pk)
            except ValidationError as error:
                attach_errors(form, error)
    context = {
        "association": association,
        "ledger_import": ledger_import,
        "preview": preview,
        "form": form,
        "rows": form.bound_rows(),
        "pending": pending,
        "insats_note": selectors.INSATS_NOTE,
    }
    return render(
        request,
        "ledger/import_detail.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


def _mappings(association: Association) -> QuerySet[AccountMapping]:
    """The rows the mapping form edits: the förbund's remembered account mappings."""
    return AccountMapping.objects.filter(association=association)


def _import_start(request: AuthedRequest, ledger_import: LedgerImport) -> HttpResponse:
    """Queue the import with the mappings as chosen and answer at once (a large file takes
    seconds to read): the task checks the file, and its page shows the progress or why the
    file was refused."""
    slug = ledger_import.association.slug
    choices = {
        int(name.removeprefix("konto_")): request.POST.get(name, "")
        for name in request.POST
        if name.startswith("konto_") and name.removeprefix("konto_").isdigit()
    }
    confirmed = CheckboxInput().value_from_datadict(request.POST, request.FILES, "bekrafta")
    version = request.POST.get("version", "")
    try:
        with transaction.atomic():
            if version.isdigit():
                lock_version(_mappings(ledger_import.association), int(version))
            progress = services.import_start(
                ledger_import=ledger_import, by=request.user, choices=choices, confirmed=confirmed
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("ledger:import_detail", slug, ledger_import.pk)
    return redirect("core:progress", slug=slug, pk=progress.pk)


@require_POST
@login_required
def import_discard(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    _, ledger_import = _import(request, slug, pk)
    try:
        services.import_discard(ledger_import=ledger_import, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Filen importerades inte.")
    return redirect("ledger:imports", slug)
