"""Justering: who signs, each signer approving with their own login, the PDF/A kept with its
SHA-256, the anslag, and the lock that holds below the views once the minutes are justerade."""

import datetime
import hashlib
import zoneinfo

import time_machine
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from samordna.associations.models import BoardSeat, Person
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import services
from samordna.meetings.locking import (
    FINAL_PARAGRAPH_MESSAGE,
    KEPT_MESSAGE,
    LOCKED_MESSAGE,
    MinutesLocked,
)
from samordna.meetings.models import (
    ApprovedMinutes,
    Attachment,
    Attendance,
    Guest,
    Meeting,
    MinutesSigner,
    Notice,
    Paragraph,
    Presence,
    Recusal,
    RecusalKind,
)
from samordna.meetings.selectors import minutes_to_approve
from samordna.meetings.services import justering, papers, proceedings
from samordna.meetings.services.proceedings import RollCallEntry
from samordna.meetings.tests.helpers import pdf_inflated, unapproved_copy

D = datetime.date
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def pdf_upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


class NovemberCopyTestCase(SamordnaTestCase):
    """A not yet justerad copy, held 2022-12-16, of Sundsvall's minutes of 2022-11-25."""

    meeting: Meeting

    def person(self, last_name: str) -> Person:
        return self.association.people.get(last_name=last_name)

    def seat(self, last_name: str) -> BoardSeat:
        return self.association.board_seats.get(person__last_name=last_name)

    def set_signers(self) -> None:
        justering.signers_set(
            meeting=self.meeting,
            by=self.office,
            chair=self.person("Nordenö"),
            adjusters=[self.person("Pettersson")],
        )


class SignersTests(NovemberCopyTestCase):
    def setUp(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)

    def test_an_absent_member_cannot_justera(self):
        with self.assertRaises(ValidationError) as caught:
            justering.signers_set(
                meeting=self.meeting,
                by=self.office,
                chair=self.person("Nordenö"),
                adjusters=[self.person("Jonsson")],
            )
        self.assertEqual(
            caught.exception.message_dict["adjusters"],
            ["Sanna Jonsson var inte närvarande vid sammanträdet och kan inte justera."],
        )
        self.assertFalse(self.meeting.signers.exists())

    def test_at_least_one_justerare_is_needed(self):
        with self.assertRaises(ValidationError) as caught:
            justering.signers_set(
                meeting=self.meeting, by=self.office, chair=self.person("Nordenö"), adjusters=[]
            )
        self.assertEqual(caught.exception.message_dict["adjusters"], ["Välj minst en justerare."])
        self.assertFalse(self.meeting.signers.exists())

    def test_the_chair_and_a_present_justerare_sign_chair_first(self):
        self.set_signers()
        self.assertEqual(
            [(str(s.person), s.role) for s in self.meeting.signers.all()],
            [("Christina Nordenö", "chair"), ("Peter Pettersson", "adjuster")],
        )
        self.assertFalse(self.meeting.signers.filter(approved_at__isnull=False).exists())


