"""The documents a meeting produces, read from the demo's justerade minutes of Sundsvall
2022-11-25 (§ 120–146): PDF and PDF/A, Word, utdrag and kallelse; and the papers, tasks and
rich text that go into them."""

import datetime
import hashlib
import io
import re
import zipfile
import zoneinfo

import docx
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from weasyprint import HTML

from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import documents, selectors, services
from samordna.meetings.models import Meeting
from samordna.meetings.selectors import Minutes, ParagraphRow, minutes_of, open_tasks_for
from samordna.meetings.services import kallelse, papers, proceedings
from samordna.meetings.services.papers import ATTACHMENT_MAX_BYTES
from samordna.meetings.tests.helpers import pdf_inflated, pdf_outline, pdf_page_count

D = datetime.date
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
NUMBERS = range(120, 147)


def row_of(minutes: Minutes, number: int) -> ParagraphRow:
    return next(row for row in minutes.rows if row.paragraph.number == number)


def positions(text: str, needles: list[str]) -> list[int]:
    return [text.find(needle) for needle in needles]


class NovemberMinutesTestCase(SamordnaTestCase):
    def setUp(self):
        self.meeting = self.association.meetings.get(date=D(2022, 11, 25))
        self.minutes = minutes_of(self.meeting)

    def html(self) -> str:
        return render_to_string(
            "meetings/documents/minutes.html", documents._minutes_context(self.minutes)
        )


class MinutesDocumentTests(NovemberMinutesTestCase):
    def test_the_paragraphs_120_to_146_stand_in_order(self):
        html = self.html()
        found = positions(html, [f"<h2>§ {n} " for n in NUMBERS])
        self.assertNotIn(-1, found)
        self.assertEqual(found, sorted(found))
        self.assertIn("§ 120–146", html)

        outline = pdf_outline(documents.minutes_pdf(self.minutes))
        paragraphs = [title for title in outline if title.startswith("§ ")]
        self.assertEqual([title.split()[1] for title in paragraphs], [str(n) for n in NUMBERS])
        self.assertEqual(paragraphs[0], "§ 120 Sammanträdet öppnas")
        self.assertEqual(paragraphs[-1], "§ 146 Sammanträdet avslutas")

    def test_the_anslag_gives_the_dates_of_justering_and_notice(self):
        html = self.html()
        for label, value in [
            ("Justeringsdatum", "2022-12-05"),
            ("Anslaget uppsatt", "2022-12-05"),
            ("Anslaget tas ned", "2022-12-26"),
            ("Paragrafer", "§ 120–146"),
            ("Förvaringsplats för protokollet", "Samordningsförbundet i Sundsvall, Kommunhuset"),
        ]:
            with self.subTest(label=label):
                self.assertRegex(html, rf'<th scope="row">{label}</th><td>{value}')
        anslag = html[html.index("<h2>ANSLAG/BEVIS</h2>") :]
        self.assertIn(
            "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.", anslag
        )

    def test_a_member_with_jav_is_not_among_those_deciding_paragraph_132(self):
        row = row_of(self.minutes, 132)
        assert row.quorum is not None
        self.assertEqual(
            sorted(seat.person.last_name for seat in row.quorum.deciding),
            ["Kempe", "Nordenö", "Pettersson"],
        )
        self.assertEqual((len(row.quorum.deciding), row.quorum.seats), (3, 4))
        self.assertTrue(row.quorum.is_quorate)

        html = self.html()
        start = html.index("<h2>§ 132 ")
        section = html[start : html.index("</section>", start)]
        self.assertIn("Jonas Väst deltog inte i beslutet.", section)
        self.assertIn("Thomas Burman deltog inte i diskussionen.", section)
        deciding = re.search(r"Beslutande: ([^(]*) \((\d+) av (\d+)\)", section)
        assert deciding is not None
        names = deciding.group(1)
        for name in ["Christina Nordenö", "Peter Pettersson", "Lina Kempe"]:
            self.assertIn(name, names)
        self.assertNotIn("Väst", names)
        self.assertEqual(deciding.group(2, 3), ("3", "4"))

    def test_the_sekreterare_confirmed_the_text_and_signs_under_underskrifter(self):
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", self.html()))
        self.assertIn(
            "Justerat digitalt 2022-12-05 10.05 Peter Pettersson, justerare "
            "Bestyrkt digitalt 2022-12-05 09.55 Jan Andersson, sekreterare",
            text,
        )
        self.assertIn("Anslaget på Förbundets webbplats och huvudmännens anslagstavlor", text)

    def test_every_page_is_numbered_and_initialled_chair_first(self):
        self.assertEqual(self.minutes.initials, "cn pp")
        html = self.html()
        # The margin text is a CSS string with every sign escaped (core.documents.css_string).
        self.assertIn('@bottom-left { content: "Justerare\\3A  cn pp";', html)
        self.assertIn('"Sid " counter(page) " (" counter(pages) ")"', html)

    def test_the_pdf_has_the_pages_its_page_tree_counts(self):
        data = documents.minutes_pdf(self.minutes)
        self.assertTrue(data.startswith(b"%PDF-"))
        pages = pdf_page_count(data)
        count = re.search(rb"/Type\s*/Pages\b[^>]*?/Count (\d+)", pdf_inflated(data))
        assert count is not None
        self.assertEqual(pages, int(count.group(1)))
        self.assertGreaterEqual(pages, 5)  # 27 §§, some a page long; 11 pages with DejaVu
        self.assertNotIn(b"pdfaid:part", pdf_inflated(data))  # only the archival form is PDF/A

    def test_the_stored_minutes_are_pdf_a_with_their_sha256(self):
        approved = self.minutes.approved
        assert approved is not None
        with approved.pdf.open("rb") as stored:
            data = stored.read()
        self.assertTrue(data.startswith(b"%PDF-"))
        self.assertEqual(approved.sha256, hashlib.sha256(data).hexdigest())
        metadata = pdf_inflated(data)
        self.assertIn(b'pdfaid:part="3"', metadata)
        self.assertIn(b'pdfaid:conformance="B"', metadata)
        self.assertEqual(approved.approved_on, D(2022, 12, 5))
        self.assertEqual(pdf_outline(data)[3], "§ 120 Sammanträdet öppnas")

    def test_archival_form_is_pdf_a_3b(self):
        data = documents.minutes_pdf(self.minutes, archival=True)
        self.assertIn(b'pdfaid:part="3"', pdf_inflated(data))
        self.assertIn(b"GTS_PDFA1", pdf_inflated(data))  # the output intent PDF/A asks for


