"""Who may read the follow-up, import the ledger, forecast and attach the follow-up.

As everywhere: another förbund's user gets 404 (`association_for`); a role of this förbund
that may read but not change gets 403 on a change.
"""

from samordna.accounts.models import Role, User
from samordna.associations.permissions import REGISTER_READERS


def can_read_budget_followup(user: User) -> bool:
    """The kansli, the board, the auditors and the finance service read the follow-up."""
    return user.role in REGISTER_READERS


def can_import(user: User) -> bool:
    """The kansli and the finance service bring in the ledger and map its accounts."""
    return user.role in (Role.OFFICE, Role.FINANCE)


def can_forecast(user: User) -> bool:
    """The forecast is the kansli's judgement."""
    return user.role == Role.OFFICE


def can_attach(user: User) -> bool:
    """Papers for the board's meetings are the kansli's."""
    return user.role == Role.OFFICE
