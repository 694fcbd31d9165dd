"""The diarium: Dnr series, what registers itself (an application, its decision §, its
agreement, the minutes), secrecy masked for the public and whole for the kansli, the public
register with its requests for copies, gallring that never offers minutes or decisions, and
the archive package of a closed year."""

import datetime
import hashlib
import io
import zipfile
from typing import Any
from xml.etree import ElementTree as ET

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, override_settings
from docx import Document
from PIL import Image
from pypdf import PdfReader, PdfWriter

from samordna.accounts.models import Role, User
from samordna.associations.models import Association
from samordna.core.models import OutgoingEmail, TaskProgress
from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions import services as intervention_services
from samordna.interventions.models import Agreement, Application, ApplicationStatus
from samordna.meetings import services as meeting_services
from samordna.meetings.documents import kallelse_pdf
from samordna.meetings.models import AgendaItem, ApprovedMinutes
from samordna.records import archive, conversion, selectors, services
from samordna.records.models import (
    MASK,
    ArchivePackage,
    Case,
    CopyRequest,
    DocumentType,
    Handling,
    HandlingDirection,
    Registry,
    Retention,
    WeedingEntry,
    format_dnr,
)
from samordna.reports import services as report_services
from samordna.reports.models import AssociationReport, AssociationReportKind

