"""Write helpers every app's services share, the outbox of e-mail and the progress of
background tasks."""

import datetime
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import models, transaction
from django.db.models import F, Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.module_loading import import_string

from samordna.core.models import (
    STALLED_AFTER,
    EmailStatus,
    OutgoingAttachment,
    OutgoingEmail,
    ProgressStatus,
    TaskProgress,
)

SEND_EMAIL_TASK = "samordna.core.tasks.email_send"


def save_with_history(
    instance: models.Model, *, by: Any, update_fields: list[str] | None = None
) -> None:
    """Validate and save, recording `by` as the author of the history entry."""
    instance.full_clean()
    instance._history_user = by  # type: ignore[attr-defined]
    instance.save(update_fields=update_fields)


def apply_changes(instance: models.Model, fields: dict[str, Any]) -> list[str]:
    """Set the fields whose value differs; return their names (for update_fields)."""
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, fields[name])
    return changed


def delete_with_history(instance: models.Model, *, by: Any) -> None:
    """Delete, recording `by` as the author of the history entry."""
    instance._history_user = by  # type: ignore[attr-defined]
    instance.delete()


# E-mail: queued with the change it tells about, sent by a task after the commit.


def _render_email(template: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """(subject, text, html) from `<template>_subject.txt`, `_body.txt` and, when it exists,
    `_body.html`."""
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}_body.txt", context).strip() + "\n"
    try:
        html = str(render_to_string(f"{template}_body.html", context))
    except TemplateDoesNotExist:
        html = ""
    return subject, body, html


