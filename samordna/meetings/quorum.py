"""Who decides a paragraph, and whether the board is quorate for it.

By law (2003:1210, 13 §) the board may decide when more than half of the ledamöter are
present; a förbundsordning may say "minst hälften" (Sundsvall). Remote presence counts as
presence. A serving ersättare counts in place of the absent ledamot; a member who has left,
has not yet arrived, or is jävig in the paragraph does not count.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from samordna.associations.models import BoardSeat, QuorumRule, SeatKind
from samordna.meetings.models import Attendance


def required_for(rule: str, seats: int) -> int:
    """How many must decide for the board to be quorate."""
    if rule == QuorumRule.AT_LEAST_HALF:
        return (seats + 1) // 2
    return seats // 2 + 1


@dataclass(frozen=True)
class Quorum:
    seats: int
    required: int
    deciding: list[BoardSeat]

    @property
    def is_quorate(self) -> bool:
        return len(self.deciding) >= self.required


def deciding_seats(
    *, number: int, attendances: Iterable[Attendance], recused_seat_ids: set[int]
) -> list[BoardSeat]:
    """The seats that decide paragraph `number`: ledamöter present, or their ersättare."""
    attendances = list(attendances)
    taking_part = {
        a.seat_id: a
        for a in attendances
        if a.takes_part_in(number) and a.seat_id not in recused_seat_ids
    }
    deciding = [a.seat for a in taking_part.values() if a.seat.kind == SeatKind.ORDINARY]
    for attendance in taking_part.values():
        stands_in_for = attendance.serves_for_id
        if stands_in_for is not None and stands_in_for not in taking_part:
            deciding.append(attendance.seat)
    return deciding


def quorum_for(
    *,
    rule: str,
    seats: Iterable[BoardSeat],
    number: int,
    attendances: Iterable[Attendance],
    recused_seat_ids: set[int],
) -> Quorum:
    """Quorum of paragraph `number`; `seats` is the whole board on the meeting's day."""
    board_size = sum(1 for seat in seats if seat.kind == SeatKind.ORDINARY)
    deciding = deciding_seats(
        number=number, attendances=attendances, recused_seat_ids=recused_seat_ids
    )
    return Quorum(seats=board_size, required=required_for(rule, board_size), deciding=deciding)
