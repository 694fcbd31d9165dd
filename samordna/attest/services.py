"""Every write of attest and utanordning: the signature list and its adoption, payment
orders and their signatures, and the payment of an insats's instalment (`instalment_pay`,
the one place that decides between a payment order and a direct payment). The rules
themselves are in `rules.py`; here they are applied to the order locked for update, so two
people signing at once are checked one after the other."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from samordna.accounts.models import Role, User
from samordna.associations.models import Association, Person
from samordna.attest import rules, selectors
from samordna.attest.models import (
    OrderApproval,
    OrderKind,
    OrderStatus,
    PaymentOrder,
    SignatureKind,
    SignatureList,
    SignatureRight,
    Step,
)
from samordna.core.services import apply_changes, delete_with_history, save_with_history
from samordna.core.text import format_kronor
from samordna.core.tokens import new_token
from samordna.interventions import documents, payable
from samordna.interventions.models import MAX_AMOUNT, GrantDecision, Instalment, Payment
from samordna.interventions.services import grants
from samordna.meetings.adoption import adoption, editable, record_adoption
from samordna.meetings.models import Paragraph

# The signature list


def _editable(signature_list: SignatureList) -> SignatureList:
    """The list, locked; refused once adopted."""
    return editable(
        signature_list,
        lambda locked: (
            f"Signaturlistan för {locked.year} är antagen av styrelsen och kan inte "
            "ändras. Ändringar görs i en ny lista som styrelsen antar."
        ),
    )


def _check_person(signature_list: SignatureList, person: Person) -> None:
    if person.association_id != signature_list.association_id:
        raise ValidationError({"person": "Personen hör till ett annat förbund."})


@transaction.atomic
def list_create(
    *,
    association: Association,
    year: int,
    by: User,
    note: str = "",
    copy_from: SignatureList | None = None,
) -> SignatureList:
    """A draft list for a year; with `copy_from`, starting from the lines of another year."""
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": "Ange ett år mellan 2000 och 2100."})
    if SignatureList.objects.filter(association=association, year=year).exists():
        raise ValidationError({"year": f"Det finns redan en signaturlista för {year}."})
    if copy_from is not None and copy_from.association_id != association.pk:
        raise ValidationError({"copy_from": "Listan hör till ett annat förbund."})
    signature_list = SignatureList(association=association, year=year, note=note.strip())
    save_with_history(signature_list, by=by)
    if copy_from is not None:
        for right in copy_from.rights.all():
            copy = SignatureRight(
                signature_list=signature_list,
                person_id=right.person_id,
                title=right.title,
                kind=right.kind,
                role=right.role,
                max_amount=right.max_amount,
                note=right.note,
            )
            save_with_history(copy, by=by)
    return signature_list


def _right_fields(fields: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(fields)
    for name in ("title", "note"):
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip()
    if cleaned.get("max_amount") == 0:
        raise ValidationError({"max_amount": "Maxbeloppet ska vara minst 1 kr, eller tomt."})
    return cleaned


def _unique_line(right: SignatureRight) -> None:
    twin = SignatureRight.objects.filter(
        signature_list_id=right.signature_list_id,
        person_id=right.person_id,
        kind=right.kind,
        role=right.role,
    ).exclude(pk=right.pk)
    if twin.exists():
        raise ValidationError(
            {"kind": "Personen har redan den rätten i listan. Ändra den raden i stället."}
        )


@transaction.atomic
def right_add(
    *,
    signature_list: SignatureList,
    by: User,
    person: Person,
    kind: str,
    role: str,
    title: str = "",
    max_amount: int | None = None,
    note: str = "",
) -> SignatureRight:
    """A line in a list not yet adopted."""
    locked = _editable(signature_list)
    _check_person(locked, person)
    fields = _right_fields({"title": title, "max_amount": max_amount, "note": note})
    right = SignatureRight(signature_list=locked, person=person, kind=kind, role=role, **fields)
    _unique_line(right)
    save_with_history(right, by=by)
    return right


@transaction.atomic
def right_update(*, right: SignatureRight, by: User, **fields: Any) -> SignatureRight:
    _editable(right.signature_list)
    if "person" in fields:
        _check_person(right.signature_list, fields["person"])
    changed = apply_changes(right, _right_fields(fields))
    _unique_line(right)
    if changed:
        save_with_history(right, by=by, update_fields=changed)
    return right


@transaction.atomic
def right_delete(*, right: SignatureRight, by: User) -> None:
    _editable(right.signature_list)
    delete_with_history(right, by=by)


@transaction.atomic
def list_adopt(
    *,
    signature_list: SignatureList,
    by: User,
    paragraph: Paragraph | None = None,
    earlier_reference: str = "",
    adopted_on: datetime.date | None = None,
) -> SignatureList:
    """The board adopted the list in a § (or, before Samordna, in earlier minutes); from
    now on it is locked and governs the year's payments."""
    locked = _editable(signature_list)
    found = adoption(
        association_id=locked.association_id,
        paragraph=paragraph,
        earlier_reference=earlier_reference,
        adopted_on=adopted_on,
        what="listan",
    )
    rights = list(locked.rights.all())
    if not any(r.kind == SignatureKind.PAYMENT_ATTEST for r in rights):
        raise ValidationError("Listan saknar någon med betalningsattest (generell attesträtt).")
    if len({r.person_id for r in rights if r.kind == SignatureKind.AUTHORISE}) < 2:
        raise ValidationError(
            "Samtliga utbetalningar signeras av två i förening: listan behöver minst två "
            "personer med utanordningsrätt."
        )
    record_adoption(locked, found, by=by)
    signature_list.__dict__.update(locked.__dict__)
    return locked


