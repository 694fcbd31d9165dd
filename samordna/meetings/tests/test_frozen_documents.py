"""Justerade documents are frozen: the PDF/A, the Word copy and every utdrag say what they
said at justering, whatever later happens to the register of people and seats."""

import datetime
import hashlib
import io
import zoneinfo

import docx
import time_machine
from django.db.models import F, Value
from django.db.models.functions import Concat, Upper
from django.urls import reverse
from pypdf import PdfReader

from samordna.associations.models import BoardSeat, Person
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import documents, selectors, services
from samordna.meetings.locking import LOCKED_MESSAGE, MinutesLocked
from samordna.meetings.models import ApprovedMinutes, Meeting, RecusalKind, Task
from samordna.meetings.selectors import minutes_of
from samordna.meetings.services import justering, proceedings
from samordna.meetings.tests.helpers import unapproved_copy

D = datetime.date
CERTIFIED_AT = datetime.datetime(2024, 3, 1, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"))


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


class FrozenDocumentsTests(SamordnaTestCase):
    """The demo's minutes of 2022-11-25 were justerade through the service when it loaded."""

    def setUp(self):
        self.meeting = self.association.meetings.get(date=D(2022, 11, 25))
        self.login(self.office)

    def documents(self) -> dict[str, bytes]:
        args = ["sundsvall", self.meeting.pk]
        found = {
            "pdf": body(self.client.get(reverse("meetings:minutes_pdf", args=args))),
            "docx": body(self.client.get(reverse("meetings:minutes_docx", args=args))),
        }
        with time_machine.travel(CERTIFIED_AT, tick=False):
            for paragraph in self.meeting.paragraphs.all():
                response = self.client.get(reverse("meetings:extract", args=[*args, paragraph.pk]))
                self.assertEqual(response.status_code, 200)
                found[f"utdrag § {paragraph.number}"] = body(response)
        return found

    def edit_every_person_and_seat(self) -> None:
        Person.objects.filter(association=self.association).update(
            first_name=Concat(Value("Ny"), F("first_name")), last_name=Upper("last_name")
        )
        members = list(self.association.members.all())
        for seat in BoardSeat.objects.filter(association=self.association):
            other = next(m for m in members if m.pk != seat.member_id)
            # Another member, and a mandate that ended before the meeting.
            BoardSeat.objects.filter(pk=seat.pk).update(
                member=other, starts_on=D(2010, 1, 1), ends_on=D(2011, 12, 31)
            )

    def test_the_word_minutes_are_kept_at_justering_with_their_hash(self):
        approved = ApprovedMinutes.objects.get(meeting=self.meeting)
        with approved.docx.open("rb") as stored:
            data = stored.read()
        self.assertEqual(approved.docx_sha256, hashlib.sha256(data).hexdigest())
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        self.assertIn(f"SHA-256 för det justerade protokollet: {approved.sha256}", text)
        self.assertIn("Protokollet är justerat.", text)

    def test_every_document_is_unchanged_after_every_person_and_seat_is_edited(self):
        before = self.documents()
        # The kind of line that moved when the Word copy was rebuilt from today's register.
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(before["docx"])).paragraphs)
        self.assertIn("Jonas Väst deltog inte i beslutet.", text)

        self.edit_every_person_and_seat()

        after = self.documents()
        self.assertEqual(before.keys(), after.keys())
        for name, data in before.items():
            with self.subTest(document=name):
                self.assertEqual(after[name], data)

    def test_the_snapshot_holds_the_names_and_initials_at_justering(self):
        snapshot = ApprovedMinutes.objects.get(meeting=self.meeting).snapshot
        self.edit_every_person_and_seat()
        self.assertEqual(
            ApprovedMinutes.objects.get(meeting=self.meeting).snapshot["initials"],
            snapshot["initials"],
        )
        self.assertNotIn("Ny", snapshot["initials"])
        deciding = [
            name
            for paragraph in snapshot["paragraphs"].values()
            if paragraph["quorum"]
            for name in paragraph["quorum"]["deciding"]
        ]
        self.assertIn("Christina Nordenö", deciding)


