import datetime

from django.core.exceptions import ValidationError

from samordna.associations.models import BoardSeat
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import services
from samordna.meetings.models import Presence, RecusalKind
from samordna.meetings.quorum import required_for
from samordna.meetings.services import RollCallEntry

D = datetime.date


class RequiredForTests(SamordnaTestCase):
    def test_law_requires_more_than_half_and_sundsvall_at_least_half(self):
        self.assertEqual(required_for("more_than_half", 4), 3)
        self.assertEqual(required_for("more_than_half", 5), 3)
        self.assertEqual(required_for("at_least_half", 4), 2)
        self.assertEqual(required_for("at_least_half", 5), 3)


class SundsvallNovemberTests(SamordnaTestCase):
    """2022-11-25: four ledamöter present, two ersättare present but not serving;
    Jonas Väst did not take part in the decisions of §132-137 (003_…)."""

    def seat(self, last_name: str) -> BoardSeat:
        return self.association.board_seats.get(person__last_name=last_name)

    def setUp(self):
        self.meeting = self.association.meetings.get(date=D(2022, 11, 25))
        present = ["Nordenö", "Väst", "Pettersson", "Kempe", "Qvarnlöf", "Burman"]
        entries = [
            RollCallEntry(seat=self.seat(name), presence=Presence.PRESENT) for name in present
        ] + [
            RollCallEntry(seat=self.seat(name), presence=Presence.ABSENT)
            for name in ["Jonsson", "Persbo"]
        ]
        services.roll_call_record(meeting=self.meeting, by=self.office, entries=entries)

    def test_paragraphs_are_numbered_on_from_the_given_start(self):
        first = services.paragraph_create(
            meeting=self.meeting, by=self.office, number=120, title="Sammanträdet öppnas"
        )
        second = services.paragraph_create(
            meeting=self.meeting, by=self.office, title="Val av justerare"
        )
        self.assertEqual((first.number, second.number), (120, 121))
        with self.assertRaises(ValidationError):
            services.paragraph_create(meeting=self.meeting, by=self.office, number=121, title="X")

    def test_jav_member_is_not_counted_in_paragraph_132(self):
        paragraph = services.paragraph_create(
            meeting=self.meeting,
            by=self.office,
            number=132,
            title="Ansökan – Arbetskonsulent för personer med aktivitetsersättning",
        )
        services.recusal_set(
            paragraph=paragraph, seat=self.seat("Väst"), kind=RecusalKind.DECISION, by=self.office
        )
        services.recusal_set(
            paragraph=paragraph,
            seat=self.seat("Burman"),
            kind=RecusalKind.DISCUSSION,
            by=self.office,
        )
        quorum = services.paragraph_quorum(paragraph)
        names = sorted(s.person.last_name for s in quorum.deciding)
        self.assertEqual(names, ["Kempe", "Nordenö", "Pettersson"])
        self.assertEqual((quorum.seats, quorum.required, quorum.is_quorate), (4, 2, True))
        services.paragraph_update(
            paragraph=paragraph, by=self.office, decision="Att bevilja 709 000 kr för 2023."
        )

    def test_a_serving_substitute_counts_for_the_absent_member(self):
        entries = [
            RollCallEntry(seat=self.seat("Väst"), presence=Presence.ABSENT),
            RollCallEntry(
                seat=self.seat("Burman"),
                presence=Presence.PRESENT,
                serves_for=self.seat("Väst"),
            ),
        ]
        services.roll_call_record(meeting=self.meeting, by=self.office, entries=entries)
        paragraph = services.paragraph_create(
            meeting=self.meeting, by=self.office, number=120, title="Sammanträdet öppnas"
        )
        names = sorted(s.person.last_name for s in services.paragraph_quorum(paragraph).deciding)
        self.assertEqual(names, ["Burman", "Kempe", "Nordenö", "Pettersson"])


