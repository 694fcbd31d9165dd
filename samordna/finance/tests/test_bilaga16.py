"""The demo's budget for Sundsvall 2023 equals Bilaga 16 of 2022-11-25, figure by figure."""

from decimal import Decimal

from samordna.core.tests.base import SamordnaTestCase
from samordna.finance import selectors
from samordna.finance.budgets import format_tkr, tkr
from samordna.finance.models import Budget, BudgetStatus


class Bilaga16Tests(SamordnaTestCase):
    def setUp(self):
        self.budget = Budget.objects.get(association=self.association, year=2023)
        self.summary = selectors.budget_summary(self.budget)

    def group(self, label):
        return next(g for g in self.summary.groups if g.label == label)

    def test_income_per_member_and_total(self):
        income = self.group("Intäkter")
        rows = {r.name: r.tkr for r in income.rows}
        self.assertEqual(rows["Försäkringskassan/Arbetsförmedlingen"], [3680, 3689, 3689])
        self.assertEqual(
            rows["Region Västernorrland"], [1840, Decimal("1844.5"), Decimal("1844.5")]
        )
        self.assertEqual(rows["Sundsvalls kommun"], [1840, Decimal("1844.5"), Decimal("1844.5")])
        self.assertEqual(income.tkr, [7360, 7378, 7378])
        self.assertEqual(income.kr[0], 7_360_000)

    def test_cost_groups_as_listed(self):
        self.assertEqual(self.group("Styrelsen").tkr, [110, 115, 120])
        self.assertEqual(self.group("Administration").tkr, [1080, 1120, 1150])
        self.assertEqual(self.group("Beslutade insatser").tkr, [5760, 1347, 0])
        self.assertEqual(self.group("Nya insatser").tkr, [410, 4796, 0])
        self.assertEqual(self.summary.tkr[0].costs, 7360)
        self.assertEqual(self.summary.tkr[1].costs, 7378)

    def test_insats_lines_come_from_the_decisions_one_per_insats(self):
        rows = {r.name: r for r in self.group("Beslutade insatser").rows}
        self.assertEqual(rows["Försäkringskassehandläggare"].kr[0], 193_549)
        self.assertEqual(rows["Försäkringskassehandläggare"].tkr[0], 194)
        self.assertEqual(rows["2 st. Arbetskonsulenter"].tkr[0], 1322)
        self.assertEqual(len(rows["2 st. Arbetskonsulenter"].lines), 2)
        self.assertEqual(rows["2 st. Arbetsförmedlare"].kr[0], 1_000_000)
        self.assertEqual(rows["Psykolog"].tkr[0], 912)
        self.assertEqual(rows["Arbetsterapeut"].tkr[0], 622)
        self.assertEqual(rows["Sip-samordnare"].tkr[0], 660)
        decided = [line for line in self.budget.lines.all() if line.from_decisions]
        self.assertEqual(len(decided), 6)
        self.assertEqual(len({line.intervention_id for line in decided}), 6)

    def test_result_budget(self):
        budget_year = self.summary.tkr[0]
        self.assertEqual(budget_year.operating_income, 7360)
        self.assertEqual(budget_year.operating_costs, 7359)  # the Bilaga misprints −7 259
        self.assertEqual(budget_year.net_operating, 1)
        self.assertEqual(budget_year.financial_costs, 1)
        self.assertEqual(budget_year.result, 0)
        previous = self.summary.previous_tkr
        assert previous is not None
        self.assertEqual(
            (previous.operating_income, previous.operating_costs, previous.result),
            (7378, 7843, -466),
        )
        self.assertEqual(self.summary.tkr[1].result, 0)

    def test_balance_budget_equity_755(self):
        rows = {r.label: r.tkr for r in self.summary.balance}
        self.assertEqual(rows["Omsättningstillgångar"], [1055] * 4)
        self.assertEqual(rows["Balanserat eget kapital"][:3], [1221, 755, 755])
        self.assertEqual(rows["Årets resultat"][:3], [-466, 0, 0])
        self.assertEqual(rows["Summa eget kapital"][:3], [755, 755, 755])
        self.assertEqual(rows["Kortfristiga skulder"], [300] * 4)
        self.assertEqual(rows["Summa eget kapital, avsättningar och skulder"][:3], [1055] * 3)
        self.assertEqual(self.budget.opening_equity, 755_000)

    def test_plan_2025_is_flagged_as_not_in_balance(self):
        self.assertTrue(any("Planen för 2025 är inte i balans" in w for w in self.summary.warnings))
        self.assertFalse(any("för 2023" in w for w in self.summary.warnings))

    def test_adopted_in_paragraph_138(self):
        self.assertEqual(self.budget.status, BudgetStatus.ADOPTED)
        assert self.budget.paragraph is not None
        self.assertEqual(self.budget.paragraph.number, 138)
        self.assertEqual(str(self.budget.adopted_on), "2022-11-25")
        self.assertIn("7 259", self.budget.note)


class RoundingTests(SamordnaTestCase):
    def test_tkr_rounds_each_line_half_up_and_keeps_exact_halves(self):
        self.assertEqual(tkr(193_549), 194)
        self.assertEqual(tkr(193_499), 193)
        self.assertEqual(tkr(1_844_500), Decimal("1844.5"))
        self.assertEqual(tkr(-466_000), -466)
        self.assertEqual(format_tkr(Decimal("1844.5")), "1\u00a0844,5")
        self.assertEqual(format_tkr(Decimal("-466")), "−466")
        self.assertEqual(format_tkr(0, dash=True), "–")
