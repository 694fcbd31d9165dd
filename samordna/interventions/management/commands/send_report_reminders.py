"""Daily: e-mail the insatser whose reports are due soon or overdue, and send again what the
outbox could not send."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django_tasks import TaskResultStatus

from samordna.core.tasks import emails_send_waiting
from samordna.interventions.tasks import reports_remind_task


class Command(BaseCommand):
    help = (
        "Lägger påminnelser om rapporter från insatserna i kö hos bakgrundsarbetaren: en gång "
        "före sista dagen och varje vecka när rapporten är försenad. Skickar också om e-post "
        "som inte gick iväg. Kör den en gång om dagen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--datum", help="Dagens datum som ÅÅÅÅ-MM-DD (förval: i dag).", metavar="ÅÅÅÅ-MM-DD"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["datum"]:
            try:
                today = datetime.date.fromisoformat(options["datum"])
            except ValueError as error:
                raise CommandError(
                    f"”{options['datum']}” är inte ett datum. Skriv det som ÅÅÅÅ-MM-DD."
                ) from error
        emails_send_waiting.enqueue()
        result = reports_remind_task.enqueue(today=today.isoformat())
        if result.status == TaskResultStatus.FAILED:
            raise CommandError(
                "Påminnelserna avbröts av ett fel och inget är skickat: "
                + result.errors[-1].traceback.strip().splitlines()[-1]
            )
        if result.status != TaskResultStatus.SUCCESSFUL:
            # The database backend: the worker (`manage.py db_worker`) does the work.
            self.stdout.write(f"Påminnelserna är lagda i kö (uppgift {result.id}).")
            return
        sent = result.return_value
        if sent == 0:
            self.stdout.write("Ingen rapport behövde påminnas.")
        else:
            what = "rapport" if sent == 1 else "rapporter"
            self.stdout.write(f"Påminnelse skickad om {sent} {what}.")
