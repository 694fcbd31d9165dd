"""Importing old protocols on the kansli's pages: upload (one file or a zip), preview beside
the source lines, correct, confirm as one historical justerad meeting; bad files refused
with a Swedish message naming them and nothing saved."""

import datetime
import hashlib
import io
import zipfile
from typing import Any
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from samordna.associations.models import Person
from samordna.core.models import ProgressStatus, TaskProgress
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.worker import run_queued_tasks
from samordna.imports import services
from samordna.imports.models import ImportBatch, PendingImport
from samordna.imports.tests.minutes_fixtures import FIXTURES
from samordna.interventions.models import ApplicationStatus, GrantDecision, Outcome
from samordna.interventions.tests.helpers import submitted
from samordna.meetings.models import ApprovedMinutes, Meeting
from samordna.meetings.past import PastParagraph
from samordna.meetings.services.past_meetings import register_past_meeting

SJOBYGDEN = "heldout_sjobygden_2024_03_15.txt"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def form_data(response: Any) -> dict[str, Any]:
    """What the preview's form posts back unchanged: every field's shown value."""
    data: dict[str, Any] = {}
    context = response.context
    forms = [context["form"], *context["people"].forms, *context["items"].forms]
    for management in (context["people"].management_form, context["items"].management_form):
        forms.append(management)
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = "on" if value is True else value
    return data


