from samordna.accounts.models import User
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin
from samordna.finance.models import BudgetLine


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
