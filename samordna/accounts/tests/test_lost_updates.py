from samordna.accounts.models import User
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin


class UserLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def setUp(self):
        self.colleague = User.objects.get(username="emil.ulander")

    def test_a_stale_user_is_refused(self):
        self.assert_stale_save_refused(
            f"/f/{self.association.slug}/anvandare/{self.board.pk}/andra/",
            first_user=self.office,
            second_user=self.colleague,
            first={"email": "peter@example.se"},
            second={"organisation_unit": "Styrelsen"},
            shows=["peter@example.se"],
        )
