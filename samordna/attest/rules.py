"""What the year's signature list allows: pure checks, with no database, on plain facts.

The reading of Sundsvall's attest- och utanordningsinstruktion (Bilaga 6) and signature list
(Bilaga 7) of 2022-11-25 § 129:

- Nobody signs anything without an adopted list for the order's year.
- Each step needs a right of its kind: mottagningsattest, betalningsattest, utanordning.
  The betalningsattest of a payment to the chair, or connected with the chair's person,
  needs "attest av ordförandens egna utbetalningar" (the vice chair); of a payment to
  another board member "attest av styrelseledamots utbetalningar" (the chair, the vice
  chair as deputy); otherwise the general attesträtt.
- A right with a maxbelopp covers payments up to that amount.
- Nobody signs a payment to themselves or connected with their own person.
- "Samtliga utbetalningar: signering ska göras av två i förening": two different persons
  authorise each payment.
- The utanordnare checks that the payment is attested by someone entitled to (Bilaga 6,
  "Utanordningsberättigads skyldigheter"), so whoever attested an order (mottagnings- or
  betalningsattest) may not also be one of its utanordnare. The mottagningsattestant may
  give the betalningsattest too: the instruction lets the attestant do the mottagnings-,
  pris- och sifferkontroll.
- A deputy (ersättare) may act; the approval records that the deputy acted. Whether the
  ordinarie was away is not something the system can know.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from samordna.attest.models import OrderStatus, RightRole, SignatureKind, Step
from samordna.core.text import format_kronor


@dataclass(frozen=True)
class Right:
    """One line of the signature list, as the rules see it."""

    pk: int
    person_id: int
    person_name: str
    kind: str
    role: str = RightRole.ORDINARY
    max_amount: int | None = None

    @property
    def deputy(self) -> bool:
        return self.role == RightRole.DEPUTY


@dataclass(frozen=True)
class Signature:
    """A step already taken on the order."""

    step: str
    person_id: int
    person_name: str = ""  # for the reader; the rules go by the person


@dataclass(frozen=True)
class OrderFacts:
    year: int
    amount: int
    status: str
    connected_person_id: int | None = None
    connected_is_chair: bool = False  # the chair during the year
    connected_is_board: bool = False  # a board member (ledamot or ersättare) during the year
    signatures: Sequence[Signature] = field(default_factory=tuple)


@dataclass(frozen=True)
class AttestVerdict:
    """The answer: allowed with the right used, or refused with the reason in Swedish."""

    reason: str = ""
    right: Right | None = None

    @property
    def allowed(self) -> bool:
        return not self.reason

    @property
    def as_deputy(self) -> bool:
        return self.right is not None and self.right.deputy


def refused(reason: str) -> AttestVerdict:
    return AttestVerdict(reason=reason)


STEP_NAMES = {
    Step.RECEIPT: "mottagningsattestera",
    Step.ATTEST: "betalningsattestera",
    Step.AUTHORISE: "utanordna",
}


def needed_kind(step: str, facts: OrderFacts) -> str:
    """The kind of right the step needs for this order."""
    if step == Step.RECEIPT:
        return SignatureKind.RECEIPT_ATTEST
    if step == Step.AUTHORISE:
        return SignatureKind.AUTHORISE
    if facts.connected_is_chair:
        return SignatureKind.CHAIR_ATTEST
    if facts.connected_is_board:
        return SignatureKind.BOARD_ATTEST
    return SignatureKind.PAYMENT_ATTEST


def _names(rights: Sequence[Right], kind: str) -> str:
    names = sorted({r.person_name for r in rights if r.kind == kind})
    return ", ".join(names) if names else "ingen"


def _order_state(step: str, facts: OrderFacts) -> str:
    """Why the order is not at a point where `step` can be taken; empty when it is."""
    if facts.status == OrderStatus.PAID:
        return "Ordern är redan utbetald."
    if facts.status == OrderStatus.CANCELLED:
        return "Ordern är makulerad."
    taken = {s.step for s in facts.signatures}
    if step == Step.RECEIPT:
        if Step.RECEIPT in taken:
            return "Ordern är redan mottagningsattesterad."
        if Step.ATTEST in taken:
            return "Ordern är redan betalningsattesterad; mottagningsattest görs före den."
    elif step == Step.ATTEST:
        if Step.ATTEST in taken:
            return "Ordern är redan betalningsattesterad."
    elif step == Step.AUTHORISE:
        if Step.ATTEST not in taken:
            return "Ordern ska betalningsattesteras innan den utanordnas."
    else:
        return "Okänt steg."
    return ""


def check(
    step: str,
    *,
    facts: OrderFacts,
    actor_person_id: int | None,
    rights: Sequence[Right] | None,
) -> AttestVerdict:
    """May the person `actor_person_id` take `step` on the order? `rights` are the lines of
    the order year's adopted list (None when there is no adopted list)."""
    state = _order_state(step, facts)
    if state:
        return refused(state)
    if rights is None:
        return refused(
            f"Det finns ingen antagen signaturlista för {facts.year}. Ingen kan attestera "
            "eller utanordna förrän styrelsen har antagit den."
        )
    if actor_person_id is None:
        return refused(
            "Ditt konto är inte kopplat till en person i förbundet, så det finns ingen "
            "attesträtt att pröva."
        )
    if facts.connected_person_id is not None and actor_person_id == facts.connected_person_id:
        return refused(
            "Du kan inte attestera eller utanordna en utbetalning till dig själv eller som är "
            "förknippad med din egen person. Den ska godkännas av en annan person med rätt "
            "till det."
        )
    kind = needed_kind(step, facts)
    own = [r for r in rights if r.person_id == actor_person_id and r.kind == kind]
    if not own:
        return refused(_no_right(kind, facts, rights))
    covering = [r for r in own if r.max_amount is None or facts.amount <= r.max_amount]
    if not covering:
        highest = max(r.max_amount or 0 for r in own)
        return refused(
            f"Beloppet {format_kronor(facts.amount)} är över ditt maxbelopp per utbetalning "
            f"enligt signaturlistan {facts.year} ({format_kronor(highest)})."
        )
    if step == Step.AUTHORISE:
        for signature in facts.signatures:
            if signature.person_id != actor_person_id:
                continue
            if signature.step == Step.AUTHORISE:
                return refused(
                    "Du har redan utanordnat ordern. Samtliga utbetalningar signeras av två i "
                    "förening: den andra utanordnaren ska vara en annan person."
                )
            return refused(
                "Du har attesterat ordern och kan inte också utanordna den: utanordnaren "
                "kontrollerar att utgiften är attesterad av någon annan."
            )
    # An ordinarie right before a deputy's, so that the record says who really acted.
    right = sorted(covering, key=lambda r: (r.deputy, r.pk))[0]
    return AttestVerdict(right=right)