class ApprovalTests(NovemberCopyTestCase):
    def setUp(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)
        self.set_signers()
        # Jan Andersson, sekreterare with his own login, confirms the text first.
        justering.minutes_confirm(meeting=self.meeting, by=self.office)

    def approve(self, user, when: datetime.datetime) -> ApprovedMinutes | None:
        with time_machine.travel(when, tick=False):
            return justering.minutes_approve(meeting=self.meeting, by=user)

    def test_one_who_is_not_a_signer_is_refused(self):
        for user in (self.office, self.auditor, self.finance):
            with self.subTest(user=user.username), self.assertRaises(ValidationError) as caught:
                self.approve(user, at(D(2022, 12, 19), 10))
            self.assertEqual(
                caught.exception.messages, ["Du är inte utsedd att justera det här protokollet."]
            )
        self.assertFalse(self.meeting.signers.filter(approved_at__isnull=False).exists())

    def test_minutes_cannot_be_approved_before_the_meeting_is_held(self):
        with self.assertRaises(ValidationError) as caught:
            self.approve(self.chair, at(D(2022, 12, 15), 16))
        self.assertEqual(caught.exception.messages, ["Sammanträdet har inte hållits ännu."])
        self.assertFalse(self.meeting.signers.filter(approved_at__isnull=False).exists())

    def test_the_chair_approves_once_and_the_minutes_wait_for_the_justerare(self):
        self.assertIsNone(self.approve(self.chair, at(D(2022, 12, 16), 15, 30)))
        chair = self.meeting.signers.get(role="chair")
        self.assertEqual(chair.approved_at, at(D(2022, 12, 16), 15, 30))
        self.assertEqual(chair.approved_by, self.chair)
        self.assertFalse(ApprovedMinutes.objects.filter(meeting=self.meeting).exists())
        self.assertFalse(Notice.objects.filter(meeting=self.meeting).exists())

        with self.assertRaises(ValidationError) as caught:
            self.approve(self.chair, at(D(2022, 12, 17), 9))
        self.assertIn(
            "Du har redan justerat protokollet 2022-12-16 15.30", caught.exception.messages[0]
        )
        self.assertEqual(self.meeting.signers.get(role="chair").approved_at, chair.approved_at)

        # Still open: the kansli may correct a § before the justerare has signed.
        paragraph = self.meeting.paragraphs.get(number=146)
        proceedings.paragraph_update(paragraph=paragraph, by=self.office, title="Avslutning")

    def test_the_last_signer_locks_the_minutes_as_pdf_a_and_posts_the_anslag(self):
        self.approve(self.chair, at(D(2022, 12, 16), 15))
        approved = self.approve(self.board, at(D(2022, 12, 19), 10))

        assert approved is not None
        self.assertEqual(approved, ApprovedMinutes.objects.get(meeting=self.meeting))
        self.assertEqual(approved.approved_on, D(2022, 12, 19))
        self.assertEqual((approved.first_number, approved.last_number), (120, 146))
        with approved.pdf.open("rb") as stored:
            data = stored.read()
        self.assertEqual(approved.sha256, hashlib.sha256(data).hexdigest())
        self.assertTrue(data.startswith(b"%PDF-"))
        # WeasyPrint compresses the XMP metadata stream; the marker is inside it.
        metadata = pdf_inflated(data)
        self.assertIn(b'pdfaid:part="3"', metadata)
        self.assertIn(b'pdfaid:conformance="B"', metadata)

        notice = Notice.objects.get(meeting=self.meeting)
        self.assertEqual(notice.association, self.association)
        self.assertEqual(notice.posted_on, D(2022, 12, 19))
        self.assertEqual(notice.taken_down_on, D(2022, 12, 19) + datetime.timedelta(days=21))
        self.assertEqual((notice.first_number, notice.last_number), (120, 146))
        self.assertEqual(notice.numbers, "§ 120–146")

        signers = {s.role: s for s in self.meeting.signers.all()}
        for role, user in [("chair", self.chair), ("adjuster", self.board)]:
            approval = signers[role].history.get(approved_at__isnull=False)
            self.assertEqual(approval.history_user, user)
        self.assertEqual(signers["chair"].history.earliest("history_id").history_user, self.office)
        self.assertEqual(signers["adjuster"].approved_by, self.board)
        self.assertEqual(approved.history.get().history_user, self.board)
        self.assertEqual(notice.history.get().history_user, self.board)

    def test_approved_minutes_cannot_be_approved_again(self):
        self.approve(self.chair, at(D(2022, 12, 16), 15))
        self.approve(self.board, at(D(2022, 12, 19), 10))
        with self.assertRaises(MinutesLocked) as caught:
            self.approve(self.chair, at(D(2022, 12, 20), 10))
        self.assertEqual(caught.exception.messages, [LOCKED_MESSAGE])

    def test_the_signer_is_asked_to_justera_until_the_signer_has_approved(self):
        def to_approve(person: Person) -> list[Meeting]:
            return [s.meeting for s in minutes_to_approve(person)]

        nordeno, pettersson = self.person("Nordenö"), self.person("Pettersson")
        self.assertIn(self.meeting, to_approve(nordeno))
        self.approve(self.chair, at(D(2022, 12, 16), 15))
        self.assertNotIn(self.meeting, to_approve(nordeno))
        self.assertIn(self.meeting, to_approve(pettersson))
        self.approve(self.board, at(D(2022, 12, 19), 10))
        self.assertNotIn(self.meeting, to_approve(pettersson))


