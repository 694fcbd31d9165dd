from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.associations.permissions import (
    association_for,
    can_manage,
    can_read_registers,
    require,
)
from samordna.core.http import AuthedRequest
from samordna.core.views import form_page
from samordna.meetings import selectors, services
from samordna.meetings.calendar import meetings_ics
from samordna.meetings.forms import (
    AgendaItemForm,
    MeetingForm,
    ParagraphForm,
    RecusalForm,
    RollCallForm,
)
from samordna.meetings.models import CalendarFeed


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@login_required
def meeting_plan(request: AuthedRequest, slug: str) -> HttpResponse:
    """The sammanträdesplan of a year (this year unless ?ar= says otherwise)."""
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    today = timezone.localdate()
    years = selectors.meeting_years(association, today)
    try:
        year = int(request.GET.get("ar", today.year))
    except ValueError:
        year = today.year
    if year not in years:
        raise Http404("Det finns inga sammanträden det året.")
    context = {
        "association": association,
        "year": year,
        "years": years,
        "meetings": selectors.meetings_in_year(association, year),
        "today": today,
        "can_manage": can_manage(request.user),
    }
    if can_manage(request.user):
        feed = services.calendar_feed_for(association=association)
        context["feed_url"] = request.build_absolute_uri(
            reverse("calendar_feed", args=[feed.token])
        )
    return render(request, "meetings/meeting_plan.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def meeting_create(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    return form_page(
        request,
        form=MeetingForm(request.POST or None),
        save=lambda data: services.meeting_create(association=association, by=request.user, **data),
        done_message="Sammanträdet är inlagt med de stående punkterna på dagordningen.",
        done_url=reverse("meetings:plan", args=[slug]),
        template="associations/generic_form.html",
        context={"association": association, "title": "Nytt sammanträde"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def meeting_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    meeting = get_object_or_404(association.meetings, pk=pk)
    return form_page(
        request,
        form=MeetingForm(request.POST or None, instance=meeting),
        save=lambda data: services.meeting_update(meeting=meeting, by=request.user, **data),
        done_message="Sammanträdet är sparat.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ändra {meeting}", "object": meeting},
    )


@require_GET
@login_required
def meeting_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    meeting = get_object_or_404(association.meetings, pk=pk)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "association": association,
            "meeting": meeting,
            "items": list(meeting.items.all()),
            "attendances": sorted(
                meeting.attendances.select_related(
                    "seat__person", "seat__member", "serves_for__person"
                ),
                key=lambda a: (a.seat.kind, a.seat.person.last_name),
            ),
            "rows": selectors.minutes_rows(meeting),
            "can_manage": can_manage(request.user),
        },
    )


@require_GET
@login_required
def meeting_ics(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """One meeting as a calendar invitation."""
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    meeting = get_object_or_404(association.meetings, pk=pk)
    content = meetings_ics(association, [meeting], name=association.name)
    return _ics_response(content, f"styrelsemote-{meeting.date:%Y-%m-%d}.ics")


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Every meeting of the förbund, for a calendar subscription; the token is the key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("association"), token=token)
    association = feed.association
    content = meetings_ics(
        association, association.meetings.all(), name=f"Styrelsemöten – {association.name}"
    )
    return _ics_response(content, "styrelsemoten.ics")


@require_POST
@login_required
def calendar_feed_renew(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    services.calendar_feed_renew(association=association, by=request.user)
    messages.success(request, "Kalendern har fått en ny adress. Den gamla fungerar inte längre.")
    return redirect("meetings:plan", slug=slug)


@require_http_methods(["GET", "POST"])
@login_required
def item_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    meeting = get_object_or_404(association.meetings, pk=pk)
    return form_page(
        request,
        form=AgendaItemForm(request.POST or None),
        save=lambda data: services.agenda_item_add(meeting=meeting, by=request.user, **data),
        done_message="Punkten är tillagd på dagordningen.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ny punkt: {meeting}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def item_update(request: AuthedRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    meeting = get_object_or_404(association.meetings, pk=pk)
    item = get_object_or_404(meeting.items, pk=item_pk)
    return form_page(
        request,
        form=AgendaItemForm(request.POST or None, instance=item),
        save=lambda data: services.agenda_item_update(item=item, by=request.user, **data),
        done_message="Punkten är sparad.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ändra punkt: {item}", "object": item},
    )


@require_POST
@login_required
def item_action(request: AuthedRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """Move a matter up or down, or take it off the agenda."""
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    meeting = get_object_or_404(association.meetings, pk=pk)
    item = get_object_or_404(meeting.items, pk=item_pk)
    action = request.POST.get("action")
    try:
        if action in ("up", "down"):
            services.agenda_item_move(item=item, by=request.user, up=action == "up")
        elif action == "delete":
            services.agenda_item_delete(item=item, by=request.user)
            messages.success(request, f"{item.title} är borttagen från dagordningen.")
        else:
            messages.error(request, "Okänd åtgärd.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("meetings:detail", slug=slug, pk=pk)


@require_http_methods(["GET", "POST"])
@login_required
def roll_call(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Upprop: who was present, at a distance or absent, and who served for whom."""
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    meeting = get_object_or_404(association.meetings, pk=pk)
    seats = selectors.board_seats_at(meeting)
    attendances = {a.seat_id: a for a in meeting.attendances.all()}
    form = RollCallForm(request.POST or None, seats=seats, attendances=attendances)
    return form_page(
        request,
        form=form,
        save=lambda data: services.roll_call_record(
            meeting=meeting, by=request.user, entries=form.entries()
        ),
        done_message="Uppropet är sparat.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="meetings/roll_call.html",
        context={"association": association, "meeting": meeting},
    )


@require_http_methods(["GET", "POST"])
@login_required
def paragraph_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    meeting = get_object_or_404(association.meetings, pk=pk)
    return form_page(
        request,
        form=ParagraphForm(request.POST or None),
        save=lambda data: services.paragraph_create(meeting=meeting, by=request.user, **data),
        done_message="Paragrafen är tillagd i protokollet.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ny paragraf: {meeting}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def paragraph_update(request: AuthedRequest, slug: str, pk: int, par_pk: int) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    meeting = get_object_or_404(association.meetings, pk=pk)
    paragraph = get_object_or_404(meeting.paragraphs, pk=par_pk)
    return form_page(
        request,
        form=ParagraphForm(request.POST or None, instance=paragraph),
        save=lambda data: services.paragraph_update(paragraph=paragraph, by=request.user, **data),
        done_message=f"§ {paragraph.number} är sparad.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ändra {paragraph}", "object": paragraph},
    )


@require_http_methods(["GET", "POST"])
@login_required
def paragraph_recusals(request: AuthedRequest, slug: str, pk: int, par_pk: int) -> HttpResponse:
    """Jäv in one paragraph: who took no part in the decision or the discussion."""
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    meeting = get_object_or_404(association.meetings, pk=pk)
    paragraph = get_object_or_404(meeting.paragraphs, pk=par_pk)
    seats = selectors.board_seats_at(meeting)
    current = {r.seat_id: r.kind for r in paragraph.recusals.all()}
    form = RecusalForm(request.POST or None, seats=seats, current=current)

    def save(data: dict) -> None:
        with transaction.atomic():
            for seat, kind in form.choices():
                services.recusal_set(paragraph=paragraph, seat=seat, kind=kind, by=request.user)

    return form_page(
        request,
        form=form,
        save=save,
        done_message=f"Jäv i § {paragraph.number} är sparat.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Jäv i {paragraph}"},
    )
