import datetime
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samordna.associations.cache import per_association
from samordna.associations.models import Association, OpeningStyle, SeatKind
from samordna.associations.permissions import (
    association_for,
    can_manage,
    can_read_registers,
    require,
)
from samordna.core.forms import attach_errors
from samordna.core.http import AuthedRequest, file_response
from samordna.core.text import format_date
from samordna.core.views import form_page, move_or_delete_action, post_action
from samordna.interventions.selectors import paragraph_matters, paragraph_subjects
from samordna.meetings import documents, selectors, services
from samordna.meetings.calendar import meetings_ics
from samordna.meetings.forms import (
    AgendaItemForm,
    AttachmentForm,
    GuestForm,
    MeetingForm,
    ParagraphForm,
    PastMeetingCorrectionForm,
    PastMeetingForm,
    RecusalForm,
    RollCallForm,
    SignersForm,
    TaskDoneForm,
    TaskForm,
)
from samordna.meetings.listings import listings_for
from samordna.meetings.models import ApprovedMinutes, CalendarFeed, SignerRole, Task
from samordna.meetings.permissions import meeting_for, unless_locked
from samordna.meetings.services import justering, kallelse, papers, past_meetings, proceedings

ICS = "text/calendar; charset=utf-8"
MIN_YEAR = 2004  # the Finsam law (2003:1210) took effect in 2004; earlier is a typing error
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


_unless_locked = unless_locked
_meeting = meeting_for


def _meeting_plan(association: Association, year: int, today: datetime.date) -> SimpleNamespace:
    years = selectors.meeting_years(association, today)
    if year not in years:  # a year without meetings is an empty plan
        years = sorted({*years, year})
    meetings = selectors.meetings_in_year(association, year)
    latest = None
    if not meetings and year == today.year:
        latest = selectors.latest_meeting_year(association)
    return SimpleNamespace(years=years, meetings=meetings, latest_year=latest)


