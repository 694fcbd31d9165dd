"""Reads: each meeting's fee list (computed from the roll call while open, as kept once
fastställd), the year's list per person for payroll, and what to pay for a fastställd list.

Every function reads a fixed number of queries, whatever the number of meetings or people.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError

from samordna.associations.models import Association, BoardSeat, FeeBaseAmount, Person
from samordna.associations.selectors import seat_order
from samordna.attest.models import PaymentOrder
from samordna.core.text import format_date, format_kronor, swedish_key
from samordna.fees import rules
from samordna.fees.models import (
    ClaimKind,
    ExpenseClaim,
    FeeLine,
    FeeList,
    FeeListStatus,
    FeeSettings,
)
from samordna.meetings.models import Attendance, Meeting, Presence


@dataclass
class PersonFees:
    person: Person
    seat: BoardSeat | None
    presence: str  # as the roll call says, or why the person is listed anyway
    hours: Decimal
    fee: int
    explanation: str
    claims: list[ExpenseClaim] = field(default_factory=list)
    present: bool = True
    percent: Decimal | None = None

    @property
    def loss(self) -> int:
        return sum(c.amount for c in self.claims if c.kind == ClaimKind.LOSS)

    @property
    def travel(self) -> int:
        return sum(c.amount for c in self.claims if c.kind == ClaimKind.TRAVEL)

    @property
    def total(self) -> int:
        return self.fee + self.loss + self.travel

    @property
    def member_name(self) -> str:
        return self.seat.member.name if self.seat else ""


@dataclass
class MeetingFees:
    meeting: Meeting
    fee_list: FeeList | None
    rule: rules.FeeRule | None
    base: FeeBaseAmount | None
    hours: Decimal
    rows: list[PersonFees]
    problems: list[str]  # what stops the list from being fastställd
    warnings: list[str]

    @property
    def is_fixed(self) -> bool:
        return self.fee_list is not None and self.fee_list.is_fixed

    @property
    def status(self) -> str:
        return FeeListStatus.FIXED.label if self.is_fixed else FeeListStatus.OPEN.label

    @property
    def fee_total(self) -> int:
        return sum(row.fee for row in self.rows)

    @property
    def loss_total(self) -> int:
        return sum(row.loss for row in self.rows)

    @property
    def travel_total(self) -> int:
        return sum(row.travel for row in self.rows)

    @property
    def total(self) -> int:
        return self.fee_total + self.loss_total + self.travel_total

    def row_for(self, person_id: int) -> PersonFees | None:
        return next((row for row in self.rows if row.person.pk == person_id), None)


def settings_of(association: Association) -> FeeSettings:
    """The förbund's rates; the defaults (unsaved) until the kansli saves its own."""
    found = FeeSettings.objects.filter(association=association).first()
    return found or FeeSettings(association=association)


def base_amount_on(bases: Iterable[FeeBaseAmount], day: datetime.date) -> FeeBaseAmount | None:
    """The grundbelopp in force on `day`: the latest one valid from that day or earlier."""
    valid = [base for base in bases if base.valid_from <= day]
    return max(valid, key=lambda base: base.valid_from) if valid else None


def _not_indexed(base: FeeBaseAmount, day: datetime.date) -> bool:
    """True when a 1 April has passed since the grundbelopp took effect."""
    april = datetime.date(day.year if day >= datetime.date(day.year, 4, 1) else day.year - 1, 4, 1)
    return base.valid_from < april


def _no_fee_reason(seat: BoardSeat) -> str:
    return f"Anställd hos {seat.member.name} – inget arvode"


def _computed_row(
    attendance: Attendance,
    rule: rules.FeeRule | None,
    base: FeeBaseAmount | None,
    hours: Decimal,
    day: datetime.date,
) -> PersonFees:
    seat = attendance.seat
    presence = attendance.get_presence_display()
    if attendance.serves_for_id is not None and attendance.serves_for is not None:
        presence += f", tjänstgör för {attendance.serves_for.person}"
    row = PersonFees(seat.person, seat, presence, hours, 0, "")
    if not seat.receives_fee:
        row.explanation = _no_fee_reason(seat)
    elif rule is None:
        row.explanation = "Ingen arvodesregel"
    elif base is None:
        row.explanation = f"Inget grundbelopp gäller {format_date(day)}"
    else:
        fee = rules.fee_for(rule=rule, base_amount=base.amount, hours=hours)
        row.fee = fee.amount
        row.percent = fee.percent
        row.explanation = rules.fee_explanation(fee, base_amount=base.amount, hours=hours)
    return row