class MinutesWordTests(NovemberMinutesTestCase):
    def setUp(self):
        super().setUp()
        self.document = docx.Document(io.BytesIO(documents.minutes_docx(self.minutes)))

    def test_the_paragraphs_are_headings_in_order(self):
        headings = [
            p.text
            for p in self.document.paragraphs
            if p.style is not None and p.style.name.startswith("Heading")
        ]
        paragraphs = [text for text in headings if text.startswith("§ ")]
        self.assertEqual([text.split()[1] for text in paragraphs], [str(n) for n in NUMBERS])
        self.assertEqual(paragraphs[0], "§ 120 Sammanträdet öppnas")
        self.assertEqual(
            headings[:3], ["Sammanträdesprotokoll – styrelsen", "Underskrifter", "ANSLAG/BEVIS"]
        )
        texts = [p.text for p in self.document.paragraphs]
        self.assertIn("Jonas Väst deltog inte i beslutet.", texts)

    def test_the_anslag_table_gives_the_dates(self):
        anslag = {row.cells[0].text: row.cells[1].text for row in self.document.tables[1].rows}
        self.assertEqual(anslag["Organ"], "Styrelsen, Samordningsförbundet i Sundsvall")
        self.assertEqual(anslag["Sammanträdesdatum"], "2022-11-25")
        self.assertEqual(anslag["Paragrafer"], "§ 120–146")
        self.assertEqual(anslag["Justeringsdatum"], "2022-12-05")
        self.assertEqual(anslag["Anslaget uppsatt"], "2022-12-05")
        self.assertEqual(anslag["Anslaget tas ned"], "2022-12-26")

    def test_the_sekreterare_signs_and_times_are_in_stockholm_time(self):
        texts = [p.text for p in self.document.paragraphs]
        # Christina Nordenö justerade at 10.00 Swedish time (09.00 UTC), as the PDF says.
        self.assertIn(
            "Justerat digitalt 2022-12-05 10.00\n______________________________\n"
            "Christina Nordenö, ordförande",
            texts,
        )
        self.assertIn(
            "Bestyrkt digitalt 2022-12-05 09.55\n______________________________\n"
            "Jan Andersson, sekreterare",
            texts,
        )

    def test_the_anslag_table_names_where_it_is_posted(self):
        anslag = {row.cells[0].text: row.cells[1].text for row in self.document.tables[1].rows}
        self.assertEqual(
            anslag["Anslaget på"], "Förbundets webbplats och huvudmännens anslagstavlor"
        )

    def test_the_footer_numbers_the_pages_with_word_fields(self):
        footer = self.document.sections[0].footer.paragraphs[0]
        xml = footer._p.xml
        self.assertRegex(xml, r"<w:instrText[^>]*>PAGE</w:instrText>")
        self.assertRegex(xml, r"<w:instrText[^>]*>NUMPAGES</w:instrText>")
        self.assertTrue(footer.text.startswith("Justerare: cn pp\t\tSid "))

    def test_the_sha256_of_the_kept_minutes_closes_the_document(self):
        approved = self.minutes.approved
        assert approved is not None
        self.assertEqual(
            self.document.paragraphs[-1].text,
            f"SHA-256 för det justerade protokollet: {approved.sha256}",
        )


