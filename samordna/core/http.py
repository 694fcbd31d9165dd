from django.http import HttpRequest

from samordna.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request behind login_required: its user is a Samordna user."""

    user: User