D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes(heading: str) -> bytes:
    document = Document()
    document.add_heading(heading, 1)
    document.add_paragraph("Förbundet föreslås hyra lokalerna från den 1 juli.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (160, 90), (30, 90, 160, 200)).save(out, format="PNG")
    return out.getvalue()


class RecordsCase(SamordnaTestCase):
    def type(self, code: str) -> DocumentType:
        return DocumentType.objects.get(association=self.association, code=code)

    def letter(self, case: Case | None = None, **fields) -> Handling:
        case = case or services.case_open(
            association=self.association, by=self.office, title="Skrivelse om samverkan"
        )
        values = {
            "direction": HandlingDirection.INCOMING,
            "date": D(2023, 3, 1),
            "description": "Brev om samverkan kring unga",
            "organisation": "Försäkringskassan",
            "document_type": self.type("skrivelse"),
            **fields,
        }
        return services.handling_register(case=case, by=self.office, **values)


class DnrTests(RecordsCase):
    def test_the_format_is_a_setting(self):
        self.assertEqual(format_dnr("{år}/{nr}", year=2023, number=15), "2023/15")
        self.assertEqual(format_dnr("P{åå}/{nr}", year=2019, number=8), "P19/8")
        self.assertEqual(format_dnr("{åå}:{nr}", year=2022, number=13), "22:13")

    def test_numbers_follow_each_other_in_the_förbund_s_series(self):
        services.registry_update(
            association=self.association, by=self.office, dnr_format="P{åå}/{nr}"
        )
        first = services.case_open(
            association=self.association, by=self.office, title="Ett", opened_on=D(2019, 5, 1)
        )
        second = services.case_open(
            association=self.association, by=self.office, title="Två", opened_on=D(2019, 5, 2)
        )
        self.assertEqual(second.number, first.number + 1)
        self.assertEqual(second.dnr, f"P19/{second.number}")
        # Another förbund's series is its own.
        other = services.case_open(
            association=self.other, by=self.outsider, title="Tre", opened_on=D(2019, 5, 2)
        )
        self.assertEqual(other.number, 1)

    def test_a_format_without_the_number_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            services.registry_update(
                association=self.association, by=self.office, dnr_format="{år}"
            )
        self.assertIn("dnr_format", caught.exception.message_dict)
        with self.assertRaises(ValidationError):
            services.registry_update(
                association=self.association, by=self.office, dnr_format="{år}/{x}{nr}"
            )


class RegisteredByThemselvesTests(RecordsCase):
    def test_the_demo_s_applications_have_an_ärende_with_the_application(self):
        submitted = Application.objects.filter(
            association=self.association, submitted_at__isnull=False
        )
        self.assertTrue(submitted.exists())
        for application in submitted:
            case = Case.objects.get(source_key=f"application:{application.pk}")
            self.assertEqual(case.application, application)
            incoming = case.handlings.get(source_key=f"application:{application.pk}")
            self.assertEqual(incoming.direction, HandlingDirection.INCOMING)
            self.assertEqual(incoming.document_type.code, "ansokan")

    def test_the_decision_paragraph_and_the_agreement_join_the_application_s_ärende(
        self,
    ):
        decided = Application.objects.filter(
            association=self.association,
            decision__paragraph__meeting__approved_minutes__isnull=False,
        ).first()
        assert decided is not None
        case = Case.objects.get(source_key=f"application:{decided.pk}")
        decision = decided.decision
        self.assertTrue(case.handlings.filter(source_key=f"decision:{decision.pk}").exists())
        self.assertEqual(case.paragraph, decision.paragraph)
        agreement = Agreement.objects.filter(decision=decision, signed_on__isnull=False).first()
        if agreement is not None:
            self.assertTrue(case.handlings.filter(source_key=f"agreement:{agreement.pk}").exists())

    def draft_like(self, model: Application) -> Application:
        """A fresh draft with the same content as a demo application."""
        parties = list(model.parties.all())
        goals = list(model.goals.all())
        lines = list(model.budget_lines.all())
        draft = Application.objects.get(pk=model.pk)
        draft.pk = None
        draft.id = None
        draft.status = ApplicationStatus.DRAFT
        draft.submitted_at = None
        draft.submitted_by = None
        draft.intervention = None
        draft.agenda_item = None
        draft.version = 1
        draft.save()
        rows: list[Any] = [*parties, *goals, *lines]
        for row in rows:
            row.pk = None
            row.id = None
            row.application = draft
            row.save()
        return draft

    def test_a_new_application_is_registered_when_submitted_with_its_files(self):
        model = Application.objects.filter(association=self.association, kind="new").first()
        assert model is not None
        draft = self.draft_like(model)
        kept = ApprovedMinutes.objects.first()
        assert kept is not None
        real_pdf = kept.pdf.open("rb").read()
        intervention_services.attachment_add(
            application=draft,
            by=draft.created_by,
            title="Projektplan",
            file=SimpleUploadedFile("projektplan.pdf", real_pdf, content_type="application/pdf"),
        )
        intervention_services.application_submit(
            application=draft, by=draft.created_by, version=draft.version
        )
        case = Case.objects.get(source_key=f"application:{draft.pk}")
        self.assertEqual(case.application_id, draft.pk)
        assert draft.submitted_at is not None
        self.assertEqual(case.year, draft.submitted_at.year)
        handling = case.handlings.get()
        self.assertEqual(
            sorted(f.sha256 for f in handling.files.all()),
            sorted(
                hashlib.sha256(a.file.open("rb").read()).hexdigest()
                for a in draft.attachments.all()
            ),
        )
        # And it is in the public register under its Dnr.
        response = self.client.get(f"/diarium/{self.association.slug}/", {"dnr": case.dnr})
        self.assertContains(response, handling.number)

    def test_justerade_minutes_are_registered_with_their_pdf_a(self):
        for approved in ApprovedMinutes.objects.filter(meeting__association=self.association):
            handling = Handling.objects.get(source_key=f"minutes:{approved.pk}")
            self.assertEqual(handling.document_type.code, "protokoll")
            self.assertEqual([f.sha256 for f in handling.files.all()], [approved.sha256])


class SecrecyTests(RecordsCase):
    def setUp(self):
        self.handling = self.letter(person_name="Anna Andersson")
        services.handling_mark_secrecy(
            handling=self.handling,
            by=self.office,
            secret_description=True,
            secret_organisation=False,
            secret_files=True,
            osl_chapter=26,
            osl_section="1",
            secrecy_reason="Uppgifter om en enskilds personliga förhållanden.",
        )

    def test_secrecy_needs_a_chapter_a_section_and_a_reason(self):
        with self.assertRaises(ValidationError) as caught:
            services.handling_mark_secrecy(
                handling=self.handling,
                by=self.office,
                secret_description=True,
                secret_organisation=False,
                secret_files=False,
                osl_chapter=None,
                osl_section="",
                secrecy_reason="",
            )
        self.assertEqual(
            set(caught.exception.message_dict), {"osl_chapter", "osl_section", "secrecy_reason"}
        )

    def test_the_marking_is_in_the_history_with_who_made_it(self):
        latest = self.handling.history.first()
        self.assertEqual(latest.history_user, self.office)
        self.assertTrue(latest.secret_description)
        self.assertEqual(latest.osl_chapter, 26)

    def test_masked_in_the_public_register_whole_for_the_kansli(self):
        public = self.client.get(
            f"/diarium/{self.association.slug}/", {"dnr": self.handling.number}
        )
        self.assertContains(public, self.handling.number)
        self.assertContains(public, MASK)
        self.assertContains(public, "26 kap. 1 § OSL")
        self.assertNotContains(public, "Brev om samverkan")
        self.assertNotContains(public, "Anna Andersson")
        # A word of the secret description finds nothing for the public.
        searched = self.client.get(
            f"/diarium/{self.association.slug}/", {"q": "samverkan kring unga"}
        )
        self.assertNotContains(searched, self.handling.number)
        self.login(self.office)
        kansli = self.client.get(self.url("diarium/"), {"q": "samverkan kring unga"})
        self.assertContains(kansli, "Brev om samverkan kring unga")
        case = self.client.get(self.url(f"diarium/arenden/{self.handling.case_id}/"))
        self.assertContains(case, "Anna Andersson")

    def test_a_board_member_sees_it_masked_and_cannot_open_secret_files(self):
        services.handling_add_files(
            handling=self.handling, by=self.office, files=[("brev.pdf", PDF, "application/pdf")]
        )
        stored = self.handling.files.get()
        self.login(self.board)
        page = self.client.get(self.url(f"diarium/arenden/{self.handling.case_id}/"))
        self.assertNotContains(page, "Brev om samverkan")
        self.assertEqual(self.client.get(self.url(f"diarium/filer/{stored.pk}/")).status_code, 403)
        self.login(self.office)
        self.assertEqual(self.client.get(self.url(f"diarium/filer/{stored.pk}/")).status_code, 200)


class PublicRegisterTests(RecordsCase):
    def test_search_by_word_date_and_organisation(self):
        handling = self.letter(
            description="Skrivelse om ungdomsinsatser", organisation="Region Västernorrland"
        )
        url = f"/diarium/{self.association.slug}/"
        self.assertContains(self.client.get(url, {"q": "ungdomsinsatser"}), handling.number)
        self.assertContains(
            self.client.get(url, {"organisation": "västernorrland"}), handling.number
        )
        self.assertNotContains(
            self.client.get(url, {"q": "ungdomsinsatser", "date_from": "2023-03-02"}),
            handling.number,
        )

    def test_the_search_costs_the_same_number_of_queries_at_two_sizes(self):
        url = f"/diarium/{self.association.slug}/"
        case = services.case_open(association=self.association, by=self.office, title="Fakturor")
        self.letter(case=case)
        with self.assertNumQueries(3):
            self.client.get(url, {"q": "brev"})
        for number in range(30):
            self.letter(case=case, description=f"Brev nummer {number}")
        with self.assertNumQueries(3):
            response = self.client.get(url, {"q": "brev"})
        self.assertContains(response, "Sida 1 av 2")

    def test_bad_dates_are_refused_in_swedish(self):
        response = self.client.get(
            f"/diarium/{self.association.slug}/",
            {"date_from": "2023-05-01", "date_to": "2023-01-01"},
        )
        self.assertContains(response, "Slutdatumet ligger före startdatumet.", status_code=400)

    def test_an_unknown_förbund_is_404(self):
        self.assertEqual(self.client.get("/diarium/finns-inte/").status_code, 404)

    @override_settings(SAMORDNA_PROXY_COUNT=0)
    def test_a_request_for_a_copy_registers_an_incoming_handling_and_a_to_do(self):
        self.association.email = "kansli@example.se"
        self.association.save(update_fields=["email"])
        handling = self.letter()
        url = f"/diarium/{self.association.slug}/kopia/{handling.pk}/"
        response = self.client.post(
            url, {"email": "journalist@example.se", "name": "Kim", "message": "Tack"}
        )
        self.assertRedirects(response, f"/diarium/{self.association.slug}/tack/")
        request = CopyRequest.objects.get(handling=handling)
        registered = request.registered_as
        assert registered is not None
        self.assertEqual(registered.case, handling.case)
        self.assertEqual(registered.direction, HandlingDirection.INCOMING)
        self.assertEqual(registered.person_name, "Kim")
        self.assertTrue(OutgoingEmail.objects.filter(key=f"copy-request:{request.pk}").exists())
        # The requester's name is never public.
        public = self.client.get(f"/diarium/{self.association.slug}/", {"dnr": registered.number})
        self.assertNotContains(public, "Kim")
        self.login(self.office)
        self.assertContains(self.client.get(self.url("diarium/")), "journalist@example.se")
        self.client.post(self.url(f"diarium/begaranden/{request.pk}/besvarad/"))
        request.refresh_from_db()
        self.assertIsNotNone(request.done_on)

    def test_the_e_mail_about_a_copy_request_keeps_ampersands_as_written(self):
        self.association.name = "Samordningsförbundet Stad & Land"
        self.association.email = "kansli@example.se"
        self.association.save(update_fields=["name", "email"])
        handling = self.letter()
        with self.captureOnCommitCallbacks(execute=True):
            services.copy_request_submit(
                association=self.association,
                handling=handling,
                email="journalist@example.se",
                message="Ring <gärna> & skriv",
            )
        (message,) = mail.outbox
        self.assertIn("i Samordningsförbundet Stad & Lands diarium", message.body)
        self.assertIn("Ring <gärna> & skriv", message.body)
        self.assertNotIn("&amp;", f"{message.subject}\n{message.body}")
        self.assertNotIn("&lt;", message.body)

    def test_requests_are_limited_per_address_and_hostile_input_is_refused(self):
        handling = self.letter()
        url = f"/diarium/{self.association.slug}/kopia/{handling.pk}/"
        for _ in range(services.COPY_REQUESTS_PER_HOUR):
            self.client.post(url, {"email": "a@example.se"})
        refused = self.client.post(url, {"email": "a@example.se", "message": "<script>x</script>"})
        self.assertContains(refused, "flera begäranden", status_code=400)
        self.assertContains(refused, "&lt;script&gt;x&lt;/script&gt;", status_code=400)
        self.assertEqual(CopyRequest.objects.count(), services.COPY_REQUESTS_PER_HOUR)
        bad = self.client.post(url, {"email": "inte en adress", "message": "x" * 5000})
        self.assertEqual(bad.status_code, 400)
        # Another förbund's handling is not there.
        self.assertEqual(
            self.client.get(f"/diarium/{self.other.slug}/kopia/{handling.pk}/").status_code, 404
        )


class KansliViewTests(RecordsCase):
    def test_the_kansli_registers_a_letter_with_a_file(self):
        self.login(self.office)
        response = self.client.post(
            self.url("diarium/arenden/nytt/"), {"title": "Skrivelse från kommunen"}
        )
        case = Case.objects.get(title="Skrivelse från kommunen")
        self.assertRedirects(response, self.url(f"diarium/arenden/{case.pk}/"))
        response = self.client.post(
            self.url(f"diarium/arenden/{case.pk}/handlingar/ny/"),
            {
                "direction": "in",
                "date": "2023-02-01",
                "description": "Skrivelse om gemensamma lokaler",
                "organisation": "Sundsvalls kommun",
                "document_type": self.type("skrivelse").pk,
                "files": [SimpleUploadedFile("skrivelse.pdf", PDF, content_type="application/pdf")],
            },
        )
        self.assertRedirects(response, self.url(f"diarium/arenden/{case.pk}/"))
        handling = case.handlings.get()
        self.assertEqual(handling.registered_by, self.office)
        self.assertEqual(handling.files.get().sha256, hashlib.sha256(PDF).hexdigest())

    def test_a_file_that_is_not_a_document_is_refused_at_the_field(self):
        self.login(self.office)
        case = services.case_open(association=self.association, by=self.office, title="Brev")
        response = self.client.post(
            self.url(f"diarium/arenden/{case.pk}/handlingar/ny/"),
            {
                "direction": "in",
                "date": "2023-02-01",
                "description": "Ett program",
                "document_type": self.type("skrivelse").pk,
                "files": [
                    SimpleUploadedFile("x.exe", b"MZ\x90\x00", content_type="application/pdf")
                ],
            },
        )
        self.assertContains(response, "Filen är inte en PDF", status_code=400)
        self.assertContains(response, "Ett program", status_code=400)
        self.assertFalse(case.handlings.exists())

    def test_read_only_roles_get_403_and_outsiders_404(self):
        case = services.case_open(association=self.association, by=self.office, title="Brev")
        self.login(self.board)
        self.assertEqual(self.client.get(self.url(f"diarium/arenden/{case.pk}/")).status_code, 200)
        self.assertEqual(self.client.get(self.url("diarium/arenden/nytt/")).status_code, 403)
        self.assertEqual(
            self.client.post(self.url(f"diarium/arenden/{case.pk}/avsluta/")).status_code, 403
        )
        self.login(self.applicant)
        self.assertEqual(self.client.get(self.url("diarium/")).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url(f"diarium/arenden/{case.pk}/")).status_code, 404)
        self.assertEqual(
            self.client.get(f"/f/{self.other.slug}/diarium/arenden/{case.pk}/").status_code, 404
        )

    def test_wrong_method_is_405(self):
        self.login(self.office)
        case = services.case_open(association=self.association, by=self.office, title="Brev")
        self.assertEqual(
            self.client.get(self.url(f"diarium/arenden/{case.pk}/avsluta/")).status_code, 405
        )
        self.assertEqual(self.client.post(self.url("diarium/")).status_code, 405)

    def test_the_kansli_register_costs_the_same_at_two_sizes(self):
        self.login(self.office)
        case = services.case_open(association=self.association, by=self.office, title="Brev")
        self.letter(case=case)
        self.client.get(self.url("diarium/"))
        with self.assertNumQueries(8) as first:
            self.client.get(self.url("diarium/"), {"q": "brev"})
        for number in range(30):
            self.letter(case=case, description=f"Brev {number}")
        with self.assertNumQueries(len(first.captured_queries)):
            self.client.get(self.url("diarium/"), {"q": "brev"})


