"""The SIE 4 reader: records, fields, amounts, encodings and problems with line numbers."""

import datetime
from decimal import Decimal

from django.test import SimpleTestCase

from samordna.ledger.sie import ObjectList, parse_sie, split_fields
from samordna.ledger.tests.helpers import HEADER, sie, ver


class FieldTests(SimpleTestCase):
    def test_quoted_fields_with_escaped_quotes_and_object_lists(self):
        fields = split_fields('#TRANS 5010 {1 "100" 6 "P 7"}\t-1234.50 20230105 "Hyra \\"jan\\""')
        self.assertEqual(fields[0], "#TRANS")
        self.assertEqual(fields[2], ObjectList(("1", "100", "6", "P 7")))
        self.assertEqual(fields[3], "-1234.50")
        self.assertEqual(fields[5], 'Hyra "jan"')

    def test_empty_object_list(self):
        self.assertEqual(split_fields("#TRANS 1930 {} 5")[2], ObjectList(()))


class ParseTests(SimpleTestCase):
    def test_a_good_file(self):
        ledger = parse_sie(
            sie(
                *ver("A", 1, "20230105", (5010, "5000.00"), (1930, "-5000.00")),
                *ver("B", 1, "20230127", (1930, "920000"), (3010, "-920000")),
            )
        )
        self.assertTrue(ledger.ok, ledger.problems)
        self.assertEqual(ledger.verifications, 2)
        self.assertEqual(len(ledger.transactions), 4)
        first = ledger.transactions[0]
        self.assertEqual(first.account, 5010)
        self.assertEqual(first.amount, Decimal("5000.00"))
        self.assertIsInstance(first.amount, Decimal)
        self.assertEqual(first.date, datetime.date(2023, 1, 5))
        self.assertEqual(first.verification, "A 1")
        self.assertEqual(first.text, "Verifikation 1")
        self.assertEqual(ledger.years[0], (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)))
        self.assertEqual(ledger.program, "Testprogram 1.0")

    def test_cp437_file_with_swedish_letters(self):
        ledger = parse_sie(
            sie(
                '#KONTO 6071 "Representation, avdragsgill för årets möten"',
                '#KONTO 7610 "Utbildning Ö Ä Å ö"',
                *ver("A", 1, "20230105", (6071, "10"), (1930, "-10")),
            )
        )
        self.assertTrue(ledger.ok, ledger.problems)
        self.assertEqual(ledger.accounts[6071], "Representation, avdragsgill för årets möten")
        self.assertEqual(ledger.accounts[7610], "Utbildning Ö Ä Å ö")
        self.assertEqual(ledger.accounts[1930], "Företagskonto")
        self.assertEqual(ledger.encoding, "CP437 (PC8)")
        self.assertEqual(ledger.warnings, [])

    def test_transaction_date_and_text_of_the_row_win(self):
        ledger = parse_sie(
            sie(
                '#VER A 7 20230105 "Hyra"',
                "{",
                '#TRANS 5010 {} 100.00 20230110 "Hyra januari"',
                "#TRANS 1930 {} -100.00",
                "}",
            )
        )
        self.assertEqual(ledger.transactions[0].date, datetime.date(2023, 1, 10))
        self.assertEqual(ledger.transactions[0].text, "Hyra januari")
        self.assertEqual(ledger.transactions[1].date, datetime.date(2023, 1, 5))

    def test_comma_amount_is_reported_with_its_line(self):
        lines = [*HEADER, *ver("A", 1, "20230105", (5010, "12,50"), (1930, "-12.50"))]
        ledger = parse_sie(sie(header=lines))
        number = lines.index("#TRANS 5010 {} 12,50") + 1
        self.assertFalse(ledger.ok)
        self.assertEqual(
            str(ledger.problems[0]),
            f'Rad {number}: beloppet "12,50" är inte ett tal med decimalpunkt.',
        )
        self.assertEqual(ledger.transactions, [])

    def test_trans_outside_a_verification(self):
        lines = [*HEADER, "#TRANS 5010 {} 100.00"]
        ledger = parse_sie(sie(header=lines))
        self.assertEqual(
            str(ledger.problems[0]), f"Rad {len(lines)}: #TRANS utanför en verifikation."
        )

    def test_unbalanced_verification(self):
        body = [*ver("A", 14, "20230105", (5010, "600.00"), (1930, "-500.00"))]
        lines = [*HEADER, *body]
        ledger = parse_sie(sie(header=lines))
        number = len(HEADER) + 1
        self.assertEqual(
            str(ledger.problems[0]),
            f"Rad {number}: verifikation A 14 är inte i balans (differens 100,00\u00a0kr).",
        )
        self.assertEqual(ledger.transactions, [])

    def test_broken_lines(self):
        cases = {
            "Hyra 5010 100": "raden börjar inte med en etikett",
            '#KONTO 5010 "Lokalhyra': "citattecknet avslutas inte",
            "#KONTO abc Hyra": 'kontot "abc" är inte ett kontonummer',
            "#RAR 0 20231301 20231231": 'datumet "20231301" finns inte',
            "#GEN 2023-10-02": 'datumet "2023-10-02" är inte ett datum på formen ÅÅÅÅMMDD',
            "#KTYP 5010 X": 'kontotypen "X" är inte T, S, K eller I',
            "}": "} står utan en verifikation att avsluta",
        }
        for line, message in cases.items():
            with self.subTest(line=line):
                ledger = parse_sie(sie(line, *ver("A", 1, "20230105", (5010, "1"), (1930, "-1"))))
                self.assertFalse(ledger.ok)
                self.assertIn(message, str(ledger.problems[0]))
                self.assertTrue(str(ledger.problems[0]).startswith(f"Rad {len(HEADER) + 1}: "))

    def test_broken_transaction_rows(self):
        cases = {
            "#TRANS 5010 {}": "#TRANS saknar belopp",
            "#TRANS 5010 {} 10 2023-01-05": 'datumet "2023-01-05"',
            "#TRANS {} 10": "#TRANS saknar kontonummer",
            '#TRANS 5010 {1 "2" 10': "objektlistan",
        }
        for row, message in cases.items():
            with self.subTest(row=row):
                ledger = parse_sie(
                    sie('#VER A 1 20230105 "x"', "{", row, "#TRANS 1930 {} -10", "}")
                )
                self.assertIn(message, str(ledger.problems[0]))
                self.assertTrue(str(ledger.problems[0]).startswith(f"Rad {len(HEADER) + 3}: "))

    def test_verification_without_end(self):
        ledger = parse_sie(sie('#VER A 3 20230105 "x"', "{", "#TRANS 5010 {} 10"))
        self.assertIn("verifikation A 3 avslutas aldrig med }", str(ledger.problems[0]))
        self.assertTrue(str(ledger.problems[0]).startswith(f"Rad {len(HEADER) + 1}:"))

    def test_other_label_inside_verification(self):
        ledger = parse_sie(sie('#VER A 3 20230105 "x"', "{", '#KONTO 5010 "x"', "}"))
        self.assertIn("#KONTO får inte stå inne i en verifikation", str(ledger.problems[0]))

    def test_rtrans_and_btrans_are_not_counted_twice(self):
        ledger = parse_sie(
            sie(
                '#VER A 1 20230105 "Rättad"',
                "{",
                "#TRANS 5010 {} 100.00",
                "#BTRANS 5010 {} 100.00",
                "#RTRANS 6550 {} 100.00",
                "#TRANS 6550 {} 100.00",
                "#TRANS 1930 {} -200.00",
                "}",
            )
        )
        self.assertTrue(ledger.ok, ledger.problems)
        self.assertEqual([t.account for t in ledger.transactions], [5010, 6550, 1930])

    def test_unknown_account_is_no_error_and_unknown_labels_are_skipped(self):
        ledger = parse_sie(
            sie(
                '#DIM 1 "Kostnadsställe"',
                "#SRU 5010 7513",
                *ver("A", 1, "20230105", (4999, "10"), (1930, "-10")),
            )
        )
        self.assertTrue(ledger.ok, ledger.problems)
        self.assertNotIn(4999, ledger.accounts)
        self.assertEqual(ledger.transactions[0].account, 4999)

    def test_other_sie_type_is_refused(self):
        header = [line if line != "#SIETYP 4" else "#SIETYP 2" for line in HEADER]
        ledger = parse_sie(sie(*ver("A", 1, "20230105", (5010, "1"), (1930, "-1")), header=header))
        self.assertIn("SIE typ 2", str(ledger.problems[0]))

    def test_file_without_transactions(self):
        ledger = parse_sie(sie())
        self.assertIn("inga verifikationsrader", str(ledger.problems[0]))


