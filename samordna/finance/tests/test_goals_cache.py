"""The financial goals panel is built once per förbund and kept in the cache; a change
through the services that it is built from shows on the next page."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samordna.core.tests.base import SamordnaTestCase
from samordna.core.text import format_kronor
from samordna.finance import services
from samordna.finance.models import Budget, BudgetLine


class GoalsPanelCacheTests(SamordnaTestCase):
    def get(self, url: str) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries), response.content.decode()

    def test_the_panel_is_read_from_the_cache_until_the_goals_change(self):
        self.login(self.finance)
        url = reverse("finance:overview", args=["sundsvall"])
        built, first = self.get(url)
        kept, second = self.get(url)
        self.assertEqual(kept, 2)  # the page's part with the panel: the session, the user
        self.assertIn("Eget kapital minst", second)
        services.goals_save(
            association=self.association,
            by=self.office,
            fields={
                "equity_ceiling_percent": Decimal(20),
                "equity_floor": 1_234_000,
                "individual_share_percent": Decimal(70),
            },
        )
        again, changed = self.get(url)
        self.assertEqual(again, built)
        self.assertIn(f"Eget kapital minst {format_kronor(1_234_000)}", changed)
        self.assertNotIn(f"Eget kapital minst {format_kronor(1_234_000)}", first)

    def test_a_forecast_shows_on_the_start_page_the_next_time(self):
        self.login(self.office)
        url = reverse("associations:start", args=["sundsvall"])
        _, before = self.get(url)
        self.assertNotIn("Prognosen för 2023 bryter målet", before)
        budget = Budget.objects.get(association=self.association, year=2023)
        line = BudgetLine.objects.get(budget=budget, name="Konsulter")
        services.forecast_set(
            line=line,
            by=self.office,
            as_of=datetime.date(2023, 10, 31),
            amount=5_000_000,
            comment="Dyrare",
        )
        _, after = self.get(url)
        self.assertIn("Prognosen för 2023 bryter målet", after)

    def test_a_new_budget_shows_on_the_next_page(self):
        self.login(self.finance)
        url = reverse("finance:goals", args=["sundsvall"])

        def years() -> list[int]:
            panel = self.client.get(url).context["panel"]
            return [year.year for year in panel.goals[0].years]

        self.assertNotIn(2030, years())
        services.budget_create(association=self.association, by=self.office, year=2030)
        self.assertIn(2030, years())