# Payment orders


def _check_order(
    *,
    association: Association,
    kind: str,
    payee: str,
    amount: int,
    connected_person: Person | None,
    description: str,
    instalment: Instalment | None,
) -> None:
    if kind not in OrderKind.values:
        raise ValidationError({"kind": "Välj vad slags utbetalning det är."})
    if not payee.strip():
        raise ValidationError({"payee": "Ange vem som ska få betalningen."})
    if not description.strip():
        raise ValidationError({"description": "Ange vad betalningen avser."})
    if not 1 <= amount <= MAX_AMOUNT:
        raise ValidationError(
            {"amount": f"Beloppet ska vara 1–{format_kronor(MAX_AMOUNT)} i hela kronor."}
        )
    if connected_person is not None and connected_person.association_id != association.pk:
        raise ValidationError({"connected_person": "Personen hör till ett annat förbund."})
    if (kind == OrderKind.INSATS) != (instalment is not None):
        raise ValidationError("En insatsutbetalning hör till en del av insatsens utbetalningsplan.")


@transaction.atomic
def order_create(
    *,
    association: Association,
    kind: str,
    payee: str,
    amount: int,
    connected_person: Person | None,
    description: str,
    reference: str,
    by: User,
    instalment: Instalment | None = None,
    due_on: datetime.date | None = None,
    registered_on: datetime.date | None = None,
    token: str | None = None,
) -> PaymentOrder:
    """Register a payment to be attested and authorised. The same `token` (a form sent
    twice) gives back the first order."""
    if token:
        existing = PaymentOrder.objects.filter(request_token=token).first()
        if existing is not None:
            return existing
    _check_order(
        association=association,
        kind=kind,
        payee=payee,
        amount=amount,
        connected_person=connected_person,
        description=description,
        instalment=instalment,
    )
    order = PaymentOrder(
        association=association,
        kind=kind,
        payee=payee.strip(),
        amount=amount,
        connected_person=connected_person,
        description=description.strip(),
        reference=reference.strip(),
        due_on=due_on,
        registered_on=registered_on or timezone.localdate(),
        registered_by=by,
        instalment=instalment,
        request_token=token or new_token(),
    )
    try:
        with transaction.atomic():
            save_with_history(order, by=by)
    except (IntegrityError, ValidationError):
        first = PaymentOrder.objects.filter(request_token=order.request_token).first()
        if first is None:
            raise
        return first
    return order


# The payment of an insats


@dataclass(frozen=True)
class InstalmentPaid:
    """What `instalment_pay` did: an order that waits for attest, or a recorded payment."""

    order: PaymentOrder | None = None
    payment: Payment | None = None
    created: bool = True


@transaction.atomic
def instalment_pay(
    *,
    instalment: Instalment,
    by: User,
    amount: int,
    token: str,
    reference: str = "",
    paid_on: datetime.date | None = None,
) -> InstalmentPaid:
    """Pay a part of an insats's plan the way the förbund pays: where the year has an
    adopted signature list, as a payment order that two utanordnare sign (the payment is
    recorded at the second signature); otherwise recorded directly as paid on `paid_on`."""
    association_id = instalment.grant.decision.association_id
    today = timezone.localdate()
    if selectors.governs_payments(association_id, (paid_on or today).year):
        if paid_on is not None:
            raise ValidationError(
                {
                    "paid_on": f"Förbundet har antagit en signaturlista för {paid_on.year}: "
                    "utbetalningen begärs, attesteras och utanordnas av två personer, och "
                    "registreras när den andra utanordnaren har godkänt den."
                }
            )
        order = insats_order_request(
            instalment=instalment, amount=amount, reference=reference, by=by, token=token
        )
        return InstalmentPaid(order=order)
    payment, created = grants.payment_record(
        instalment=instalment,
        by=by,
        amount=amount,
        paid_on=paid_on or today,
        token=token,
        reference=reference,
    )
    return InstalmentPaid(payment=payment, created=created)


