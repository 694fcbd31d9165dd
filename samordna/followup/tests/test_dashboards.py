"""The dashboards of the förbund and of an insats: figures from approved counts only, small
counts hidden for everyone but the kansli, charts with a table, goals, and a fixed cost.

The demo holds figures for 2020–2023; these tests count in 2024 and 2025, so what the
förbund's dashboard shows for those years is exactly what a test entered."""

import re
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from samordna.accounts.models import Role, User
from samordna.associations.cache import association_pages_changed
from samordna.core.tests.base import SamordnaTestCase
from samordna.followup import services
from samordna.followup.dashboards import Dashboard
from samordna.followup.models import (
    Audience,
    Comparison,
    Measure,
    MeasuredGoal,
    ParticipantReport,
    Questionnaire,
    Scale,
    ScaleStep,
    Statement,
    SurveyAnswer,
    SurveyResponse,
    SurveyRound,
)
from samordna.followup.services import measured_goals
from samordna.followup.tests.helpers import approved, balanced
from samordna.interventions.models import Intervention
from samordna.interventions.tests.helpers import D, granted


class FollowupCase(SamordnaTestCase):
    """Builders: an insats of Sundsvalls kommun granted for some years, its counts approved
    per half year, goals and survey answers. The demo's goals are set aside, so that each
    test counts only its own."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        MeasuredGoal.objects.filter(association=cls.association).delete()

    def insats(
        self, name: str, *, years: tuple[int, ...] = (2024, 2025), direction: str = "individual"
    ) -> Intervention:
        decision = granted(
            self.association,
            self.office,
            self.applicant,
            name=name,
            direction=direction,
            amounts={year: 100_000 for year in years},
        )
        intervention = decision.application.intervention
        assert intervention is not None
        return intervention

    def counts(
        self, intervention: Intervention, year: int, *, half: int = 0, **counts: Any
    ) -> ParticipantReport:
        """Counts for the year's first (or `half`) period, entered and approved."""
        period = services.periods_for_year(association=self.association, year=year)[half]
        return approved(intervention, period, self.applicant, self.office, **counts)

    def submitted_only(
        self, intervention: Intervention, year: int, *, half: int = 0, **counts: Any
    ) -> ParticipantReport:
        period = services.periods_for_year(association=self.association, year=year)[half]
        report = services.counts_open(intervention=intervention, period=period, by=self.applicant)
        services.counts_save(
            report=report, by=self.applicant, version=report.version, values=balanced(**counts)
        )
        return services.counts_submit(report=report, by=self.applicant, version=report.version)

    def insats_goal(self, intervention: Intervention, **fields: Any):
        application_goal = intervention.applications.get().goals.get()
        fields.setdefault("measure", Measure.TO_WORK_OR_STUDIES)
        fields.setdefault("comparison", Comparison.HIGHER_THAN_LAST_YEAR)
        return measured_goals.goal_bind(
            association=self.association,
            by=self.office,
            application_goal=application_goal,
            **fields,
        )

    def own_goal(self, text: str, **fields: Any):
        fields.setdefault("measure", Measure.TO_WORK_OR_STUDIES)
        fields.setdefault("comparison", Comparison.HIGHER_THAN_LAST_YEAR)
        return measured_goals.goal_bind(
            association=self.association, by=self.office, text=text, **fields
        )

    def statement(self, text: str = "Jag har fått hjälp att hantera min situation.") -> Statement:
        scale = Scale.objects.create(association=self.association, name="Fyra steg, test")
        for value, label in enumerate(
            ["Stämmer inte alls", "Stämmer ganska dåligt", "Stämmer ganska bra", "Stämmer helt"],
            start=1,
        ):
            ScaleStep.objects.create(scale=scale, value=value, label=label, agrees=value >= 3)
        questionnaire = Questionnaire.objects.create(
            association=self.association,
            name="Deltagarenkät vid avslut",
            audience=Audience.END,
            scale=scale,
        )
        return Statement.objects.create(questionnaire=questionnaire, position=1, text=text)

    def answers(
        self, statement: Statement, intervention: Intervention | None, year: int, values: list[int]
    ) -> None:
        """Paper answers to the statement in a round of `year`."""
        survey_round = SurveyRound.objects.create(
            association=self.association,
            questionnaire=statement.questionnaire,
            intervention=intervention,
            year=year,
            title=f"Enkät {year}",
            opens_on=D(year, 1, 1),
            closes_on=D(year, 12, 31),
        )
        for value in values:
            response = SurveyResponse.objects.create(round=survey_round, on_paper=True)
            SurveyAnswer.objects.create(response=response, statement=statement, value=value)

    def dashboard_of(self, response: Any) -> Dashboard:
        self.assertEqual(response.status_code, 200)
        return response.context["dashboard"]

    def other_applicant(self) -> User:
        """Staff at Försäkringskassan: an insatsägare, but not of Sundsvalls kommun's insatser."""
        return User.objects.create(
            username="fk.handlaggare",
            role=Role.APPLICANT,
            association=self.association,
            member=self.association.members.get(name="Försäkringskassan"),
        )


