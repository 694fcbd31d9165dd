"""The main menu: each role's links of its förbund, the current page marked, the addresses
reversed once per role and förbund."""

from django.urls import reverse

from samordna.core.context_processors import menu
from samordna.core.tests.base import SamordnaTestCase


class NavigationTests(SamordnaTestCase):
    def test_the_kansli_sees_every_link_and_the_current_page_is_marked(self):
        self.login(self.office)
        response = self.client.get(reverse("associations:start", args=["sundsvall"]))
        start = reverse("associations:start", args=["sundsvall"])
        self.assertContains(response, f'<a href="{start}" aria-current="page">Start</a>', html=True)
        users = reverse("accounts:users", args=["sundsvall"])
        self.assertContains(response, f'<a href="{users}">Användare</a>', html=True)
        diarium = reverse("records:register", args=["sundsvall"])
        self.assertContains(response, f'<a href="{diarium}">Diarium</a>', html=True)

    def test_an_applicant_sees_only_their_links(self):
        self.login(self.applicant)
        response = self.client.get(reverse("associations:start", args=["sundsvall"]))
        labels = [label for _, label in response.context["nav_items"]]
        self.assertEqual(labels, ["Start", "Ansökningar", "Insatser", "Uppföljning"])

    def test_the_addresses_are_reversed_once_per_role_and_forbund(self):
        menu.cache_clear()
        self.login(self.board)
        url = reverse("associations:start", args=["sundsvall"])
        self.client.get(url)
        self.client.get(url)
        info = menu.cache_info()
        self.assertEqual((info.misses, info.hits), (1, 1))
        self.assertEqual(menu(self.board.role, "sundsvall"), menu(self.chair.role, "sundsvall"))
