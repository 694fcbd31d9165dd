import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError

from samordna.core.tests.base import SamordnaTestCase
from samordna.finance import budgets, contributions, goals, selectors, services
from samordna.finance.models import (
    Budget,
    BudgetLine,
    ContributionSchedule,
    Frequency,
    LineGroup,
)

D = datetime.date


class ContributionTests(SamordnaTestCase):
    def test_parts_follow_the_shares_and_sum_to_the_total(self):
        members = contributions.ordered_members(self.other)
        parts = contributions.member_parts(members, 2 * 1_873_000)
        by_name = {m.name: parts[m.pk] for m in members}
        self.assertEqual(by_name["Försäkringskassan"], 1_873_000)
        self.assertEqual(by_name["Arbetsförmedlingen"], 0)
        self.assertEqual(by_name["Region Västernorrland"], 936_500)
        self.assertEqual(by_name["Härnösands kommun"], 468_250)
        self.assertEqual(by_name["Timrå kommun"], 468_250)
        self.assertEqual(sum(parts.values()), 3_746_000)

    def test_rounding_leftover_goes_to_the_last_kommun(self):
        members = contributions.ordered_members(self.other)
        # 7 kr: FK 3,5 → 4, region 1,75 → 2, each kommun 0,875 → 1: one krona too many,
        # taken from the last kommun.
        parts = contributions.member_parts(members, 7)
        self.assertEqual(sum(parts.values()), 7)
        kommuner = [m for m in members if m.kind == "kommun"]
        self.assertEqual((parts[kommuner[0].pk], parts[kommuner[-1].pk]), (1, 0))

    def test_instalments_split_in_whole_kronor_remainder_last(self):
        self.assertEqual(contributions.split_amount(1_000_001, 4), [250_000] * 3 + [250_001])
        self.assertEqual(
            contributions.due_dates(2024, Frequency.QUARTERLY, None),
            [D(2024, 1, 31), D(2024, 4, 30), D(2024, 7, 31), D(2024, 10, 31)],
        )
        self.assertEqual(
            contributions.due_dates(2024, Frequency.HALF_YEARLY, D(2024, 2, 15)),
            [D(2024, 2, 15), D(2024, 8, 15)],
        )

    def test_keys_not_summing_to_25_percent_refuse_a_schedule(self):
        kommun = self.other.members.filter(kind="kommun").earliest("pk")
        kommun.share_percent = Decimal("10")
        kommun.save()
        before = ContributionSchedule.objects.count()
        with self.assertRaises(ValidationError) as caught:
            services.schedule_set(
                association=self.other,
                by=self.outsider,
                member=kommun,
                year=2024,
                frequency=Frequency.YEARLY,
            )
        self.assertIn("25 %", " ".join(caught.exception.messages))
        self.assertEqual(ContributionSchedule.objects.count(), before)

    def test_schedule_with_payments_cannot_be_remade(self):
        fk = self.association.members.get(kind="fk")
        with self.assertRaises(ValidationError):
            services.schedule_set(
                association=self.association,
                by=self.office,
                member=fk,
                year=2023,
                frequency=Frequency.YEARLY,
            )

    def test_contributions_for_a_year_show_paid_and_outstanding(self):
        data = contributions.contributions_for(self.association, 2023)
        self.assertEqual(data.total, 7_360_000)
        self.assertEqual(data.paid, 920_000 + 920_000 + 1_840_000)
        self.assertEqual(data.outstanding, 7_360_000 - data.paid)

    def test_payment_needs_date_and_amount_together(self):
        instalment = ContributionSchedule.objects.get(
            association=self.association, year=2023, member__kind="fk"
        ).instalments.get(position=2)
        with self.assertRaises(ValidationError):
            services.contribution_payment_record(
                instalment=instalment, by=self.finance, paid_on=D(2023, 4, 28), amount=None
            )
        services.contribution_payment_record(
            instalment=instalment, by=self.finance, paid_on=D(2023, 4, 28), amount=920_000
        )
        instalment.refresh_from_db()
        self.assertEqual(instalment.paid_amount, 920_000)


