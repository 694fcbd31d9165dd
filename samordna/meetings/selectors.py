import datetime
from dataclasses import dataclass, field
from typing import Any, TypedDict

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from samordna.associations.models import Association, BoardSeat, OpeningStyle, Person, SeatKind
from samordna.associations.selectors import board_on, seat_order
from samordna.control.selectors import decisions_reported_to
from samordna.core.links import row_link
from samordna.core.text import format_date, swedish_key
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
    ParagraphStandIn,
    Recusal,
    SignerRole,
    Task,
)
from samordna.meetings.quorum import Quorum, StandIn, quorum_for


def meetings_in_year(association: Association, year: int) -> list[Meeting]:
    return list(association.meetings.filter(date__year=year))


def calendar_feed_of(association: Association) -> CalendarFeed | None:
    """The förbund's calendar address, if the kansli has made one."""
    return CalendarFeed.objects.filter(association=association).first()


def calendar_feed_token(association: Association) -> str | None:
    """The token of the förbund's calendar address, if the kansli has made one."""
    feed = calendar_feed_of(association)
    return feed.token if feed else None


def meeting_years(association: Association, today: datetime.date) -> list[int]:
    """From the first year with meetings through next year (for planning), without gaps."""
    years = {day.year for day in association.meetings.dates("date", "year")}
    years |= {today.year, today.year + 1}
    return list(range(min(years), max(years) + 1))


def latest_meeting_year(association: Association) -> int | None:
    """The newest year with meetings, for year pages whose year has none yet."""
    latest = association.meetings.order_by("-date").values_list("date", flat=True).first()
    return latest.year if latest else None


def upcoming_meetings(
    association: Association, today: datetime.date, limit: int = 3
) -> list[Meeting]:
    return list(association.meetings.filter(date__gte=today)[:limit])


@dataclass(frozen=True)
class ParagraphRow:
    paragraph: Paragraph
    recusals: list[Recusal]
    quorum: Quorum | None
    stand_ins: list[ParagraphStandIn] = field(default_factory=list)


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
        attendances = roll_call_of(meeting)
    paragraphs = list(meeting.paragraphs.all())
    recusals_of: dict[int, list[Recusal]] = {}
    for recusal in Recusal.objects.filter(paragraph__meeting=meeting).select_related(
        "seat__person"
    ):
        recusals_of.setdefault(recusal.paragraph_id, []).append(recusal)
    stand_ins_of: dict[int, list[ParagraphStandIn]] = {}
    for stand_in in ParagraphStandIn.objects.filter(paragraph__meeting=meeting).select_related(
        "seat__person", "seat__member", "serves_for__person", "serves_for__member"
    ):
        stand_ins_of.setdefault(stand_in.paragraph_id, []).append(stand_in)
    rows = []
    for paragraph in paragraphs:
        recusals = recusals_of.get(paragraph.pk, [])
        stand_ins = stand_ins_of.get(paragraph.pk, [])
        quorum = (
            quorum_for(
                rule=meeting.association.quorum_rule,
                seats=seats,
                number=paragraph.number,
                attendances=attendances,
                recused_seat_ids={r.seat_id for r in recusals},
                stand_ins=[StandIn(s.seat, s.serves_for) for s in stand_ins],
            )
            if attendances
            else None
        )
        rows.append(ParagraphRow(paragraph, recusals, quorum, stand_ins))
    return rows


