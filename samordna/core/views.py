from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from samordna.associations.models import Association
from samordna.associations.permissions import association_for, require
from samordna.core import services
from samordna.core.concurrency import versioned_save
from samordna.core.forms import attach_errors
from samordna.core.http import AuthedRequest
from samordna.core.models import TaskProgress
from samordna.core.permissions import can_follow


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


def _progress(request: AuthedRequest, slug: str, pk: int) -> tuple[Association, TaskProgress]:
    association = association_for(request.user, slug)
    progress = get_object_or_404(TaskProgress, pk=pk, association=association)
    require(can_follow(request.user, progress))
    return association, progress


@require_GET
@login_required
def progress(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """How far a background task has come; htmx asks again every second until it is done,
    and without JavaScript the page refreshes itself."""
    association, found = _progress(request, slug, pk)
    context = {"association": association, "progress": found}
    if request.headers.get("HX-Request"):
        return render(request, "core/_progress.html", context)
    return render(request, "core/progress.html", context)


@require_POST
@login_required
def progress_retry(request: AuthedRequest, slug: str, pk: int) -> HttpResponse:
    """Start a failed task again."""
    _, found = _progress(request, slug, pk)
    try:
        services.progress_retry(progress=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("core:progress", slug=slug, pk=pk)
