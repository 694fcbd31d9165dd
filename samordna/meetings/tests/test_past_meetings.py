"""Meetings held before Samordna: registered as justerade on their own dates with the
signed original as the archival record; in the public archive, never a current notice;
corrected only with a reason kept in the history."""

import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import selectors
from samordna.meetings.locking import MinutesLocked
from samordna.meetings.models import ApprovedMinutes, Meeting, Notice, Presence
from samordna.meetings.past import PastParagraph
from samordna.meetings.services import past_meetings, proceedings
from samordna.meetings.services.past_meetings import register_past_meeting
from samordna.meetings.services.proceedings import RollCallEntry

D = datetime.date
SIGNED = b"%PDF-1.4\n% signed on paper, scanned\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def original(content: bytes = SIGNED, name: str = "protokoll-2019-03-15.pdf"):
    return SimpleUploadedFile(name, content)


class RegisterPastMeetingTests(SamordnaTestCase):
    def register(self, **overrides):
        fields = {
            "association": self.association,
            "by": self.office,
            "date": D(2019, 6, 14),
            "starts_at": datetime.time(9),
            "ends_at": datetime.time(12),
            "place": "Kommunhuset, Sundsvall",
            "approved_on": D(2019, 6, 24),
            "posted_on": D(2019, 6, 25),
            "taken_down_on": D(2019, 7, 16),
            "original": original(),
            "paragraphs": [
                PastParagraph(number=1, title="Sammanträdet öppnas"),
                PastParagraph(number=2, title="Budget 2019", decision="Att fastställa budgeten."),
            ],
            "secretary": self.association.people.get(last_name="Andersson"),
        }
        fields.update(overrides)
        return register_past_meeting(**fields)

    def test_a_past_meeting_is_justerad_on_its_own_dates_with_the_original_kept(self):
        approved = self.register()
        self.assertTrue(approved.registered_afterwards)
        self.assertEqual(approved.approved_on, D(2019, 6, 24))
        self.assertEqual(approved.sha256, hashlib.sha256(SIGNED).hexdigest())
        with approved.pdf.open("rb") as kept:
            self.assertEqual(kept.read(), SIGNED)
        notice = Notice.objects.get(meeting=approved.meeting)
        self.assertEqual(
            (notice.posted_on, notice.taken_down_on, notice.numbers),
            (D(2019, 6, 25), D(2019, 7, 16), "§ 1–2"),
        )
        paragraph = approved.meeting.paragraphs.get(number=2)
        with self.assertRaises(MinutesLocked):
            proceedings.paragraph_update(paragraph=paragraph, by=self.office, title="Annat")

    def test_the_upprop_and_jav_of_the_original_are_recorded_and_checked(self):
        seats = {
            s.person.last_name: s for s in self.association.board_seats.select_related("person")
        }
        approved = self.register(
            attendance=[
                RollCallEntry(seat=seat, presence=Presence.PRESENT) for seat in seats.values()
            ]
        )
        self.assertEqual(approved.meeting.attendances.count(), len(seats))
        with self.assertRaises(ValidationError):
            self.register(
                date=D(2019, 9, 13),
                attendance=[
                    RollCallEntry(seat=seats["Väst"], presence=Presence.PRESENT),
                    RollCallEntry(
                        seat=seats["Burman"], presence=Presence.PRESENT, serves_for=seats["Väst"]
                    ),
                ],
            )
        self.assertFalse(Meeting.objects.filter(date=D(2019, 9, 13)).exists())

    def test_a_past_meeting_registered_with_its_own_dates_never_shows_as_a_current_notice(self):
        # Its anslag ran 26 November–17 December 2026, before the förbund used Samordna.
        approved = self.register(
            date=D(2026, 11, 20),
            approved_on=D(2026, 11, 25),
            posted_on=D(2026, 11, 26),
            taken_down_on=D(2026, 12, 17),
            today=D(2026, 12, 1),
        )
        notice = Notice.objects.get(meeting=approved.meeting)
        for day in (D(2026, 11, 26), D(2026, 12, 1), D(2026, 12, 17)):
            self.assertNotIn(notice, selectors.current_notices(day))
            archived = selectors.archive_page(day, 1, 50).object_list
            self.assertIn(notice.pk, [row["pk"] for row in archived])

    def test_the_public_archive_shows_it_with_its_own_dates_and_the_original(self):
        approved = self.register()
        notice = Notice.objects.get(meeting=approved.meeting)
        response = self.client.get(reverse("public:archive"))
        self.assertContains(response, "Styrelsen, 14 juni 2019")
        self.assertContains(response, "<td>25 juni 2019</td>", html=False)
        self.assertContains(response, approved.sha256)
        self.assertContains(response, "Undertecknat original")
        self.assertContains(
            response, "<td>Förbundets webbplats och huvudmännens anslagstavlor</td>"
        )
        response = self.client.get(reverse("public:minutes_pdf", args=[notice.pk]))
        self.assertEqual(b"".join(response.streaming_content), SIGNED)  # type: ignore[attr-defined]

    def test_impossible_dates_and_files_are_refused(self):
        for overrides, field in [
            ({"approved_on": D(2019, 6, 13)}, "approved_on"),
            ({"posted_on": D(2019, 6, 23)}, "posted_on"),
            ({"taken_down_on": D(2019, 6, 24)}, "taken_down_on"),
            ({"original": original(b"not a pdf")}, "original"),
            ({"original": original(SIGNED, "protokoll.docx")}, "original"),
            ({"paragraphs": []}, "paragraphs"),
        ]:
            with self.subTest(field=field), self.assertRaises(ValidationError) as caught:
                self.register(**overrides)
            self.assertIn(field, caught.exception.message_dict)

    def test_a_scanned_image_is_kept_as_the_original(self):
        png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
        approved = self.register(original=original(png, "skannat.png"))
        self.assertTrue(approved.pdf.name.endswith(".png"))
        self.assertEqual(approved.sha256, hashlib.sha256(png).hexdigest())


