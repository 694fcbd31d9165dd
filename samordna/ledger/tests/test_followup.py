"""The follow-up: outcome to a date from the ledger and from Samordna's insats payments,
forecasts, deviation, the pages and who may use them, the files and the attachment."""

import datetime
import io
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from samordna.core.models import TaskProgress
from samordna.core.tests.base import SamordnaTestCase
from samordna.demo import ledger_money
from samordna.finance.models import Forecast
from samordna.finance.services import forecast_set
from samordna.ledger import exports, selectors, services
from samordna.ledger.models import LedgerImport, Treatment
from samordna.ledger.tests.helpers import fresh_budget, sie, upload, ver
from samordna.meetings.locking import MinutesLocked
from samordna.meetings.models import Attachment

D = datetime.date
FILE = sie(
    *ver("A", 1, "20230105", (5010, "5000.00"), (1930, "-5000.00")),
    *ver("A", 2, "20230205", (5010, "5000.40"), (1930, "-5000.40")),
    *ver("A", 3, "20230131", (4010, "456000.00"), (1930, "-456000.00")),
    *ver("B", 1, "20230127", (1930, "920000.00"), (3010, "-920000.00")),
)


class FollowupTests(SamordnaTestCase):
    def setUp(self):
        self.lines = fresh_budget(self.association)
        self.budget = self.lines["Psykolog"].budget
        pending = services.import_upload(
            association=self.association, year=2023, by=self.finance, file=upload("a.se", FILE)
        )
        services.import_confirm(
            ledger_import=pending,
            by=self.finance,
            choices={
                3010: f"line:{self.lines['Försäkringskassan/Arbetsförmedlingen'].pk}",
                5010: f"line:{self.lines['Lokalkostnader'].pk}",
                4010: Treatment.INSATS,
            },
        )

    def import_b(self, content: bytes) -> None:
        """A second file, b.se, its account 6550 on the budget's line Konsulter."""
        pending = services.import_upload(
            association=self.association, year=2023, by=self.finance, file=upload("b.se", content)
        )
        services.import_confirm(
            ledger_import=pending,
            by=self.finance,
            choices={6550: f"line:{self.lines['Konsulter'].pk}"},
        )

    def report(self, day):
        report = selectors.followup(self.association, self.budget, day)
        return report, {row.line.name: row for row in report.lines}

    def test_outcome_to_a_date_with_signs_and_insats_payments(self):
        report, rows = self.report(D(2023, 1, 30))
        self.assertEqual(rows["Lokalkostnader"].figures.outcome, Decimal("5000.00"))
        self.assertEqual(
            rows["Försäkringskassan/Arbetsförmedlingen"].figures.outcome, Decimal("920000.00")
        )
        self.assertEqual(rows["Psykolog"].figures.outcome, 0)
        report, rows = self.report(D(2023, 9, 30))
        self.assertEqual(rows["Lokalkostnader"].figures.outcome, Decimal("10000.40"))
        # The payout booked on 4010 is not counted; Samordna's payment record is.
        self.assertEqual(rows["Psykolog"].figures.outcome, 456_000)
        self.assertEqual(rows["Psykolog"].paid_out, 456_000)
        self.assertEqual([n.account for n in report.not_counted], [4010])
        self.assertEqual(report.income.outcome, Decimal("920000.00"))
        self.assertEqual(report.costs.outcome, Decimal("466000.40"))
        self.assertEqual(report.result.outcome, Decimal("453999.60"))
        self.assertEqual(report.result.budget, 7_360_000 - 2_527_000)

    def test_forecast_counts_from_its_date_and_gives_the_deviation(self):
        line = self.lines["Psykolog"]
        forecast_set(
            line=line,
            by=self.office,
            as_of=D(2023, 9, 29),
            amount=760_000,
            comment="Började i mars",
        )
        _, before = self.report(D(2023, 9, 28))
        self.assertEqual(before["Psykolog"].figures.forecast, 912_000)
        report, after = self.report(D(2023, 9, 30))
        row = after["Psykolog"]
        self.assertEqual(row.figures.forecast, 760_000)
        self.assertEqual(row.deviation, -152_000)
        self.assertEqual(row.figures.deviation_signed, "−152\u00a0000\u00a0kr")
        self.assertEqual(row.deviation_words, "lägre kostnad än budget")
        self.assertEqual(report.result.deviation, 152_000)
        self.assertEqual(report.result_words, "bättre resultat än budget")

    def test_page_for_readers_with_date(self):
        for user in (self.office, self.chair, self.board, self.auditor, self.finance):
            self.login(user)
            response = self.client.get(self.url("ekonomi/uppfoljning/?datum=2023-09-30"))
            self.assertEqual(response.status_code, 200, user)
            self.assertContains(response, "Budgetuppföljning per den 30 september 2023")
            self.assertContains(response, "insatsernas utbetalningar räknas från Samordna")
            self.assertContains(response, '<title id="chart-title">', html=False)
        self.login(self.applicant)
        self.assertEqual(self.client.get(self.url("ekonomi/uppfoljning/")).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url("ekonomi/uppfoljning/")).status_code, 404)
        self.assertEqual(self.client.get(self.url("ekonomi/uppfoljning/import/")).status_code, 404)

    def test_bad_date_says_so(self):
        self.login(self.office)
        response = self.client.get(self.url("ekonomi/uppfoljning/?datum=30/9"))
        self.assertContains(response, "är inte ett datum", status_code=400)

    def test_query_count_does_not_grow_with_lines_or_transactions(self):
        self.login(self.office)
        path = self.url("ekonomi/uppfoljning/?datum=2023-09-30")
        with CaptureQueriesContext(connection) as first:
            self.client.get(path)
        with self.assertNumQueries(2):  # kept: the session and the user only
            self.client.get(path)
        for n in range(20):
            forecast_set(
                line=self.lines["Konsulter"],
                by=self.office,
                as_of=D(2023, 3, 1),
                amount=n,
                comment="",
            )
        more = FILE + b"".join(
            b"\r\n".join(
                line.encode()
                for line in ver("C", n, "20230301", (5010 + n % 2 * 1540, "1.00"), (1930, "-1.00"))
            )
            + b"\r\n"
            for n in range(1, 40)
        )
        self.import_b(more)
        with self.assertNumQueries(len(first.captured_queries)):  # built anew
            response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        self.assertLessEqual(len(first.captured_queries), 14)
        self.assertContains(response, "Bokföringen: b.se")

    def test_a_new_ledger_import_shows_in_the_kept_followup(self):
        """The page is kept under the förbund's version: a confirmed import is a change."""
        self.login(self.office)
        path = self.url("ekonomi/uppfoljning/?datum=2023-09-30")
        self.assertContains(self.client.get(path), "Bokföringen: a.se")
        entry = ver("C", 1, "20230301", (6550, "7.00"), (1930, "-7.00"))
        more = FILE + b"\r\n".join(line.encode() for line in entry) + b"\r\n"
        self.import_b(more)
        response = self.client.get(path)
        self.assertContains(response, "Bokföringen: b.se")
        self.assertNotContains(response, "Bokföringen: a.se")

    def test_a_forecast_shows_in_the_kept_followup(self):
        self.login(self.office)
        path = self.url("ekonomi/uppfoljning/?datum=2023-09-30")
        self.assertNotContains(self.client.get(path), "Psykologen slutar i juni")
        forecast_set(
            line=self.lines["Psykolog"],
            by=self.office,
            as_of=D(2023, 9, 1),
            amount=300_000,
            comment="Psykologen slutar i juni",
        )
        self.assertContains(self.client.get(path), "Psykologen slutar i juni")

    def test_readers_do_not_get_the_kanslis_forecast_and_attach_links(self):
        path = self.url("ekonomi/uppfoljning/?datum=2023-09-30")
        readers = {}
        for user in (self.office, self.finance, self.board):
            readers[user] = Client()
            readers[user].force_login(user)  # all before the first page is kept
        response = readers[self.office].get(path)
        self.assertContains(response, "/prognos/?datum=2023-09-30")
        self.assertContains(response, "Lägg uppföljningen som bilaga")
        for user in (self.finance, self.board):
            with self.subTest(user=user.username):
                response = readers[user].get(path)
                self.assertContains(response, "Bokföringen: a.se")
                self.assertNotContains(response, "/prognos/")
                self.assertNotContains(response, "Lägg uppföljningen som bilaga")
        self.assertContains(readers[self.finance].get(path), "Importera bokföringen")
        self.assertNotContains(readers[self.board].get(path), "Importera bokföringen")

    def test_another_date_is_another_followup(self):
        self.login(self.office)
        self.assertContains(
            self.client.get(self.url("ekonomi/uppfoljning/?datum=2023-09-30")),
            "Budgetuppföljning per den 30 september 2023",
        )
        self.assertContains(
            self.client.get(self.url("ekonomi/uppfoljning/?datum=2023-03-31")),
            "Budgetuppföljning per den 31 mars 2023",
        )
        response = self.client.get(self.url("ekonomi/uppfoljning/?datum=30/9"))
        self.assertContains(response, "är inte ett datum", status_code=400)

    def test_forecast_form_for_the_office_only(self):
        line = self.lines["Psykolog"]
        path = self.url(f"ekonomi/uppfoljning/rad/{line.pk}/prognos/?datum=2023-09-30")
        data = {"amount": "760 000", "as_of": "2023-09-29", "comment": "Började i mars"}
        for user in (self.board, self.auditor, self.chair, self.finance):
            self.login(user)
            self.assertEqual(self.client.post(path, data).status_code, 403, user)
        self.assertFalse(Forecast.objects.filter(line=line).exists())
        self.login(self.office)
        self.assertEqual(self.client.get(path).status_code, 200)
        response = self.client.post(path, {**data, "amount": "12,50"})
        self.assertContains(response, "hela kronor", status_code=400)
        self.assertContains(response, "Började i mars", status_code=400)
        response = self.client.post(path, data)
        self.assertRedirects(
            response,
            self.url("ekonomi/uppfoljning/?datum=2023-09-30"),
            fetch_redirect_response=False,
        )
        forecast = Forecast.objects.get(line=line)
        self.assertEqual((forecast.amount, forecast.made_by), (760_000, self.office))
        self.login(self.outsider)
        self.assertEqual(self.client.get(path).status_code, 404)

    def test_import_pages_for_office_and_finance(self):
        data = sie(*ver("A", 1, "20230301", (6550, "100.00"), (1930, "-100.00")))
        for user in (self.board, self.auditor):
            self.login(user)
            self.assertEqual(
                self.client.get(self.url("ekonomi/uppfoljning/import/")).status_code, 200
            )
            response = self.client.post(
                self.url("ekonomi/uppfoljning/import/"),
                {"year": 2023, "file": upload("a.se", data)},
            )
            self.assertEqual(response.status_code, 403)
        self.login(self.finance)
        response = self.client.post(
            self.url("ekonomi/uppfoljning/import/"), {"year": 2023, "file": upload("a.se", data)}
        )
        pending = LedgerImport.objects.get(filename="a.se", status="pending")
        self.assertRedirects(
            response,
            self.url(f"ekonomi/uppfoljning/import/{pending.pk}/"),
            fetch_redirect_response=False,
        )
        detail = self.url(f"ekonomi/uppfoljning/import/{pending.pk}/")
        page = self.client.get(detail)
        self.assertContains(page, "6550 Konsultarvoden")
        # The file replaces the year's import of January and February: it says so, and
        # imports only when that is confirmed. The request only queues the import; the
        # task refuses it, with the reason on its page.
        self.assertContains(page, "Ersättningen tar bort 8 transaktioner")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(detail, {"importera": "1", "konto_6550": ""})
        self.assertContains(
            self.client.get(response["Location"]), "Konto 6550 Konsultarvoden saknar koppling"
        )
        chosen = {"importera": "1", "konto_6550": f"line:{self.lines['Konsulter'].pk}"}
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(detail, chosen)
        self.assertContains(self.client.get(response["Location"]), "kryssa i att du vill importera")
        self.assertEqual(
            list(TaskProgress.objects.values_list("status", flat=True)), ["failed", "failed"]
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(detail, {**chosen, "bekrafta": "on"})
        progress = TaskProgress.objects.filter(association=self.association).latest("pk")
        self.assertRedirects(
            response,
            self.url(f"uppgifter/{progress.pk}/"),
            fetch_redirect_response=False,
        )
        pending.refresh_from_db()
        self.assertEqual(pending.status, "imported")
        page = self.client.get(self.url(f"uppgifter/{progress.pk}/"))
        self.assertContains(page, "Bokföringen för 2023 är importerad (2 transaktioner).")
        self.assertContains(page, 'value="100"')
        self.login(self.board)
        self.assertEqual(self.client.get(detail).status_code, 403)

    def test_import_page_shows_problems_with_line_numbers(self):
        data = sie(*ver("A", 14, "20230301", (6550, "100.00"), (1930, "-99.00")))
        self.login(self.office)
        self.client.post(
            self.url("ekonomi/uppfoljning/import/"), {"year": 2023, "file": upload("fel.se", data)}
        )
        pending = LedgerImport.objects.get(filename="fel.se")
        response = self.client.get(self.url(f"ekonomi/uppfoljning/import/{pending.pk}/"))
        self.assertContains(response, "verifikation A 14 är inte i balans (differens 1,00")
        self.assertNotContains(response, "Importera bokföringen</button>")

    def test_xlsx_and_pdf(self):
        self.login(self.auditor)
        response = self.client.get(
            self.url("ekonomi/uppfoljning/uppfoljning.xlsx?datum=2023-09-30")
        )
        self.assertEqual(response.status_code, 200)
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = {row[1]: row for row in sheet.iter_rows(values_only=True) if len(row) > 2}
        self.assertEqual(rows["Lokalkostnader"][2:6], (60000, 10000, 60000, 0))
        self.assertEqual(rows["Psykolog"][3], 456000)
        self.assertEqual(
            sheet["A1"].value,
            "Samordningsförbundet i Sundsvall: Budgetuppföljning per den 30 september 2023",
        )
        response = self.client.get(self.url("ekonomi/uppfoljning/uppfoljning.pdf?datum=2023-09-30"))
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))

    def test_attach_to_an_agenda_item_and_refuse_a_justerad_meeting(self):
        planned = self.association.meetings.get(date="2023-01-27")
        item = planned.items.earliest("position")
        self.login(self.board)
        path = self.url("ekonomi/uppfoljning/bilaga/?datum=2023-09-30")
        self.assertEqual(
            self.client.post(path, {"item": item.pk, "date": "2023-09-30"}).status_code, 403
        )
        self.login(self.office)
        self.assertEqual(self.client.get(path).status_code, 200)
        response = self.client.post(path, {"item": item.pk, "date": "2023-09-30"})
        self.assertRedirects(
            response,
            reverse("meetings:detail", args=[self.association.slug, planned.pk]),
            fetch_redirect_response=False,
        )
        attachment = Attachment.objects.get(
            meeting=planned, title="Budgetuppföljning per den 30 september 2023"
        )
        self.assertEqual(attachment.item, item)
        self.assertEqual(attachment.content_type, "application/pdf")
        justerad = self.association.meetings.get(date="2022-11-25")
        old_item = justerad.items.earliest("position")
        response = self.client.post(path, {"item": old_item.pk, "date": "2023-09-30"})
        self.assertContains(response, "inte är justerat", status_code=400)
        with self.assertRaises((MinutesLocked, ValidationError)):
            services.followup_attach(
                item=old_item, by=self.office, date=D(2023, 9, 30), pdf=b"%PDF-1.7 x", title="x"
            )
        self.assertFalse(justerad.attachments.filter(title="x").exists())


