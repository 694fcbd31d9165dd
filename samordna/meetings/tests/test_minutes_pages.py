import datetime

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.core.models import TaskProgress
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings.models import Attendance, Paragraph, RecusalKind
from samordna.meetings.services import justering, proceedings
from samordna.meetings.tests.helpers import unapproved_copy
from samordna.meetings.views import DOCX

D = datetime.date


class MinutesPageTests(SamordnaTestCase):
    def setUp(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)
        self.paragraph = self.meeting.paragraphs.get(number=132)

    def urls(self):
        args = ["sundsvall", self.meeting.pk]
        return [
            reverse("meetings:roll_call", args=args),
            reverse("meetings:paragraph_create", args=args),
            reverse("meetings:paragraph_update", args=[*args, self.paragraph.pk]),
            reverse("meetings:recusals", args=[*args, self.paragraph.pk]),
        ]

    def test_meeting_page_shows_roll_call_jav_and_quorum_of_paragraph_132(self):
        self.login(self.board)
        response = self.client.get(reverse("meetings:detail", args=["sundsvall", self.meeting.pk]))
        self.assertContains(response, "Jonas Väst deltog inte i beslutet.")
        self.assertContains(response, "Thomas Burman deltog inte i diskussionen.")
        self.assertContains(response, "Beslutför: 3 beslutande av 4 ledamöter (minst 2).")
        self.assertContains(response, "Att bevilja medel med 709 000 kr")
        self.assertNotContains(response, "Registrera upprop")

    def test_access_per_role(self):
        for user, status in [
            (self.office, 200),
            (self.chair, 403),
            (self.auditor, 403),
            (self.outsider, 404),
        ]:
            self.login(user)
            for url in self.urls():
                with self.subTest(user=user.username, url=url):
                    self.assertEqual(self.client.get(url).status_code, status)
                    if user != self.office:
                        self.assertEqual(self.client.post(url).status_code, status)
            self.assertEqual(self.client.put(self.urls()[0]).status_code, 405)

    def roll_call_data(self, **overrides):
        data = {}
        for attendance in self.meeting.attendances.select_related("seat"):
            pk = attendance.seat_id
            data[f"presence_{pk}"] = attendance.presence
            data[f"from_{pk}"] = ""
            data[f"until_{pk}"] = ""
            data[f"note_{pk}"] = ""
            if attendance.seat.kind == "substitute":
                data[f"serves_for_{pk}"] = ""
        data.update(overrides)
        return data

    def test_departure_is_recorded_and_changes_the_quorum(self):
        self.login(self.office)
        kempe = self.association.board_seats.get(person__last_name="Kempe").pk
        response = self.client.post(
            self.urls()[0],
            self.roll_call_data(**{f"until_{kempe}": "131", f"note_{kempe}": "Avvek kl. 11.00"}),
        )
        self.assertRedirects(
            response, reverse("meetings:detail", args=["sundsvall", self.meeting.pk])
        )
        attendance = Attendance.objects.get(meeting=self.meeting, seat_id=kempe)
        self.assertEqual(
            (attendance.until_number, attendance.history.latest().history_user), (131, self.office)
        )
        page = self.client.get(reverse("meetings:detail", args=["sundsvall", self.meeting.pk]))
        self.assertContains(page, "Beslutför: 2 beslutande av 4 ledamöter (minst 2).")

    def test_departure_before_arrival_is_refused_and_input_kept(self):
        self.login(self.office)
        kempe = self.association.board_seats.get(person__last_name="Kempe").pk
        response = self.client.post(
            self.urls()[0],
            self.roll_call_data(
                **{
                    f"from_{kempe}": "130",
                    f"until_{kempe}": "125",
                    f"note_{kempe}": "Skrivet av användaren",
                }
            ),
        )
        self.assertContains(response, "avvek före ankomsten", status_code=400)
        self.assertContains(response, 'value="Skrivet av användaren"', status_code=400)
        self.assertIsNone(Attendance.objects.get(meeting=self.meeting, seat_id=kempe).until_number)

    def test_new_paragraph_gets_the_next_number(self):
        self.login(self.office)
        response = self.client.post(
            self.urls()[1],
            {"number": "", "title": "Övriga frågor", "decision": "Att notera informationen."},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Paragraph.objects.filter(meeting=self.meeting, number=147).exists())

    def test_jav_is_set_and_cleared(self):
        self.login(self.office)
        seats = {s.person.last_name: s.pk for s in self.association.board_seats.all()}
        data = {f"seat_{pk}": "" for pk in seats.values()}
        data[f"seat_{seats['Nordenö']}"] = "decision"
        data[f"seat_{seats['Väst']}"] = ""
        # only seats on the board that day are in the form; extra keys are ignored
        response = self.client.post(self.urls()[3], data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            sorted(r.seat.person.last_name for r in self.paragraph.recusals.all()),
            ["Nordenö"],
        )

    def test_meeting_page_cost_is_fixed(self):
        self.login(self.board)
        url = reverse("meetings:detail", args=["sundsvall", self.meeting.pk])
        with self.assertNumQueries(DETAIL_QUERIES):
            self.client.get(url)


