"""The login lockout (django-axes) with a second rule: besides five failures for one
username from one address, twenty failures from one address across usernames lock that
address. The kansli can lift a user's lockout (`services.user_unlock`)."""

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def address_failures(request: HttpRequest) -> int:
    """Failed logins from the request's client address within the cool-off, any username."""
    attempts = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,  # type: ignore[attr-defined]
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def locked_usernames(usernames: list[str]) -> set[str]:
    """Of `usernames`, those locked out from some address now."""
    cool_off = get_cool_off()
    threshold = timezone.now() - cool_off if cool_off else None
    attempts = AccessAttempt.objects.filter(
        username__in=usernames, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    )
    if threshold is not None:
        attempts = attempts.filter(attempt_time__gte=threshold)
    return set(attempts.values_list("username", flat=True))


def _address_locked(request: Any) -> bool:
    if address_failures(request) < settings.SAMORDNA_ADDRESS_FAILURE_LIMIT:
        return False
    # Axes answers with the lockout page only when this flag is set.
    request.axes_locked_out = True
    request.samordna_address_locked = True
    return True


class LockoutHandler(AxesDatabaseHandler):
    def is_locked(self, request: Any, credentials: dict | None = None) -> bool:
        return super().is_locked(request, credentials) or _address_locked(request)

    def user_login_failed(self, sender: Any, credentials: dict, request: Any = None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and not getattr(request, "axes_locked_out", False):
            _address_locked(request)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    return render(
        request,
        "accounts/locked_out.html",
        {
            "by_address": getattr(request, "samordna_address_locked", False),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "address_limit": settings.SAMORDNA_ADDRESS_FAILURE_LIMIT,
        },
        status=429,
    )