def _fixed_row(line: FeeLine) -> PersonFees:
    return PersonFees(
        line.person,
        line.seat,
        line.presence,
        line.hours,
        line.fee,
        line.explanation,
        percent=line.percent,
    )


def meeting_fees(association: Association, meetings: list[Meeting]) -> list[MeetingFees]:
    """The fee list of each meeting, in the order given."""
    ids = [meeting.pk for meeting in meetings]
    rule = rules.rule_for(association)
    bases = list(association.fee_base_amounts.all())
    lists = {
        fl.meeting_id: fl
        for fl in FeeList.objects.filter(meeting_id__in=ids).select_related(
            "fixed_by", "reopened_by"
        )
    }
    lines: dict[int, list[FeeLine]] = {}
    for line in FeeLine.objects.filter(fee_list__meeting_id__in=ids).select_related(
        "person", "seat__member", "seat__person", "fee_list"
    ):
        lines.setdefault(line.fee_list.meeting_id, []).append(line)
    attendances: dict[int, list[Attendance]] = {}
    for attendance in Attendance.objects.filter(meeting_id__in=ids).select_related(
        "seat__person", "seat__member", "serves_for__person"
    ):
        attendances.setdefault(attendance.meeting_id, []).append(attendance)
    claims: dict[int, list[ExpenseClaim]] = {}
    for claim in ExpenseClaim.objects.filter(meeting_id__in=ids).select_related(
        "person", "entered_by"
    ):
        claims.setdefault(claim.meeting_id, []).append(claim)

    found = []
    for meeting in meetings:
        fee_list = lists.get(meeting.pk)
        base = base_amount_on(bases, meeting.date)
        hours = rules.meeting_hours(meeting.starts_at, meeting.ends_at)
        problems: list[str] = []
        warnings: list[str] = []
        roll_call = attendances.get(meeting.pk, [])
        if fee_list is not None and fee_list.is_fixed:
            rows = [_fixed_row(line) for line in lines.get(meeting.pk, [])]
            rows.sort(key=lambda r: (r.seat.kind, seat_order(r.seat)) if r.seat else ("", ()))
        else:
            present = [a for a in roll_call if a.presence != Presence.ABSENT]
            present.sort(key=lambda a: (a.seat.kind, seat_order(a.seat)))
            rows = []
            for attendance in present:
                if any(row.person.pk == attendance.seat.person_id for row in rows):
                    continue  # one fee per person, even with two seats
                rows.append(_computed_row(attendance, rule, base, hours, meeting.date))
            if not roll_call:
                problems.append("Inget upprop är registrerat för sammanträdet.")
            if rule is None:
                problems.append(rules.NO_RULE_MESSAGE)
            elif base is None:
                problems.append(
                    f"Inget grundbelopp gäller {format_date(meeting.date)}. "
                    "Lägg in grundbeloppet under Inställningar för arvoden."
                )
            elif _not_indexed(base, meeting.date):
                warnings.append(
                    f"Grundbeloppet {format_kronor(base.amount)} gäller från "
                    f"{format_date(base.valid_from)}; det ska räknas upp varje 1 april. "
                    "Lägg in det nya grundbeloppet om det är beslutat."
                )
        by_person = {row.person.pk: row for row in rows}
        for claim in claims.get(meeting.pk, []):
            row = by_person.get(claim.person_id)
            if row is None:
                row = PersonFees(
                    claim.person,
                    None,
                    "Inte närvarande enligt uppropet",
                    hours,
                    0,
                    "",
                    present=False,
                )
                rows.append(row)
                by_person[claim.person_id] = row
                problems.append(
                    f"{claim.person} har begärt ersättning men är inte närvarande enligt "
                    "uppropet. Rätta uppropet eller ta bort anspråket."
                )
            row.claims.append(claim)
        found.append(MeetingFees(meeting, fee_list, rule, base, hours, rows, problems, warnings))
    return found