class CorrectPastMeetingTests(SamordnaTestCase):
    def setUp(self):
        self.approved = register_past_meeting(
            association=self.association,
            by=self.office,
            date=D(2019, 3, 15),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kommunhuset",
            approved_on=D(2019, 3, 25),
            posted_on=D(2019, 3, 26),
            taken_down_on=D(2019, 4, 16),
            original=original(),
            paragraphs=[PastParagraph(number=1, title="Sammanträdet öppnas")],
        )
        self.meeting = self.approved.meeting

    def test_a_correction_needs_a_reason_which_the_history_keeps(self):
        with self.assertRaises(ValidationError) as caught:
            past_meetings.past_meeting_correct(
                meeting=self.meeting, by=self.office, reason=" ", posted_on=D(2019, 3, 27)
            )
        self.assertIn("reason", caught.exception.message_dict)
        past_meetings.past_meeting_correct(
            meeting=self.meeting,
            by=self.office,
            reason="Anslaget sattes upp dagen efter, enligt originalet.",
            posted_on=D(2019, 3, 27),
            place="Kommunhuset, rum 612",
        )
        notice = Notice.objects.get(meeting=self.meeting)
        self.assertEqual(notice.posted_on, D(2019, 3, 27))
        latest = notice.history.latest()
        self.assertEqual(
            latest.history_change_reason, "Anslaget sattes upp dagen efter, enligt originalet."
        )
        self.assertEqual(latest.history_user, self.office)
        self.assertEqual(
            self.meeting.history.latest().history_change_reason,
            "Anslaget sattes upp dagen efter, enligt originalet.",
        )

    def test_a_new_original_replaces_the_hash_shown(self):
        corrected = b"%PDF-1.4\n% the right scan\n%%EOF\n"
        past_meetings.past_meeting_correct(
            meeting=self.meeting,
            by=self.office,
            reason="Fel fil registrerades.",
            original=original(corrected),
        )
        approved = ApprovedMinutes.objects.get(meeting=self.meeting)
        self.assertEqual(approved.sha256, hashlib.sha256(corrected).hexdigest())

    def test_the_lock_still_holds_outside_a_correction(self):
        with self.assertRaises(MinutesLocked):
            Notice.objects.filter(meeting=self.meeting).update(posted_on=D(2019, 3, 28))
        self.meeting.place = "Annat"
        with self.assertRaises(MinutesLocked):
            self.meeting.save()

    def test_minutes_justerade_in_samordna_cannot_be_corrected_this_way(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        with self.assertRaises(MinutesLocked):
            past_meetings.past_meeting_correct(
                meeting=november, by=self.office, reason="Försök", place="Annat"
            )


class PastMeetingPageTests(SamordnaTestCase):
    def test_the_kansli_registers_a_past_meeting_and_lands_on_it(self):
        self.login(self.office)
        response = self.client.post(
            self.url("sammantraden/tidigare/"),
            {
                "date": "2019-03-15",
                "starts_at": "09:00",
                "ends_at": "12:00",
                "place": "Kommunhuset",
                "secretary": self.association.people.get(last_name="Andersson").pk,
                "approved_on": "2019-03-25",
                "posted_on": "2019-03-26",
                "taken_down_on": "2019-04-16",
                "paragraphs": "1 Sammanträdet öppnas\n§ 2 Budget 2019\n",
                "original": original(),
            },
        )
        meeting = self.association.meetings.get(date=D(2019, 3, 15))
        self.assertRedirects(response, self.url(f"sammantraden/{meeting.pk}/"))
        self.assertEqual(
            list(meeting.paragraphs.values_list("number", "title")),
            [(1, "Sammanträdet öppnas"), (2, "Budget 2019")],
        )
        page = self.client.get(self.url(f"sammantraden/{meeting.pk}/"))
        self.assertContains(page, "registrerat i efterhand")
        self.assertContains(page, "Rätta registreringen")

    def test_a_board_member_may_not_register(self):
        self.login(self.board)
        response = self.client.get(self.url("sammantraden/tidigare/"))
        self.assertEqual(response.status_code, 403)
