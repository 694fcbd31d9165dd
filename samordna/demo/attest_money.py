"""Attest and utanordning in the demo.

Sundsvall's signature list for 2023 (Bilaga 7, with the attest instruction of Bilaga 6),
adopted in § 129 of 2022-11-25:

- Christina Nordenö, ordförande: betalningsattest, not her own travel claims or expenses;
  Jonas Väst, vice ordförande, her ersättare, and attestant of her own claims.
- Attest of a board member's payments: the chair, the vice chair as ersättare (Bilaga 6).
- Mottagningsattest: Jan Andersson (verkställande tjänsteman) and Emil Ulander
  (utvecklingsledare).
- Utanordning: Servicecenter Ekonomi, Sundsvalls kommun, two in concert. The seeds name the
  unit, not the people: Maria Sjöberg and Anders Lund are antagna i demon.

Sundsvall's insats payments of 2023 go through orders (`pay_instalment`, called from
`samordna.demo.interventions`); three invoices wait for attest and utanordning, so the pages
show work to do, and a travel claim of the chair shows the vice chair's attest.
Härnösand–Timrå has no list in the seeds: its payments are recorded directly.
"""

import datetime

from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association, Person
from samordna.attest import selectors, services
from samordna.attest.models import (
    OrderKind,
    PaymentOrder,
    RightRole,
    SignatureKind,
    SignatureList,
    Step,
)
from samordna.interventions.models import Instalment
from samordna.interventions.services import grants
from samordna.meetings.models import Paragraph

D = datetime.date
OFFICE = "jan.andersson"
ATTESTANT = "christina.nordeno"
VICE_CHAIR = "jonas.vast"
RECEIVERS = ("jan.andersson", "emil.ulander")
AUTHORISERS = ("ekonomi.sundsvall", "ekonomi2.sundsvall")
ECONOMY = "Servicecenter Ekonomi, Sundsvalls kommun"
NOT_HER_OWN = "Gäller ej Christina Nordenös reseräkningar eller kontantutlägg"

# (person, title, kind, role, note)
SUNDSVALL_2023 = [
    (
        "Christina Nordenö",
        "Ordförande",
        SignatureKind.PAYMENT_ATTEST,
        RightRole.ORDINARY,
        NOT_HER_OWN,
    ),
    ("Jonas Väst", "Vice ordförande", SignatureKind.PAYMENT_ATTEST, RightRole.DEPUTY, ""),
    (
        "Jonas Väst",
        "Vice ordförande",
        SignatureKind.CHAIR_ATTEST,
        RightRole.ORDINARY,
        "Avser Christina Nordenös reseräkningar och kontantutlägg.",
    ),
    ("Christina Nordenö", "Ordförande", SignatureKind.BOARD_ATTEST, RightRole.ORDINARY, "Bilaga 6"),
    ("Jonas Väst", "Vice ordförande", SignatureKind.BOARD_ATTEST, RightRole.DEPUTY, "Bilaga 6"),
    (
        "Jan Andersson",
        "Verkställande tjänsteman",
        SignatureKind.RECEIPT_ATTEST,
        RightRole.ORDINARY,
        "",
    ),
    ("Emil Ulander", "Utvecklingsledare", SignatureKind.RECEIPT_ATTEST, RightRole.ORDINARY, ""),
    (
        "Maria Sjöberg",
        ECONOMY,
        SignatureKind.AUTHORISE,
        RightRole.ORDINARY,
        "Samtliga utbetalningar: två i förening. Namnet antaget i demon.",
    ),
    (
        "Anders Lund",
        ECONOMY,
        SignatureKind.AUTHORISE,
        RightRole.ORDINARY,
        "Samtliga utbetalningar: två i förening. Namnet antaget i demon.",
    ),
]


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _person(association: Association, full_name: str) -> Person:
    first, _, last = full_name.rpartition(" ")
    return Person.objects.get(association=association, first_name=first, last_name=last)


def _sundsvall_list(association: Association) -> None:
    if SignatureList.objects.filter(association=association, year=2023).exists():
        return
    office = _user(OFFICE)
    signature_list = services.list_create(
        association=association,
        year=2023,
        by=office,
        note="Signaturlista 2023 (Bilaga 7) med attest- och utanordningsinstruktionen (Bilaga 6).",
    )
    for name, title, kind, role, note in SUNDSVALL_2023:
        services.right_add(
            signature_list=signature_list,
            by=office,
            person=_person(association, name),
            title=title,
            kind=kind,
            role=role,
            note=note,
        )
    paragraph = Paragraph.objects.get(
        meeting__association=association, meeting__date=D(2022, 11, 25), number=129
    )
    services.list_adopt(signature_list=signature_list, by=office, paragraph=paragraph)


