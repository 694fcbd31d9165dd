"""The insats register and one insats: status through the year, money, reports due, what each
role sees, and the förbund's goal from approved slutrapporter."""

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions import selectors, services
from samordna.interventions.models import GrantSettings, Intervention
from samordna.interventions.selectors import Status
from samordna.interventions.services import grants, reports
from samordna.interventions.services.reports import GoalReport
from samordna.interventions.tests.helpers import D, at, granted, paragraph, submitted


def status(intervention: Intervention, day) -> str:
    applications = sorted(
        intervention.applications.all(),
        key=lambda a: (a.submitted_at is None, a.submitted_at, a.pk),
        reverse=True,
    )
    intervention.refresh_from_db()
    found = selectors.status_of(intervention, applications, day)
    # The register filters by the same status in the database: both must agree.
    in_database = (
        Intervention.objects.filter(pk=intervention.pk)
        .annotate(s=selectors.status_expression(day))
        .values_list("s", flat=True)
        .get()
    )
    assert in_database == found, (in_database, found)
    return found


class StatusTests(SamordnaTestCase):
    def test_an_insats_moves_from_applied_to_ended(self):
        application = submitted(self.association, self.applicant, name="Statusinsats")
        intervention = application.intervention
        assert intervention is not None
        self.assertEqual(status(intervention, D(2022, 11, 2)), Status.APPLIED)
        services.comment_add(application=application, by=self.office, text="Bereds.")
        self.assertEqual(status(intervention, D(2022, 11, 3)), Status.PREPARATION)
        grants.decision_record(
            application=application,
            paragraph=paragraph(self.association, self.office, D(2022, 11, 25)),
            by=self.office,
            outcome="granted",
            amounts=[grants.AmountInput(2023, 400_000)],
        )
        self.assertEqual(status(intervention, D(2022, 12, 1)), Status.GRANTED)
        self.assertEqual(status(intervention, D(2023, 6, 1)), Status.ONGOING)
        self.assertEqual(status(intervention, D(2024, 1, 2)), Status.ENDED)

    def test_a_refused_application(self):
        application = submitted(self.association, self.applicant, name="Avslås")
        grants.decision_record(
            application=application,
            paragraph=paragraph(self.association, self.office, D(2022, 11, 25)),
            by=self.office,
            outcome="refused",
            amounts=[],
        )
        assert application.intervention is not None
        self.assertEqual(status(application.intervention, D(2022, 12, 1)), Status.REFUSED)

    def test_an_insats_running_before_samordna(self):
        intervention = services.intervention_register(
            association=self.association,
            by=self.office,
            name="Pågick redan",
            owner=self.association.members.get(name="Sundsvalls kommun"),
        )
        self.assertEqual(status(intervention, D(2023, 1, 1)), Status.ONGOING)


