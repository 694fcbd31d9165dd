"""Turns errors caused by the request itself into answers, not server errors."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class OutOfRangeMiddleware:
    """A number in the address or a form too large for the database is a bad request (400).

    PostgreSQL answers such a lookup itself (nothing found); SQLite's driver raises
    OverflowError for an integer above 2**63 - 1, e.g. /insatser/9223372036854775808/.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OverflowError):
            return render(request, "core/bad_request.html", status=400)
        return None
