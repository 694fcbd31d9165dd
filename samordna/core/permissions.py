"""Who may follow a background task: the one who started it and the kansli."""

from samordna.accounts.models import Role, User
from samordna.core.models import TaskProgress


def can_follow(user: User, progress: TaskProgress) -> bool:
    return progress.created_by_id == user.pk or user.role == Role.OFFICE