class ReadsNeverWriteTests(RecordsCase):
    def test_a_new_förbund_s_plan_and_settings_pages_write_nothing(self):
        fresh = Association.objects.create(
            name="Samordningsförbundet Nytt", slug="nytt", seat="Sundsvall", county="22"
        )
        kansli = User.objects.create_user(
            username="kansli.nytt", association=fresh, role=Role.OFFICE
        )
        self.login(kansli)
        page = self.client.get("/f/nytt/diarium/plan/")
        self.assertContains(page, "Protokoll (justerat)")
        self.assertContains(page, "standardplanen")
        settings_page = self.client.get("/f/nytt/diarium/installningar/")
        self.assertContains(settings_page, "{år}/{nr}")
        self.assertFalse(Registry.objects.filter(association=fresh).exists())
        self.assertFalse(DocumentType.objects.filter(association=fresh).exists())
        # The first write keeps the plan the page showed.
        services.case_open(association=fresh, by=kansli, title="Första ärendet")
        self.assertEqual(
            sorted(DocumentType.objects.filter(association=fresh).values_list("code", flat=True)),
            sorted(t.code for t in selectors.plan_of(fresh)),
        )
        self.assertEqual(len(selectors.plan_of(fresh)), len(selectors.DEFAULT_PLAN))


