"""The meetings' background work: sending the kallelse with its PDF."""

from django_tasks import task

from samordna.accounts.models import User
from samordna.core.services import progress_run
from samordna.meetings.models import Meeting
from samordna.meetings.services.kallelse import kallelse_recipients, kallelse_send


@task()
def kallelse_send_task(*, progress_id: int, meeting_id: int, by_id: int) -> int:
    """Make the kallelse's PDF and queue it to the board, reporting to the page."""
    with progress_run(progress_id) as progress:
        meeting = Meeting.objects.select_related("association").get(pk=meeting_id)
        by = User.objects.get(pk=by_id)
        total = len(kallelse_recipients(meeting))
        progress.report(done=0, total=total, message="Kallelsen skapas som PDF.")
        sent = kallelse_send(meeting=meeting, by=by, key=f"uppgift-{progress_id}")
        progress.finish(message=f"Kallelsen är skickad till {sent} ledamöter och ersättare.")
        return sent