class LockTests(NovemberCopyTestCase):
    """Once justerade, the store itself refuses every change, whatever path it takes."""

    approved: ApprovedMinutes

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        november = cls.association.meetings.get(date=D(2022, 11, 25))
        cls.meeting = unapproved_copy(november, D(2022, 12, 16), by=cls.office)
        proceedings.guest_add(meeting=cls.meeting, by=cls.office, name="Jan Andersson")
        papers.attachment_add(
            meeting=cls.meeting, by=cls.office, title="Budget", file=pdf_upload("budget.pdf")
        )
        people = {p.last_name: p for p in cls.association.people.all()}
        justering.signers_set(
            meeting=cls.meeting,
            by=cls.office,
            chair=people["Nordenö"],
            adjusters=[people["Pettersson"]],
        )
        justering.minutes_confirm(meeting=cls.meeting, by=cls.office)
        justering.minutes_approve(meeting=cls.meeting, by=cls.chair, now=at(D(2022, 12, 16), 15))
        approved = justering.minutes_approve(
            meeting=cls.meeting, by=cls.board, now=at(D(2022, 12, 19), 10)
        )
        assert approved is not None
        cls.approved = approved

    def snapshot(self) -> tuple:
        meeting = self.meeting
        approved = ApprovedMinutes.objects.get(meeting=meeting)
        notice = Notice.objects.get(meeting=meeting)
        return (
            Meeting.objects.filter(pk=meeting.pk).values_list("place", "date").get(),
            list(meeting.paragraphs.values_list("number", "title", "matter", "decision")),
            list(
                Recusal.objects.filter(paragraph__meeting=meeting)
                .order_by("pk")
                .values_list("paragraph__number", "seat_id", "kind")
            ),
            list(meeting.attendances.order_by("pk").values_list("seat_id", "presence")),
            list(meeting.guests.values_list("name", "from_number", "until_number")),
            list(meeting.signers.values_list("person_id", "approved_at")),
            list(meeting.attachments.values_list("number", "title")),
            (approved.sha256, approved.pdf.name, approved.approved_on),
            (notice.posted_on, notice.taken_down_on, notice.note),
        )

    def assertLocked(self, change, message: str = LOCKED_MESSAGE) -> None:
        before = self.snapshot()
        # Django deletes inside atomic(savepoint=False): a refused delete would otherwise
        # spoil the test's own transaction.
        with self.assertRaises(MinutesLocked) as caught, transaction.atomic():
            change()
        self.assertIsInstance(caught.exception, ValidationError)
        self.assertEqual(caught.exception.messages, [message])
        self.assertEqual(self.snapshot(), before)

    def paragraph(self, number: int) -> Paragraph:
        return self.meeting.paragraphs.get(number=number)

    def test_paragraph_service_refuses(self):
        self.assertLocked(
            lambda: proceedings.paragraph_update(
                paragraph=self.paragraph(132), by=self.office, title="Ändrad rubrik"
            )
        )
        self.assertLocked(
            lambda: proceedings.paragraph_create(meeting=self.meeting, by=self.office, title="Ny §")
        )

    def test_paragraph_save_refuses(self):
        paragraph = self.paragraph(132)
        paragraph.decision = "Att avslå ansökan."

        self.assertLocked(paragraph.save)

    def test_paragraph_queryset_update_and_delete_refuse(self):
        paragraphs = Paragraph.objects.filter(meeting=self.meeting)
        self.assertLocked(lambda: paragraphs.update(title="x"))
        self.assertLocked(paragraphs.delete)
        self.assertLocked(self.paragraph(146).delete)

    def test_jav_cannot_be_set_or_cleared(self):
        self.assertLocked(
            lambda: proceedings.recusal_set(
                paragraph=self.paragraph(121),
                seat=self.seat("Kempe"),
                kind=RecusalKind.DECISION,
                by=self.office,
            )
        )
        self.assertLocked(
            lambda: proceedings.recusal_set(
                paragraph=self.paragraph(132), seat=self.seat("Väst"), kind=None, by=self.office
            )
        )
        self.assertLocked(
            lambda: Recusal.objects.filter(paragraph__meeting=self.meeting).update(kind="decision")
        )

    def test_roll_call_cannot_change(self):
        self.assertLocked(
            lambda: proceedings.roll_call_record(
                meeting=self.meeting,
                by=self.office,
                entries=[RollCallEntry(seat=self.seat("Väst"), presence=Presence.ABSENT)],
            )
        )
        attendance = self.meeting.attendances.get(seat=self.seat("Väst"))
        self.assertLocked(attendance.delete)
        self.assertLocked(
            lambda: Attendance.objects.filter(meeting=self.meeting).update(presence="absent")
        )

    def test_guests_and_papers_cannot_be_added_or_removed(self):
        self.assertLocked(
            lambda: proceedings.guest_add(meeting=self.meeting, by=self.office, name="Ny gäst")
        )
        guest = self.meeting.guests.first()
        assert guest is not None
        self.assertLocked(lambda: proceedings.guest_delete(guest=guest, by=self.office))
        folder = f"bilagor/{self.association.pk}/2022-12-16"
        stored = sorted(default_storage.listdir(folder)[1])
        self.assertLocked(
            lambda: papers.attachment_add(
                meeting=self.meeting, by=self.office, title="Sent", file=pdf_upload("sent.pdf")
            )
        )
        self.assertEqual(sorted(default_storage.listdir(folder)[1]), stored)  # none left behind
        self.assertLocked(Attachment.objects.filter(meeting=self.meeting).delete)
        self.assertLocked(self.meeting.attachments.get().delete)
        self.assertLocked(lambda: Guest(meeting=self.meeting, name="Direkt").save())

    def test_signers_cannot_change(self):
        signer = self.meeting.signers.get(role="adjuster")
        signer.approved_at = None
        self.assertLocked(signer.save)
        self.assertLocked(
            lambda: MinutesSigner.objects.filter(meeting=self.meeting).update(approved_at=None)
        )

    def test_meeting_cannot_be_changed_or_deleted(self):
        meeting = Meeting.objects.get(pk=self.meeting.pk)
        meeting.place = "Någon annanstans"
        self.assertLocked(meeting.save)
        self.assertLocked(
            lambda: services.meeting_update(meeting=meeting, by=self.office, place="Annan plats")
        )
        self.assertLocked(Meeting.objects.get(pk=self.meeting.pk).delete)
        self.assertLocked(Meeting.objects.filter(pk=self.meeting.pk).delete)
        self.assertLocked(lambda: Meeting.objects.filter(pk=self.meeting.pk).update(place="x"))

    def test_the_approved_record_and_its_anslag_are_kept(self):
        approved = ApprovedMinutes.objects.get(meeting=self.meeting)
        approved.sha256 = "0" * 64
        self.assertLocked(approved.save, KEPT_MESSAGE)
        self.assertLocked(ApprovedMinutes.objects.get(meeting=self.meeting).delete, KEPT_MESSAGE)
        notice = Notice.objects.get(meeting=self.meeting)
        notice.taken_down_on = D(2022, 12, 20)
        self.assertLocked(notice.save, KEPT_MESSAGE)
        self.assertLocked(Notice.objects.get(meeting=self.meeting).delete, KEPT_MESSAGE)

    def test_the_approved_record_and_its_anslag_are_kept_from_bulk_changes(self):
        approved = ApprovedMinutes.objects.filter(meeting=self.meeting)
        notice = Notice.objects.filter(meeting=self.meeting)
        self.assertLocked(lambda: approved.update(sha256="0" * 64), KEPT_MESSAGE)
        self.assertLocked(approved.delete, KEPT_MESSAGE)
        self.assertLocked(lambda: notice.update(taken_down_on=D(2022, 12, 20)), KEPT_MESSAGE)
        self.assertLocked(notice.delete, KEPT_MESSAGE)

    def test_a_paragraph_that_gave_a_task_is_refused_as_locked(self):
        # § 142 of the demo's November minutes gave a task; the lock answers before the task's
        # PROTECT does.
        november = self.association.meetings.get(date=D(2022, 11, 25))
        paragraph = november.paragraphs.get(number=142)
        self.assertTrue(paragraph.tasks.exists())
        with self.assertRaises(MinutesLocked), transaction.atomic():
            paragraph.delete()
        self.assertTrue(november.paragraphs.filter(number=142).exists())

    def test_other_meetings_stay_open(self):
        january = self.association.meetings.get(date=D(2023, 1, 27))
        services.meeting_update(meeting=january, by=self.office, place="Stadshuset")
        proceedings.paragraph_create(meeting=january, by=self.office, title="Sammanträdet öppnas")
        planned = services.meeting_create(
            association=self.association,
            by=self.office,
            date=D(2023, 6, 16),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kommunhuset",
        )
        planned.delete()
        self.assertFalse(Meeting.objects.filter(pk=planned.pk).exists())