def meeting_fees_of(meeting: Meeting) -> MeetingFees:
    return meeting_fees(meeting.association, [meeting])[0]


def fee_years(association: Association, today: datetime.date) -> list[int]:
    """Years with meetings, and this year."""
    years = {day.year for day in association.meetings.dates("date", "year")} | {today.year}
    return sorted(years)


@dataclass
class YearEntry:
    meeting: Meeting
    fee: int
    loss: int
    travel: int

    @property
    def total(self) -> int:
        return self.fee + self.loss + self.travel


@dataclass
class PersonYear:
    person: Person
    member_name: str
    entries: list[YearEntry] = field(default_factory=list)

    @property
    def fee(self) -> int:
        return sum(e.fee for e in self.entries)

    @property
    def loss(self) -> int:
        return sum(e.loss for e in self.entries)

    @property
    def travel(self) -> int:
        return sum(e.travel for e in self.entries)

    @property
    def total(self) -> int:
        return self.fee + self.loss + self.travel


@dataclass
class YearList:
    year: int
    people: list[PersonYear]
    not_fixed: list[Meeting]  # meetings of the year whose lists are not fastställda

    @property
    def fee(self) -> int:
        return sum(p.fee for p in self.people)

    @property
    def loss(self) -> int:
        return sum(p.loss for p in self.people)

    @property
    def travel(self) -> int:
        return sum(p.travel for p in self.people)

    @property
    def total(self) -> int:
        return self.fee + self.loss + self.travel


def year_list(association: Association, year: int) -> YearList:
    """Per person, the fastställda lists of the year: what payroll pays."""
    meetings = list(association.meetings.filter(date__year=year))
    people: dict[int, PersonYear] = {}
    not_fixed = []
    for fees in meeting_fees(association, meetings):
        if not fees.is_fixed:
            if fees.rows or fees.fee_list is not None:
                not_fixed.append(fees.meeting)
            continue
        for row in fees.rows:
            if row.total == 0:
                continue
            person = people.setdefault(row.person.pk, PersonYear(row.person, row.member_name))
            person.entries.append(YearEntry(fees.meeting, row.fee, row.loss, row.travel))
    ordered = sorted(
        people.values(),
        key=lambda p: (swedish_key(p.person.last_name), swedish_key(p.person.first_name)),
    )
    return YearList(year, ordered, not_fixed)


def fee_payments(meeting: Meeting) -> list[tuple[Person, int, str]]:
    """What to pay each person for a fastställd list: (person, amount, description).

    For the attest and utanordning of the payment; an open list is refused.
    """
    fees = meeting_fees_of(meeting)
    if not fees.is_fixed:
        raise ValidationError(
            f"Arvodeslistan för sammanträdet {format_date(meeting.date)} är inte fastställd; "
            "den kan inte betalas ut."
        )
    payments = []
    for row in sorted(
        fees.rows, key=lambda r: (swedish_key(r.person.last_name), swedish_key(r.person.first_name))
    ):
        if row.total <= 0:
            continue
        parts = [
            (label, amount)
            for label, amount in [
                ("sammanträdesarvode", row.fee),
                ("förlorad arbetsförtjänst", row.loss),
                ("reseersättning", row.travel),
            ]
            if amount
        ]
        description = f"Styrelsemöte {format_date(meeting.date)}: " + ", ".join(
            f"{label} {format_kronor(amount)}" for label, amount in parts
        )
        payments.append((row.person, row.total, description))
    return payments


def fee_order_prefix(fee_list: FeeList) -> str:
    """The start of the request token of every payment order made from `fee_list`."""
    return f"arvode-{fee_list.pk}-"


def fee_orders(fee_list: FeeList | None) -> list[PaymentOrder]:
    """The payment orders made from the list, cancelled ones included, in one query."""
    if fee_list is None or fee_list.pk is None:
        return []
    return list(
        PaymentOrder.objects.filter(
            association_id=fee_list.association_id,
            request_token__startswith=fee_order_prefix(fee_list),
        ).order_by("pk")
    )