class RollCallRuleTests(SamordnaTestCase):
    def setUp(self):
        self.meeting = self.other.meetings.get(date=D(2023, 11, 24))
        self.seats = {
            s.person.last_name: s for s in self.other.board_seats.select_related("person")
        }
        for number, title in [
            (108, "Mötets öppnande"),
            (125, "Ansvarsfrihet"),
            (138, "Avslutning"),
        ]:
            services.paragraph_create(
                meeting=self.meeting, by=self.outsider, number=number, title=title
            )

    def record(self, **qvarnlof):
        entries = [
            RollCallEntry(seat=self.seats[name], presence=Presence.PRESENT)
            for name in ["Fällström", "Kempe", "Edén"]
        ] + [RollCallEntry(seat=self.seats["Qvarnlöf"], presence=Presence.REMOTE, **qvarnlof)]
        services.roll_call_record(meeting=self.meeting, by=self.outsider, entries=entries)

    def test_departure_before_paragraph_125_takes_the_remote_member_out(self):
        # "Lotta Qvarnlöf, digital närvaro. Avvek kl. 12.00 och deltog ej vid §125-138."
        self.record(until_number=124, note="Avvek kl. 12.00")
        opening = self.meeting.paragraphs.get(number=108)
        late = self.meeting.paragraphs.get(number=125)
        self.assertEqual(len(services.paragraph_quorum(opening).deciding), 4)
        quorum = services.paragraph_quorum(late)
        self.assertEqual((len(quorum.deciding), quorum.required, quorum.is_quorate), (3, 3, True))

    def test_decision_without_quorum_needs_a_reason(self):
        self.record(until_number=124)
        late = self.meeting.paragraphs.get(number=125)
        services.recusal_set(
            paragraph=late, seat=self.seats["Kempe"], kind=RecusalKind.DECISION, by=self.outsider
        )
        with self.assertRaises(ValidationError) as caught:
            services.paragraph_update(paragraph=late, by=self.outsider, decision="Att notera.")
        self.assertIn("inte beslutför i § 125: 2 beslutande av 4", caught.exception.messages[0])
        services.paragraph_update(
            paragraph=late,
            by=self.outsider,
            decision="Att notera.",
            quorum_override="Brådskande; anmäls vid nästa sammanträde.",
        )

    def test_departure_before_arrival_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.record(from_number=130, until_number=125)
        self.assertIn("avvek före ankomsten", caught.exception.messages[0])

    def test_paragraph_outside_the_meeting_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.record(until_number=150)
        self.assertIn("§ 150 finns inte i protokollet (§ 108–138)", caught.exception.messages[0])

    def test_one_substitute_per_member_and_only_ordinary_members_are_served(self):
        with self.assertRaises(ValidationError):
            services.roll_call_record(
                meeting=self.meeting,
                by=self.outsider,
                entries=[
                    RollCallEntry(
                        seat=self.seats["Kempe"],
                        presence=Presence.PRESENT,
                        serves_for=self.seats["Edén"],
                    )
                ],
            )

    def test_a_member_not_on_the_board_that_day_is_refused(self):
        sundsvall_seat = self.association.board_seats.first()
        assert sundsvall_seat is not None
        with self.assertRaises(ValidationError):
            services.roll_call_record(
                meeting=self.meeting,
                by=self.outsider,
                entries=[RollCallEntry(seat=sundsvall_seat, presence=Presence.PRESENT)],
            )


class NumberingTests(SamordnaTestCase):
    def test_numbers_run_on_through_the_year_across_meetings(self):
        october = self.association.meetings.get(date=D(2022, 10, 21))
        november = self.association.meetings.get(date=D(2022, 11, 25))
        services.paragraph_create(meeting=october, by=self.office, number=98, title="Öppnas")
        services.paragraph_create(meeting=october, by=self.office, number=119, title="Avslutas")
        first = services.paragraph_create(meeting=november, by=self.office, title="Öppnas")
        self.assertEqual(first.number, 120)

    def test_numbers_restart_per_meeting_when_the_forbund_says_so(self):
        self.association.paragraph_numbering = "per_meeting"
        self.association.save()
        october = self.association.meetings.get(date=D(2022, 10, 21))
        november = self.association.meetings.get(date=D(2022, 11, 25))
        services.paragraph_create(meeting=october, by=self.office, number=98, title="Öppnas")
        first = services.paragraph_create(meeting=november, by=self.office, title="Öppnas")
        self.assertEqual(first.number, 1)
