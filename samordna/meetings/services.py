"""Every write to meetings: plan, agenda and papers, upprop, paragraphs and jäv, justering,
anslag and the tasks given at a meeting."""

import datetime
import hashlib
import json
import zipfile
from dataclasses import dataclass, replace
from typing import Any

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import (
    Association,
    BoardSeat,
    ParagraphNumbering,
    Person,
)
from samordna.core import richtext
from samordna.core.models import TaskProgress
from samordna.core.services import (
    apply_changes,
    delete_with_history,
    email_queue,
    progress_start,
    save_with_history,
)
from samordna.core.text import format_date
from samordna.meetings.documents import kallelse_pdf, minutes_docx, minutes_pdf
from samordna.meetings.locking import LOCKED_MESSAGE, MinutesLocked
from samordna.meetings.models import (
    AgendaItem,
    ApprovedMinutes,
    Attachment,
    Attendance,
    CalendarFeed,
    Guest,
    ItemKind,
    Meeting,
    MinutesSigner,
    Notice,
    Paragraph,
    ParagraphStandIn,
    Presence,
    Recusal,
    SignerRole,
    Task,
    new_calendar_token,
)
from samordna.meetings.quorum import (
    Quorum,
    StandIn,
    quorum_for,
    roll_call_problems,
    serving_in,
)
from samordna.meetings.selectors import (
    ParagraphRow,
    board_seats_at,
    minutes_of,
    minutes_rows,
    minutes_snapshot,
    notice_dates,
    roll_call_of,
)
from samordna.meetings.signals import meeting_planned, minutes_justerade, minutes_kept

# The items every meeting opens and closes with, as in the seed protocols.
OPENING_ITEMS = [
    ("Sammanträdet öppnas", ItemKind.OTHER),
    ("Godkännande av dagordning", ItemKind.DECISION),
    ("Val av justerare", ItemKind.ELECTION),
    ("Föregående protokoll", ItemKind.REPORT),
]
CLOSING_ITEMS = [
    ("Nästa sammanträde", ItemKind.INFORMATION),
    ("Sammanträdet avslutas", ItemKind.OTHER),
]


MEETING_YEARS = 10  # a meeting is planned or recorded within ten years of today


def _check_meeting(meeting: Meeting) -> None:
    today = timezone.localdate()
    span = datetime.timedelta(days=round(365.25 * MEETING_YEARS))
    if not today - span <= meeting.date <= today + span:
        raise ValidationError(
            {
                "date": f"Ett sammanträde ska ligga inom {MEETING_YEARS} år från i dag, "
                f"mellan {format_date(today - span)} och {format_date(today + span)}."
            }
        )
    if meeting.ends_at <= meeting.starts_at:
        raise ValidationError({"ends_at": "Sammanträdet måste sluta efter att det börjat."})
    secretary = meeting.secretary
    if secretary is not None and secretary.association_id != meeting.association_id:
        raise ValidationError({"secretary": f"{secretary} hör inte till förbundet."})
    clash = (
        Meeting.objects.filter(
            association=meeting.association,
            date=meeting.date,
            starts_at__lt=meeting.ends_at,
            ends_at__gt=meeting.starts_at,
        )
        .exclude(pk=meeting.pk)
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "starts_at": f"Styrelsen har redan ett sammanträde {format_date(clash.date)} "
                f"kl. {clash.starts_at:%H.%M}–{clash.ends_at:%H.%M}."
            }
        )


@transaction.atomic
def meeting_create(*, association: Association, by: User, **fields: Any) -> Meeting:
    """Plan a board meeting; its agenda starts with the standing items."""
    meeting = Meeting(association=association, **fields)
    _check_meeting(meeting)
    save_with_history(meeting, by=by)
    standing = OPENING_ITEMS + CLOSING_ITEMS
    for position, (title, kind) in enumerate(standing, start=1):
        item = AgendaItem(meeting=meeting, position=position, title=title, kind=kind, standing=True)
        save_with_history(item, by=by)
    meeting_planned.send(sender=Meeting, meeting=meeting, by=by)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, by: User, **fields: Any) -> Meeting:
    """Move or change a planned meeting."""
    changed = apply_changes(meeting, fields)
    if changed:
        _check_meeting(meeting)
        save_with_history(meeting, by=by, update_fields=changed)
    return meeting


