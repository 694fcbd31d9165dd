"""The navigation each role sees."""

from django.http import HttpRequest

from samordna.accounts.models import Role

# (url name, label, roles that see it); every link here is a förbund page.
NAVIGATION = [
    ("associations:start", "Start", None),
    (
        "associations:board",
        "Styrelsen",
        {Role.OFFICE, Role.CHAIR, Role.BOARD, Role.AUDITOR, Role.FINANCE},
    ),
    (
        "associations:members",
        "Medlemmar",
        {Role.OFFICE, Role.CHAIR, Role.BOARD, Role.AUDITOR, Role.FINANCE},
    ),
    (
        "associations:people",
        "Personer",
        {Role.OFFICE, Role.CHAIR, Role.BOARD, Role.AUDITOR, Role.FINANCE},
    ),
    (
        "associations:staff",
        "Kansliet",
        {Role.OFFICE, Role.CHAIR, Role.BOARD, Role.AUDITOR, Role.FINANCE},
    ),
    (
        "associations:detail",
        "Förbundet",
        {Role.OFFICE, Role.CHAIR, Role.BOARD, Role.AUDITOR, Role.FINANCE},
    ),
    ("accounts:users", "Användare", {Role.OFFICE}),
]


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.association_id:
        return {"nav_items": []}
    items = [
        (name, label) for name, label, roles in NAVIGATION if roles is None or user.role in roles
    ]
    return {"nav_items": items, "nav_slug": user.association.slug}
