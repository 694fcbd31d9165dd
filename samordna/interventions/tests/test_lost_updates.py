from samordna.accounts.models import User
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin
from samordna.interventions.models import AssessmentCriterion


class InterventionsLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def test_a_stale_assessment_criterion_is_refused(self):
        criterion = AssessmentCriterion.objects.filter(association=self.association).order_by("pk")[
            0
        ]
        self.assert_stale_save_refused(
            self.url(f"ansokningar/kriterier/{criterion.pk}/andra/"),
            first_user=self.office,
            second_user=User.objects.get(username="emil.ulander"),
            first={"text": "Insatsen bygger på samverkan mellan minst två parter"},
            second={"text": "Något annat"},
            shows=["Insatsen bygger på samverkan mellan minst två parter"],
        )