def _renumber(items: list[AgendaItem], *, by: User) -> None:
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            save_with_history(item, by=by, update_fields=["position"])


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, by: User | None, **fields: Any) -> AgendaItem:
    """Add a matter to the agenda, before the closing standing items (`by` is None when
    Samordna adds it by itself, as the diarium does with "Inkomna handlingar")."""
    items = list(meeting.items.select_for_update())
    closing = {title for title, _ in CLOSING_ITEMS}
    index = next(
        (i for i, it in enumerate(items) if it.standing and it.title in closing), len(items)
    )
    for each in items[index:]:
        each.position += 1
        save_with_history(each, by=by, update_fields=["position"])
    item = AgendaItem(meeting=meeting, position=index + 1, **_sanitised(fields))
    save_with_history(item, by=by)
    return item


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, by: User, **fields: Any) -> AgendaItem:
    """Change a matter's title, kind, föredragande, Dnr, description or förslag."""
    changed = apply_changes(item, _sanitised(fields))
    if changed:
        save_with_history(item, by=by, update_fields=changed)
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, by: User, up: bool) -> None:
    """Move a matter one step up or down the agenda."""
    items = list(item.meeting.items.select_for_update())
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        raise ValidationError("Punkten står redan först." if up else "Punkten står redan sist.")
    items[index], items[other] = items[other], items[index]
    _renumber(items, by=by)


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, by: User) -> None:
    """Take a matter (a standing one too) off the agenda; the positions follow."""
    meeting = item.meeting
    delete_with_history(item, by=by)
    _renumber(list(meeting.items.all()), by=by)


@transaction.atomic
def calendar_feed_renew(*, association: Association, by: User) -> CalendarFeed:
    """Give the calendar a new address (its first one, or instead of the old one)."""
    feed = CalendarFeed.objects.select_for_update().filter(association=association).first()
    if feed is None:
        feed = CalendarFeed(association=association)
        save_with_history(feed, by=by)
        return feed
    feed.token = new_calendar_token()
    save_with_history(feed, by=by, update_fields=["token"])
    return feed


def _number_range(meeting: Meeting) -> tuple[int, int] | None:
    numbers = list(meeting.paragraphs.values_list("number", flat=True))
    return (min(numbers), max(numbers)) if numbers else None


@dataclass(frozen=True)
class RollCallEntry:
    seat: BoardSeat
    presence: str
    serves_for: BoardSeat | None = None
    from_number: int | None = None
    until_number: int | None = None
    note: str = ""


def _check_within(span: tuple[int, int] | None, who: object, *numbers: int | None) -> None:
    """§ bounds of an upprop entry or a guest must be §§ of the minutes."""
    for number in numbers:
        if number is not None and span is not None and not span[0] <= number <= span[1]:
            raise ValidationError(
                f"{who}: § {number} finns inte i protokollet (§ {span[0]}–{span[1]})."
            )


def _check_roll_call(meeting: Meeting, entries: list[RollCallEntry]) -> None:
    seats = {seat.pk: seat for seat in board_seats_at(meeting)}
    span = _number_range(meeting)
    for entry in entries:
        who = entry.seat.person
        if entry.seat.pk not in seats:
            raise ValidationError(f"{who} satt inte i styrelsen {format_date(meeting.date)}.")
        if entry.from_number and entry.until_number and entry.until_number < entry.from_number:
            raise ValidationError(
                f"{who}: avvek före ankomsten (§ {entry.until_number} före § {entry.from_number})."
            )
        _check_within(span, who, entry.from_number, entry.until_number)
        if entry.presence == Presence.ABSENT and (entry.from_number or entry.until_number):
            raise ValidationError(f"{who} är frånvarande och kan inte ha en §-gräns.")
        if entry.serves_for is not None and entry.serves_for.pk not in seats:
            raise ValidationError(
                f"{who} kan inte tjänstgöra för {entry.serves_for.person}, som inte satt i "
                f"styrelsen {format_date(meeting.date)}."
            )


