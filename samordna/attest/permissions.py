"""Who may see and do what in attest and utanordning.

Everyone with a role in the förbund's registers reads the signature lists and the orders
(the revisor included); the kansli keeps the list until it is adopted and registers
invoices and cancels orders. Who may sign an order is not a role but a line in the year's
adopted list: `rules.check` decides it for the user's person.
"""

from django.shortcuts import get_object_or_404

from samordna.accounts.models import Role, User
from samordna.associations.models import Association
from samordna.associations.permissions import REGISTER_READERS, require
from samordna.attest import selectors
from samordna.attest.models import PaymentOrder, SignatureList


def can_read(user: User) -> bool:
    return user.role in REGISTER_READERS


def can_manage(user: User) -> bool:
    return user.role == Role.OFFICE


def may_sign(user: User) -> bool:
    """A user may try to sign when linked to a person; the list says whether it counts.
    The revisor reads and never signs."""
    return user.person_id is not None and user.role in REGISTER_READERS - {Role.AUDITOR}


def list_for(user: User, association: Association, year: int) -> SignatureList:
    require(can_read(user))
    return get_object_or_404(selectors.lists_of(association), year=year)


def order_for(user: User, association: Association, pk: int) -> PaymentOrder:
    require(can_read(user))
    return get_object_or_404(
        selectors.with_details(PaymentOrder.objects.filter(association=association)), pk=pk
    )
