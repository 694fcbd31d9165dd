"""Revision and medlemssamråd: the auditors of a year with their documents and the board's
answers, read by the revisor who may write nothing; a medlemssamråd with its representatives
and papers, completing its item in the årshjul; and the PDFs of the delegationsordning and
the risk analysis carrying every row of the demo's structured data."""

import dataclasses
import datetime
import io
from unittest import mock

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from samordna.control import documents, selectors, services
from samordna.control.models import (
    AuditDocument,
    AuditKind,
    CycleKind,
    MemberConsultation,
    Occurrence,
)
from samordna.core.tests.base import SamordnaTestCase
from samordna.demo.control import text_pdf

D = datetime.date


def pdf(name: str = "rapport.pdf", lines: tuple[str, ...] = ("Granskning",)) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text_pdf(list(lines)), content_type="application/pdf")


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


class RevisionTests(SamordnaTestCase):
    def add_document(self, **fields) -> AuditDocument:
        values = {
            "association": self.association,
            "by": self.office,
            "year": 2023,
            "kind": AuditKind.AUDIT_REPORT,
            "title": "Revisionsberättelse 2023",
            "received_on": D(2024, 3, 20),
            "file": pdf(),
        }
        return services.audit_document_add(**{**values, **fields})

    def test_the_demo_has_the_auditors_each_member_appoints(self):
        auditors = {a.name: a for a in self.association.auditors.filter(year=2022)}
        eva = auditors["Eva Sonidsson"]
        self.assertEqual(eva.appointed_by.name, "Region Västernorrland")
        self.assertEqual(
            {a.appointed_by.name for a in auditors.values()},
            {"Region Västernorrland", "Sundsvalls kommun", "Försäkringskassan"},
        )
        self.assertTrue(all("antaget i demon" in a.note for a in auditors.values() if a is not eva))

    def test_a_report_is_stored_with_history_and_the_board_answers_it_with_a_date(self):
        document = self.add_document(recommendations="Dokumentera stickproven.")
        self.assertEqual(document.content_type, "application/pdf")
        self.assertEqual(document.history.get().history_user, self.office)
        answer = services.audit_answer_record(
            document=document, by=self.office, answered_on=D(2024, 4, 12), answer="Vi gör så."
        )
        self.assertEqual(answer.history.get().history_user, self.office)
        with self.assertRaisesMessage(ValidationError, "Handlingen kom in 20 mars 2024"):
            services.audit_answer_record(
                document=document, by=self.office, answered_on=D(2024, 3, 1), answer="Tidigt."
            )

    def test_a_file_that_is_not_a_pdf_or_word_is_refused_and_nothing_is_kept(self):
        fake = SimpleUploadedFile("rapport.pdf", b"<html>ingen pdf</html>", "application/pdf")
        with self.assertRaisesMessage(ValidationError, "innehållet är inte en PDF-fil"):
            self.add_document(file=fake)
        self.assertFalse(AuditDocument.objects.filter(title="Revisionsberättelse 2023").exists())

    def test_a_file_over_the_upload_limit_is_refused(self):
        small = dataclasses.replace(services.DOCUMENT_LIMITS, max_bytes=100)
        with (
            mock.patch.object(services, "DOCUMENT_LIMITS", small),
            self.assertRaisesMessage(ValidationError, "Filen är större än 0,0976562 kB"),
        ):
            self.add_document()

    def test_the_revisor_reads_everything_and_writes_nothing(self):
        document = AuditDocument.objects.get(association=self.association, year=2023)
        self.login(self.auditor)
        response = self.client.get(self.url("styrning/revision/?ar=2023"))
        self.assertContains(response, "Eva Sonidsson")
        self.assertContains(response, "Styrelsens svar 27 oktober 2023")
        self.assertContains(response, "Plan för intern styrning och kontroll 2023")
        self.assertContains(response, "Delegationsordning 2023")
        file = self.client.get(self.url(f"styrning/revision/handlingar/{document.pk}/fil/"))
        self.assertEqual(file.status_code, 200)
        self.assertEqual(b"".join(file.streaming_content)[:5], b"%PDF-")  # type: ignore[attr-defined]
        for path in (
            "styrning/revision/revisorer/ny/",
            "styrning/revision/handlingar/ny/",
            f"styrning/revision/handlingar/{document.pk}/svar/",
        ):
            self.assertEqual(self.client.get(self.url(path)).status_code, 403)
            self.assertEqual(self.client.post(self.url(path), {}).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url("styrning/revision/")).status_code, 404)
        self.assertEqual(
            self.client.get(
                self.url(f"styrning/revision/handlingar/{document.pk}/fil/")
            ).status_code,
            404,
        )

    def test_the_kansli_uploads_through_the_page_and_bad_input_keeps_what_was_typed(self):
        self.login(self.office)
        url = self.url("styrning/revision/handlingar/ny/")
        bad = SimpleUploadedFile("rapport.txt", b"text", "text/plain")
        response = self.client.post(
            url,
            {
                "year": 2023,
                "kind": "review",
                "title": "Min rubrik",
                "received_on": "2024-01-10",
                "file": bad,
            },
        )
        self.assertContains(response, "måste vara en PDF- eller Word-fil", status_code=400)
        self.assertContains(response, "Min rubrik", status_code=400)
        response = self.client.post(
            url,
            {
                "year": 2023,
                "kind": "review",
                "title": "Min rubrik",
                "received_on": "2024-01-10",
                "file": pdf(),
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(self.association.audit_documents.filter(title="Min rubrik").exists())

    def test_the_revision_page_pins_its_queries_at_two_sizes(self):
        self.login(self.auditor)
        url = self.url("styrning/revision/?ar=2023")
        with self.assertNumQueries(REVISION_QUERIES):
            self.client.get(url)
        for n in range(3):
            document = self.add_document(title=f"Granskning {n}", file=pdf())
            services.audit_answer_record(
                document=document, by=self.office, answered_on=D(2024, 4, 1), answer="Svar"
            )
            services.auditor_add(
                association=self.association,
                by=self.office,
                year=2023,
                name=f"Revisor {n}",
                appointed_by=self.association.members.get(name="Sundsvalls kommun"),
            )
        with self.assertNumQueries(REVISION_QUERIES):
            self.client.get(url)


# Session, user, the years (auditors, documents), auditors, documents, answers, the plan,
# analysis and order of the year, the members' decisions and the members.
REVISION_QUERIES = 12


class ConsultationTests(SamordnaTestCase):
    def test_the_demo_holds_the_consultation_of_11_may_2023_and_it_completes_the_arshjul(self):
        consultation = MemberConsultation.objects.get(association=self.association)
        self.assertEqual(consultation.held_on, D(2023, 5, 11))
        self.assertEqual(consultation.representatives.count(), 4)
        occurrence = Occurrence.objects.get(
            item__association=self.association,
            item__kind=CycleKind.MEMBER_CONSULTATION,
            year=2023,
        )
        self.assertEqual(occurrence.done_on, D(2023, 5, 11))

    def test_a_consultation_held_completes_its_years_item_once(self):
        occurrence = Occurrence.objects.get(
            item__association=self.association,
            item__kind=CycleKind.MEMBER_CONSULTATION,
            year=2026,
        )
        occurrence.done_on = None
        occurrence.save()
        consultation = services.consultation_create(
            association=self.association, by=self.office, held_on=D(2026, 4, 22), place="Sundsvall"
        )
        occurrence.refresh_from_db()
        self.assertEqual(occurrence.done_on, D(2026, 4, 22))
        self.assertEqual(consultation.history.get().history_user, self.office)

    def test_a_representative_of_another_forbunds_member_is_refused(self):
        consultation = MemberConsultation.objects.get(association=self.association)
        with self.assertRaisesMessage(ValidationError, "annat förbund"):
            services.representative_add(
                consultation=consultation,
                by=self.office,
                member=self.other.members.order_by("pk")[0],
                name="Någon",
            )

    def test_the_pages_pin_their_queries_and_the_revisor_may_not_write(self):
        consultation = MemberConsultation.objects.get(association=self.association)
        self.login(self.auditor)
        pages = [
            (self.url("styrning/medlemssamrad/"), LIST_QUERIES),
            (self.url(f"styrning/medlemssamrad/{consultation.pk}/"), DETAIL_QUERIES),
        ]
        for url, count in pages:
            with self.subTest(url=url), self.assertNumQueries(count):
                self.assertEqual(self.client.get(url).status_code, 200)
        for n in range(3):
            services.consultation_create(
                association=self.association, by=self.office, held_on=D(2022, 5, n + 1)
            )
            services.representative_add(
                consultation=consultation,
                by=self.office,
                member=self.association.members.get(name="Sundsvalls kommun"),
                name=f"Representant {n}",
            )
            services.consultation_document_add(
                consultation=consultation, by=self.office, title=f"Handling {n}", file=pdf()
            )
        for url, count in pages:
            with self.subTest(url=url), self.assertNumQueries(count):
                self.assertEqual(self.client.get(url).status_code, 200)
        self.assertEqual(self.client.get(self.url("styrning/medlemssamrad/nytt/")).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(
            self.client.get(self.url(f"styrning/medlemssamrad/{consultation.pk}/")).status_code,
            404,
        )


# Session, user, the count and the page (with each one's counts in the same query).
LIST_QUERIES = 4
# Session, user, the consultation, its representatives and its documents.
DETAIL_QUERIES = 5


class PlanPdfTests(SamordnaTestCase):
    def test_the_delegationsordning_pdf_carries_every_point(self):
        order = selectors.order_with_points(self.association).get(year=2023)
        text = pdf_text(documents.delegation_order_pdf(order))
        self.assertIn("Delegationsordning 2023", text)
        for point in order.points.all():
            for part in (point.matter, str(point.delegate), str(point.deputy), point.limit_text):
                self.assertIn(part, text)
        self.assertIn("Styrelsemöte 2022-11-25 § 128", text)

    def test_the_risk_analysis_pdf_carries_every_risk_with_its_figures(self):
        analysis = selectors.analyses_of(self.association).prefetch_related("rows").get(year=2023)
        view = selectors.risk_view(analysis)
        text = pdf_text(documents.risk_analysis_pdf(view))
        self.assertEqual(len(view.lines), 11)
        for line in view.lines:
            row = line.row
            words = " ".join(row.risk.split())
            self.assertIn(words, text)
            self.assertIn(
                f"{row.consequence} {row.get_consequence_display().lower()} "
                f"{row.probability} {row.get_probability_display().lower()} {row.value}",
                text,
            )
        self.assertIn("Risker över tröskeln utan kontrollmoment", text)

    def test_the_pdfs_are_served_to_every_reader(self):
        self.login(self.auditor)
        for path, name in (
            ("styrning/delegation/2023/delegationsordning.pdf", "delegationsordning-2023.pdf"),
            ("styrning/risker/2023/analys.pdf", "risk-och-vasentlighetsanalys-2023.pdf"),
        ):
            response = self.client.get(self.url(path))
            self.assertEqual(response.status_code, 200)
            self.assertIn(name, response["Content-Disposition"])
        self.login(self.outsider)
        self.assertEqual(
            self.client.get(self.url("styrning/risker/2023/analys.pdf")).status_code, 404
        )


class MeetingPlanTests(SamordnaTestCase):
    def test_the_meeting_plan_lists_the_items_per_meeting_and_puts_them_on_the_agenda(self):
        meeting = self.association.meetings.get(date=D(2023, 11, 24))
        waiting = Occurrence.objects.filter(
            meeting=meeting, agenda_item__isnull=True, done_on__isnull=True
        )
        titles = sorted(o.item.title for o in waiting)
        self.assertIn("Verksamhetsplan och budget för nästa år med plan för två år till", titles)
        self.login(self.office)
        page = self.client.get(self.url("sammantraden/?ar=2023"))
        self.assertContains(page, "Årshjulet vid sammanträdena 2023")
        for title in titles:
            self.assertContains(page, title)
        response = self.client.post(
            self.url(f"styrning/arshjul/sammantraden/{meeting.pk}/dagordning/")
        )
        self.assertRedirects(response, self.url(f"sammantraden/{meeting.pk}/"))
        self.assertEqual(
            sorted(meeting.items.filter(title__in=titles).values_list("title", flat=True)), titles
        )
        self.assertFalse(waiting.all().exists())
        self.login(self.auditor)
        response = self.client.post(
            self.url(f"styrning/arshjul/sammantraden/{meeting.pk}/dagordning/")
        )
        self.assertEqual(response.status_code, 403)

    def test_a_justerad_meeting_takes_none(self):
        meeting = self.association.meetings.get(date=D(2022, 11, 25))
        with self.assertRaisesMessage(ValidationError, "justerat"):
            services.meeting_cycle_to_agenda(meeting=meeting, by=self.office)
