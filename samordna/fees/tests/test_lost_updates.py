from samordna.accounts.models import User
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin


class FeesLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def test_stale_fee_settings_are_refused(self):
        self.assert_stale_save_refused(
            self.url("arvoden/installningar/"),
            first_user=self.office,
            second_user=User.objects.get(username="emil.ulander"),
            first={"km_rate": "3,10"},
            second={"km_rate": "2,00"},
            shows=["3,10"],
        )
