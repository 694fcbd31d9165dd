"""Counts per insats and period: the rules they obey, the way from draft to approved and
back (with a reason), and the year's figures summed in the database."""

from django.core.exceptions import ValidationError

from samordna.core.tests.base import SamordnaTestCase
from samordna.followup import selectors, services
from samordna.followup.counts import COUNT_FIELDS, problems
from samordna.followup.models import (
    ParticipantReport,
    ParticipantReportStatus,
    PeriodKind,
    ReportUnlock,
)
from samordna.followup.tests.helpers import approved, balanced
from samordna.interventions.models import Intervention


class RuleTests(SamordnaTestCase):
    def test_counts_that_add_up_pass(self):
        self.assertEqual(problems(balanced()), {})

    def test_splits_must_give_the_same_total(self):
        values = balanced()
        values["new_age_25_29"] -= 1
        values["new_age_45_64"] += 0
        found = problems(values)
        self.assertIn(
            "fördelningen på kön ger 10 men fördelningen på ålder 9", found["new_age_16_19"][0]
        )

    def test_ended_cannot_exceed_the_participants(self):
        values = balanced(start=(1, 0, 0), new=(1, 0, 0), ended=(1, 0, 0))
        values.update(ended_women=5, ended_age_25_29=5, ended_to_work=5)
        self.assertIn("Fler avslutade (5) än deltagare", problems(values)["ended_women"][0])

    def test_the_end_is_start_plus_new_minus_ended(self):
        values = balanced(start=(3, 2, 0))
        values["end_women"] += 1
        values["end_age_25_29"] += 1
        self.assertIn("ska vara 5 + 10 − 3 = 12, inte 13", problems(values)["end_women"][0])

    def test_destinations_and_incomes_add_up(self):
        found = problems(balanced(to={"work": 1, "studies": 1}, income={"none": 3}))
        self.assertIn("ska vara lika många som avslutade (3)", found["ended_to_work"][0])
        self.assertIn(
            "ska vara lika många som nya deltagare (10)", found["income_social_assistance"][0]
        )

    def test_the_start_follows_the_previous_end(self):
        self.assertIn(
            "förra periodens slut (4)", problems(balanced(), previous_end=4)["start_women"][0]
        )

    def test_the_model_has_a_column_per_count(self):
        for field in COUNT_FIELDS:
            model_field = ParticipantReport._meta.get_field(field.name)
            self.assertEqual(getattr(model_field, "verbose_name", None), field.label)


class WorkflowTests(SamordnaTestCase):
    def setUp(self):
        self.intervention = Intervention.objects.get(
            association=self.association,
            name="Arbetskonsulent för personer med aktivitetsersättning",
        )
        self.periods = services.periods_for_year(association=self.association, year=2025)

    def test_periods_follow_the_forbunds_choice(self):
        self.assertEqual([p.label for p in self.periods], ["Halvår 1 2025", "Halvår 2 2025"])
        self.assertEqual(self.periods[0].ends_on.isoformat(), "2025-06-30")
        services.settings_update(
            association=self.association, by=self.office, period_kind=PeriodKind.TERTIAL
        )
        tertials = services.periods_for_year(association=self.association, year=2026)
        self.assertEqual(
            [(p.starts_on.month, p.ends_on.month) for p in tertials], [(1, 4), (5, 8), (9, 12)]
        )
        # A year that has periods keeps them.
        self.assertEqual(len(services.periods_for_year(association=self.association, year=2025)), 2)

    def test_from_draft_to_approved_and_locked(self):
        report = approved(self.intervention, self.periods[0], self.applicant, self.office)
        self.assertEqual(report.status, ParticipantReportStatus.APPROVED)
        with self.assertRaises(ValidationError):
            services.counts_save(
                report=report, by=self.office, version=report.version, values=balanced()
            )

    def test_sending_counts_that_do_not_add_up_is_refused_and_keeps_the_draft(self):
        report = services.counts_open(
            intervention=self.intervention, period=self.periods[0], by=self.applicant
        )
        values = balanced()
        values["ended_to_work"] = 0
        services.counts_save(
            report=report, by=self.applicant, version=report.version, values=values
        )
        with self.assertRaises(ValidationError) as caught:
            services.counts_submit(report=report, by=self.applicant, version=report.version)
        self.assertIn("ended_to_work", caught.exception.message_dict)
        report.refresh_from_db()
        self.assertEqual(report.status, ParticipantReportStatus.DRAFT)

    def test_unlocking_needs_a_reason_and_is_logged(self):
        report = approved(self.intervention, self.periods[0], self.applicant, self.office)
        with self.assertRaises(ValidationError):
            services.counts_reopen(report=report, by=self.office, reason=" ")
        services.counts_reopen(report=report, by=self.office, reason="Fel kön på två avslut.")
        report.refresh_from_db()
        self.assertEqual(report.status, ParticipantReportStatus.DRAFT)
        self.assertEqual(ReportUnlock.objects.get(report=report).reason, "Fel kön på två avslut.")


