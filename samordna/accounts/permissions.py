"""Access to user administration: the kansli manages its own förbund's users."""

from samordna.accounts.models import Role, User


def can_manage_users(user: User) -> bool:
    return user.role == Role.OFFICE


def is_national_reader(user: User) -> bool:
    return user.is_authenticated and user.role == Role.NATIONAL
