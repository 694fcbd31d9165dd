import datetime

from django.core.exceptions import ValidationError

from samordna.associations.models import BoardSeat
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import services
from samordna.meetings.models import Presence, RecusalKind
from samordna.meetings.quorum import required_for
from samordna.meetings.services import proceedings
from samordna.meetings.services.proceedings import RollCallEntry
from samordna.meetings.tests.helpers import unapproved_copy

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
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)

    def test_paragraphs_are_numbered_on_from_the_given_start(self):
        january = self.association.meetings.get(date=D(2023, 1, 27))
        first = proceedings.paragraph_create(
            meeting=january, by=self.office, number=1, title="Sammanträdet öppnas"
        )
        second = proceedings.paragraph_create(meeting=january, by=self.office, title="Val")
        self.assertEqual((first.number, second.number), (1, 2))
        with self.assertRaises(ValidationError):
            proceedings.paragraph_create(meeting=january, by=self.office, number=2, title="X")

    def test_jav_member_is_not_counted_in_paragraph_132(self):
        paragraph = self.meeting.paragraphs.get(number=132)  # jäv as in the demo data
        self.assertEqual(
            {(r.seat.person.last_name, r.kind) for r in paragraph.recusals.all()},
            {("Väst", RecusalKind.DECISION), ("Burman", RecusalKind.DISCUSSION)},
        )
        quorum = proceedings.paragraph_quorum(paragraph)
        names = sorted(s.person.last_name for s in quorum.deciding)
        self.assertEqual(names, ["Kempe", "Nordenö", "Pettersson"])
        self.assertEqual((quorum.seats, quorum.required, quorum.is_quorate), (4, 2, True))
        proceedings.paragraph_update(
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
        proceedings.roll_call_record(meeting=self.meeting, by=self.office, entries=entries)
        paragraph = self.meeting.paragraphs.get(number=120)
        names = sorted(s.person.last_name for s in proceedings.paragraph_quorum(paragraph).deciding)
        self.assertEqual(names, ["Burman", "Kempe", "Nordenö", "Pettersson"])


class RollCallRuleTests(SamordnaTestCase):
    def setUp(self):
        # Härnösand–Timrå's board as on 2023-11-24 (whose minutes are justerade): a new
        # meeting with three of that day's §§.
        self.meeting = services.meeting_create(
            association=self.other,
            by=self.outsider,
            date=D(2023, 12, 15),
            starts_at=datetime.time(9),
            ends_at=datetime.time(13),
            place="Härnösand",
        )
        self.seats = {
            s.person.last_name: s for s in self.other.board_seats.select_related("person")
        }
        for number, title in [
            (108, "Mötets öppnande"),
            (125, "Ansvarsfrihet"),
            (138, "Avslutning"),
        ]:
            proceedings.paragraph_create(
                meeting=self.meeting, by=self.outsider, number=number, title=title
            )

    def record(self, **qvarnlof):
        entries = [
            RollCallEntry(seat=self.seats[name], presence=Presence.PRESENT)
            for name in ["Fällström", "Kempe", "Edén"]
        ] + [RollCallEntry(seat=self.seats["Qvarnlöf"], presence=Presence.REMOTE, **qvarnlof)]
        proceedings.roll_call_record(meeting=self.meeting, by=self.outsider, entries=entries)

    def test_departure_before_paragraph_125_takes_the_remote_member_out(self):
        # "Lotta Qvarnlöf, digital närvaro. Avvek kl. 12.00 och deltog ej vid §125-138."
        self.record(until_number=124, note="Avvek kl. 12.00")
        opening = self.meeting.paragraphs.get(number=108)
        late = self.meeting.paragraphs.get(number=125)
        self.assertEqual(len(proceedings.paragraph_quorum(opening).deciding), 4)
        quorum = proceedings.paragraph_quorum(late)
        self.assertEqual((len(quorum.deciding), quorum.required, quorum.is_quorate), (3, 3, True))

    def test_decision_without_quorum_needs_a_reason(self):
        self.record(until_number=124)
        late = self.meeting.paragraphs.get(number=125)
        proceedings.recusal_set(
            paragraph=late, seat=self.seats["Kempe"], kind=RecusalKind.DECISION, by=self.outsider
        )
        with self.assertRaises(ValidationError) as caught:
            proceedings.paragraph_update(paragraph=late, by=self.outsider, decision="Att notera.")
        self.assertIn("inte beslutför i § 125: 2 beslutande av 4", caught.exception.messages[0])
        proceedings.paragraph_update(
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
            proceedings.roll_call_record(
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
            proceedings.roll_call_record(
                meeting=self.meeting,
                by=self.outsider,
                entries=[RollCallEntry(seat=sundsvall_seat, presence=Presence.PRESENT)],
            )


class NumberingTests(SamordnaTestCase):
    def test_numbers_run_on_through_the_year_across_meetings(self):
        # As in 003_…: October ended with § 119, so November opened with § 120.
        october = self.association.meetings.get(date=D(2022, 10, 21))
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.assertEqual(
            [list(m.paragraphs.values_list("number", flat=True)) for m in (october, november)],
            [list(range(98, 120)), list(range(120, 147))],
        )
        january = self.association.meetings.get(date=D(2023, 1, 27))
        february = self.association.meetings.get(date=D(2023, 2, 21))
        proceedings.paragraph_create(meeting=january, by=self.office, title="Öppnas")
        proceedings.paragraph_create(meeting=january, by=self.office, title="Avslutas")
        first = proceedings.paragraph_create(meeting=february, by=self.office, title="Öppnas")
        self.assertEqual(first.number, 3)  # a new calendar year starts again at § 1

    def test_numbers_restart_per_meeting_when_the_forbund_says_so(self):
        self.association.paragraph_numbering = "per_meeting"
        self.association.save()
        january = self.association.meetings.get(date=D(2023, 1, 27))
        february = self.association.meetings.get(date=D(2023, 2, 21))
        proceedings.paragraph_create(meeting=january, by=self.office, title="Öppnas")
        first = proceedings.paragraph_create(meeting=february, by=self.office, title="Öppnas")
        self.assertEqual(first.number, 1)
