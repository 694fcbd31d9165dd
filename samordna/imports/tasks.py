"""The importer's background work: reading a zip of many old protocols."""

from django_tasks import task

from samordna.accounts.models import User
from samordna.core.services import progress_run
from samordna.imports import services
from samordna.imports.models import ImportBatch


@task()
def zip_read_task(*, progress_id: int, batch_id: int, by_id: int) -> int:
    """Read each protocol of the zip into its own pending import, reporting after each;
    returns how many were read."""
    with progress_run(progress_id) as progress:
        batch = ImportBatch.objects.select_related("association").get(pk=batch_id)
        by = User.objects.get(pk=by_id)

        def report(done: int, total: int, message: str) -> None:
            progress.report(done=done, total=total, message=message[:300])

        result = services.batch_read(batch=batch, by=by, report=report)
        created, refused = len(result.created), len(result.refused)
        message = f"{created} protokoll är inlästa och väntar på granskning."
        if refused:
            message += f" {refused} filer lästes inte; se vilka på importsidan."
        progress.finish(message=message)
        return created
