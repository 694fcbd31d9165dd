"""Who may see and change the fee lists.

The förbund's readers (kansli, board, auditors, ekonomi) read the lists; the kansli enters
claims for anyone, fastställer and reopens lists and sets the rates; a board member (with a
person in the register) enters claims only for themselves, for meetings they attended.
Another förbund's records are a 404, a role that may not act a 403.
"""

from django.shortcuts import get_object_or_404

from samordna.accounts.models import BOARD_ROLES, Role, User
from samordna.associations.models import Association
from samordna.associations.permissions import REGISTER_READERS
from samordna.fees.models import ExpenseClaim
from samordna.meetings.models import Meeting


def can_read_fees(user: User) -> bool:
    return user.role in REGISTER_READERS


def can_manage_fees(user: User) -> bool:
    """Enter claims for anyone, fastställa and reopen lists, set the rates."""
    return user.role == Role.OFFICE


def can_claim_for_self(user: User) -> bool:
    return user.role in BOARD_ROLES and user.person_id is not None


def can_edit_claim(user: User, claim: ExpenseClaim) -> bool:
    if can_manage_fees(user):
        return True
    return can_claim_for_self(user) and claim.person_id == user.person_id


def meeting_for(association: Association, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("association"), association=association, pk=pk
    )


def claim_for(association: Association, pk: int) -> ExpenseClaim:
    return get_object_or_404(
        ExpenseClaim.objects.select_related("meeting", "person"), association=association, pk=pk
    )