class FortyParagraphsTests(SamordnaTestCase):
    """The meeting page and the justering page cost the same with 1 § as with 40 §§."""

    def test_cost_does_not_grow_with_paragraphs(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)
        justering.signers_set(
            meeting=meeting,
            by=self.office,
            chair=self.association.people.get(last_name="Nordenö"),
            adjusters=[self.association.people.get(last_name="Pettersson")],
        )
        detail = reverse("meetings:detail", args=["sundsvall", meeting.pk])
        approve = reverse("meetings:approve", args=["sundsvall", meeting.pk])
        self.assertEqual(meeting.paragraphs.count(), 27)
        self.login(self.board)
        with self.assertNumQueries(DETAIL_QUERIES):
            self.client.get(detail)
        with self.assertNumQueries(APPROVE_QUERIES):
            self.client.get(approve)
        kempe = self.association.board_seats.get(person__last_name="Kempe")
        for number in range(147, 160):
            paragraph = proceedings.paragraph_create(
                meeting=meeting, by=self.office, number=number, title=f"Ärende {number}"
            )
            proceedings.recusal_set(
                paragraph=paragraph, seat=kempe, kind=RecusalKind.DECISION, by=self.office
            )
            proceedings.paragraph_update(
                paragraph=paragraph, by=self.office, decision="Att notera informationen."
            )
        self.assertEqual(meeting.paragraphs.count(), 40)
        with self.assertNumQueries(DETAIL_QUERIES):
            response = self.client.get(detail)
        self.assertContains(response, "§ 159 Ärende 159")
        with self.assertNumQueries(APPROVE_QUERIES):
            self.client.get(approve)


# With what the §§ decided about insatser: two queries (three when a § granted money);
# one more for the ersättare serving in a § for a jävig ledamot, one for the delegation
# decisions reported to the meeting.
DETAIL_QUERIES = 18
APPROVE_QUERIES = 13


class JusteringPagesTests(SamordnaTestCase):
    """The kansli chooses the justerare; each justerar with their own login in the app."""

    def setUp(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)
        self.args = ["sundsvall", self.meeting.pk]

    def person(self, last_name: str):
        return self.association.people.get(last_name=last_name)

    def test_signers_are_chosen_among_those_present(self):
        self.login(self.office)
        url = reverse("meetings:signers", args=self.args)
        page = self.client.get(url)
        self.assertContains(page, "Christina Nordenö")
        self.assertNotContains(page, "Sanna Jonsson")  # absent, so not offered
        response = self.client.post(url, {"chair": self.person("Nordenö").pk})
        self.assertContains(response, "Välj minst en justerare.", status_code=400)
        response = self.client.post(
            url, {"chair": self.person("Nordenö").pk, "adjusters": [self.person("Pettersson").pk]}
        )
        self.assertRedirects(response, reverse("meetings:detail", args=self.args))
        self.assertEqual(
            [(s.person.last_name, s.role) for s in self.meeting.signers.all()],
            [("Nordenö", "chair"), ("Pettersson", "adjuster")],
        )

    def test_each_signer_justerar_and_the_last_locks_the_minutes(self):
        justering.signers_set(
            meeting=self.meeting,
            by=self.office,
            chair=self.person("Nordenö"),
            adjusters=[self.person("Pettersson")],
        )
        approve = reverse("meetings:approve", args=self.args)
        for user, status in [(self.auditor, 403), (self.outsider, 404), (self.office, 403)]:
            self.login(user)
            with self.subTest(user=user.username):
                self.assertEqual(self.client.get(approve).status_code, status)
        # The sekreterare confirms the text first, with his own login.
        self.login(self.chair)
        early = self.client.post(approve, follow=True)
        self.assertContains(early, "Sekreteraren Jan Andersson har inte bestyrkt")
        confirm = reverse("meetings:confirm", args=self.args)
        self.assertEqual(self.client.post(confirm).status_code, 403)
        self.login(self.office)
        detail = self.client.get(reverse("meetings:detail", args=self.args))
        self.assertContains(detail, "Bestyrk protokollets text")
        self.client.post(confirm)
        self.meeting.refresh_from_db()
        self.assertIsNotNone(self.meeting.text_confirmed_at)
        self.login(self.chair)
        page = self.client.get(approve)
        self.assertContains(page, "§ 132")
        self.assertContains(page, "Justera protokollet")
        self.client.post(approve)
        again = self.client.post(approve, follow=True)
        self.assertContains(again, "Du har redan justerat protokollet")
        self.assertFalse(hasattr(self.meeting, "approved_minutes"))

        self.login(self.board)
        start = self.client.get(reverse("associations:start", args=["sundsvall"]))
        self.assertContains(start, "Protokoll att justera")
        done = self.client.post(approve, follow=True)
        self.assertContains(done, "Protokollet är justerat av alla och låst.")
        self.meeting.refresh_from_db()
        approved = self.meeting.approved_minutes
        detail = self.client.get(reverse("meetings:detail", args=self.args))
        self.assertContains(detail, approved.sha256)
        self.assertNotContains(detail, "Registrera upprop")

        # Editing pages now send the kansli back with the reason.
        self.login(self.office)
        response = self.client.get(reverse("meetings:roll_call", args=self.args), follow=True)
        self.assertContains(response, "Protokollet är justerat och kan inte ändras.")
        pdf = self.client.get(reverse("meetings:minutes_pdf", args=self.args))
        self.assertEqual(pdf.getvalue(), approved.pdf.open("rb").read())