def roll_call_of(meeting: Meeting) -> list[Attendance]:
    """The roll call, ledamöter before ersättare, each in the board's usual order."""
    attendances = meeting.attendances.select_related(
        "seat__person", "seat__member", "serves_for__person", "serves_for__member"
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
class FrameItem:
    """An unnumbered part of the protocol's frame (Mötets öppnande, Nästa sammanträde)."""

    title: str
    text: str


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
    # Decisions taken under delegation, reported under "Anmälan av delegationsbeslut".
    delegation_decisions: list = field(default_factory=list)
    # The opening formalities and "Nästa sammanträde" of a förbund that does not number them.
    opening: list[FrameItem] = field(default_factory=list)
    closing: list[FrameItem] = field(default_factory=list)

    @property
    def show_party(self) -> bool:
        return self.association.show_party

    @property
    def delegation_paragraph_id(self) -> int | None:
        """The § the delegation decisions are listed under; None prints them after the §§."""
        return next(
            (r.paragraph.pk for r in self.rows if "delegationsbeslut" in r.paragraph.title.lower()),
            None,
        )

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


def adjustment_line(meeting: Meeting) -> str:
    """The planned day and place of justering, "2022-12-05, Kommunhuset rum 612"."""
    day = f"{meeting.adjustment_on:%Y-%m-%d}" if meeting.adjustment_on else ""
    return ", ".join(part for part in (day, meeting.adjustment_place) if part)


def neighbour_meetings(meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
    """The förbund's meeting before this one and the next in the plan."""
    others = Meeting.objects.filter(association_id=meeting.association_id).exclude(pk=meeting.pk)
    before = (
        others.filter(
            Q(date__lt=meeting.date) | Q(date=meeting.date, starts_at__lt=meeting.starts_at)
        )
        .order_by("-date", "-starts_at")
        .first()
    )
    after = (
        others.filter(
            Q(date__gt=meeting.date) | Q(date=meeting.date, starts_at__gt=meeting.starts_at)
        )
        .order_by("date", "starts_at")
        .first()
    )
    return before, after


def minutes_frame(
    meeting: Meeting, signers: list[MinutesSigner]
) -> tuple[list[FrameItem], list[FrameItem]]:
    """The opening formalities and "Nästa sammanträde" as unnumbered items, written from
    the meeting's record: the chair and justerare chosen, the plan before and after."""
    chair = next((s.person for s in signers if s.role == SignerRole.CHAIR), None)
    adjusters = [str(s.person) for s in signers if s.role == SignerRole.ADJUSTER]
    previous, following = neighbour_meetings(meeting)
    opening = [
        FrameItem(
            "Mötets öppnande",
            f"Ordföranden {chair} förklarade sammanträdet öppnat."
            if chair
            else "Ordföranden förklarade sammanträdet öppnat.",
        )
    ]
    if adjusters:
        names = " och ".join(
            [", ".join(adjusters[:-1]), adjusters[-1]] if len(adjusters) > 1 else adjusters
        )
        chosen = f"{names} utsågs att jämte ordföranden justera protokollet."
    else:
        chosen = "Ingen justerare är utsedd ännu."
    if where := adjustment_line(meeting):
        chosen += f" Justering {where}."
    opening.append(FrameItem("Val av justerare", chosen))
    opening.append(FrameItem("Godkännande av dagordningen", "Dagordningen godkändes."))
    if previous is not None:
        opening.append(
            FrameItem(
                "Föregående protokoll",
                f"Protokollet från sammanträdet {previous.date:%Y-%m-%d} lades till handlingarna.",
            )
        )
    closing = [
        FrameItem(
            "Nästa sammanträde",
            f"{following.date:%Y-%m-%d} kl. {following.starts_at:%H.%M}, {following.place}."
            if following
            else "Nästa sammanträde är inte planerat ännu.",
        )
    ]
    return opening, closing


def minutes_of(meeting: Meeting) -> Minutes:
    attendances = roll_call_of(meeting)
    present = [a for a in attendances if a.is_present]
    approved = ApprovedMinutes.objects.filter(meeting=meeting).first()
    signers = list(meeting.signers.select_related("person", "approved_by"))
    opening: list[FrameItem] = []
    closing: list[FrameItem] = []
    if meeting.association.opening_style == OpeningStyle.UNNUMBERED:
        opening, closing = minutes_frame(meeting, signers)
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
        signers=signers,
        approved=approved,
        notice=Notice.objects.filter(meeting=meeting).first() if approved else None,
        delegation_decisions=decisions_reported_to(meeting, approved=approved is not None),
        opening=opening,
        closing=closing,
    )


@dataclass(frozen=True)
class FrozenSeat:
    """A seat as the justerade minutes printed it: the person's name at justering."""

    person: str


@dataclass(frozen=True)
class FrozenRecusal:
    seat: FrozenSeat
    kind: str

    def get_kind_display(self) -> str:
        return self.kind


@dataclass(frozen=True)
class FrozenQuorum:
    seats: int
    required: int
    deciding: list[FrozenSeat]


@dataclass(frozen=True)
class FrozenStandIn:
    """An ersättare who served in the § for a jävig ledamot, by the names at justering."""

    seat: FrozenSeat
    serves_for: FrozenSeat


@dataclass(frozen=True)
class FrozenRow:
    """A § as justerad: its text (locked in the store) with the register's part taken from
    the snapshot, so that an utdrag made years later prints what the minutes printed."""

    paragraph: Paragraph
    recusals: list[FrozenRecusal]
    quorum: FrozenQuorum | None
    stand_ins: list[FrozenStandIn] = field(default_factory=list)


def minutes_snapshot(minutes: Minutes) -> dict[str, Any]:
    """What the documents print from the register (people, seats, initials, jäv, the
    ersättare who stood in for a jävig ledamot), as it
    stands now; taken at justering and kept with the approved minutes."""
    return {
        "association": minutes.association.name,
        "initials": minutes.initials,
        "paragraphs": {
            str(row.paragraph.pk): {
                "recusals": [
                    {"person": str(r.seat.person), "kind": r.get_kind_display()}
                    for r in row.recusals
                ],
                "stand_ins": [
                    {"person": str(s.seat.person), "serves_for": str(s.serves_for.person)}
                    for s in row.stand_ins
                ],
                "quorum": None
                if row.quorum is None
                else {
                    "seats": row.quorum.seats,
                    "required": row.quorum.required,
                    "deciding": [str(seat.person) for seat in row.quorum.deciding],
                },
            }
            for row in minutes.rows
        },
    }


def frozen_row(snapshot: dict[str, Any], paragraph: Paragraph) -> FrozenRow | None:
    """The § as the snapshot has it, or None if the snapshot does not hold it."""
    kept = snapshot.get("paragraphs", {}).get(str(paragraph.pk))
    if kept is None:
        return None
    quorum = kept["quorum"]
    return FrozenRow(
        paragraph=paragraph,
        recusals=[FrozenRecusal(FrozenSeat(r["person"]), r["kind"]) for r in kept["recusals"]],
        # Snapshots kept before the stand-ins were part of them have no such key.
        stand_ins=[
            FrozenStandIn(FrozenSeat(s["person"]), FrozenSeat(s["serves_for"]))
            for s in kept.get("stand_ins", [])
        ],
        quorum=None
        if quorum is None
        else FrozenQuorum(
            seats=quorum["seats"],
            required=quorum["required"],
            deciding=[FrozenSeat(name) for name in quorum["deciding"]],
        ),
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
    # A meeting registered afterwards had its anslag before Samordna: never current.
    notices = _public_notices().filter(
        posted_on__lte=today,
        taken_down_on__gte=today,
        meeting__approved_minutes__registered_afterwards=False,
    )
    return sorted(
        notices,
        key=lambda n: (
            swedish_key(n.association.name),
            -n.posted_on.toordinal(),
            -n.meeting.date.toordinal(),
        ),
    )


def _archived(today: datetime.date) -> QuerySet[Notice]:
    # By meeting id against the minutes' unique meeting index, not joined through the
    # meeting: the page's count then hashes two narrow columns (9 → 3 ms at national scale).
    minutes = ApprovedMinutes.objects.values("meeting_id")
    return Notice.objects.filter(meeting_id__in=minutes).filter(
        Q(taken_down_on__lt=today) | Q(meeting_id__in=minutes.filter(registered_afterwards=True))
    )


class ArchivedNotice(TypedDict):
    """One row of the public archive, as the page shows it (a dict: the template finds its
    keys at the first try, where an object's attributes cost a failed key lookup each)."""

    pk: int
    association: str
    meeting_date: str
    numbers: str
    posted_on: str
    taken_down_on: str
    note: str
    posted_at_place: str
    kept_at: str
    minutes_url: str
    registered_afterwards: bool
    sha256: str


def archive_page(today: datetime.date, number: str | int | None, per_page: int) -> Page:
    """One page of the archive, newest first; a page number out of range gives the last.

    The rows are the columns the page shows, read in one query and formatted once: at
    national scale a page of model instances with their meeting, minutes and förbund cost
    more than the rest of the page."""
    archived = _archived(today)
    paginator: Paginator[Any] = Paginator(
        archived.order_by("-posted_on", "-meeting__date", "-pk").values_list(
            "pk",
            "association__name",
            "meeting__date",
            "first_number",
            "last_number",
            "posted_on",
            "taken_down_on",
            "note",
            "posted_at_place",
            "kept_at",
            "meeting__approved_minutes__registered_afterwards",
            "meeting__approved_minutes__sha256",
        ),
        per_page,
    )
    # Counted without the page's columns: their joins would run over the whole archive.
    paginator.count = archived.count()
    page = paginator.get_page(number)
    link = row_link("public:minutes_pdf")
    formatted: dict[datetime.date, str] = {}

    def day(value: datetime.date) -> str:
        if value not in formatted:
            formatted[value] = format_date(value)
        return formatted[value]

    page.object_list = [
        ArchivedNotice(
            pk=pk,
            association=name,
            meeting_date=day(meeting_date),
            numbers=f"§ {first}–{last}",
            posted_on=day(posted_on),
            taken_down_on=day(taken_down_on),
            note=note,
            posted_at_place=posted_at_place,
            kept_at=kept_at,
            minutes_url=link(pk),
            registered_afterwards=registered_afterwards,
            sha256=sha256,
        )
        for (
            pk,
            name,
            meeting_date,
            first,
            last,
            posted_on,
            taken_down_on,
            note,
            posted_at_place,
            kept_at,
            registered_afterwards,
            sha256,
        ) in page.object_list
    ]
    return page


def public_minutes(notice_pk: int) -> ApprovedMinutes | None:
    """The justerade minutes an anslag made known, if there is such an anslag."""
    return (
        ApprovedMinutes.objects.filter(meeting__notice__pk=notice_pk)
        .select_related("meeting__association")
        .first()
    )


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The meeting before this one that has an agenda to start from."""
    return (
        Meeting.objects.filter(
            association_id=meeting.association_id, date__lt=meeting.date, items__isnull=False
        )
        .order_by("-date", "-starts_at")
        .distinct()
        .first()
    )