class DemoTests(SamordnaTestCase):
    def test_demo_file_imports_against_the_budget(self):
        lines = fresh_budget(self.association)
        budget = lines["Psykolog"].budget
        choices = ledger_money.choices_for(budget)
        self.assertEqual(choices[4010], Treatment.INSATS)
        self.assertEqual(choices[5010], f"line:{lines['Lokalkostnader'].pk}")
        ledger_money.load_ledger({"sundsvall": self.association})
        done = LedgerImport.objects.get(association=self.association, demo=True, status="imported")
        report = selectors.followup(self.association, budget, D(2023, 9, 30))
        rows = {row.line.name: row for row in report.lines}
        self.assertTrue(report.demo)
        self.assertEqual(rows["Lokalkostnader"].figures.outcome, Decimal("45000.00"))
        self.assertEqual(
            rows["Försäkringskassan/Arbetsförmedlingen"].figures.outcome, Decimal("2760000.00")
        )
        self.assertEqual(rows["Sundsvalls kommun"].figures.outcome, Decimal("1840000.00"))
        self.assertEqual(rows["Psykolog"].figures.outcome, 456_000)
        self.assertEqual(rows["Psykolog"].figures.forecast, 760_000)
        self.assertGreater(done.transaction_count, 200)
        # Loading again changes nothing.
        ledger_money.load_ledger({"sundsvall": self.association})
        self.assertEqual(
            LedgerImport.objects.filter(association=self.association, demo=True).count(), 1
        )
        self.login(self.office)
        response = self.client.get(self.url("ekonomi/uppfoljning/?datum=2023-09-30"))
        self.assertContains(response, "Demosiffror")

    def test_chart_has_the_table_figures(self):
        lines = fresh_budget(self.association)
        report = selectors.followup(self.association, lines["Psykolog"].budget, D(2023, 9, 30))
        chart = exports.chart(report)
        self.assertEqual([g.label for g in chart.groups], [g.label for g in report.groups])
        self.assertIn("Styrelsen: budget 105\u00a0000\u00a0kr", chart.description)