class RegisterPageTests(SamordnaTestCase):
    def test_the_register_shows_money_and_reports_due(self):
        self.login(self.office)
        with time_machine.travel(at(D(2024, 3, 15)), tick=False):
            response = self.client.get(self.url("insatser/"))
        self.assertContains(response, "Arbetskonsulent för personer med aktivitetsersättning")
        # § 132: 709 000 + 722 000 granted, half of 2023 paid at the agreement.
        self.assertContains(response, "1\xa0431\xa0000\xa0kr")
        self.assertContains(response, "354\xa0500\xa0kr")
        self.assertContains(response, "1\xa0076\xa0500\xa0kr")
        self.assertContains(response, "Redovisning 2023, 2024-01-31")
        self.assertContains(response, "försenad")

    def test_the_register_costs_the_same_with_more_insatser(self):
        self.login(self.office)
        with self.assertNumQueries(6):
            self.client.get(self.url("insatser/"))
        for n in range(3):
            granted(self.association, self.office, self.applicant, name=f"Extra {n}")
        with self.assertNumQueries(6):
            response = self.client.get(self.url("insatser/"))
        self.assertContains(response, "Extra 2")

    def test_the_register_is_paged_in_the_swedish_order(self):
        """A page of 50 at most, cut from the Swedish order (å, ä, ö after z), with the
        sums of every insats and the same queries on the second page."""
        owner = self.association.members.get(name="Sundsvalls kommun")
        names = [f"Ö-insats {n:02d}" for n in range(25)] + [f"Z-insats {n:02d}" for n in range(30)]
        Intervention.objects.bulk_create(
            Intervention(
                association=self.association, owner=owner, name=name, direction="individual"
            )
            for name in names
        )
        self.login(self.office)
        with self.assertNumQueries(6):
            first = self.client.get(self.url("insatser/"))
        # The second page holds only insatser without applications: no more, maybe fewer.
        with CaptureQueriesContext(connection) as second_queries:
            second = self.client.get(self.url("insatser/"), {"sida": 2})
        self.assertLessEqual(len(second_queries), 6)
        self.assertEqual(len(first.context["rows"]), selectors.REGISTER_PAGE)
        total = first.context["page"].paginator.count
        self.assertEqual(len(second.context["rows"]), total - selectors.REGISTER_PAGE)
        self.assertContains(second, "Ö-insats 24")
        self.assertNotContains(first, "Ö-insats 24")
        self.assertContains(first, "1\xa0431\xa0000\xa0kr")  # the demo's insats, on page one

    def test_filter_by_status(self):
        self.login(self.office)
        with time_machine.travel(at(D(2026, 11, 25)), tick=False):
            response = self.client.get(self.url("insatser/"), {"status": Status.ONGOING})
        self.assertContains(response, "Arbetsmarknadstorget i Sundsvall")
        self.assertNotContains(response, "Psykolog")

    def test_a_status_no_insats_has_shows_none(self):
        self.login(self.office)
        with time_machine.travel(at(D(2000, 1, 1)), tick=False):
            response = self.client.get(self.url("insatser/"), {"status": Status.REFUSED})
        self.assertContains(response, "Det finns inga insatser med den statusen.")

    def test_parties_are_those_of_the_newest_application(self):
        self.login(self.office)
        with time_machine.travel(at(D(2024, 3, 15)), tick=False):
            response = self.client.get(self.url("insatser/"))
        for row in response.context["rows"]:
            self.assertTrue(row.parties.startswith(Intervention.objects.get(pk=row.pk).owner.name))

    def test_an_applicant_sees_only_their_organisations_insatser(self):
        self.login(self.applicant)
        response = self.client.get(self.url("insatser/"))
        self.assertContains(response, "Arbetskonsulent för personer med aktivitetsersättning")
        self.assertNotContains(response, "Försäkringsutredare från Försäkringskassan")
        fk_insats = Intervention.objects.get(name="Försäkringsutredare från Försäkringskassan")
        self.assertEqual(self.client.get(self.url(f"insatser/{fk_insats.pk}/")).status_code, 404)

    def test_roles(self):
        insats = Intervention.objects.get(name="Psykolog")
        for user, code in [
            (self.office, 200),
            (self.auditor, 200),
            (self.board, 200),
            (self.finance, 200),
            (self.outsider, 404),
        ]:
            with self.subTest(user=user.username):
                self.login(user)
                self.assertEqual(
                    self.client.get(self.url(f"insatser/{insats.pk}/")).status_code, code
                )
        self.login(self.national)
        self.assertEqual(self.client.get(self.url("insatser/")).status_code, 404)
        self.login(self.board)
        self.assertEqual(self.client.get(self.url("insatser/ny/")).status_code, 403)
        self.assertEqual(self.client.post(self.url("insatser/")).status_code, 405)

    def test_the_insats_page_shows_its_years(self):
        self.login(self.office)
        insats = Intervention.objects.get(
            association=self.other, name="Stärkt samverkan och parallella insatser"
        )
        self.login(self.outsider)  # Härnösand–Timrå's own kansli
        response = self.client.get(f"/f/{self.other.slug}/insatser/{insats.pk}/")
        self.assertContains(response, "Förlängning av en tidigare insats")  # § 120, for 2024
        self.assertContains(response, "Beviljad 24 november 2023")
        self.assertContains(response, "Slutrapport")


class GoalTests(SamordnaTestCase):
    def test_the_goal_counts_insatser_that_reach_their_own_goals(self):
        decision = granted(
            self.association, self.office, self.applicant, name="Med mål", plan="final_report"
        )
        report = decision.reports.get()
        goal = decision.application.goals.get()
        reports.report_save(
            report=report,
            by=self.applicant,
            version=report.version,
            results="Målet nåddes delvis.",
            analysis="",
            goals=[GoalReport(goal.pk, fulfilment="partly")],
        )
        reports.report_submit(
            report=report, by=self.applicant, version=report.version, now=at(D(2023, 12, 1))
        )
        reports.report_approve(
            report=report,
            paragraph=paragraph(self.association, self.office, D(2023, 12, 8)),
            by=self.office,
        )
        [year] = selectors.goal_achievement(self.association)
        # One goal, partly reached: half of the goals, which is the default threshold.
        self.assertEqual((year.year, year.reached, len(year.results)), (2023, 1, 1))
        services.grant_settings_update(
            association=self.association, by=self.office, goal_reached_percent=60
        )
        [year] = selectors.goal_achievement(self.association)
        self.assertEqual((year.reached, year.percent, year.met), (0, 0, False))
        self.login(self.chair)
        page = self.client.get(self.url("insatser/mal/"))
        self.assertContains(page, "2023: 0 av 1 insatser (0 %) – målet är inte nått")
        self.login(self.applicant)
        self.assertEqual(self.client.get(self.url("insatser/mal/")).status_code, 403)

    def test_reading_the_goal_saves_no_settings_until_the_kansli_does(self):
        GrantSettings.objects.filter(association=self.association).delete()
        self.login(self.chair)
        self.assertEqual(self.client.get(self.url("insatser/mal/")).status_code, 200)
        self.login(self.office)
        self.assertEqual(self.client.get(self.url("insatser/installningar/")).status_code, 200)
        self.assertFalse(GrantSettings.objects.filter(association=self.association).exists())
        self.assertEqual(selectors.settings_for(self.association).goal_reached_percent, 50)
        services.grant_settings_update(
            association=self.association, by=self.office, goal_reached_percent=60
        )
        saved = GrantSettings.objects.get(association=self.association)
        self.assertEqual((saved.goal_reached_percent, saved.reminder_days), (60, 14))
        self.assertEqual(saved.history.get().history_user, self.office)
