"""Creating and changing users of a förbund."""

import logging
from typing import Any

from axes.utils import reset as axes_reset
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.models import BOARD_ROLES, Role, User
from samordna.associations.models import Association
from samordna.core.services import apply_changes, save_with_history

log = logging.getLogger(__name__)
UNLOCK_REASON = "Inloggningsspärren hävdes"


def _check_links(user: User) -> None:
    errors: dict[str, str] = {}
    if user.role == Role.NATIONAL:
        errors["role"] = "Nationella läsare hör inte till något förbund och läggs upp centralt."
    if user.role == Role.APPLICANT and user.member is None:
        errors["member"] = "Ange hos vilken medlem den sökande arbetar."
    if user.role in BOARD_ROLES and user.person is None:
        errors["person"] = "Koppla ledamoten till sin person i styrelsen."
    if user.person is not None and user.person.association_id != user.association_id:
        errors["person"] = "Personen hör inte till det här förbundet."
    if user.member is not None and user.member.association_id != user.association_id:
        errors["member"] = "Medlemmen hör inte till det här förbundet."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def user_create(*, association: Association, by: User, password: str, **fields: Any) -> User:
    """Give someone a login to the förbund with one role."""
    user = User(association=association, **fields)
    _check_links(user)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    save_with_history(user, by=by)
    return user


@transaction.atomic
def user_update(*, user: User, by: User, **fields: Any) -> User:
    """Change a user's role, links or whether the login is active."""
    if user.pk == by.pk and (
        fields.get("is_active") is False or fields.get("role", user.role) != user.role
    ):
        raise ValidationError("Du kan inte ändra din egen roll eller stänga av ditt eget konto.")
    changed = apply_changes(user, fields)
    if changed:
        _check_links(user)
        save_with_history(user, by=by, update_fields=changed)
    return user


@transaction.atomic
def user_unlock(*, user: User, by: User) -> int:
    """Lift a user's login lockout from every address; the user's history says who did."""
    if by.association_id is None or user.association_id != by.association_id:
        raise ValidationError("Du kan bara häva spärren för användare i ditt eget förbund.")
    removed = axes_reset(username=user.username)
    user._change_reason = UNLOCK_REASON  # type: ignore[attr-defined]
    save_with_history(user, by=by)
    log.info("Login lockout of %s lifted by %s (%d records)", user.username, by.username, removed)
    return removed
