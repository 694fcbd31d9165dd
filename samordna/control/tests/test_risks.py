"""The risk- och väsentlighetsanalys: Bilaga 3 in the demo, the 4 × 4 matrix with its table,
and the risks above the threshold that no control in the plan follows up."""

from django.core.exceptions import ValidationError

from samordna.control import selectors, services
from samordna.control.models import RiskAnalysis
from samordna.core.tests.base import SamordnaTestCase

LONG_ABSENCE = "sjukfrånvaro, längre än 6 månader."


class RiskTests(SamordnaTestCase):
    def analysis(self, year: int = 2023) -> RiskAnalysis:
        return selectors.analyses_of(self.association).prefetch_related("rows").get(year=year)

    def test_the_demo_holds_bilaga_3_adopted_in_paragraph_126(self):
        analysis = self.analysis()
        self.assertEqual(analysis.source, "Styrelsemöte 2022-11-25 § 126")
        self.assertEqual(analysis.rows.count(), 11)
        self.assertEqual([r.value for r in analysis.rows.all()], [3, 3, 4, 4, 4, 4, 4, 1, 6, 6, 9])

    def test_a_risk_above_the_threshold_without_a_control_is_pointed_out(self):
        view = selectors.risk_view(self.analysis())
        self.assertEqual(len(view.lacking), 1)
        self.assertTrue(view.lacking[0].row.risk.endswith(LONG_ABSENCE))
        self.login(self.auditor)
        page = self.client.get(self.url("styrning/risker/2023/")).content.decode()
        self.assertIn("Risker över tröskeln utan kontrollmoment", page)
        self.assertIn(LONG_ABSENCE, page)
        self.assertEqual(page.count("<rect "), 16)

    def test_the_kansli_start_page_points_it_out_too(self):
        self.login(self.office)
        page = self.client.get(self.url("")).content.decode()
        self.assertIn("Risker utan kontrollmoment", page)
        self.assertIn(LONG_ABSENCE, page)

    def test_a_control_in_the_years_plan_covers_the_risk(self):
        analysis = services.risk_analysis_create(
            association=self.association, year=2024, by=self.office
        )
        services.risk_row_add(
            analysis=analysis,
            by=self.office,
            process="Personal",
            risk="Nyckelperson slutar utan överlämning",
            consequence=4,
            probability=2,
            control_process="Personal",
        )
        lacking = [line.row.risk for line in selectors.risk_view(self.analysis(2024)).lacking]
        self.assertIn("Nyckelperson slutar utan överlämning", lacking)
        plan = services.control_plan_create(association=self.association, year=2024, by=self.office)
        services.control_row_add(
            plan=plan,
            by=self.office,
            process="Personal",
            control_step="Överlämningsplan finns för förbundschef och utvecklingsledare",
            responsible="Ordförande",
            frequency="En gång per år",
        )
        lacking = [line.row.risk for line in selectors.risk_view(self.analysis(2024)).lacking]
        self.assertNotIn("Nyckelperson slutar utan överlämning", lacking)

    def test_an_adopted_analysis_is_locked(self):
        row = self.analysis().rows.first()
        assert row is not None
        with self.assertRaisesMessage(ValidationError, "låst"):
            services.risk_row_update(row=row, by=self.office, probability=4)

    def test_values_outside_one_to_four_are_refused(self):
        analysis = services.risk_analysis_create(
            association=self.association, year=2025, by=self.office
        )
        with self.assertRaises(ValidationError):
            services.risk_row_add(
                analysis=analysis, by=self.office, risk="Fel", consequence=5, probability=1
            )

    def test_the_pages_pin_their_queries_and_the_outsider_finds_nothing(self):
        self.login(self.office)
        for page, count in {"styrning/risker/": 3, "styrning/risker/2023/": 6}.items():
            with self.subTest(page=page), self.assertNumQueries(count):
                self.assertEqual(self.client.get(self.url(page)).status_code, 200)
        self.login(self.board)
        self.assertEqual(self.client.get(self.url("styrning/risker/ny/")).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url("styrning/risker/2023/")).status_code, 404)