def _check_substitutions(meeting: Meeting, rows: list[ParagraphRow] | None = None) -> None:
    """Every ersättare serves within the law and the förbund's rule, in the upprop and in
    each § (quorum.roll_call_problems, quorum.serving_in)."""
    rule = meeting.association.substitute_rule
    attendances = roll_call_of(meeting)
    problems = roll_call_problems(rule=rule, attendances=attendances)
    for row in rows if rows is not None else minutes_rows(meeting, attendances):
        _, found = serving_in(
            number=row.paragraph.number,
            attendances=attendances,
            recused_seat_ids={r.seat_id for r in row.recusals},
            stand_ins=[StandIn(s.seat, s.serves_for) for s in row.stand_ins],
            rule=rule,
        )
        problems += [p for p in found if p not in problems]
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def roll_call_record(*, meeting: Meeting, by: User, entries: list[RollCallEntry]) -> None:
    """Record who was present, at a distance or absent, and who served for whom."""
    _check_roll_call(meeting, entries)
    final_before = _final_deciders(minutes_rows(meeting))
    existing = {a.seat_id: a for a in meeting.attendances.select_for_update()}
    for entry in entries:
        attendance = existing.get(entry.seat.pk) or Attendance(meeting=meeting, seat=entry.seat)
        fields = {
            "presence": entry.presence,
            "serves_for": entry.serves_for,
            "from_number": entry.from_number,
            "until_number": entry.until_number,
            "note": entry.note,
        }
        changed = apply_changes(attendance, fields)
        if attendance.pk is None or changed:
            save_with_history(attendance, by=by)
    rows = minutes_rows(meeting)
    _check_substitutions(meeting, rows)
    _check_recorded_decisions(rows)
    changed_final = [n for n, who in _final_deciders(rows).items() if who != final_before[n]]
    if changed_final:
        numbers = ", ".join(f"§ {n}" for n in changed_final)
        raise ValidationError(
            f"Ändringen skulle ändra vilka som beslutade i {numbers}, som är omedelbart "
            "justerad. Rätta i en ny paragraf vid ett senare sammanträde."
        )


RICH_TEXT_FIELDS = ("matter", "proposal", "description")


def _sanitised(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        name: richtext.sanitise(value) if name in RICH_TEXT_FIELDS else value
        for name, value in fields.items()
    }


def next_paragraph_number(meeting: Meeting) -> int:
    """Numbers run on through the calendar year, or restart at each meeting."""
    own = meeting.paragraphs.aggregate(top=Max("number"))["top"]
    if own is not None:
        return own + 1
    if meeting.association.paragraph_numbering == ParagraphNumbering.PER_MEETING:
        return 1
    earlier = Paragraph.objects.filter(
        meeting__association=meeting.association,
        meeting__date__year=meeting.date.year,
        meeting__date__lt=meeting.date,
    ).aggregate(top=Max("number"))["top"]
    return (earlier or 0) + 1


@transaction.atomic
def paragraph_create(
    *, meeting: Meeting, by: User, number: int | None = None, **fields: Any
) -> Paragraph:
    """Add a paragraph to the minutes, numbered by the förbund's rule unless given."""
    Meeting.objects.select_for_update().get(pk=meeting.pk)
    paragraph = Paragraph(
        meeting=meeting, number=number or next_paragraph_number(meeting), **_sanitised(fields)
    )
    if meeting.paragraphs.filter(number=paragraph.number).exists():
        raise ValidationError({"number": f"§ {paragraph.number} finns redan i protokollet."})
    _check_decision(paragraph)
    save_with_history(paragraph, by=by)
    return paragraph


@transaction.atomic
def paragraph_update(*, paragraph: Paragraph, by: User, **fields: Any) -> Paragraph:
    """Change a paragraph's text or decision."""
    changed = apply_changes(paragraph, _sanitised(fields))
    if changed:
        _check_decision(paragraph)
        save_with_history(paragraph, by=by, update_fields=changed)
    return paragraph


def paragraph_quorum(paragraph: Paragraph) -> Quorum:
    meeting = paragraph.meeting
    stand_ins = (
        paragraph.stand_ins.select_related("seat__person", "serves_for__person")
        if paragraph.pk
        else []
    )
    return quorum_for(
        rule=meeting.association.quorum_rule,
        seats=board_seats_at(meeting),
        number=paragraph.number,
        attendances=roll_call_of(meeting),
        recused_seat_ids=set(paragraph.recusals.values_list("seat_id", flat=True))
        if paragraph.pk
        else set(),
        stand_ins=[StandIn(s.seat, s.serves_for) for s in stand_ins],
    )


