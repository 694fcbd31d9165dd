"""Every write to förbund, members, people, board seats and staff.

Each service validates across records, writes inside one transaction and leaves
its trace in the record's history with the acting user.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.models import User
from samordna.associations.models import (
    KOMMUN_SHARE,
    REGION_SHARE,
    STATE_SHARE,
    Association,
    BoardSeat,
    Member,
    MemberKind,
    Person,
    SeatKind,
    SeatPosition,
    StaffAssignment,
    SubstituteRule,
)
from samordna.core.services import apply_changes, save_with_history
from samordna.core.text import format_date, format_percent


@transaction.atomic
def association_update(*, association: Association, by: User, **fields: Any) -> Association:
    """Change the förbund's details and settings."""
    changed = apply_changes(association, fields)
    if changed:
        save_with_history(association, by=by, update_fields=changed)
    return association


def _check_member_kind(*, association: Association, kind: str, exclude_pk: int | None) -> None:
    """A förbund has one FK, one AF and one region; any number of kommuner."""
    if kind == MemberKind.KOMMUN:
        return
    others = association.members.filter(kind=kind)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError(
            {"kind": f"Förbundet har redan en medlem av slaget {MemberKind(kind).label}."}
        )


@transaction.atomic
def member_create(
    *, association: Association, by: User, kind: str, name: str, organisation_number: str = ""
) -> Member:
    """Add a member (huvudman). Its share starts at 0 % until the key is set."""
    _check_member_kind(association=association, kind=kind, exclude_pk=None)
    member = Member(
        association=association, kind=kind, name=name, organisation_number=organisation_number
    )
    save_with_history(member, by=by)
    return member


@transaction.atomic
def member_update(*, member: Member, by: User, **fields: Any) -> Member:
    """Change a member's name, kind or organisationsnummer."""
    if "kind" in fields:
        _check_member_kind(
            association=member.association, kind=fields["kind"], exclude_pk=member.pk
        )
    changed = apply_changes(member, fields)
    if changed:
        save_with_history(member, by=by, update_fields=changed)
    return member


def share_problems(members: list[Member]) -> list[str]:
    """What is wrong with the members' shares, in Swedish; empty when they follow the law."""
    state = sum(
        (m.share_percent for m in members if m.kind in (MemberKind.FK, MemberKind.AF)), Decimal(0)
    )
    region = sum((m.share_percent for m in members if m.kind == MemberKind.REGION), Decimal(0))
    kommuner = sum((m.share_percent for m in members if m.kind == MemberKind.KOMMUN), Decimal(0))
    total = state + region + kommuner
    problems = []
    if total != 100:
        problems.append(f"Andelarna summerar till {format_percent(total)}, de ska bli 100 %.")
    if state != STATE_SHARE:
        problems.append(
            f"Försäkringskassan och Arbetsförmedlingen ska tillsammans stå för 50 %, "
            f"nu {format_percent(state)}."
        )
    if region != REGION_SHARE:
        problems.append(f"Regionen ska stå för 25 %, nu {format_percent(region)}.")
    if kommuner != KOMMUN_SHARE:
        problems.append(
            f"Kommunerna ska tillsammans stå för 25 % enligt sin fördelningsnyckel, "
            f"nu {format_percent(kommuner)}."
        )
    return problems


@transaction.atomic
def member_shares_set(
    *, association: Association, by: User, shares: dict[int, Decimal]
) -> list[Member]:
    """Set every member's share at once; refused unless the result follows the law."""
    members = list(association.members.select_for_update().order_by("pk"))
    if set(shares) != {m.pk for m in members}:
        raise ValidationError("Ange en andel för varje medlem.")
    changed = [m for m in members if m.share_percent != shares[m.pk]]
    for member in members:
        member.share_percent = shares[member.pk]
    problems = share_problems(members)
    if problems:
        raise ValidationError(problems)
    for member in changed:
        save_with_history(member, by=by, update_fields=["share_percent"])
    return members


@transaction.atomic
def person_create(*, association: Association, by: User, **fields: Any) -> Person:
    """Add a person who sits on the board or works in the office."""
    person = Person(association=association, **fields)
    save_with_history(person, by=by)
    return person


