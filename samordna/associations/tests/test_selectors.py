import datetime

from samordna.associations.selectors import board_and_seats_of, board_on, office_todos, seats_of
from samordna.core.tests.base import SamordnaTestCase

D = datetime.date


class BoardOnDateTests(SamordnaTestCase):
    def test_sundsvall_board_at_the_meeting_of_2022_11_25(self):
        board = board_on(self.association, D(2022, 11, 25))
        self.assertEqual(
            [(s.person.full_name, s.member.name, s.title) for s in board.ordinary],
            [
                ("Christina Nordenö", "Region Västernorrland", "Ordförande"),
                ("Jonas Väst", "Sundsvalls kommun", "Vice ordförande"),
                ("Lina Kempe", "Försäkringskassan", "Ordinarie ledamot"),
                ("Peter Pettersson", "Arbetsförmedlingen", "Ordinarie ledamot"),
            ],
        )
        self.assertEqual(
            [s.person.full_name for s in board.substitutes],
            ["Lotta Qvarnlöf", "Pia Persbo", "Sanna Jonsson", "Thomas Burman"],
        )
        chair = board.chair
        assert chair is not None
        self.assertEqual(chair.person.full_name, "Christina Nordenö")

    def test_after_the_mandate_period_the_board_is_empty(self):
        board = board_on(self.association, D(2023, 4, 1))
        self.assertEqual(board.ordinary, [])

    def test_harnosand_timra_board_at_2023_11_24_includes_the_new_region_member(self):
        names = [s.person.full_name for s in board_on(self.other, D(2023, 11, 24)).ordinary]
        self.assertEqual(names, ["Monica Fällström", "Lotta Qvarnlöf", "Niklas Edén", "Lars Kempe"])
        before = [s.person.full_name for s in board_on(self.other, D(2023, 9, 12)).ordinary]
        self.assertNotIn("Niklas Edén", before)

    def test_the_board_with_ones_own_seats_is_the_board_and_the_seats_read_apart(self):
        person = self.association.people.get(last_name="Nordenö")
        for day in (D(2022, 11, 25), D(2023, 4, 1)):
            with self.subTest(day=day), self.assertNumQueries(1):
                board, mine = board_and_seats_of(self.association, day, person)
            self.assertEqual(board, board_on(self.association, day))
            self.assertEqual(mine, seats_of(person))


class OfficeTodoTests(SamordnaTestCase):
    def test_expired_board_and_missing_orgnr_are_flagged(self):
        texts = [t.text for t in office_todos(self.association, D(2023, 5, 1))]
        self.assertIn("Förbundets organisationsnummer saknas.", texts)
        self.assertIn("Styrelsen har ingen ordförande i dag.", texts)
        self.assertIn("Sundsvalls kommun har ingen ordinarie ledamot i styrelsen i dag.", texts)

    def test_mandates_ending_within_90_days_are_flagged(self):
        texts = [t.text for t in office_todos(self.association, D(2023, 1, 15))]
        self.assertTrue(any("slutar 31 mars 2023" in t for t in texts), texts)
