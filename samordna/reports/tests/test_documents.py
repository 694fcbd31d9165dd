"""The decided report: on a meeting's agenda as a bilaga, locked once that meeting is
justerad, kept as PDF/A with its SHA-256 and as Word that carry the same text, and sent to
the members through the outbox with the date recorded."""

import io
import re

import docx
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph
from pypdf import PdfReader

from samordna.core.models import OutgoingEmail, TaskProgress
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings.models import AgendaItem, ApprovedMinutes, Meeting
from samordna.meetings.tests.helpers import pdf_inflated
from samordna.reports import documents, services
from samordna.reports.models import AssociationReport, AssociationReportKind


def words(text: str) -> str:
    text = re.sub(r"_{5,}", " ", text)
    text = " ".join(text.split())
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)  # a word the PDF broke at its hyphen


def without_furniture(text: str, report: AssociationReport) -> str:
    for item in (report.association.name, report.title):
        text = text.replace(item, " ")
    return words(re.sub(r"Sid \d+ \(\d+\)", " ", text))


def pdf_text(data: bytes, report: AssociationReport) -> str:
    reader = PdfReader(io.BytesIO(data))
    return without_furniture("\n".join(p.extract_text() for p in reader.pages), report)


def docx_text(data: bytes, report: AssociationReport) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            parts.append(DocxParagraph(block, document).text)
        elif block.tag == qn("w:tbl"):
            for row in Table(block, document).rows:
                parts.extend(cell.text for cell in row.cells)
    return without_furniture("\n".join(parts), report)


class DecidedReportTests(SamordnaTestCase):
    def setUp(self):
        AssociationReport.objects.filter(association=self.association).delete()
        self.report = services.report_create(
            association=self.association,
            kind=AssociationReportKind.ANNUAL,
            year=2023,
            by=self.office,
        )
        section = self.report.sections.get(key="forvaltningsberattelse")
        services.section_update(
            section=section,
            by=self.office,
            title=section.title,
            body="<h3>Året i korthet</h3><p>Förbundet finansierade <strong>sju</strong> "
            "insatser.</p><ul><li>Psykolog</li><li>Arbetsterapeut</li></ul>",
        )
        meeting = (
            Meeting.objects.filter(association=self.association, approved_minutes__isnull=True)
            .exclude(items=None)
            .order_by("date")
            .first()
        )
        assert meeting is not None
        item = AgendaItem.objects.filter(meeting=meeting).first()
        assert item is not None
        self.meeting: Meeting = meeting
        self.item: AgendaItem = item

    def test_pdf_and_word_carry_the_same_text(self):
        pdf = documents.report_pdf(self.report, archival=True)
        word = documents.report_docx(self.report)
        pdf_words, word_words = pdf_text(pdf, self.report), docx_text(word, self.report)
        self.assertIn("Året i korthet", pdf_words)
        self.assertIn("Balansräkning", pdf_words)
        self.assertIn("Underskrifter", pdf_words)
        # The same words, as many times each: the PDF's text extraction reads a table row
        # whose label wraps in another order than Word keeps it, so the words are compared
        # as a whole, and the sections' order by their headings.
        self.assertEqual(sorted(pdf_words.split()), sorted(word_words.split()))
        headings = [s.title for s in self.report.sections.all()] + ["Underskrifter"]
        for text in (pdf_words, word_words):
            found = [text.find(f" {h} ") for h in headings]
            self.assertNotIn(-1, found)
            self.assertEqual(found, sorted(found))

    def test_locked_after_justering_with_pdfa_and_sha256_then_sent(self):
        services.report_attach(report=self.report, item=self.item, by=self.office)
        self.report.refresh_from_db()
        assert self.report.attachment is not None
        self.assertEqual(self.report.attachment.meeting, self.meeting)
        with self.assertRaisesMessage(ValidationError, "justerat"):
            services.report_lock(report=self.report, by=self.office)
        ApprovedMinutes.objects.create(
            meeting=self.meeting,
            approved_on=timezone.localdate(),
            first_number=1,
            last_number=1,
            pdf="x.pdf",
        )
        section = self.report.sections.get(key="forvaltningsberattelse")
        with self.assertRaisesMessage(ValidationError, "låst"):
            services.section_update(section=section, by=self.office, title="Ny", body="")
        report = services.report_lock(report=self.report, by=self.office)
        with report.pdf.open("rb") as stored:
            pdf = stored.read()
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertIn(b"pdfaid:part", pdf_inflated(pdf))
        self.assertEqual(report.pdf_sha256, AssociationReport.sha256(pdf))
        with report.docx.open("rb") as stored:
            self.assertEqual(
                sorted(pdf_text(pdf, report).split()),
                sorted(docx_text(stored.read(), report).split()),
            )
        with self.assertRaisesMessage(ValidationError, "låst"):
            services.figures_refresh(report=report, by=self.office)

        member = self.association.members.order_by("name")[0]
        with self.captureOnCommitCallbacks(execute=False):
            sent = services.report_send(
                report=report, by=self.office, recipients={member: ["registrator@example.se"]}
            )
        self.assertEqual(sent[0].recipients, ["registrator@example.se"])
        self.assertIsNotNone(sent[0].sent_at)
        email = OutgoingEmail.objects.get(key=f"report-{report.pk}-dispatch-{sent[0].pk}")
        self.assertEqual(email.recipients, ["registrator@example.se"])
        self.assertEqual(email.attachments.get().filename, "arsredovisning-2023.pdf")

    def test_the_lock_button_locks_in_the_background_with_progress(self):
        services.report_attach(report=self.report, item=self.item, by=self.office)
        url = reverse("reports:lock", args=[self.association.slug, self.report.pk])
        self.login(self.office)
        response = self.client.post(url)  # the meeting is not justerad yet
        self.assertRedirects(
            response, f"/f/{self.association.slug}/rapporter/{self.report.pk}/", 302, 200
        )
        self.assertFalse(TaskProgress.objects.filter(title__startswith="Låsa").exists())
        ApprovedMinutes.objects.create(
            meeting=self.meeting,
            approved_on=timezone.localdate(),
            first_number=1,
            last_number=1,
            pdf="x.pdf",
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url)
        progress = TaskProgress.objects.get(title=f"Låsa {self.report.title}")
        self.assertRedirects(
            response,
            f"/f/{self.association.slug}/uppgifter/{progress.pk}/",
            fetch_redirect_response=False,
        )
        self.assertEqual(progress.status, "done", progress.error)
        self.report.refresh_from_db()
        self.assertTrue(self.report.is_locked)
        self.assertEqual(
            progress.done_url, f"/f/{self.association.slug}/rapporter/{self.report.pk}/"
        )
