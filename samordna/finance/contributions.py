"""The members' contributions: the state's allocation for a year, each member's part of
twice that amount by its share, and the instalments of a payment schedule.

Rounding is explicit: each member's part is rounded half up to whole kronor and whatever
the rounding leaves over (a krona or two) goes to the last kommun by the key, so that the
parts always add up to the total; an instalment is the year's amount divided evenly in
whole kronor, with the remainder on the last instalment.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from samordna.associations.models import Association, Member, MemberKind
from samordna.associations.services import share_problems
from samordna.finance.models import (
    INSTALMENTS_PER_YEAR,
    ContributionInstalment,
    ContributionSchedule,
    NationalAllocation,
    StateAllocation,
)

# Region and kommuner together pay as much as the state, so the förbund gets twice it.
TOTAL_FACTOR = 2


@dataclass(frozen=True)
class Allocation:
    year: int
    amount: int  # the state's part, kr
    source: str  # where the figure comes from, in Swedish

    @property
    def total(self) -> int:
        return self.amount * TOTAL_FACTOR


def state_allocation(association: Association, year: int) -> Allocation | None:
    """The state's allocation for the year: the förbund's own record, else the national table."""
    own = StateAllocation.objects.filter(association=association, year=year).first()
    if own is not None:
        return Allocation(year, own.amount, own.reference or "Registrerad av kansliet")
    national = NationalAllocation.objects.filter(association=association, year=year).first()
    if national is not None:
        return Allocation(year, national.amount, f"Försäkringskassans beslut för {year}")
    return None


def _round_kr(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def member_parts(members: list[Member], total: int) -> dict[int, int]:
    """Each member's part of `total` kr by its share, in whole kronor, summing to `total`.

    Members with a 0 % share (Arbetsförmedlingen, whose part FK pays) get 0. Refused with
    the associations app's Swedish messages when the shares do not follow the law."""
    problems = share_problems(members)
    if problems:
        raise ValueError(" ".join(problems))
    parts = {m.pk: _round_kr(Decimal(total) * m.share_percent / 100) for m in members}
    kommuner = [m for m in members if m.kind == MemberKind.KOMMUN and m.share_percent > 0]
    last = (kommuner or [m for m in members if m.share_percent > 0])[-1]
    parts[last.pk] += total - sum(parts.values())
    return parts


def ordered_members(association: Association) -> list[Member]:
    """The förbund's members in the statutory order (FK, AF, region, kommuner by name)."""
    members = list(association.members.all())
    return sorted(members, key=lambda m: (m.kind_order, m.name))


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def due_dates(year: int, frequency: str, first_due_on: datetime.date | None) -> list[datetime.date]:
    """The due dates of the year's instalments: from `first_due_on` (default 31 January),
    every 3, 6 or 12 months; a first date at a month's end keeps to month ends, other
    days keep their day (or the month's last day when shorter)."""
    count = INSTALMENTS_PER_YEAR[frequency]  # type: ignore[index]
    first = first_due_on or datetime.date(year, 1, 31)
    at_month_end = first == _month_end(first.year, first.month)
    dates = []
    for n in range(count):
        index = first.month - 1 + n * (12 // count)
        y, m = first.year + index // 12, index % 12 + 1
        end = _month_end(y, m)
        dates.append(end if at_month_end or first.day > end.day else datetime.date(y, m, first.day))
    return dates


def split_amount(amount: int, count: int) -> list[int]:
    """`amount` kr in `count` instalments of whole kronor; the remainder on the last one."""
    base = amount // count
    return [base] * (count - 1) + [amount - base * (count - 1)]


@dataclass
class MemberContribution:
    member: Member
    amount: int | None  # by the share, when the allocation is known
    schedule: ContributionSchedule | None
    instalments: list[ContributionInstalment] = field(default_factory=list)

    @property
    def paid(self) -> int:
        return sum(i.paid_amount or 0 for i in self.instalments)

    @property
    def outstanding(self) -> int | None:
        due = self.schedule.amount if self.schedule else self.amount
        return None if due is None else due - self.paid

    @property
    def differs(self) -> bool:
        """The schedule was made for another amount than the share gives today."""
        return (
            self.schedule is not None
            and self.amount is not None
            and self.schedule.amount != self.amount
        )


@dataclass
class YearContributions:
    year: int
    allocation: Allocation | None
    rows: list[MemberContribution]
    problems: list[str]

    @property
    def total(self) -> int | None:
        return self.allocation.total if self.allocation else None

    @property
    def paid(self) -> int:
        return sum(r.paid for r in self.rows)

    @property
    def outstanding(self) -> int:
        return sum(r.outstanding or 0 for r in self.rows)


def contributions_for(association: Association, year: int) -> YearContributions:
    """Each member's contribution for the year, its schedule and what has arrived."""
    members = ordered_members(association)
    allocation = state_allocation(association, year)
    problems = share_problems(members)
    parts: dict[int, int] = {}
    if allocation is not None and not problems:
        parts = member_parts(members, allocation.total)
    schedules = {
        s.member_id: s
        for s in ContributionSchedule.objects.filter(
            association=association, year=year
        ).prefetch_related("instalments")
    }
    rows = []
    for member in members:
        schedule = schedules.get(member.pk)
        if member.share_percent == 0 and schedule is None:
            continue
        rows.append(
            MemberContribution(
                member=member,
                amount=parts.get(member.pk) if parts else None,
                schedule=schedule,
                instalments=list(schedule.instalments.all()) if schedule else [],
            )
        )
    return YearContributions(year, allocation, rows, problems)