class BudgetServiceTests(SamordnaTestCase):
    def make(self, year=2024, **kwargs) -> Budget:
        return services.budget_create(association=self.association, by=self.office, year=year)

    def test_new_budget_takes_insats_lines_from_decisions(self):
        budget = self.make()
        lines = list(budget.lines.filter(from_decisions=True))
        # Only the two Arbetskonsulenter have money granted for 2024.
        self.assertEqual(sorted(line.amount for line in lines), [625_000, 722_000])
        self.assertTrue(all(line.group == LineGroup.INTERVENTIONS for line in lines))
        # Equity carried from 2023: its opening 755 000 + its result by the latest forecast
        # per line (the budget where a line has none).
        previous = Budget.objects.get(association=self.association, year=2023)
        forecasts = selectors.latest_forecasts(previous)
        result = budgets.figures(
            selectors.budget_lines(previous), budgets.forecast_values(forecasts)
        ).result
        self.assertEqual(budget.opening_equity, 755_000 + result)

    def test_refresh_brings_back_a_removed_insats_line(self):
        budget = self.make()
        line = budget.lines.filter(from_decisions=True).earliest("pk")
        services.line_delete(line=line, by=self.office, version=budget.version)
        budget.refresh_from_db()
        services.budget_refresh(budget=budget, by=self.office, version=budget.version)
        again = budget.lines.get(intervention=line.intervention)
        self.assertEqual((again.amount, again.from_decisions), (line.amount, True))

    def test_line_without_group_is_refused_in_swedish(self):
        budget = self.make()
        with self.assertRaises(ValidationError) as caught:
            services.line_save(
                budget=budget,
                by=self.office,
                version=budget.version,
                fields={
                    "group": "",
                    "name": "Lokal",
                    "amount": 1000,
                    "plan_next": 0,
                    "plan_after": 0,
                },
            )
        self.assertIn("grupp", caught.exception.message_dict["group"][0])
        self.assertFalse(budget.lines.filter(name="Lokal").exists())

    def test_decided_amounts_cannot_be_typed(self):
        budget = self.make()
        line = budget.lines.filter(from_decisions=True).earliest("pk")
        with self.assertRaises(ValidationError):
            services.line_save(
                budget=budget,
                by=self.office,
                version=budget.version,
                line=line,
                fields={"amount": 1},
            )

    def test_adopted_budget_is_locked(self):
        budget = Budget.objects.get(association=self.association, year=2023)
        with self.assertRaises(ValidationError) as caught:
            services.line_save(
                budget=budget,
                by=self.office,
                version=budget.version,
                fields={
                    "group": "board",
                    "name": "Ny",
                    "amount": 1,
                    "plan_next": 0,
                    "plan_after": 0,
                },
            )
        self.assertIn("fastställd", caught.exception.messages[0])

    def test_stale_version_is_refused(self):
        budget = self.make()
        stale = budget.version
        services.budget_update(
            budget=budget, by=self.office, version=stale, opening_equity=1, note=""
        )
        with self.assertRaises(ValidationError) as caught:
            services.budget_update(
                budget=budget, by=self.office, version=stale, opening_equity=2, note=""
            )
        self.assertIn("har ändrats av", caught.exception.messages[0])
        budget.refresh_from_db()
        self.assertEqual(budget.opening_equity, 1)

    def test_copy_previous_moves_typed_lines_a_year_on(self):
        budget = services.budget_create(
            association=self.association, by=self.office, year=2024, copy_previous=True
        )
        konsulter = budget.lines.get(name="Konsulter")
        self.assertEqual((konsulter.amount, konsulter.plan_next), (830_000, 860_000))
        self.assertEqual(budget.lines.filter(from_decisions=True).count(), 2)

    def test_adopt_in_a_paragraph_of_another_forbund_is_refused(self):
        budget = self.make()
        from samordna.meetings.models import Paragraph

        foreign = Paragraph.objects.filter(meeting__association=self.other).earliest("pk")
        with self.assertRaises(ValidationError):
            services.budget_adopt(
                budget=budget, by=self.office, version=budget.version, paragraph=foreign
            )


class GoalTests(SamordnaTestCase):
    def test_sundsvall_goals_are_met_by_the_2023_budget(self):
        panel = goals.goals_for(self.association)
        by_key = {g.key: g for g in panel.goals}
        self.assertEqual(set(by_key), {"ceiling", "floor", "individual", "balance", "loans"})
        self.assertTrue(all(g.years[-1].met for g in panel.goals))
        self.assertEqual(panel.warnings, [])

    def test_a_forecast_breaking_the_floor_warns(self):
        budget = Budget.objects.get(association=self.association, year=2023)
        line = BudgetLine.objects.get(budget=budget, name="Konsulter")
        services.forecast_set(
            line=line, by=self.office, as_of=D(2023, 10, 31), amount=5_000_000, comment="Dyrare"
        )
        panel = goals.goals_for(self.association)
        floor = next(g for g in panel.goals if g.key == "floor")
        self.assertFalse(floor.years[-1].forecast_met)
        self.assertTrue(any("Prognosen för 2023 bryter målet" in w for w in panel.warnings))
        balance = next(g for g in panel.goals if g.key == "balance")
        self.assertFalse(balance.years[-1].met)

    def test_goal_percent_outside_0_100_is_refused(self):
        with self.assertRaises(ValidationError):
            services.goals_save(
                association=self.association,
                by=self.office,
                fields={"equity_ceiling_percent": Decimal("120"), "individual_share_percent": 70},
            )
