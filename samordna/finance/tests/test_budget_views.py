import io

from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import load_workbook

from samordna.core.tests.base import SamordnaTestCase
from samordna.finance import exports, selectors, services
from samordna.finance.models import Budget, ContributionSchedule

READERS = ("office", "chair", "board", "auditor", "finance")


class FinancePageTests(SamordnaTestCase):
    def u(self, name, *args):
        return reverse(f"finance:{name}", args=[self.association.slug, *args])

    def test_readers_see_the_pages(self):
        for role in READERS:
            self.login(getattr(self, role))
            with self.subTest(role=role):
                page = self.client.get(self.u("overview"))
                self.assertContains(page, '<h1 class="heading--h1">Ekonomi</h1>', html=False)
                self.assertContains(page, "Finansiella mål")
                budget = self.client.get(self.u("budget", 2023))
                self.assertContains(budget, "7\u00a0360")
                self.assertContains(budget, "Försäkringskassehandläggare")
                self.assertContains(self.client.get(self.u("contributions", 2023)), "920\u00a0000")
                self.assertEqual(self.client.get(self.u("goals")).status_code, 200)

    def test_applicant_gets_403_and_outsider_404(self):
        self.login(self.applicant)
        self.assertEqual(self.client.get(self.u("overview")).status_code, 403)
        self.login(self.outsider)
        for name, args in [
            ("overview", []),
            ("budget", [2023]),
            ("contributions", [2023]),
            ("goals", []),
            ("budget_xlsx", [2023]),
            ("budget_pdf", [2023]),
            ("line_create", [2023]),
            ("budget_create", []),
        ]:
            with self.subTest(name=name):
                self.assertEqual(self.client.get(self.u(name, *args)).status_code, 404)

    def test_read_only_roles_get_403_on_writes(self):
        for role in ("chair", "board", "auditor", "finance"):
            self.login(getattr(self, role))
            with self.subTest(role=role):
                self.assertEqual(
                    self.client.post(self.u("budget_create"), {"year": 2030}).status_code, 403
                )
                self.assertEqual(self.client.post(self.u("goals_update")).status_code, 403)
                self.assertEqual(
                    self.client.post(self.u("allocation_set", 2024), {"amount": "1"}).status_code,
                    403,
                )
        self.assertFalse(Budget.objects.filter(year=2030).exists())

    def test_finance_role_records_a_payment(self):
        instalment = ContributionSchedule.objects.get(
            association=self.association, year=2023, member__kind="region"
        ).instalments.get(position=2)
        self.login(self.board)
        self.assertEqual(self.client.get(self.u("payment", instalment.pk)).status_code, 403)
        self.login(self.finance)
        response = self.client.post(
            self.u("payment", instalment.pk),
            {"paid_on": "2023-07-28", "paid_amount": "920 000", "note": ""},
        )
        self.assertRedirects(response, self.u("contributions", 2023))
        instalment.refresh_from_db()
        self.assertEqual(instalment.paid_amount, 920_000)

    def test_office_creates_a_budget_and_a_line_without_group_is_400(self):
        self.login(self.office)
        response = self.client.post(self.u("budget_create"), {"year": 2024})
        self.assertRedirects(response, self.u("budget", 2024))
        budget = Budget.objects.get(association=self.association, year=2024)
        response = self.client.post(
            self.u("line_create", 2024),
            {
                "version": budget.version,
                "group": "",
                "name": "Hyra",
                "amount": "60 000",
                "plan_next": "0",
                "plan_after": "0",
                "position": "10",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Ange vilken grupp raden hör till", status_code=400)
        self.assertContains(response, 'value="Hyra"', status_code=400)
        self.assertFalse(budget.lines.filter(name="Hyra").exists())
        response = self.client.post(
            self.u("line_create", 2024),
            {
                "version": budget.version,
                "group": "administration",
                "name": "Hyra",
                "amount": "60 000",
                "plan_next": "61 000",
                "plan_after": "62 000",
                "position": "",
            },
        )
        self.assertRedirects(response, self.u("budget", 2024))
        line = budget.lines.get(name="Hyra")
        self.assertEqual((line.amount, line.plan_after, line.is_income), (60_000, 62_000, False))
        self.assertGreater(line.position, 0)

    def test_refresh_on_an_adopted_budget_is_refused(self):
        self.login(self.office)
        budget = Budget.objects.get(association=self.association, year=2023)
        response = self.client.post(
            self.u("budget_refresh", 2023), {"version": budget.version}, follow=True
        )
        self.assertContains(response, "Budgeten är fastställd och kan inte ändras")

    def test_wrong_method(self):
        self.login(self.office)
        self.assertEqual(self.client.post(self.u("overview")).status_code, 405)
        self.assertEqual(self.client.get(self.u("budget_refresh", 2023)).status_code, 405)

    def test_list_pages_cost_a_fixed_number_of_queries(self):
        self.login(self.office)
        pages = {
            self.u("overview"): 11,
            self.u("budget", 2023): 6,
            self.u("contributions", 2023): 7,
            self.u("goals"): 7,
        }
        for path, count in pages.items():
            cache.clear()  # the goals panel built, not read from the cache
            with self.subTest(path=path), self.assertNumQueries(count):
                self.client.get(path)
        services.budget_create(association=self.association, by=self.office, year=2024)
        for path, count in pages.items():
            if "budget" in path:
                continue
            cache.clear()
            with self.subTest(path=path, more=True), self.assertNumQueries(count):
                self.client.get(path)


class ExportTests(SamordnaTestCase):
    def test_xlsx_opens_with_the_figures(self):
        self.login(self.auditor)
        response = self.client.get(
            reverse("finance:budget_xlsx", args=[self.association.slug, 2023])
        )
        book = load_workbook(io.BytesIO(response.content))
        rows = list(book["Budget 2023"].iter_rows(values_only=True))
        income = next(r for r in rows if r[1] == "Summa intäkter")
        self.assertEqual(income[2:5], (7_360_000, 7_378_000, 7_378_000))
        balance = {r[0]: r[1:] for r in book["Balansbudget"].iter_rows(values_only=True)}
        self.assertEqual(balance["Summa eget kapital"][1], 755)

    def test_pdf_has_the_bilaga_layout_and_tkr(self):
        self.login(self.office)
        response = self.client.get(
            reverse("finance:budget_pdf", args=[self.association.slug, 2023])
        )
        self.assertTrue(response.content.startswith(b"%PDF"))
        # pypdf is not installed: check the HTML WeasyPrint lays out.
        summary = selectors.budget_summary(
            Budget.objects.get(association=self.association, year=2023)
        )
        html = render_to_string(exports.PDF_TEMPLATE, exports.budget_document_context(summary))
        text = str(html).replace("\u00a0", " ")
        for expected in (
            "Budget 2023 med plan för 2024-2025",
            "Detaljerad budget 2023",
            "Resultat och balansbudget",
            "7 360",
            "1 844,5",
            "2 st. Arbetskonsulenter",
            "1 322",
            "755",
        ):
            self.assertIn(expected, text)
