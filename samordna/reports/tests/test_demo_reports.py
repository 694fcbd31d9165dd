"""The demo's reports show the seeds' figures: Härnösand–Timrå's delårsrapport 2020 (`001_…`)
in the seed's sections, Sundsvall's verksamhetsplan 2023 with the budget of Bilaga 16."""

from samordna.core.tests.base import SamordnaTestCase
from samordna.finance import budgets
from samordna.finance.selectors import budget_for, budget_lines
from samordna.followup.models import ParticipantReport
from samordna.reports import documents, figures, selectors, services
from samordna.reports.models import AssociationReport, AssociationReportKind

# What `001_…` says, word for word where it gives a figure:
SEED_001 = {
    # "För 2020 års verksamhet får förbundet 3 754 000 i driftsbidrag från huvudmännen."
    "income": 3_754_000,
    # "… har för 2020 avsatt medel till 5 insatser till en kostnad av 2 799 000 kr."
    "insatser": 5,
    "insats_money": 2_799_000,
    # "Styrelsen har under våren haft 3 protokollförda styrelsesammanträden."
    "meetings": 3,
}


class DemoReportTests(SamordnaTestCase):
    def test_the_delarsrapport_2020_shows_the_seeds_figures_in_the_seeds_sections(self):
        report = AssociationReport.objects.get(
            association=self.other, kind=AssociationReportKind.INTERIM, year=2020
        )
        self.assertEqual((report.starts_on.month, report.ends_on.month), (1, 6))
        state = selectors.figure_state(report)
        self.assertEqual(state.stale, [])
        sections = {s.key: s for s in report.sections.all()}
        economy = state.tables[sections["ekonomi"].table]
        rows = {label: {c.figure.column: c for c in cells} for label, cells in economy.rows}
        income = rows["Intäkter"]["Budget"]
        self.assertEqual(int(income.figure.value), SEED_001["income"])
        self.assertEqual(income.figure.seed[:4], "001_")
        insats_money = rows["Beslutade insatser"]["Budget"]
        self.assertEqual(int(insats_money.figure.value), SEED_001["insats_money"])
        self.assertTrue(insats_money.figure.seed)

        board = state.tables[sections["styrelsen"].table]
        held = next(cells for label, cells in board.rows if label == "Sammanträden under perioden")
        self.assertEqual(int(held[0].figure.value), SEED_001["meetings"])
        self.assertTrue(held[0].figure.seed)

        insatser = state.tables[sections["insatserna"].table]
        self.assertEqual(len(insatser.rows), SEED_001["insatser"])
        owners = {label: cells[0].text for label, cells in insatser.rows}
        self.assertEqual(owners["Hälsoprojektet"], "Timrå kommun")
        self.assertEqual(owners["Att bryta mönster"], "Härnösands kommun")
        self.assertIn("3 754 000", sections["forvaltningsberattelse"].body)
        self.assertIn("2 799 000", sections["forvaltningsberattelse"].body)

        self.login(self.outsider)  # Härnösand–Timrå's kansli
        page = self.client.get(f"/f/{self.other.slug}/rapporter/{report.pk}/")
        self.assertContains(page, "ur 001_…")
        self.assertContains(page, "3\u00a0754\u00a0000\u00a0kr")

    def test_the_delarsrapport_2020_marks_its_invented_participant_counts(self):
        """`001_…` says nothing of the participants: the demo's counts are invented
        (`ParticipantReport.demo`) and the report says so beside them, as it names the seed
        beside the seed's own figures."""
        report = AssociationReport.objects.get(
            association=self.other, kind=AssociationReportKind.INTERIM, year=2020
        )
        self.assertTrue(
            ParticipantReport.objects.filter(
                association=self.other, period__year=2020, demo=True
            ).exists()
        )
        participants = report.figures.filter(table="deltagare")
        self.assertTrue(participants.exists())
        self.assertFalse(participants.filter(invented=False).exists())
        self.assertFalse(participants.exclude(seed="").exists())
        self.assertFalse(report.figures.exclude(table="deltagare").filter(invented=True).exists())
        table = selectors.figure_state(report).tables["deltagare"]
        rows = [label for label, _ in table.rows]
        self.assertIn("Arbetsmarknadstorget Härnösand", rows)
        self.assertEqual(rows[-1], figures.TOTAL_ROW)

        self.login(self.outsider)  # Härnösand–Timrå's kansli
        page = self.client.get(f"/f/{self.other.slug}/rapporter/{report.pk}/")
        self.assertContains(page, "(påhittad i demon)")
        notes = [b.text for b in documents.report_blocks(report) if b.kind == "note"]
        self.assertIn(
            "Påhittade i demon: siffrorna för Arbetsmarknadstorget Härnösand och "
            f"{figures.TOTAL_ROW}.",
            notes,
        )

        # Counts that are not the demo's are not marked once the figures are refreshed.
        ParticipantReport.objects.filter(association=self.other, period__year=2020).update(
            demo=False
        )
        services.figures_refresh(report=report, by=self.outsider)
        self.assertFalse(report.figures.filter(invented=True).exists())

    def test_the_verksamhetsplan_2023_budget_equals_bilaga_16(self):
        report = AssociationReport.objects.get(
            association=self.association, kind=AssociationReportKind.PLAN, year=2023
        )
        budget = budget_for(self.association, 2023)
        assert budget is not None
        lines = budget_lines(budget)
        stored = {f.key: int(f.value) for f in report.figures.filter(table="budget")}
        for line in lines:
            self.assertEqual(stored[f"budget:line:{line.pk}"], line.amount)
        sums = budgets.figures(lines)
        self.assertEqual(stored["budget:sum:Summa intäkter"], sums.income)
        self.assertEqual(stored["budget:sum:Resultat"], sums.result)
        # Bilaga 16: intäkter 7 360 tkr (finance/tests/test_bilaga16.py reproduces the rest).
        self.assertEqual(stored["budget:sum:Summa intäkter"], 7_360_000)
