from samordna.accounts.models import User
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin
from samordna.finance.models import ContributionInstalment


class ContributionLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def test_a_stale_contribution_payment_is_refused(self):
        instalment = ContributionInstalment.objects.filter(
            schedule__association=self.association
        ).order_by("pk")[0]
        self.assert_stale_save_refused(
            self.url(f"ekonomi/bidrag/inbetalning/{instalment.pk}/"),
            first_user=self.office,
            second_user=User.objects.get(username="emil.ulander"),
            first={"note": "Bankgiro, avi 4411"},
            second={"note": "Swish"},
            shows=["Bankgiro, avi 4411"],
        )
        instalment.refresh_from_db()
        self.assertEqual(instalment.note, "Bankgiro, avi 4411")
