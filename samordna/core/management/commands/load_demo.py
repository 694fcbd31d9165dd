from django.core.management.base import BaseCommand

from samordna.accounts.models import Role
from samordna.demo.load import load_demo
from samordna.demo.users import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Loads the demo förbund from the seed documents. Running it again changes nothing."

    def handle(self, *args, **options):
        associations, rows = load_demo()
        self.stdout.write(f"Demodata: {len(associations)} förbund, {rows} rader medelstilldelning.")
        self.stdout.write(f"Demoinloggningar (lösenord för alla: {DEMO_PASSWORD}):")
        for demo in DEMO_USERS:
            where = demo.association or "alla förbund (aggregerat)"
            role = Role(demo.role).label
            self.stdout.write(f"  {demo.username:<20} {role:<30} {where}")
        self.stdout.write("Öppna http://127.0.0.1:8000 och logga in.")
