from samordna.accounts.models import User
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin
from samordna.followup.models import Questionnaire


class FollowupLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def test_a_stale_questionnaire_is_refused(self):
        questionnaire = Questionnaire.objects.filter(association=self.association).order_by("pk")[0]
        self.assert_stale_save_refused(
            self.url(f"uppfoljning/enkater/{questionnaire.pk}/andra/"),
            first_user=self.office,
            second_user=User.objects.get(username="emil.ulander"),
            first={"name": "Deltagarenkät våren"},
            second={"introduction": "Tack för att du svarar."},
            shows=["Deltagarenkät våren"],
        )
