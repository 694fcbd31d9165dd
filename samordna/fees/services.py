"""Every write of the fees app: claims, fastställande and reopening of a meeting's list,
the förbund's rates and its grundbelopp. Each records who acted in the history."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association, FeeBaseAmount, Person
from samordna.attest.models import OrderKind, OrderStatus, PaymentOrder
from samordna.attest.services import order_create
from samordna.core.services import delete_with_history, save_with_history
from samordna.core.text import format_date, format_kronor
from samordna.fees import rules, selectors
from samordna.fees.models import (
    ClaimKind,
    ExpenseClaim,
    FeeLine,
    FeeList,
    FeeListStatus,
    FeeSettings,
)
from samordna.meetings.models import Attendance, Meeting, Presence

LOCKED_MESSAGE = (
    "Arvodeslistan är fastställd och kan inte ändras. Kansliet kan återöppna den med en motivering."
)
MAX_KM = Decimal("2000")
MAX_TICKET = 10_000
MAX_BASE_AMOUNT = 1_000_000


def _fee_list(meeting: Meeting, *, by: User) -> FeeList:
    """The meeting's list, locked for this transaction; created open when missing."""
    found = FeeList.objects.select_for_update().filter(meeting=meeting).first()
    if found is None:
        found = FeeList(association=meeting.association, meeting=meeting)
        save_with_history(found, by=by)
    return found


def _refuse_if_fixed(meeting: Meeting, *, by: User) -> FeeList:
    fee_list = _fee_list(meeting, by=by)
    if fee_list.is_fixed:
        raise ValidationError(LOCKED_MESSAGE)
    return fee_list


def _present(meeting: Meeting, person: Person) -> bool:
    return (
        Attendance.objects.filter(meeting=meeting, seat__person=person)
        .exclude(presence=Presence.ABSENT)
        .exists()
    )


def _loss_amount(
    settings: FeeSettings,
    hours: Decimal | None,
    hourly_rate: int | None,
    amount: int | None,
    basis: str,
) -> int:
    """The amount of a loss-of-earnings claim, or the reasons it cannot be accepted."""
    errors: dict[str, list[str]] = {}
    by_hour = hours is not None or hourly_rate is not None
    if by_hour and amount is not None:
        errors["amount"] = [
            "Ange antingen timmar och belopp per timme eller ett belopp, inte båda."
        ]
    elif not by_hour and amount is None:
        errors["hours"] = ["Ange antal timmar och belopp per timme, eller ett belopp."]
    if by_hour:
        if hours is None:
            errors["hours"] = ["Ange antal timmar."]
        elif hours <= 0:
            errors["hours"] = ["Antalet timmar måste vara större än noll."]
        elif hours > settings.loss_max_hours:
            errors["hours"] = [
                f"Högst {rules.format_decimal(settings.loss_max_hours)} timmar per "
                "sammanträde enligt förbundets regler."
            ]
        if hourly_rate is None:
            errors["hourly_rate"] = ["Ange belopp per timme."]
        elif hourly_rate <= 0:
            errors["hourly_rate"] = ["Beloppet per timme måste vara större än noll."]
        elif hourly_rate > settings.loss_max_per_hour:
            errors["hourly_rate"] = [
                f"Högst {format_kronor(settings.loss_max_per_hour)} per timme enligt "
                "förbundets regler."
            ]
    elif amount is not None:
        ceiling = rules.round_kronor(settings.loss_max_per_hour * settings.loss_max_hours)
        if amount <= 0:
            errors["amount"] = ["Beloppet måste vara större än noll."]
        elif amount > ceiling:
            errors["amount"] = [
                f"Beloppet är orimligt stort; högst {format_kronor(ceiling)} "
                f"({rules.format_decimal(settings.loss_max_hours)} timmar à "
                f"{format_kronor(settings.loss_max_per_hour)})."
            ]
    if not basis.strip():
        errors["basis"] = [
            "Ange vad beloppet grundar sig på, t.ex. intyg från arbetsgivaren om timlön."
        ]
    if errors:
        raise ValidationError(errors)
    if by_hour:
        assert hours is not None and hourly_rate is not None
        return rules.round_kronor(hours * hourly_rate)
    assert amount is not None
    return amount


