"""Who decides a paragraph, and whether the board is quorate for it.

By law (2003:1210, 13 §) the board may decide when more than half of the ledamöter are
present; a förbundsordning may say "minst hälften" (Sundsvall). Remote presence counts as
presence. A member who has left, has not yet arrived, or is jävig in the paragraph does not
count.

An ersättare decides only in place of a ledamot who does not take part: one who is absent
(the upprop's "tjänstgör för"), has left or not yet arrived, or is jävig in that § (a stand-in
for that § only). Which ersättare may serve for whom is the förbund's rule: an ersättare of the
same member, or only the ledamot's personal ersättare. At most one ersättare serves for a
ledamot in a §, and an ersättare serves for at most one.

These are pure functions of the rows given: they read no database beyond what the caller
selected (seats with their person and member).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from samordna.associations.models import BoardSeat, QuorumRule, SeatKind, SubstituteRule
from samordna.meetings.models import Attendance


def required_for(rule: str, seats: int) -> int:
    """How many must decide for the board to be quorate."""
    if rule == QuorumRule.AT_LEAST_HALF:
        return (seats + 1) // 2
    return seats // 2 + 1


@dataclass(frozen=True)
class StandIn:
    """An ersättare (`substitute`) serving for a ledamot in one §."""

    substitute: BoardSeat
    ledamot: BoardSeat


@dataclass(frozen=True)
class Quorum:
    seats: int
    required: int
    deciding: list[BoardSeat]
    serving: list[StandIn] = field(default_factory=list)

    @property
    def is_quorate(self) -> bool:
        return len(self.deciding) >= self.required


def rule_problem(*, rule: str, substitute: BoardSeat, ledamot: BoardSeat) -> str | None:
    """Why the förbund's rule does not let `substitute` serve for `ledamot`, or None."""
    who, whom = substitute.person, ledamot.person
    if substitute.kind != SeatKind.SUBSTITUTE:
        return f"{who} är ordinarie ledamot och kan inte tjänstgöra för {whom}."
    if ledamot.kind != SeatKind.ORDINARY:
        return f"{who} kan bara tjänstgöra för en ordinarie ledamot; {whom} är ersättare."
    if rule == SubstituteRule.PERSONAL:
        if substitute.substitute_for_id != ledamot.pk:
            return (
                f"{who} är inte personlig ersättare för {whom} och kan inte tjänstgöra för {whom}."
            )
    elif substitute.member_id != ledamot.member_id:
        return (
            f"{who} är ersättare för {substitute.member} och kan inte tjänstgöra för {whom}, "
            f"ledamot för {ledamot.member}."
        )
    return None


def _present_throughout(attendance: Attendance | None) -> bool:
    return (
        attendance is not None
        and attendance.is_present
        and attendance.from_number is None
        and attendance.until_number is None
    )


def roll_call_problems(*, rule: str, attendances: Iterable[Attendance]) -> list[str]:
    """What is wrong with the upprop's "tjänstgör för": for the whole meeting, an ersättare
    serves only for a ledamot who is absent or is not there for part of it."""
    attendances = list(attendances)
    by_seat = {a.seat_id: a for a in attendances}
    problems: list[str] = []
    served: dict[int, Attendance] = {}
    for attendance in attendances:
        ledamot = attendance.serves_for
        if ledamot is None:
            continue
        who, whom = attendance.seat.person, ledamot.person
        problem = rule_problem(rule=rule, substitute=attendance.seat, ledamot=ledamot)
        if problem:
            problems.append(problem)
            continue
        if not attendance.is_present:
            problems.append(f"{who} är frånvarande och kan inte tjänstgöra för {whom}.")
        elif _present_throughout(by_seat.get(ledamot.pk)):
            problems.append(
                f"{who} kan inte tjänstgöra för {whom}, som är närvarande hela sammanträdet. "
                "En ersättare tjänstgör för en ledamot som är frånvarande, har avvikit eller "
                "är jävig; vid jäv anges ersättaren i paragrafen."
            )
        elif ledamot.pk in served:
            problems.append(
                f"{served[ledamot.pk].seat.person} och {who} kan inte båda tjänstgöra för {whom}."
            )
        else:
            served[ledamot.pk] = attendance
    return problems


def _taking_part(
    number: int, attendances: list[Attendance], recused_seat_ids: set[int]
) -> dict[int, Attendance]:
    return {
        a.seat_id: a
        for a in attendances
        if a.takes_part_in(number) and a.seat_id not in recused_seat_ids
    }