def _check_decision(paragraph: Paragraph) -> None:
    """A decision needs a quorate board, unless the kansli records why it stands anyway."""
    if not paragraph.clauses or paragraph.quorum_override.strip():
        return
    if not paragraph.meeting.attendances.exists():
        return  # without an upprop there is nothing to judge the quorum by
    quorum = paragraph_quorum(paragraph)
    if not quorum.is_quorate:
        raise ValidationError(
            {
                "decision": f"Styrelsen är inte beslutför i § {paragraph.number}: "
                f"{len(quorum.deciding)} beslutande av {quorum.seats} ledamöter, "
                f"minst {quorum.required} behövs. Ange skälet om beslutet ändå ska stå."
            }
        )


@transaction.atomic
def recusal_set(*, paragraph: Paragraph, seat: BoardSeat, kind: str | None, by: User) -> None:
    """Record (or clear, with kind None) a member's jäv in one paragraph."""
    existing = paragraph.recusals.filter(seat=seat).first()
    if kind is None:
        if existing is not None:
            delete_with_history(existing, by=by)
            _check_substitutions(paragraph.meeting)
        return
    if seat.pk not in {s.pk for s in board_seats_at(paragraph.meeting)}:
        raise ValidationError(f"{seat.person} satt inte i styrelsen vid sammanträdet.")
    recusal = existing or Recusal(paragraph=paragraph, seat=seat)
    recusal.kind = kind
    save_with_history(recusal, by=by)
    if paragraph.stand_ins.exists():  # a jävig ersättare cannot stand in
        _check_substitutions(paragraph.meeting)
    _check_decision(paragraph)


@transaction.atomic
def paragraph_jav_record(
    *,
    paragraph: Paragraph,
    by: User,
    recusals: list[tuple[BoardSeat, str | None]],
    stand_ins: list[tuple[BoardSeat, BoardSeat]],
) -> None:
    """Record jäv in one § and the ersättare who serve there for the jäviga ledamöter
    (as (ersättare, ledamot) pairs); the whole § must then stand with the law."""
    board = {s.pk for s in board_seats_at(paragraph.meeting)}
    for seat, kind in recusals:
        existing = paragraph.recusals.filter(seat=seat).first()
        if kind is None:
            if existing is not None:
                delete_with_history(existing, by=by)
            continue
        if seat.pk not in board:
            raise ValidationError(f"{seat.person} satt inte i styrelsen vid sammanträdet.")
        recusal = existing or Recusal(paragraph=paragraph, seat=seat)
        if recusal.pk is None or recusal.kind != kind:
            recusal.kind = kind
            save_with_history(recusal, by=by)
    for substitute, ledamot in stand_ins:
        if substitute.pk not in board or ledamot.pk not in board:
            raise ValidationError(
                f"{substitute.person} och {ledamot.person} måste båda sitta i styrelsen "
                "vid sammanträdet."
            )
    meeting = paragraph.meeting
    _, problems = serving_in(
        number=paragraph.number,
        attendances=roll_call_of(meeting),
        recused_seat_ids=set(paragraph.recusals.values_list("seat_id", flat=True)),
        stand_ins=[StandIn(substitute, ledamot) for substitute, ledamot in stand_ins],
        rule=meeting.association.substitute_rule,
    )
    if problems:
        raise ValidationError(problems)
    wanted = {(substitute.pk, ledamot.pk) for substitute, ledamot in stand_ins}
    for stand_in in paragraph.stand_ins.all():
        if (stand_in.seat_id, stand_in.serves_for_id) not in wanted:
            delete_with_history(stand_in, by=by)
    kept = set(paragraph.stand_ins.values_list("seat_id", "serves_for_id"))
    for substitute, ledamot in stand_ins:
        if (substitute.pk, ledamot.pk) not in kept:
            stand_in = ParagraphStandIn(paragraph=paragraph, seat=substitute, serves_for=ledamot)
            save_with_history(stand_in, by=by)
    _check_substitutions(paragraph.meeting)
    _check_decision(paragraph)


