"""The progress page of background tasks in the browser tests: one task waiting, one done
and one failed, as the kansli and the ekonomi who started them see them."""

from functools import cached_property

from django.urls import reverse

from samordna.accounts.models import User
from samordna.core.models import ProgressStatus, TaskProgress
from samordna.core.tests.browser_pages import AppPages


class TaskPages(AppPages):
    prefixes = ("core:",)
    role_pages = {"jan.andersson": ["core:progress"], "ekonomi.sundsvall": ["core:progress"]}
    not_pages = {"core:progress_retry"}

    @cached_property
    def tasks(self) -> list[TaskProgress]:
        finance = User.objects.get(username="ekonomi.sundsvall")
        followup = reverse("ledger:followup", args=[self.slug])
        imports = reverse("ledger:imports", args=[self.slug])
        common = {
            "association": self.association,
            "created_by": finance,
            "task_path": "samordna.ledger.tasks.ledger_import_task",
            "title": "Import av bokföringen för 2023: bokforing.se",
        }
        return [
            TaskProgress.objects.create(
                **common, status=ProgressStatus.RUNNING, done=1, total=2, message="Filen läses."
            ),
            TaskProgress.objects.create(
                **common,
                status=ProgressStatus.DONE,
                done=2,
                total=2,
                message="Bokföringen för 2023 är importerad (180 transaktioner).",
                done_url=followup,
            ),
            TaskProgress.objects.create(
                **common,
                status=ProgressStatus.FAILED,
                message="Arbetet avbröts.",
                error="Konto 6550 Konsultarvoden saknar koppling.",
                done_url=imports,
            ),
        ]

    def paths(self, name: str, username: str) -> list[str]:
        return [reverse(name, args=[self.slug, task.pk]) for task in self.tasks]

    def history_pk(self, kind: str) -> int:
        raise AssertionError(f"Ingen historik för {kind}")
