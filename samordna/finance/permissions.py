"""Who may see and change the förbund's money: the board, auditors and the finance
service read; the kansli changes; the finance service also records contributions that
arrived."""

from samordna.accounts.models import Role, User
from samordna.associations.permissions import REGISTER_READERS

FINANCE_READERS = REGISTER_READERS
PAYMENT_RECORDERS = frozenset({Role.OFFICE, Role.FINANCE})


def can_read_finance(user: User) -> bool:
    return user.role in FINANCE_READERS


def can_manage_finance(user: User) -> bool:
    return user.role == Role.OFFICE


def can_record_contribution(user: User) -> bool:
    return user.role in PAYMENT_RECORDERS
