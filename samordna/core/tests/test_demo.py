import re
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.test import TestCase

from samordna.accounts.models import Role
from samordna.associations.models import Association
from samordna.demo.users import DEMO_PASSWORD, DEMO_USERS

README = Path(__file__).resolve().parents[3] / "README.md"


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"accounts", "associations", "finance", "meetings"}
    }


class DemoDataTests(TestCase):
    def test_loading_twice_changes_nothing(self):
        call_command("load_demo", stdout=StringIO())
        first = row_counts()
        call_command("load_demo", stdout=StringIO())
        self.assertEqual(row_counts(), first)
        self.assertGreater(first["associations.HistoricalBoardSeat"], 0)

    def test_the_demo_holds_both_forbund_and_the_national_table(self):
        out = StringIO()
        call_command("load_demo", stdout=out)
        self.assertEqual(
            set(Association.objects.values_list("slug", flat=True)),
            {"sundsvall", "harnosand-timra"},
        )
        self.assertIn("72 rader medelstilldelning", out.getvalue())
        for demo in DEMO_USERS:
            self.assertIn(demo.username, out.getvalue())

    def test_every_role_has_a_demo_user(self):
        self.assertEqual({d.role for d in DEMO_USERS}, set(Role.values))

    def test_readme_lists_exactly_the_demo_users(self):
        text = README.read_text(encoding="utf-8")
        self.assertIn("| roll | förbund | användarnamn | lösenord |", text)
        rows = re.findall(r"^\| ([^|]+) \| ([^|]+) \| ([a-z0-9.]+) \| ([^|]+) \|$", text, re.M)
        expected = {(Role(d.role).label, d.username, DEMO_PASSWORD) for d in DEMO_USERS}
        self.assertEqual({(r[0], r[2], r[3]) for r in rows}, expected)
