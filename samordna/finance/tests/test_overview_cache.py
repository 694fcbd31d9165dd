"""The Ekonomi page is kept in the cache ({% shared %}) by the year and whether the reader
is the kansli: a new budget shows on the next page, the kansli alone is offered a new
budget, and the year's contributions link follows the day."""

import datetime
from unittest import mock

from django.test import Client
from django.urls import reverse

from samordna.core.tests.base import SamordnaTestCase
from samordna.finance import services


class OverviewCacheTests(SamordnaTestCase):
    def setUp(self):
        # Both log in before the first page: a login saves the user, which draws a new
        # version for the förbund and would hide a part kept for the wrong reader.
        self.kansli, self.ekonomi = Client(), Client()
        self.kansli.force_login(self.office)
        self.ekonomi.force_login(self.finance)
        self.page = reverse("finance:overview", args=["sundsvall"])

    def test_the_kansli_alone_is_offered_a_new_budget(self):
        for client, shown in ((self.kansli, True), (self.ekonomi, False), (self.kansli, True)):
            response = client.get(self.page)
            if shown:
                self.assertContains(response, ">Ny budget</a>", html=False)
            else:
                self.assertNotContains(response, ">Ny budget</a>", html=False)

    def test_a_new_budget_shows_on_the_next_page(self):
        self.assertNotContains(self.ekonomi.get(self.page), "Budget 2030 med plan")
        with self.assertNumQueries(2):  # kept: the session and the user
            self.ekonomi.get(self.page)
        services.budget_create(association=self.association, by=self.office, year=2030)
        self.assertContains(self.ekonomi.get(self.page), "Budget 2030 med plan")

    def test_the_years_contributions_follow_the_day(self):
        for year in (2031, 2032):
            day = datetime.date(year, 3, 1)
            with mock.patch("django.utils.timezone.localdate", return_value=day):
                self.assertContains(self.ekonomi.get(self.page), f"Medlemsbidrag {year}</a>")