def email_queue(
    *,
    key: str,
    to: Sequence[str],
    template: str,
    context: dict[str, Any],
    association: Any = None,
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> OutgoingEmail:
    """Put a message in the outbox, to be sent when the current transaction commits. The
    same `key` queued again returns the first message: a repeated request sends nothing more."""
    existing = OutgoingEmail.objects.filter(key=key).first()
    if existing is not None:
        return existing
    subject, body, html = _render_email(template, context)
    email = OutgoingEmail.objects.create(
        key=key,
        association=association,
        recipients=sorted(set(to)),
        subject=subject[:300],
        body=body,
        html=html,
    )
    for filename, content, mimetype in attachments:
        attachment = OutgoingAttachment(email=email, filename=filename, mimetype=mimetype)
        attachment.file.save(filename, ContentFile(content), save=False)
        attachment.save()
    enqueue_on_commit(SEND_EMAIL_TASK, email_id=email.pk)
    return email


def email_deliver(*, email_id: int) -> bool:
    """Hand one queued (or failed) message to the mail server; True when it was accepted.
    The row is claimed first, so that two workers never send the same message."""
    claimed = OutgoingEmail.objects.filter(
        pk=email_id, status__in=[EmailStatus.QUEUED, EmailStatus.FAILED]
    ).update(status=EmailStatus.SENDING, attempts=F("attempts") + 1)
    if not claimed:
        return False
    email = OutgoingEmail.objects.get(pk=email_id)
    message = EmailMultiAlternatives(email.subject, email.body, to=email.recipients)
    if email.html:
        message.attach_alternative(email.html, "text/html")
    for attachment in email.attachments.all():
        with attachment.file.open("rb") as stored:
            message.attach(attachment.filename, stored.read(), attachment.mimetype)
    try:
        accepted = get_connection().send_messages([message])
    except Exception as error:  # Any failure of the mail server leaves the row to retry.
        email.status = EmailStatus.FAILED
        email.error = f"E-postservern tog inte emot meddelandet: {error}"
        email.save(update_fields=["status", "error"])
        return False
    if not accepted:
        email.status = EmailStatus.FAILED
        email.error = "E-postservern tog inte emot meddelandet."
        email.save(update_fields=["status", "error"])
        return False
    email.status = EmailStatus.SENT
    email.error = ""
    email.sent_at = timezone.now()
    email.save(update_fields=["status", "error", "sent_at"])
    return True


def email_retry(*, email: OutgoingEmail) -> None:
    """Send a message that could not be sent once more (after the commit)."""
    if email.status != EmailStatus.FAILED:
        raise ValidationError("Bara ett meddelande som inte kunde skickas skickas igen.")
    enqueue_on_commit(SEND_EMAIL_TASK, email_id=email.pk)


# Background tasks with progress.


def enqueue_on_commit(task_path: str, **kwargs: Any) -> None:
    """Queue the task at `task_path` once the current transaction commits; a rolled-back
    change queues nothing. (The path, not the task, so that services need not import tasks.)"""
    transaction.on_commit(lambda: import_string(task_path).enqueue(**kwargs))


def progress_start(
    *,
    title: str,
    task_path: str,
    arguments: dict[str, Any],
    by: Any = None,
    association: Any = None,
    done_url: str = "",
) -> TaskProgress:
    """Record a background task with its progress and queue it after the commit; the task
    is called with `progress_id` and `arguments`."""
    progress = TaskProgress.objects.create(
        title=title,
        task_path=task_path,
        arguments=arguments,
        association=association,
        created_by=by,
        done_url=done_url,
        message="Väntar på att starta.",
    )
    transaction.on_commit(lambda: _progress_enqueue(progress.pk))
    return progress


def _progress_enqueue(progress_id: int) -> None:
    progress = TaskProgress.objects.get(pk=progress_id)
    result = import_string(progress.task_path).enqueue(
        progress_id=progress.pk, **progress.arguments
    )
    TaskProgress.objects.filter(pk=progress_id).update(result_id=str(result.id))


@transaction.atomic
def progress_retry(*, progress: TaskProgress) -> TaskProgress:
    """Start a failed task again with the same arguments; also one whose worker died (see
    `progress_reap`)."""
    current = TaskProgress.objects.select_for_update().get(pk=progress.pk)
    if not current.can_retry:
        raise ValidationError("Bara en uppgift som misslyckades kan startas igen.")
    current.status = ProgressStatus.QUEUED
    current.done = 0
    current.error = ""
    current.message = "Väntar på att starta igen."
    current.finished_at = None
    current.save(update_fields=["status", "done", "error", "message", "finished_at"])
    transaction.on_commit(lambda: _progress_enqueue(current.pk))
    return current


class Progress:
    """What a running task tells its page. Each report is its own write, so call it outside
    the task's transaction: inside, the page would see it only when the work is done."""

    def __init__(self, progress_id: int) -> None:
        self.pk = progress_id

    def report(self, *, done: int, total: int, message: str) -> None:
        TaskProgress.objects.filter(pk=self.pk).update(
            done=done, total=total, message=message, heartbeat_at=timezone.now()
        )

    def finish(self, *, message: str, done_url: str | None = None) -> None:
        fields: dict[str, Any] = {
            "status": ProgressStatus.DONE,
            "message": message,
            "done": F("total"),
            "finished_at": timezone.now(),
        }
        if done_url is not None:
            fields["done_url"] = done_url
        TaskProgress.objects.filter(pk=self.pk).update(**fields)


@contextmanager
def progress_run(progress_id: int) -> Iterator[Progress]:
    """Run a task's body: marks it running, then done, or failed with a Swedish reason (a
    ValidationError's own message, else a general one). The exception is raised again so
    that the task framework records the failure too."""
    progress_reap()
    TaskProgress.objects.filter(pk=progress_id).update(
        status=ProgressStatus.RUNNING,
        attempts=F("attempts") + 1,
        error="",
        message="Arbetet har börjat.",
        heartbeat_at=timezone.now(),
    )
    progress = Progress(progress_id)
    try:
        yield progress
    except ValidationError as error:
        _progress_failed(progress_id, " ".join(error.messages))
        raise
    except Exception as error:
        _progress_failed(
            progress_id,
            f"Ett oväntat fel avbröt arbetet ({type(error).__name__}). Inget av det har "
            "sparats. Försök igen; kvarstår felet, kontakta den som sköter Samordna.",
        )
        raise
    else:
        if not TaskProgress.objects.filter(pk=progress_id, status=ProgressStatus.DONE).exists():
            progress.finish(message="Klart.")


STALLED_MESSAGE = (
    "Arbetet avbröts: bakgrundsprocessen stannade (till exempel vid en omstart av servern) "
    "innan det var klart. Det som görs i ett svep, som en import, är inte sparat till hälften. "
    "Försök igen."
)


def progress_reap(*, now: datetime.datetime | None = None) -> int:
    """Mark the running tasks whose worker died as failed, so that their pages say so and
    offer to start them again. Run by `manage.py reap_tasks` (a timer) and by each worker
    as it starts a task. Returns how many it marked."""
    now = now or timezone.now()
    limit = now - STALLED_AFTER
    stalled = TaskProgress.objects.filter(status=ProgressStatus.RUNNING).filter(
        Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True, created_at__lt=limit)
    )
    return stalled.update(
        status=ProgressStatus.FAILED,
        error=STALLED_MESSAGE,
        message="Arbetet avbröts.",
        finished_at=now,
    )


def _progress_failed(progress_id: int, error: str) -> None:
    TaskProgress.objects.filter(pk=progress_id).update(
        status=ProgressStatus.FAILED,
        error=error,
        message="Arbetet avbröts.",
        finished_at=timezone.now(),
    )
