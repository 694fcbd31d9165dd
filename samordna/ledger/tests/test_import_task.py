"""The import runs as a background task: the request that starts it answers at once, the
task imports all or nothing, a failure says why in Swedish and is retried from its page."""

from unittest import mock

from django.core.exceptions import ValidationError
from django.test import override_settings

from samordna.core.models import ProgressStatus, TaskProgress
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.worker import run_queued_tasks
from samordna.ledger import services
from samordna.ledger.models import (
    AccountMapping,
    ImportStatus,
    LedgerImport,
    LedgerTransaction,
)
from samordna.ledger.tests.helpers import fresh_budget, upload
from samordna.ledger.tests.test_imports import GOOD

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class ImportTaskTests(SamordnaTestCase):
    def setUp(self):
        self.lines = fresh_budget(self.association)
        self.pending = services.import_upload(
            association=self.association, year=2023, by=self.finance, file=upload("b.se", GOOD)
        )
        self.choices = {
            3010: f"line:{self.lines['Försäkringskassan/Arbetsförmedlingen'].pk}",
            5010: f"line:{self.lines['Lokalkostnader'].pk}",
            6550: f"line:{self.lines['Konsulter'].pk}",
            4010: "insats",
        }
        self.detail = self.url(f"ekonomi/uppfoljning/import/{self.pending.pk}/")
        self.form = {"importera": "1", **{f"konto_{a}": c for a, c in self.choices.items()}}

    @override_settings(TASKS=DATABASE_TASKS)
    def test_the_request_only_queues_the_import_and_the_worker_does_it(self):
        self.login(self.finance)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.detail, self.form)
        progress = TaskProgress.objects.get(association=self.association)
        self.assertRedirects(
            response, self.url(f"uppgifter/{progress.pk}/"), fetch_redirect_response=False
        )
        self.pending.refresh_from_db()
        self.assertEqual(self.pending.status, ImportStatus.PENDING)
        self.assertEqual(progress.status, ProgressStatus.QUEUED)
        self.assertContains(self.client.get(response["Location"]), "Väntar på att starta.")

        run_queued_tasks()
        progress.refresh_from_db()
        self.assertEqual((progress.status, progress.percent), (ProgressStatus.DONE, 100))
        self.pending.refresh_from_db()
        self.assertEqual(self.pending.status, ImportStatus.IMPORTED)
        self.assertEqual(LedgerTransaction.objects.filter(ledger_import=self.pending).count(), 8)
        self.assertTrue(progress.done_url.endswith("?datum=2023-01-31"))

    def test_a_failure_half_way_imports_nothing_and_a_retry_imports_it(self):
        self.login(self.finance)
        real = services.save_with_history

        def fail_on_the_import(instance, **kwargs):
            if isinstance(instance, LedgerImport) and instance.status == ImportStatus.IMPORTED:
                raise OSError("disk full")
            return real(instance, **kwargs)

        with (
            mock.patch.object(services, "save_with_history", fail_on_the_import),
            self.captureOnCommitCallbacks(execute=True),
        ):
            self.client.post(self.detail, self.form)
        progress = TaskProgress.objects.get(association=self.association)
        self.assertEqual(progress.status, ProgressStatus.FAILED)
        self.assertIn(
            "Ett oväntat fel avbröt arbetet (OSError). Inget av det har sparats.", progress.error
        )
        self.assertFalse(LedgerTransaction.objects.filter(ledger_import=self.pending).exists())
        self.pending.refresh_from_db()
        self.assertEqual(self.pending.status, ImportStatus.PENDING)
        page = self.client.get(self.url(f"uppgifter/{progress.pk}/"))
        self.assertContains(page, "Försök igen")

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url(f"uppgifter/{progress.pk}/igen/"))
        progress.refresh_from_db()
        self.assertEqual((progress.status, progress.attempts), (ProgressStatus.DONE, 2))
        self.assertEqual(LedgerTransaction.objects.filter(ledger_import=self.pending).count(), 8)

    def test_an_unmapped_account_refuses_the_import_and_keeps_the_other_mappings(self):
        self.login(self.finance)
        form = {**self.form, "konto_6550": ""}
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.detail, form)
        page = self.client.get(response["Location"])
        self.assertContains(page, "Konto 6550 Konsultarvoden saknar koppling")
        self.assertContains(page, "Försök igen")
        self.assertFalse(LedgerTransaction.objects.filter(ledger_import=self.pending).exists())
        # The choices made are remembered, so the import page asks only for the missing one.
        self.assertEqual(
            sorted(
                AccountMapping.objects.filter(association=self.association).values_list(
                    "account", flat=True
                )
            ),
            [3010, 4010, 5010],
        )

    def test_a_line_outside_the_years_budget_is_refused_before_anything_starts(self):
        self.login(self.finance)
        response = self.client.post(self.detail, {**self.form, "konto_6550": "line:999999"})
        self.assertRedirects(response, self.detail, fetch_redirect_response=False)
        page = self.client.get(self.detail)
        self.assertContains(page, "Välj en rad i årets budget")
        self.assertFalse(TaskProgress.objects.exists())

    def test_a_handled_file_is_not_started_again(self):
        with self.captureOnCommitCallbacks(execute=True):
            services.import_start(ledger_import=self.pending, by=self.finance, choices=self.choices)
        with self.assertRaisesMessage(ValidationError, "Filen är redan hanterad"):
            services.import_start(ledger_import=self.pending, by=self.finance)
        self.login(self.finance)
        response = self.client.post(self.detail, self.form, follow=True)
        self.assertContains(response, "Filen är redan hanterad")
        self.assertEqual(TaskProgress.objects.count(), 1)
