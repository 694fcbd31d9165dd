"""Goals measured from the figures: binding a goal to a measure, judging it per year (met,
not met, or "kan inte bedömas"), and the kansli's pages for it."""

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samordna.associations.cache import association_pages_changed
from samordna.followup import goal_fulfilment
from samordna.followup.goal_fulfilment import GoalVerdict
from samordna.followup.models import Comparison, Measure, MeasuredGoal, Questionnaire, Statement
from samordna.followup.services import measured_goals
from samordna.followup.tests.test_dashboards import FollowupCase
from samordna.interventions.models import ApplicationGoal, Intervention
from samordna.interventions.tests.helpers import refused


def figure(
    result: goal_fulfilment.YearResult, compared: bool = False
) -> goal_fulfilment.GoalFigure:
    found = result.compared_with if compared else result.figure
    assert found is not None
    return found


class EvaluationTests(FollowupCase):
    def setUp(self):
        self.intervention = self.insats("Stöd till arbete")
        # 2024: 4 of 10 ended to work or studies (40 %); 2025: 6 of 10 (60 %).
        self.counts(
            self.intervention,
            2024,
            new=(8, 6, 0),
            ended=(6, 4, 0),
            to={"work": 3, "studies": 1, "dropout": 6},
        )
        self.counts(
            self.intervention,
            2025,
            new=(10, 10, 0),
            ended=(5, 5, 0),
            to={"work": 4, "studies": 2, "job_seeking": 4},
        )

    def judged(self, **fields) -> dict[int, goal_fulfilment.YearResult]:
        goal = self.insats_goal(self.intervention, **fields)
        (result,) = goal_fulfilment.goal_results_for(goal.application_goal.application.intervention)
        return {year.year: year for year in result.years}

    def test_higher_than_last_year_is_met_when_the_share_rose(self):
        years = self.judged()
        self.assertEqual(years[2025].verdict, GoalVerdict.MET)
        self.assertEqual(
            (figure(years[2025]).value, figure(years[2025], compared=True).value), (60, 40)
        )

    def test_the_result_reads_like_the_goal_in_the_application(self):
        goal = self.insats_goal(self.intervention)
        (result,) = goal_fulfilment.goal_results_for(self.intervention)
        self.assertEqual(
            result.sentence(result.years[1]),
            "Fler avslutas till arbete eller studier 2025 jämfört med 2024: uppnått "
            "(60\u00a0% mot 40\u00a0%; 6 av 10 mot 4 av 10 avslutade)",
        )
        self.assertEqual(str(result.goal), str(goal.application_goal))

    def test_higher_than_last_year_is_not_met_when_the_figure_did_not_rise(self):
        years = self.judged(measure=Measure.ENDED)
        self.assertEqual(years[2025].verdict, GoalVerdict.NOT_MET)  # 10 ended both years
        self.assertEqual(
            (figure(years[2025]).text, figure(years[2025], compared=True).text), ("10", "10")
        )

    def test_the_first_year_cannot_be_judged_against_the_year_before(self):
        years = self.judged()
        self.assertEqual(years[2024].verdict, GoalVerdict.UNKNOWN)
        self.assertEqual(years[2024].reason, "inga godkända siffror 2023 att jämföra med")

    def test_a_year_without_approved_counts_cannot_be_judged(self):
        self.submitted_only(self.intervention, 2025, half=1, start=(5, 5, 0), new=(1, 1, 0))
        goal = self.insats_goal(self.intervention)
        (result,) = goal_fulfilment.goal_results_for(self.intervention, [2025, 2026])
        self.assertEqual(result.years[1].verdict, GoalVerdict.UNKNOWN)
        self.assertEqual(result.years[1].reason, "inga godkända siffror 2026")
        self.assertIn("2026 jämfört med 2025: kan inte bedömas", result.sentence(result.years[1]))
        # The counts sent for the second half of 2025 but not approved are not counted.
        self.assertEqual(figure(result.years[0]).value, 60)
        self.assertEqual(result.goal, goal)

    def test_a_year_when_nobody_ended_cannot_be_judged(self):
        other = self.insats("Ingen avslutades")
        self.counts(other, 2025, new=(3, 3, 0), ended=(0, 0, 0))
        goal = self.insats_goal(other, comparison=Comparison.AT_LEAST, threshold=30)
        (result,) = goal_fulfilment.goal_results_for(other)
        self.assertEqual(result.years[0].verdict, GoalVerdict.UNKNOWN)
        self.assertEqual(result.years[0].reason, "ingen deltagare avslutades 2025")
        self.assertEqual(goal.threshold, 30)

    def test_at_least_a_threshold(self):
        years = self.judged(comparison=Comparison.AT_LEAST, threshold=50)
        self.assertEqual(years[2024].verdict, GoalVerdict.NOT_MET)
        self.assertEqual(years[2025].verdict, GoalVerdict.MET)
        (result,) = goal_fulfilment.goal_results_for(self.intervention)
        self.assertEqual(
            result.sentence(result.years[1]),
            "Fler avslutas till arbete eller studier 2025: uppnått (60\u00a0%, målet är minst "
            "50\u00a0%; 6 av 10 avslutade)",
        )

    def test_at_least_a_number_of_participants(self):
        years = self.judged(
            measure=Measure.PARTICIPANTS, comparison=Comparison.AT_LEAST, threshold=16
        )
        self.assertEqual(years[2024].verdict, GoalVerdict.NOT_MET)  # 14
        self.assertEqual(years[2025].verdict, GoalVerdict.MET)  # 20
        self.assertEqual(figure(years[2025], compared=True).text, "16")

    def test_a_forbund_goal_is_measured_over_its_individinriktade_insatser(self):
        second = self.insats("Studiestöd")
        self.counts(second, 2025, new=(5, 5, 0), ended=(5, 5, 0), to={"studies": 10})
        structural = self.insats("Strukturellt", direction="structural")
        self.counts(structural, 2025, new=(50, 50, 0), ended=(50, 50, 0), to={"dropout": 100})
        own = self.own_goal("Fler deltagare avslutas till studier eller arbete")
        result = next(
            r for r in goal_fulfilment.goal_results(self.association, [2024, 2025]) if r.goal == own
        )
        self.assertIsNone(result.intervention)
        by_year = {y.year: y for y in result.years}
        # 2025: (6 + 10) of (10 + 10) = 80 %, the structural insats left out; 2024: 40 %.
        self.assertEqual((figure(by_year[2025]).part, figure(by_year[2025]).whole), (16, 20))
        self.assertEqual(figure(by_year[2025]).value, 80)
        self.assertEqual(by_year[2025].verdict, GoalVerdict.MET)

    def test_an_agree_goal_is_measured_with_the_survey_answers(self):
        statement = self.statement()
        self.answers(statement, self.intervention, 2024, [4, 3, 1, 1])  # 2 of 4
        self.answers(statement, self.intervention, 2025, [4, 3, 3, 1])  # 3 of 4
        self.answers(statement, None, 2025, [1, 1, 1, 1])  # the förbund's, not the insats's
        years = self.judged(measure=Measure.AGREE, statement=statement)
        self.assertEqual(years[2025].verdict, GoalVerdict.MET)
        self.assertEqual((figure(years[2025]).part, figure(years[2025]).whole), (3, 4))
        (result,) = goal_fulfilment.goal_results_for(self.intervention)
        self.assertIn(
            "75\u00a0% mot 50\u00a0%; 3 av 4 mot 2 av 4 svar", result.sentence(years[2025])
        )

    def test_a_forbund_agree_goal_counts_every_round(self):
        statement = self.statement()
        self.answers(statement, self.intervention, 2025, [4, 4])
        self.answers(statement, None, 2025, [1, 1])
        own = self.own_goal(
            "Ledamöterna upplever samverkan",
            measure=Measure.AGREE,
            statement=statement,
            comparison=Comparison.AT_LEAST,
            threshold=60,
        )
        result = next(
            r for r in goal_fulfilment.goal_results(self.association, [2025]) if r.goal == own
        )
        self.assertEqual(result.years[0].verdict, GoalVerdict.NOT_MET)  # 2 of 4 = 50 %

    def test_the_cost_is_fixed_whatever_the_goals_insatser_and_years(self):
        self.insats_goal(self.intervention)
        self.own_goal("Fler avslutas till arbete eller studier")
        with CaptureQueriesContext(connection) as before:
            goal_fulfilment.goal_results(self.association)
        for name in ("Andra insatsen", "Tredje insatsen"):
            other = self.insats(name, years=(2025, 2026))
            self.counts(other, 2026)
            self.insats_goal(other, comparison=Comparison.AT_LEAST, threshold=10)
        self.own_goal("Fler deltagare", measure=Measure.PARTICIPANTS)
        with self.assertNumQueries(len(before)):
            goal_fulfilment.goal_results(self.association)
        self.assertEqual(len(before), 3)  # the goals, the förbund's figures, the insatsers'

    def test_survey_goals_cost_two_queries_whatever_their_number_and_years(self):
        """Issue 15: one query per survey goal and year made the goals page 42× the floor."""
        statement = self.statement()
        self.answers(statement, self.intervention, 2025, [4, 3, 1])
        self.own_goal("Deltagarna får hjälp", measure=Measure.AGREE, statement=statement)
        self.insats_goal(self.intervention, measure=Measure.AGREE, statement=statement)
        with CaptureQueriesContext(connection) as before:
            goal_fulfilment.goal_results(self.association, [2025])
        for year in (2022, 2023, 2024):
            self.answers(statement, self.intervention, year, [4, 1])
        self.own_goal(
            "Minst hälften instämmer",
            measure=Measure.AGREE,
            statement=statement,
            comparison=Comparison.AT_LEAST,
            threshold=50,
        )
        with self.assertNumQueries(len(before)):
            results = goal_fulfilment.goal_results(self.association, [2022, 2023, 2024, 2025])
        # The goals, the förbund's figures, the insatsers', the answers, the refused ones.
        self.assertEqual(len(before), 5)
        insats = next(r for r in results if r.intervention is not None)
        by_year = {y.year: y for y in insats.years}
        self.assertEqual((figure(by_year[2025]).part, figure(by_year[2025]).whole), (2, 3))
        self.assertEqual((figure(by_year[2024]).part, figure(by_year[2024]).whole), (1, 2))


