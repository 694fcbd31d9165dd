import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from samordna.associations.models import Association, BoardSeat, Person, SeatKind
from samordna.associations.selectors import board_on, seat_order
from samordna.core.text import swedish_key
from samordna.meetings.models import (
    APPEAL_WEEKS,
    ApprovedMinutes,
    Attendance,
    CalendarFeed,
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


def calendar_feed_of(association: Association) -> CalendarFeed | None:
    """The förbund's calendar address, if the kansli has made one."""
    return CalendarFeed.objects.filter(association=association).first()


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


def minutes_rows(
    meeting: Meeting, attendances: list[Attendance] | None = None
) -> list[ParagraphRow]:
    """Every paragraph with its jäv and quorum, in a fixed number of queries."""
    seats = board_seats_at(meeting)
    if attendances is None:
        attendances = list(meeting.attendances.select_related("seat__person"))
    paragraphs = list(meeting.paragraphs.all())
    recusals_of: dict[int, list[Recusal]] = {}
    for recusal in Recusal.objects.filter(paragraph__meeting=meeting).select_related(
        "seat__person"
    ):
        recusals_of.setdefault(recusal.paragraph_id, []).append(recusal)
    rows = []
    for paragraph in paragraphs:
        recusals = recusals_of.get(paragraph.pk, [])
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
        rows=minutes_rows(meeting, attendances),
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


def minutes_to_approve(person: Person) -> list[MinutesSigner]:
    """Minutes `person` has been chosen to justera and has not yet approved."""
    return list(
        MinutesSigner.objects.filter(
            person=person, approved_at__isnull=True, meeting__approved_minutes__isnull=True
        ).select_related("meeting")
    )


def _public_notices() -> QuerySet[Notice]:
    """Anslag of justerade minutes only, with what the public board shows, in one query."""
    return Notice.objects.filter(meeting__approved_minutes__isnull=False).select_related(
        "association", "meeting__approved_minutes"
    )


def current_notices(today: datetime.date) -> list[Notice]:
    """Anslag on the public board today, grouped by förbund in Swedish order."""
    notices = _public_notices().filter(posted_on__lte=today, taken_down_on__gte=today)
    return sorted(
        notices,
        key=lambda n: (
            swedish_key(n.association.name),
            -n.posted_on.toordinal(),
            -n.meeting.date.toordinal(),
        ),
    )


def _archived(today: datetime.date) -> QuerySet[Notice]:
    return (
        _public_notices()
        .filter(taken_down_on__lt=today)
        .order_by("-posted_on", "-meeting__date", "-pk")
    )


def archive_page(today: datetime.date, number: str | int | None, per_page: int) -> Page:
    """One page of the archive, newest first; a page number out of range gives the last."""
    return Paginator(_archived(today), per_page).get_page(number)


def public_minutes(notice_pk: int) -> ApprovedMinutes | None:
    """The justerade minutes an anslag made known, if there is such an anslag."""
    return (
        ApprovedMinutes.objects.filter(meeting__notice__pk=notice_pk)
        .select_related("meeting__association")
        .first()
    )
