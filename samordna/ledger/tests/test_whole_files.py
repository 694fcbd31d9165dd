"""The SIE import knows a whole file, and every upload is read once, under limits
(issue 12, findings 2 and 4)."""

from decimal import Decimal
from unittest import mock

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase

from samordna.core.tests import hostile_files
from samordna.core.tests.base import SamordnaTestCase
from samordna.demo.ledger_money import DEMO_FILE
from samordna.ledger import files, selectors, services
from samordna.ledger.models import LedgerImport
from samordna.ledger.selectors import current_import
from samordna.ledger.sie import parse_sie
from samordna.ledger.tests.helpers import HEADER, fresh_budget, sie, upload, ver

DEMO = DEMO_FILE.read_bytes()
# Where the issue cut the demo file: in the #VER of A 44, after 95 of its 218 transactions.
CUT = DEMO.index(b'#VER A 44 20230425 "F')


def cut_at_ve() -> bytes:
    return DEMO[: CUT + 3]


def cut_after_a_verification() -> bytes:
    return DEMO[:CUT]


class WholeSieFileTests(SimpleTestCase):
    def test_the_demo_file_cut_at_ve_is_refused(self):
        ledger = parse_sie(cut_at_ve())
        self.assertFalse(ledger.ok)
        self.assertIn("etiketten #VE är avbruten", str(ledger.problems[0]))
        self.assertEqual(len(parse_sie(DEMO).problems), 0)

    def test_a_verification_cut_off_is_refused(self):
        for end in (b"#TRANS 1930", b"{", b"#TRANS 1930 {} -165"):
            with self.subTest(end=end):
                data = DEMO[: DEMO.index(end, CUT) + len(end)]
                ledger = parse_sie(data)
                self.assertIn("avslutas aldrig med }", " ".join(map(str, ledger.problems)))

    def test_a_file_opened_with_ksumma_must_end_with_its_checksum(self):
        body = ver("A", 1, "20230105", (5010, "5000.00"), (1930, "-5000.00"))
        whole = sie(*body, "#KSUMMA 1234567890", header=["#KSUMMA", *HEADER])
        self.assertTrue(parse_sie(whole).ok)
        cut = sie(*body, header=["#KSUMMA", *HEADER])
        self.assertIn("avslutande #KSUMMA", str(parse_sie(cut).problems[0]))

    def test_balances_that_differ_from_the_verifications_must_be_confirmed(self):
        body = ver("A", 1, "20230105", (5010, "5000.00"), (1930, "-5000.00"))
        balances = ["#IB 0 1930 100000.00", "#UB 0 1930 95000.00", "#RES 0 5010 5000.00"]
        self.assertEqual(parse_sie(sie(*balances, *body)).doubts, [])
        more = ["#IB 0 1930 100000.00", "#UB 0 1930 90000.00", "#RES 0 5010 10000.00"]
        ledger = parse_sie(sie(*more, *body))
        self.assertTrue(ledger.ok)
        (doubt,) = ledger.doubts
        self.assertIn("konto 1930: −10\u00a0000,00\u00a0kr enligt #UB 0 − #IB 0", doubt.message)
        self.assertIn("konto 5010: 10\u00a0000,00\u00a0kr enligt #RES 0", doubt.message)
        self.assertIn("Filen kan vara avkortad", doubt.message)

    def test_the_parsed_file_survives_json(self):
        ledger = parse_sie(DEMO)
        again = files.from_json(files.to_json(ledger))
        self.assertEqual(again.transactions, ledger.transactions)
        self.assertEqual(again.accounts, ledger.accounts)
        self.assertEqual(again.years, ledger.years)
        self.assertIsInstance(again.transactions[0].amount, Decimal)


