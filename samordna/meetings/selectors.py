import datetime
from dataclasses import dataclass

from samordna.associations.models import Association, BoardSeat, Person, SeatKind
from samordna.associations.selectors import board_on, seat_order
from samordna.core.text import swedish_key
from samordna.meetings.models import (
    ApprovedMinutes,
    Attendance,
    Guest,
    Meeting,
    MinutesSigner,
    Notice,
    Paragraph,
    Recusal,
    SignerRole,
    Task,
)
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
    """The roll call, ledamöter before ersättare, each in the board's usual order."""
    attendances = meeting.attendances.select_related(
        "seat__person", "seat__member", "serves_for__person"
    )
    return sorted(attendances, key=lambda a: (a.seat.kind, seat_order(a.seat)))


@dataclass(frozen=True)
class NoticeDates:
    """The anslag's dates: posted on the day of justering, down three weeks later at the
    earliest, the time within which a member's resident may ask for laglighetsprövning."""

    posted_on: datetime.date
    taken_down_on: datetime.date


APPEAL_WEEKS = 3


def notice_dates(approved_on: datetime.date) -> NoticeDates:
    return NoticeDates(approved_on, approved_on + datetime.timedelta(weeks=APPEAL_WEEKS))


@dataclass(frozen=True)
class Minutes:
    """Everything the minutes document shows, read in a fixed number of queries."""

    association: Association
    meeting: Meeting
    ordinary: list[Attendance]
    serving: list[Attendance]
    substitutes: list[Attendance]
    absent: list[Attendance]
    guests: list[Guest]
    rows: list[ParagraphRow]
    signers: list[MinutesSigner]
    approved: ApprovedMinutes | None
    notice: Notice | None

    @property
    def numbers(self) -> tuple[int, int] | None:
        if not self.rows:
            return None
        return self.rows[0].paragraph.number, self.rows[-1].paragraph.number

    @property
    def chair(self) -> MinutesSigner | None:
        return next((s for s in self.signers if s.role == SignerRole.CHAIR), None)

    @property
    def adjusters(self) -> list[MinutesSigner]:
        return [s for s in self.signers if s.role == SignerRole.ADJUSTER]

    @property
    def initials(self) -> str:
        """The signers' initials, printed on every page as a paper protocol is initialled."""
        return " ".join(s.person.initials for s in self.signers)

    @property
    def is_approved(self) -> bool:
        return self.approved is not None


def minutes_of(meeting: Meeting) -> Minutes:
    attendances = roll_call_of(meeting)
    present = [a for a in attendances if a.is_present]
    approved = ApprovedMinutes.objects.filter(meeting=meeting).first()
    return Minutes(
        association=meeting.association,
        meeting=meeting,
        ordinary=[a for a in present if a.seat.kind == SeatKind.ORDINARY],
        serving=[a for a in present if a.serves_for_id is not None],
        substitutes=[
            a for a in present if a.seat.kind == SeatKind.SUBSTITUTE and a.serves_for_id is None
        ],
        absent=[a for a in attendances if not a.is_present],
        guests=list(meeting.guests.all()),
        rows=minutes_rows(meeting),
        signers=list(meeting.signers.select_related("person", "approved_by")),
        approved=approved,
        notice=Notice.objects.filter(meeting=meeting).first() if approved else None,
    )


def open_tasks_for(meeting: Meeting) -> list[Task]:
    """Tasks due at this meeting or an earlier one and not yet done: they stand on its agenda."""
    return list(
        Task.objects.filter(
            association_id=meeting.association_id,
            due_meeting__date__lte=meeting.date,
            done_on__isnull=True,
        ).select_related("given_at", "paragraph", "due_meeting")
    )


def tasks_of(association: Association) -> list[Task]:
    return list(association.tasks.select_related("given_at", "paragraph", "due_meeting"))


@dataclass(frozen=True)
class BoardDesk:
    """A board member's own view: coming meetings with their papers, and minutes to justera."""

    upcoming: list[Meeting]
    to_approve: list[MinutesSigner]


def board_desk(association: Association, person: Person | None, today: datetime.date) -> BoardDesk:
    upcoming = list(
        association.meetings.filter(date__gte=today).prefetch_related("attachments")[:3]
    )
    to_approve: list[MinutesSigner] = []
    if person is not None:
        to_approve = list(
            MinutesSigner.objects.filter(
                person=person, approved_at__isnull=True, meeting__approved_minutes__isnull=True
            ).select_related("meeting")
        )
    return BoardDesk(upcoming=upcoming, to_approve=to_approve)


def current_notices(today: datetime.date) -> list[Notice]:
    """Anslag on the public board today, grouped by förbund in Swedish order."""
    notices = Notice.objects.filter(posted_on__lte=today, taken_down_on__gte=today).select_related(
        "association", "meeting__approved_minutes"
    )
    return sorted(
        notices, key=lambda n: (swedish_key(n.association.name), -n.posted_on.toordinal())
    )


def archived_notices(today: datetime.date) -> list[Notice]:
    """Anslag that have been taken down, newest first; the minutes stay public."""
    return list(
        Notice.objects.filter(taken_down_on__lt=today).select_related(
            "association", "meeting__approved_minutes"
        )
    )