def row(dashboard_table: Any, label: str) -> list[Any]:
    return next(r.values for r in dashboard_table.rows if r.label == label)


class AssociationDashboardTests(FollowupCase):
    def setUp(self):
        self.first = self.insats("Stöd till arbete")
        self.second = self.insats("Studiestöd i samverkan")
        # 2024: 10 + 8 participants, 3 + 5 ended (to work 2 + 3, to studies 0 + 1).
        self.counts(self.first, 2024, new=(6, 4, 0), ended=(2, 1, 0), to={"work": 2, "dropout": 1})
        self.counts(
            self.second,
            2024,
            new=(5, 3, 0),
            ended=(3, 2, 0),
            to={"work": 3, "studies": 1, "job_seeking": 1},
        )
        # 2025: 20 participants, 16 ended, 8 to work, 2 to studies (a small count).
        self.counts(
            self.first,
            2025,
            new=(12, 8, 0),
            ended=(10, 6, 0),
            to={"work": 8, "studies": 2, "job_seeking": 6},
        )
        self.url_ = self.url("uppfoljning/forbundet/")

    def test_the_table_of_the_minutes_sums_the_approved_counts_per_year(self):
        self.login(self.office)
        summary = self.dashboard_of(self.client.get(self.url_)).figures.summary
        texts = [v.text for v in row(summary, "2024")]
        self.assertEqual(texts, ["18", "8", "5", "1", "6", "75\u00a0%"])
        self.assertEqual([v.text for v in row(summary, "2025")][:3], ["20", "16", "8"])

    def test_counts_not_yet_approved_are_left_out(self):
        self.submitted_only(self.second, 2025, new=(30, 30, 0), ended=(0, 0, 0))
        self.login(self.office)
        summary = self.dashboard_of(self.client.get(self.url_)).figures.summary
        self.assertEqual(row(summary, "2025")[0].text, "20")

    def test_the_kansli_sees_small_counts(self):
        self.login(self.office)
        response = self.client.get(self.url_)
        summary = self.dashboard_of(response).figures.summary
        self.assertEqual([v.text for v in row(summary, "2025")][3:], ["2", "10", "63\u00a0%"])
        self.assertContains(response, "Internt – innehåller små tal")

    def test_a_board_member_sees_small_counts_hidden_and_not_derivable(self):
        self.login(self.board)
        response = self.client.get(self.url_)
        summary = self.dashboard_of(response).figures.summary
        participants, ended, work, studies, work_or_studies, share = row(summary, "2025")
        self.assertTrue(studies.hidden)
        # Which other cells hide depends on every year's table; what matters is that the
        # two to studies cannot be worked out from what is shown.
        self.assertFalse(work_or_studies.shown and work.shown)
        self.assertTrue(share.hidden or work_or_studies.shown)
        self.assertEqual(ended.text, "16")
        self.assertEqual(participants.text, "20")
        self.assertContains(response, "dolt, färre än 5 eller skyddar ett litet tal")
        self.assertContains(response, "antal under 5 visas som ett streck")
        self.assertNotContains(response, "Internt – innehåller små tal")

    def test_no_shown_count_of_people_is_small_for_a_board_member(self):
        self.login(self.board)
        dashboard = self.dashboard_of(self.client.get(self.url_))
        for table in dashboard.tables:
            for table_row in table.rows:
                for value in table_row.values:
                    if value.shown and not value.percent and table.key != "strukturella":
                        self.assertFalse(0 < (value.number or 0) < 5, (table.key, table_row.label))

    def test_demo_figures_are_marked(self):
        ParticipantReport.objects.filter(intervention=self.first).update(demo=True)
        self.login(self.board)
        self.assertContains(self.client.get(self.url_), "Demosiffror.")

    def test_the_charts_are_svg_with_a_text_alternative_and_the_table_below(self):
        self.login(self.office)
        content = self.client.get(self.url_).content.decode()
        figures = re.findall(r"<figure.*?</figure>\s*<div class=\"table-scroll\"", content, re.S)
        self.assertEqual(len(figures), 2)
        first = figures[0]
        self.assertIn("<figcaption", first)
        self.assertRegex(first, r'<svg[^>]*role="img"')
        label = re.search(r'aria-label="([^"]*)"', first)
        assert label is not None
        self.assertIn(
            "2025: deltagare 20, avslutade 16, totalt till arbete eller studier 10", label[1]
        )
        # Coordinates are written with a point, whatever the language of the page.
        self.assertNotRegex(first, r'(x|y|width|height)="\d+,\d')
        self.assertIn('<caption id="deltagare-caption">Deltagare och avslutade per år', content)

    def test_the_forbunds_own_goals_are_judged_per_year(self):
        self.own_goal("Fler deltagare avslutas till studier eller arbete")
        self.login(self.board)
        response = self.client.get(self.url_)
        result = self.dashboard_of(response).goals[0]
        years = {y.year: y for y in result.years}
        # 2025: 63 % (10 of 16) against 75 % (6 of 8) in 2024.
        self.assertEqual(years[2025].verdict, "inte uppnått")
        # The board member sees the verdict, not the figures built on a small count.
        self.assertTrue(years[2025].hidden)
        self.assertContains(response, "Fler deltagare avslutas till studier eller arbete")

    def test_survey_results_show_the_share_agreeing_per_year(self):
        statement = self.statement()
        self.answers(statement, self.first, 2025, [4, 3, 3, 2, 1, 4])
        self.answers(statement, self.first, 2024, [4, 1])
        self.login(self.board)
        dashboard = self.dashboard_of(self.client.get(self.url_))
        assert dashboard.surveys is not None
        surveys = dashboard.surveys
        found = row(surveys, f"Deltagarenkät vid avslut: {statement.text}")
        by_column = dict(zip(surveys.columns[1:], found, strict=True))
        # 2024: two answers, too few to show; 2025: 4 of 6 agree.
        self.assertTrue(by_column["Andel som instämmer 2024"].hidden)
        self.assertTrue(by_column["Antal svar 2024"].hidden)
        self.assertEqual(by_column["Andel som instämmer 2025"].text, "67\u00a0%")
        self.assertEqual(by_column["Antal svar 2025"].text, "6")

    def test_register_readers_only(self):
        self.login(self.applicant)
        self.assertEqual(self.client.get(self.url_).status_code, 403)

    def test_another_forbund_gets_404(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url_).status_code, 404)

    def test_wrong_method(self):
        self.login(self.office)
        self.assertEqual(self.client.post(self.url_).status_code, 405)

    def queries(self, user: User) -> tuple[int, int]:
        """The page's queries when built anew (after a change) and when kept."""
        self.login(user)
        self.client.get(self.url_)  # the session
        association_pages_changed(association_id=self.association.pk)
        with CaptureQueriesContext(connection) as built:
            self.assertEqual(self.client.get(self.url_).status_code, 200)
        with CaptureQueriesContext(connection) as kept:
            self.assertEqual(self.client.get(self.url_).status_code, 200)
        return len(built), len(kept)

    def test_the_cost_is_fixed_whatever_the_years_insatser_and_goals(self):
        self.own_goal("Fler avslutas till arbete eller studier")
        self.insats_goal(self.first)
        before = self.queries(self.office)
        third = self.insats("Tredje insatsen", years=(2024, 2025, 2026))
        self.counts(third, 2026, new=(7, 7, 0), ended=(3, 3, 0))
        self.counts(self.second, 2025, new=(9, 9, 0), ended=(4, 4, 0))
        self.own_goal("Fler deltagare", measure=Measure.PARTICIPANTS)
        self.insats_goal(third)
        statement = self.statement()
        self.answers(statement, third, 2026, [4, 4, 4, 4, 4])
        self.assertEqual(self.queries(self.office), before)
        self.assertEqual(self.queries(self.board), before)
        # Built: session, user, settings, the figures, the goals, the surveys, the insatser.
        # Kept until the förbund's records change: session and user.
        self.assertEqual(before, (7, 2))