class ImmediatelyApprovedTests(NovemberCopyTestCase):
    def setUp(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)

    def test_an_immediately_approved_paragraph_is_final_once_saved(self):
        paragraph = self.meeting.paragraphs.get(number=132)
        proceedings.paragraph_update(paragraph=paragraph, by=self.office, immediately_approved=True)

        stored = self.meeting.paragraphs.get(number=132)
        with self.assertRaises(MinutesLocked) as caught:
            proceedings.paragraph_update(paragraph=stored, by=self.office, title="Ändrad")
        self.assertEqual(caught.exception.messages, [FINAL_PARAGRAPH_MESSAGE])
        with self.assertRaises(MinutesLocked):
            proceedings.paragraph_update(
                paragraph=self.meeting.paragraphs.get(number=132),
                by=self.office,
                immediately_approved=False,
            )
        with self.assertRaises(MinutesLocked):
            proceedings.recusal_set(
                paragraph=stored, seat=self.seat("Väst"), kind=None, by=self.office
            )
        with self.assertRaises(MinutesLocked):
            self.meeting.paragraphs.filter(number=132).update(title="x")
        stored.refresh_from_db()
        self.assertEqual(stored.title, paragraph.title)
        self.assertTrue(stored.immediately_approved)
        self.assertEqual(stored.recusals.count(), 2)

    def test_the_other_paragraphs_of_the_meeting_can_still_change(self):
        final = self.meeting.paragraphs.get(number=132)
        proceedings.paragraph_update(paragraph=final, by=self.office, immediately_approved=True)
        other = self.meeting.paragraphs.get(number=133)
        proceedings.paragraph_update(paragraph=other, by=self.office, title="Ny rubrik")
        proceedings.recusal_set(paragraph=other, seat=self.seat("Väst"), kind=None, by=self.office)
        self.meeting.paragraphs.filter(number=146).update(title="Avslutning")
        self.assertEqual(
            list(
                self.meeting.paragraphs.filter(number__in=[133, 146]).values_list(
                    "title", flat=True
                )
            ),
            ["Ny rubrik", "Avslutning"],
        )
        self.assertFalse(other.recusals.filter(seat=self.seat("Väst")).exists())
        self.meeting.paragraphs.get(number=146).delete()
        with self.assertRaises(MinutesLocked), transaction.atomic():
            self.meeting.paragraphs.get(number=132).delete()
        self.assertEqual(self.meeting.paragraphs.count(), 26)