class WeedingTests(RecordsCase):
    def test_the_list_never_offers_minutes_or_decisions(self):
        # Even with everything old enough and every ärende closed.
        Case.objects.filter(association=self.association).update(status="closed")
        offered = selectors.weeding_candidates(self.association, 2100)
        codes = {h.document_type.code for h in offered}
        self.assertFalse(codes & {"protokoll", "beslut", "arsredovisning"})
        kept_for_ever = Handling.objects.filter(
            association=self.association, document_type__code__in=["protokoll", "beslut"]
        )
        self.assertTrue(kept_for_ever.exists())
        self.assertFalse({h.pk for h in kept_for_ever} & {h.pk for h in offered})

    def test_a_type_always_kept_cannot_be_made_weedable(self):
        with self.assertRaises(ValidationError):
            services.document_type_update(
                document_type=self.type("protokoll"),
                by=self.office,
                retention=Retention.YEARS,
                years=2,
            )

    def test_a_weeded_handling_is_gone_with_a_log_row_only_after_the_decision(self):
        old = self.letter(date=D(2020, 2, 1), description="Inbjudan till konferens")
        services.handling_add_files(
            handling=old, by=self.office, files=[("inbjudan.pdf", PDF, "application/pdf")]
        )
        stored = old.files.get()
        young = self.letter(date=D(2023, 2, 1), description="Ny inbjudan")
        weeding_list = services.weeding_list_create(
            association=self.association, year=2023, by=self.office
        )
        numbers = set(weeding_list.entries.values_list("number", flat=True))
        self.assertIn(old.number, numbers)
        self.assertNotIn(young.number, numbers)
        with self.assertRaises(ValidationError):
            services.weeding_execute(weeding_list=weeding_list, by=self.office)
        self.assertTrue(Handling.objects.filter(pk=old.pk).exists())
        paragraph = self.association.meetings.filter(approved_minutes__isnull=False)[
            0
        ].paragraphs.first()
        services.weeding_list_decide(
            weeding_list=weeding_list, by=self.office, decided_on=D(2023, 3, 1), paragraph=paragraph
        )
        with self.captureOnCommitCallbacks(execute=True):
            count = services.weeding_execute(weeding_list=weeding_list, by=self.office)
        self.assertGreaterEqual(count, 1)
        self.assertFalse(Handling.objects.filter(pk=old.pk).exists())
        self.assertTrue(Handling.objects.filter(pk=young.pk).exists())
        self.assertFalse(stored.file.storage.exists(stored.file.name))
        log = WeedingEntry.objects.get(weeding_list=weeding_list, number=old.number)
        self.assertIsNotNone(log.weeded_at)
        self.assertEqual(log.weeded_by, self.office)
        self.assertEqual(log.description, "Inbjudan till konferens")
        # The deletion is in the handling's history too.
        self.assertEqual(
            Handling.history.filter(id=old.pk, history_type="-").get().history_user, self.office
        )


