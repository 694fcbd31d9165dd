"""The progress of a background task: its page shows a bar that htmx refreshes (and, without
JavaScript, the page itself), the outcome, and a failure in Swedish that can be retried."""

import datetime
import io

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from samordna.core import services
from samordna.core.models import STALLED_AFTER, ProgressStatus, TaskProgress
from samordna.core.tests.base import SamordnaTestCase

ATTEMPTS_THAT_FAIL = {"count": 1}


@task()
def count_to(*, progress_id: int, to: int) -> int:
    """A task for the tests: fails while ATTEMPTS_THAT_FAIL counts down, else counts."""
    with services.progress_run(progress_id) as progress:
        if ATTEMPTS_THAT_FAIL["count"] > 0:
            ATTEMPTS_THAT_FAIL["count"] -= 1
            raise ValidationError("Filen gick inte att läsa.")
        for number in range(1, to + 1):
            progress.report(done=number, total=to, message=f"Räknat till {number}.")
        progress.finish(message=f"Räknat till {to}.")
        return to


class ProgressTests(SamordnaTestCase):
    def start(self) -> TaskProgress:
        return services.progress_start(
            title="Räkna",
            task_path="samordna.core.tests.test_progress.count_to",
            arguments={"to": 3},
            by=self.office,
            association=self.association,
            done_url="/klart/",
        )

    def test_a_failed_task_says_why_in_swedish_and_is_retried_from_its_page(self):
        ATTEMPTS_THAT_FAIL["count"] = 1
        with self.captureOnCommitCallbacks(execute=True):
            progress = self.start()
        progress.refresh_from_db()
        self.assertEqual(progress.status, ProgressStatus.FAILED)
        self.assertEqual(progress.error, "Filen gick inte att läsa.")
        self.assertTrue(progress.result_id)
        url = reverse("core:progress", args=["sundsvall", progress.pk])
        self.login(self.office)
        page = self.client.get(url)
        self.assertContains(page, "Filen gick inte att läsa.")
        self.assertContains(page, "Försök igen")
        self.assertNotContains(page, 'http-equiv="refresh"')

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("core:progress_retry", args=["sundsvall", progress.pk])
            )
        self.assertRedirects(response, url)
        progress.refresh_from_db()
        self.assertEqual((progress.status, progress.attempts), (ProgressStatus.DONE, 2))
        self.assertEqual((progress.done, progress.total, progress.percent), (3, 3, 100))
        page = self.client.get(url)
        self.assertContains(page, "Räknat till 3.")
        self.assertContains(page, 'value="100"')
        self.assertContains(page, '<a class="anchor" href="/klart/">Gå vidare</a>', html=True)
        # Only a failed task is started again.
        self.client.post(reverse("core:progress_retry", args=["sundsvall", progress.pk]))
        progress.refresh_from_db()
        self.assertEqual(progress.attempts, 2)

    @override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
    def test_a_queued_task_polls_with_htmx_and_refreshes_without_javascript(self):
        ATTEMPTS_THAT_FAIL["count"] = 0
        with self.captureOnCommitCallbacks(execute=True):
            progress = self.start()
        url = reverse("core:progress", args=["sundsvall", progress.pk])
        self.login(self.office)
        page = self.client.get(url)
        self.assertContains(page, '<noscript><meta http-equiv="refresh" content="2"></noscript>')
        self.assertContains(page, f'hx-get="{url}" hx-trigger="every 1s"')
        self.assertContains(page, "Uppdatera")
        self.assertContains(page, "Räkna: i kö")
        partial = self.client.get(url, headers={"HX-Request": "true"})
        self.assertNotContains(partial, "<html")
        self.assertContains(partial, '<progress id="progress-bar-')

    def test_only_its_starter_and_the_kansli_follow_it_and_another_förbund_gets_404(self):
        ATTEMPTS_THAT_FAIL["count"] = 0
        with self.captureOnCommitCallbacks(execute=True):
            progress = self.start()
        url = reverse("core:progress", args=["sundsvall", progress.pk])
        self.login(self.board)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(url).status_code, 404)
        other = reverse("core:progress", args=[self.other.slug, progress.pk])
        self.assertEqual(self.client.get(other).status_code, 404)
        self.assertEqual(self.client.post(url).status_code, 405)


class StalledTaskTests(SamordnaTestCase):
    """A worker that dies mid-task (killed, the server restarted) leaves its task running for
    ever; after `STALLED_AFTER` without a report the task is reaped and can be retried."""

    def running(self, last_heard: datetime.datetime) -> TaskProgress:
        return TaskProgress.objects.create(
            association=self.association,
            title="Räkna",
            task_path="samordna.core.tests.test_progress.count_to",
            arguments={"to": 2},
            status=ProgressStatus.RUNNING,
            attempts=1,
            created_by=self.office,
            heartbeat_at=last_heard,
        )

    def test_a_task_not_heard_from_is_reaped_and_its_page_offers_a_retry(self):
        now = timezone.now()
        dead = self.running(now - STALLED_AFTER - datetime.timedelta(minutes=1))
        alive = self.running(now - datetime.timedelta(minutes=2))
        url = reverse("core:progress", args=["sundsvall", dead.pk])
        self.login(self.office)
        page = self.client.get(url)
        self.assertContains(page, "bakgrundsprocessen har stannat")
        self.assertContains(page, "Försök igen")
        self.assertNotContains(page, 'http-equiv="refresh"')  # no polling of a dead task
        dead.refresh_from_db()
        self.assertEqual(dead.status, ProgressStatus.RUNNING)  # the page only reads
        self.assertNotContains(
            self.client.get(reverse("core:progress", args=["sundsvall", alive.pk])), "Försök igen"
        )

        out = io.StringIO()
        call_command("reap_tasks", stdout=out)
        self.assertIn("1 avbrutna uppgifter", out.getvalue())
        dead.refresh_from_db()
        alive.refresh_from_db()
        self.assertEqual(
            (dead.status, dead.error), (ProgressStatus.FAILED, services.STALLED_MESSAGE)
        )
        self.assertEqual(alive.status, ProgressStatus.RUNNING)

        ATTEMPTS_THAT_FAIL["count"] = 0
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("core:progress_retry", args=["sundsvall", dead.pk]))
        dead.refresh_from_db()
        self.assertEqual((dead.status, dead.attempts, dead.done), (ProgressStatus.DONE, 2, 2))

    def test_a_stalled_task_can_be_retried_before_it_is_reaped(self):
        dead = self.running(timezone.now() - STALLED_AFTER - datetime.timedelta(minutes=1))
        ATTEMPTS_THAT_FAIL["count"] = 0
        with self.captureOnCommitCallbacks(execute=True):
            services.progress_retry(progress=dead)
        dead.refresh_from_db()
        self.assertEqual(dead.status, ProgressStatus.DONE)
        with self.assertRaises(ValidationError):
            services.progress_retry(progress=self.running(timezone.now()))