class BindingTests(FollowupCase):
    def setUp(self):
        self.intervention = self.insats("Stöd till arbete")
        self.goal = self.intervention.applications.get().goals.get()

    def test_an_insats_goal_is_bound_once(self):
        measured_goals.goal_bind(
            association=self.association,
            by=self.office,
            application_goal=self.goal,
            measure=Measure.TO_WORK,
            comparison=Comparison.HIGHER_THAN_LAST_YEAR,
            threshold=40,
        )
        bound = MeasuredGoal.objects.get(application_goal=self.goal)
        self.assertIsNone(bound.threshold)  # only "at least" keeps a threshold
        with refused(self, "redan kopplat till ett mått"):
            self.insats_goal(self.intervention)

    def test_an_agree_goal_needs_a_statement_of_the_forbund(self):
        with self.assertRaises(ValidationError) as caught:
            self.insats_goal(self.intervention, measure=Measure.AGREE)
        self.assertIn("Välj vilket påstående", caught.exception.message_dict["statement"][0])
        theirs = Statement.objects.create(
            questionnaire=Questionnaire.objects.create(
                association=self.other,
                name="Härnösands enkät",
                audience="end",
                scale=self.statement().questionnaire.scale,
            ),
            position=1,
            text="Deras påstående",
        )
        with self.assertRaises(ValidationError) as caught:
            self.insats_goal(self.intervention, measure=Measure.AGREE, statement=theirs)
        self.assertIn(
            "hör inte till förbundets enkäter", caught.exception.message_dict["statement"][0]
        )

    def test_at_least_needs_a_threshold_of_at_most_100_for_a_share(self):
        with self.assertRaises(ValidationError) as caught:
            self.insats_goal(self.intervention, comparison=Comparison.AT_LEAST)
        self.assertEqual(
            caught.exception.message_dict["threshold"], ["Ange gränsen som siffran ska nå."]
        )
        with self.assertRaises(ValidationError) as caught:
            self.insats_goal(self.intervention, comparison=Comparison.AT_LEAST, threshold=120)
        self.assertIn("högst 100", caught.exception.message_dict["threshold"][0])
        # A number of participants may be above 100.
        goal = self.insats_goal(
            self.intervention,
            measure=Measure.PARTICIPANTS,
            comparison=Comparison.AT_LEAST,
            threshold=120,
        )
        self.assertEqual(goal.threshold, 120)

    def test_a_forbund_goal_needs_its_wording(self):
        with self.assertRaises(ValidationError) as caught:
            self.own_goal("  ")
        self.assertEqual(caught.exception.message_dict["text"], ["Skriv förbundets mål."])

    def test_a_goal_of_another_forbunds_application_is_refused(self):
        theirs = ApplicationGoal.objects.filter(application__association=self.other).first()
        assert theirs is not None
        with refused(self, "Bara mål i förbundets beviljade ansökningar"):
            measured_goals.goal_bind(
                association=self.association,
                by=self.office,
                application_goal=theirs,
                measure=Measure.TO_WORK,
                comparison=Comparison.HIGHER_THAN_LAST_YEAR,
            )

    def test_unbinding_keeps_the_goal_in_the_application(self):
        bound = self.insats_goal(self.intervention)
        measured_goals.goal_unbind(goal=bound, by=self.office)
        self.assertFalse(MeasuredGoal.objects.filter(pk=bound.pk).exists())
        self.assertTrue(ApplicationGoal.objects.filter(pk=self.goal.pk).exists())