class RollCallRecheckTests(NovemberCopyTestCase):
    def setUp(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)

    def test_absences_that_leave_a_decision_without_quorum_are_refused(self):
        # Four ledamöter, Sundsvall decides with at least half (2). In § 132 Jonas Väst is
        # jävig; with Kempe and Pettersson away only Nordenö would decide.
        before = list(self.meeting.attendances.order_by("pk").values_list("seat_id", "presence"))
        with self.assertRaises(ValidationError) as caught:
            proceedings.roll_call_record(
                meeting=self.meeting,
                by=self.office,
                entries=[
                    RollCallEntry(seat=self.seat("Kempe"), presence=Presence.ABSENT),
                    RollCallEntry(seat=self.seat("Pettersson"), presence=Presence.ABSENT),
                ],
            )
        message = caught.exception.messages[0]
        self.assertIn("icke beslutför i § 132", message)
        self.assertIn("Ange skälet i paragrafen först, eller rätta närvaron.", message)
        self.assertNotIn("§ 121", message)  # Nordenö and Väst still decide there
        self.assertEqual(
            list(self.meeting.attendances.order_by("pk").values_list("seat_id", "presence")),
            before,
        )

    def test_one_absence_that_keeps_the_quorum_is_recorded(self):
        proceedings.roll_call_record(
            meeting=self.meeting,
            by=self.office,
            entries=[RollCallEntry(seat=self.seat("Kempe"), presence=Presence.ABSENT)],
        )
        self.assertEqual(
            self.meeting.attendances.get(seat=self.seat("Kempe")).presence, Presence.ABSENT
        )

    def test_a_recorded_reason_lets_the_decision_stand(self):
        proceedings.paragraph_update(
            paragraph=self.meeting.paragraphs.get(number=132),
            by=self.office,
            quorum_override="Brådskande; anmäls vid nästa sammanträde.",
        )
        with self.assertRaises(ValidationError) as caught:
            proceedings.roll_call_record(
                meeting=self.meeting,
                by=self.office,
                entries=[
                    RollCallEntry(seat=self.seat("Kempe"), presence=Presence.ABSENT),
                    RollCallEntry(seat=self.seat("Pettersson"), presence=Presence.ABSENT),
                ],
            )
        self.assertNotIn("§ 132,", caught.exception.messages[0])
        self.assertIn("§ 133", caught.exception.messages[0])


