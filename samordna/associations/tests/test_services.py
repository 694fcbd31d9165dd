import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError

from samordna.associations import services
from samordna.associations.models import BoardSeat, Member, MemberKind, SeatKind, SeatPosition
from samordna.core.tests.base import SamordnaTestCase

D = datetime.date


class MemberSharesTests(SamordnaTestCase):
    def shares(self, **by_name):
        members = {m.name: m for m in self.association.members.all()}
        return {members[name].pk: Decimal(value) for name, value in by_name.items()}

    def test_valid_key_is_saved_with_history(self):
        services.member_create(
            association=self.association,
            by=self.office,
            kind=MemberKind.KOMMUN,
            name="Timrå kommun",
            organisation_number="212000-2395",
        )
        services.member_shares_set(
            association=self.association,
            by=self.office,
            shares=self.shares(
                **{
                    "Försäkringskassan": "50",
                    "Arbetsförmedlingen": "0",
                    "Region Västernorrland": "25",
                    "Sundsvalls kommun": "20",
                    "Timrå kommun": "5",
                }
            ),
        )
        timra = Member.objects.get(association=self.association, name="Timrå kommun")
        self.assertEqual(timra.share_percent, Decimal("5"))
        latest = timra.history.latest()
        self.assertEqual(latest.history_user, self.office)
        self.assertEqual(latest.prev_record.share_percent, Decimal("0"))

    def test_kommuner_not_summing_to_25_is_refused_and_nothing_is_saved(self):
        shares = self.shares(
            **{
                "Försäkringskassan": "50",
                "Arbetsförmedlingen": "0",
                "Region Västernorrland": "25",
                "Sundsvalls kommun": "20",
            }
        )
        with self.assertRaises(ValidationError) as caught:
            services.member_shares_set(association=self.association, by=self.office, shares=shares)
        self.assertIn(
            "Andelarna summerar till 95\u00a0%, de ska bli 100 %.", caught.exception.messages
        )
        self.assertIn(
            "Kommunerna ska tillsammans stå för 25 % enligt sin fördelningsnyckel, nu 20\u00a0%.",
            caught.exception.messages,
        )
        kommun = Member.objects.get(association=self.association, name="Sundsvalls kommun")
        self.assertEqual(kommun.share_percent, Decimal("25"))

    def test_state_share_may_be_split_between_fk_and_af_but_must_be_50(self):
        shares = self.shares(
            **{
                "Försäkringskassan": "40",
                "Arbetsförmedlingen": "10",
                "Region Västernorrland": "25",
                "Sundsvalls kommun": "25",
            }
        )
        services.member_shares_set(association=self.association, by=self.office, shares=shares)
        shares[next(iter(shares))] = Decimal("45")
        with self.assertRaises(ValidationError):
            services.member_shares_set(association=self.association, by=self.office, shares=shares)

    def test_a_second_region_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            services.member_create(
                association=self.association,
                by=self.office,
                kind=MemberKind.REGION,
                name="Region Jämtland Härjedalen",
                organisation_number="232100-0214",
            )
        self.assertIn("kind", caught.exception.message_dict)

    def test_invalid_organisation_number_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            services.member_create(
                association=self.association,
                by=self.office,
                kind=MemberKind.KOMMUN,
                name="Timrå kommun",
                organisation_number="222100-2114",
            )
        self.assertIn("organisation_number", caught.exception.message_dict)
        self.assertFalse(self.association.members.filter(name="Timrå kommun").exists())


class BoardSeatTests(SamordnaTestCase):
    def seat_fields(self, **overrides):
        fields = {
            "person": self.association.people.get(last_name="Väst"),
            "member": self.association.members.get(name="Sundsvalls kommun"),
            "kind": SeatKind.ORDINARY,
            "position": SeatPosition.NONE,
            "starts_on": D(2023, 4, 1),
            "ends_on": D(2027, 3, 31),
            "appointed_by": "Kommunfullmäktige 2023-02-27",
        }
        return {**fields, **overrides}

    def test_new_mandate_period_after_the_old_is_recorded(self):
        seat = services.board_seat_create(
            association=self.association, by=self.office, **self.seat_fields()
        )
        self.assertEqual(seat.history.get().history_user, self.office)

    def test_period_ending_before_it_starts_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            services.board_seat_create(
                association=self.association,
                by=self.office,
                **self.seat_fields(starts_on=D(2024, 1, 1), ends_on=D(2023, 12, 31)),
            )
        self.assertEqual(
            caught.exception.message_dict["ends_on"],
            ["Mandatperioden kan inte sluta innan den börjar."],
        )

    def test_overlapping_seat_for_same_person_and_member_is_refused(self):
        count = BoardSeat.objects.count()
        with self.assertRaises(ValidationError) as caught:
            services.board_seat_create(
                association=self.association,
                by=self.office,
                **self.seat_fields(starts_on=D(2023, 1, 1), ends_on=D(2026, 12, 31)),
            )
        self.assertIn("har redan ett uppdrag", caught.exception.message_dict["starts_on"][0])
        self.assertEqual(BoardSeat.objects.count(), count)

    def test_two_chairs_at_the_same_time_are_refused(self):
        with self.assertRaises(ValidationError) as caught:
            services.board_seat_create(
                association=self.association,
                by=self.office,
                **self.seat_fields(
                    person=self.association.people.get(last_name="Qvarnlöf"),
                    position=SeatPosition.CHAIR,
                    starts_on=D(2023, 1, 1),
                    ends_on=D(2023, 3, 31),
                ),
            )
        self.assertIn("Christina Nordenö är redan ordförande", caught.exception.messages[0])

    def test_person_of_another_forbund_cannot_get_a_seat(self):
        with self.assertRaises(ValidationError) as caught:
            services.board_seat_create(
                association=self.association,
                by=self.office,
                **self.seat_fields(person=self.other.people.get(last_name="Edén")),
            )
        self.assertIn("person", caught.exception.message_dict)

    def test_update_keeps_old_and_new_values_in_history(self):
        seat = BoardSeat.objects.get(association=self.association, person__last_name="Kempe")
        services.board_seat_update(seat=seat, by=self.office, ends_on=D(2022, 12, 31))
        latest, previous = seat.history.all()[:2]
        self.assertEqual(previous.ends_on, D(2023, 3, 31))
        self.assertEqual(latest.ends_on, D(2022, 12, 31))
        self.assertEqual(latest.history_user, self.office)
