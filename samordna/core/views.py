from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from samordna.core.concurrency import versioned_save
from samordna.core.forms import attach_errors


def form_page(
    request: HttpRequest,
    *,
    form: BaseForm,
    save: Callable[[dict[str, Any]], object],
    done_message: str,
    done_url: str,
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """Validate, hand the cleaned data to a service, redirect; keep the input on errors.

    A versioned form is refused if its record was saved by someone else since it was read.
    """
    if request.method == "POST" and form.is_valid():
        try:
            with versioned_save(form):
                save(form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, done_message)
            return redirect(done_url)
    status = 400 if request.method == "POST" else 200
    return render(request, template, {**context, "form": form}, status=status)