class ArchiveTests(RecordsCase):
    def unpack(self, data: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return {name: package.read(name) for name in package.namelist()}

    def test_the_2022_package_of_sundsvall_holds_both_justerade_protocols_with_matching_checksums(
        self,
    ):
        self.login(self.office)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.url("diarium/arkiv/"), {"year": 2022})
        progress = TaskProgress.objects.get(title="Arkivpaket 2022", association=self.association)
        progress.refresh_from_db()
        self.assertRedirects(
            response,
            f"/f/{self.association.slug}/uppgifter/{progress.pk}/",
            fetch_redirect_response=False,
        )
        self.assertEqual(progress.status, "done", progress.error)
        package = ArchivePackage.objects.get(association=self.association, year=2022)
        data = package.file.open("rb").read()
        self.assertEqual(hashlib.sha256(data).hexdigest(), package.sha256)
        files = self.unpack(data)
        root = f"{self.association.slug}-2022/"
        mets = ET.fromstring(files[root + "METS.xml"])
        ns = {"m": archive.METS_NS, "x": archive.XLINK_NS}
        listed = mets.findall(".//m:file", ns)
        self.assertEqual(len(listed), len(files) - 1)
        checksums = set()
        for element in listed:
            location = element.find("m:FLocat", ns)
            assert location is not None
            href = location.get(f"{{{archive.XLINK_NS}}}href") or ""

            content = files[root + href]
            self.assertEqual(element.get("CHECKSUMTYPE"), "SHA-256")
            self.assertEqual(hashlib.sha256(content).hexdigest(), element.get("CHECKSUM"), href)
            checksums.add(element.get("CHECKSUM"))
        protocols = ApprovedMinutes.objects.filter(
            meeting__association=self.association, meeting__date__year=2022
        )
        self.assertEqual(protocols.count(), 2)
        for approved in protocols:
            self.assertIn(approved.sha256, checksums)
        pdfs = [c for name, c in files.items() if name.endswith(".pdf")]
        self.assertTrue(pdfs)
        for approved in protocols:
            content = next(c for c in pdfs if hashlib.sha256(c).hexdigest() == approved.sha256)
            xmp = PdfReader(io.BytesIO(content)).xmp_metadata
            assert xmp is not None
            self.assertIn(b"pdfaid", xmp.stream.get_data())
        self.assertIn(root + "metadata/descriptive/diarium.xml", files)
        # Every file kept is PDF/A, and the metadata follows the schemas the package carries.
        kept = [n for n in files if n.startswith(root + archive.ARCHIVAL)]
        self.assertTrue(kept)
        for name in kept:
            self.assertTrue(conversion.is_pdfa(files[name]), name)
        self.assertEqual(self.schema_problems(files, root), [])

    def schema_problems(self, files: dict[str, bytes], root: str) -> list[str]:
        schemas = {
            name.rsplit("/", 1)[-1]: content
            for name, content in files.items()
            if name.startswith(root + "schemas/")
        }
        self.assertEqual(set(schemas), set(archive.SCHEMA_FILES))
        return archive.metadata_problems(
            files[root + "METS.xml"], files[root + "metadata/descriptive/diarium.xml"], schemas
        )

    def test_a_docx_a_png_and_a_txt_are_kept_as_pdf_a_with_their_originals_beside(self):
        handling = self.letter(date=D(2022, 5, 1), description="Skrivelse med bilagor")
        originals = {
            "skrivelse.docx": (docx_bytes("Skrivelse om lokaler"), conversion.DOCX),
            "karta.png": (png_bytes(), "image/png"),
            "anteckning.txt": ("Minnesanteckning: åäö\nRad två".encode(), "text/plain"),
        }
        services.handling_add_files(
            handling=handling,
            by=self.office,
            files=[(name, data, kind) for name, (data, kind) in originals.items()],
        )
        case = handling.case
        services.case_close(case=case, by=self.office)
        data, count = archive.build_package(self.association, case.year, case=case)
        files = self.unpack(data)
        root = f"{self.association.slug}-{case.dnr.replace('/', '-')}/"
        self.assertEqual(len(files), count)
        self.assertEqual(self.schema_problems(files, root), [])
        mets = ET.fromstring(files[root + "METS.xml"])
        ns = {"m": archive.METS_NS}
        by_path = {}
        for element in mets.findall(".//m:file", ns):
            location = element.find("m:FLocat", ns)
            assert location is not None
            href = location.get(f"{{{archive.XLINK_NS}}}href") or ""
            self.assertEqual(
                hashlib.sha256(files[root + href]).hexdigest(), element.get("CHECKSUM")
            )
            by_path[href] = element
        diarium = ET.fromstring(files[root + "metadata/descriptive/diarium.xml"])
        entries = {f.get("namn", ""): f for f in diarium.iter("fil")}
        self.assertEqual(set(entries), set(originals))

        def path(entry: ET.Element, tag: str) -> str:
            found = entry.find(tag)
            assert found is not None
            return found.get("sokvag", "")

        for name, (content, kind) in originals.items():
            entry = entries[name]
            kept, original = path(entry, "arkivform"), path(entry, "original")
            kept_element, original_element = entry.find("arkivform"), entry.find("original")
            assert kept_element is not None and original_element is not None
            self.assertEqual(kept_element.get("omvandlad"), "ja")
            pdf = files[root + kept]
            self.assertTrue(conversion.is_pdfa(pdf), name)
            self.assertEqual(hashlib.sha256(pdf).hexdigest(), kept_element.get("sha256"))
            self.assertEqual(by_path[kept].get("USE"), archive.USE_ARCHIVAL)
            # The original is beside it, byte for byte as registered, and marked as such.
            self.assertEqual(files[root + original], content)
            self.assertEqual(original_element.get("sha256"), entry.get("registrerad-sha256"))
            self.assertEqual(by_path[original].get("USE"), archive.USE_ORIGINAL)
            self.assertEqual(by_path[original].get("GROUPID"), by_path[kept].get("GROUPID"))
            self.assertEqual(original_element.get("filtyp"), kind)
        for name, words in [
            ("skrivelse.docx", "Skrivelse om lokaler"),
            ("anteckning.txt", "Minnesanteckning: åäö"),
        ]:
            pdf = files[root + path(entries[name], "arkivform")]
            self.assertIn(words, PdfReader(io.BytesIO(pdf)).pages[0].extract_text())

    def test_a_file_that_cannot_be_made_pdf_a_stops_the_package_and_is_named(self):
        handling = self.letter(date=D(2022, 5, 1))
        services.handling_add_files(
            handling=handling,
            by=self.office,
            files=[("trasig.docx", b"PK\x03\x04inte ett dokument", conversion.DOCX)],
        )
        case = handling.case
        services.case_close(case=case, by=self.office)
        self.login(self.office)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url(f"diarium/arenden/{case.pk}/arkivera/"))
        progress = TaskProgress.objects.get(title=f"Arkivpaket Dnr {case.dnr}")
        self.assertEqual(progress.status, "failed")
        self.assertFalse(ArchivePackage.objects.filter(case=case).exists())
        page = self.client.get(self.url("diarium/arkiv/"))
        self.assertContains(page, "trasig.docx")
        self.assertContains(page, "kan inte göras om till PDF/A")

    def test_metadata_that_breaks_its_schema_is_found(self):
        files = archive.schema_files()
        mets = (
            b'<mets xmlns="http://www.loc.gov/METS/"><fileSec><fileGrp><file ID="a" '
            b'CHECKSUMTYPE="SHA-257"/></fileGrp></fileSec></mets>'
        )
        diarium = b'<diarium forbund="F" ar="tjugo"/>'
        problems = archive.metadata_problems(mets, diarium, files)
        self.assertTrue(any("SHA-257" in p for p in problems), problems)
        self.assertTrue(any("diarium.xml" in p for p in problems), problems)

    def test_only_a_closed_year_and_only_the_kansli(self):
        with self.assertRaises(ValidationError):
            services.archive_export_start(association=self.association, year=2099, by=self.office)
        self.login(self.board)
        self.assertEqual(
            self.client.post(self.url("diarium/arkiv/"), {"year": 2022}).status_code, 403
        )

    def test_a_file_changed_in_storage_stops_the_export(self):
        handling = self.letter(date=D(2022, 5, 1))
        services.handling_add_files(
            handling=handling, by=self.office, files=[("a.pdf", PDF, "application/pdf")]
        )
        stored = handling.files.get()
        stored.sha256 = "0" * 64
        stored.save(update_fields=["sha256"])
        with self.assertRaises(ValidationError):
            archive.build_package(self.association, 2022)

    def test_a_closed_ärende_is_packed_alone_with_its_files_and_checksums(self):
        case = Case.objects.get(association=self.association, source_key="minutes:2022")
        url = self.url(f"diarium/arenden/{case.pk}/arkivera/")
        self.login(self.office)
        response = self.client.post(url)  # still open
        self.assertRedirects(response, self.url(f"diarium/arenden/{case.pk}/"), 302, 200)
        self.assertFalse(ArchivePackage.objects.filter(case=case).exists())
        services.case_close(case=case, by=self.office)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url)
        progress = TaskProgress.objects.get(title=f"Arkivpaket Dnr {case.dnr}")
        self.assertEqual(progress.status, "done", progress.error)
        package = ArchivePackage.objects.get(association=self.association, case=case)
        files = self.unpack(package.file.open("rb").read())
        root = f"{self.association.slug}-{case.dnr.replace('/', '-')}/"
        mets = ET.fromstring(files[root + "METS.xml"])
        ns = {"m": archive.METS_NS, "x": archive.XLINK_NS}
        listed = mets.findall(".//m:file", ns)
        self.assertEqual(len(listed), len(files) - 1)
        for element in listed:
            location = element.find("m:FLocat", ns)
            assert location is not None
            content = files[root + (location.get(f"{{{archive.XLINK_NS}}}href") or "")]
            self.assertEqual(hashlib.sha256(content).hexdigest(), element.get("CHECKSUM"))
        kept = {hashlib.sha256(c).hexdigest() for c in files.values()}
        for approved in ApprovedMinutes.objects.filter(
            meeting__association=self.association, meeting__date__year=2022
        ):
            self.assertIn(approved.sha256, kept)
        # Only this ärende's handlingar: nothing of another ärende is in the package.
        others = Handling.objects.filter(association=self.association).exclude(case=case)
        other_files = {f.sha256 for h in others for f in h.files.all()} - {
            f.sha256 for h in case.handlings.all() for f in h.files.all()
        }
        self.assertFalse(other_files & kept)
        self.assertContains(self.client.get(self.url("diarium/arkiv/")), f"Dnr {case.dnr}")


