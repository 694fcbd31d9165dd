"""Creating and changing users of a förbund, and the operator's setting up of a new förbund
with its members and its first kansli login."""

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from axes.utils import reset as axes_reset
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from samordna.accounts.models import BOARD_ROLES, UNTIED_ROLES, Role, User
from samordna.associations import services as association_services
from samordna.associations.models import Association
from samordna.core.services import apply_changes, save_with_history

log = logging.getLogger(__name__)
UNLOCK_REASON = "Inloggningsspärren hävdes"


def _check_links(user: User) -> None:
    errors: dict[str, str] = {}
    if user.role in UNTIED_ROLES:
        errors["role"] = (
            f"Rollen {Role(user.role).label.lower()} hör inte till något förbund "
            "och läggs upp centralt."
        )
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


# The operator: a new förbund without the admin.

ASSOCIATION_SETUP_FIELDS = (
    "name",
    "slug",
    "organisation_number",
    "seat",
    "county",
    "email",
    "quorum_rule",
    "substitute_rule",
    "paragraph_numbering",
    "notice_board",
    "minutes_kept_at",
    "opening_style",
    "show_party",
)


@dataclass(frozen=True)
class NewMember:
    kind: str
    name: str
    share_percent: Decimal
    organisation_number: str = ""


def _require_operator(by: User) -> None:
    if by.role != Role.OPERATOR:
        raise PermissionDenied("Bara driften lägger upp och ändrar förbund.")


def association_in_use(association: Association) -> bool:
    """Has the förbund begun to be used? Then its address (kortnamn) may be in bookmarks,
    calendars and links, and stays: someone of it has logged in, or it has a meeting."""
    return (
        association.users.filter(last_login__isnull=False).exists() or association.meetings.exists()
    )


@transaction.atomic
def association_setup(
    *,
    by: User,
    members: list[NewMember],
    office: dict[str, Any],
    password: str,
    **fields: Any,
) -> Association:
    """The operator creates a förbund, its members with their shares of the contributions
    (checked against 50/25/25) and the first kansli login, all at once or nothing."""
    _require_operator(by)
    unknown = set(fields) - set(ASSOCIATION_SETUP_FIELDS)
    if unknown:
        raise ValueError(f"Okända fält: {sorted(unknown)}")
    association = Association(**fields)
    save_with_history(association, by=by)
    if not members:
        raise ValidationError("Ange förbundets medlemmar.")
    names = [member.name for member in members]
    duplicate = next((name for name in names if names.count(name) > 1), None)
    if duplicate is not None:
        raise ValidationError(f"{duplicate} står två gånger bland medlemmarna.")
    created = [
        association_services.member_create(
            association=association,
            by=by,
            kind=member.kind,
            name=member.name,
            organisation_number=member.organisation_number,
        )
        for member in members
    ]
    association_services.member_shares_set(
        association=association,
        by=by,
        shares={m.pk: new.share_percent for m, new in zip(created, members, strict=True)},
    )
    try:
        user_create(association=association, by=by, password=password, role=Role.OFFICE, **office)
    except ValidationError as error:
        # The login's fields sit under "office_" in the operator's form.
        if hasattr(error, "error_dict"):
            raise ValidationError(
                {f"office_{name}": messages for name, messages in error.message_dict.items()}
            ) from error
        raise
    return association


@transaction.atomic
def association_setup_update(*, association: Association, by: User, **fields: Any) -> Association:
    """The operator corrects a förbund's details; its address only until it is in use."""
    _require_operator(by)
    unknown = set(fields) - set(ASSOCIATION_SETUP_FIELDS)
    if unknown:
        raise ValueError(f"Okända fält: {sorted(unknown)}")
    if "slug" in fields and fields["slug"] != association.slug and association_in_use(association):
        raise ValidationError(
            {
                "slug": f"{association.name} används redan under /f/{association.slug}/: "
                "kortnamnet kan inte längre ändras."
            }
        )
    changed = apply_changes(association, fields)
    if changed:
        save_with_history(association, by=by, update_fields=changed)
    return association