def _check_recorded_decisions(rows: list[ParagraphRow]) -> None:
    """After a change to the upprop: every recorded decision must still stand."""
    broken = [
        row.paragraph.number
        for row in rows
        if row.paragraph.clauses
        and row.quorum is not None
        and not row.quorum.is_quorate
        and not row.paragraph.quorum_override.strip()
    ]
    if broken:
        numbers = ", ".join(f"§ {n}" for n in broken)
        raise ValidationError(
            f"Ändringen gör styrelsen icke beslutför i {numbers}, där beslut redan står. "
            "Ange skälet i paragrafen först, eller rätta närvaron."
        )


def _final_deciders(rows: list[ParagraphRow]) -> dict[int, set[int]]:
    """Who decided each omedelbart justerad § (seat ids); that may not change afterwards."""
    return {
        row.paragraph.number: {seat.pk for seat in row.quorum.deciding} if row.quorum else set()
        for row in rows
        if row.paragraph.immediately_approved
    }


@transaction.atomic
def guest_add(*, meeting: Meeting, by: User, **fields: Any) -> Guest:
    """Others present: staff, auditors, visitors, optionally for a § range."""
    guest = Guest(meeting=meeting, **fields)
    first, last = guest.from_number, guest.until_number
    if first and last and last < first:
        raise ValidationError(f"{guest.name}: § {last} kommer före § {first}.")
    _check_within(_number_range(meeting), guest.name, first, last)
    save_with_history(guest, by=by)
    return guest


@transaction.atomic
def guest_delete(*, guest: Guest, by: User) -> None:
    delete_with_history(guest, by=by)


# Papers are PDF or Word. What a file is, is told by its content (filetype's detection of
# the format), whatever the file is called; the name must agree with it.
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ATTACHMENT_TYPES = {".pdf": "application/pdf", ".docx": DOCX_TYPE}
KIND_NAMES = {"application/pdf": "en PDF-fil", DOCX_TYPE: "ett Word-dokument"}
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