class YearFigureTests(SamordnaTestCase):
    def test_a_year_sums_its_periods(self):
        intervention = Intervention.objects.get(
            association=self.association,
            name="Arbetskonsulent för personer med aktivitetsersättning",
        )
        first, second = services.periods_for_year(association=self.association, year=2025)
        approved(
            intervention,
            first,
            self.applicant,
            self.office,
            start=(5, 5, 0),
            new=(6, 4, 0),
            ended=(2, 1, 0),
        )
        approved(
            intervention,
            second,
            self.applicant,
            self.office,
            start=(9, 8, 0),
            new=(1, 1, 0),
            ended=(3, 2, 0),
            to={"work": 2, "studies": 2, "dropout": 1},
        )
        with self.assertNumQueries(1):
            figures = selectors.year_figures(
                ParticipantReport.objects.filter(intervention=intervention)
            )[2025]
        # Participants: 10 at the start of the year and 12 new.
        self.assertEqual(figures.participants, 22)
        self.assertEqual(figures.participants_by_gender, {"women": 12, "men": 10, "other": 0})
        self.assertEqual((figures.ended, figures.to_work, figures.to_studies), (8, 5, 2))
        self.assertEqual(figures.share(figures.to_work_or_studies), 88)
        self.assertEqual(sum(figures.end_by_gender.values()), 14)  # the last period's end

    def test_the_end_is_the_last_periods_and_submitted_counts_only_when_asked(self):
        intervention = Intervention.objects.get(
            association=self.association,
            name="Arbetskonsulent för personer med aktivitetsersättning",
        )
        first, second = services.periods_for_year(association=self.association, year=2025)
        approved(intervention, first, self.applicant, self.office, start=(5, 5, 0))
        report = services.counts_open(intervention=intervention, period=second, by=self.applicant)
        services.counts_save(
            report=report,
            by=self.applicant,
            version=report.version,
            values=balanced(start=(9, 8, 0), new=(1, 1, 0), ended=(3, 2, 0)),
        )
        services.counts_submit(report=report, by=self.applicant, version=report.version)
        reports = ParticipantReport.objects.filter(intervention=intervention)
        with self.assertNumQueries(1):
            groups = selectors.grouped_year_figures(reports, ["intervention_id"])
        approved_only = {g.figures.year: g for g in groups}[2025]
        self.assertEqual(approved_only.key, {"intervention_id": intervention.pk})
        # Only the first period approved: the year's last period has no count yet.
        self.assertEqual((approved_only.figures.reports, approved_only.figures.ended), (1, 3))
        self.assertEqual(sum(approved_only.figures.end_by_gender.values()), 0)
        with_submitted = selectors.year_figures(reports, approved_only=False)[2025]
        self.assertEqual((with_submitted.reports, with_submitted.ended), (2, 8))
        self.assertEqual(with_submitted.end_by_gender, {"women": 7, "men": 7, "other": 0})
        self.assertEqual(with_submitted.participants, 22)
