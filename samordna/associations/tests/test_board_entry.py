"""The kansli enters the whole board for a mandate period in one form: a row per seat,
each personal ersättare tied to its ledamot's row. A link into another förbund is refused
by the service itself, whatever a page offers."""

import datetime

from django.core.exceptions import ValidationError

from samordna.associations import services
from samordna.associations.models import BoardSeat, MemberKind, SeatKind, SubstituteRule
from samordna.associations.services import SeatRow
from samordna.core.tests.base import SamordnaTestCase

D = datetime.date
STARTS, ENDS = D(2027, 4, 1), D(2031, 3, 31)


class BoardEntryServiceTests(SamordnaTestCase):
    def member(self, kind):
        return self.association.members.filter(kind=kind).earliest("pk")

    def enter(self, rows, association=None):
        return services.board_enter(
            association=association or self.association,
            by=self.office,
            rows=rows,
            starts_on=STARTS,
            ends_on=ENDS,
            appointed_by="Valärenden",
        )

    def test_a_board_with_a_personal_substitute_is_entered_at_once(self):
        region = self.member(MemberKind.REGION)
        fk = self.member(MemberKind.FK)
        seats = self.enter(
            [
                SeatRow(region, SeatKind.ORDINARY, first_name="Karin", last_name="Aho"),
                SeatRow(fk, SeatKind.ORDINARY, first_name="Olle", last_name="Pekkari"),
                SeatRow(
                    region,
                    SeatKind.SUBSTITUTE,
                    first_name="Tore",
                    last_name="Niva",
                    substitute_for_row=1,
                ),
            ]
        )
        ledamot, fk_seat, ersattare = seats
        self.assertEqual(ersattare.substitute_for, ledamot)
        self.assertEqual(ersattare.person.association, self.association)
        self.assertFalse(fk_seat.receives_fee)  # FK's ledamot is paid by FK
        self.assertTrue(ledamot.receives_fee)
        self.assertEqual(ersattare.history.get().history_user, self.office)

    def test_a_person_or_member_of_another_forbund_is_refused_and_nothing_saved(self):
        stranger = self.other.people.earliest("pk")
        their_member = self.other.members.earliest("pk")
        before = BoardSeat.objects.count()
        with self.assertRaises(ValidationError) as caught:
            self.enter([SeatRow(self.member(MemberKind.REGION), SeatKind.ORDINARY, stranger)])
        self.assertIn(
            f"personen hör inte till {self.association.name}", caught.exception.messages[0]
        )
        with self.assertRaises(ValidationError) as caught:
            self.enter([SeatRow(their_member, SeatKind.ORDINARY, first_name="A", last_name="B")])
        self.assertIn(f"är inte medlem i {self.association.name}", caught.exception.messages[0])
        self.assertEqual(BoardSeat.objects.count(), before)

    def test_the_single_seat_service_refuses_a_ledamot_of_another_forbund(self):
        theirs = self.other.board_seats.filter(kind=SeatKind.ORDINARY).earliest("pk")
        with self.assertRaises(ValidationError) as caught:
            services.board_seat_create(
                association=self.association,
                by=self.office,
                person=self.association.people.earliest("pk"),
                member=self.member(MemberKind.REGION),
                kind=SeatKind.SUBSTITUTE,
                substitute_for=theirs,
                starts_on=STARTS,
                ends_on=ENDS,
            )
        self.assertIn("substitute_for", caught.exception.message_dict)

    def test_a_substitute_tied_to_another_members_ledamot_is_refused(self):
        region, kommun = self.member(MemberKind.REGION), self.member(MemberKind.KOMMUN)
        with self.assertRaises(ValidationError) as caught:
            self.enter(
                [
                    SeatRow(region, SeatKind.ORDINARY, first_name="Karin", last_name="Aho"),
                    SeatRow(
                        kommun,
                        SeatKind.SUBSTITUTE,
                        first_name="Tore",
                        last_name="Niva",
                        substitute_for_row=1,
                    ),
                ]
            )
        self.assertIn("Karin Aho är utsedd av", caught.exception.messages[0])

    def test_personal_substitutes_must_name_their_ledamot(self):
        self.association.substitute_rule = SubstituteRule.PERSONAL
        region = self.member(MemberKind.REGION)
        with self.assertRaises(ValidationError) as caught:
            self.enter([SeatRow(region, SeatKind.SUBSTITUTE, first_name="T", last_name="N")])
        self.assertIn("personliga ersättare", caught.exception.messages[0])


class BoardEntryPageTests(SamordnaTestCase):
    def test_the_pickers_list_only_the_forbunds_own_people_and_members(self):
        self.login(self.office)
        response = self.client.get(self.url("styrelsen/ny/"))
        self.assertContains(response, "Christina Nordenö")
        own = {m.name for m in self.association.members.all()}
        own |= {p.full_name for p in self.association.people.all()}
        theirs = [m.name for m in self.other.members.all()]
        theirs += [p.full_name for p in self.other.people.all()]
        theirs = [name for name in theirs if name not in own]
        self.assertTrue(theirs)
        for name in theirs:
            self.assertNotContains(response, name)

    def test_a_posted_person_of_another_forbund_is_refused_at_the_field(self):
        self.login(self.office)
        stranger = self.other.people.earliest("pk")
        region = self.association.members.get(kind=MemberKind.REGION)
        data = {
            "starts_on": "2027-04-01",
            "ends_on": "2031-03-31",
            "plats-TOTAL_FORMS": "1",
            "plats-INITIAL_FORMS": "0",
            "plats-0-person": str(stranger.pk),
            "plats-0-member": str(region.pk),
            "plats-0-kind": "ordinary",
        }
        response = self.client.post(self.url("styrelsen/ny/?rader=2"), data)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(BoardSeat.objects.filter(person=stranger, member=region).exists())

    def test_only_the_kansli_enters_the_board(self):
        self.login(self.chair)
        self.assertEqual(self.client.get(self.url("styrelsen/ny/")).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url("styrelsen/ny/")).status_code, 404)
