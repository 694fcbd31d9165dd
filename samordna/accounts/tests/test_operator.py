"""The operator sets up a new förbund without the admin: the förbund, its members with
their shares (three decimals, 50/25/25), and the first kansli login, all or nothing."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError

from samordna.accounts import services
from samordna.accounts.models import Role, User
from samordna.associations.models import Association, MemberKind
from samordna.core.tests.base import SamordnaTestCase

KOMMUNER = ["Kiruna kommun", "Gällivare kommun", "Pajala kommun", "Övertorneå kommun"]


def new_members(kommun_shares=("12.5", "6.25", "3.125", "3.125")):
    return [
        services.NewMember(MemberKind.FK, "Försäkringskassan", Decimal(50)),
        services.NewMember(MemberKind.AF, "Arbetsförmedlingen", Decimal(0)),
        services.NewMember(MemberKind.REGION, "Region Norrbotten", Decimal(25), "232100-0230"),
        *(
            services.NewMember(MemberKind.KOMMUN, name, Decimal(share))
            for name, share in zip(KOMMUNER, kommun_shares, strict=True)
        ),
    ]


SETUP = {
    "name": "Samordningsförbundet Malmfälten",
    "slug": "malmfalten",
    "seat": "Kiruna",
    "county": "25",
    "quorum_rule": "more_than_half",
    "substitute_rule": "personal",
    "paragraph_numbering": "per_meeting",
    "notice_board": "Förbundets, kommunernas och regionens anslagstavlor",
    "minutes_kept_at": "Förbundets kansli i Kiruna",
}
OFFICE = {"username": "kansli.malmfalten", "first_name": "Anna", "last_name": "Lantto"}
PASSWORD = "ett-långt-lösenord-2027"


class AssociationSetupTests(SamordnaTestCase):
    def setup(self, **overrides):
        arguments = {
            "by": self.operator,
            "members": new_members(),
            "office": OFFICE,
            "password": PASSWORD,
            **SETUP,
            **overrides,
        }
        return services.association_setup(**arguments)

    def test_a_new_forbund_with_three_decimal_shares_and_no_orgnr_is_set_up(self):
        association = self.setup()
        shares = {m.name: m.share_percent for m in association.members.all()}
        self.assertEqual(shares["Pajala kommun"], Decimal("3.125"))
        self.assertEqual(association.organisation_number, "")
        self.assertEqual(association.members.get(name="Kiruna kommun").organisation_number, "")
        office = association.users.get()
        self.assertEqual((office.role, office.username), (Role.OFFICE, "kansli.malmfalten"))
        self.assertTrue(office.check_password(PASSWORD))
        self.assertEqual(association.history.get().history_user, self.operator)
        self.assertEqual(office.history.get().history_user, self.operator)

    def test_shares_that_break_50_25_25_are_refused_and_nothing_is_saved(self):
        with self.assertRaises(ValidationError) as caught:
            self.setup(members=new_members(("12.5", "6.25", "3.125", "3")))
        self.assertIn(
            "Kommunerna ska tillsammans stå för 25 % enligt sin fördelningsnyckel, "
            "nu 24,875\u00a0%.",
            caught.exception.messages,
        )
        self.assertFalse(Association.objects.filter(slug="malmfalten").exists())
        self.assertFalse(User.objects.filter(username="kansli.malmfalten").exists())

    def test_a_weak_password_is_reported_at_the_login_field(self):
        with self.assertRaises(ValidationError) as caught:
            self.setup(password="kort")
        self.assertIn("office_password", caught.exception.message_dict)
        self.assertFalse(Association.objects.filter(slug="malmfalten").exists())

    def test_only_the_operator_sets_up_a_forbund(self):
        for user in (self.office, self.national):
            with self.assertRaises(PermissionDenied):
                self.setup(by=user)

    def test_the_address_can_change_until_the_forbund_is_used(self):
        association = self.setup()
        services.association_setup_update(
            association=association, by=self.operator, slug="malmfaltens"
        )
        association.refresh_from_db()
        self.assertEqual(association.slug, "malmfaltens")
        office = association.users.get()
        office.last_login = datetime.datetime(2027, 1, 10, 9, tzinfo=datetime.UTC)
        office.save(update_fields=["last_login"])
        with self.assertRaises(ValidationError) as caught:
            services.association_setup_update(
                association=association, by=self.operator, slug="malmfalten"
            )
        self.assertIn("kan inte längre ändras", caught.exception.message_dict["slug"][0])
        # Other details still can.
        services.association_setup_update(
            association=association, by=self.operator, organisation_number="222000-2162"
        )

    def test_a_demo_forbund_in_use_keeps_its_address(self):
        self.assertTrue(services.association_in_use(self.association))

    def test_a_login_cannot_be_linked_to_another_forbunds_person_or_member(self):
        stranger = self.other.people.first()
        member = self.other.members.first()
        with self.assertRaises(ValidationError) as caught:
            services.user_update(user=self.board, by=self.office, person=stranger)
        self.assertEqual(
            caught.exception.message_dict["person"], ["Personen hör inte till det här förbundet."]
        )
        with self.assertRaises(ValidationError):
            services.user_update(user=self.applicant, by=self.office, member=member)
        # The model refuses it too, which is what the admin's form checks.
        self.board.person = stranger
        with self.assertRaises(ValidationError):
            self.board.full_clean()

    def test_the_kansli_cannot_make_an_operator(self):
        with self.assertRaises(ValidationError) as caught:
            services.user_create(
                association=self.association,
                by=self.office,
                password=PASSWORD,
                username="ny.drift",
                first_name="Ny",
                last_name="Drift",
                role=Role.OPERATOR,
            )
        self.assertIn("role", caught.exception.message_dict)


class OperatorPageTests(SamordnaTestCase):
    def post_data(self, **overrides):
        data = {
            **SETUP,
            "opening_style": "paragraphs",
            "organisation_number": "",
            "email": "",
            "office_username": "kansli.malmfalten",
            "office_first_name": "Anna",
            "office_last_name": "Lantto",
            "office_email": "anna.lantto@example.se",
            "office_password": PASSWORD,
            "medlem-TOTAL_FORMS": "8",
            "medlem-INITIAL_FORMS": "0",
        }
        rows = [
            ("fk", "Försäkringskassan", "", "50"),
            ("af", "Arbetsförmedlingen", "", "0"),
            ("region", "Region Norrbotten", "232100-0230", "25"),
            ("kommun", "Kiruna kommun", "", "12,5"),
            ("kommun", "Gällivare kommun", "", "6,25"),
            ("kommun", "Pajala kommun", "", "3,125"),
            ("kommun", "Övertorneå kommun", "", "3,125"),
        ]
        for index, (kind, name, number, share) in enumerate(rows):
            data[f"medlem-{index}-kind"] = kind
            data[f"medlem-{index}-name"] = name
            data[f"medlem-{index}-organisation_number"] = number
            data[f"medlem-{index}-share_percent"] = share
        return {**data, **overrides}

    def test_only_the_operator_opens_the_pages(self):
        for user in (self.office, self.national):
            self.login(user)
            self.assertEqual(self.client.get("/drift/forbund/").status_code, 403)
            self.assertEqual(self.client.get("/drift/forbund/nytt/").status_code, 403)

    def test_the_operator_lands_on_the_list_and_sees_the_todos(self):
        self.login(self.operator)
        response = self.client.get("/", follow=True)
        self.assertContains(response, "Samordningsförbundet i Sundsvall")
        self.assertContains(response, "Nytt förbund")

    def test_one_submission_creates_the_forbund(self):
        self.login(self.operator)
        response = self.client.post("/drift/forbund/nytt/", self.post_data(), follow=True)
        self.assertContains(response, "Samordningsförbundet Malmfälten är upplagt med 7 medlemmar")
        self.assertContains(response, "Förbundets organisationsnummer saknas.")
        self.assertContains(response, "6 medlemmar utan organisationsnummer.")
        association = Association.objects.get(slug="malmfalten")
        self.assertEqual(association.substitute_rule, "personal")

    def test_a_bad_share_is_explained_and_the_input_kept(self):
        self.login(self.operator)
        data = self.post_data(**{"medlem-5-share_percent": "3,1255"})
        response = self.client.post("/drift/forbund/nytt/", data)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Högst tre decimaler.", status_code=400)
        self.assertContains(response, 'value="Pajala kommun"', status_code=400)
        self.assertFalse(Association.objects.filter(slug="malmfalten").exists())

    def test_a_wrong_split_is_explained(self):
        self.login(self.operator)
        data = self.post_data(**{"medlem-0-share_percent": "40", "medlem-1-share_percent": "5"})
        response = self.client.post("/drift/forbund/nytt/", data)
        self.assertContains(
            response,
            "Försäkringskassan och Arbetsförmedlingen ska tillsammans stå för 50 %, nu 45\u00a0%.",
            status_code=400,
        )
