"""Who may search the protocols: as who may read them. The kansli, the board, the auditors
and the finance service read their own förbund's minutes (`meetings` lets the same roles
open a meeting); the public searches only justerade minutes whose anslag has gone up."""

from samordna.accounts.models import User
from samordna.associations.permissions import can_read_registers


def can_search(user: User) -> bool:
    return can_read_registers(user)
