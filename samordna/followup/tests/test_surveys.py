"""Indicator surveys: scales, questionnaires and their statements, rounds and their dates,
the rules an answer sheet obeys, and the results counted in the database."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.tests.base import SamordnaTestCase
from samordna.followup.models import (
    Questionnaire,
    Scale,
    Statement,
    SurveyAnswer,
    SurveyResponse,
    SurveyRound,
    UsedFormKey,
)
from samordna.followup.services import surveys
from samordna.followup.services.surveys import StepInput
from samordna.followup.tests.helpers import without_demo_surveys
from samordna.interventions.models import Intervention
from samordna.interventions.tests.helpers import D, refused

TODAY = D(2024, 3, 15)


def questionnaire(
    association: Association,
    by: User,
    *statements: str,
    name: str = "Deltagare vid avslut",
    audience: str = "end",
    scale: Scale | None = None,
) -> Questionnaire:
    """A questionnaire on the four-step scale with the statements given (two by default)."""
    scale = scale or surveys.default_scales(association, by=by)[0]
    built = surveys.questionnaire_create(
        association=association, by=by, name=name, audience=audience, scale=scale
    )
    for text in statements or ("Jag har blivit bemött med respekt.", "Jag har fått stöd."):
        surveys.statement_add(questionnaire=built, by=by, text=text)
    return built


def survey_round(
    association: Association,
    by: User,
    built: Questionnaire,
    *,
    intervention: Intervention | None = None,
    year: int = 2024,
    opens_on: datetime.date | None = None,
    closes_on: datetime.date | None = None,
) -> SurveyRound:
    """A round of `year`, open the whole year unless the dates say otherwise."""
    return surveys.round_open(
        association=association,
        by=by,
        questionnaire=built,
        intervention=intervention,
        year=year,
        opens_on=opens_on or D(year, 1, 1),
        closes_on=closes_on or D(year, 12, 31),
    )


def answered(survey: SurveyRound, *sheets: tuple[int | None, ...], on_paper: bool = False) -> None:
    """One answer sheet per tuple: the values for the statements in order (None: skipped)."""
    statements = list(Statement.objects.filter(questionnaire_id=survey.questionnaire_id))
    start = UsedFormKey.objects.filter(round=survey).count()
    for n, values in enumerate(sheets, start=start):
        surveys.answer_submit(
            round=survey,
            key=None if on_paper else f"nyckel-{n}",
            answers={s.pk: v for s, v in zip(statements, values, strict=True)},
            on_paper=on_paper,
            today=survey.opens_on,
        )


def insats(association: Association, owner: str = "Sundsvalls kommun") -> Intervention:
    return Intervention.objects.filter(association=association, owner__name=owner).order_by("pk")[0]


class SurveyTestCase(SamordnaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        without_demo_surveys()


class ScaleTests(SurveyTestCase):
    def test_the_default_scales_are_made_once_with_their_agreeing_steps(self):
        four, five = surveys.default_scales(self.association, by=self.office)
        self.assertEqual(four.name, "Fyrgradig skala")
        self.assertEqual(
            [(s.value, s.label, s.agrees) for s in four.steps.all()],
            [
                (1, "Stämmer inte alls", False),
                (2, "Stämmer ganska dåligt", False),
                (3, "Stämmer ganska bra", True),
                (4, "Stämmer helt", True),
            ],
        )
        self.assertEqual(five.name, "Femgradig skala")
        steps = list(five.steps.all())
        self.assertEqual(
            (steps[0].label, steps[-1].label), ("Instämmer inte alls", "Instämmer helt")
        )
        self.assertEqual([s.value for s in steps if s.agrees], [4, 5])
        again = surveys.default_scales(self.association, by=self.office)
        self.assertEqual([s.pk for s in again], [four.pk, five.pk])
        self.assertEqual(Scale.objects.filter(association=self.association).count(), 2)

    def test_the_history_records_who_made_the_scale(self):
        scale = surveys.scale_create(
            association=self.association,
            by=self.office,
            name="Tregradig",
            steps=[StepInput(1, "Nej"), StepInput(2, "Delvis"), StepInput(3, "Ja", agrees=True)],
        )
        self.assertEqual(scale.history.get().history_user, self.office)
        self.assertEqual(scale.steps.get(value=3).history.get().history_user, self.office)

    def test_a_scale_needs_two_steps_with_values_of_their_own(self):
        with refused(self, "minst två steg"):
            surveys.scale_create(
                association=self.association,
                by=self.office,
                name="Ett steg",
                steps=[StepInput(1, "Ja", agrees=True)],
            )
        with refused(self, "2 finns flera gånger"):
            surveys.scale_create(
                association=self.association,
                by=self.office,
                name="Dubbel",
                steps=[StepInput(1, "Nej"), StepInput(2, "Ja", True), StepInput(2, "Kanske")],
            )

    def test_a_scale_needs_steps_that_agree_and_steps_that_do_not(self):
        with refused(self, "vilka steg som räknas som att man instämmer"):
            surveys.scale_create(
                association=self.association,
                by=self.office,
                name="Ingen",
                steps=[StepInput(1, "Nej"), StepInput(2, "Ja")],
            )
        with refused(self, "Minst ett steg ska räknas som att man inte instämmer"):
            surveys.scale_create(
                association=self.association,
                by=self.office,
                name="Alla",
                steps=[StepInput(1, "Ja", True), StepInput(2, "Ja!", True)],
            )

    def test_a_forbund_names_each_scale_once(self):
        surveys.default_scales(self.association, by=self.office)
        with refused(self, "redan en skala som heter"):
            surveys.scale_create(
                association=self.association,
                by=self.office,
                name="fyrgradig skala",
                steps=[StepInput(1, "Nej"), StepInput(2, "Ja", True)],
            )
        # Another förbund may use the same name.
        surveys.default_scales(self.other, by=self.outsider)
        self.assertEqual(Scale.objects.filter(name="Fyrgradig skala").count(), 2)


class QuestionnaireTests(SurveyTestCase):
    def setUp(self):
        self.built = questionnaire(self.association, self.office, "Ett", "Två", "Tre")

    def texts(self) -> list[str]:
        return list(self.built.statements.values_list("text", flat=True))

    def test_statements_are_added_last_and_move_up_and_down(self):
        self.assertEqual(self.texts(), ["Ett", "Två", "Tre"])
        three = self.built.statements.get(text="Tre")
        surveys.statement_move(statement=three, by=self.office, direction="up")
        self.assertEqual(self.texts(), ["Ett", "Tre", "Två"])
        one = self.built.statements.get(text="Ett")
        surveys.statement_move(statement=one, by=self.office, direction="up")  # already first
        surveys.statement_move(statement=one, by=self.office, direction="down")
        self.assertEqual(self.texts(), ["Tre", "Ett", "Två"])
        self.assertEqual(list(self.built.statements.values_list("position", flat=True)), [1, 2, 3])
        self.assertEqual(one.history.latest().history_user, self.office)

    def test_a_statement_nobody_answered_is_removed_and_the_rest_renumbered(self):
        surveys.statement_remove(statement=self.built.statements.get(text="Ett"), by=self.office)
        self.assertEqual(self.texts(), ["Två", "Tre"])
        self.assertEqual(list(self.built.statements.values_list("position", flat=True)), [1, 2])

    def test_an_answered_statement_cannot_be_removed(self):
        answered(survey_round(self.association, self.office, self.built), (4, None, None))
        two = self.built.statements.get(text="Två")
        with refused(self, "”Två” har besvarats och kan inte tas bort"):
            surveys.statement_remove(statement=two, by=self.office)
        self.assertEqual(self.texts(), ["Ett", "Två", "Tre"])
        # Its wording can still be corrected.
        surveys.statement_update(statement=two, by=self.office, text="Två, rättad")
        self.assertEqual(self.texts(), ["Ett", "Två, rättad", "Tre"])

    def test_the_scale_cannot_change_once_anyone_has_answered(self):
        five = Scale.objects.get(association=self.association, name="Femgradig skala")
        surveys.questionnaire_update(questionnaire=self.built, by=self.office, scale=five)
        self.assertEqual(self.built.scale, five)
        answered(survey_round(self.association, self.office, self.built), (5, 4, 1))
        four = Scale.objects.get(association=self.association, name="Fyrgradig skala")
        with refused(self, "Enkäten har redan svar"):
            surveys.questionnaire_update(questionnaire=self.built, by=self.office, scale=four)
        surveys.questionnaire_update(questionnaire=self.built, by=self.office, name="Avslut")
        self.assertEqual(Questionnaire.objects.get(pk=self.built.pk).name, "Avslut")

    def test_a_scale_of_another_forbund_is_refused(self):
        theirs = surveys.default_scales(self.other, by=self.outsider)[0]
        with refused(self, "Skalan hör till ett annat förbund"):
            questionnaire(self.association, self.office, scale=theirs)


class RoundTests(SurveyTestCase):
    def setUp(self):
        self.built = questionnaire(self.association, self.office)

    def test_a_round_for_an_insats_of_the_forbund(self):
        survey = survey_round(
            self.association, self.office, self.built, intervention=insats(self.association)
        )
        self.assertEqual(
            survey.title,
            "Deltagare vid avslut, Arbetskonsulent för personer med aktivitetsersättning 2024",
        )
        self.assertGreaterEqual(len(survey.token), 16)
        self.assertEqual(survey.history.get().history_user, self.office)

    def test_a_round_for_the_whole_forbund_has_no_insats(self):
        survey = survey_round(self.association, self.office, self.built)
        self.assertIsNone(survey.intervention)
        self.assertEqual(survey.title, "Deltagare vid avslut, hela förbundet 2024")

    def test_the_last_day_cannot_be_before_the_first(self):
        with refused(self, "Sista svarsdagen kan inte vara före"):
            survey_round(
                self.association,
                self.office,
                self.built,
                opens_on=D(2024, 3, 1),
                closes_on=D(2024, 2, 28),
            )
        one_day = survey_round(
            self.association, self.office, self.built, opens_on=TODAY, closes_on=TODAY
        )
        self.assertTrue(surveys.is_open(one_day, TODAY))

    def test_an_insats_or_questionnaire_of_another_forbund_is_refused(self):
        with refused(self, "Insatsen hör till ett annat förbund"):
            survey_round(
                self.association,
                self.office,
                self.built,
                intervention=insats(self.other, "Timrå kommun"),
            )
        with refused(self, "Enkäten hör till ett annat förbund"):
            survey_round(self.other, self.outsider, self.built)

    def test_a_questionnaire_without_statements_cannot_open(self):
        empty = surveys.questionnaire_create(
            association=self.association,
            by=self.office,
            name="Tom",
            audience="staff",
            scale=self.built.scale,
        )
        with refused(self, "Enkäten har inga påståenden ännu"):
            survey_round(self.association, self.office, empty)

    def test_closing_stops_answers_from_today(self):
        survey = survey_round(self.association, self.office, self.built)
        surveys.round_close(round=survey, by=self.office, today=TODAY)
        self.assertEqual(survey.closes_on, D(2024, 3, 14))
        self.assertFalse(surveys.is_open(survey, TODAY))
        with refused(self, "Omgången är redan stängd"):
            surveys.round_close(round=survey, by=self.office, today=TODAY)

    def test_closing_a_round_that_opened_today_ends_it_too(self):
        survey = survey_round(
            self.association, self.office, self.built, opens_on=TODAY, closes_on=D(2024, 4, 1)
        )
        surveys.round_close(round=survey, by=self.office, today=TODAY)
        self.assertEqual((survey.opens_on, survey.closes_on), (D(2024, 3, 14), D(2024, 3, 14)))
        self.assertFalse(surveys.is_open(survey, TODAY))


class AnswerTests(SurveyTestCase):
    def setUp(self):
        self.built = questionnaire(self.association, self.office)
        self.first, self.second = self.built.statements.all()
        self.survey = survey_round(
            self.association,
            self.office,
            self.built,
            opens_on=D(2024, 3, 1),
            closes_on=D(2024, 3, 31),
        )

    def submit(self, key: str | None = "nyckel", today: datetime.date = TODAY, **kwargs):
        kwargs.setdefault("answers", {self.first.pk: 3})
        return surveys.answer_submit(round=self.survey, key=key, today=today, **kwargs)

    def test_a_sheet_keeps_the_values_and_nothing_else(self):
        response = self.submit(answers={self.first.pk: 4})
        self.assertFalse(response.on_paper)
        self.assertEqual(
            dict(response.answers.values_list("statement_id", "value")),
            {self.first.pk: 4, self.second.pk: None},
        )
        self.assertEqual(
            [f.name for f in SurveyResponse._meta.concrete_fields], ["id", "round", "on_paper"]
        )
        self.assertTrue(UsedFormKey.objects.filter(round=self.survey, key="nyckel").exists())

    def test_a_web_answer_needs_its_key(self):
        with refused(self, "Formuläret saknar sin nyckel"):
            self.submit(key=None)
        with refused(self, "Formuläret saknar sin nyckel"):
            self.submit(key="")
        self.assertFalse(SurveyResponse.objects.filter(round=self.survey).exists())

    def test_a_used_key_is_refused_and_adds_nothing(self):
        self.submit(key="samma")
        with self.assertRaises(ValidationError) as caught:
            self.submit(key="samma", answers={self.first.pk: 1})
        self.assertEqual(caught.exception.code, surveys.USED_KEY)
        self.assertEqual(SurveyResponse.objects.filter(round=self.survey).count(), 1)
        self.assertEqual(SurveyAnswer.objects.filter(value=1).count(), 0)

    def test_a_round_that_is_closed_or_not_yet_open_refuses_web_answers(self):
        with refused(self, "Enkäten är stängd"):
            self.submit(today=D(2024, 4, 1))
        with refused(self, "Enkäten har inte öppnat än"):
            self.submit(today=D(2024, 2, 29))
        self.submit(key="första", today=D(2024, 3, 1))
        self.submit(key="sista", today=D(2024, 3, 31))
        self.assertEqual(SurveyResponse.objects.filter(round=self.survey).count(), 2)

    def test_paper_sheets_need_no_key_and_may_arrive_after_the_last_day(self):
        response = self.submit(key=None, on_paper=True, today=D(2024, 4, 10))
        self.assertTrue(response.on_paper)
        self.assertFalse(UsedFormKey.objects.filter(round=self.survey).exists())
        with refused(self, "Enkäten har inte öppnat än"):
            self.submit(key=None, on_paper=True, today=D(2024, 2, 1))

    def test_statements_of_another_questionnaire_and_values_off_the_scale_are_refused(self):
        other = questionnaire(self.association, self.office, "Annat", name="Personal")
        with refused(self, "ett påstående som inte finns i enkäten"):
            self.submit(answers={other.statements.get().pk: 3})
        with refused(self, "Ett svar finns inte på enkätens skala"):
            self.submit(answers={self.first.pk: 5})
        with refused(self, "Ett svar finns inte på enkätens skala"):
            self.submit(answers={self.first.pk: 0})
        self.assertFalse(SurveyResponse.objects.exists())

    def test_a_sheet_with_every_statement_skipped_is_refused(self):
        with refused(self, "Du har inte svarat på något påstående"):
            self.submit(answers={self.first.pk: None, self.second.pk: None})
        with refused(self, "Du har inte svarat på något påstående"):
            self.submit(answers={})


class ResultTests(SurveyTestCase):
    def setUp(self):
        self.built = questionnaire(self.association, self.office)
        self.first, self.second = self.built.statements.all()
        self.own = insats(self.association)
        self.theirs = insats(self.association, "Arbetsförmedlingen")

    def round_with(self, *sheets, intervention=None, year=2024):
        survey = survey_round(
            self.association,
            self.office,
            self.built,
            intervention=intervention,
            year=year,
            opens_on=D(year, 1, 1),
            closes_on=D(year, 12, 31),
        )
        answered(survey, *sheets)
        return survey

    def test_answers_shares_and_distribution_per_statement(self):
        survey = self.round_with(
            (4, 1), (3, None), (3, 2), (1, 2), (4, None), (4, 4), (2, 3), (4, 4)
        )
        first, second = surveys.results(survey)
        self.assertEqual(first.statement, self.first)
        self.assertEqual(first.answers, 8)
        self.assertEqual(
            [(s.step.value, s.count, s.share) for s in first.distribution],
            [(1, 1, Decimal(13)), (2, 1, Decimal(13)), (3, 2, Decimal(25)), (4, 4, Decimal(50))],
        )  # 12.5 % rounds half up to 13 %
        self.assertEqual((first.agree, first.agree_share), (6, Decimal(75)))
        # Skipped statements are not answers.
        self.assertEqual(second.answers, 6)
        self.assertEqual((second.agree, second.agree_share), (3, Decimal(50)))

    def test_a_statement_nobody_answered_has_no_share(self):
        survey = self.round_with((4, None))
        second = surveys.results(survey)[1]
        self.assertEqual((second.answers, second.agree, second.agree_share), (0, 0, None))

    def test_results_are_counted_in_two_queries_whatever_the_answers(self):
        survey = self.round_with((4, 1))
        with CaptureQueriesContext(connection) as few:
            surveys.results(survey)
        answered(survey, *[(3, 2)] * 20)
        with self.assertNumQueries(len(few.captured_queries)):
            self.assertEqual(surveys.results(survey)[0].answers, 21)
        self.assertEqual(len(few.captured_queries), 2)

    def test_results_for_sum_the_rounds_of_the_year_and_insatser(self):
        self.round_with((4, 4), (1, 1), intervention=self.own)
        self.round_with((3, 3), intervention=self.theirs)
        self.round_with((4, 4), (4, 4))  # the whole förbund
        self.round_with((1, 1), intervention=self.own, year=2023)
        ids = [self.first.pk, self.second.pk]
        everyone = surveys.results_for(ids, 2024)
        self.assertEqual([(r.answers, r.agree) for r in everyone], [(5, 4), (5, 4)])
        own = surveys.results_for(ids, 2024, [self.own.pk])
        self.assertEqual([(r.answers, r.agree_share) for r in own], [(2, 50), (2, 50)])
        both = surveys.results_for(ids, 2024, [self.own.pk, self.theirs.pk])
        self.assertEqual(both[0].answers, 3)
        self.assertEqual(surveys.results_for(ids, 2023)[0].answers, 1)
        with self.assertNumQueries(2):
            surveys.results_for(ids, 2024, [self.own.pk])

    def test_agree_share_over_the_rounds_of_a_year_and_insatser(self):
        self.round_with((4, 4), (2, 1), (3, None), intervention=self.own)
        self.round_with((1, 3), intervention=self.theirs)
        self.round_with((4, None), (None, 2))
        self.round_with((4, 4), intervention=self.own, year=2023)
        with self.assertNumQueries(1):
            self.assertEqual(surveys.agree_share(self.first.pk, 2024, None), (3, 5))
        self.assertEqual(surveys.agree_share(self.first.pk, 2024, [self.own.pk]), (2, 3))
        self.assertEqual(
            surveys.agree_share(self.first.pk, 2024, [self.own.pk, self.theirs.pk]), (2, 4)
        )
        self.assertEqual(surveys.agree_share(self.second.pk, 2024, None), (2, 4))
        self.assertEqual(surveys.agree_share(self.first.pk, 2023, None), (1, 1))
        self.assertEqual(surveys.agree_share(self.first.pk, 2022, None), (0, 0))
        self.assertEqual(surveys.agree_share(self.first.pk, 2024, []), (0, 0))

    def test_agree_share_follows_the_scale_of_the_statement(self):
        five = surveys.default_scales(self.association, by=self.office)[1]
        other = questionnaire(self.association, self.office, "Bra?", name="Personal", scale=five)
        survey = survey_round(self.association, self.office, other)
        answered(survey, (3,), (4,), (5,))
        self.assertEqual(surveys.agree_share(other.statements.get().pk, 2024, None), (2, 3))


class PublishedTests(SurveyTestCase):
    def setUp(self):
        self.built = questionnaire(self.association, self.office)
        self.survey = survey_round(self.association, self.office, self.built)

    def shown(self, hide_small: bool = True) -> list[surveys.PublishedResult]:
        return surveys.published(surveys.results(self.survey), threshold=5, hide_small=hide_small)

    def counts(self, row: surveys.PublishedResult) -> list[int | None]:
        return [cell.value for _, cell, _ in row.distribution]

    def test_a_statement_with_fewer_answers_than_the_threshold_shows_nothing(self):
        answered(self.survey, *[(4, None)] * 4, (3, 4))
        first, second = self.shown()
        self.assertFalse(first.too_few)
        self.assertTrue(second.too_few)
        self.assertEqual(
            (second.answers, second.agree_share, second.distribution), (None, None, [])
        )

    def test_small_counts_are_hidden_so_that_they_cannot_be_worked_out(self):
        first_values = [2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4]  # 0, 2, 3 and 7 per step
        second_values = [3] * 6 + [4] * 6  # 0, 0, 6 and 6
        answered(self.survey, *zip(first_values, second_values, strict=True))
        first, second = self.shown()
        self.assertEqual(first.answers, 12)
        self.assertEqual(first.agree_share, Decimal(83))
        # 2 and 3 are small; with the share agreeing published, the 7 beside the 3 and the 0
        # beside the 2 are hidden too, or each small count would follow from the share.
        self.assertEqual(self.counts(first), [None, None, None, None])
        self.assertTrue(all(share is None for *_, share in first.distribution))
        self.assertEqual(self.counts(second), [0, 0, 6, 6])

    def test_the_kansli_sees_every_figure(self):
        answered(self.survey, (2, 3), (4, None))
        first, second = self.shown(hide_small=False)
        self.assertEqual(self.counts(first), [0, 1, 0, 1])
        self.assertEqual((second.answers, second.agree_share), (1, Decimal(100)))

    def test_agree_text_names_the_agreeing_steps(self):
        self.assertEqual(
            surveys.agree_text(self.built.scale.steps.all()),
            "”Stämmer ganska bra” eller ”Stämmer helt”",
        )
