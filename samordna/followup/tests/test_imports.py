"""Import of a period's counts from a CSV or Excel file: every row checked as the form checks
it, a per-row error report, and nothing imported unless every row is right."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from samordna.core.tests import hostile_files
from samordna.followup import services
from samordna.followup.counts import COUNT_NAMES
from samordna.followup.models import (
    CountImport,
    ParticipantReport,
    ParticipantReportStatus,
    ReportingPeriod,
)
from samordna.followup.services import imports
from samordna.followup.tests.helpers import approved, balanced
from samordna.followup.tests.test_count_views import KONSULENT, CountCase, sent
from samordna.interventions.models import Intervention

UPPDRAG = "Arbetskonsulent på uppdrag av FK, RVN och AF"
ADDRESS = "/f/sundsvall/uppfoljning/import/"


def row(insats: str, **counts) -> list[str]:
    values = balanced(**counts)
    return [insats, *[str(values[name]) for name in COUNT_NAMES]]


def csv_file(rows: list[list[str]], *, delimiter: str = ";", encoding: str = "utf-8") -> bytes:
    lines = [delimiter.join(imports.HEADER)]
    for cells in rows:
        lines.append(delimiter.join(f'"{c}"' if delimiter in c else c for c in cells))
    return "\r\n".join(lines).encode(encoding)


def xlsx_file(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(imports.HEADER)
    for cells in rows:
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class ReadTests(CountCase):
    def test_csv_in_windows_1252_with_commas_is_read(self):
        content = csv_file([row(UPPDRAG), row(KONSULENT)], delimiter=",", encoding="cp1252")
        table = imports.read_table(content, "siffror.csv")
        self.assertEqual(table[1][0], UPPDRAG)  # å, and a comma inside quotes
        self.assertEqual(table[2][0], KONSULENT)  # ö and ä
        self.assertEqual(len(table[1]), len(imports.HEADER))

    def test_an_xlsx_workbook_is_read_with_whole_numbers_as_numbers(self):
        table = imports.read_table(xlsx_file([[KONSULENT, 4.0, 2]]), "siffror.xlsx")
        self.assertEqual(table[1][:3], [KONSULENT, "4", "2"])

    def test_a_binary_file_is_refused_in_swedish(self):
        with self.assertRaisesMessage(Exception, "Filen går inte att läsa."):
            imports.read_table(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bild.csv")
        with self.assertRaisesMessage(Exception, "Filen går inte att läsa."):
            imports.read_table(b"PK\x03\x04 inte en arbetsbok", "trasig.xlsx")
        with self.assertRaisesMessage(Exception, "Gamla Excel-filer (xls)"):
            imports.read_table(b"\xd0\xcf\x11\xe0", "gammal.xls")


class CheckTests(CountCase):
    def check(self, rows: list[list[str]], period=None) -> imports.Checked:
        table = imports.read_table(csv_file(rows), "siffror.csv")
        return imports.check(association=self.association, period=period or self.first, table=table)

    def messages(self, checked: imports.Checked) -> list[tuple[int, str, str]]:
        return [(e.row, e.column, e.message) for e in checked.errors]

    def test_rows_that_add_up_pass(self):
        checked = self.check(
            [row(KONSULENT), row(str(self.region.pk), new=(1, 0, 0), ended=(0, 0, 0))]
        )
        self.assertEqual(checked.errors, [])
        self.assertEqual([r.intervention for r in checked.rows], [self.konsulent, self.region])
        self.assertEqual(
            checked.totals(), {"start": 0, "new": 11, "ended": 3, "end": 8, "to_work_or_studies": 3}
        )

    def test_a_broken_number_is_reported_with_its_row_and_column(self):
        bad = row(KONSULENT)
        bad[COUNT_NAMES.index("new_men") + 1] = "4,5"
        bad[COUNT_NAMES.index("new_other") + 1] = "-1"
        bad[COUNT_NAMES.index("end_men") + 1] = "1000000"
        errors = self.messages(self.check([row(UPPDRAG), bad]))
        self.assertIn((3, "end_men", "Antalet är orimligt stort; högst 100 000."), errors)
        self.assertIn((3, "new_men", "Skriv ett heltal, 0 eller mer."), errors)
        self.assertIn((3, "new_other", "Skriv ett heltal, 0 eller mer."), errors)

    def test_splits_that_do_not_add_up_are_reported(self):
        bad = row(KONSULENT)
        bad[COUNT_NAMES.index("ended_to_work") + 1] = "1"
        errors = self.messages(self.check([bad]))
        self.assertEqual(
            errors,
            [
                (
                    2,
                    "ended_to_work",
                    "Avslutade fördelade på vart de gick (1) ska vara lika många som avslutade "
                    "(3).",
                )
            ],
        )

    def test_an_unknown_insats_a_duplicate_and_one_that_does_not_run_are_reported(self):
        psykolog = row("Psykolog")  # ended in 2023
        errors = self.messages(
            self.check([row("Okänd insats"), row(KONSULENT), row(KONSULENT), psykolog])
        )
        self.assertEqual(
            errors,
            [
                (
                    2,
                    "insats",
                    "Det finns ingen insats ”Okänd insats” i Samordningsförbundet i Sundsvall.",
                ),
                (4, "insats", "Insatsen finns redan på rad 3."),
                (5, "insats", "Insatsen pågår inte under Halvår 1 2024."),
            ],
        )

    def test_another_forbunds_insats_is_unknown(self):
        other = Intervention.objects.get(
            association=self.other, name="Arbetsmarknadstorget Härnösand"
        )
        errors = self.messages(self.check([row(str(other.pk))]))
        self.assertEqual(errors[0][:2], (2, "insats"))

    def test_approved_counts_are_not_replaced(self):
        approved(self.konsulent, self.first, self.applicant, self.office)
        errors = self.messages(self.check([row(KONSULENT)]))
        self.assertIn("redan godkända", errors[0][2])

    def test_the_start_must_follow_the_previous_period(self):
        approved(self.konsulent, self.first, self.applicant, self.office)  # 7 at the end
        errors = self.messages(self.check([row(KONSULENT, start=(3, 3, 0))], self.second))
        self.assertEqual(errors[0][:2], (2, "start_women"))
        self.assertIn("förra periodens slut (7)", errors[0][2])
        self.assertEqual(
            self.messages(self.check([row(KONSULENT, start=(4, 3, 0))], self.second)), []
        )

    def test_missing_columns_count_as_zero_and_unknown_ones_are_reported(self):
        table = [
            [
                "insats",
                "new_women",
                "new_age_20_24",
                "income_none",
                "end_women",
                "end_age_20_24",
                "namn",
            ],
            [KONSULENT, "2", "2", "2", "2", "2", "x"],
        ]
        checked = imports.check(association=self.association, period=self.first, table=table)
        self.assertEqual(
            self.messages(checked),
            [(1, "namn", "Okänd kolumn. Kolumnerna ska heta som i mallen.")],
        )
        del table[0][6], table[1][6]
        checked = imports.check(association=self.association, period=self.first, table=table)
        self.assertEqual(checked.errors, [])
        self.assertEqual(checked.rows[0].values["new_men"], 0)
        self.assertEqual(
            checked.rows[0].totals,
            {"start": 0, "new": 2, "ended": 0, "end": 2, "to_work_or_studies": 0},
        )

    def test_row_numbers_are_those_of_the_file(self):
        bad = row(KONSULENT)
        bad[COUNT_NAMES.index("new_women") + 1] = "tre"
        table = [imports.HEADER, [], row(UPPDRAG), ["", ""], bad]
        checked = imports.check(association=self.association, period=self.first, table=table)
        self.assertEqual([e.row for e in checked.errors], [5])


class ImportTests(CountCase):
    def test_the_import_replaces_drafts_and_sent_counts_and_is_all_or_nothing(self):
        draft = services.counts_open(
            intervention=self.konsulent, period=self.first, by=self.applicant
        )
        waiting = sent(self.region, self.first, self.office)
        bad = row("Okänd insats")
        table = [
            imports.HEADER,
            row(KONSULENT, new=(2, 2, 0), ended=(0, 0, 0)),
            row(self.region.name),
            bad,
        ]
        checked, pending = imports.counts_upload(
            association=self.association,
            period=self.first,
            filename="siffror.csv",
            table=table,
            by=self.office,
        )
        self.assertEqual((len(checked.errors), pending), (1, None))
        self.assertFalse(CountImport.objects.exists())
        draft.refresh_from_db()
        self.assertEqual(
            (draft.status, draft.new_women), (ParticipantReportStatus.DRAFT, 0)
        )  # untouched
        del table[3]
        checked, pending = imports.counts_upload(
            association=self.association,
            period=self.first,
            filename="siffror.csv",
            table=table,
            by=self.office,
        )
        assert pending is not None
        draft.refresh_from_db()
        self.assertEqual(draft.status, ParticipantReportStatus.DRAFT)  # waits for the confirmation
        checked = imports.counts_import(pending=pending, by=self.office, approve=False)
        self.assertEqual(checked.errors, [])
        pending.refresh_from_db()
        self.assertEqual((pending.pending, pending.imported_by), (False, self.office))
        draft.refresh_from_db()
        waiting.refresh_from_db()
        self.assertEqual(
            (draft.status, draft.new_women, draft.submitted_by, draft.version),
            (ParticipantReportStatus.SUBMITTED, 2, self.office, 2),
        )
        self.assertEqual((waiting.status, waiting.version), (ParticipantReportStatus.SUBMITTED, 4))
        self.assertEqual(draft.history.first().history_change_reason, "Importerad från fil")


class ImportPageTests(CountCase):
    def upload(self, content: bytes, name: str = "siffror.csv", period=None):
        return self.client.post(
            ADDRESS,
            {"period": (period or self.first).key, "file": SimpleUploadedFile(name, content)},
            follow=True,
        )

    def confirm(self, **data):
        pending = CountImport.objects.latest("pk")
        return self.client.post(f"{ADDRESS}{pending.pk}/", data, follow=True)

    def test_a_good_file_is_previewed_then_imported_as_sent(self):
        self.login(self.office)
        page = self.client.get(ADDRESS)
        self.assertContains(page, "Importera siffror från fil")
        self.assertContains(
            page, '<option value="2024-1" selected>Halvår 1 2024</option>', html=False
        )
        rows = [row(KONSULENT), row(UPPDRAG, new=(1, 1, 0), ended=(1, 0, 0))]
        # As Excel saves CSV on a Swedish Windows: Windows-1252, here with commas.
        response = self.upload(csv_file(rows, delimiter=",", encoding="cp1252"))
        self.assertContains(response, "siffror.csv har siffror för 2 insatser i Halvår 1 2024")
        self.assertContains(
            response,
            '<th scope="row" colspan="3">Summa</th><td class="numeric">0</td>'
            '<td class="numeric">12</td><td class="numeric">4</td>',
            html=False,
        )
        self.assertContains(response, ">Importera siffrorna</button>")
        self.assertFalse(ParticipantReport.objects.filter(period=self.first).exists())
        done = self.confirm()
        self.assertContains(
            done, "Siffrorna för 2 insatser i Halvår 1 2024 är importerade och inskickade"
        )
        reports = ParticipantReport.objects.filter(period=self.first)
        self.assertEqual({r.status for r in reports}, {ParticipantReportStatus.SUBMITTED})
        self.assertNotIn("followup_import", self.client.session)
        again = self.client.get(f"{ADDRESS}{CountImport.objects.get().pk}/")
        self.assertContains(again, "Filen är importerad")
        self.assertNotContains(again, "Importera siffrorna</button>")
        self.assertEqual(self.confirm().status_code, 200)  # a second confirmation: nothing
        self.assertEqual(ParticipantReport.objects.filter(period=self.first).count(), 2)

    def test_the_kansli_may_approve_directly(self):
        self.login(self.office)
        self.upload(xlsx_file([[KONSULENT, *balanced().values()]]), "siffror.xlsx")
        self.confirm(approve="on")
        report = ParticipantReport.objects.get(period=self.first)
        self.assertEqual(
            (report.status, report.approved_by), (ParticipantReportStatus.APPROVED, self.office)
        )

    def test_hostile_files_end_in_a_swedish_message_naming_the_limit(self):
        self.login(self.office)
        for name, content, message in (
            ("falt.csv", hostile_files.long_field_csv(), "längre än 1 000 tecken"),
            ("bomb.xlsx", hostile_files.zip_bomb(), "större än 10 MB uppackad"),
            ("rad.xlsx", hostile_files.far_row(), "fler än 2 001 rader"),
            ("stor.csv", hostile_files.big_csv(), "större än 2 MB"),
        ):
            with self.subTest(name=name):
                response = self.upload(content, name)
                self.assertContains(response, message, status_code=400)
                self.assertFalse(CountImport.objects.exists())

    def test_errors_are_listed_per_row_and_nothing_is_imported(self):
        bad = row(KONSULENT)
        bad[COUNT_NAMES.index("new_men") + 1] = "fyra"
        self.login(self.office)
        response = self.upload(csv_file([row(UPPDRAG), bad, row("Okänd")]))
        self.assertContains(response, "2 fel. Ingenting är importerat.", status_code=400)
        self.assertContains(
            response,
            '<tr><td class="numeric">3</td><td><code>new_men</code><br>'
            '<span class="muted">Nya deltagare under perioden, män</span></td>',
            html=False,
            status_code=400,
        )
        self.assertContains(response, "Det finns ingen insats ”Okänd”", status_code=400)
        self.assertNotContains(response, "Importera siffrorna", status_code=400)
        self.assertFalse(CountImport.objects.exists())
        self.assertFalse(ParticipantReport.objects.filter(period=self.first).exists())

    def test_an_unreadable_file_is_refused_in_swedish(self):
        self.login(self.office)
        response = self.upload(bytes(range(256)), "data.bin")
        self.assertContains(response, "Filen går inte att läsa.", status_code=400)

    def test_counts_approved_between_check_and_confirm_stop_the_import(self):
        self.login(self.office)
        self.upload(csv_file([row(KONSULENT)]))
        approved(
            self.konsulent, self.first, self.applicant, self.office, new=(1, 0, 0), ended=(0, 0, 0)
        )
        pending = CountImport.objects.get()
        self.assertContains(self.client.get(f"{ADDRESS}{pending.pk}/"), "redan godkända")
        response = self.client.post(f"{ADDRESS}{pending.pk}/", {})
        self.assertContains(response, "redan godkända", status_code=400)
        self.assertNotContains(response, "Importera siffrorna</button>", status_code=400)
        self.assertEqual(ParticipantReport.objects.get(period=self.first).new_women, 1)

    def test_the_page_of_a_checked_file_shows_nothing_to_another_forbund(self):
        self.login(self.office)
        self.upload(csv_file([row(KONSULENT)]))
        address = f"{ADDRESS}{CountImport.objects.get().pk}/"
        self.login(self.applicant)
        self.assertEqual(self.client.get(address).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(address).status_code, 404)
        self.assertEqual(self.client.post(address, {}).status_code, 404)
        self.assertFalse(ParticipantReport.objects.filter(period=self.first).exists())

    def test_the_page_that_offers_a_new_year_saves_no_periods(self):
        self.login(self.office)
        before = ReportingPeriod.objects.count()
        page = self.client.get(ADDRESS)
        self.assertEqual(page.status_code, 200)
        self.assertEqual(ReportingPeriod.objects.count(), before)

    def test_only_the_kansli_imports(self):
        for user in (self.applicant, self.board):
            self.login(user)
            self.assertEqual(self.client.get(ADDRESS).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(ADDRESS).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.put(ADDRESS).status_code, 405)


class TemplateTests(CountCase):
    def template_url(self, name: str, period=None) -> str:
        query = f"?period={(period or self.first).key}"
        return reverse(f"followup:{name}", args=["sundsvall"]) + query

    def test_the_xlsx_template_has_a_row_per_running_insats_with_zeros(self):
        self.login(self.office)
        response = self.client.get(self.template_url("import_template"))
        self.assertEqual(
            response["Content-Disposition"],
            'attachment; filename="uppfoljning-sundsvall-2024-half-year-1.xlsx"',
        )
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(list(rows[0]), imports.HEADER)
        names = [r[0] for r in rows[1:]]
        self.assertEqual(
            names,
            [KONSULENT, UPPDRAG, "Arbetsmarknadstorget i Sundsvall", "Samverkansteam i regionen"],
        )
        self.assertEqual(set(rows[1][1:]), {0})

    def test_the_csv_template_opens_in_excel_and_imports_as_it_is(self):
        self.login(self.office)
        response = self.client.get(self.template_url("import_template_csv"))
        self.assertTrue(response.content.startswith(b"\xef\xbb\xbfinsats;start_women;"))
        table = imports.read_table(response.content, "mall.csv")
        checked = imports.check(association=self.association, period=self.first, table=table)
        self.assertEqual((checked.errors, len(checked.rows)), ([], 4))

    def test_a_period_is_needed_and_only_the_kansli_gets_the_template(self):
        self.login(self.office)
        bare = reverse("followup:import_template", args=["sundsvall"])
        self.assertEqual(self.client.get(bare).status_code, 404)
        self.assertEqual(self.client.get(bare + "?period=x").status_code, 404)
        self.assertEqual(self.client.post(self.template_url("import_template")).status_code, 405)
        self.login(self.applicant)
        self.assertEqual(self.client.get(self.template_url("import_template_csv")).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.template_url("import_template")).status_code, 404)
