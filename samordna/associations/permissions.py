"""Who may see and change what inside a förbund.

A user of another förbund gets 404, the same as for something that does not exist;
a user of this förbund whose role does not allow the action gets 403.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404

from samordna.accounts.models import Role, User
from samordna.associations.models import Association

# Roles that read the förbund's registers: members, board, office.
REGISTER_READERS = frozenset({Role.OFFICE, Role.CHAIR, Role.BOARD, Role.AUDITOR, Role.FINANCE})
HISTORY_READERS = frozenset({Role.OFFICE, Role.AUDITOR})


def association_for(user: User, slug: str) -> Association:
    """The förbund at `slug`, if `user` belongs to it; otherwise 404."""
    association = user.association if user.is_authenticated else None
    if association is None or association.slug != slug:
        raise Http404("Sidan finns inte.")
    return association


def association_for_role(user: User, slug: str, allowed: Callable[[User], bool]) -> Association:
    """The förbund at `slug` for a user of it whose role `allowed` admits (an app's
    `can_read`, `can_manage`, …): 404 for a user of another förbund, 403 for a role that may
    not. The one access check at the top of a förbund's page."""
    association = association_for(user, slug)
    require(allowed(user))
    return association


def can_read_registers(user: User) -> bool:
    return user.role in REGISTER_READERS


def can_manage(user: User) -> bool:
    return user.role == Role.OFFICE


def can_see_history(user: User) -> bool:
    return user.role in HISTORY_READERS


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("Din roll ger inte tillgång till det här.")