def _sign(order: PaymentOrder, step: str, username: str, at: datetime.datetime) -> None:
    services.order_approve(
        order=order,
        step=step,
        by=_user(username),
        token=f"demo-{order.pk}-{step}-{username}",
        at=at,
    )


def _through(
    order: PaymentOrder,
    *,
    received: datetime.date | None,
    attested: datetime.date | None,
    authorised: tuple[datetime.date | None, datetime.date | None],
    attestant: str = ATTESTANT,
) -> None:
    """Sign the order's steps on the given days; None leaves the step waiting."""
    if received:
        _sign(order, Step.RECEIPT, RECEIVERS[0], _at(received, 9))
    if attested:
        _sign(order, Step.ATTEST, attestant, _at(attested, 11))
    for username, day in zip(AUTHORISERS, authorised, strict=True):
        if day:
            _sign(
                order, Step.AUTHORISE, username, _at(day, 13 if username == AUTHORISERS[0] else 14)
            )


def pay_instalment(
    instalment: Instalment,
    *,
    by: User,
    amount: int,
    paid_on: datetime.date,
    reference: str,
    invoice: bool = False,
) -> None:
    """Pay a part of an insats's plan as the förbund would on `paid_on`: through an order
    attested and authorised by the list's people when the year has an adopted list,
    otherwise recorded directly (antaget i demon)."""
    association_id = instalment.grant.decision.association_id
    if not selectors.governs_payments(association_id, paid_on.year):
        grants.payment_record(
            instalment=instalment,
            by=by,
            amount=amount,
            paid_on=paid_on,
            token=f"demo-{instalment.pk}",
            reference=reference,
        )
        return
    order = services.insats_order_request(
        instalment=instalment,
        amount=amount,
        reference=reference,
        by=_user(OFFICE),
        token=f"demo-order-{instalment.pk}",
        registered_on=paid_on - datetime.timedelta(days=10),
    )
    _through(
        order,
        received=paid_on - datetime.timedelta(days=9) if invoice else None,
        attested=paid_on - datetime.timedelta(days=6),
        authorised=(paid_on, paid_on),
    )


def _order(association: Association, token: str, **fields) -> PaymentOrder:
    return services.order_create(
        association=association, by=_user(OFFICE), token=f"demo-{token}", **fields
    )


def _sundsvall_orders(association: Association) -> None:
    chair = _person(association, "Christina Nordenö")
    travel = _order(
        association,
        "travel-2023-09",
        kind=OrderKind.FEE,
        payee="Christina Nordenö",
        amount=1_240,
        connected_person=chair,
        description="Reseräkning, Finsamkonferensen i Stockholm 2023-09-14 (antaget i demon)",
        reference="Reseräkning 2023-09",
        registered_on=D(2023, 9, 20),
        due_on=D(2023, 10, 25),
    )
    _through(
        travel,
        received=None,
        attested=D(2023, 9, 22),
        authorised=(D(2023, 9, 27), D(2023, 9, 27)),
        attestant=VICE_CHAIR,
    )
    accounting = _order(
        association,
        "invoice-2023-ekonomi",
        kind=OrderKind.INVOICE,
        payee="Sundsvalls kommun",
        amount=48_000,
        connected_person=None,
        description="Köpt ekonomiadministration andra halvåret 2023 (antaget i demon)",
        reference="Faktura 4410233",
        registered_on=D(2023, 12, 8),
        due_on=D(2023, 12, 29),
    )
    _through(accounting, received=D(2023, 12, 11), attested=None, authorised=(None, None))
    planning = _order(
        association,
        "invoice-2023-planeringsdag",
        kind=OrderKind.INVOICE,
        payee="Konferens Skeppsbron AB",
        amount=7_850,
        connected_person=None,
        description="Lokal och förtäring, styrelsens planeringsdag 2023-11-17 (antaget i demon)",
        reference="Faktura 20231187",
        registered_on=D(2023, 11, 27),
        due_on=D(2023, 12, 27),
    )
    _through(planning, received=D(2023, 11, 28), attested=D(2023, 11, 30), authorised=(None, None))
    printing = _order(
        association,
        "invoice-2023-tryck",
        kind=OrderKind.INVOICE,
        payee="Tryckeriet i Sundsvall AB",
        amount=3_125,
        connected_person=None,
        description="Tryck av verksamhetsberättelsen 2022 (antaget i demon)",
        reference="Faktura 77125",
        registered_on=D(2023, 12, 4),
        due_on=D(2024, 1, 3),
    )
    _through(
        printing,
        received=D(2023, 12, 5),
        attested=D(2023, 12, 6),
        authorised=(None, D(2023, 12, 7)),
    )


def load_attest(associations: dict[str, Association]) -> None:
    """Sundsvall's adopted 2023 list and its orders; load twice, change nothing."""
    sundsvall = associations["sundsvall"]
    _sundsvall_list(sundsvall)
    _sundsvall_orders(sundsvall)