def _detected(upload: UploadedFile) -> str | None:
    """The content type the file's content shows, or None for one filetype does not know
    (text, HTML, scripts)."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind is not None else None


def attachment_type(upload: UploadedFile) -> str:
    """The content type of a PDF or Word upload, checked by name and detected content."""
    name = (upload.name or "").lower()
    extension = next((ext for ext in ATTACHMENT_TYPES if name.endswith(ext)), None)
    if extension is None:
        raise ValidationError({"file": "Bilagan måste vara en PDF- eller Word-fil (.pdf, .docx)."})
    if upload.size is None or upload.size == 0:
        raise ValidationError({"file": "Filen är tom."})
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            {"file": f"Filen är för stor ({upload.size // (1024 * 1024)} MB). Högst 20 MB."}
        )
    content_type = ATTACHMENT_TYPES[extension]
    detected = _detected(upload)
    # A Word file is a zip; whether it holds a Word document is checked below.
    accepted = {content_type, "application/zip"} if extension == ".docx" else {content_type}
    if detected not in accepted:
        expected = KIND_NAMES[content_type]
        if detected is None:
            found = f"är inte {expected}"
        else:
            found = f"är {KIND_NAMES.get(detected, 'en annan sorts fil')}, inte {expected}"
        raise ValidationError(
            {
                "file": f"Filen heter {extension} men innehållet {found}. "
                "Välj rätt fil, eller spara den som PDF eller Word och försök igen."
            }
        )
    if extension == ".docx":
        try:
            with zipfile.ZipFile(upload) as archive:
                if "word/document.xml" not in archive.namelist():
                    raise ValidationError({"file": "Filen är inte ett Word-dokument."})
        except zipfile.BadZipFile as error:
            raise ValidationError({"file": "Filen är inte ett Word-dokument."}) from error
        finally:
            upload.seek(0)
    return content_type


@transaction.atomic
def attachment_add(
    *, meeting: Meeting, by: User, title: str, file: UploadedFile, item: AgendaItem | None = None
) -> Attachment:
    """Add a paper to the meeting as the next Bilaga N."""
    Meeting.objects.select_for_update().get(pk=meeting.pk)
    content_type = attachment_type(file)
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError({"item": "Punkten hör till ett annat sammanträde."})
    top = meeting.attachments.aggregate(top=Max("number"))["top"] or 0
    attachment = Attachment(
        meeting=meeting,
        item=item,
        number=top + 1,
        title=title,
        content_type=content_type,
        size=file.size or 0,
    )
    attachment.file.save(file.name or "bilaga", file, save=False)
    try:
        save_with_history(attachment, by=by)
    except ValidationError:  # MinutesLocked too: the file must not stay behind in storage
        attachment.file.delete(save=False)
        raise
    return attachment


def _present_at(meeting: Meeting, person: Person) -> bool:
    return meeting.attendances.filter(
        seat__person=person, presence__in=[Presence.PRESENT, Presence.REMOTE]
    ).exists()


@transaction.atomic
def signers_set(
    *, meeting: Meeting, by: User, chair: Person, adjusters: list[Person]
) -> list[MinutesSigner]:
    """Who justerar: the chair of the meeting and the justerare chosen at it."""
    if meeting.signers.filter(approved_at__isnull=False).exists():
        raise ValidationError("Justeringen har börjat; justerarna kan inte bytas.")
    if not adjusters:
        raise ValidationError({"adjusters": "Välj minst en justerare."})
    if chair in adjusters:
        raise ValidationError({"adjusters": f"{chair} är ordförande och justerar redan."})
    for person, field in [(chair, "chair")] + [(p, "adjusters") for p in adjusters]:
        if person.association_id != meeting.association_id:
            raise ValidationError({field: f"{person} hör inte till förbundet."})
        if not _present_at(meeting, person):
            raise ValidationError(
                {field: f"{person} var inte närvarande vid sammanträdet och kan inte justera."}
            )
    for signer in meeting.signers.all():
        delete_with_history(signer, by=by)
    signers = [MinutesSigner(meeting=meeting, person=chair, role=SignerRole.CHAIR)]
    signers += [
        MinutesSigner(meeting=meeting, person=p, role=SignerRole.ADJUSTER) for p in adjusters
    ]
    for signer in signers:
        save_with_history(signer, by=by)
    return signers


def minutes_fingerprint(meeting: Meeting) -> str:
    """SHA-256 of what the minutes say (not who has signed when): the text the sekreterare
    confirms. Any later change to the upprop, a §, jäv or the signers changes it."""
    minutes = minutes_of(meeting)
    content = {
        "meeting": [
            str(meeting.date),
            str(meeting.starts_at),
            str(meeting.ends_at),
            meeting.place,
            meeting.secretary_id,
        ],
        "upprop": sorted(
            [a.seat_id, a.presence, a.serves_for_id, a.from_number, a.until_number, a.note]
            for a in meeting.attendances.all()
        ),
        "guests": [[g.name, g.role, g.from_number, g.until_number] for g in minutes.guests],
        "paragraphs": [
            [
                row.paragraph.number,
                row.paragraph.title,
                row.paragraph.case_number,
                row.paragraph.matter,
                row.paragraph.proposal,
                row.paragraph.decision,
                row.paragraph.reservations,
                row.paragraph.minutes_notes,
                row.paragraph.immediately_approved,
                row.paragraph.quorum_override,
                sorted([r.seat_id, r.kind] for r in row.recusals),
                sorted([s.seat_id, s.serves_for_id] for s in row.stand_ins),
            ]
            for row in minutes.rows
        ],
        "signers": sorted([s.person_id, s.role] for s in minutes.signers),
    }
    if meeting.adjustment_on or meeting.adjustment_place:  # only when given: older stay valid
        content["adjustment"] = [str(meeting.adjustment_on), meeting.adjustment_place]
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()


def may_confirm(meeting: Meeting, user: User) -> bool:
    """The sekreterare confirms with their own login; for a sekreterare without one, the
    förbund's kansli confirms on their behalf."""
    secretary = meeting.secretary
    if secretary is None or user.association_id != meeting.association_id:
        return False
    if user.person_id == secretary.pk:
        return True
    return user.is_office and not User.objects.filter(person=secretary, is_active=True).exists()


