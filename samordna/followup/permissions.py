"""Who may see and enter follow-up figures.

Counts are entered by the insatsägare (for their own insatser) or the kansli, approved by the
kansli. Everyone outside the kansli sees figures with small counts hidden (`suppression`).
As everywhere, another förbund's records are a 404 and a role that may not act gets 403.
"""

from samordna.accounts.models import Role, User
from samordna.associations.permissions import REGISTER_READERS
from samordna.interventions.models import Intervention


def can_read_followup(user: User) -> bool:
    return user.role in REGISTER_READERS or user.role == Role.APPLICANT


def can_enter_counts(user: User, intervention: Intervention) -> bool:
    if user.role == Role.OFFICE:
        return True
    return user.role == Role.APPLICANT and user.member_id == intervention.owner_id


def can_manage_followup(user: User) -> bool:
    """Approve and unlock counts, build surveys, bind goals, change the settings."""
    return user.role == Role.OFFICE


def sees_small_counts(user: User) -> bool:
    """Only the kansli sees counts below the förbund's threshold."""
    return user.role == Role.OFFICE
