from samordna.accounts.models import User
from samordna.attest import services
from samordna.attest.models import SignatureList
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin


class SignatureListLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def test_a_stale_line_of_the_signature_list_is_refused(self):
        source = SignatureList.objects.filter(association=self.association).order_by("year")[0]
        draft = services.list_create(
            association=self.association, year=2035, by=self.office, copy_from=source
        )
        right = draft.rights.order_by("pk")[0]
        self.assert_stale_save_refused(
            self.url(f"attest/signaturlistor/2035/rader/{right.pk}/"),
            first_user=self.office,
            second_user=User.objects.get(username="emil.ulander"),
            first={"note": "Gäller från 1 mars"},
            second={"note": "Ersätter tidigare rätt"},
            shows=["Gäller från 1 mars"],
        )
