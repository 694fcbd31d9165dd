"""Reads for attest and utanordning: the adopted list of a year, an order's facts for the
rules, and what waits for whom. Each read costs a fixed number of queries."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum

from samordna.accounts.models import User
from samordna.associations.cache import per_association
from samordna.associations.models import Association, BoardSeat, SeatPosition
from samordna.attest import rules
from samordna.attest.models import (
    OPEN_STATUSES,
    OrderApproval,
    OrderKind,
    OrderStatus,
    PaymentOrder,
    SignatureList,
    SignatureRight,
    Step,
)
from samordna.core.text import format_kronor


def adopted_list(association_id: int, year: int) -> SignatureList | None:
    return SignatureList.objects.filter(
        association_id=association_id, year=year, adopted_on__isnull=False
    ).first()


def governs_payments(association_id: int, year: int) -> bool:
    """Payments of `year` go through attest and utanordning in Samordna when the förbund
    has adopted a signature list for that year."""
    return adopted_list(association_id, year) is not None


def rights_by_year(association_id: int, years: Iterable[int]) -> dict[int, list[rules.Right]]:
    """The lines of each year's adopted list; a year without one is missing. One query:
    the lists joined to their lines (a list without lines gives one row of nulls)."""
    found: dict[int, list[rules.Right]] = {}
    rows = (
        SignatureList.objects.filter(
            association_id=association_id, year__in=set(years), adopted_on__isnull=False
        )
        .order_by("year", "rights__kind", "rights__role", "rights__pk")
        .values_list(
            "year",
            "rights__pk",
            "rights__person_id",
            "rights__person__first_name",
            "rights__person__last_name",
            "rights__kind",
            "rights__role",
            "rights__max_amount",
        )
    )
    for year, pk, person_id, first_name, last_name, kind, role, max_amount in rows:
        lines = found.setdefault(year, [])
        if pk is not None:
            lines.append(
                rules.Right(
                    pk=pk,
                    person_id=person_id,
                    person_name=f"{first_name} {last_name}",
                    kind=kind,
                    role=role,
                    max_amount=max_amount,
                )
            )
    return found


def board_positions(association_id: int, person_ids: Iterable[int], years: Iterable[int]) -> dict:
    """{(person id, year): (is chair, is board member)} for the board seats that overlap
    each year."""
    ids, years = set(person_ids), set(years)
    positions: dict[tuple[int, int], tuple[bool, bool]] = {}
    if not ids or not years:
        return positions
    seats = BoardSeat.objects.filter(
        association_id=association_id,
        person_id__in=ids,
        starts_on__lte=datetime.date(max(years), 12, 31),
        ends_on__gte=datetime.date(min(years), 1, 1),
    ).values_list("person_id", "position", "starts_on", "ends_on")
    for person_id, position, starts_on, ends_on in seats:
        for year in years:
            if starts_on.year <= year <= ends_on.year:
                chair, _ = positions.get((person_id, year), (False, False))
                positions[(person_id, year)] = (chair or position == SeatPosition.CHAIR, True)
    return positions


def facts_of(
    order: PaymentOrder, positions: dict, approvals: Sequence[OrderApproval]
) -> rules.OrderFacts:
    chair, board = positions.get((order.connected_person_id, order.year), (False, False))
    return rules.OrderFacts(
        year=order.year,
        amount=order.amount,
        status=order.status,
        connected_person_id=order.connected_person_id,
        connected_is_chair=chair,
        connected_is_board=board,
        signatures=tuple(
            rules.Signature(step=a.step, person_id=a.person_id, person_name=a.person.full_name)
            for a in approvals
        ),
    )


@dataclass
class OrderView:
    """An order with what the rules say about it for one user."""

    order: PaymentOrder
    facts: rules.OrderFacts
    approvals: list[OrderApproval]
    verdicts: dict[str, rules.AttestVerdict]  # for each open step

    @property
    def my_steps(self) -> list[str]:
        return [step for step, verdict in self.verdicts.items() if verdict.allowed]

    @property
    def waiting_for(self) -> str:
        return ", ".join(Step(s).label.lower() for s in rules.steps_open(self.facts))


def with_details(queryset: QuerySet[PaymentOrder]) -> QuerySet[PaymentOrder]:
    return queryset.select_related(
        "connected_person", "registered_by", "instalment__grant__decision__application"
    ).prefetch_related("approvals__person", "approvals__user", "approvals__right")


def order_views(orders: Sequence[PaymentOrder], user: User) -> list[OrderView]:
    """What the rules say of each order for `user`, in a fixed number of queries. The
    orders should come through `with_details`."""
    if not orders:
        return []
    association_id = orders[0].association_id
    years = {o.year for o in orders}
    rights = rights_by_year(association_id, years)
    positions = board_positions(
        association_id, {o.connected_person_id for o in orders if o.connected_person_id}, years
    )
    views = []
    for order in orders:
        approvals = list(order.approvals.all())
        facts = facts_of(order, positions, approvals)
        verdicts = {
            step: rules.check(
                step, facts=facts, actor_person_id=user.person_id, rights=rights.get(order.year)
            )
            for step in rules.steps_open(facts)
        }
        views.append(OrderView(order=order, facts=facts, approvals=approvals, verdicts=verdicts))
    return views


def _filtered(association: Association, status: str) -> QuerySet[PaymentOrder]:
    found = PaymentOrder.objects.filter(association=association)
    if status == "open":
        found = found.filter(status__in=OPEN_STATUSES)
    elif status:
        found = found.filter(status=status)
    return found


KIND_LABELS = dict(OrderKind.choices)
STATUS_LABELS = dict(OrderStatus.choices)
STEP_VERBS = {
    Step.RECEIPT: "mottagningsattestera",
    Step.ATTEST: "betalningsattestera",
    Step.AUTHORISE: "utanordna",
}


@dataclass
class OrderRow:
    """An order as a list shows it, and the steps one user may take on it now."""

    pk: int
    registered_on: datetime.date
    kind: str
    payee: str
    connected_person: str  # the full name, or empty
    description: str
    reference: str
    amount: int
    status: str
    my_steps: list[str]
    url: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def amount_text(self) -> str:
        return format_kronor(self.amount)

    @property
    def steps_text(self) -> str:
        """'mottagningsattestera eller betalningsattestera'; empty when none."""
        return " eller ".join(STEP_VERBS[Step(s)] for s in self.my_steps)


ROW_FIELDS = (
    "pk",
    "registered_on",
    "kind",
    "payee",
    "amount",
    "status",
    "description",
    "reference",
    "connected_person_id",
    "connected_person__first_name",
    "connected_person__last_name",
)


def _signed(step: str) -> Subquery:
    """Who took `step` on the order. An open order has each step at most once (the
    second utanordning pays it), and only open orders are judged."""
    return Subquery(
        OrderApproval.objects.filter(order=OuterRef("pk"), step=step).values("person_id")[:1]
    )


def order_rows_of(association: Association, status: str = "") -> QuerySet[PaymentOrder, dict]:
    """The orders a list shows, newest first, as the columns it shows and who has signed
    each step (for a paginator; `order_rows` makes the rows of a page)."""
    return (
        _filtered(association, status)
        .values(*ROW_FIELDS)
        .annotate(**{f"signed_{step}": _signed(step) for step in Step.values})
    )


def order_rows(found: Sequence[dict], association_id: int, user: User) -> list[OrderRow]:
    """The rows of `found` (from `order_rows_of`) with the steps `user` may take, in a
    fixed number of queries."""
    steps = _steps_for(association_id, [o for o in found if o["status"] in OPEN_STATUSES], user)
    return [
        OrderRow(
            pk=o["pk"],
            registered_on=o["registered_on"],
            kind=o["kind"],
            payee=o["payee"],
            connected_person=(
                f"{o['connected_person__first_name']} {o['connected_person__last_name']}"
                if o["connected_person_id"]
                else ""
            ),
            description=o["description"],
            reference=o["reference"],
            amount=o["amount"],
            status=o["status"],
            my_steps=steps.get(o["pk"], []),
        )
        for o in found
    ]


def _steps_for(association_id: int, found: Sequence[dict], user: User) -> dict[int, list[str]]:
    """{order id: the steps `user` may take} for open orders as `order_rows_of` gives them
    (with their signatures): the lines of their years' lists and the board seats of their
    connected people, one query each."""
    if not found or user.person_id is None:
        return {}
    years = {o["registered_on"].year for o in found}
    rights = rights_by_year(association_id, years)
    positions = board_positions(
        association_id,
        {o["connected_person_id"] for o in found if o["connected_person_id"]},
        years,
    )
    steps: dict[int, list[str]] = {}
    for o in found:
        year = o["registered_on"].year
        chair, board = positions.get((o["connected_person_id"], year), (False, False))
        facts = rules.OrderFacts(
            year=year,
            amount=o["amount"],
            status=o["status"],
            connected_person_id=o["connected_person_id"],
            connected_is_chair=chair,
            connected_is_board=board,
            signatures=tuple(
                rules.Signature(step=step, person_id=o[f"signed_{step}"])
                for step in Step.values
                if o[f"signed_{step}"] is not None
            ),
        )
        steps[o["pk"]] = [
            step
            for step in rules.steps_open(facts)
            if rules.check(
                step, facts=facts, actor_person_id=user.person_id, rights=rights.get(year)
            ).allowed
        ]
    return steps


def signers(association: Association) -> frozenset[int]:
    """The persons on a line of any of the förbund's adopted lists: nobody else may take a
    step on any of its orders (`rules.check` looks for the actor's own line). Kept per
    förbund version."""
    return per_association(
        association,
        "attest.signers",
        lambda: frozenset(
            SignatureRight.objects.filter(
                signature_list__association=association,
                signature_list__adopted_on__isnull=False,
            )
            .order_by()
            .values_list("person_id", flat=True)
        ),
    )


def signer_key(association: Association, user: User) -> int:
    """What the order lists depend on of the reader (the steps offered on each row): the
    person when on an adopted list, otherwise 0, the same for every reader who signs
    nothing. For the key of a shared part."""
    person_id = user.person_id
    return person_id if person_id is not None and person_id in signers(association) else 0


def to_handle(association: Association, user: User) -> dict[str, list[OrderRow]]:
    """Open orders the user may sign now, by step."""
    if user.person_id is None:
        return {}
    rows = order_rows(list(order_rows_of(association, "open")), association.pk, user)
    by_step: dict[str, list[OrderRow]] = {step: [] for step in Step.values}
    for row in rows:
        for step in row.my_steps:
            by_step[step].append(row)
    return {step: found for step, found in by_step.items() if found}


def open_for_instalment(instalment_id: int) -> QuerySet[PaymentOrder]:
    return PaymentOrder.objects.filter(instalment_id=instalment_id, status__in=OPEN_STATUSES)


def open_amount_for_instalment(instalment_id: int) -> int:
    total = open_for_instalment(instalment_id).aggregate(total=Sum("amount"))["total"]
    return total or 0


def lists_of(association: Association) -> QuerySet[SignatureList]:
    return SignatureList.objects.filter(association=association).select_related(
        "paragraph__meeting"
    )


def lists_in_brief(association: Association) -> QuerySet[SignatureList]:
    """The lists with what a list of them shows (year, adoption and where): not the
    texts of the § they were adopted in."""
    return lists_of(association).only(
        "year",
        "adopted_on",
        "earlier_reference",
        "paragraph__number",
        "paragraph__meeting__date",
    )


def rights_of(signature_list: SignatureList) -> QuerySet[SignatureRight]:
    return signature_list.rights.select_related("person").order_by("kind", "role", "pk")


def status_counts(association: Association) -> dict[str, int]:
    counts = {s: 0 for s in OrderStatus.values}
    for row in (
        PaymentOrder.objects.filter(association=association)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[row["status"]] = row["n"]
    return counts
