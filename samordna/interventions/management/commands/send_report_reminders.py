"""Daily: e-mail the insatser whose reports are due soon or overdue."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from samordna.interventions.reports import reports_remind


class Command(BaseCommand):
    help = (
        "Skickar påminnelser om rapporter från insatserna: en gång före sista dagen och "
        "varje vecka när rapporten är försenad. Kör den en gång om dagen."
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
        sent = reports_remind(today=today)
        if sent == 0:
            self.stdout.write("Ingen rapport behövde påminnas.")
        else:
            what = "rapport" if sent == 1 else "rapporter"
            self.stdout.write(f"Påminnelse skickad om {sent} {what}.")
