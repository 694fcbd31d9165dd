from django.test import Client

from samordna.accounts.models import User
from samordna.core.models import TaskProgress
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin, form_values
from samordna.finance.models import BudgetLine
from samordna.ledger import services
from samordna.ledger.models import AccountMapping
from samordna.ledger.tests.helpers import fresh_budget, upload
from samordna.ledger.tests.test_imports import GOOD


class ForecastLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def test_a_forecast_from_a_stale_page_is_refused(self):
        line = (
            BudgetLine.objects.filter(budget__association=self.association, budget__year=2023)
            .exclude(forecasts=None)
            .order_by("pk")[0]
        )
        self.assert_stale_save_refused(
            self.url(f"ekonomi/uppfoljning/rad/{line.pk}/prognos/"),
            first_user=self.office,
            second_user=User.objects.get(username="emil.ulander"),
            first={"amount": "123 000", "comment": "Insatsen startar senare"},
            second={"amount": "99 000", "comment": "Lägre kostnader"},
            shows=["123000", "Insatsen startar senare"],
        )


class MappingLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def setUp(self):
        self.lines = fresh_budget(self.association)
        self.pending = services.import_upload(
            association=self.association, year=2023, by=self.finance, file=upload("b.se", GOOD)
        )
        self.detail = self.url(f"ekonomi/uppfoljning/import/{self.pending.pk}/")

    def test_mappings_saved_from_a_stale_page_are_refused(self):
        consultants = f"line:{self.lines['Konsulter'].pk}"
        premises = f"line:{self.lines['Lokalkostnader'].pk}"
        self.assert_stale_save_refused(
            self.detail,
            first_user=self.office,
            second_user=self.finance,
            first={"spara": "1", "konto_6550": consultants},
            second={"spara": "1", "konto_6550": premises},
            shows=["Kontokopplingar"],
        )
        mapping = AccountMapping.objects.get(association=self.association, account=6550)
        self.assertEqual(mapping.line_name, "Konsulter")

    def test_an_import_from_a_stale_page_is_refused_and_nothing_starts(self):
        one, two = Client(), Client()
        one.force_login(self.office)
        two.force_login(self.finance)
        page_two = form_values(two.get(self.detail).content.decode())
        first = {**form_values(one.get(self.detail).content.decode()), "spara": "1"}
        first["konto_6550"] = f"line:{self.lines['Konsulter'].pk}"
        self.assertEqual(one.post(self.detail, first).status_code, 302)
        response = two.post(self.detail, {**page_two, "importera": "1"}, follow=True)
        self.assertContains(response, "har ändrats av")
        self.assertFalse(TaskProgress.objects.filter(association=self.association).exists())
