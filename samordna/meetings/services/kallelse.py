"""Sending the kallelse to the board, now or in the background with its progress."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import (
    Person,
)
from samordna.core.models import TaskProgress
from samordna.core.services import (
    email_queue,
    progress_start,
    save_with_history,
)
from samordna.core.text import format_date
from samordna.meetings.documents import kallelse_pdf
from samordna.meetings.models import (
    Meeting,
)
from samordna.meetings.selectors import (
    board_seats_at,
)

NO_ADDRESSES_MESSAGE = "Ingen i styrelsen har en e-postadress. Lägg in adresserna under Personer."


def kallelse_recipients(meeting: Meeting) -> list[Person]:
    """Ledamöter and ersättare on the meeting's day, with an e-mail address."""
    return [seat.person for seat in board_seats_at(meeting) if seat.person.email]


@transaction.atomic
def kallelse_send(*, meeting: Meeting, by: User, key: str = "") -> int:
    """Queue the kallelse with the agenda as PDF to each of the board and record it as sent,
    in one transaction: the e-mail leaves after the commit. Returns how many get it."""
    recipients = kallelse_recipients(meeting)
    if not recipients:
        raise ValidationError(NO_ADDRESSES_MESSAGE)
    pdf = kallelse_pdf(meeting)
    prefetch_related_objects([meeting], "items")  # the agenda in every message, read once
    meeting.notice_sent_at = timezone.now()
    save_with_history(meeting, by=by, update_fields=["notice_sent_at"])
    key = key or f"{meeting.notice_sent_at:%Y%m%d%H%M%S%f}"
    context = {"meeting": meeting, "association": meeting.association}
    for person in recipients:
        email_queue(
            key=f"kallelse:{meeting.pk}:{person.pk}:{key}",
            to=[person.email],
            template="meetings/email/kallelse",
            context=context,
            association=meeting.association,
            attachments=[(f"kallelse-{meeting.date:%Y-%m-%d}.pdf", pdf, "application/pdf")],
        )
    return len(recipients)


@transaction.atomic
def kallelse_send_start(*, meeting: Meeting, by: User, done_url: str = "") -> TaskProgress:
    """Start sending the kallelse in the background; its page shows how far it has come."""
    if not kallelse_recipients(meeting):
        raise ValidationError(NO_ADDRESSES_MESSAGE)
    return progress_start(
        title=f"Kallelse till sammanträdet {format_date(meeting.date)}",
        task_path="samordna.meetings.tasks.kallelse_send_task",
        arguments={"meeting_id": meeting.pk, "by_id": by.pk},
        by=by,
        association=meeting.association,
        done_url=done_url,
    )