class FinalParagraphRollCallTests(SamordnaTestCase):
    def test_roll_call_cannot_change_who_decided_an_immediately_approved_paragraph(self):
        november = self.association.meetings.get(date=datetime.date(2022, 11, 25))
        meeting = unapproved_copy(november, datetime.date(2022, 12, 16), by=self.office)
        paragraph = meeting.paragraphs.get(number=121)
        proceedings.paragraph_update(paragraph=paragraph, by=self.office, immediately_approved=True)
        kempe = self.association.board_seats.get(person__last_name="Kempe")
        with self.assertRaises(ValidationError) as caught:
            proceedings.roll_call_record(
                meeting=meeting,
                by=self.office,
                entries=[RollCallEntry(seat=kempe, presence=Presence.ABSENT)],
            )
        self.assertIn("§ 121, som är omedelbart justerad", caught.exception.messages[0])
        self.assertEqual(meeting.attendances.get(seat=kempe).presence, Presence.PRESENT)
        # A late arrival after § 121 changes nothing there and is accepted.
        proceedings.roll_call_record(
            meeting=meeting,
            by=self.office,
            entries=[RollCallEntry(seat=kempe, presence=Presence.PRESENT, until_number=140)],
        )


class SecretaryConfirmationTests(NovemberCopyTestCase):
    """The sekreterare confirms the text before the chair and the justerare justera."""

    def setUp(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)
        self.set_signers()

    def test_the_signers_wait_for_the_sekreterare(self):
        with self.assertRaises(ValidationError) as caught:
            justering.minutes_approve(
                meeting=self.meeting, by=self.chair, now=at(D(2022, 12, 16), 15)
            )
        self.assertEqual(
            caught.exception.messages,
            ["Sekreteraren Jan Andersson har inte bestyrkt protokollets text ännu."],
        )

    def test_a_sekreterare_with_a_login_confirms_with_it_alone(self):
        for user in (self.chair, self.board):
            with self.subTest(user=user.username), self.assertRaises(ValidationError):
                justering.minutes_confirm(meeting=self.meeting, by=user)
        justering.minutes_confirm(meeting=self.meeting, by=self.office)
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.text_confirmed_by, self.office)

    def test_the_kansli_confirms_for_a_sekreterare_without_a_login(self):
        services.meeting_update(
            meeting=self.meeting, by=self.office, secretary=self.person("Jonsson")
        )
        self.set_signers()
        with self.assertRaises(ValidationError):
            justering.minutes_confirm(meeting=self.meeting, by=self.board)
        justering.minutes_confirm(meeting=self.meeting, by=self.office)
        justering.minutes_approve(meeting=self.meeting, by=self.chair, now=at(D(2022, 12, 16), 15))

    def test_the_kansli_cannot_confirm_for_a_sekreterare_who_has_a_login(self):
        services.meeting_update(
            meeting=self.meeting, by=self.office, secretary=self.person("Burman")
        )
        with self.assertRaises(ValidationError) as caught:
            justering.minutes_confirm(meeting=self.meeting, by=self.office)
        self.assertIn("Thomas Burman", caught.exception.messages[0])

    def test_a_change_after_the_confirmation_asks_for_a_new_one(self):
        justering.minutes_confirm(meeting=self.meeting, by=self.office)
        paragraph = self.meeting.paragraphs.get(number=125)
        proceedings.paragraph_update(paragraph=paragraph, by=self.office, title="Ny rubrik")
        with self.assertRaises(ValidationError) as caught:
            justering.minutes_approve(
                meeting=self.meeting, by=self.chair, now=at(D(2022, 12, 16), 15)
            )
        self.assertIn("har ändrats sedan sekreteraren bestyrkte", caught.exception.messages[0])
        justering.minutes_confirm(meeting=self.meeting, by=self.office)
        justering.minutes_approve(meeting=self.meeting, by=self.chair, now=at(D(2022, 12, 16), 15))

    def test_a_sekreterare_of_another_forbund_is_refused(self):
        stranger = self.other.people.first()
        with self.assertRaises(ValidationError) as caught:
            services.meeting_update(meeting=self.meeting, by=self.office, secretary=stranger)
        self.assertIn("secretary", caught.exception.message_dict)