@transaction.atomic
def minutes_confirm(*, meeting: Meeting, by: User, now: datetime.datetime | None = None) -> Meeting:
    """The sekreterare confirms (bestyrker) the text; then the signers may justera."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        raise MinutesLocked(LOCKED_MESSAGE)
    if meeting.secretary is None:
        raise ValidationError("Välj sekreterare för sammanträdet först (Ändra sammanträdet).")
    if not may_confirm(meeting, by):
        raise ValidationError(
            f"Bara sekreteraren {meeting.secretary} kan bestyrka protokollet med sin egen "
            "inloggning. Kansliet bestyrker bara för en sekreterare utan inloggning."
        )
    if meeting.signers.filter(approved_at__isnull=False).exists():
        raise ValidationError("Justeringen har börjat; texten är redan bestyrkt.")
    if not meeting.paragraphs.exists():
        raise ValidationError("Protokollet har inga paragrafer.")
    if not meeting.attendances.exists():
        raise ValidationError("Protokollet saknar upprop.")
    if not meeting.signers.exists():
        raise ValidationError("Välj ordförande och justerare innan texten bestyrks.")
    meeting.text_confirmed_at = now or timezone.now()
    meeting.text_confirmed_by = by
    meeting.text_fingerprint = minutes_fingerprint(meeting)
    save_with_history(
        meeting,
        by=by,
        update_fields=["text_confirmed_at", "text_confirmed_by", "text_fingerprint"],
    )
    return meeting


def _check_confirmed(meeting: Meeting) -> None:
    if meeting.secretary is None:
        raise ValidationError(
            "Sammanträdet har ingen sekreterare. Kansliet väljer sekreterare, som bestyrker "
            "texten innan protokollet justeras."
        )
    if meeting.text_confirmed_at is None:
        raise ValidationError(
            f"Sekreteraren {meeting.secretary} har inte bestyrkt protokollets text ännu."
        )
    if meeting.text_fingerprint != minutes_fingerprint(meeting):
        raise ValidationError(
            "Protokollet har ändrats sedan sekreteraren bestyrkte texten. "
            f"{meeting.secretary} behöver bestyrka den på nytt."
        )


@transaction.atomic
def minutes_approve(
    *,
    meeting: Meeting,
    by: User,
    now: datetime.datetime | None = None,
    notice_note: str = "",
) -> ApprovedMinutes | None:
    """Justera with one's own login. When the last signer has approved, the minutes are
    written as PDF/A, hashed, stored, locked, and the anslag goes up."""
    now = now or timezone.now()
    meeting = Meeting.objects.select_for_update().select_related("association").get(pk=meeting.pk)
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        raise MinutesLocked(LOCKED_MESSAGE)
    signer = meeting.signers.filter(person_id=by.person_id).first() if by.person_id else None
    if signer is None:
        raise ValidationError("Du är inte utsedd att justera det här protokollet.")
    if signer.approved_at is not None:
        when = timezone.localtime(signer.approved_at)
        raise ValidationError(f"Du har redan justerat protokollet {when:%Y-%m-%d %H.%M}.")
    if timezone.localtime(now).date() < meeting.date:
        raise ValidationError("Sammanträdet har inte hållits ännu.")
    if not meeting.paragraphs.exists():
        raise ValidationError("Protokollet har inga paragrafer.")
    if not meeting.attendances.exists():
        raise ValidationError("Protokollet saknar upprop.")
    _check_confirmed(meeting)
    signer.approved_at = now
    signer.approved_by = by
    save_with_history(signer, by=by, update_fields=["approved_at", "approved_by"])
    if meeting.signers.filter(approved_at__isnull=True).exists():
        return None
    return _keep_minutes(
        meeting, by=by, approved_on=timezone.localtime(now).date(), note=notice_note
    )


def _keep_minutes(
    meeting: Meeting, *, by: User, approved_on: datetime.date, note: str
) -> ApprovedMinutes:
    minutes = minutes_of(meeting)
    minutes_justerade.send(sender=Meeting, meeting=meeting, by=by)
    numbers = minutes.numbers
    assert numbers is not None  # checked by minutes_approve
    dates = notice_dates(approved_on)
    pdf = minutes_pdf(minutes, archival=True, notice=dates)
    association = meeting.association
    notice = Notice(
        meeting=meeting,
        association=association,
        posted_on=dates.posted_on,
        taken_down_on=dates.taken_down_on,
        first_number=numbers[0],
        last_number=numbers[1],
        kept_at=association.minutes_kept_at or association.name,
        posted_at_place=association.notice_board or "Samordnas anslagstavla",
        note=note,
    )
    save_with_history(notice, by=by)
    approved = ApprovedMinutes(
        meeting=meeting,
        approved_on=approved_on,
        sha256=hashlib.sha256(pdf).hexdigest(),
        first_number=numbers[0],
        last_number=numbers[1],
        snapshot=minutes_snapshot(minutes),
    )
    # The Word copy is written once, as justerad, and served as stored from then on.
    docx = minutes_docx(replace(minutes, approved=approved, notice=notice))
    approved.docx_sha256 = hashlib.sha256(docx).hexdigest()
    approved.pdf.save(f"protokoll-{meeting.date:%Y-%m-%d}.pdf", ContentFile(pdf), save=False)
    approved.docx.save(f"protokoll-{meeting.date:%Y-%m-%d}.docx", ContentFile(docx), save=False)
    save_with_history(approved, by=by)
    minutes_kept.send(sender=Meeting, approved=approved, by=by)
    return approved


@transaction.atomic
def task_create(
    *,
    meeting: Meeting,
    by: User,
    text: str,
    responsible: str,
    paragraph: Paragraph | None = None,
    due_meeting: Meeting | None = None,
) -> Task:
    """An assignment given at `meeting`, to be reported at `due_meeting`."""
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        raise MinutesLocked(LOCKED_MESSAGE)
    if paragraph is not None and paragraph.meeting_id != meeting.pk:
        raise ValidationError({"paragraph": "Paragrafen hör till ett annat sammanträde."})
    if due_meeting is not None and (
        due_meeting.association_id != meeting.association_id or due_meeting.date <= meeting.date
    ):
        raise ValidationError(
            {"due_meeting": "Uppdraget redovisas vid ett senare sammanträde i samma förbund."}
        )
    task = Task(
        association=meeting.association,
        given_at=meeting,
        paragraph=paragraph,
        text=text,
        responsible=responsible,
        due_meeting=due_meeting,
    )
    save_with_history(task, by=by)
    return task


@transaction.atomic
def task_done(*, task: Task, by: User, done_on: datetime.date, note: str = "") -> Task:
    """Mark an assignment as reported; it leaves the agendas."""
    if done_on < task.given_at.date:
        raise ValidationError({"done_on": "Uppdraget kan inte vara klart innan det gavs."})
    task.done_on = done_on
    task.done_note = note
    save_with_history(task, by=by, update_fields=["done_on", "done_note"])
    return task


NO_ADDRESSES_MESSAGE = "Ingen i styrelsen har en e-postadress. Lägg in adresserna under Personer."


def kallelse_recipients(meeting: Meeting) -> list[Person]:
    """Ledamöter and ersättare on the meeting's day, with an e-mail address."""
    return [seat.person for seat in board_seats_at(meeting) if seat.person.email]


