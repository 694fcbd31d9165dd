"""The outbox: e-mail is queued with the change it tells about, leaves only after the commit,
counts as sent only when the mail server took it, and is sent again without duplicates."""

import datetime
import smtplib
from io import StringIO

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from samordna.accounts.models import User
from samordna.core import services
from samordna.core.models import EmailStatus, OutgoingEmail
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.worker import run_queued_tasks
from samordna.meetings.services import kallelse
from samordna.meetings.tests.helpers import unapproved_copy

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "Service not available")


class Boom(Exception):
    pass


class OutboxTests(SamordnaTestCase):
    def setUp(self):
        november = self.association.meetings.get(date=datetime.date(2022, 11, 25))
        self.meeting = unapproved_copy(november, datetime.date(2022, 12, 16), by=self.office)
        self.association.people.filter(last_name__in=["Nordenö", "Burman"]).update(
            email="styrelsen@example.se"
        )

    def queue(self, key: str = "test:1") -> OutgoingEmail:
        return services.email_queue(
            key=key,
            to=["kansliet@example.se"],
            template="meetings/email/kallelse",
            context={"meeting": self.meeting, "association": self.association},
            association=self.association,
            attachments=[("dagordning.txt", "1. Mötets öppnande".encode(), "text/plain")],
        )

    def test_a_rolled_back_write_sends_nothing(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            try:
                with transaction.atomic():
                    kallelse.kallelse_send(meeting=self.meeting, by=self.office)
                    raise Boom
            except Boom:
                pass
        self.assertEqual(callbacks, [])
        self.assertEqual(mail.outbox, [])
        self.assertFalse(OutgoingEmail.objects.exists())
        self.meeting.refresh_from_db()
        self.assertIsNone(self.meeting.notice_sent_at)

    def test_a_committed_write_sends_after_the_commit_from_the_templates(self):
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            self.queue()
        self.assertEqual(mail.outbox, [])  # not before the commit
        self.assertEqual(len(callbacks), 1)
        callbacks[0]()
        (message,) = mail.outbox
        self.assertTrue(message.subject.startswith("Kallelse till styrelsemöte "))
        self.assertIn(f"Styrelsen för {self.association.name} kallas", message.body)
        self.assertEqual(message.attachments[0][:2], ("dagordning.txt", "1. Mötets öppnande"))
        email = OutgoingEmail.objects.get()
        self.assertEqual((email.status, email.attempts), (EmailStatus.SENT, 1))
        self.assertIsNotNone(email.sent_at)

    def test_the_same_key_is_queued_and_sent_once(self):
        with self.captureOnCommitCallbacks(execute=True):
            first = self.queue()
            second = self.queue()
        self.assertEqual(first.pk, second.pk)
        self.assertEqual(len(mail.outbox), 1)
        self.assertFalse(services.email_deliver(email_id=first.pk))  # already sent
        self.assertEqual(len(mail.outbox), 1)

    def test_a_failing_mail_server_leaves_it_unsent_and_a_retry_sends_it_exactly_once(self):
        with (
            override_settings(EMAIL_BACKEND="samordna.core.tests.test_outbox.RefusingBackend"),
            self.captureOnCommitCallbacks(execute=True),
        ):
            email = self.queue()
        email.refresh_from_db()
        self.assertEqual((email.status, email.attempts), (EmailStatus.FAILED, 1))
        self.assertTrue(email.error.startswith("E-postservern tog inte emot meddelandet: "))
        self.assertIsNone(email.sent_at)
        self.assertEqual(mail.outbox, [])

        with self.captureOnCommitCallbacks(execute=True):
            services.email_retry(email=email)
        email.refresh_from_db()
        self.assertEqual((email.status, email.attempts, email.error), (EmailStatus.SENT, 2, ""))
        self.assertEqual(len(mail.outbox), 1)
        with self.assertRaisesMessage(Exception, "Bara ett meddelande som inte kunde skickas"):
            services.email_retry(email=email)
        self.assertFalse(services.email_deliver(email_id=email.pk))
        self.assertEqual(len(mail.outbox), 1)

    def test_the_daily_command_sends_what_failed_before(self):
        with (
            override_settings(EMAIL_BACKEND="samordna.core.tests.test_outbox.RefusingBackend"),
            self.captureOnCommitCallbacks(execute=True),
        ):
            email = self.queue()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_report_reminders", stdout=StringIO())
        email.refresh_from_db()
        self.assertEqual(email.status, EmailStatus.SENT)
        self.assertEqual([m.to for m in mail.outbox].count(["kansliet@example.se"]), 1)

    def test_the_operator_sends_a_failed_message_again_from_the_admin(self):
        with (
            override_settings(EMAIL_BACKEND="samordna.core.tests.test_outbox.RefusingBackend"),
            self.captureOnCommitCallbacks(execute=True),
        ):
            email = self.queue()
        operator = User.objects.create_superuser(
            "reparatör", "reparator@example.se", "lösenord-för-drift"
        )
        self.client.force_login(operator)
        changelist = reverse("admin:core_outgoingemail_changelist")
        self.assertContains(self.client.get(changelist), "E-postservern tog inte emot")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(changelist, {"action": "send_again", "_selected_action": [email.pk]})
        email.refresh_from_db()
        self.assertEqual(email.status, EmailStatus.SENT)
        self.assertEqual(len(mail.outbox), 1)

    @override_settings(TASKS=DATABASE_TASKS)
    def test_with_the_database_backend_the_worker_sends_it(self):
        with self.captureOnCommitCallbacks(execute=True):
            email = self.queue()
        self.assertEqual(mail.outbox, [])
        email.refresh_from_db()
        self.assertEqual(email.status, EmailStatus.QUEUED)
        run_queued_tasks()
        email.refresh_from_db()
        self.assertEqual(email.status, EmailStatus.SENT)
        self.assertEqual(len(mail.outbox), 1)
