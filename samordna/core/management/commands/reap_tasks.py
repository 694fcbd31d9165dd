from django.core.management.base import BaseCommand

from samordna.core.services import progress_reap


class Command(BaseCommand):
    help = (
        "Marks background tasks whose worker died (not heard from in 15 minutes) as failed, "
        "so that their pages say so and offer to start them again. Run it every few minutes."
    )

    def handle(self, *args, **options):
        reaped = progress_reap()
        self.stdout.write(f"{reaped} avbrutna uppgifter markerade som misslyckade.")
