"""Personas shared by every test: the Sundsvall förbund from the seeds, one user per
role, and an outsider from Härnösand–Timrå who must never see Sundsvall's records."""

from django.test import TestCase

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.demo.load import demo_associations


class SamordnaTestCase(TestCase):
    association: Association
    other: Association
    office: User
    chair: User
    board: User
    auditor: User
    finance: User
    applicant: User
    national: User
    operator: User
    outsider: User

    @classmethod
    def setUpTestData(cls):
        # conftest.py loads the demo once per test database; this finds it (or loads it).
        associations = demo_associations()
        cls.association = associations["sundsvall"]
        cls.other = associations["harnosand-timra"]
        users = {u.username: u for u in User.objects.all()}
        cls.office = users["jan.andersson"]
        cls.chair = users["christina.nordeno"]
        cls.board = users["peter.pettersson"]
        cls.auditor = users["eva.sonidsson"]
        cls.finance = users["ekonomi.sundsvall"]
        cls.applicant = users["denise.wallen"]
        cls.national = users["nationell"]
        cls.operator = users["drift"]
        cls.outsider = users["ulrika.sahlin"]

    def url(self, path: str) -> str:
        return f"/f/{self.association.slug}/{path}"

    def login(self, user: User) -> None:
        self.client.force_login(user)
