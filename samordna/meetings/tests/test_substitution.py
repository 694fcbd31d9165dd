"""Which ersättare may serve for whom (quorum.py as pure functions, then through the
services): only for a ledamot who is absent, has left or is jävig in the §, within the
förbund's rule, one for one."""

import datetime
import io
import re

import docx
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import SimpleTestCase

from samordna.associations import services as association_services
from samordna.associations.models import (
    BoardSeat,
    Member,
    Person,
    QuorumRule,
    SeatKind,
    SubstituteRule,
)
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import documents, selectors, services
from samordna.meetings.models import Attendance, Presence, RecusalKind
from samordna.meetings.quorum import (
    StandIn,
    deciding_seats,
    quorum_for,
    roll_call_problems,
    rule_problem,
    serving_in,
)
from samordna.meetings.selectors import minutes_of
from samordna.meetings.services import proceedings
from samordna.meetings.services.proceedings import RollCallEntry

D = datetime.date
KOMMUN = Member(pk=1, name="Kommunen")
REGION = Member(pk=2, name="Regionen")


def seat(pk: int, name: str, kind: str, member: Member, substitute_for=None) -> BoardSeat:
    first, last = name.split()
    return BoardSeat(
        pk=pk,
        person=Person(pk=pk, first_name=first, last_name=last),
        member=member,
        kind=kind,
        substitute_for=substitute_for,
    )


ANNA = seat(1, "Anna Ledamot", SeatKind.ORDINARY, KOMMUN)
BERIT = seat(2, "Berit Ledamot", SeatKind.ORDINARY, REGION)
CARL = seat(3, "Carl Ledamot", SeatKind.ORDINARY, KOMMUN)
ERIK = seat(4, "Erik Ersättare", SeatKind.SUBSTITUTE, KOMMUN, substitute_for=ANNA)
FRIDA = seat(5, "Frida Ersättare", SeatKind.SUBSTITUTE, KOMMUN, substitute_for=CARL)
BOARD = [ANNA, BERIT, CARL, ERIK, FRIDA]


def present(who: BoardSeat, **fields) -> Attendance:
    return Attendance(seat=who, presence=Presence.PRESENT, **fields)


def absent(who: BoardSeat) -> Attendance:
    return Attendance(seat=who, presence=Presence.ABSENT)


class RuleTests(SimpleTestCase):
    def test_same_member_rule_refuses_an_ersattare_of_another_member(self):
        self.assertIsNone(
            rule_problem(rule=SubstituteRule.SAME_MEMBER, substitute=ERIK, ledamot=CARL)
        )
        self.assertEqual(
            rule_problem(rule=SubstituteRule.SAME_MEMBER, substitute=ERIK, ledamot=BERIT),
            "Erik Ersättare är ersättare för Kommunen och kan inte tjänstgöra för "
            "Berit Ledamot, ledamot för Regionen.",
        )

    def test_personal_rule_lets_an_ersattare_serve_only_for_their_own_ledamot(self):
        self.assertIsNone(rule_problem(rule=SubstituteRule.PERSONAL, substitute=ERIK, ledamot=ANNA))
        self.assertEqual(
            rule_problem(rule=SubstituteRule.PERSONAL, substitute=ERIK, ledamot=CARL),
            "Erik Ersättare är inte personlig ersättare för Carl Ledamot och kan inte "
            "tjänstgöra för Carl Ledamot.",
        )

    def test_a_ledamot_does_not_serve_and_an_ersattare_is_not_served(self):
        self.assertIn(
            "Anna Ledamot är ordinarie ledamot",
            rule_problem(rule=SubstituteRule.SAME_MEMBER, substitute=ANNA, ledamot=CARL) or "",
        )
        self.assertIn(
            "Frida Ersättare är ersättare",
            rule_problem(rule=SubstituteRule.SAME_MEMBER, substitute=ERIK, ledamot=FRIDA) or "",
        )