class NothingAddedTests(SamordnaTestCase):
    def setUp(self):
        self.meeting = self.association.meetings.get(date=D(2022, 11, 25))

    def test_a_task_cannot_be_given_at_justerade_minutes(self):
        paragraph = self.meeting.paragraphs.get(number=142)
        before = Task.objects.count()
        with self.assertRaises(MinutesLocked) as caught:
            services.task_create(
                meeting=self.meeting,
                by=self.office,
                text="Utreda något mer",
                responsible="Förbundschefen",
                paragraph=paragraph,
            )
        self.assertEqual(caught.exception.messages, [LOCKED_MESSAGE])
        self.assertEqual(Task.objects.count(), before)

    def test_the_task_page_says_why(self):
        self.login(self.office)
        response = self.client.post(
            reverse("meetings:task_create", args=["sundsvall", self.meeting.pk]),
            {"text": "Utreda något mer", "responsible": "Förbundschefen"},
        )
        self.assertContains(
            response, "Protokollet är justerat och kan inte ändras.", status_code=400
        )
        self.assertFalse(Task.objects.filter(text="Utreda något mer").exists())

    def test_a_meeting_not_justerad_still_takes_tasks(self):
        january = self.association.meetings.get(date=D(2023, 1, 27))
        later = Meeting.objects.filter(association=self.association, date__gt=january.date).first()
        task = services.task_create(
            meeting=january,
            by=self.office,
            text="Rapportera",
            responsible="Kansliet",
            due_meeting=later,
        )
        self.assertEqual(task.given_at, january)


class FrozenStandInTests(SamordnaTestCase):
    """An ersättare who stood in for a jävig ledamot in one § is part of what was justerat:
    the utdrag of that § says so, as the full minutes do."""

    def setUp(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)
        seats = {s.person.last_name: s for s in selectors.board_seats_at(self.meeting)}
        self.paragraph = self.meeting.paragraphs.get(number=142)
        proceedings.paragraph_jav_record(
            paragraph=self.paragraph,
            by=self.office,
            recusals=[(seats["Väst"], RecusalKind.DECISION)],
            stand_ins=[(seats["Burman"], seats["Väst"])],
        )
        justering.signers_set(
            meeting=self.meeting,
            by=self.office,
            chair=self.association.people.get(last_name="Nordenö"),
            adjusters=[self.association.people.get(last_name="Pettersson")],
        )
        justering.minutes_confirm(meeting=self.meeting, by=self.office)
        for user, hour in ((self.chair, 15), (self.board, 16)):
            with time_machine.travel(
                datetime.datetime(2022, 12, 16, hour, tzinfo=CERTIFIED_AT.tzinfo), tick=False
            ):
                justering.minutes_approve(meeting=self.meeting, by=user)

    def extract_text(self) -> str:
        self.login(self.office)
        args = ["sundsvall", self.meeting.pk, self.paragraph.pk]
        with time_machine.travel(CERTIFIED_AT, tick=False):
            response = self.client.get(reverse("meetings:extract", args=args))
        self.assertEqual(response.status_code, 200)
        reader = PdfReader(io.BytesIO(body(response)))
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    def test_the_utdrag_of_a_justerad_paragraph_names_the_stand_in(self):
        snapshot = ApprovedMinutes.objects.get(meeting=self.meeting).snapshot
        self.assertEqual(
            snapshot["paragraphs"][str(self.paragraph.pk)]["stand_ins"],
            [{"person": "Thomas Burman", "serves_for": "Jonas Väst"}],
        )
        # Renamed in the register afterwards: the utdrag prints the names as justerade.
        Person.objects.filter(association=self.association).update(
            first_name=Concat(Value("Ny"), F("first_name"))
        )
        text = self.extract_text()
        self.assertIn("Thomas Burman tjänstgjorde för Jonas Väst.", text)
        self.assertIn("Jonas Väst deltog inte i beslutet.", text)

    def test_a_snapshot_kept_before_stand_ins_were_kept_still_renders(self):
        minutes = minutes_of(self.meeting)
        assert minutes.approved is not None
        for paragraph in minutes.approved.snapshot["paragraphs"].values():
            del paragraph["stand_ins"]  # in memory only: the kept record cannot change
        row = next(r for r in minutes.rows if r.paragraph.pk == self.paragraph.pk)
        data = documents.extract_pdf(
            minutes, row, certified_by="Jan Andersson", certified_on=CERTIFIED_AT.date()
        )
        text = " ".join(
            " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split()
        )
        self.assertIn("Jonas Väst deltog inte i beslutet.", text)
        self.assertNotIn("tjänstgjorde för", text)
