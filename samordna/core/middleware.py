"""Middleware of Samordna's own."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class OutOfRangeIdMiddleware:
    """A number too large for the database (an id of 2**64 in an address or a form) is a bad
    request, 400, on every database: PostgreSQL refuses it as out of range, but SQLite's
    driver raises OverflowError, which would otherwise be a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OverflowError):
            return render(request, "400.html", status=400)
        return None
