"""A survey link cannot be flooded: it takes the answers the round expects and a margin,
and at most five from one address in ten minutes. What it refuses is counted on the round
and shown where the answers are used (the goal pages)."""

import datetime

import time_machine
from django.urls import reverse

from samordna.followup import goal_fulfilment
from samordna.followup.goal_fulfilment import GoalVerdict
from samordna.followup.models import (
    AnswerThrottle,
    Comparison,
    Measure,
    SurveyResponse,
    SurveyRound,
)
from samordna.followup.services import surveys
from samordna.followup.tests.test_dashboards import FollowupCase
from samordna.followup.tests.test_survey_views import SurveyCase, form_key
from samordna.interventions.tests.helpers import D, at

TODAY = D(2024, 3, 15)


class AnswerCapTests(SurveyCase):
    def test_the_cap_is_the_expected_number_and_ten_per_cent_at_least_two(self):
        for expected, cap in [(1, 3), (10, 12), (20, 22), (21, 24), (100, 110)]:
            self.survey.expected_respondents = expected
            self.assertEqual(surveys.answer_cap(self.survey), cap, expected)
        self.survey.expected_respondents = None
        self.assertIsNone(surveys.answer_cap(self.survey))


@time_machine.travel(at(TODAY), tick=False)
class PublicLinkLimitTests(SurveyCase):
    def setUp(self):
        super().setUp()
        self.address = reverse("survey:answer", args=[self.survey.token])

    def send(self, remote: str):
        # "Svara igen": several participants may share one computer.
        page = self.client.get(self.address, {"igen": "1"}, REMOTE_ADDR=remote)
        data = {"key": form_key(page.content), f"statement_{self.first.pk}": "4"}
        return self.client.post(self.address, data, REMOTE_ADDR=remote)

    def web_answers(self) -> int:
        return SurveyResponse.objects.filter(round=self.survey, on_paper=False).count()

    def test_one_address_sends_five_answers_and_the_sixth_is_refused_and_counted(self):
        for _ in range(5):
            self.assertEqual(self.send("198.51.100.7").status_code, 302)
        response = self.send("198.51.100.7")
        self.assertContains(response, "Många svar har kommit från samma nätverk", status_code=400)
        self.assertEqual(self.web_answers(), 5)
        self.survey.refresh_from_db()
        self.assertEqual(self.survey.refused_answers, 1)
        # Another address still answers, and ten minutes later the first one does too.
        self.assertEqual(self.send("198.51.100.8").status_code, 302)
        with time_machine.travel(at(TODAY) + datetime.timedelta(minutes=21), tick=False):
            self.assertEqual(self.send("198.51.100.7").status_code, 302)
        self.assertEqual(self.web_answers(), 7)

    def test_the_address_is_not_stored_and_old_windows_are_forgotten(self):
        self.send("198.51.100.7")
        (throttle,) = AnswerThrottle.objects.all()
        self.assertNotIn("198.51.100.7", throttle.address_hash)
        self.assertEqual(len(throttle.address_hash), 64)
        with time_machine.travel(at(TODAY) + datetime.timedelta(minutes=30), tick=False):
            self.send("198.51.100.9")
        self.assertEqual(AnswerThrottle.objects.count(), 1)

    def test_the_link_takes_the_expected_answers_and_a_margin_then_refuses(self):
        surveys.round_set_expected(round=self.survey, by=self.office, expected_respondents=4)
        cap = 4 + 2
        for number in range(cap):
            self.assertEqual(self.send(f"198.51.100.{number}").status_code, 302)
        response = self.send("198.51.100.200")
        self.assertContains(response, "Enkäten har redan fått så många svar", status_code=400)
        self.send("198.51.100.201")
        self.assertEqual(self.web_answers(), cap)
        self.survey.refresh_from_db()
        self.assertEqual(self.survey.refused_answers, 2)

    def test_paper_answers_are_neither_capped_nor_counted_against_the_link(self):
        surveys.round_set_expected(round=self.survey, by=self.office, expected_respondents=1)
        for number in range(5):
            surveys.answer_submit(
                round=self.survey,
                key=f"papper-{number}",
                answers={self.first.pk: 3},
                on_paper=True,
                today=TODAY,
            )
        self.assertEqual(self.send("198.51.100.1").status_code, 302)


@time_machine.travel(at(TODAY), tick=False)
class ExpectedRespondentsPageTests(SurveyCase):
    def test_the_kansli_sets_the_expected_number_and_sees_the_cap_and_refusals(self):
        self.login(self.office)
        url = self.page("round_expected", self.survey.pk)
        response = self.client.post(url, {"expected_respondents": "20"})
        self.assertRedirects(response, self.page("round", self.survey.pk))
        self.survey.refresh_from_db()
        self.assertEqual(self.survey.expected_respondents, 20)
        self.assertEqual(self.survey.history.latest("history_id").history_user, self.office)
        SurveyRound.objects.filter(pk=self.survey.pk).update(refused_answers=3)
        page = self.client.get(self.page("round", self.survey.pk))
        self.assertContains(page, "20 (länken tar emot högst 22 svar)")
        self.assertContains(page, "3 (fler än omgången väntade eller för många från samma adress)")

    def test_the_number_is_required_and_positive(self):
        self.login(self.office)
        url = self.page("round_expected", self.survey.pk)
        for value in ("", "0", "-3"):
            with self.subTest(value=value):
                response = self.client.post(url, {"expected_respondents": value})
                self.assertEqual(response.status_code, 400)

    def test_only_the_kansli_of_the_forbund(self):
        url = self.page("round_expected", self.survey.pk)
        self.login(self.board)
        self.assertEqual(self.client.post(url, {"expected_respondents": "5"}).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.post(url, {"expected_respondents": "5"}).status_code, 404)

    def test_a_new_round_asks_how_many_should_answer(self):
        self.login(self.office)
        data = {
            "questionnaire": self.built.pk,
            "intervention": "",
            "year": "2024",
            "title": "Styrelsen 2024",
            "opens_on": "2024-03-15",
            "closes_on": "2024-04-15",
        }
        response = self.client.post(self.page("round_create"), data)
        self.assertEqual(response.status_code, 400)
        response = self.client.post(self.page("round_create"), {**data, "expected_respondents": 9})
        self.assertEqual(SurveyRound.objects.get(title="Styrelsen 2024").expected_respondents, 9)


class GoalRefusedAnswersTests(FollowupCase):
    def test_the_goal_says_how_many_answers_the_link_refused(self):
        intervention = self.insats("Stöd till arbete")
        statement = self.statement()
        self.answers(statement, intervention, 2025, [4, 3, 1])
        SurveyRound.objects.filter(questionnaire=statement.questionnaire, year=2025).update(
            refused_answers=7
        )
        self.insats_goal(
            intervention,
            measure=Measure.AGREE,
            statement=statement,
            comparison=Comparison.AT_LEAST,
            threshold=50,
        )
        (result,) = goal_fulfilment.goal_results_for(intervention, [2025])
        (year,) = result.years
        self.assertEqual((year.verdict, year.refused), (GoalVerdict.MET, 7))
        self.assertIn("7 svar avvisades av enkätlänken och räknas inte", result.sentence(year))

        self.counts(intervention, 2025)  # the page judges the years with approved counts
        self.login(self.office)
        page = self.client.get(self.url("uppfoljning/mal/"))
        self.assertContains(page, "7 svar avvisades av enkätlänken och räknas inte")