@transaction.atomic
def insats_order_request(
    *,
    instalment: Instalment,
    amount: int,
    reference: str,
    by: User,
    token: str,
    registered_on: datetime.date | None = None,
) -> PaymentOrder:
    """ "Begär utbetalning": an order for a part of an insats's plan, checked as a payment
    would be; the payment is recorded when the second utanordnare signs."""
    existing = PaymentOrder.objects.filter(request_token=token).first()
    if existing is not None:
        return existing
    grant = instalment.grant
    # The same lock as the payment service: the check of what remains and the new order
    # are one step for everyone else.
    decision = GrantDecision.objects.select_for_update().get(pk=grant.decision_id)
    day = registered_on or timezone.localdate()
    if not selectors.governs_payments(decision.association_id, day.year):
        raise ValidationError(
            f"Förbundet har ingen antagen signaturlista för {day.year}; registrera "
            "utbetalningen direkt."
        )
    asked = selectors.open_amount_for_instalment(instalment.pk)
    payable.state_of(decision).payable(instalment, day, asked=asked).check(amount, verb="begära")
    application = decision.application
    payee = grant.recipient or application.organisation_name or application.member.name
    return order_create(
        association=decision.association,
        kind=OrderKind.INSATS,
        payee=payee,
        amount=amount,
        connected_person=None,
        description=f"{application.name}: {documents.instalment_text(grant, instalment)}",
        reference=reference,
        by=by,
        instalment=instalment,
        registered_on=day,
        token=token,
    )


def _facts(order: PaymentOrder) -> tuple[rules.OrderFacts, dict[int, list[rules.Right]]]:
    approvals = list(order.approvals.select_related("person"))
    positions = selectors.board_positions(
        order.association_id,
        [order.connected_person_id] if order.connected_person_id else [],
        [order.year],
    )
    return (
        selectors.facts_of(order, positions, approvals),
        selectors.rights_by_year(order.association_id, [order.year]),
    )


@transaction.atomic
def order_approve(
    *,
    order: PaymentOrder,
    step: str,
    by: User,
    token: str,
    at: datetime.datetime | None = None,
) -> tuple[OrderApproval, bool]:
    """Sign a step of the order as the user's person, if the year's list allows it. The
    second utanordning pays the order; for an insats it records the payment. Returns
    (approval, created): the same form sent twice signs once."""
    existing = OrderApproval.objects.filter(request_token=token).first()
    if existing is not None:
        return existing, False
    locked = PaymentOrder.objects.select_for_update().get(pk=order.pk)
    existing = OrderApproval.objects.filter(request_token=token).first()
    if existing is not None:
        return existing, False
    if by.association_id != locked.association_id:
        raise ValidationError("Ordern hör till ett annat förbund.")
    if by.role == Role.AUDITOR:
        raise ValidationError("Revisorn granskar attesterna men attesterar inte själv.")
    if step not in Step.values:
        raise ValidationError("Okänt steg.")
    facts, rights = _facts(locked)
    verdict = rules.check(
        step, facts=facts, actor_person_id=by.person_id, rights=rights.get(locked.year)
    )
    if not verdict.allowed:
        raise ValidationError(verdict.reason)
    assert verdict.right is not None and by.person_id is not None
    moment = at or timezone.now()
    approval = OrderApproval(
        order=locked,
        step=step,
        user=by,
        person_id=by.person_id,
        right_id=verdict.right.pk,
        as_deputy=verdict.as_deputy,
        at=moment,
        request_token=token,
    )
    save_with_history(approval, by=by)
    locked.status = rules.next_status(step, facts)
    changed = ["status"]
    if locked.status == OrderStatus.PAID:
        locked.paid_on = timezone.localtime(moment).date()
        changed.append("paid_on")
        if locked.kind == OrderKind.INSATS:
            locked.payment = _record_insats_payment(locked, by=by)
            changed.append("payment")
    save_with_history(locked, by=by, update_fields=changed)
    order.__dict__.update(locked.__dict__)
    return approval, True


def _record_insats_payment(order: PaymentOrder, *, by: User) -> Payment:
    """The order's second utanordning pays it: the payment is recorded on the insats."""
    assert order.instalment is not None and order.paid_on is not None
    payment, _ = grants.payment_record(
        instalment=order.instalment,
        by=by,
        amount=order.amount,
        paid_on=order.paid_on,
        token=order.request_token,
        reference=order.reference or f"Utbetalningsorder {order.pk}",
    )
    return payment


@transaction.atomic
def order_cancel(*, order: PaymentOrder, by: User, reason: str) -> PaymentOrder:
    """The kansli cancels an order that is not paid, e.g. one registered twice."""
    locked = PaymentOrder.objects.select_for_update().get(pk=order.pk)
    if locked.status == OrderStatus.PAID:
        raise ValidationError("Ordern är utbetald och kan inte makuleras.")
    if locked.status == OrderStatus.CANCELLED:
        raise ValidationError("Ordern är redan makulerad.")
    if not reason.strip():
        raise ValidationError({"reason": "Skriv varför ordern makuleras."})
    locked.status = OrderStatus.CANCELLED
    locked.cancelled_reason = reason.strip()
    save_with_history(locked, by=by, update_fields=["status", "cancelled_reason"])
    order.__dict__.update(locked.__dict__)
    return locked