class ExtractTests(NovemberMinutesTestCase):
    def test_an_extract_of_paragraph_132_is_certified(self):
        row = row_of(self.minutes, 132)
        data = documents.extract_pdf(
            self.minutes, row, certified_by="Jan Andersson", certified_on=D(2022, 12, 6)
        )
        self.assertTrue(data.startswith(b"%PDF-"))
        outline = pdf_outline(data)
        self.assertIn("Utdragsbestyrkande", outline)
        self.assertEqual([t for t in outline if t.startswith("§ ")], [str(row.paragraph)])

        context = documents._minutes_context(self.minutes)
        context.update(row=row, certified_by="Jan Andersson", certified_on=D(2022, 12, 6))
        html = render_to_string("meetings/documents/extract.html", context)
        self.assertIn("Utdragsbestyrkande", html)
        self.assertIn("709 000 kr för 2023", html)
        self.assertIn("Att liknande rutin för utbetalning av medel gäller för 2024", html)
        self.assertIn("Jonas Väst deltog inte i beslutet.", html)
        assert self.minutes.approved is not None
        self.assertIn(self.minutes.approved.sha256, html)
        self.assertNotIn("<h2>§ 133 ", html)


class KallelseTests(SamordnaTestCase):
    def setUp(self):
        self.meeting = self.association.meetings.get(date=D(2023, 1, 27))

    def give_addresses(self, *, except_last_name: str = "") -> list[str]:
        addresses: list[str] = []
        for seat in selectors.board_seats_at(self.meeting):
            person = seat.person
            if person.last_name == except_last_name:
                continue
            person.email = f"{person.first_name.lower()}.{len(addresses)}@example.se"
            person.save(update_fields=["email"])
            addresses.append(person.email)
        return addresses

    def test_each_member_with_an_address_gets_the_kallelse_as_pdf(self):
        addresses = self.give_addresses(except_last_name="Persbo")
        self.assertEqual(len(addresses), 7)  # four ledamöter, three of the four ersättare
        other = self.other.people.first()
        assert other is not None
        other.email = "annan@example.se"
        other.save(update_fields=["email"])

        sent_at = datetime.datetime(2023, 1, 13, 9, 30, tzinfo=STOCKHOLM)
        with (
            time_machine.travel(sent_at, tick=False),
            self.captureOnCommitCallbacks(execute=True),
        ):
            sent = kallelse.kallelse_send(meeting=self.meeting, by=self.office)

        self.assertEqual(sent, 7)
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), sorted(addresses))
        for message in mail.outbox:
            self.assertEqual(len(message.to), 1)
            self.assertEqual(
                message.subject,
                "Kallelse till styrelsemöte 27 januari 2023 – Samordningsförbundet i Sundsvall",
            )
            self.assertEqual(len(message.attachments), 1)
            name, content, mimetype = message.attachments[0]
            self.assertEqual((name, mimetype), ("kallelse-2023-01-27.pdf", "application/pdf"))
            self.assertTrue(content.startswith(b"%PDF-"))
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.notice_sent_at, sent_at)

    def test_without_addresses_nothing_is_sent(self):
        with self.assertRaises(ValidationError) as caught:
            kallelse.kallelse_send(meeting=self.meeting, by=self.office)
        self.assertEqual(
            caught.exception.messages,
            ["Ingen i styrelsen har en e-postadress. Lägg in adresserna under Personer."],
        )
        self.assertEqual(mail.outbox, [])
        self.meeting.refresh_from_db()
        self.assertIsNone(self.meeting.notice_sent_at)