class InterventionDashboardTests(FollowupCase):
    def setUp(self):
        self.intervention = self.insats("Stöd till arbete")
        self.counts(self.intervention, 2024, new=(6, 4, 0), ended=(2, 1, 0), to={"work": 3})
        self.counts(
            self.intervention,
            2025,
            new=(12, 8, 0),
            ended=(10, 6, 0),
            to={"work": 8, "studies": 2, "job_seeking": 6},
        )
        services.planned_set(intervention=self.intervention, by=self.office, year=2025, planned=24)
        self.url_ = self.url(f"uppfoljning/insatser/{self.intervention.pk}/")

    def test_the_insatsagare_sees_their_own_insats_with_small_counts_hidden(self):
        self.login(self.applicant)
        response = self.client.get(self.url_)
        summary = self.dashboard_of(response).figures.summary
        self.assertTrue(row(summary, "2025")[3].hidden)
        self.assertContains(response, "Uppföljning av Stöd till arbete")

    def test_the_kansli_sees_every_figure(self):
        self.login(self.office)
        summary = self.dashboard_of(self.client.get(self.url_)).figures.summary
        self.assertEqual(
            [v.text for v in row(summary, "2024")], ["10", "3", "3", "0", "3", "100\u00a0%"]
        )
        self.assertEqual(row(summary, "2025")[3].text, "2")

    def test_planned_participants_against_the_counted(self):
        self.login(self.office)
        planned = self.dashboard_of(self.client.get(self.url_)).planned
        assert planned is not None
        self.assertEqual([v.text for v in row(planned, "2025")], ["24", "20"])
        self.assertEqual([v.text for v in row(planned, "2024")], ["–", "10"])

    def test_its_goals_are_judged_per_year(self):
        self.insats_goal(self.intervention, comparison=Comparison.AT_LEAST, threshold=50)
        self.login(self.office)
        response = self.client.get(self.url_)
        result = self.dashboard_of(response).goals[0]
        self.assertEqual([y.verdict for y in result.years], ["uppnått", "uppnått"])
        figure = result.years[1].figure
        self.assertEqual(figure.text if figure else None, "63\u00a0%")
        self.assertContains(response, "Fler avslutas till arbete eller studier")

    def test_a_structural_insats_shows_activities_and_organisations(self):
        structural = self.insats("Kunskap om sjukförsäkringen", direction="structural")
        period = services.periods_for_year(association=self.association, year=2025)[0]
        report = services.counts_open(intervention=structural, period=period, by=self.office)
        values = balanced(new=(0, 0, 0), ended=(0, 0, 0))
        values.update(activity_participants=3, organisations=4)
        services.counts_save(report=report, by=self.office, version=report.version, values=values)
        services.counts_submit(report=report, by=self.office, version=report.version)
        services.counts_approve(report=report, by=self.office)
        self.login(self.board)
        url = self.url(f"uppfoljning/insatser/{structural.pk}/")
        dashboard = self.dashboard_of(self.client.get(url))
        assert dashboard.structural is not None
        activity, organisations = row(dashboard.structural, "2025")
        self.assertTrue(activity.hidden)
        self.assertEqual(organisations.text, "4")  # organisations are not people
        self.assertEqual(dashboard.figures.years, [])

    def test_another_organisations_insatsagare_gets_404(self):
        self.login(self.other_applicant())
        self.assertEqual(self.client.get(self.url_).status_code, 404)

    def test_another_forbund_gets_404(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url_).status_code, 404)

    def test_wrong_method(self):
        self.login(self.applicant)
        self.assertEqual(self.client.post(self.url_).status_code, 405)

    def test_the_insats_page_links_to_its_follow_up(self):
        self.login(self.office)
        response = self.client.get(self.url(f"insatser/{self.intervention.pk}/"))
        self.assertContains(
            response, f'href="/f/sundsvall/uppfoljning/insatser/{self.intervention.pk}/"'
        )
        self.assertContains(response, "Koppla insatsens mål till mått")
        self.login(self.applicant)
        response = self.client.get(self.url(f"insatser/{self.intervention.pk}/"))
        self.assertContains(response, "Deltagare, resultat och mål för insatsen")
        self.assertNotContains(response, "Koppla insatsens mål till mått")

    def test_the_cost_is_fixed_whatever_the_years(self):
        self.insats_goal(self.intervention)
        self.login(self.applicant)
        self.client.get(self.url_)
        with CaptureQueriesContext(connection) as before:
            self.client.get(self.url_)
        self.counts(
            self.intervention, 2025, half=1, start=(2, 2, 0), new=(3, 3, 0), ended=(1, 1, 0)
        )
        third = self.insats("Tredje insatsen", years=(2026,))
        self.counts(third, 2026)
        with CaptureQueriesContext(connection) as after:
            self.client.get(self.url_)
        self.assertEqual(len(after), len(before))
        # Session, user, the insats, settings, its figures, its plan, goals, surveys.
        self.assertEqual(len(before), 8)
        with self.assertNumQueries(len(before)):
            self.client.get(self.url_)
