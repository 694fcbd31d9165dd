"""Every write to what a meeting's minutes record: the upprop with its substitutions,
the paragraphs with their decisions, jäv, and the guests present."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from samordna.accounts.models import User
from samordna.associations.models import (
    BoardSeat,
    ParagraphNumbering,
)
from samordna.core.services import (
    apply_changes,
    delete_with_history,
    save_with_history,
)
from samordna.core.text import format_date
from samordna.meetings.models import (
    Attendance,
    Guest,
    Meeting,
    Paragraph,
    ParagraphStandIn,
    Presence,
    Recusal,
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
    minutes_rows,
    roll_call_of,
)
from samordna.meetings.services import sanitised


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
        meeting=meeting, number=number or next_paragraph_number(meeting), **sanitised(fields)
    )
    if meeting.paragraphs.filter(number=paragraph.number).exists():
        raise ValidationError({"number": f"§ {paragraph.number} finns redan i protokollet."})
    _check_decision(paragraph)
    save_with_history(paragraph, by=by)
    return paragraph


@transaction.atomic
def paragraph_update(*, paragraph: Paragraph, by: User, **fields: Any) -> Paragraph:
    """Change a paragraph's text or decision."""
    changed = apply_changes(paragraph, sanitised(fields))
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