@transaction.atomic
def kallelse_send(*, meeting: Meeting, by: User, key: str = "") -> int:
    """Queue the kallelse with the agenda as PDF to each of the board and record it as sent,
    in one transaction: the e-mail leaves after the commit. Returns how many get it."""
    recipients = kallelse_recipients(meeting)
    if not recipients:
        raise ValidationError(NO_ADDRESSES_MESSAGE)
    pdf = kallelse_pdf(meeting)
    meeting.notice_sent_at = timezone.now()
    save_with_history(meeting, by=by, update_fields=["notice_sent_at"])
    key = key or f"{meeting.notice_sent_at:%Y%m%d%H%M%S%f}"
    context = {"meeting": meeting, "association": meeting.association}
    for person in recipients:
        email_queue(
            key=f"kallelse:{meeting.pk}:{person.pk}:{key}",
            to=[person.email],
            template="meetings/email/kallelse",
            context=context,
            association=meeting.association,
            attachments=[(f"kallelse-{meeting.date:%Y-%m-%d}.pdf", pdf, "application/pdf")],
        )
    return len(recipients)


@transaction.atomic
def kallelse_send_start(*, meeting: Meeting, by: User, done_url: str = "") -> TaskProgress:
    """Start sending the kallelse in the background; its page shows how far it has come."""
    if not kallelse_recipients(meeting):
        raise ValidationError(NO_ADDRESSES_MESSAGE)
    return progress_start(
        title=f"Kallelse till sammanträdet {format_date(meeting.date)}",
        task_path="samordna.meetings.tasks.kallelse_send_task",
        arguments={"meeting_id": meeting.pk, "by_id": by.pk},
        by=by,
        association=meeting.association,
        done_url=done_url,
    )