class PapersAndDocumentsPagesTests(SamordnaTestCase):
    def setUp(self):
        self.meeting = self.association.meetings.get(date=D(2023, 1, 27))
        self.args = ["sundsvall", self.meeting.pk]

    def test_upload_checks_type_and_keeps_the_title(self):
        self.login(self.office)
        url = reverse("meetings:attachment_create", args=self.args)
        bad = SimpleUploadedFile("budget.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
        response = self.client.post(url, {"title": "Budget 2023", "file": bad})
        self.assertContains(
            response, "innehållet är en annan sorts fil, inte en PDF-fil", status_code=400
        )
        self.assertContains(response, 'value="Budget 2023"', status_code=400)
        self.assertFalse(self.meeting.attachments.exists())
        good = SimpleUploadedFile(
            "budget.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", "application/pdf"
        )
        response = self.client.post(url, {"title": "Budget 2023", "file": good})
        self.assertRedirects(response, reverse("meetings:detail", args=self.args))
        attachment = self.meeting.attachments.get()
        self.assertEqual((attachment.number, attachment.title), (1, "Budget 2023"))

        self.login(self.board)  # board members read the papers in the app
        detail = self.client.get(reverse("meetings:detail", args=self.args))
        self.assertContains(detail, "Bilaga 1: Budget 2023")
        download = self.client.get(reverse("meetings:attachment", args=[*self.args, attachment.pk]))
        self.assertEqual(download["Content-Type"], "application/pdf")
        self.login(self.outsider)
        self.assertEqual(
            self.client.get(
                reverse("meetings:attachment", args=[*self.args, attachment.pk])
            ).status_code,
            404,
        )

    def test_documents_download(self):
        self.login(self.board)
        november = self.association.meetings.get(date=D(2022, 11, 25))
        for name, args, content_type in [
            ("meetings:kallelse_pdf", self.args, "application/pdf"),
            ("meetings:minutes_docx", ["sundsvall", november.pk], DOCX),
        ]:
            with self.subTest(name=name):
                response = self.client.get(reverse(name, args=args))
                self.assertEqual(response["Content-Type"], content_type)
        paragraph = november.paragraphs.get(number=132)
        extract = reverse("meetings:extract", args=["sundsvall", november.pk, paragraph.pk])
        self.assertEqual(self.client.get(extract).status_code, 403)  # the kansli certifies
        self.login(self.office)
        response = self.client.get(extract)
        self.assertTrue(response.content.startswith(b"%PDF-"))

    def test_a_kallelse_for_a_meeting_already_held_asks_first(self):
        self.association.people.filter(last_name="Nordenö").update(email="ordf@example.se")
        self.login(self.office)
        url = reverse("meetings:kallelse_send", args=self.args)
        response = self.client.post(url)  # 27 January 2023 is long past
        self.assertContains(response, "Sammanträdet var 27 januari 2023, det har redan hållits.")
        self.assertContains(response, 'name="tidigare" value="ja"')
        self.assertEqual(len(mail.outbox), 0)
        self.meeting.refresh_from_db()
        self.assertIsNone(self.meeting.notice_sent_at)

    def test_kallelse_is_sent_from_the_meeting_page(self):
        self.login(self.office)
        url = reverse("meetings:kallelse_send", args=self.args)
        response = self.client.post(url, {"tidigare": "ja"}, follow=True)
        self.assertContains(response, "Ingen i styrelsen har en e-postadress")
        self.association.people.filter(last_name__in=["Nordenö", "Burman"]).update(
            email="styrelsen@example.se"
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"tidigare": "ja"})
        progress = TaskProgress.objects.get(association=self.association)
        self.assertRedirects(response, reverse("core:progress", args=["sundsvall", progress.pk]))
        response = self.client.get(response["Location"])
        self.assertContains(response, "Kallelsen är skickad till 2 ledamöter och ersättare.")
        self.assertContains(response, '<progress id="progress-bar-')
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(mail.outbox[0].attachments[0][2], "application/pdf")

    def test_a_task_is_reported_and_leaves_the_agenda(self):
        task = self.association.tasks.filter(due_meeting=self.meeting).earliest("pk")
        self.login(self.office)
        detail = reverse("meetings:detail", args=self.args)
        self.assertContains(self.client.get(detail), task.text)
        response = self.client.post(
            reverse("meetings:task_done", args=[*self.args, task.pk]),
            {"done_on": "2023-01-27", "note": "Redovisat muntligt."},
        )
        self.assertRedirects(response, detail)
        self.assertContains(
            self.client.get(detail), "Inga uppdrag ska redovisas vid det här sammanträdet."
        )