class IncomingTests(RecordsCase):
    def test_the_incoming_handlingar_since_the_last_meeting(self):
        meetings = list(self.association.meetings.order_by("date"))
        last = meetings[-1]
        handling = self.letter(date=last.date)
        incoming = selectors.incoming_for_next_meeting(
            self.association, last.date + datetime.timedelta(days=1)
        )
        self.assertIn(handling, incoming.handlings)

    def test_the_list_goes_to_the_next_meeting_as_a_bilaga(self):
        last = self.association.meetings.order_by("date").last()
        assert last is not None
        handling = self.letter(date=last.date)
        upcoming = meeting_services.meeting_create(
            association=self.association,
            by=self.office,
            date=last.date + datetime.timedelta(days=30),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kansliet",
        )
        today = last.date + datetime.timedelta(days=1)
        attachment = services.incoming_to_meeting(
            association=self.association, by=self.office, today=today
        )
        self.assertEqual(attachment.meeting, upcoming)
        assert attachment.item is not None
        self.assertEqual(attachment.item.title, "Inkomna handlingar")
        self.assertEqual(attachment.content_type, "application/pdf")
        self.assertIn(
            handling, selectors.incoming_for_next_meeting(self.association, today).handlings
        )


class IncomingOnTheAgendaTests(RecordsCase):
    """The next meeting's "Inkomna handlingar" comes from the register by itself."""

    def plan_meeting(self, days: int = 30):
        return meeting_services.meeting_create(
            association=self.association,
            by=self.office,
            date=datetime.date.today() + datetime.timedelta(days=days),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kansliet",
        )

    def test_a_planned_meeting_lists_what_came_in_masked_without_a_button(self):
        meeting = self.plan_meeting()
        item = meeting.items.get(title="Inkomna handlingar")
        self.assertTrue(item.standing)
        today = datetime.date.today()
        public = self.letter(date=today, description="Inbjudan till regional konferens")
        secret = self.letter(date=today, description="Uppgifter om en enskild deltagare")
        services.handling_mark_secrecy(
            handling=secret,
            by=self.office,
            secret_description=True,
            secret_organisation=False,
            secret_files=False,
            osl_chapter=26,
            osl_section="1",
            secrecy_reason="Enskilds personliga förhållanden.",
        )
        self.login(self.board)
        page = self.client.get(self.url(f"sammantraden/{meeting.pk}/"))
        self.assertContains(page, "Inkomna handlingar sedan föregående sammanträde")
        self.assertContains(page, public.number)
        self.assertContains(page, "Inbjudan till regional konferens")
        self.assertContains(page, secret.number)
        self.assertContains(page, f"{MASK} (26 kap. 1 § OSL)")
        self.assertNotContains(page, "Uppgifter om en enskild deltagare")
        # What came in before the meeting before is not on the list.
        last = self.association.meetings.filter(date__lt=meeting.date).order_by("-date")[0]
        old = self.letter(
            date=last.date - datetime.timedelta(days=1), description="Gammal skrivelse"
        )
        page = self.client.get(self.url(f"sammantraden/{meeting.pk}/"))
        self.assertNotContains(page, old.number)
        # The kallelse carries the same list, masked the same way.
        kallelse = PdfReader(io.BytesIO(kallelse_pdf(meeting)))
        text = " ".join(" ".join(page.extract_text() for page in kallelse.pages).split())
        self.assertIn(public.number, text)
        self.assertIn("Inbjudan till regional konferens", text)
        self.assertNotIn("Uppgifter om en enskild deltagare", text)

    def test_a_meeting_planned_before_gets_the_item_when_something_comes_in(self):
        meeting = self.plan_meeting(days=40)
        meeting.items.filter(title="Inkomna handlingar").delete()
        self.assertFalse(meeting.items.filter(title="Inkomna handlingar").exists())
        self.letter(date=datetime.date.today())
        self.assertTrue(meeting.items.filter(title="Inkomna handlingar", standing=True).exists())
        # An outgoing letter adds nothing, and the item is there once.
        self.letter(date=datetime.date.today(), direction=HandlingDirection.OUTGOING)
        self.letter(date=datetime.date.today())
        self.assertEqual(meeting.items.filter(title="Inkomna handlingar").count(), 1)

    def test_a_past_meeting_planned_now_gets_no_item(self):
        last = self.association.meetings.order_by("date").last()
        assert last is not None
        past = meeting_services.meeting_create(
            association=self.association,
            by=self.office,
            date=last.date + datetime.timedelta(days=3),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kansliet",
        )
        self.assertFalse(past.items.filter(title="Inkomna handlingar").exists())


