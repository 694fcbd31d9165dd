"""Reads that span records: the board on a date, lists in Swedish order, the office's to-dos."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from samordna.associations.models import (
    Association,
    BoardSeat,
    Member,
    MemberKind,
    Person,
    SeatKind,
    SeatPosition,
    StaffAssignment,
)
from samordna.associations.services import share_problems
from samordna.core.text import format_date, swedish_key

_POSITION_ORDER = {SeatPosition.CHAIR: 0, SeatPosition.VICE_CHAIR: 1, SeatPosition.NONE: 2}
_KIND_ORDER = {kind: index for index, kind in enumerate(MemberKind.values)}


def members_in_order(association: Association) -> list[Member]:
    """FK, AF, the region, then the kommuner in Swedish alphabetical order."""
    members = association.members.all()
    return sorted(members, key=lambda m: (_KIND_ORDER[m.kind], swedish_key(m.name)))


def people_in_order(association: Association) -> list[Person]:
    people = association.people.all()
    return sorted(people, key=lambda p: (swedish_key(p.last_name), swedish_key(p.first_name)))


def seat_order(seat: BoardSeat) -> tuple:
    """The board's usual order: chair, vice chair, then by member and surname."""
    return (
        _POSITION_ORDER[SeatPosition(seat.position)],
        _KIND_ORDER[seat.member.kind],
        swedish_key(seat.member.name),
        swedish_key(seat.person.last_name),
    )


@dataclass(frozen=True)
class Board:
    day: datetime.date
    ordinary: list[BoardSeat]
    substitutes: list[BoardSeat]

    @property
    def chair(self) -> BoardSeat | None:
        return next((s for s in self.ordinary if s.position == SeatPosition.CHAIR), None)


def _board(day: datetime.date, seats: Iterable[BoardSeat]) -> Board:
    ordered = sorted(seats, key=seat_order)
    return Board(
        day=day,
        ordinary=[s for s in ordered if s.kind == SeatKind.ORDINARY],
        substitutes=[s for s in ordered if s.kind == SeatKind.SUBSTITUTE],
    )


def board_on(association: Association, day: datetime.date) -> Board:
    """Who sat on the board on `day`: ordinarie ledamöter and ersättare."""
    seats = (
        association.board_seats.filter(starts_on__lte=day, ends_on__gte=day)
        .select_related("person", "member")
        .order_by()
    )
    return _board(day, seats)


def board_and_seats_of(
    association: Association, day: datetime.date, person: Person
) -> tuple[Board, list[BoardSeat]]:
    """The board on `day` and all of `person`'s seats, newest first, in one query (the
    start page shows both)."""
    seats = list(
        BoardSeat.objects.filter(
            Q(association=association, starts_on__lte=day, ends_on__gte=day) | Q(person=person)
        ).select_related("person", "member")
    )
    board = _board(
        day,
        (
            s
            for s in seats
            if s.association_id == association.pk and s.starts_on <= day <= s.ends_on
        ),
    )
    mine = sorted(
        (s for s in seats if s.person_id == person.pk), key=lambda s: s.starts_on, reverse=True
    )
    return board, mine


def seats_of(person: Person) -> list[BoardSeat]:
    return list(person.seats.select_related("member").order_by("-starts_on"))


def seats_in_order(association: Association) -> list[BoardSeat]:
    """All seats, the current and future first, then by mandate period."""
    seats = association.board_seats.select_related("person", "member")
    return sorted(seats, key=lambda s: (-s.ends_on.toordinal(), *seat_order(s)))


def staff_in_order(association: Association) -> list[StaffAssignment]:
    staff = association.staff.select_related("person", "employed_by")
    return sorted(
        staff,
        key=lambda a: (a.ends_on is not None, a.role, swedish_key(a.person.last_name)),
    )


def director_on(association: Association, day: datetime.date) -> StaffAssignment | None:
    return (
        association.staff.filter(role="director", starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .select_related("person")
        .first()
    )


@dataclass(frozen=True)
class Todo:
    text: str
    url_name: str


SEAT_ENDING_WARNING_DAYS = 90


def office_todos(
    association: Association, today: datetime.date, board: Board | None = None
) -> list[Todo]:
    """What the kansli should attend to in the förbund's basic records (`board`: the board
    on `today`, when the caller has it already)."""
    todos: list[Todo] = []
    members = members_in_order(association)
    if not members:
        todos.append(Todo("Lägg in förbundets medlemmar.", "associations:member_create"))
    else:
        todos.extend(Todo(p, "associations:member_shares") for p in share_problems(members))
    if not association.organisation_number:
        todos.append(Todo("Förbundets organisationsnummer saknas.", "associations:settings"))
    todos.extend(
        Todo(f"Organisationsnummer saknas för {m.name}.", "associations:members")
        for m in members
        if not m.organisation_number
    )

    if board is None:
        board = board_on(association, today)
    seated = {s.member_id for s in board.ordinary}
    todos.extend(
        Todo(f"{m.name} har ingen ordinarie ledamot i styrelsen i dag.", "associations:board_enter")
        for m in members
        if m.pk not in seated
    )
    if members and board.chair is None:
        todos.append(Todo("Styrelsen har ingen ordförande i dag.", "associations:board_enter"))

    horizon = today + datetime.timedelta(days=SEAT_ENDING_WARNING_DAYS)
    ending = [s for s in board.ordinary + board.substitutes if s.ends_on <= horizon]
    todos.extend(
        Todo(
            f"Mandatperioden för {s.person} ({s.member}) slutar {format_date(s.ends_on)}; "
            "begär nytt valärende av medlemmen.",
            "associations:board",
        )
        for s in ending
    )
    return todos