class GoalPageTests(FollowupCase):
    def setUp(self):
        self.intervention = self.insats("Stöd till arbete")
        self.application_goal = self.intervention.applications.get().goals.get()
        self.counts(
            self.intervention, 2024, new=(5, 5, 0), ended=(3, 2, 0), to={"work": 2, "dropout": 3}
        )
        self.counts(
            self.intervention, 2025, new=(7, 7, 0), ended=(4, 4, 0), to={"work": 5, "dropout": 3}
        )
        self.list_url = self.url("uppfoljning/mal/")
        self.create_url = self.url("uppfoljning/mal/ny/")

    def test_the_kansli_sees_every_insats_goal_and_the_result_per_year(self):
        self.insats_goal(self.intervention)
        self.own_goal("Fler deltagare avslutas till studier eller arbete")
        self.login(self.office)
        response = self.client.get(self.list_url)
        self.assertContains(response, f'id="insats-{self.intervention.pk}"')
        self.assertContains(
            response,
            "Fler avslutas till arbete eller studier 2025 jämfört med 2024: uppnått "
            "(63\u00a0% mot 40\u00a0%; 5 av 8 mot 2 av 5 avslutade)",
        )
        self.assertContains(response, "Fler deltagare avslutas till studier eller arbete")
        # An insats goal from the demo applications, not yet bound, can be bound.
        psykolog = Intervention.objects.get(association=self.association, name="Psykolog")
        other = psykolog.applications.get().goals.first()
        assert other is not None
        self.assertContains(response, f"?mal={other.pk}")

    def test_binding_an_insats_goal(self):
        self.login(self.office)
        url = f"{self.create_url}?mal={self.application_goal.pk}"
        self.assertContains(self.client.get(url), self.application_goal.text)
        response = self.client.post(
            url,
            {"measure": Measure.TO_WORK_OR_STUDIES, "comparison": Comparison.HIGHER_THAN_LAST_YEAR},
        )
        self.assertRedirects(response, self.list_url)
        bound = MeasuredGoal.objects.get(application_goal=self.application_goal)
        self.assertEqual(bound.measure, Measure.TO_WORK_OR_STUDIES)
        # Asked again, the page offers the binding there is.
        self.assertRedirects(self.client.get(url), self.url(f"uppfoljning/mal/{bound.pk}/andra/"))

    def test_a_new_forbund_goal(self):
        self.login(self.office)
        response = self.client.post(
            self.create_url,
            {
                "text": "Minst 30 % avslutas till arbete eller studier",
                "measure": Measure.TO_WORK_OR_STUDIES,
                "comparison": Comparison.AT_LEAST,
                "threshold": "30",
            },
        )
        self.assertRedirects(response, self.list_url)
        goal = MeasuredGoal.objects.get(text="Minst 30 % avslutas till arbete eller studier")
        self.assertEqual((goal.threshold, goal.application_goal), (30, None))

    def test_errors_are_shown_at_the_fields_in_swedish(self):
        self.login(self.office)
        response = self.client.post(
            self.create_url,
            {"text": "Ett mål", "measure": Measure.AGREE, "comparison": Comparison.AT_LEAST},
        )
        self.assertEqual(response.status_code, 400)
        form = response.context["form"]
        self.assertIn("Välj vilket påstående", form.errors["statement"][0])
        self.assertEqual(form.errors["threshold"], ["Ange gränsen som siffran ska nå."])
        self.assertContains(response, "Formuläret innehåller fel", status_code=400)
        self.assertContains(response, 'value="Ett mål"', status_code=400)
        self.assertFalse(MeasuredGoal.objects.filter(text="Ett mål").exists())

    def test_changing_and_removing_a_goal(self):
        goal = self.insats_goal(self.intervention)
        self.login(self.office)
        update = self.url(f"uppfoljning/mal/{goal.pk}/andra/")
        self.assertContains(self.client.get(update), "Ändra hur målet följs upp")
        response = self.client.post(
            update,
            {"measure": Measure.TO_WORK, "comparison": Comparison.AT_LEAST, "threshold": "50"},
        )
        self.assertRedirects(response, self.list_url)
        goal.refresh_from_db()
        self.assertEqual((goal.measure, goal.threshold), (Measure.TO_WORK, 50))
        response = self.client.post(self.url(f"uppfoljning/mal/{goal.pk}/ta-bort/"))
        self.assertRedirects(response, self.list_url)
        self.assertFalse(MeasuredGoal.objects.filter(pk=goal.pk).exists())

    def test_only_the_kansli_binds_goals(self):
        goal = self.insats_goal(self.intervention)
        for user in (self.board, self.chair, self.applicant):
            self.login(user)
            self.assertEqual(self.client.get(self.list_url).status_code, 403)
            self.assertEqual(self.client.get(self.create_url).status_code, 403)
            self.assertEqual(self.client.post(self.create_url, {"text": "x"}).status_code, 403)
            self.assertEqual(
                self.client.get(self.url(f"uppfoljning/mal/{goal.pk}/andra/")).status_code, 403
            )
            self.assertEqual(
                self.client.post(self.url(f"uppfoljning/mal/{goal.pk}/ta-bort/")).status_code, 403
            )
        self.assertTrue(MeasuredGoal.objects.filter(pk=goal.pk).exists())

    def test_another_forbund_gets_404(self):
        goal = self.insats_goal(self.intervention)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.list_url).status_code, 404)
        self.assertEqual(
            self.client.get(self.url(f"uppfoljning/mal/{goal.pk}/andra/")).status_code, 404
        )
        # The kansli of Härnösand–Timrå asking for Sundsvall's goal at its own address.
        theirs = f"/f/{self.other.slug}/uppfoljning/mal/"
        self.assertEqual(self.client.get(f"{theirs}{goal.pk}/andra/").status_code, 404)
        self.assertEqual(self.client.post(f"{theirs}{goal.pk}/ta-bort/").status_code, 404)
        self.assertEqual(
            self.client.get(f"{theirs}ny/?mal={self.application_goal.pk}").status_code, 404
        )
        self.assertTrue(MeasuredGoal.objects.filter(pk=goal.pk).exists())

    def test_wrong_methods(self):
        goal = self.insats_goal(self.intervention)
        self.login(self.office)
        self.assertEqual(self.client.post(self.list_url).status_code, 405)
        self.assertEqual(
            self.client.get(self.url(f"uppfoljning/mal/{goal.pk}/ta-bort/")).status_code, 405
        )
        self.assertEqual(self.client.put(self.create_url).status_code, 405)

    def test_the_goal_page_cost_is_fixed(self):
        self.insats_goal(self.intervention)
        self.own_goal("Fler avslutas till arbete eller studier")
        self.login(self.office)
        self.client.get(self.list_url)  # the session
        association_pages_changed(association_id=self.association.pk)
        with CaptureQueriesContext(connection) as before:
            self.client.get(self.list_url)
        with self.assertNumQueries(2):  # kept until the förbund's records change
            self.client.get(self.list_url)
        other = self.insats("Andra insatsen", years=(2025, 2026))
        self.counts(other, 2026)
        self.insats_goal(other)
        self.own_goal("Fler deltagare", measure=Measure.PARTICIPANTS)
        with self.assertNumQueries(len(before)):
            self.client.get(self.list_url)
        # Session, user, the goals, the förbund's figures, the insatsers', their goal_fulfilment.
        self.assertEqual(len(before), 6)