@require_GET
@login_required
def meeting_plan(request: AuthedRequest, slug: str) -> HttpResponse:
    """The sammanträdesplan of a year (this year unless ?ar= says otherwise).

    The plan is the same for every reader of the förbund on the same day and year (and
    role: the kansli's buttons): the template keeps it (`shared`), and the meetings are
    read only when it is not found. The årshjul's items per meeting and the calendar
    address are kept as values (`per_association`): the kansli's part of them posts."""
    association = association_for(request.user, slug)
    require(can_read_registers(request.user))
    today = timezone.localdate()
    try:
        year = int(request.GET.get("ar", today.year))
    except ValueError:
        year = today.year
    if not MIN_YEAR <= year <= today.year + 10:
        raise Http404("Det året finns inte i sammanträdesplanen.")
    context = {
        "association": association,
        "year": year,
        "found": SimpleLazyObject(lambda: _meeting_plan(association, year, today)),
        "today": today,
        "can_manage": can_manage(request.user),
    }
    if can_manage(request.user):
        # "" when there is none: the cache cannot tell a kept None from nothing kept.
        token = per_association(
            association,
            "meetings.feed_token",
            lambda: selectors.calendar_feed_token(association) or "",
        )
        context["feed_url"] = (
            request.build_absolute_uri(reverse("calendar_feed", args=[token])) if token else None
        )
    return render(request, "meetings/meeting_plan.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def meeting_create(request: AuthedRequest, slug: str) -> HttpResponse:
    """Plan a meeting, then land on it to fill in its agenda."""
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    form = MeetingForm(request.POST or None, association=association)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                association=association, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request, "Sammanträdet är inlagt med de stående punkterna på dagordningen."
            )
            return redirect("meetings:detail", slug=slug, pk=meeting.pk)
    return render(
        request,
        "associations/generic_form.html",
        {"association": association, "title": "Nytt sammanträde", "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def past_meeting_create(request: AuthedRequest, slug: str) -> HttpResponse:
    """Register a meeting held before Samordna, justerad on its own dates."""
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    form = PastMeetingForm(request.POST or None, request.FILES or None, association=association)
    if request.method == "POST" and form.is_valid():
        try:
            approved = past_meetings.register_past_meeting(
                association=association, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                "Sammanträdet är registrerat som justerat med sina egna datum. "
                "Originalet är arkivexemplaret.",
            )
            return redirect("meetings:detail", slug=slug, pk=approved.meeting_id)
    return render(
        request,
        "associations/generic_form.html",
        {
            "association": association,
            "title": "Registrera tidigare sammanträde",
            "form": form,
            "submit_label": "Registrera",
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def past_meeting_correct(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Correct a meeting registered afterwards; the reason goes into its history."""
    association, meeting = _meeting(request, slug, pk, manage=True)
    approved = get_object_or_404(
        ApprovedMinutes.objects.filter(registered_afterwards=True), meeting=meeting
    )
    notice = meeting.notice
    form = PastMeetingCorrectionForm(
        request.POST or None,
        request.FILES or None,
        initial={
            "date": meeting.date,
            "starts_at": meeting.starts_at,
            "ends_at": meeting.ends_at,
            "place": meeting.place,
            "approved_on": approved.approved_on,
            "posted_on": notice.posted_on,
            "taken_down_on": notice.taken_down_on,
        },
    )
    return form_page(
        request,
        form=form,
        save=lambda data: past_meetings.past_meeting_correct(
            meeting=meeting, by=request.user, **{k: v for k, v in data.items() if v is not None}
        ),
        done_message="Rättelsen är sparad med sitt skäl i historiken.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Rätta {meeting}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def meeting_update(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    return form_page(
        request,
        form=MeetingForm(request.POST or None, instance=meeting, association=association),
        save=lambda data: services.meeting_update(meeting=meeting, by=request.user, **data),
        done_message="Sammanträdet är sparat.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ändra {meeting}", "object": meeting},
    )


@require_GET
@login_required
def meeting_detail(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The meeting: kallelse and papers, upprop, §§ with jäv and quorum, justering, anslag."""
    association, meeting = _meeting(request, slug, pk)
    minutes = selectors.minutes_of(meeting)
    manage = can_manage(request.user)
    matters = paragraph_matters(row.paragraph.pk for row in minutes.rows)
    items = list(meeting.items.select_related("paragraph"))
    can_edit = manage and not minutes.is_approved
    # Only the actions that fit a § are offered on it (for the kansli, while it may edit).
    subjects = (
        paragraph_subjects(association, (row.paragraph for row in minutes.rows), matters)
        if can_edit
        else {}
    )
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "association": association,
            "meeting": meeting,
            "minutes": minutes,
            # What the §§ decided about insatser (applications, reports), shown with them.
            "grant_matters": matters,
            "subjects": subjects,
            "items": items,
            # What the apps above list under an item (the diarium's "Inkomna handlingar").
            "listings": listings_for(meeting, items),
            "items_to_draft": any(
                i.paragraph_id is None
                and (not i.standing or association.opening_style == OpeningStyle.PARAGRAPHS)
                for i in items
            ),
            "attachments": list(meeting.attachments.select_related("item")),
            "tasks_given": list(meeting.tasks_given.select_related("paragraph", "due_meeting")),
            "tasks_due": selectors.open_tasks_for(meeting),
            "can_manage": manage,
            "can_edit": can_edit,
            "may_confirm": not minutes.is_approved and justering.may_confirm(meeting, request.user),
            "is_signer": any(s.person_id == request.user.person_id for s in minutes.signers)
            and request.user.person_id is not None,
        },
    )


@require_GET
@login_required
def meeting_ics(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """One meeting as a calendar invitation."""
    association, meeting = _meeting(request, slug, pk)
    content = meetings_ics(association, [meeting], name=association.name)
    return file_response(content, f"styrelsemote-{meeting.date:%Y-%m-%d}.ics", ICS)


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Every meeting of the förbund, for a calendar subscription; the token is the key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("association"), token=token)
    association = feed.association
    content = meetings_ics(
        association, association.meetings.all(), name=f"Styrelsemöten – {association.name}"
    )
    return file_response(content, "styrelsemoten.ics", ICS)


@require_POST
@login_required
def calendar_feed_renew(request: AuthedRequest, slug: str) -> HttpResponse:
    association = association_for(request.user, slug)
    require(can_manage(request.user))
    had_one = selectors.calendar_feed_of(association) is not None
    services.calendar_feed_renew(association=association, by=request.user)
    done = "Kalendern har fått en ny adress. Den gamla fungerar inte längre."
    messages.success(request, done if had_one else "Kalendern har fått en adress.")
    return redirect("meetings:plan", slug=slug)


@require_http_methods(["GET", "POST"])
@login_required
def item_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
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
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
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
    _, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    item = get_object_or_404(meeting.items, pk=item_pk)
    return move_or_delete_action(
        request,
        move=lambda up: services.agenda_item_move(item=item, by=request.user, up=up),
        delete=lambda: services.agenda_item_delete(item=item, by=request.user),
        deleted_message=f"{item.title} är borttagen från dagordningen.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
    )


@require_http_methods(["GET", "POST"])
@login_required
def roll_call(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Upprop: who was present, at a distance or absent, and who served for whom."""
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    seats = selectors.board_seats_at(meeting)
    attendances = {a.seat_id: a for a in meeting.attendances.all()}
    form = RollCallForm(
        request.POST or None,
        seats=seats,
        attendances=attendances,
        rule=association.substitute_rule,
        versioned=meeting.attendances.all(),
    )
    return form_page(
        request,
        form=form,
        save=lambda data: proceedings.roll_call_record(
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
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    return form_page(
        request,
        form=ParagraphForm(request.POST or None),
        save=lambda data: proceedings.paragraph_create(meeting=meeting, by=request.user, **data),
        done_message="Paragrafen är tillagd i protokollet.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ny paragraf: {meeting}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def paragraph_update(request: AuthedRequest, slug: str, pk: int, par_pk: int) -> HttpResponse:
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    paragraph = get_object_or_404(meeting.paragraphs, pk=par_pk)
    return form_page(
        request,
        form=ParagraphForm(request.POST or None, instance=paragraph),
        save=lambda data: proceedings.paragraph_update(
            paragraph=paragraph, by=request.user, **data
        ),
        done_message=f"§ {paragraph.number} är sparad.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ändra {paragraph}", "object": paragraph},
    )


@require_http_methods(["GET", "POST"])
@login_required
def paragraph_recusals(request: AuthedRequest, slug: str, pk: int, par_pk: int) -> HttpResponse:
    """Jäv in one paragraph: who took no part in the decision or the discussion."""
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    paragraph = get_object_or_404(meeting.paragraphs, pk=par_pk)
    seats = selectors.board_seats_at(meeting)
    current = {r.seat_id: r.kind for r in paragraph.recusals.all()}
    present = {a.seat_id for a in meeting.attendances.all() if a.takes_part_in(paragraph.number)}
    form = RecusalForm(
        request.POST or None,
        seats=seats,
        current=current,
        substitutes=[s for s in seats if s.kind == SeatKind.SUBSTITUTE and s.pk in present],
        stand_ins={s.serves_for_id: s.seat_id for s in paragraph.stand_ins.all()},
        rule=association.substitute_rule,
        versioned=paragraph.recusals.all(),
    )

    def save(data: dict) -> None:
        proceedings.paragraph_jav_record(
            paragraph=paragraph,
            by=request.user,
            recusals=form.choices(),
            stand_ins=form.stand_ins(),
        )

    return form_page(
        request,
        form=form,
        save=save,
        done_message=f"Jäv och tjänstgörande ersättare i § {paragraph.number} är sparade.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Jäv i {paragraph}"},
    )


@require_GET
@login_required
def minutes_pdf(request: AuthedRequest, slug: str, pk: int) -> HttpResponseBase:
    """The justerade minutes as kept (PDF/A), or a draft rendered now."""
    _, meeting = _meeting(request, slug, pk)
    approved = ApprovedMinutes.objects.filter(meeting=meeting).first()
    name = f"protokoll-{meeting.date:%Y-%m-%d}.pdf"
    if approved is not None:
        # A meeting registered afterwards keeps its signed original, perhaps a scanned image.
        name = f"protokoll-{meeting.date:%Y-%m-%d}.{approved.pdf.name.rsplit('.', 1)[-1]}"
        return FileResponse(approved.pdf.open("rb"), as_attachment=True, filename=name)
    content = documents.minutes_pdf(selectors.minutes_of(meeting))
    return file_response(content, f"utkast-{name}", "application/pdf")


@require_GET
@login_required
def minutes_docx(request: AuthedRequest, slug: str, pk: int) -> HttpResponseBase:
    """The justerade minutes in Word as kept at justering, or a draft written now."""
    _, meeting = _meeting(request, slug, pk)
    approved = ApprovedMinutes.objects.filter(meeting=meeting).first()
    if approved is not None and approved.docx:
        return FileResponse(
            approved.docx.open("rb"),
            as_attachment=True,
            filename=f"protokoll-{meeting.date:%Y-%m-%d}.docx",
            content_type=DOCX,
        )
    content = documents.minutes_docx(selectors.minutes_of(meeting))
    return file_response(content, f"protokoll-{meeting.date:%Y-%m-%d}.docx", DOCX)


@require_GET
@login_required
def extract_pdf(request: AuthedRequest, slug: str, pk: int, par_pk: int) -> HttpResponse:
    """Utdrag of one §, certified by the kansli, for those the decision concerns."""
    _, meeting = _meeting(request, slug, pk, manage=True)
    minutes = selectors.minutes_of(meeting)
    row = next((r for r in minutes.rows if r.paragraph.pk == par_pk), None)
    if row is None:
        raise Http404("Paragrafen finns inte.")
    content = documents.extract_pdf(
        minutes,
        row,
        certified_by=request.user.get_full_name() or request.user.username,
        certified_on=timezone.localdate(),
    )
    return file_response(
        content, f"utdrag-{meeting.date:%Y-%m-%d}-par-{row.paragraph.number}.pdf", "application/pdf"
    )


@require_GET
@login_required
def kallelse_pdf(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    _, meeting = _meeting(request, slug, pk)
    return file_response(
        documents.kallelse_pdf(meeting), f"kallelse-{meeting.date:%Y-%m-%d}.pdf", "application/pdf"
    )


@require_POST
@login_required
def kallelse_send(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association, meeting = _meeting(request, slug, pk, manage=True)
    if meeting.date < timezone.localdate() and request.POST.get("tidigare") != "ja":
        # A kallelse for a meeting already held is most likely a mistake: ask first.
        return render(
            request,
            "meetings/kallelse_confirm.html",
            {"association": association, "meeting": meeting},
        )
    try:
        progress = kallelse.kallelse_send_start(
            meeting=meeting,
            by=request.user,
            done_url=reverse("meetings:detail", kwargs={"slug": slug, "pk": pk}),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("meetings:detail", slug=slug, pk=pk)
    return redirect("core:progress", slug=slug, pk=progress.pk)


@require_GET
@login_required
def attachment_file(request: AuthedRequest, slug: str, pk: int, att_pk: int) -> HttpResponseBase:
    """A paper of the meeting, for the board and the kansli."""
    _, meeting = _meeting(request, slug, pk)
    attachment = get_object_or_404(meeting.attachments, pk=att_pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=f"bilaga-{attachment.number}{attachment.extension}",
        content_type=attachment.content_type,
    )


@require_http_methods(["GET", "POST"])
@login_required
def attachment_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    return form_page(
        request,
        form=AttachmentForm(request.POST or None, request.FILES or None, meeting=meeting),
        save=lambda data: papers.attachment_add(meeting=meeting, by=request.user, **data),
        done_message="Bilagan är uppladdad.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Ny bilaga: {meeting}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def guest_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    return form_page(
        request,
        form=GuestForm(request.POST or None),
        save=lambda data: proceedings.guest_add(meeting=meeting, by=request.user, **data),
        done_message="Personen är tillagd bland övriga närvarande.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Övrig närvarande: {meeting}"},
    )


@require_POST
@login_required
def guest_delete(request: AuthedRequest, slug: str, pk: int, guest_pk: int) -> HttpResponse:
    _, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    guest = get_object_or_404(meeting.guests, pk=guest_pk)
    return post_action(
        request,
        lambda: proceedings.guest_delete(guest=guest, by=request.user),
        done_message=f"{guest.name} är borttagen.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
    )


@require_http_methods(["GET", "POST"])
@login_required
def signers(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Who justerar: the chair of the meeting and the justerare, among those present."""
    association, meeting = _meeting(request, slug, pk, manage=True)
    if (locked := _unless_locked(request, slug, meeting)) is not None:
        return locked
    present = [a.seat.person for a in selectors.roll_call_of(meeting) if a.is_present]
    current = list(meeting.signers.all())
    form = SignersForm(
        request.POST or None,
        people=present,
        versioned=meeting.signers.all(),
        initial={
            "chair": next((s.person_id for s in current if s.role == SignerRole.CHAIR), None),
            "adjusters": [s.person_id for s in current if s.role == SignerRole.ADJUSTER],
        },
    )
    return form_page(
        request,
        form=form,
        save=lambda data: justering.signers_set(
            meeting=meeting, by=request.user, chair=data["chair"], adjusters=list(data["adjusters"])
        ),
        done_message="Justerarna är sparade. De justerar med sina egna inloggningar.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Justerare: {meeting}"},
    )


@require_POST
@login_required
def confirm(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """The sekreterare (or the kansli for one without a login) confirms the text."""
    _, meeting = _meeting(request, slug, pk)
    require(justering.may_confirm(meeting, request.user))
    return post_action(
        request,
        lambda: justering.minutes_confirm(meeting=meeting, by=request.user),
        done_message="Protokollets text är bestyrkt. Ordförande och justerare kan nu justera.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
    )


@require_http_methods(["GET", "POST"])
@login_required
def approve(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """A signer reads the minutes and justerar them with their own login."""
    association, meeting = _meeting(request, slug, pk)
    person_id = request.user.person_id
    signer = meeting.signers.filter(person_id=person_id).first() if person_id else None
    require(signer is not None)
    if request.method == "POST":
        try:
            approved = justering.minutes_approve(meeting=meeting, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if approved is not None:
                messages.success(
                    request,
                    "Protokollet är justerat av alla och låst. Anslaget är uppsatt "
                    f"{format_date(approved.approved_on)}.",
                )
            else:
                messages.success(request, "Du har justerat protokollet.")
        return redirect("meetings:approve", slug=slug, pk=pk)
    minutes = selectors.minutes_of(meeting)
    return render(
        request,
        "meetings/approve.html",
        {"association": association, "meeting": meeting, "minutes": minutes, "signer": signer},
    )


@require_http_methods(["GET", "POST"])
@login_required
def task_create(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    association, meeting = _meeting(request, slug, pk, manage=True)
    return form_page(
        request,
        form=TaskForm(request.POST or None, meeting=meeting),
        save=lambda data: services.task_create(meeting=meeting, by=request.user, **data),
        done_message="Uppdraget är registrerat.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Nytt uppdrag: {meeting}"},
    )


@require_http_methods(["GET", "POST"])
@login_required
def task_done(request: AuthedRequest, slug: str, pk: int, task_pk: int) -> HttpResponse:
    """Record that a task has been reported; it leaves the agendas."""
    association, meeting = _meeting(request, slug, pk, manage=True)
    task = get_object_or_404(
        Task.objects.filter(association=association).select_related("given_at"), pk=task_pk
    )
    return form_page(
        request,
        form=TaskDoneForm(request.POST or None, initial={"done_on": meeting.date}, versioned=task),
        save=lambda data: services.task_done(
            task=task, by=request.user, done_on=data["done_on"], note=data["note"]
        ),
        done_message="Uppdraget är markerat som redovisat.",
        done_url=reverse("meetings:detail", args=[slug, pk]),
        template="associations/generic_form.html",
        context={"association": association, "title": f"Redovisa uppdrag: {task.text}"},
    )