def serving_in(
    *,
    number: int,
    attendances: Iterable[Attendance],
    recused_seat_ids: set[int],
    stand_ins: Iterable[StandIn] = (),
    rule: str = "",
) -> tuple[list[StandIn], list[str]]:
    """Who serves for whom in § `number`, and what is wrong with it.

    The upprop's "tjänstgör för" holds in every § where the ledamot does not take part;
    `stand_ins` are those recorded for this § (for a jävig ledamot). With `rule` (a
    SubstituteRule) the stand-ins are also checked against the förbund's rule."""
    attendances = list(attendances)
    taking_part = _taking_part(number, attendances, recused_seat_ids)
    present = {a.seat_id for a in attendances if a.takes_part_in(number)}
    candidates: list[StandIn] = [
        StandIn(a.seat, a.serves_for)
        for a in attendances
        if a.serves_for is not None
        and a.seat_id in taking_part
        and a.serves_for_id not in taking_part
    ]
    problems: list[str] = []
    for stand_in in stand_ins:
        who, whom = stand_in.substitute.person, stand_in.ledamot.person
        problem = (
            rule_problem(rule=rule, substitute=stand_in.substitute, ledamot=stand_in.ledamot)
            if rule
            else None
        )
        if problem:
            problems.append(f"§ {number}: {problem}")
        elif stand_in.ledamot.pk in taking_part:
            problems.append(
                f"{who} kan inte tjänstgöra för {whom} i § {number}: {whom} deltar i "
                "paragrafen och är inte jävig."
            )
        elif stand_in.substitute.pk not in present:
            problems.append(
                f"{who} deltar inte i § {number} och kan inte tjänstgöra för {whom} där."
            )
        elif stand_in.substitute.pk in recused_seat_ids:
            problems.append(
                f"{who} är själv jävig i § {number} och kan inte tjänstgöra för {whom}."
            )
        else:
            candidates.append(stand_in)
    by_ledamot: dict[int, StandIn] = {}
    by_substitute: dict[int, StandIn] = {}
    serving: list[StandIn] = []
    for stand_in in candidates:
        who, whom = stand_in.substitute.person, stand_in.ledamot.person
        other = by_ledamot.get(stand_in.ledamot.pk)
        if other is not None:
            problems.append(
                f"{other.substitute.person} och {who} kan inte båda tjänstgöra för {whom} "
                f"i § {number}."
            )
            continue
        other = by_substitute.get(stand_in.substitute.pk)
        if other is not None:
            problems.append(
                f"{who} kan inte tjänstgöra för både {other.ledamot.person} och {whom} "
                f"i § {number}."
            )
            continue
        by_ledamot[stand_in.ledamot.pk] = by_substitute[stand_in.substitute.pk] = stand_in
        serving.append(stand_in)
    return serving, problems


def deciding_seats(
    *,
    number: int,
    attendances: Iterable[Attendance],
    recused_seat_ids: set[int],
    stand_ins: Iterable[StandIn] = (),
) -> list[BoardSeat]:
    """The seats that decide paragraph `number`: ledamöter taking part, then the ersättare
    serving for those who do not."""
    return _deciding(number, list(attendances), recused_seat_ids, list(stand_ins))[0]


def _deciding(
    number: int,
    attendances: list[Attendance],
    recused_seat_ids: set[int],
    stand_ins: list[StandIn],
) -> tuple[list[BoardSeat], list[StandIn]]:
    taking_part = _taking_part(number, attendances, recused_seat_ids)
    serving, _ = serving_in(
        number=number,
        attendances=attendances,
        recused_seat_ids=recused_seat_ids,
        stand_ins=stand_ins,
    )
    serving_seats = {s.substitute.pk for s in serving}
    deciding = [a.seat for a in taking_part.values() if a.seat.kind == SeatKind.ORDINARY]
    deciding += [a.seat for a in attendances if a.seat_id in serving_seats]
    return deciding, serving


def quorum_for(
    *,
    rule: str,
    seats: Iterable[BoardSeat],
    number: int,
    attendances: Iterable[Attendance],
    recused_seat_ids: set[int],
    stand_ins: Iterable[StandIn] = (),
) -> Quorum:
    """Quorum of paragraph `number`; `seats` is the whole board on the meeting's day."""
    board_size = sum(1 for seat in seats if seat.kind == SeatKind.ORDINARY)
    deciding, serving = _deciding(number, list(attendances), recused_seat_ids, list(stand_ins))
    return Quorum(
        seats=board_size,
        required=required_for(rule, board_size),
        deciding=deciding,
        serving=serving,
    )