def pdf_without_text() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="hemligt", owner_password="hemligt")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class ImportPageTests(SamordnaTestCase):
    def setUp(self):
        self.login(self.office)
        self.upload_url = reverse("imports:upload", args=[self.association.slug])

    def upload(self, name: str, data: bytes, client: Client | None = None):
        return (client or self.client).post(
            self.upload_url, {"file": SimpleUploadedFile(name, data)}
        )

    def counts(self) -> tuple[int, int, int, int]:
        return (
            PendingImport.objects.count(),
            Meeting.objects.count(),
            Person.objects.count(),
            ApprovedMinutes.objects.count(),
        )

    def assert_refused(self, name: str, data: bytes, words: str) -> None:
        before = self.counts()
        response = self.upload(name, data)
        self.assertEqual(response.status_code, 400)
        refused = response.context["refused"]
        self.assertEqual(len(refused), 1, refused)
        self.assertTrue(refused[0].startswith(f"{name}: "), refused)
        self.assertIn(words, refused[0])
        self.assertContains(response, name, status_code=400)
        self.assertEqual(self.counts(), before)

    # Upload

    def test_a_text_protocol_is_read_once_and_kept_with_its_hash_for_the_preview(self):
        data = fixture(SJOBYGDEN)
        response = self.upload("sjobygden.txt", data)
        pending = PendingImport.objects.get()
        self.assertRedirects(
            response, reverse("imports:preview", args=[self.association.slug, pending.pk])
        )
        self.assertEqual(pending.sha256, hashlib.sha256(data).hexdigest())
        self.assertEqual(pending.parsed["date"], "2024-03-15")
        self.assertEqual(pending.parsed["association"], "Samordningsförbundet Sjöbygden")
        with pending.file.open("rb") as kept:
            self.assertEqual(kept.read(), data)
        line = pending.parsed["sources"]["date"]
        self.assertIn("2024-03-15", pending.parsed["lines"][line - 1]["text"])

    def test_the_meetings_page_links_to_the_import(self):
        response = self.client.get(reverse("meetings:plan", args=[self.association.slug]))
        self.assertContains(response, self.upload_url)

    def test_a_scanned_pdf_without_text_is_refused(self):
        self.assert_refused("skannat.pdf", pdf_without_text(), "ingen text")

    def test_an_encrypted_pdf_is_refused(self):
        self.assert_refused("last.pdf", encrypted_pdf(), "lösenordsskyddad")

    def test_a_file_that_is_not_a_protocol_is_refused(self):
        self.assert_refused(
            "inkop.txt", "Inköpslista\nMjölk\nBröd\nSmör\n".encode(), "inte ut som ett protokoll"
        )

    def test_an_unreadable_encoding_is_refused(self):
        self.assert_refused("trasig.txt", bytes(range(256)) * 20, "Teckenkodningen")

    def test_an_old_word_file_is_refused(self):
        self.assert_refused("gammal.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 600, ".doc")

    def test_another_kind_of_file_is_refused(self):
        self.assert_refused("bild.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "bara PDF, Word")

    def test_a_broken_zip_is_refused(self):
        self.assert_refused("protokoll.zip", b"PK\x03\x04trasigt", "zip-arkivet är skadat")

    def test_a_file_already_uploaded_or_imported_is_refused(self):
        data = fixture(SJOBYGDEN)
        self.upload("sjobygden.txt", data)
        self.assert_refused("kopia.txt", data, "redan uppladdad")

    def zip_of_protocols(self) -> bytes:
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("2024/sjobygden.txt", fixture(SJOBYGDEN))
            zipped.writestr("2025/mittskogen.txt", fixture("heldout2_mittskogen_2025_02_14.txt"))
            zipped.writestr("inkop.txt", "Inköpslista\nMjölk\n")
            zipped.writestr("bild.png", b"\x89PNG")
            zipped.writestr("skannat.pdf", pdf_without_text())
        return archive.getvalue()

    @override_settings(TASKS=DATABASE_TASKS)
    def test_a_zip_is_read_in_the_background_each_protocol_its_own_import(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.upload("protokoll.zip", self.zip_of_protocols())
        progress = TaskProgress.objects.get(association=self.association)
        progress_url = reverse("core:progress", args=[self.association.slug, progress.pk])
        self.assertRedirects(response, progress_url, fetch_redirect_response=False)
        # The request only kept the zip and queued the work.
        self.assertFalse(PendingImport.objects.exists())
        self.assertEqual(progress.status, ProgressStatus.QUEUED)
        self.assertContains(self.client.get(progress_url), "Väntar på att starta.")
        batch = ImportBatch.objects.get()
        self.assertTrue(batch.file.storage.exists(batch.file.name))
        zip_name = batch.file.name
        upload_page = self.client.get(self.upload_url)
        self.assertContains(upload_page, "följ inläsningen")

        run_queued_tasks()
        progress.refresh_from_db()
        self.assertEqual((progress.status, progress.percent), (ProgressStatus.DONE, 100))
        self.assertEqual(progress.total, 4)  # the four files with a readable suffix
        self.assertIn("2 protokoll är inlästa", progress.message)
        self.assertIn("3 filer lästes inte", progress.message)
        self.assertEqual(
            sorted(p.filename for p in PendingImport.objects.all()),
            ["protokoll.zip/2024/sjobygden.txt", "protokoll.zip/2025/mittskogen.txt"],
        )
        self.assertEqual(set(PendingImport.objects.values_list("batch", flat=True)), {batch.pk})
        batch.refresh_from_db()
        self.assertIsNotNone(batch.finished_at)
        self.assertFalse(batch.file)
        self.assertFalse(batch.file.storage.exists(zip_name))
        refused = batch.refused
        self.assertEqual(len(refused), 3, refused)
        for name, words in (
            ("inkop.txt", "inte ut som ett protokoll"),
            ("bild.png", "bara PDF, Word"),
            ("skannat.pdf", "ingen text"),
        ):
            found = [r for r in refused if r.startswith(f"protokoll.zip/{name}: ")]
            self.assertEqual(len(found), 1, (name, refused))
            self.assertIn(words, found[0])
        # The progress page leads to the upload page, which names each refused file and
        # lists the protocols waiting for their preview.
        page = self.client.get(progress.done_url)
        for message in refused:
            self.assertContains(page, message)
        self.assertContains(page, "protokoll.zip/2024/sjobygden.txt")
        self.assertContains(page, "alla filer lästes", count=0)

    @override_settings(TASKS=DATABASE_TASKS)
    def test_a_zip_that_fails_halfway_keeps_whole_imports_and_is_read_again(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.upload("protokoll.zip", self.zip_of_protocols())
        progress = TaskProgress.objects.get(association=self.association)
        real_parse = services.parse
        calls: list[int] = []

        def fail_on_the_second(extracted: Any) -> Any:
            calls.append(1)
            if len(calls) == 2:
                raise RuntimeError("disken tog slut")
            return real_parse(extracted)

        with mock.patch.object(services, "parse", fail_on_the_second):
            run_queued_tasks()
        progress.refresh_from_db()
        self.assertEqual(progress.status, ProgressStatus.FAILED)
        self.assertIn("oväntat fel", progress.error)
        # The first protocol is a whole pending import; the second left nothing behind.
        self.assertEqual(
            [p.filename for p in PendingImport.objects.all()], ["protokoll.zip/2024/sjobygden.txt"]
        )
        pending = PendingImport.objects.get()
        self.assertTrue(pending.file.storage.exists(pending.file.name))
        self.assertIsNone(ImportBatch.objects.get().finished_at)
        # Started again from its page, it reads the rest; the first is not refused as a copy.
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("core:progress_retry", args=[self.association.slug, progress.pk])
            )
        run_queued_tasks()
        progress.refresh_from_db()
        self.assertEqual(progress.status, ProgressStatus.DONE)
        self.assertEqual(PendingImport.objects.count(), 2)
        batch = ImportBatch.objects.get()
        self.assertEqual(len(batch.refused), 3, batch.refused)
        self.assertFalse(any("redan" in message for message in batch.refused))

    def test_a_zip_without_protocols_says_so(self):
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("bild.png", b"\x89PNG")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.upload("tomt.zip", archive.getvalue())
        self.assertEqual(response.status_code, 302)
        batch = ImportBatch.objects.get()
        self.assertEqual(
            batch.refused,
            [
                "tomt.zip/bild.png: bara PDF, Word (.docx) och text (.txt) läses.",
                "tomt.zip: zip-arkivet innehåller inga protokoll att läsa.",
            ],
        )
        self.assertFalse(PendingImport.objects.exists())

    # Preview and confirm

    def preview(self, name: str = SJOBYGDEN) -> tuple[PendingImport, Any]:
        self.upload(name, fixture(name))
        pending = PendingImport.objects.latest("pk")
        url = reverse("imports:preview", args=[self.association.slug, pending.pk])
        return pending, self.client.get(url)

    def test_the_preview_shows_fields_beside_their_source_lines_and_the_problems(self):
        pending, response = self.preview()
        self.assertEqual(response.status_code, 200)
        line = pending.parsed["sources"]["date"]
        self.assertContains(response, f'id="rad-{line}"')
        self.assertContains(response, f'href="#rad-{line}"')
        # Sjöbygden's board is not Sundsvall's: each name is flagged with its line.
        self.assertContains(response, "Anna Berglund finns inte i styrelsens register")
        problem = next(p for p in pending.parsed["problems"] if "Anna Berglund" in p["message"])
        self.assertContains(response, f"Rad {problem['line']}</a>: Anna Berglund")
        self.assertEqual(response.context["form"]["date"].value(), "2024-03-15")

    def test_confirm_saves_one_justerad_meeting_with_the_file_as_its_original(self):
        pending, response = self.preview()
        data = form_data(response)
        data["m-place"] = "Kommunhuset i Sjöby, rättad plats"
        people_before = Person.objects.filter(association=self.association).count()
        response = self.client.post(response.request["PATH_INFO"], data)
        pending.refresh_from_db()
        assert pending.meeting is not None
        self.assertRedirects(
            response, reverse("meetings:detail", args=[self.association.slug, pending.meeting.pk])
        )
        meeting = pending.meeting
        self.assertEqual(meeting.place, "Kommunhuset i Sjöby, rättad plats")
        self.assertEqual(meeting.date, datetime.date(2024, 3, 15))
        approved = ApprovedMinutes.objects.get(meeting=meeting)
        self.assertTrue(approved.registered_afterwards)
        self.assertEqual(approved.sha256, pending.sha256)
        self.assertTrue(approved.pdf.name.endswith(".txt"))
        self.assertEqual(
            list(meeting.paragraphs.values_list("number", flat=True)),
            [p["number"] for p in pending.parsed["paragraphs"]],
        )
        # The chair and the justerare were new people, created in the same transaction.
        self.assertTrue(
            Person.objects.filter(
                association=self.association, first_name="Anna", last_name="Berglund"
            ).exists()
        )
        self.assertGreater(
            Person.objects.filter(association=self.association).count(), people_before
        )
        guests = set(meeting.guests.values_list("name", flat=True))
        self.assertIn("Lisa Strandberg", guests)
        # Jäv of someone without a seat that day is kept in words on the §.
        self.assertIn("Eva Lindqvist anmälde jäv", meeting.paragraphs.get(number=25).minutes_notes)
        # The same file again is refused, with the meeting named.
        response = self.upload("igen.txt", fixture(SJOBYGDEN))
        self.assertIn("redan importerad", response.context["refused"][0])

    def test_a_refused_confirm_saves_nothing_not_even_the_new_people(self):
        pending, response = self.preview()
        data = form_data(response)
        data["m-approved_on"] = "2024-03-01"  # before the meeting
        before = self.counts()
        response = self.client.post(response.request["PATH_INFO"], data)
        self.assertEqual(response.status_code, 400)
        self.assertIn("justerats före sammanträdet", response.content.decode())
        self.assertEqual(self.counts(), before)
        pending.refresh_from_db()
        self.assertIsNone(pending.meeting)

    def test_every_field_can_be_corrected_and_rows_removed(self):
        pending, response = self.preview()
        data = form_data(response)
        data["p-0-title"] = "Mötet öppnas (rättad)"
        data["p-1-DELETE"] = "on"
        data["n-0-name"] = "Anna Bergström"
        self.client.post(response.request["PATH_INFO"], data)
        pending.refresh_from_db()
        meeting = pending.meeting
        assert meeting is not None
        numbers = [p["number"] for p in pending.parsed["paragraphs"]]
        self.assertEqual(meeting.paragraphs.get(number=numbers[0]).title, "Mötet öppnas (rättad)")
        self.assertFalse(meeting.paragraphs.filter(number=numbers[1]).exists())
        self.assertIn("Anna Bergström", set(meeting.guests.values_list("name", flat=True)))

    def test_a_discarded_upload_is_gone_with_its_file(self):
        pending, _ = self.preview()
        name = pending.file.name
        storage = pending.file.storage
        response = self.client.post(
            reverse("imports:discard", args=[self.association.slug, pending.pk])
        )
        self.assertRedirects(response, self.upload_url)
        self.assertFalse(PendingImport.objects.exists())
        self.assertFalse(storage.exists(name))

    # Access

    def test_only_the_kansli_of_the_forbund_imports(self):
        pending, _ = self.preview()
        preview = reverse("imports:preview", args=[self.association.slug, pending.pk])
        for user in (self.chair, self.board, self.auditor, self.finance):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.upload_url).status_code, 403, user)
            self.assertEqual(self.client.get(preview).status_code, 403, user)
        # Another förbund's kansli: its own address does not hold this import, and this
        # förbund's addresses are not its own.
        other_office = next(u for u in self.other.users.all() if u.role == "office")
        self.client.force_login(other_office)
        other_preview = reverse("imports:preview", args=[self.other.slug, pending.pk])
        self.assertEqual(self.client.get(other_preview).status_code, 404)
        self.assertEqual(self.client.get(preview).status_code, 404)
        self.assertEqual(self.client.get(self.upload_url).status_code, 404)


class NameMatchTests(SamordnaTestCase):
    def test_names_match_across_case_diacritics_typos_and_party_labels(self):
        people = list(Person.objects.filter(association=self.association))
        christina = next(p for p in people if p.last_name == "Nordenö")
        for written in (
            "Christina Nordenö",
            "CHRISTINA NORDENÖ",
            "christina nordenö",
            "Christina Nordenö (S)",
            "Kristina Nordenö",
            "Christina Nordeno",
        ):
            self.assertEqual(services.match_person(written, people), christina, written)
        self.assertIsNone(services.match_person("Anna Berglund", people))


class ImportedOriginalTests(SamordnaTestCase):
    def register(self, name: str, content: bytes, **extra: Any):
        return register_past_meeting(
            association=self.association,
            by=self.office,
            date=datetime.date(2019, 6, 14),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kommunhuset",
            approved_on=datetime.date(2019, 6, 24),
            posted_on=datetime.date(2019, 6, 25),
            taken_down_on=datetime.date(2019, 7, 16),
            original=SimpleUploadedFile(name, content),
            paragraphs=[PastParagraph(number=1, title="Sammanträdet öppnas")],
            **extra,
        )

    def test_an_imported_protocol_keeps_its_word_or_text_file_as_the_original(self):
        from django.core.exceptions import ValidationError

        with self.assertRaisesMessage(ValidationError, "PDF eller en inskannad bild"):
            self.register("protokoll.txt", b"PROTOKOLL")
        approved = self.register("protokoll.txt", b"PROTOKOLL", imported=True)
        self.assertTrue(approved.pdf.name.endswith(".txt"))
        with self.assertRaisesMessage(ValidationError, "innehållet är inte en sådan fil"):
            self.register("protokoll.docx", b"inte en zip", imported=True)


class ImportedGrantTests(SamordnaTestCase):
    """A § that grants money to an insats whose application is in Samordna becomes the
    board's decision on that application, recorded in the imported §."""

    def setUp(self):
        self.login(self.office)
        self.application = submitted(
            self.association,
            self.office,
            name="Förstudie om unga utanför",
            starts_on=datetime.date(2024, 5, 1),
            ends_on=datetime.date(2024, 12, 31),
            amounts={2024: 150_000},
        )
        self.client.post(
            reverse("imports:upload", args=[self.association.slug]),
            {"file": SimpleUploadedFile("sjobygden.txt", fixture(SJOBYGDEN))},
        )
        self.pending = PendingImport.objects.get()
        self.preview_url = reverse("imports:preview", args=[self.association.slug, self.pending.pk])

    def row(self, response: Any, number: int) -> int:
        return next(
            i
            for i, form in enumerate(response.context["items"].forms)
            if form["number"].value() == number
        )

    def test_a_grant_to_an_open_application_becomes_its_decision_in_the_paragraph(self):
        response = self.client.get(self.preview_url)
        data = form_data(response)
        row = self.row(response, 26)
        # The § names the application: it is chosen already, the grant read from the text.
        self.assertEqual(data[f"p-{row}-application"], str(self.application.pk))
        self.assertEqual(data[f"p-{row}-grants"], "150000 2024-05-01 2024-12-31")
        self.assertEqual(data.get(f"p-{self.row(response, 25)}-application", ""), "")
        response = self.client.post(self.preview_url, data)
        self.pending.refresh_from_db()
        meeting = self.pending.meeting
        assert meeting is not None
        decision = GrantDecision.objects.get(application=self.application)
        self.assertEqual(decision.paragraph, meeting.paragraphs.get(number=26))
        self.assertEqual(decision.decided_on, datetime.date(2024, 3, 15))
        self.assertEqual(decision.outcome, Outcome.GRANTED)
        self.assertEqual(list(decision.amounts.values_list("year", "amount")), [(2024, 150_000)])
        self.application.refresh_from_db()
        self.assertEqual(self.application.status, ApplicationStatus.DECIDED)
        # The § keeps its text as the protocol wrote it; the meeting page shows the decision.
        self.assertIn("150 000 kr", meeting.paragraphs.get(number=26).decision)
        page = self.client.get(reverse("meetings:detail", args=[self.association.slug, meeting.pk]))
        self.assertContains(page, "Beslut om ansökan")
        self.assertContains(page, "Förstudie om unga utanför")
        self.assertEqual(self.pending.parsed["grant_decisions"], {"26": self.application.pk})
        # Every grant the kansli confirmed stays on the import, with or without a decision.
        self.assertEqual(
            self.pending.parsed["confirmed_grants"]["25"],
            [{"amount": 630_000, "start": "2024-04-01", "end": "2025-03-31"}],
        )

    def test_a_grant_over_two_years_must_be_split_and_nothing_is_saved_until_it_is(self):
        response = self.client.get(self.preview_url)
        data = form_data(response)
        data[f"p-{self.row(response, 26)}-application"] = ""
        data[f"p-{self.row(response, 25)}-application"] = str(self.application.pk)
        meetings = Meeting.objects.count()
        response = self.client.post(self.preview_url, data)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "gäller flera år", status_code=400)
        self.assertEqual(Meeting.objects.count(), meetings)
        self.assertFalse(GrantDecision.objects.filter(application=self.application).exists())

    def test_a_grant_the_application_did_not_seek_is_refused_with_the_paragraph_named(self):
        response = self.client.get(self.preview_url)
        data = form_data(response)
        data[f"p-{self.row(response, 26)}-grants"] = "900000 2024-05-01 2024-12-31"
        people = Person.objects.count()
        response = self.client.post(self.preview_url, data)
        self.assertEqual(response.status_code, 400)
        self.assertContains(
            response, "§ 26, beslutet om Förstudie om unga utanför", status_code=400
        )
        self.assertEqual(Person.objects.count(), people)
        self.assertFalse(GrantDecision.objects.filter(application=self.application).exists())
        self.pending.refresh_from_db()
        self.assertIsNone(self.pending.meeting)