class AssociationReportTests(RecordsCase):
    def test_a_locked_report_is_registered_in_its_own_ärende_with_its_pdf_a(self):
        AssociationReport.objects.filter(association=self.association).delete()
        report = report_services.report_create(
            association=self.association,
            kind=AssociationReportKind.INTERIM,
            year=2023,
            by=self.office,
        )
        item = AgendaItem.objects.filter(
            meeting__association=self.association, meeting__approved_minutes__isnull=True
        ).first()
        assert item is not None
        report_services.report_attach(report=report, item=item, by=self.office)
        self.assertFalse(Handling.objects.filter(source_key__startswith="association-report"))
        ApprovedMinutes.objects.create(
            meeting=item.meeting,
            approved_on=D(2023, 10, 30),
            first_number=1,
            last_number=1,
            pdf="x.pdf",
        )
        report = report_services.report_lock(report=report, by=self.office)

        handling = Handling.objects.get(source_key=f"association-report-pdf:{report.pk}")
        self.assertEqual(handling.case.title, "Delårsrapport 2023")
        self.assertEqual(handling.document_type.code, "arsredovisning")
        self.assertTrue(handling.document_type.always_kept)
        self.assertEqual([f.sha256 for f in handling.files.all()], [report.pdf_sha256])
        # Locking again registers nothing twice.
        report_services.report_lock(report=report, by=self.office)
        self.assertEqual(
            Handling.objects.filter(source_key__startswith="association-report").count(), 1
        )


class PageSizeLimitTests(SimpleTestCase):
    """A PDF may declare a page metres wide; rendering it for the archive stays bounded."""

    def test_an_a4_page_is_rendered_at_the_archive_resolution(self):
        self.assertEqual(conversion.page_scale(595, 842), conversion.PAGE_DPI / 72)

    def test_a_page_five_metres_wide_is_rendered_within_the_pixel_bound(self):
        writer = PdfWriter()
        writer.add_blank_page(width=14_400, height=14_400)
        data = io.BytesIO()
        writer.write(data)
        scale = conversion.page_scale(14_400, 14_400)
        self.assertLessEqual(round(14_400 * scale) ** 2, conversion.MAX_PAGE_PIXELS * 1.001)
        pdf, converted = conversion.archival_form(
            data.getvalue(), conversion.PDF, filename="stor.pdf", association_name="Test"
        )
        self.assertTrue(converted)
        self.assertTrue(conversion.is_pdfa(pdf))
