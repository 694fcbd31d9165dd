"""The insatser's background work: the daily reminders of reports."""

import datetime

from django_tasks import task

from samordna.interventions.services.reports import reports_remind


@task()
def reports_remind_task(*, today: str) -> int:
    """Queue the reminders due on `today` (ISO date); returns how many reports were reminded."""
    return reports_remind(today=datetime.date.fromisoformat(today))