class RollCallProblemTests(SimpleTestCase):
    rule = SubstituteRule.SAME_MEMBER

    def test_serving_for_a_present_ledamot_is_refused(self):
        problems = roll_call_problems(
            rule=self.rule, attendances=[present(ANNA), present(ERIK, serves_for=ANNA)]
        )
        self.assertEqual(len(problems), 1)
        self.assertIn(
            "Erik Ersättare kan inte tjänstgöra för Anna Ledamot, som är närvarande hela "
            "sammanträdet.",
            problems[0],
        )

    def test_serving_for_an_absent_ledamot_or_one_who_left_is_allowed(self):
        self.assertEqual(
            roll_call_problems(
                rule=self.rule, attendances=[absent(ANNA), present(ERIK, serves_for=ANNA)]
            ),
            [],
        )
        self.assertEqual(
            roll_call_problems(
                rule=self.rule,
                attendances=[present(ANNA, until_number=5), present(ERIK, serves_for=ANNA)],
            ),
            [],
        )

    def test_serving_for_a_ledamot_of_another_member_is_refused(self):
        problems = roll_call_problems(
            rule=self.rule, attendances=[absent(BERIT), present(ERIK, serves_for=BERIT)]
        )
        self.assertEqual(len(problems), 1)
        self.assertIn("Erik Ersättare", problems[0])
        self.assertIn("Berit Ledamot", problems[0])

    def test_two_ersattare_for_one_ledamot_are_refused(self):
        problems = roll_call_problems(
            rule=self.rule,
            attendances=[
                absent(ANNA),
                present(ERIK, serves_for=ANNA),
                present(FRIDA, serves_for=ANNA),
            ],
        )
        self.assertEqual(
            problems,
            ["Erik Ersättare och Frida Ersättare kan inte båda tjänstgöra för Anna Ledamot."],
        )

    def test_an_absent_ersattare_does_not_serve(self):
        problems = roll_call_problems(
            rule=self.rule,
            attendances=[absent(ANNA), Attendance(seat=ERIK, presence="absent", serves_for=ANNA)],
        )
        self.assertEqual(
            problems, ["Erik Ersättare är frånvarande och kan inte tjänstgöra för Anna Ledamot."]
        )


class ServingInTests(SimpleTestCase):
    """One §: the upprop's "tjänstgör för" and the stand-ins for jäviga ledamöter."""

    rule = SubstituteRule.SAME_MEMBER
    everyone = [present(ANNA), present(BERIT), present(CARL), present(ERIK), present(FRIDA)]

    def test_a_stand_in_for_a_javig_ledamot_decides_in_that_paragraph_only(self):
        serving, problems = serving_in(
            number=7,
            attendances=self.everyone,
            recused_seat_ids={ANNA.pk},
            stand_ins=[StandIn(ERIK, ANNA)],
            rule=self.rule,
        )
        self.assertEqual((serving, problems), ([StandIn(ERIK, ANNA)], []))
        deciding = deciding_seats(
            number=7,
            attendances=self.everyone,
            recused_seat_ids={ANNA.pk},
            stand_ins=[StandIn(ERIK, ANNA)],
        )
        self.assertEqual([s.pk for s in deciding], [BERIT.pk, CARL.pk, ERIK.pk])

    def test_a_stand_in_for_a_ledamot_who_is_not_javig_is_refused(self):
        _, problems = serving_in(
            number=7,
            attendances=self.everyone,
            recused_seat_ids=set(),
            stand_ins=[StandIn(ERIK, ANNA)],
            rule=self.rule,
        )
        self.assertEqual(
            problems,
            [
                "Erik Ersättare kan inte tjänstgöra för Anna Ledamot i § 7: Anna Ledamot "
                "deltar i paragrafen och är inte jävig."
            ],
        )

    def test_two_ersattare_for_one_javig_ledamot_are_refused(self):
        serving, problems = serving_in(
            number=7,
            attendances=self.everyone,
            recused_seat_ids={ANNA.pk},
            stand_ins=[StandIn(ERIK, ANNA), StandIn(FRIDA, ANNA)],
            rule=self.rule,
        )
        self.assertEqual(serving, [StandIn(ERIK, ANNA)])
        self.assertEqual(
            problems,
            ["Erik Ersättare och Frida Ersättare kan inte båda tjänstgöra för Anna Ledamot i § 7."],
        )

    def test_one_ersattare_for_two_ledamoter_in_one_paragraph_is_refused(self):
        serving, problems = serving_in(
            number=7,
            attendances=self.everyone,
            recused_seat_ids={ANNA.pk, CARL.pk},
            stand_ins=[StandIn(ERIK, ANNA), StandIn(ERIK, CARL)],
            rule=self.rule,
        )
        self.assertEqual(serving, [StandIn(ERIK, ANNA)])
        self.assertEqual(
            problems,
            ["Erik Ersättare kan inte tjänstgöra för både Anna Ledamot och Carl Ledamot i § 7."],
        )

    def test_an_ersattare_serving_for_an_absent_ledamot_cannot_also_stand_in(self):
        attendances = [
            absent(ANNA),
            present(BERIT),
            present(CARL),
            present(ERIK, serves_for=ANNA),
            present(FRIDA),
        ]
        _, problems = serving_in(
            number=7,
            attendances=attendances,
            recused_seat_ids={CARL.pk},
            stand_ins=[StandIn(ERIK, CARL)],
            rule=self.rule,
        )
        self.assertEqual(
            problems,
            ["Erik Ersättare kan inte tjänstgöra för både Anna Ledamot och Carl Ledamot i § 7."],
        )

    def test_a_javig_ersattare_does_not_stand_in(self):
        _, problems = serving_in(
            number=7,
            attendances=self.everyone,
            recused_seat_ids={ANNA.pk, ERIK.pk},
            stand_ins=[StandIn(ERIK, ANNA)],
            rule=self.rule,
        )
        self.assertEqual(
            problems,
            ["Erik Ersättare är själv jävig i § 7 och kan inte tjänstgöra för Anna Ledamot."],
        )

    def test_the_personal_rule_applies_to_stand_ins(self):
        _, problems = serving_in(
            number=7,
            attendances=self.everyone,
            recused_seat_ids={CARL.pk},
            stand_ins=[StandIn(ERIK, CARL)],
            rule=SubstituteRule.PERSONAL,
        )
        self.assertEqual(len(problems), 1)
        self.assertIn("Erik Ersättare är inte personlig ersättare för Carl Ledamot", problems[0])

    def test_a_stand_in_keeps_the_paragraph_quorate(self):
        # Three ledamöter, two present; one is jävig: 1 of 3 without the stand-in.
        attendances = [present(ANNA), absent(BERIT), present(CARL), present(ERIK)]
        without = quorum_for(
            rule=QuorumRule.MORE_THAN_HALF,
            seats=BOARD,
            number=7,
            attendances=attendances,
            recused_seat_ids={ANNA.pk},
        )
        with_stand_in = quorum_for(
            rule=QuorumRule.MORE_THAN_HALF,
            seats=BOARD,
            number=7,
            attendances=attendances,
            recused_seat_ids={ANNA.pk},
            stand_ins=[StandIn(ERIK, ANNA)],
        )
        self.assertEqual((len(without.deciding), without.is_quorate), (1, False))
        self.assertEqual((len(with_stand_in.deciding), with_stand_in.is_quorate), (2, True))
        self.assertEqual(with_stand_in.serving, [StandIn(ERIK, ANNA)])