class EncodingTests(SimpleTestCase):
    def test_windows_1252_file_is_recognised(self):
        data = sie(*ver("A", 1, "20230105", (5010, "1"), (1930, "-1")), encoding="cp1252")
        ledger = parse_sie(data)
        self.assertFalse(ledger.ok)
        first = str(ledger.problems[0])
        # "Samordningsförbundet" in #FNAMN, line 6: ö is 0xF6, which CP437 reads as "÷".
        self.assertTrue(first.startswith("Rad 6: "), first)
        self.assertIn("Windows-1252", first)
        self.assertIn('"÷"', first)
        self.assertIn("Samordningsförbundet i Sundsvall", first)

    def test_utf8_file_labelled_pc8_is_read_as_utf8_with_a_warning(self):
        data = sie(
            '#KONTO 7610 "Utbildning och konferenser på året"',
            *ver("A", 1, "20230105", (7610, "1"), (1930, "-1")),
            encoding="utf-8",
        )
        ledger = parse_sie(data)
        self.assertTrue(ledger.ok, ledger.problems)
        self.assertEqual(ledger.accounts[7610], "Utbildning och konferenser på året")
        self.assertEqual(ledger.encoding, "UTF-8 (filen säger PC8)")
        self.assertIn(
            "Rad 2: filen säger #FORMAT PC8 men är sparad som UTF-8", str(ledger.warnings[0])
        )

    def test_double_encoded_text_is_a_problem(self):
        garbled = "Företagskonto".encode().decode("cp1252")  # "FÃ¶retagskonto"
        data = sie(
            f'#KONTO 1931 "{garbled}"',
            *ver("A", 1, "20230105", (5010, "1"), (1930, "-1")),
            encoding="utf-8",
        )
        ledger = parse_sie(data)
        self.assertFalse(ledger.ok)
        self.assertIn("dubbelkodad", str(ledger.problems[0]))
        self.assertTrue(str(ledger.problems[0]).startswith(f"Rad {len(HEADER) + 1}:"))

    def test_utf8_by_format_and_unknown_format(self):
        header = [line if line != "#FORMAT PC8" else "#FORMAT UTF8" for line in HEADER]
        ledger = parse_sie(
            sie(
                *ver("A", 1, "20230105", (5010, "1"), (1930, "-1")), header=header, encoding="utf-8"
            )
        )
        self.assertTrue(ledger.ok, ledger.problems)
        self.assertEqual(ledger.accounts[1930], "Företagskonto")
        header = [line if line != "#FORMAT PC8" else "#FORMAT ISO" for line in HEADER]
        ledger = parse_sie(sie(header=header))
        self.assertEqual(
            str(ledger.problems[0]),
            "Rad 2: #FORMAT ISO är okänt; SIE-filer ska vara PC8 (#FORMAT PC8).",
        )

    def test_demo_file_reads_cleanly(self):
        from samordna.demo.ledger_money import DEMO_FILE

        ledger = parse_sie(DEMO_FILE.read_bytes())
        self.assertTrue(ledger.ok, ledger.problems)
        self.assertEqual(ledger.warnings, [])
        self.assertIn("ä", ledger.accounts[3020])
        self.assertIn("antaget i demon", ledger.program)
        income = sum(-t.amount for t in ledger.transactions if 3010 <= t.account <= 3030)
        self.assertEqual(income, Decimal("3680000") * 3 / 4 + Decimal("1840000") * 2)
