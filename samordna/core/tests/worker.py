"""Running the database worker inside a test."""

from unittest import mock

from django.core.management import call_command


def run_queued_tasks() -> None:
    """`manage.py db_worker --batch` inside a TestCase: every queued task is run, then it
    stops. The worker's check for stale connections is left out: inside the test's
    transaction it would close the connection on PostgreSQL."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
