"""Access to user administration: the kansli manages its own förbund's users."""

from samordna.accounts.models import Role, User


def can_manage_users(user: User) -> bool:
    return user.role == Role.OFFICE


def is_national_reader(user: User) -> bool:
    return user.is_authenticated and user.role == Role.NATIONAL


def is_operator(user: User) -> bool:
    """The operator of the installation sets up new förbund; tied to none of them."""
    return user.is_authenticated and user.role == Role.OPERATOR