def _travel_amount(
    settings: FeeSettings,
    from_place: str,
    to_place: str,
    km: Decimal | None,
    amount: int | None,
) -> int:
    errors: dict[str, list[str]] = {}
    if not from_place.strip():
        errors["from_place"] = ["Ange var resan började."]
    if not to_place.strip():
        errors["to_place"] = ["Ange vart resan gick."]
    if km is not None and amount is not None:
        errors["amount"] = ["Ange antingen kilometer eller ett biljettbelopp, inte båda."]
    elif km is None and amount is None:
        errors["km"] = ["Ange antal kilometer med egen bil, eller biljettens belopp."]
    elif km is not None:
        if km <= 0:
            errors["km"] = ["Antalet kilometer måste vara större än noll."]
        elif km > MAX_KM:
            errors["km"] = [
                f"Orimligt lång resa; högst {rules.format_decimal(MAX_KM)} km per sammanträde."
            ]
        elif settings.km_rate <= 0:
            errors["km"] = [
                "Förbundet har ingen ersättning per km. Ange biljettens belopp i stället."
            ]
    elif amount is not None:
        if amount <= 0:
            errors["amount"] = ["Beloppet måste vara större än noll."]
        elif amount > MAX_TICKET:
            errors["amount"] = [f"Beloppet är orimligt stort; högst {format_kronor(MAX_TICKET)}."]
    if errors:
        raise ValidationError(errors)
    if km is not None:
        return rules.round_kronor(km * settings.km_rate)
    assert amount is not None
    return amount


def _apply_claim(
    claim: ExpenseClaim,
    *,
    hours: Decimal | None = None,
    hourly_rate: int | None = None,
    amount: int | None = None,
    basis: str = "",
    from_place: str = "",
    to_place: str = "",
    km: Decimal | None = None,
    note: str = "",
) -> None:
    """Check the claim's figures against the förbund's rates and set its amount."""
    settings = selectors.settings_of(claim.association)
    claim.note = note
    if claim.kind == ClaimKind.LOSS:
        claim.amount = _loss_amount(settings, hours, hourly_rate, amount, basis)
        by_hour = hours is not None
        claim.hours, claim.hourly_rate = (hours, hourly_rate) if by_hour else (None, None)
        claim.basis = basis.strip()
        claim.from_place = claim.to_place = ""
        claim.km = claim.km_rate = None
    else:
        claim.amount = _travel_amount(settings, from_place, to_place, km, amount)
        claim.from_place, claim.to_place = from_place.strip(), to_place.strip()
        claim.km = km
        claim.km_rate = settings.km_rate if km is not None else None
        claim.hours = claim.hourly_rate = None
        claim.basis = ""


def _check_person(claim: ExpenseClaim) -> None:
    meeting, person = claim.meeting, claim.person
    if meeting.date > timezone.localdate():
        raise ValidationError(
            f"Sammanträdet {format_date(meeting.date)} har inte hållits ännu; ersättning "
            "begärs efteråt."
        )
    if not _present(meeting, person):
        raise ValidationError(
            {"person": [f"{person} var inte närvarande vid sammanträdet enligt uppropet."]}
        )
    if claim.kind == ClaimKind.LOSS:
        others = ExpenseClaim.objects.filter(
            meeting=meeting, person=person, kind=ClaimKind.LOSS
        ).exclude(pk=claim.pk)
        if others.exists():
            raise ValidationError(
                {
                    "person": [
                        f"{person} har redan begärt förlorad arbetsförtjänst för sammanträdet; "
                        "ändra det anspråket i stället."
                    ]
                }
            )


@transaction.atomic
def claim_create(
    *, meeting: Meeting, person: Person, kind: str, by: User, **fields: Any
) -> ExpenseClaim:
    """Register a claim for loss of earnings or travel for a person present at a meeting."""
    _refuse_if_fixed(meeting, by=by)
    if person.association_id != meeting.association_id:
        raise ValidationError({"person": ["Personen hör inte till förbundet."]})
    claim = ExpenseClaim(
        association=meeting.association, meeting=meeting, person=person, kind=kind, entered_by=by
    )
    _check_person(claim)
    _apply_claim(claim, **fields)
    save_with_history(claim, by=by)
    return claim


@transaction.atomic
def claim_update(*, claim: ExpenseClaim, by: User, **fields: Any) -> ExpenseClaim:
    """Change a claim's figures while the meeting's list is open."""
    _refuse_if_fixed(claim.meeting, by=by)
    _apply_claim(claim, **fields)
    save_with_history(claim, by=by)
    return claim


@transaction.atomic
def claim_delete(*, claim: ExpenseClaim, by: User) -> None:
    """Remove a claim while the meeting's list is open."""
    _refuse_if_fixed(claim.meeting, by=by)
    delete_with_history(claim, by=by)


