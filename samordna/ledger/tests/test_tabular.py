"""CSV as Swedish Excel saves it and XLSX: the same transactions and per-row errors."""

import datetime
import io
from decimal import Decimal

from django.test import SimpleTestCase
from openpyxl import Workbook

from samordna.core.uploads import UploadRefused
from samordna.ledger.tabular import parse_csv, parse_xlsx

CSV_TEXT = (
    "datum;konto;belopp;text;verifikation\r\n"
    "2023-01-05;5010;5 000,00;Lokalhyra januari;A 1\r\n"
    "2023-01-05;1930;-5000,00;Lokalhyra januari;A 1\r\n"
    "20230127;3010;-920000;Medlemsbidrag FK;B 1\r\n"
)


class CsvTests(SimpleTestCase):
    def test_semicolons_and_decimal_commas(self):
        ledger = parse_csv(CSV_TEXT.encode("cp1252"))
        self.assertTrue(ledger.ok, ledger.problems)
        self.assertEqual(ledger.encoding, "UTF-8")  # plain ASCII reads as UTF-8
        first, _, income = ledger.transactions
        self.assertEqual(first.amount, Decimal("5000.00"))
        self.assertEqual(first.date, datetime.date(2023, 1, 5))
        self.assertEqual(first.verification, "A 1")
        self.assertEqual(income.amount, Decimal("-920000"))
        self.assertEqual(income.date, datetime.date(2023, 1, 27))

    def test_windows_1252_from_excel(self):
        text = CSV_TEXT.replace("Lokalhyra januari", "Hyra för januari")
        ledger = parse_csv(text.encode("cp1252"))
        self.assertEqual(ledger.encoding, "Windows-1252")
        self.assertEqual(ledger.transactions[0].text, "Hyra för januari")

    def test_row_errors_name_the_row(self):
        text = (
            CSV_TEXT
            + "2023-02-30;5010;10;x;A 2\r\n2023-02-01;50x0;10;x;A 2\r\n"
            + "2023-02-01;5010;12.5.0;x;A 2\r\n"
        )
        ledger = parse_csv(("\ufeff" + text).encode("utf-8"))
        self.assertEqual(
            [str(p) for p in ledger.problems],
            [
                'Rad 5: datumet "2023-02-30" är inte ett datum på formen ÅÅÅÅ-MM-DD.',
                'Rad 6: kontot "50x0" är inte ett kontonummer.',
                'Rad 7: beloppet "12.5.0" är inte ett tal med decimalkomma (t.ex. -1 234,50).',
            ],
        )

    def test_missing_columns_and_commas(self):
        ledger = parse_csv(b"datum;konto;text\r\n2023-01-01;5010;x\r\n")
        self.assertIn("Rad 1: kolumnerna belopp saknas", str(ledger.problems[0]))
        ledger = parse_csv(b"datum,konto,belopp\r\n")
        self.assertIn("skilda med komma", str(ledger.problems[0]))


class XlsxTests(SimpleTestCase):
    def workbook(self, rows) -> bytes:
        book = Workbook()
        sheet = book.active
        for row in rows:
            sheet.append(row)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    def test_cells_of_every_kind(self):
        data = self.workbook(
            [
                ["Datum", "Konto", "Belopp", "Text", "Verifikation"],
                [datetime.date(2023, 1, 5), 5010, 5000.1, "Hyra", "A 1"],
                ["2023-01-05", "1930", "-5 000,10", "Hyra", "A 1"],
                [datetime.date(2023, 1, 6), 6550, "tio", "Konsult", "A 2"],
            ]
        )
        ledger = parse_xlsx(data)
        self.assertEqual(ledger.transactions[0].amount, Decimal("5000.10"))
        self.assertEqual(ledger.transactions[1].amount, Decimal("-5000.10"))
        self.assertEqual(
            [str(p) for p in ledger.problems],
            ['Rad 4: beloppet "tio" är inte ett tal med decimalkomma (t.ex. -1 234,50).'],
        )

    def test_not_a_workbook(self):
        with self.assertRaisesMessage(UploadRefused, "inte en Excel"):
            parse_xlsx(b"nej")
