"""The navigation each role sees."""

from functools import lru_cache

from django.http import HttpRequest
from django.urls import reverse

from samordna.accounts.models import Role
from samordna.associations.permissions import REGISTER_READERS

# (url name, label, roles that see it or None for all); every link is a förbund page.
NAVIGATION = [
    ("associations:start", "Start", None),
    ("meetings:plan", "Sammanträden", REGISTER_READERS),
    ("interventions:applications", "Ansökningar", REGISTER_READERS | {Role.APPLICANT}),
    ("interventions:register", "Insatser", REGISTER_READERS | {Role.APPLICANT}),
    ("followup:overview", "Uppföljning", REGISTER_READERS | {Role.APPLICANT}),
    ("finance:overview", "Ekonomi", REGISTER_READERS),
    ("reports:list", "Rapporter", {Role.OFFICE, Role.CHAIR, Role.BOARD, Role.AUDITOR}),
    ("associations:board", "Styrelsen", REGISTER_READERS),
    ("associations:members", "Medlemmar", REGISTER_READERS),
    ("associations:people", "Personer", REGISTER_READERS),
    ("associations:staff", "Kansliet", REGISTER_READERS),
    ("control:cycle", "Styrning", REGISTER_READERS),
    ("records:register", "Diarium", REGISTER_READERS),
    ("associations:detail", "Förbundet", REGISTER_READERS),
    ("accounts:users", "Användare", {Role.OFFICE}),
]


@lru_cache(maxsize=1024)
def menu(role: str, slug: str) -> tuple[tuple[str, str], ...]:
    """(address, label) of each link `role` sees in the förbund at `slug`: the same for every
    such user, so reversed once per worker (a dozen `{% url %}` per page cost more than
    the rest of the base layout)."""
    return tuple(
        (reverse(name, args=[slug]), label)
        for name, label, roles in NAVIGATION
        if roles is None or role in roles
    )


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.association_id:
        return {"nav_items": []}
    return {"nav_items": menu(user.role, user.association.slug)}
