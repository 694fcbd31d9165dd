"""Background tasks every app shares: sending the outbox."""

from django_tasks import task

from samordna.core.models import EmailStatus, OutgoingEmail
from samordna.core.services import email_deliver

# A message that failed this many times waits for someone to retry it by hand.
MAX_ATTEMPTS = 5


@task()
def email_send(*, email_id: int) -> bool:
    """Send one message from the outbox (queued after the commit of its change)."""
    return email_deliver(email_id=email_id)


@task()
def emails_send_waiting() -> int:
    """Send what is still waiting or failed (after a worker or mail server was down)."""
    waiting = OutgoingEmail.objects.filter(
        status__in=[EmailStatus.QUEUED, EmailStatus.FAILED], attempts__lt=MAX_ATTEMPTS
    ).values_list("pk", flat=True)
    return sum(email_deliver(email_id=pk) for pk in list(waiting))
