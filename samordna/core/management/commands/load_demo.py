from django.core.management.base import BaseCommand
from django.db import transaction

from samordna.demo.associations import load_associations, load_national_allocation
from samordna.demo.users import DEMO_PASSWORD, DEMO_USERS, load_users


class Command(BaseCommand):
    help = "Loads the demo förbund from the seed documents. Running it again changes nothing."

    def handle(self, *args, **options):
        with transaction.atomic():
            associations = load_associations()
            rows = load_national_allocation(associations)
            load_users(associations)
        self.stdout.write(f"Demodata: {len(associations)} förbund, {rows} rader medelstilldelning.")
        self.stdout.write(f"Demoinloggningar (lösenord för alla: {DEMO_PASSWORD}):")
        for demo in DEMO_USERS:
            where = demo.association or "alla förbund (aggregerat)"
            self.stdout.write(f"  {demo.username:<20} {demo.role:<10} {where}")