def _no_right(kind: str, facts: OrderFacts, rights: Sequence[Right]) -> str:
    who = _names(rights, kind)
    if kind == SignatureKind.CHAIR_ATTEST:
        return (
            "Utbetalningen är förknippad med ordföranden och attesteras av den som har attest "
            f"av ordförandens egna utbetalningar enligt signaturlistan {facts.year}: {who}."
        )
    if kind == SignatureKind.BOARD_ATTEST:
        return (
            "Utbetalningen är förknippad med en styrelseledamot och attesteras av den som har "
            f"attest av styrelseledamots utbetalningar enligt signaturlistan {facts.year}: {who}."
        )
    label = SignatureKind(kind).label.lower()
    return (
        f"Du har ingen rätt till {label} enligt signaturlistan {facts.year}. Den rätten har: {who}."
    )


def next_status(step: str, facts: OrderFacts) -> str:
    """The order's status once `step` is taken."""
    if step == Step.RECEIPT:
        return OrderStatus.RECEIVED
    if step == Step.ATTEST:
        return OrderStatus.ATTESTED
    authorised = sum(1 for s in facts.signatures if s.step == Step.AUTHORISE)
    return OrderStatus.PAID if authorised >= 1 else OrderStatus.AUTHORISED_ONCE


def steps_open(facts: OrderFacts) -> list[str]:
    """The steps the order is waiting for (any of them may be taken next)."""
    if facts.status in (OrderStatus.PAID, OrderStatus.CANCELLED):
        return []
    taken = {s.step for s in facts.signatures}
    if Step.ATTEST in taken:
        return [Step.AUTHORISE]
    if Step.RECEIPT in taken:
        return [Step.ATTEST]
    return [Step.RECEIPT, Step.ATTEST]
