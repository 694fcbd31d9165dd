from samordna.accounts.models import User
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin
from samordna.followup.models import Audience, Questionnaire, Scale


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

    def test_a_new_questionnaire_is_created_from_the_page_as_a_browser_posts_it(self):
        from samordna.core.tests.concurrency import form_values

        self.login(self.office)
        url = self.url("uppfoljning/enkater/ny/")
        values = form_values(self.client.get(url).content.decode())
        scale = Scale.objects.filter(association=self.association).earliest("pk")
        values.update(
            name="Enkät till handledare", audience=Audience.values[0], scale=str(scale.pk)
        )
        self.assertIn("version", values)
        response = self.client.post(url, values)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Questionnaire.objects.filter(name="Enkät till handledare").exists())
