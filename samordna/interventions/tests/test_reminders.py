"""Reminders of reports: once before the last day, weekly when overdue, never for a report
handed in; sent to the insatsägare's logins and the application's contact."""

from io import StringIO

import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings

from samordna.accounts.models import Role, User
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.worker import run_queued_tasks
from samordna.interventions.models import Intervention, Report
from samordna.interventions.services import reports
from samordna.interventions.tests.helpers import D, granted
from samordna.interventions.tests.test_reports import TODAY

# The slutrapport of `granted` (2023) is due 60 days after the insats ends: 29 February 2024.
DUE = D(2024, 2, 29)
TEN_DAYS_BEFORE = D(2024, 2, 19)


def remind(case: SamordnaTestCase, day) -> str:
    out = StringIO()
    with case.captureOnCommitCallbacks(execute=True):
        call_command("send_report_reminders", "--datum", day.isoformat(), stdout=out)
    return out.getvalue()


def remind_now(case: SamordnaTestCase, day) -> int:
    with case.captureOnCommitCallbacks(execute=True):
        return reports.reports_remind(today=day)


class ReminderTests(SamordnaTestCase):
    def setUp(self):
        # Only this test's insats is open: the demo's insatser are closed for the test.
        Intervention.objects.update(closed_on=D(2023, 12, 31))
        self.decision = granted(
            self.association, self.office, self.applicant, name="Stöd till arbete"
        )
        self.report = self.decision.reports.get()
        self.colleague = User.objects.create(
            username="kollega",
            email="kollega@sundsvall.se",
            role=Role.APPLICANT,
            association=self.association,
            member=self.applicant.member,
        )
        User.objects.create(
            username="region",
            email="region@rvn.se",
            role=Role.APPLICANT,
            association=self.association,
            member=self.association.members.get(name="Region Västernorrland"),
        )
        User.objects.create(
            username="slutat",
            email="slutat@sundsvall.se",
            role=Role.APPLICANT,
            association=self.association,
            member=self.applicant.member,
            is_active=False,
        )

    def test_a_report_due_in_ten_days_is_reminded_once(self):
        self.assertEqual(remind(self, TEN_DAYS_BEFORE), "Påminnelse skickad om 1 rapport.\n")
        (message,) = mail.outbox
        self.assertEqual(message.to, ["denise.wallen@sundsvall.se", "kollega@sundsvall.se"])
        self.assertEqual(message.subject, "Påminnelse: Slutrapport för Stöd till arbete")
        self.assertIn("senast 29 februari 2024", message.body)
        self.assertIn("Skriv inget om enskilda deltagare.", message.body)
        self.assertEqual(Report.objects.get(pk=self.report.pk).reminded_on, TEN_DAYS_BEFORE)
        self.assertEqual(remind(self, D(2024, 2, 20)), "Ingen rapport behövde påminnas.\n")
        self.assertEqual(len(mail.outbox), 1)

    def test_a_report_is_not_reminded_before_the_förbunds_reminder_days(self):
        self.assertEqual(reports.reports_to_remind(D(2024, 2, 14)), [])
        self.assertEqual(reports.reports_to_remind(D(2024, 2, 15)), [self.report])

    def test_an_overdue_report_is_reminded_again_after_a_week(self):
        self.assertEqual(remind_now(self, D(2024, 3, 1)), 1)
        self.assertEqual(mail.outbox[-1].subject, "Försenad: Slutrapport för Stöd till arbete")
        self.assertIn("och har inte kommit in", mail.outbox[-1].body)
        for day in range(2, 8):
            self.assertEqual(remind_now(self, D(2024, 3, day)), 0)
        self.assertEqual(remind_now(self, D(2024, 3, 8)), 1)
        self.assertEqual(len(mail.outbox), 2)

    def test_a_handed_in_report_is_not_reminded(self):
        goal = self.decision.application.goals.get()
        with time_machine.travel(TODAY, tick=False):
            reports.report_hand_in(
                report=self.report,
                by=self.applicant,
                version=self.report.version,
                results="Insatsen nådde sitt mål.",
                analysis="",
                goals=[reports.GoalReport(goal.pk, fulfilment="reached")],
            )
        mail.outbox.clear()
        self.assertEqual(remind(self, TEN_DAYS_BEFORE), "Ingen rapport behövde påminnas.\n")
        self.assertEqual(remind_now(self, D(2024, 3, 10)), 0)
        self.assertEqual(mail.outbox, [])

    def test_a_closed_insats_is_not_reminded(self):
        intervention = self.report.intervention
        intervention.closed_on = D(2024, 1, 31)
        intervention.save()
        self.assertEqual(remind_now(self, TEN_DAYS_BEFORE), 0)

    def test_a_wrong_date_is_refused_in_swedish(self):
        with self.assertRaisesMessage(CommandError, "”29/2” är inte ett datum."):
            call_command("send_report_reminders", "--datum", "29/2", stdout=StringIO())

    @override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
    def test_with_the_database_backend_the_command_queues_and_the_worker_reminds(self):
        out = StringIO()
        call_command("send_report_reminders", "--datum", TEN_DAYS_BEFORE.isoformat(), stdout=out)
        self.assertTrue(out.getvalue().startswith("Påminnelserna är lagda i kö (uppgift "))
        self.assertIsNone(Report.objects.get(pk=self.report.pk).reminded_on)
        with self.captureOnCommitCallbacks(execute=True):
            run_queued_tasks()
        self.assertEqual(Report.objects.get(pk=self.report.pk).reminded_on, TEN_DAYS_BEFORE)
        run_queued_tasks()  # the e-mail task the reminder queued after its commit
        self.assertEqual(mail.outbox[-1].subject, "Påminnelse: Slutrapport för Stöd till arbete")
