"""Import: all or nothing, unmapped accounts block, mappings are remembered, a new import
replaces the year's earlier one and keeps it in history."""

from decimal import Decimal

from django.core.exceptions import ValidationError

from samordna.core.tests.base import SamordnaTestCase
from samordna.ledger import selectors, services
from samordna.ledger.models import AccountMapping, ImportStatus, LedgerTransaction, Treatment
from samordna.ledger.tests.helpers import fresh_budget, sie, upload, ver

GOOD = sie(
    *ver("A", 1, "20230105", (5010, "5000.00"), (1930, "-5000.00")),
    *ver("A", 2, "20230125", (6550, "65833.00"), (1930, "-65833.00")),
    *ver("A", 3, "20230131", (4010, "456000.00"), (1930, "-456000.00")),
    *ver("B", 1, "20230127", (1930, "920000.00"), (3010, "-920000.00")),
)


class ImportTests(SamordnaTestCase):
    def setUp(self):
        self.lines = fresh_budget(self.association)

    def pending(self, data=GOOD, name="bokforing.se"):
        return services.import_upload(
            association=self.association, year=2023, by=self.finance, file=upload(name, data)
        )

    def mapping(self):
        return {
            3010: f"line:{self.lines['Försäkringskassan/Arbetsförmedlingen'].pk}",
            5010: f"line:{self.lines['Lokalkostnader'].pk}",
            6550: f"line:{self.lines['Konsulter'].pk}",
            4010: Treatment.INSATS,
        }

    def test_preview_lists_result_accounts_with_names_and_sums(self):
        found = selectors.preview(self.pending())
        self.assertEqual(found.problems, [])
        self.assertEqual([r.account for r in found.accounts], [3010, 4010, 5010, 6550])
        rent = found.accounts[2]
        self.assertEqual((rent.name, rent.total, rent.count), ("Lokalhyra", Decimal("5000.00"), 1))
        self.assertEqual(found.balance_accounts, 1)
        self.assertEqual(len(found.unmapped), 4)
        self.assertFalse(found.ready)

    def test_unmapped_account_blocks_and_nothing_is_imported(self):
        pending = self.pending()
        choices = self.mapping()
        del choices[6550]
        with self.assertRaises(ValidationError) as caught:
            services.import_confirm(ledger_import=pending, by=self.finance, choices=choices)
        self.assertIn("konto_6550", caught.exception.message_dict)
        self.assertIn(
            "Konto 6550 Konsultarvoden saknar koppling",
            caught.exception.message_dict["konto_6550"][0],
        )
        pending.refresh_from_db()
        self.assertEqual(pending.status, ImportStatus.PENDING)
        self.assertFalse(LedgerTransaction.objects.filter(ledger_import=pending).exists())
        # Nothing half-saved: the mappings chosen in the refused attempt are gone too.
        self.assertFalse(AccountMapping.objects.filter(association=self.association).exists())

    def test_file_with_problems_imports_nothing_even_when_mapped(self):
        broken = (
            GOOD
            + b'#VER A 9 20230301 "x"\r\n{\r\n'
            + b"#TRANS 5010 {} 12,50\r\n#TRANS 1930 {} -12.50\r\n}\r\n"
        )
        pending = self.pending(broken)
        found = selectors.preview(pending)
        self.assertTrue(any("12,50" in str(p) for p in found.problems))
        with self.assertRaises(ValidationError):
            services.import_confirm(ledger_import=pending, by=self.finance, choices=self.mapping())
        self.assertEqual(LedgerTransaction.objects.count(), 0)

    def test_wrong_year_and_transactions_outside_the_year(self):
        data = GOOD.replace(b"#RAR 0 20230101 20231231", b"#RAR 0 20220101 20221231")
        found = selectors.preview(self.pending(data))
        self.assertIn("inte budgetåret 2023", str(found.problems[0]))
        data = (
            GOOD
            + b'#VER A 9 20240102 "x"\r\n{\r\n#TRANS 5010 {} 1.00\r\n#TRANS 1930 {} -1.00\r\n}\r\n'
        )
        found = selectors.preview(self.pending(data))
        self.assertTrue(any("daterad 2024-01-02, utanför 2023" in str(p) for p in found.problems))

    def test_confirm_imports_all_and_mappings_are_remembered(self):
        pending = self.pending()
        done = services.import_confirm(
            ledger_import=pending, by=self.finance, choices=self.mapping()
        )
        self.assertEqual(done.status, ImportStatus.IMPORTED)
        self.assertEqual(done.transaction_count, 8)
        self.assertEqual(done.imported_by, self.finance)
        self.assertEqual(LedgerTransaction.objects.filter(ledger_import=done).count(), 8)
        rent = AccountMapping.objects.get(association=self.association, account=5010)
        self.assertEqual(
            (rent.line_name, rent.line_group, rent.account_name),
            ("Lokalkostnader", "administration", "Lokalhyra"),
        )
        self.assertEqual(rent.history.first().history_user, self.finance)
        # The next file finds every account mapped already.
        again = selectors.preview(self.pending(name="oktober.se"))
        self.assertTrue(again.ready)

    def test_a_newer_import_replaces_the_earlier_which_stays_in_history(self):
        first = services.import_confirm(
            ledger_import=self.pending(), by=self.finance, choices=self.mapping()
        )
        newer = (
            GOOD
            + b'#VER A 4 20230205 "Hyra feb"\r\n{\r\n'
            + b"#TRANS 5010 {} 5000.00\r\n#TRANS 1930 {} -5000.00\r\n}\r\n"
        )
        second = services.import_confirm(ledger_import=self.pending(newer), by=self.office)
        first.refresh_from_db()
        self.assertEqual(first.status, ImportStatus.REPLACED)
        self.assertEqual(first.replaced_by, second)
        self.assertEqual(first.transactions.count(), 8)
        self.assertEqual(selectors.current_import(self.association, 2023), second)
        with self.assertRaises(ValidationError):
            services.import_confirm(ledger_import=first, by=self.office)

    def test_mapping_is_reused_next_year_by_line_name(self):
        services.import_confirm(
            ledger_import=self.pending(), by=self.finance, choices=self.mapping()
        )
        lines_2024 = fresh_budget_keep(self.association, 2024, {"Lokalkostnader", "Konsulter"})
        data = GOOD.replace(b"2023", b"2024")
        pending = services.import_upload(
            association=self.association, year=2024, by=self.finance, file=upload("a.se", data)
        )
        found = selectors.preview(pending)
        by_account = {row.account: row for row in found.accounts}
        self.assertEqual(by_account[5010].line, lines_2024["Lokalkostnader"])
        self.assertEqual(by_account[4010].choice, Treatment.INSATS)
        # No "Försäkringskassan/Arbetsförmedlingen" line in 2024's budget: asked again.
        self.assertFalse(by_account[3010].mapped)
        self.assertEqual(by_account[3010].missing_line, "Försäkringskassan/Arbetsförmedlingen")

    def test_balance_accounts_are_never_mapped_to_a_line(self):
        pending = self.pending()
        with self.assertRaises(ValidationError) as caught:
            services.mappings_save(
                ledger_import=pending,
                by=self.finance,
                choices={1930: f"line:{self.lines['Konsulter'].pk}"},
            )
        self.assertIn("inget resultatkonto", caught.exception.message_dict["konto_1930"][0])

    def test_upload_refuses_other_files_and_years_without_budget(self):
        with self.assertRaises(ValidationError) as caught:
            services.import_upload(
                association=self.association,
                year=2023,
                by=self.finance,
                file=upload("a.pdf", b"%PDF"),
            )
        self.assertIn("SIE 4-fil", caught.exception.message_dict["file"][0])
        with self.assertRaises(ValidationError) as caught:
            services.import_upload(
                association=self.association, year=2031, by=self.finance, file=upload("a.se", GOOD)
            )
        self.assertIn("ingen budget för 2031", caught.exception.message_dict["year"][0])

    def test_csv_import(self):
        text = (
            "datum;konto;belopp;text;verifikation\r\n"
            "2023-01-05;5010;5 000,00;Hyra;A 1\r\n2023-01-05;1930;-5 000,00;Hyra;A 1\r\n"
        )
        pending = self.pending(text.encode("cp1252"), name="bok.csv")
        done = services.import_confirm(
            ledger_import=pending,
            by=self.finance,
            choices={5010: f"line:{self.lines['Lokalkostnader'].pk}"},
        )
        self.assertEqual(done.transaction_count, 2)


def fresh_budget_keep(association, year, names):
    from samordna.finance.models import Budget, BudgetLine, LineGroup

    Budget.objects.filter(association=association, year=year).delete()
    budget = Budget.objects.create(association=association, year=year)
    return {
        name: BudgetLine.objects.create(
            budget=budget, group=LineGroup.ADMINISTRATION, name=name, amount=1000
        )
        for name in names
    }