@transaction.atomic
def fee_list_fix(*, meeting: Meeting, by: User, at: datetime.datetime | None = None) -> FeeList:
    """Fastställ the meeting's list: keep each fee as computed now, refuse further changes.

    `at` records an earlier fastställande (the demo's lists of 2022); by default now.
    """
    fee_list = _refuse_if_fixed(meeting, by=by)
    fees = selectors.meeting_fees_of(meeting)
    if fees.problems:
        raise ValidationError(fees.problems)
    for row in fees.rows:
        assert row.seat is not None
        save_with_history(
            FeeLine(
                fee_list=fee_list,
                person=row.person,
                seat=row.seat,
                presence=row.presence,
                hours=row.hours,
                percent=row.percent,
                base_amount=fees.base.amount if fees.base and row.percent is not None else None,
                fee=row.fee,
                explanation=row.explanation,
            ),
            by=by,
        )
    fee_list.status = FeeListStatus.FIXED
    fee_list.fixed_at = at or timezone.now()
    fee_list.fixed_by = by
    save_with_history(fee_list, by=by)
    return fee_list


@transaction.atomic
def fee_list_reopen(*, meeting: Meeting, by: User, reason: str) -> FeeList:
    """Open a fastställd list again, with the reason kept in its history."""
    fee_list = _fee_list(meeting, by=by)
    if not fee_list.is_fixed:
        raise ValidationError("Arvodeslistan är inte fastställd.")
    if len(reason.strip()) < 5:
        raise ValidationError({"reason": ["Skriv varför listan öppnas igen."]})
    if any(o.status != OrderStatus.CANCELLED for o in selectors.fee_orders(fee_list)):
        raise ValidationError(
            "Listan är skickad till attest. Makulera först dess utbetalningar under "
            "Attest och utanordning."
        )
    for line in fee_list.lines.all():
        delete_with_history(line, by=by)
    fee_list.status = FeeListStatus.OPEN
    fee_list.reopened_at = timezone.now()
    fee_list.reopened_by = by
    fee_list.reopen_reason = reason.strip()
    save_with_history(fee_list, by=by)
    return fee_list


@transaction.atomic
def fee_settings_save(*, association: Association, by: User, **fields: Any) -> FeeSettings:
    """The förbund's rates for travel and loss of earnings."""
    settings = FeeSettings.objects.filter(association=association).first() or FeeSettings(
        association=association
    )
    for name, value in fields.items():
        setattr(settings, name, value)
    save_with_history(settings, by=by)
    return settings


@transaction.atomic
def base_amount_create(
    *, association: Association, by: User, valid_from: Any, amount: int, decided_by: str = ""
) -> FeeBaseAmount:
    """A new grundbelopp, usually indexed from 1 April."""
    errors: dict[str, list[str]] = {}
    if association.fee_base_amounts.filter(valid_from=valid_from).exists():
        errors["valid_from"] = [f"Det finns redan ett grundbelopp från {format_date(valid_from)}."]
    if amount <= 0:
        errors["amount"] = ["Grundbeloppet måste vara större än noll."]
    elif amount > MAX_BASE_AMOUNT:
        errors["amount"] = [
            f"Grundbeloppet är orimligt stort; högst {format_kronor(MAX_BASE_AMOUNT)}."
        ]
    fixed = FeeList.objects.filter(
        association=association, status=FeeListStatus.FIXED, meeting__date__gte=valid_from
    ).exists()
    if fixed:
        errors.setdefault("valid_from", []).append(
            "Det finns fastställda arvodeslistor från det datumet; återöppna dem först om "
            "grundbeloppet ska gälla dem."
        )
    if errors:
        raise ValidationError(errors)
    base = FeeBaseAmount(
        association=association, valid_from=valid_from, amount=amount, decided_by=decided_by
    )
    save_with_history(base, by=by)
    return base


@transaction.atomic
def fee_list_send_for_payment(*, meeting: Meeting, by: User) -> list[PaymentOrder]:
    """Register one payment order per person of a fastställd list, for attest and
    utanordning by the signature list. Sending again gives back the same orders."""
    fee_list = _fee_list(meeting, by=by)
    payments = selectors.fee_payments(meeting)
    if not payments:
        raise ValidationError("Ingen på listan ska ha något utbetalt.")
    stamp = f"{fee_list.fixed_at:%Y%m%d%H%M%S}"
    return [
        order_create(
            association=meeting.association,
            kind=OrderKind.FEE,
            payee=f"{person.first_name} {person.last_name}",
            amount=amount,
            connected_person=person,
            description=description,
            reference=f"Arvodeslista {format_date(meeting.date)}",
            by=by,
            token=f"{selectors.fee_order_prefix(fee_list)}{person.pk}-{stamp}",
        )
        for person, amount, description in payments
    ]