@transaction.atomic
def person_update(*, person: Person, by: User, **fields: Any) -> Person:
    """Change a person's name or contact details."""
    changed = apply_changes(person, fields)
    if changed:
        save_with_history(person, by=by, update_fields=changed)
    return person


def _check_seat(seat: BoardSeat) -> None:
    errors: dict[str, str] = {}
    if seat.ends_on < seat.starts_on:
        errors["ends_on"] = "Mandatperioden kan inte sluta innan den börjar."
    if seat.person.association_id != seat.association_id:
        errors["person"] = "Personen hör inte till det här förbundet."
    if seat.member.association_id != seat.association_id:
        errors["member"] = "Medlemmen hör inte till det här förbundet."
    ledamot = seat.substitute_for
    if ledamot is not None:
        if seat.kind != SeatKind.SUBSTITUTE:
            errors["substitute_for"] = "Bara en ersättare kan vara personlig ersättare."
        elif ledamot.association_id != seat.association_id or ledamot.kind != SeatKind.ORDINARY:
            errors["substitute_for"] = (
                f"{seat.person} kan bara vara personlig ersättare för en ordinarie ledamot "
                "i förbundets styrelse."
            )
    if errors:
        raise ValidationError(errors)

    overlapping = BoardSeat.objects.filter(
        association=seat.association, starts_on__lte=seat.ends_on, ends_on__gte=seat.starts_on
    ).exclude(pk=seat.pk)
    if overlapping.filter(person=seat.person, member=seat.member).exists():
        raise ValidationError(
            {
                "starts_on": f"{seat.person} har redan ett uppdrag för {seat.member} "
                "under en del av den perioden."
            }
        )
    if seat.position:
        holder = overlapping.filter(position=seat.position).select_related("person").first()
        if holder is not None:
            label = SeatPosition(seat.position).label.lower()
            raise ValidationError(
                {
                    "position": f"{holder.person} är redan {label} "
                    f"{format_date(holder.starts_on)}–{format_date(holder.ends_on)}."
                }
            )


@transaction.atomic
def board_seat_create(*, association: Association, by: User, **fields: Any) -> BoardSeat:
    """Record an appointment to the board (a valärende) for a mandate period."""
    seat = BoardSeat(association=association, **fields)
    _check_seat(seat)
    save_with_history(seat, by=by)
    return seat


@transaction.atomic
def board_seat_update(*, seat: BoardSeat, by: User, **fields: Any) -> BoardSeat:
    """Change an appointment, e.g. when a mandate ends early."""
    changed = apply_changes(seat, fields)
    if changed:
        _check_seat(seat)
        save_with_history(seat, by=by, update_fields=changed)
    return seat


def _check_staff(assignment: StaffAssignment) -> None:
    if assignment.ends_on is not None and assignment.ends_on < assignment.starts_on:
        raise ValidationError({"ends_on": "Anställningen kan inte sluta innan den börjar."})
    if assignment.person.association_id != assignment.association_id:
        raise ValidationError({"person": "Personen hör inte till det här förbundet."})
    employer = assignment.employed_by
    if employer is not None and employer.association_id != assignment.association_id:
        raise ValidationError({"employed_by": "Medlemmen hör inte till det här förbundet."})


@transaction.atomic
def staff_assignment_create(
    *, association: Association, by: User, **fields: Any
) -> StaffAssignment:
    """Record someone working in the office."""
    assignment = StaffAssignment(association=association, **fields)
    _check_staff(assignment)
    save_with_history(assignment, by=by)
    return assignment


@transaction.atomic
def staff_assignment_update(
    *, assignment: StaffAssignment, by: User, **fields: Any
) -> StaffAssignment:
    """Change someone's position in the office."""
    changed = apply_changes(assignment, fields)
    if changed:
        _check_staff(assignment)
        save_with_history(assignment, by=by, update_fields=changed)
    return assignment


# The whole board in one form: a row per seat.


