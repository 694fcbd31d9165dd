import datetime
from dataclasses import dataclass

from samordna.associations.models import Association, BoardSeat
from samordna.associations.selectors import board_on
from samordna.core.text import swedish_key
from samordna.meetings.models import Attendance, Meeting, Paragraph, Recusal
from samordna.meetings.quorum import Quorum, quorum_for


def meetings_in_year(association: Association, year: int) -> list[Meeting]:
    return list(association.meetings.filter(date__year=year))


def meeting_years(association: Association, today: datetime.date) -> list[int]:
    """From the first year with meetings through next year (for planning), without gaps."""
    years = {day.year for day in association.meetings.dates("date", "year")}
    years |= {today.year, today.year + 1}
    return list(range(min(years), max(years) + 1))


def upcoming_meetings(
    association: Association, today: datetime.date, limit: int = 3
) -> list[Meeting]:
    return list(association.meetings.filter(date__gte=today)[:limit])


@dataclass(frozen=True)
class ParagraphRow:
    paragraph: Paragraph
    recusals: list[Recusal]
    quorum: Quorum | None


def board_seats_at(meeting: Meeting) -> list[BoardSeat]:
    """The board on the meeting's day, in the board's usual order."""
    board = board_on(meeting.association, meeting.date)
    return board.ordinary + board.substitutes


def minutes_rows(meeting: Meeting) -> list[ParagraphRow]:
    """Every paragraph with its jäv and quorum, in a fixed number of queries."""
    seats = board_seats_at(meeting)
    attendances = list(meeting.attendances.select_related("seat__person"))
    paragraphs = list(meeting.paragraphs.prefetch_related("recusals__seat__person"))
    rows = []
    for paragraph in paragraphs:
        recusals = list(paragraph.recusals.all())
        quorum = (
            quorum_for(
                rule=meeting.association.quorum_rule,
                seats=seats,
                number=paragraph.number,
                attendances=attendances,
                recused_seat_ids={r.seat_id for r in recusals},
            )
            if attendances
            else None
        )
        rows.append(ParagraphRow(paragraph, recusals, quorum))
    return rows


def roll_call_of(meeting: Meeting) -> list[Attendance]:
    """The roll call, ledamöter before ersättare, by surname."""
    attendances = meeting.attendances.select_related(
        "seat__person", "seat__member", "serves_for__person"
    )
    return sorted(attendances, key=lambda a: (a.seat.kind, swedish_key(a.seat.person.last_name)))
