"""Every write to meetings and their agendas."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from samordna.accounts.models import User
from samordna.associations.models import Association, BoardSeat, ParagraphNumbering, SeatKind
from samordna.core.services import apply_changes, save_with_history
from samordna.core.text import format_date
from samordna.meetings.models import (
    AgendaItem,
    Attendance,
    CalendarFeed,
    ItemKind,
    Meeting,
    Paragraph,
    Presence,
    Recusal,
    new_calendar_token,
)
from samordna.meetings.quorum import Quorum, quorum_for
from samordna.meetings.selectors import board_seats_at

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


def _check_meeting(meeting: Meeting) -> None:
    if meeting.ends_at <= meeting.starts_at:
        raise ValidationError({"ends_at": "Sammanträdet måste sluta efter att det börjat."})
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
def agenda_item_add(*, meeting: Meeting, by: User, **fields: Any) -> AgendaItem:
    """Add a matter to the agenda, before the closing standing items."""
    items = list(meeting.items.select_for_update())
    closing = {title for title, _ in CLOSING_ITEMS}
    index = next(
        (i for i, it in enumerate(items) if it.standing and it.title in closing), len(items)
    )
    for each in items[index:]:
        each.position += 1
        save_with_history(each, by=by, update_fields=["position"])
    item = AgendaItem(meeting=meeting, position=index + 1, **fields)
    save_with_history(item, by=by)
    return item


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, by: User, **fields: Any) -> AgendaItem:
    """Change a matter's title, kind, föredragande or Dnr."""
    changed = apply_changes(item, fields)
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
    """Take a matter off the agenda; the standing items stay."""
    if item.standing:
        raise ValidationError("Stående punkter kan inte tas bort från dagordningen.")
    meeting = item.meeting
    item._history_user = by  # type: ignore[attr-defined]
    item.delete()
    _renumber(list(meeting.items.all()), by=by)


@transaction.atomic
def calendar_feed_for(*, association: Association) -> CalendarFeed:
    """The förbund's calendar address, created on first use."""
    feed, _ = CalendarFeed.objects.get_or_create(association=association)
    return feed


@transaction.atomic
def calendar_feed_renew(*, association: Association, by: User) -> CalendarFeed:
    """Give the calendar a new address; the old one stops working."""
    feed = calendar_feed_for(association=association)
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


def _check_roll_call(meeting: Meeting, entries: list[RollCallEntry]) -> None:
    seats = {seat.pk: seat for seat in board_seats_at(meeting)}
    span = _number_range(meeting)
    served: dict[int, BoardSeat] = {}
    for entry in entries:
        who = entry.seat.person
        if entry.seat.pk not in seats:
            raise ValidationError(f"{who} satt inte i styrelsen {format_date(meeting.date)}.")
        if entry.from_number and entry.until_number and entry.until_number < entry.from_number:
            raise ValidationError(
                f"{who}: avvek före ankomsten (§ {entry.until_number} före § {entry.from_number})."
            )
        for number in (entry.from_number, entry.until_number):
            if number is not None and span is not None and not span[0] <= number <= span[1]:
                raise ValidationError(
                    f"{who}: § {number} finns inte i protokollet (§ {span[0]}–{span[1]})."
                )
        if entry.presence == Presence.ABSENT and (entry.from_number or entry.until_number):
            raise ValidationError(f"{who} är frånvarande och kan inte ha en §-gräns.")
        if entry.serves_for is not None:
            if entry.seat.kind != SeatKind.SUBSTITUTE:
                raise ValidationError(f"{who} är ordinarie ledamot och tjänstgör inte för någon.")
            if entry.serves_for.pk not in seats or entry.serves_for.kind != SeatKind.ORDINARY:
                raise ValidationError(f"{who} kan bara tjänstgöra för en ordinarie ledamot.")
            if entry.presence == Presence.ABSENT:
                raise ValidationError(f"{who} är frånvarande och kan inte tjänstgöra.")
            if entry.serves_for.pk in served:
                raise ValidationError(
                    f"{served[entry.serves_for.pk].person} tjänstgör redan för "
                    f"{entry.serves_for.person}."
                )
            served[entry.serves_for.pk] = entry.seat


@transaction.atomic
def roll_call_record(*, meeting: Meeting, by: User, entries: list[RollCallEntry]) -> None:
    """Record who was present, at a distance or absent, and who served for whom."""
    _check_roll_call(meeting, entries)
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
        meeting=meeting, number=number or next_paragraph_number(meeting), **fields
    )
    if meeting.paragraphs.filter(number=paragraph.number).exists():
        raise ValidationError({"number": f"§ {paragraph.number} finns redan i protokollet."})
    _check_decision(paragraph)
    save_with_history(paragraph, by=by)
    return paragraph


@transaction.atomic
def paragraph_update(*, paragraph: Paragraph, by: User, **fields: Any) -> Paragraph:
    """Change a paragraph's text or decision."""
    changed = apply_changes(paragraph, fields)
    if changed:
        _check_decision(paragraph)
        save_with_history(paragraph, by=by, update_fields=changed)
    return paragraph


def paragraph_quorum(paragraph: Paragraph) -> Quorum:
    meeting = paragraph.meeting
    return quorum_for(
        rule=meeting.association.quorum_rule,
        seats=board_seats_at(meeting),
        number=paragraph.number,
        attendances=meeting.attendances.select_related("seat__person"),
        recused_seat_ids=set(paragraph.recusals.values_list("seat_id", flat=True))
        if paragraph.pk
        else set(),
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
            existing._history_user = by  # type: ignore[attr-defined]
            existing.delete()
        return
    if seat.pk not in {s.pk for s in board_seats_at(paragraph.meeting)}:
        raise ValidationError(f"{seat.person} satt inte i styrelsen vid sammanträdet.")
    recusal = existing or Recusal(paragraph=paragraph, seat=seat)
    recusal.kind = kind
    save_with_history(recusal, by=by)
