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


def form_saved(
    request: HttpRequest, form: BaseForm, save: Callable[[dict[str, Any]], Any]
) -> tuple[bool, Any]:
    """(True, the service's answer) for a valid POSTed form the service accepts; otherwise
    (False, None) with the service's errors at the form's fields.

    A versioned form is refused if its record was saved by someone else since it was read.
    """
    if request.method != "POST" or not form.is_valid():
        return False, None
    try:
        with versioned_save(form):
            return True, save(form.cleaned_data)
    except ValidationError as error:
        attach_errors(form, error)
        return False, None


def form_page(
    request: HttpRequest,
    *,
    form: BaseForm,
    save: Callable[[dict[str, Any]], Any],
    done_message: str | Callable[[Any], str],
    done_url: str | Callable[[Any], str],
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """The one form page: validate, hand the cleaned data to a service, redirect with a
    message; on errors the page again (400) with the input kept. The message and the address
    may depend on what the service answered (give a function of it)."""
    saved, result = form_saved(request, form, save)
    if saved:
        messages.success(request, done_message(result) if callable(done_message) else done_message)
        return redirect(done_url(result) if callable(done_url) else done_url)
    return form_render(request, template, {**context, "form": form})


def post_action(
    request: HttpRequest,
    run: Callable[[], Any],
    *,
    done_message: str | Callable[[Any], str] | None,
    done_url: str,
) -> HttpResponse:
    """The one POST button: run the service; its refusal becomes an error message and its
    answer a success message (a function of the answer, or none), and either way back to
    the page the button was on."""
    try:
        result = run()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        message = done_message(result) if callable(done_message) else done_message
        if message:
            messages.success(request, message)
    return redirect(done_url)


def move_or_delete_action(
    request: HttpRequest,
    *,
    move: Callable[[bool], Any],
    delete: Callable[[], Any],
    deleted_message: str,
    done_url: str,
) -> HttpResponse:
    """The up, down and delete buttons of a row in an ordered list (`action` in the POST):
    `move(up)` or `delete()` through `post_action`; any other action is refused."""
    action = request.POST.get("action")
    if action in ("up", "down"):
        return post_action(
            request, lambda: move(action == "up"), done_message=None, done_url=done_url
        )
    if action == "delete":
        return post_action(request, delete, done_message=deleted_message, done_url=done_url)
    messages.error(request, "Okänd åtgärd.")
    return redirect(done_url)


def form_render(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """A form page as it stands: 400 after a refused POST, 200 when first shown."""
    status = 400 if request.method == "POST" else 200
    return render(request, template, context, status=status)


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