class ReplacingTheDemoYearTests(SamordnaTestCase):
    """The demo has Sundsvall's 2023 imported from the whole file (218 transactions)."""

    def upload(self, data: bytes) -> LedgerImport:
        return services.import_upload(
            association=self.association, year=2023, by=self.finance, file=upload("ny.se", data)
        )

    def test_the_file_cut_at_ve_cannot_replace_the_year(self):
        before = current_import(self.association, 2023)
        assert before is not None
        pending = self.upload(cut_at_ve())
        found = selectors.preview(pending)
        self.assertIn("filen verkar avkortad", " ".join(map(str, found.problems)))
        with self.assertRaises(ValidationError):
            services.import_confirm(ledger_import=pending, by=self.finance, confirmed=True)
        self.assertEqual(current_import(self.association, 2023), before)

    def test_a_shorter_file_says_what_it_removes_and_waits_for_confirmation(self):
        before = current_import(self.association, 2023)
        assert before is not None and before.transaction_count == 218
        pending = self.upload(cut_after_a_verification())
        found = selectors.preview(pending)
        self.assertEqual(found.problems, [])
        assert found.replacement is not None
        self.assertEqual(
            found.replacement.summary,
            "Importen ersätter sundsvall_2023.se med 218 transaktioner till och med "
            "29 september 2023; den nya filen har 95.",
        )
        self.assertEqual(found.replacement.removed, 123)
        self.assertIn("april (", found.replacement.removal)
        self.assertIn("maj (", found.replacement.removal)
        self.assertIn("september (", found.replacement.removal)
        doubts = " ".join(map(str, found.doubts))
        self.assertIn("perioden blir kortare", doubts)
        self.assertIn("Ersättningen tar bort 123 transaktioner", doubts)
        with self.assertRaises(ValidationError) as caught:
            services.import_confirm(ledger_import=pending, by=self.finance)
        self.assertIn("bekrafta", caught.exception.message_dict)
        self.assertEqual(current_import(self.association, 2023), before)

        services.import_confirm(ledger_import=pending, by=self.finance, confirmed=True)
        self.assertEqual(current_import(self.association, 2023), pending)
        pending.refresh_from_db()
        self.assertEqual(pending.transaction_count, 95)

    def test_the_page_shows_the_replacement_and_asks_for_the_confirmation(self):
        pending = self.upload(cut_after_a_verification())
        self.login(self.finance)
        page = self.client.get(self.url(f"ekonomi/uppfoljning/import/{pending.pk}/"))
        self.assertContains(page, "Importen ersätter sundsvall_2023.se med 218 transaktioner")
        self.assertContains(page, "Ersättningen tar bort 123 transaktioner")
        self.assertContains(page, 'name="bekrafta"')


class ReadOnceTests(SamordnaTestCase):
    def setUp(self):
        fresh_budget(self.association)
        self.login(self.finance)
        self.address = self.url("ekonomi/uppfoljning/import/")

    def test_the_preview_reads_the_parsed_file_never_the_file(self):
        data = sie(*ver("A", 1, "20230105", (5010, "5000.00"), (1930, "-5000.00")))
        self.client.post(self.address, {"year": 2023, "file": upload("a.se", data)})
        pending = LedgerImport.objects.get(filename="a.se")
        assert pending.parsed is not None
        self.assertEqual(len(pending.parsed["transactions"]), 2)
        pending.file.delete(save=False)
        with (
            mock.patch("samordna.ledger.files.parse_sie", side_effect=AssertionError),
            mock.patch("samordna.ledger.files.parse_file", side_effect=AssertionError),
        ):
            page = self.client.get(self.url(f"ekonomi/uppfoljning/import/{pending.pk}/"))
            self.assertContains(page, "5010 Lokalhyra")

    def test_an_import_from_before_is_read_once_and_kept(self):
        data = sie(*ver("A", 1, "20230105", (5010, "5000.00"), (1930, "-5000.00")))
        pending = services.import_upload(
            association=self.association, year=2023, by=self.finance, file=upload("b.se", data)
        )
        LedgerImport.objects.filter(pk=pending.pk).update(parsed=None)
        self.client.get(self.url(f"ekonomi/uppfoljning/import/{pending.pk}/"))
        pending.refresh_from_db()
        assert pending.parsed is not None
        self.assertEqual(len(pending.parsed["transactions"]), 2)

    def test_a_file_over_a_limit_is_refused_with_the_limit_and_nothing_is_stored(self):
        for name, data, message in (
            ("bomb.xlsx", hostile_files.zip_bomb(), "större än 25 MB uppackad"),
            ("rader.csv", hostile_files.many_rows_csv(), "fler än 50\u00a0000 rader"),
            ("falt.csv", hostile_files.long_field_csv(), "längre än 2\u00a0000 tecken"),
            ("stor.se", hostile_files.big_sie(), "större än 5 MB"),
        ):
            with self.subTest(name=name):
                response = self.client.post(
                    self.address, {"year": 2023, "file": upload(name, data)}
                )
                self.assertContains(response, message, status_code=400)
        self.assertFalse(LedgerImport.objects.filter(association=self.association).exists())

    def test_the_issues_declared_dimension_is_refused_at_once(self):
        # 4.7 kB declaring A1:XFD1048576 with its last cell filled: the old reader padded
        # every row to the declared width and ran out of memory (1.5 GB in 20 s).
        data = hostile_files.declared_dimension()
        response = self.client.post(self.address, {"year": 2023, "file": upload("a.xlsx", data)})
        self.assertContains(response, "fler än 50\u00a0000 rader", status_code=400)
        self.assertFalse(LedgerImport.objects.filter(filename="a.xlsx").exists())
