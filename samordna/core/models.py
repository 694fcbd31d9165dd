"""What every app shares: the outbox of e-mail and the progress of background tasks."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone


class EmailStatus(models.TextChoices):
    QUEUED = "queued", "Väntar på att skickas"
    SENDING = "sending", "Skickas"
    SENT = "sent", "Skickat"
    FAILED = "failed", "Kunde inte skickas"


def attachment_path(instance: "OutgoingAttachment", filename: str) -> str:
    return f"utkorg/{instance.email_id}/{filename}"


class OutgoingEmail(models.Model):
    """One message, queued in the transaction of the change it tells about and sent after
    that transaction commits. Sent means the mail server accepted it."""

    association = models.ForeignKey(
        "associations.Association",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outgoing_emails",
        verbose_name="förbund",
    )
    # Queuing the same key again does nothing: a retried request cannot send twice.
    key = models.CharField("nyckel", max_length=200, unique=True)
    recipients = models.JSONField("mottagare", default=list)
    subject = models.CharField("ämne", max_length=300)
    body = models.TextField("text")
    html = models.TextField("html", blank=True)
    status = models.CharField(
        "status", max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField("försök", default=0)
    error = models.TextField("fel", blank=True)
    created_at = models.DateTimeField("skapat", auto_now_add=True)
    sent_at = models.DateTimeField("skickat", null=True, blank=True)

    class Meta:
        verbose_name = "utgående e-post"
        verbose_name_plural = "utgående e-post"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.recipients)}"


class OutgoingAttachment(models.Model):
    email = models.ForeignKey(OutgoingEmail, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField("filnamn", max_length=200)
    mimetype = models.CharField("filtyp", max_length=100)
    file = models.FileField("fil", upload_to=attachment_path)

    class Meta:
        verbose_name = "bilaga"
        verbose_name_plural = "bilagor"

    def __str__(self) -> str:
        return self.filename


class ProgressStatus(models.TextChoices):
    QUEUED = "queued", "I kö"
    RUNNING = "running", "Pågår"
    DONE = "done", "Klart"
    FAILED = "failed", "Misslyckades"


# A running task reports as it works (every row batch, every recipient); one not heard from
# for this long has lost its worker (killed, the server restarted) and will not finish.
STALLED_AFTER = datetime.timedelta(minutes=15)


class TaskProgress(models.Model):
    """How far a background task has come, shown on its page while it runs; a failed task
    says why in Swedish and can be started again with the same arguments."""

    association = models.ForeignKey(
        "associations.Association",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="task_progress",
        verbose_name="förbund",
    )
    title = models.CharField("uppgift", max_length=200)
    task_path = models.CharField("uppgiftens funktion", max_length=200)
    arguments = models.JSONField("argument", default=dict)
    result_id = models.CharField("körningens id", max_length=64, blank=True)
    status = models.CharField(
        "status", max_length=10, choices=ProgressStatus.choices, default=ProgressStatus.QUEUED
    )
    done = models.PositiveIntegerField("klart", default=0)
    total = models.PositiveIntegerField("totalt", default=0)
    message = models.CharField("lägesbeskrivning", max_length=300, blank=True)
    error = models.TextField("fel", blank=True)
    # Where the user goes when the task is done (the imported year's follow-up, the meeting).
    done_url = models.CharField("sida när det är klart", max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField("försök", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="startad av",
    )
    created_at = models.DateTimeField("skapad", auto_now_add=True)
    heartbeat_at = models.DateTimeField("senast hörd av", null=True, blank=True)
    finished_at = models.DateTimeField("klar", null=True, blank=True)

    class Meta:
        verbose_name = "bakgrundsuppgift"
        verbose_name_plural = "bakgrundsuppgifter"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display().lower()})"

    @property
    def percent(self) -> int:
        if self.status == ProgressStatus.DONE:
            return 100
        if not self.total:
            return 0
        return min(100, self.done * 100 // self.total)

    @property
    def finished(self) -> bool:
        return self.status in (ProgressStatus.DONE, ProgressStatus.FAILED) or self.stalled

    @property
    def stalled(self) -> bool:
        """Running, but its worker has not been heard from in `STALLED_AFTER`: it died."""
        last = self.heartbeat_at or self.created_at
        return (
            self.status == ProgressStatus.RUNNING
            and last is not None
            and timezone.now() - last > STALLED_AFTER
        )

    @property
    def can_retry(self) -> bool:
        return self.status == ProgressStatus.FAILED or self.stalled
