"""Builders for the attest tests: the demo's people and an order to sign."""

import datetime
import uuid
import zoneinfo

from samordna.accounts.models import User
from samordna.associations.models import Association, Person
from samordna.attest import services
from samordna.attest.models import OrderKind, PaymentOrder

D = datetime.date
OCTOBER_2023 = D(2023, 10, 2)
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def token() -> str:
    return uuid.uuid4().hex


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM)


def user(username: str) -> User:
    return User.objects.get(username=username)


def person(association: Association, last_name: str) -> Person:
    return association.people.get(last_name=last_name)


def invoice(
    association: Association,
    *,
    amount: int = 12_500,
    registered_on: datetime.date = OCTOBER_2023,
    connected_person: Person | None = None,
    kind: str = OrderKind.INVOICE,
    payee: str = "Kontorsmaterial i Norr AB",
) -> PaymentOrder:
    return services.order_create(
        association=association,
        kind=kind,
        payee=payee,
        amount=amount,
        connected_person=connected_person,
        description="Kontorsmaterial hösten 2023",
        reference="Faktura 1001",
        by=user("jan.andersson"),
        registered_on=registered_on,
        due_on=registered_on + datetime.timedelta(days=30),
    )
