from samordna.accounts.models import User
from samordna.associations.models import Person
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin


class RegisterLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def setUp(self):
        self.colleague = User.objects.get(username="emil.ulander")

    def test_a_stale_person_is_refused_and_the_first_change_kept(self):
        person = self.association.people.order_by("pk")[0]
        self.assert_stale_save_refused(
            self.url(f"personer/{person.pk}/andra/"),
            first_user=self.office,
            second_user=self.colleague,
            first={"phone": "060-19 10 00"},
            second={"note": "Ny adress"},
            shows=["Telefon: 060-19 10 00"],
        )
        person = Person.objects.get(pk=person.pk)
        self.assertEqual((person.phone, person.note), ("060-19 10 00", ""))

    def test_a_stale_board_seat_is_refused(self):
        seat = self.association.board_seats.order_by("pk")[0]
        self.assert_stale_save_refused(
            self.url(f"styrelsen/uppdrag/{seat.pk}/andra/"),
            first_user=self.office,
            second_user=self.colleague,
            first={"appointed_by": "Kommunfullmäktige 2023-02-27 § 12"},
            second={"appointed_by": "Regionfullmäktige"},
            shows=["Kommunfullmäktige 2023-02-27 § 12"],
        )

    def test_stale_förbund_settings_are_refused(self):
        self.assert_stale_save_refused(
            self.url("forbundet/andra/"),
            first_user=self.office,
            second_user=self.colleague,
            first={"seat": "Timrå"},
            second={"seat": "Sundsvall kommun"},
            shows=["Timrå"],
        )