def small_pdf() -> bytes:
    return HTML(string="<p>Budget 2023</p>").write_pdf()


def small_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Verksamhetsplan 2023")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class AttachmentTests(SamordnaTestCase):
    def setUp(self):
        self.meeting = self.association.meetings.get(date=D(2023, 1, 27))

    def add(self, name: str, content: bytes, title: str = "Handling"):
        return papers.attachment_add(
            meeting=self.meeting,
            by=self.office,
            title=title,
            file=SimpleUploadedFile(name, content),
        )

    def assertRefused(self, name: str, content: bytes, message: str) -> None:
        count = self.meeting.attachments.count()
        with self.assertRaises(ValidationError) as caught:
            self.add(name, content)
        self.assertEqual(caught.exception.message_dict["file"], [message])
        self.assertEqual(self.meeting.attachments.count(), count)

    def test_papers_are_numbered_in_order_and_others_refused(self):
        pdf = small_pdf()
        first = self.add("Budget 2023.PDF", pdf, title="Budget 2023")
        self.assertEqual((first.number, first.content_type), (1, "application/pdf"))
        with first.file.open("rb") as stored:
            self.assertEqual(stored.read(), pdf)
        self.assertTrue(first.file.name.endswith(".pdf"))
        self.assertEqual(first.size, len(pdf))
        self.assertEqual(str(first), "Bilaga 1 Budget 2023")

        self.assertRefused(
            "program.exe", b"MZ\x90\x00", "Bilagan måste vara en PDF- eller Word-fil (.pdf, .docx)."
        )
        self.assertRefused(
            "budget.pdf",
            b"<html>inte en pdf</html>",
            "Filen heter .pdf men innehållet är inte en PDF-fil. "
            "Välj rätt fil, eller spara den som PDF eller Word och försök igen.",
        )
        self.assertRefused(
            "budget.docx",
            pdf,
            "Filen heter .docx men innehållet är en PDF-fil, inte ett Word-dokument. "
            "Välj rätt fil, eller spara den som PDF eller Word och försök igen.",
        )
        self.assertRefused(
            "plan.pdf",
            small_docx(),
            "Filen heter .pdf men innehållet är ett Word-dokument, inte en PDF-fil. "
            "Välj rätt fil, eller spara den som PDF eller Word och försök igen.",
        )
        self.assertRefused(
            "plan.docx", b"PK\x03\x04 inte en zip", "Filen är inte ett Word-dokument."
        )
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("content.xml", "<office/>")
        self.assertRefused("plan.docx", archive.getvalue(), "Filen är inte ett Word-dokument.")
        self.assertRefused("tom.pdf", b"", "Filen är tom.")
        too_big = b"%PDF-1.7\n" + b"0" * (ATTACHMENT_MAX_BYTES + 1 - 9)
        self.assertEqual(len(too_big), 20 * 1024 * 1024 + 1)
        self.assertRefused("stor.pdf", too_big, "Filen är för stor (20 MB). Högst 20 MB.")

        second = self.add("plan.docx", small_docx(), title="Verksamhetsplan")
        self.assertEqual(
            (second.number, second.content_type),
            (2, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        )
        self.assertTrue(second.file.name.endswith(".docx"))
        third = self.add("minimal.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
        self.assertEqual(third.number, 3)
        self.assertEqual(list(self.meeting.attachments.values_list("number", flat=True)), [1, 2, 3])
        self.assertEqual(third.history.get().history_user, self.office)

    def test_a_paper_for_an_item_of_another_meeting_is_refused(self):
        february = self.association.meetings.get(date=D(2023, 2, 21))
        item = february.items.first()
        with self.assertRaises(ValidationError) as caught:
            papers.attachment_add(
                meeting=self.meeting,
                by=self.office,
                title="Fel punkt",
                file=SimpleUploadedFile("a.pdf", small_pdf()),
                item=item,
            )
        self.assertIn("item", caught.exception.message_dict)
        self.assertFalse(self.meeting.attachments.exists())


class TaskTests(SamordnaTestCase):
    def setUp(self):
        self.meetings = {m.date: m for m in self.association.meetings.all()}
        self.january = self.meetings[D(2023, 1, 27)]
        self.february = self.meetings[D(2023, 2, 21)]
        self.march = self.meetings[D(2023, 3, 17)]

    def test_the_demo_task_of_paragraph_142_stands_on_the_january_agenda(self):
        tasks = open_tasks_for(self.january)
        self.assertEqual(
            [(t.given_at.date, t.paragraph.number if t.paragraph else None) for t in tasks],
            [(D(2022, 11, 25), 142)],
        )
        self.assertEqual(
            tasks[0].text, "Ta reda på färdsätt och kostnader för att åka till Halmstad"
        )
        self.assertEqual(tasks[0].due_meeting, self.january)
        self.assertEqual(open_tasks_for(self.march), tasks)  # not done: still on later agendas
        november = self.meetings[D(2022, 11, 25)]
        self.assertEqual(open_tasks_for(november), [])

    def test_a_task_stands_on_the_agendas_from_its_meeting_until_done(self):
        task = services.task_create(
            meeting=self.january,
            by=self.office,
            text="Redovisa budgetutfallet för 2022",
            responsible="Förbundschefen",
            due_meeting=self.february,
        )
        self.assertNotIn(task, open_tasks_for(self.january))
        self.assertIn(task, open_tasks_for(self.february))
        self.assertIn(task, open_tasks_for(self.march))
        self.assertEqual(task.association, self.association)

        with self.assertRaises(ValidationError) as caught:
            services.task_done(task=task, by=self.office, done_on=D(2023, 1, 1))
        self.assertIn("done_on", caught.exception.message_dict)

        services.task_done(task=task, by=self.office, done_on=D(2023, 2, 21), note="Redovisat.")
        self.assertNotIn(task, open_tasks_for(self.february))
        self.assertNotIn(task, open_tasks_for(self.march))
        self.assertEqual(task.history.latest("history_id").history_user, self.office)

    def test_a_task_is_due_at_a_later_meeting_of_the_same_forbund(self):
        message = "Uppdraget redovisas vid ett senare sammanträde i samma förbund."
        other_meeting = self.other.meetings.filter(date__gt=self.january.date).first()
        assert other_meeting is not None
        for due in (self.january, self.meetings[D(2022, 11, 25)], other_meeting):
            with self.subTest(due=due), self.assertRaises(ValidationError) as caught:
                services.task_create(
                    meeting=self.january,
                    by=self.office,
                    text="Något",
                    responsible="Kansliet",
                    due_meeting=due,
                )
            self.assertEqual(caught.exception.message_dict["due_meeting"], [message])
        november = self.meetings[D(2022, 11, 25)]
        with self.assertRaises(ValidationError) as caught:
            services.task_create(
                meeting=self.january,
                by=self.office,
                text="Något",
                responsible="Kansliet",
                paragraph=november.paragraphs.first(),
            )
        self.assertIn("paragraph", caught.exception.message_dict)
        self.assertFalse(self.january.tasks_given.exists())


class RichTextTests(SamordnaTestCase):
    def setUp(self):
        self.meeting: Meeting = self.association.meetings.get(date=D(2023, 1, 27))

    def test_scripts_and_script_links_are_not_stored(self):
        paragraph = proceedings.paragraph_create(
            meeting=self.meeting,
            by=self.office,
            title="Information",
            matter='<p>Hej <script>alert(1)</script><a href="javascript:x">l</a></p>',
            proposal='<p onclick="steal()">Att <strong>godkänna</strong></p>',
        )
        paragraph.refresh_from_db()
        for stored in (paragraph.matter, paragraph.proposal):
            self.assertNotIn("<script", stored)
            self.assertNotIn("alert", stored)
            self.assertNotIn("javascript:", stored)
            self.assertNotIn("onclick", stored)
        self.assertTrue(paragraph.matter.startswith("<p>Hej "))
        self.assertIn(">l</a>", paragraph.matter)
        self.assertEqual(paragraph.proposal, "<p>Att <strong>godkänna</strong></p>")

        proceedings.paragraph_update(
            paragraph=paragraph, by=self.office, matter='<p><a href="https://finsam.se">Finsam</a>'
        )
        paragraph.refresh_from_db()
        self.assertIn('href="https://finsam.se"', paragraph.matter)

    def test_plain_text_is_stored_as_typed(self):
        text = "Styrelsen går igenom planen.\n\nKostnad < 5 000 kr & moms; 3 > 2."
        paragraph = proceedings.paragraph_create(
            meeting=self.meeting, by=self.office, title="Plan", matter=text
        )
        paragraph.refresh_from_db()
        self.assertEqual(paragraph.matter, text)