@dataclass(frozen=True)
class SeatRow:
    """One seat of the board form. The person is someone of the förbund already, or a new
    one by name; a personal ersättare names the row of its ledamot (counted from 1)."""

    member: Member
    kind: str
    person: Person | None = None
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    position: str = ""
    substitute_for_row: int | None = None

    def name(self) -> str:
        if self.person is not None:
            return self.person.full_name
        return f"{self.first_name} {self.last_name}".strip()


def _row_problems(association: Association, rows: list[SeatRow]) -> list[str]:
    problems = []
    for number, row in enumerate(rows, start=1):
        where = f"Rad {number} ({row.name() or 'utan namn'})"
        if row.person is not None and row.person.association_id != association.pk:
            problems.append(f"{where}: personen hör inte till {association.name}.")
        if row.person is None and not (row.first_name and row.last_name):
            problems.append(f"{where}: välj en person eller skriv för- och efternamn.")
        if row.member.association_id != association.pk:
            problems.append(f"{where}: {row.member.name} är inte medlem i {association.name}.")
        target = row.substitute_for_row
        if target is None:
            if row.kind == SeatKind.SUBSTITUTE and association.substitute_rule == (
                SubstituteRule.PERSONAL
            ):
                problems.append(
                    f"{where}: förbundet har personliga ersättare; ange vilken ledamot "
                    "ersättaren ersätter."
                )
            continue
        if row.kind != SeatKind.SUBSTITUTE:
            problems.append(f"{where}: bara en ersättare kan vara ersättare för en ledamot.")
        elif not 1 <= target <= len(rows) or rows[target - 1].kind != SeatKind.ORDINARY:
            problems.append(f"{where}: rad {target} är ingen ordinarie ledamot.")
        elif rows[target - 1].member != row.member:
            ledamot = rows[target - 1]
            problems.append(
                f"{where}: {ledamot.name()} är utsedd av {ledamot.member.name}, "
                f"ersättaren av {row.member.name}; en ersättare ersätter en ledamot "
                "från samma medlem."
            )
    taken = [row.person.pk for row in rows if row.person is not None]
    twice = {pk for pk in taken if taken.count(pk) > 1}
    problems.extend(
        f"{row.name()} står på flera rader."
        for row in rows
        if row.person and row.person.pk in twice
    )
    return list(dict.fromkeys(problems))


@transaction.atomic
def board_enter(
    *,
    association: Association,
    by: User,
    starts_on: datetime.date,
    ends_on: datetime.date,
    appointed_by: str,
    rows: list[SeatRow],
) -> list[BoardSeat]:
    """The kansli enters a board for a mandate period at once: every ledamot and ersättare,
    new people created, each personal ersättare tied to its ledamot. All or nothing.

    Members of the FK and AF usually take no fee from the förbund (their employer pays),
    so their seats start without one; the seat's own form changes that."""
    if not rows:
        raise ValidationError("Fyll i minst en rad.")
    if ends_on < starts_on:
        raise ValidationError({"ends_on": "Mandatperioden kan inte sluta innan den börjar."})
    problems = _row_problems(association, rows)
    if problems:
        raise ValidationError(problems)
    seats: dict[int, BoardSeat] = {}
    order = sorted(range(len(rows)), key=lambda i: rows[i].kind != SeatKind.ORDINARY)
    for index in order:
        row = rows[index]
        person = row.person or person_create(
            association=association,
            by=by,
            first_name=row.first_name,
            last_name=row.last_name,
            email=row.email,
        )
        ledamot = None if row.substitute_for_row is None else seats[row.substitute_for_row - 1]
        try:
            seats[index] = board_seat_create(
                association=association,
                by=by,
                person=person,
                member=row.member,
                kind=row.kind,
                position=row.position,
                substitute_for=ledamot,
                starts_on=starts_on,
                ends_on=ends_on,
                appointed_by=appointed_by,
                receives_fee=row.member.kind not in (MemberKind.FK, MemberKind.AF),
            )
        except ValidationError as error:
            raise ValidationError(
                [f"Rad {index + 1} ({person.full_name}): {message}" for message in error.messages]
            ) from error
    return [seats[index] for index in range(len(rows))]
