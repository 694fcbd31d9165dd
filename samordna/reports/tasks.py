"""The reports' background work: locking a decided report, which renders it as PDF/A and
Word (a 30-page årsredovisning takes seconds, longer than a request should)."""

from django.urls import reverse
from django_tasks import task

from samordna.accounts.models import User
from samordna.core.services import progress_run
from samordna.reports import services
from samordna.reports.models import AssociationReport


@task()
def report_lock_task(*, progress_id: int, report_id: int, by_id: int) -> int:
    """Lock the report and keep its documents; returns the report's id."""
    with progress_run(progress_id) as progress:
        report = AssociationReport.objects.select_related("association").get(pk=report_id)
        by = User.objects.get(pk=by_id)
        progress.report(done=0, total=1, message="Skapar PDF/A och Word.")
        report = services.report_lock(report=report, by=by)
        progress.finish(
            message=f"{report.title} är låst och sparad som PDF/A och Word.",
            done_url=reverse("reports:detail", args=[report.association.slug, report.pk]),
        )
        return report.pk