class SubstitutionServiceTests(SamordnaTestCase):
    """Sundsvall (rule: same member). Board 2022: Nordenö (Region), Väst (kommun),
    Pettersson (AF), Kempe (FK); ersättare Jonsson (Region), Burman (kommun),
    Qvarnlöf (FK), Persbo (AF)."""

    def setUp(self):
        self.meeting = services.meeting_create(
            association=self.association,
            by=self.office,
            date=D(2022, 12, 16),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Sundsvall",
        )
        self.seats = {s.person.last_name: s for s in selectors.board_seats_at(self.meeting)}
        for number in (150, 151):
            proceedings.paragraph_create(
                meeting=self.meeting, by=self.office, number=number, title=f"Ärende {number}"
            )
        self.paragraph = self.meeting.paragraphs.get(number=151)

    def roll_call(self, absent=(), **serves_for) -> None:
        proceedings.roll_call_record(
            meeting=self.meeting,
            by=self.office,
            entries=[
                RollCallEntry(
                    seat=seat,
                    presence=Presence.ABSENT if name in absent else Presence.PRESENT,
                    serves_for=self.seats[serves_for[name]] if name in serves_for else None,
                )
                for name, seat in self.seats.items()
            ],
        )

    def test_an_ersattare_for_a_present_ledamot_is_refused_naming_both(self):
        with self.assertRaises(ValidationError) as caught:
            self.roll_call(Burman="Väst")
        self.assertIn(
            "Thomas Burman kan inte tjänstgöra för Jonas Väst, som är närvarande hela "
            "sammanträdet.",
            caught.exception.messages[0],
        )
        self.assertFalse(self.meeting.attendances.exists())

    def test_an_ersattare_for_a_ledamot_of_another_member_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.roll_call(absent=["Väst"], Qvarnlöf="Väst")
        self.assertEqual(
            caught.exception.messages,
            [
                "Lotta Qvarnlöf är ersättare för Försäkringskassan och kan inte tjänstgöra "
                "för Jonas Väst, ledamot för Sundsvalls kommun."
            ],
        )

    def test_the_personal_rule_is_the_forbunds_setting(self):
        self.association.substitute_rule = SubstituteRule.PERSONAL
        self.association.save()
        self.meeting.refresh_from_db()
        with self.assertRaises(ValidationError) as caught:
            self.roll_call(absent=["Väst"], Burman="Väst")
        self.assertIn(
            "Thomas Burman är inte personlig ersättare för Jonas Väst", str(caught.exception)
        )

    def test_a_stand_in_for_a_javig_ledamot_decides_in_that_paragraph(self):
        self.roll_call(absent=["Nordenö", "Pettersson"])
        proceedings.paragraph_jav_record(
            paragraph=self.paragraph,
            by=self.office,
            recusals=[(self.seats["Väst"], RecusalKind.DECISION)],
            stand_ins=[(self.seats["Burman"], self.seats["Väst"])],
        )
        quorum = proceedings.paragraph_quorum(self.paragraph)
        self.assertEqual(sorted(s.person.last_name for s in quorum.deciding), ["Burman", "Kempe"])
        self.assertTrue(quorum.is_quorate)  # 2 of 4, "minst hälften"
        proceedings.paragraph_update(
            paragraph=self.paragraph, by=self.office, decision="Att bevilja."
        )
        other = proceedings.paragraph_quorum(self.meeting.paragraphs.get(number=150))
        self.assertEqual(sorted(s.person.last_name for s in other.deciding), ["Kempe", "Väst"])
        rows = selectors.minutes_rows(self.meeting)
        self.assertEqual(
            [(str(s.seat.person), str(s.serves_for.person)) for s in rows[1].stand_ins],
            [("Thomas Burman", "Jonas Väst")],
        )
        # The minutes say so in the §, in the PDF and in Word alike.
        minutes = minutes_of(self.meeting)
        html = render_to_string(
            "meetings/documents/minutes.html", documents._minutes_context(minutes)
        )
        word = docx.Document(io.BytesIO(documents.minutes_docx(minutes)))
        texts = [p.text for p in word.paragraphs]
        for line in (
            "Thomas Burman tjänstgjorde för Jonas Väst.",
            "Beslutande: Lina Kempe, Thomas Burman (2 av 4).",
        ):
            with self.subTest(line=line):
                self.assertIn(line, " ".join(re.sub(r"<[^>]+>", "", html).split()))
                self.assertIn(line, texts)

    def test_a_stand_in_for_a_ledamot_who_is_not_javig_is_refused(self):
        self.roll_call()
        with self.assertRaises(ValidationError) as caught:
            proceedings.paragraph_jav_record(
                paragraph=self.paragraph,
                by=self.office,
                recusals=[],
                stand_ins=[(self.seats["Burman"], self.seats["Väst"])],
            )
        self.assertEqual(
            caught.exception.messages,
            [
                "Thomas Burman kan inte tjänstgöra för Jonas Väst i § 151: Jonas Väst deltar "
                "i paragrafen och är inte jävig."
            ],
        )
        self.assertFalse(self.paragraph.stand_ins.exists())

    def test_clearing_the_jav_of_a_ledamot_with_a_stand_in_is_refused(self):
        self.roll_call()
        proceedings.paragraph_jav_record(
            paragraph=self.paragraph,
            by=self.office,
            recusals=[(self.seats["Väst"], RecusalKind.DECISION)],
            stand_ins=[(self.seats["Burman"], self.seats["Väst"])],
        )
        with self.assertRaises(ValidationError):
            proceedings.recusal_set(
                paragraph=self.paragraph, seat=self.seats["Väst"], kind=None, by=self.office
            )

    def test_marking_a_stand_in_absent_afterwards_is_refused(self):
        self.roll_call()
        proceedings.paragraph_jav_record(
            paragraph=self.paragraph,
            by=self.office,
            recusals=[(self.seats["Väst"], RecusalKind.DECISION)],
            stand_ins=[(self.seats["Burman"], self.seats["Väst"])],
        )
        with self.assertRaises(ValidationError) as caught:
            self.roll_call(absent=["Burman"])
        self.assertIn("Thomas Burman deltar inte i § 151", caught.exception.messages[0])


class PersonalSubstituteSeatTests(SamordnaTestCase):
    def test_a_personal_ersattare_is_tied_to_an_ordinary_seat_of_the_forbund(self):
        seats = {s.person.last_name: s for s in self.association.board_seats.all()}
        association_services.board_seat_update(
            seat=seats["Burman"], by=self.office, substitute_for=seats["Väst"]
        )
        self.assertEqual(
            self.association.board_seats.get(pk=seats["Burman"].pk).substitute_for, seats["Väst"]
        )
        stranger = self.other.board_seats.filter(kind=SeatKind.ORDINARY).first()
        for seat, ledamot in [
            (seats["Burman"], stranger),  # another förbund's ledamot
            (seats["Burman"], seats["Qvarnlöf"]),  # an ersättare
            (seats["Väst"], seats["Nordenö"]),  # a ledamot is nobody's ersättare
        ]:
            with self.subTest(seat=str(seat)), self.assertRaises(ValidationError) as caught:
                association_services.board_seat_update(
                    seat=seat, by=self.office, substitute_for=ledamot
                )
            self.assertIn("substitute_for", caught.exception.message_dict)
