from django.urls import reverse

from samordna.core.tests.base import SamordnaTestCase


class AllocationTableTests(SamordnaTestCase):
    def test_public_table_lists_every_forbund_with_the_national_total(self):
        response = self.client.get(reverse("finance:allocation_table", args=[2023]))
        self.assertContains(response, "72 samordningsförbund")
        self.assertContains(response, "Samordningsförbundet i Sundsvall")
        self.assertContains(response, "3\u00a0680\u00a0000\u00a0kr")
        self.assertContains(response, "1\u00a0873\u00a0000\u00a0kr")
        self.assertContains(response, "336\u00a0000\u00a0000\u00a0kr")

    def test_a_year_without_a_table_is_404(self):
        response = self.client.get(reverse("finance:allocation_table", args=[1999]))
        self.assertEqual(response.status_code, 404)

    def test_table_cost_is_fixed(self):
        with self.assertNumQueries(2):
            self.client.get(reverse("finance:allocation_table", args=[2023]))

    def test_wrong_method_is_405(self):
        response = self.client.post(reverse("finance:allocation_table", args=[2023]))
        self.assertEqual(response.status_code, 405)


class NationalOverviewTests(SamordnaTestCase):
    def test_national_reader_sees_sums_per_county(self):
        self.login(self.national)
        response = self.client.get(reverse("finance:national"))
        self.assertContains(response, "Västernorrlands län")
        # Västernorrland: Härnösand-Timrå, Kramfors, Sollefteå, Sundsvall, Örnsköldsvik, Ånge.
        self.assertContains(response, '<td class="numeric">6</td>', html=False)
        self.assertContains(response, "11\u00a0507\u00a0000\u00a0kr")

    def test_forbund_users_get_403(self):
        for user in (self.office, self.board, self.auditor, self.outsider):
            self.login(user)
            with self.subTest(user=user.username):
                self.assertEqual(self.client.get(reverse("finance:national")).status_code, 403)

    def test_anonymous_is_sent_to_login(self):
        response = self.client.get(reverse("finance:national"))
        self.assertEqual(response.status_code, 302)
