"""Searching the protocols: the förbund's own readers search all its §§, the public the
justerade minutes whose anslag has gone up."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.associations.models import Association, Person
from samordna.associations.permissions import association_for, can_manage, require
from samordna.associations.selectors import board_on
from samordna.core.forms import attach_errors
from samordna.core.http import AuthedRequest
from samordna.imports import search, services
from samordna.imports.forms import (
    AttendanceFormSet,
    MeetingFactsForm,
    ParagraphFormSet,
    PublicSearchForm,
    SearchForm,
    UploadForm,
)
from samordna.imports.models import ImportBatch, ParagraphText, PendingImport
from samordna.imports.permissions import can_search
from samordna.interventions.models import Application

PAGE_SIZE = 20
# The zips the upload page lists, newest first.
RECENT_BATCHES = 5


def _results(request: HttpRequest, text: str, **scope: object) -> tuple[Page | None, str]:
    """The page of hits for `text`, or a message saying why there is none to show."""
    if not text.strip():
        return None, ""
    question = search.question(text)
    if question.empty:
        return None, "Skriv minst ett ord att söka efter, inte bara årtal eller frågeord."
    hits = search.search(question, **scope)  # type: ignore[arg-type]
    page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("sida"))
    return page, "" if page.paginator.count else f"Ingen paragraf innehåller ”{text}”."


@require_GET
@login_required
def protocol_search(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_search(request.user))
    form = SearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    page, message = _results(request, text, association=association)
    extent = ParagraphText.objects.filter(association=association).aggregate(
        first=Min("meeting__date"), last=Max("meeting__date"), count=Count("pk")
    )
    return render(
        request,
        "imports/search.html",
        {
            "association": association,
            "form": form,
            "text": text,
            "page": page,
            "message": message,
            "extent": extent,
        },
    )


@require_GET
def public_search(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = PublicSearchForm(request.GET)
    valid = form.is_valid()
    text = form.cleaned_data["q"] if valid else ""
    association: Association | None = form.cleaned_data.get("forbund") if valid else None
    page, message = _results(request, text, association=association, public_on=today)
    return render(
        request,
        "imports/public_search.html",
        {"form": form, "text": text, "page": page, "message": message, "association": association},
    )


# Importing old protocols (the kansli)


def _pending(association: Association, pk: int) -> PendingImport:
    return get_object_or_404(PendingImport, association=association, pk=pk)


@require_http_methods(["GET", "POST"])
@login_required
def import_upload(request: AuthedRequest, slug: str) -> HttpResponse:
    """Upload one old protocol or a zip of many; each readable one waits for its preview."""
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    form = UploadForm(request.POST or None, request.FILES or None)
    refused: list[str] = []
    status = 200
    if request.method == "POST" and form.is_valid():
        result = services.upload_protocols(
            association=association, by=request.user, upload=form.cleaned_data["file"]
        )
        refused = result.refused
        if result.progress is not None:
            return redirect("core:progress", slug=slug, pk=result.progress.pk)
        if len(result.created) == 1 and not refused:
            return redirect("imports:preview", slug=slug, pk=result.created[0].pk)
        if result.created:
            messages.success(
                request,
                f"{len(result.created)} protokoll är inlästa och väntar på granskning.",
            )
        if refused and not result.created:
            status = 400
    elif request.method == "POST":
        status = 400
    pending = PendingImport.objects.filter(association=association, meeting=None)
    batches = list(
        ImportBatch.objects.filter(association=association).select_related("progress")[
            :RECENT_BATCHES
        ]
    )
    shown = request.GET.get("zip", "")
    return render(
        request,
        "imports/upload.html",
        {
            "association": association,
            "form": form,
            "refused": refused,
            "pending": pending,
            "batches": batches,
            "shown_batch": next((b for b in batches if str(b.pk) == shown), None),
        },
        status=status,
    )


def _person_choices(association: Association) -> list[tuple[str, str]]:
    people = Person.objects.filter(association=association).order_by("last_name", "first_name")
    return [(str(p.pk), f"{p.first_name} {p.last_name}") for p in people]


def _initial(pending: PendingImport) -> tuple[dict, list[dict], list[dict]]:
    data = pending.parsed
    people = list(Person.objects.filter(association=pending.association))
    facts = {
        "date": data.get("date"),
        "starts_at": data.get("start_time"),
        "ends_at": data.get("end_time"),
        "place": data.get("place") or "",
        "chair": data.get("chair") or "",
        "secretary": data.get("secretary") or "",
        "adjusters": ", ".join(data.get("adjusters") or []),
        "approved_on": data.get("adjustment_date"),
        "posted_on": data.get("notice_posted") or data.get("adjustment_date"),
        "taken_down_on": data.get("notice_removed"),
    }
    attendance = []
    for row in data.get("attendance", []):
        match = services.match_person(row["name"], people) if row["role"] != "other" else None
        attendance.append(
            {
                "name": row["name"],
                "role": row["role"],
                "present": row["present"],
                "remote": row.get("remote", False),
                "voting": row.get("voting", False),
                "serves_for": row.get("serves_for") or "",
                "organisation": row.get("organisation") or "",
                "from_number": row.get("from_paragraph"),
                "until_number": row.get("until_paragraph"),
                "person": str(match.pk) if match else services.NEW,
            }
        )
    paragraphs = [
        {
            "number": p["number"],
            "title": p["title"],
            "case_number": p.get("case_number") or "",
            "matter": p.get("matter") or "",
            "proposal": p.get("proposal") or "",
            "decision": p.get("decision") or "",
            "recused": ", ".join(p.get("recused") or []),
            "grants": "\n".join(
                " ".join(str(v) for v in (g["amount"], g.get("start"), g.get("end")) if v)
                for g in p.get("grants", [])
            ),
        }
        for p in data.get("paragraphs", [])
    ]
    return facts, attendance, paragraphs


def _application_matches(
    pending: PendingImport, applications: list[Application]
) -> dict[int, Application]:
    """The open application a § granting money decides, when its title or decision names
    the application or its insats (the longest name that occurs wins)."""
    matches: dict[int, Application] = {}
    for paragraph in pending.parsed.get("paragraphs", []):
        if not paragraph.get("grants"):
            continue
        text = services.name_key(f"{paragraph['title']} {paragraph.get('decision') or ''}")
        found = [
            (len(name), application)
            for application in applications
            for name in {
                application.name,
                *([application.intervention.name] if application.intervention else []),
            }
            if name.strip() and services.name_key(name) in text
        ]
        if found:
            best = max(length for length, _ in found)
            winners = {a.pk: a for length, a in found if length == best}
            if len(winners) == 1:
                matches[paragraph["number"]] = next(iter(winners.values()))
    return matches


# The parse's name for where a form field was read.
SOURCE_OF = {
    "starts_at": "start_time",
    "ends_at": "start_time",
    "approved_on": "adjustment_date",
    "posted_on": "notice_posted",
    "taken_down_on": "notice_removed",
}


@require_http_methods(["GET", "POST"])
@login_required
def import_preview(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The parse beside the source lines, every field editable; confirming saves one
    historical justerad meeting."""
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    pending = _pending(association, pk)
    if pending.meeting_id:
        messages.info(request, "Protokollet är redan importerat.")
        return redirect("meetings:detail", slug=slug, pk=pending.meeting_id)
    facts, attendance, paragraphs = _initial(pending)
    applications = services.open_applications(association)
    matches = _application_matches(pending, applications)
    for row in paragraphs:
        match = matches.get(row["number"])
        row["application"] = str(match.pk) if match else ""
    choices = _person_choices(association)
    post = request.POST if request.method == "POST" else None
    form = MeetingFactsForm(post, initial=facts, prefix="m")
    people = AttendanceFormSet(
        post, initial=attendance, prefix="n", form_kwargs={"person_choices": choices}
    )
    application_choices = [
        (
            str(a.pk),
            f"{a.name} ({a.intervention.name})"
            if a.intervention and a.intervention.name != a.name
            else a.name,
        )
        for a in applications
    ]
    items = ParagraphFormSet(
        post,
        initial=paragraphs,
        prefix="p",
        form_kwargs={"application_choices": application_choices},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() and people.is_valid() and items.is_valid():
            try:
                approved = services.confirm_import(
                    pending=pending,
                    by=request.user,
                    facts=form.facts(),
                    attendance=[
                        f.row()
                        for f in people
                        if f.cleaned_data and not f.cleaned_data.get("DELETE")
                    ],
                    paragraphs=[
                        f.row()
                        for f in items
                        if f.cleaned_data and not f.cleaned_data.get("DELETE")
                    ],
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(
                    request,
                    f"{pending.filename} är importerat som ett justerat sammanträde med filen "
                    "som arkivexemplar.",
                )
                return redirect("meetings:detail", slug=slug, pk=approved.meeting_id)
    data = pending.parsed
    sources = data.get("sources", {})
    fact_rows = [(field, sources.get(SOURCE_OF.get(field.name, field.name))) for field in form]
    paragraph_lines = [p.get("line") for p in data.get("paragraphs", [])]
    attendance_lines = [a.get("line") for a in data.get("attendance", [])]
    problems = list(data.get("problems", []))
    unnamed: list[str] = []
    if data.get("date"):
        board = board_on(association, datetime.date.fromisoformat(data["date"]))
        named = {a["person"] for a in attendance}
        unnamed = [
            str(seat.person)
            for seat in board.ordinary + board.substitutes
            if str(seat.person_id) not in named
        ]
    return render(
        request,
        "imports/preview.html",
        {
            "association": association,
            "pending": pending,
            "form": form,
            "people": people,
            "items": items,
            "fact_rows": fact_rows,
            "attendance_rows": _with_lines(people.forms, attendance_lines),
            "paragraph_rows": _with_lines(items.forms, paragraph_lines),
            "problems": problems,
            "unnamed": unnamed,
            "lines": data.get("lines", []),
            "applications": {number: a.pk for number, a in matches.items()},
        },
        status=status,
    )


def _with_lines(forms: list, lines: list[int | None]) -> list[tuple]:
    """Each row's form with the source line it was read from (none for a row added)."""
    return [(form, lines[i] if i < len(lines) else None) for i, form in enumerate(forms)]


@require_POST
@login_required
def import_discard(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    pending = _pending(association, pk)
    try:
        services.discard_import(pending=pending, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{pending.filename} är borttagen utan att något importerats.")
    return redirect("imports:upload", slug=slug)
