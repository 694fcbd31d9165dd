"""Reads for attest and utanordning: the adopted list of a year, an order's facts for the
rules, and what waits for whom. Each read costs a fixed number of queries."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum

from samordna.accounts.models import User
from samordna.associations.models import Association, BoardSeat, SeatPosition
from samordna.attest import rules
from samordna.attest.models import (
    OPEN_STATUSES,
    OrderApproval,
    OrderStatus,
    PaymentOrder,
    SignatureList,
    SignatureRight,
    Step,
)


def adopted_list(association_id: int, year: int) -> SignatureList | None:
    return SignatureList.objects.filter(
        association_id=association_id, year=year, adopted_on__isnull=False
    ).first()


def governs_payments(association_id: int, year: int) -> bool:
    """Payments of `year` go through attest and utanordning in Samordna when the förbund
    has adopted a signature list for that year."""
    return adopted_list(association_id, year) is not None


def as_rules(rights: Iterable[SignatureRight]) -> list[rules.Right]:
    return [
        rules.Right(
            pk=r.pk,
            person_id=r.person_id,
            person_name=r.person.full_name,
            kind=r.kind,
            role=r.role,
            max_amount=r.max_amount,
        )
        for r in rights
    ]


def rights_by_year(association_id: int, years: Iterable[int]) -> dict[int, list[rules.Right]]:
    """The lines of each year's adopted list; a year without one is missing."""
    found: dict[int, list[rules.Right]] = {}
    lists = SignatureList.objects.filter(
        association_id=association_id, year__in=set(years), adopted_on__isnull=False
    )
    for signature_list in lists:
        found[signature_list.year] = []
    rights = SignatureRight.objects.filter(signature_list__in=lists).select_related(
        "person", "signature_list"
    )
    for right in rights:
        found[right.signature_list.year].append(*as_rules([right]))
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


def orders_of(association: Association, status: str = "") -> QuerySet[PaymentOrder]:
    found = PaymentOrder.objects.filter(association=association)
    if status == "open":
        found = found.filter(status__in=OPEN_STATUSES)
    elif status:
        found = found.filter(status=status)
    return with_details(found)


def to_handle(association: Association, user: User) -> dict[str, list[OrderView]]:
    """Open orders the user may sign now, by step."""
    if user.person_id is None:
        return {}
    views = order_views(list(orders_of(association, "open")), user)
    by_step: dict[str, list[OrderView]] = {step: [] for step in Step.values}
    for view in views:
        for step in view.my_steps:
            by_step[step].append(view)
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
