"""Acceptance: the demo holds the seeds' insatser as decided. Sundsvall's six applications of
Bilaga 10–15 decided in § 132–137 of 2022-11-25; Härnösand–Timrå's slutrapporter approved in
§ 112 and § 116–119 and its grants of § 120–123 of 2023-11-24."""

from django.db import transaction

from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions import payable, selectors
from samordna.interventions.models import (
    Application,
    GrantAmount,
    GrantDecision,
    Instalment,
    PaymentPlan,
    Report,
    ReportKind,
    Trigger,
)
from samordna.interventions.tests.helpers import D
from samordna.meetings.locking import MinutesLocked

IAF = "Individ och arbetsmarknadsförvaltning, Sundsvalls kommun"


class SundsvallDemoTests(SamordnaTestCase):
    def decision(self, number: int) -> GrantDecision:
        return GrantDecision.objects.select_related("application", "paragraph__meeting").get(
            association=self.association,
            paragraph__meeting__date=D(2022, 11, 25),
            paragraph__number=number,
        )

    def amounts(self, decision: GrantDecision) -> list[tuple[int, int, str]]:
        return list(decision.amounts.values_list("year", "amount", "recipient"))

    def test_the_six_applications_have_their_real_budgets(self):
        applications = Application.objects.filter(
            association=self.association, submitted_at__date=D(2022, 11, 1)
        )
        self.assertEqual(applications.count(), 6)
        arbetskonsulent = applications.get(
            name="Arbetskonsulent för personer med aktivitetsersättning"
        )
        self.assertEqual(selectors.sought_by_year(arbetskonsulent), {2023: 709_000, 2024: 722_000})
        self.assertEqual(arbetskonsulent.submitted_by.username, "denise.wallen")  # type: ignore[union-attr]
        totals = {a.name: sum(selectors.sought_by_year(a).values()) for a in applications}
        self.assertEqual(totals["Försäkringsutredare från Försäkringskassan"], 163_549)
        self.assertEqual(totals["Psykolog"], 912_000)
        # Bilaga 14 prints an organisationsnummer that fails its check digit.
        af = applications.get(member__name="Arbetsförmedlingen")
        self.assertEqual(af.organisation_number, "202100-2114")
        self.assertTrue(af.received_on_paper)

    def test_paragraph_132_grants_two_years_with_a_condition_and_half_now(self):
        decision = self.decision(132)
        self.assertEqual(decision.outcome, "granted")
        self.assertEqual(self.amounts(decision), [(2023, 709_000, ""), (2024, 722_000, "")])
        condition = decision.conditions.get()
        self.assertEqual(condition.text, "förbundet får bidrag från huvudmännen för 2024")
        self.assertEqual(decision.amounts.get(year=2024).condition, condition)
        self.assertIsNone(decision.amounts.get(year=2023).condition)
        plan = list(
            Instalment.objects.filter(grant__decision=decision).values_list(
                "grant__year", "amount", "trigger"
            )
        )
        self.assertEqual(
            plan,
            [
                (2023, 354_500, Trigger.AGREEMENT),
                (2023, 354_500, Trigger.REPORT),
                (2024, 361_000, Trigger.AGREEMENT),
                (2024, 361_000, Trigger.REPORT),
            ],
        )
        # The § keeps the protocol's own words.
        self.assertEqual(
            decision.paragraph.clauses[0],  # type: ignore[union-attr]
            "Att bevilja medel med 709 000 kr till arbetskonsulent för personer med "
            "aktivitetsersättning för 2023 och 722 000 kr för 2024 under förutsättning att "
            "förbundet får bidrag från huvudmännen för 2024.",
        )

    def test_premises_money_goes_to_the_host_of_arbetsmarknadstorget(self):
        self.assertEqual(
            self.amounts(self.decision(134)), [(2023, 163_549, ""), (2023, 30_000, IAF)]
        )
        self.assertEqual(
            self.amounts(self.decision(136)), [(2023, 940_000, ""), (2023, 60_000, IAF)]
        )
        self.assertEqual(
            GrantAmount.objects.get(decision=self.decision(136), recipient=IAF).plan,
            PaymentPlan.INVOICE,
        )
        self.assertEqual(self.amounts(self.decision(135)), [(2023, 622_000, "")])
        self.assertEqual(self.amounts(self.decision(137)), [(2023, 912_000, "")])

    def test_the_decisions_are_locked_with_the_justerade_minutes(self):
        grant = self.decision(133).amounts.get(year=2023)
        grant.amount = 1
        with self.assertRaises(MinutesLocked), transaction.atomic():
            grant.save()

    def test_money_granted_paid_and_left(self):
        state = payable.state_of(self.decision(132))
        grant_2023 = self.decision(132).amounts.get(year=2023)
        self.assertEqual(state.paid_by_grant[grant_2023.pk], 354_500)
        self.assertEqual(state.remaining(grant_2023), 354_500)
        grant_2024 = self.decision(132).amounts.get(year=2024)
        rest = grant_2024.instalments.get(position=1)
        self.assertIn(
            "Villkoret är inte uppfyllt: förbundet får bidrag från huvudmännen för 2024.",
            [b.text for b in state.payable(rest, D(2024, 2, 1)).waiting],
        )
        self.assertIn(
            payable.BlockerKind.CONDITION_UNMET,
            [b.kind for b in state.payable(rest, D(2024, 2, 1)).waiting],
        )


class HarnosandTimraDemoTests(SamordnaTestCase):
    def test_paragraphs_120_to_123_grant_2024(self):
        decisions = GrantDecision.objects.filter(
            association=self.other, paragraph__meeting__date=D(2023, 11, 24)
        ).order_by("paragraph__number")
        self.assertEqual(
            [(d.paragraph.number, d.amounts.get().amount) for d in decisions],
            [(120, 400_000), (121, 100_000), (122, 1_250_000), (123, 200_000)],
        )
        prolonged = decisions.get(paragraph__number=120).application
        self.assertEqual(prolonged.kind, "prolongation")
        self.assertEqual(prolonged.intervention.name, "Stärkt samverkan och parallella insatser")

    def test_the_board_approved_five_slutrapporter(self):
        approved = Report.objects.filter(
            association=self.other,
            kind=ReportKind.FINAL,
            approval__paragraph__meeting__date=D(2023, 11, 24),
        ).order_by("approval__paragraph__number")
        self.assertEqual([r.approval.paragraph.number for r in approved], [112, 116, 117, 118, 119])
        years = selectors.goal_achievement(self.other)
        self.assertEqual([(y.year, y.reached, len(y.results)) for y in years], [(2023, 5, 5)])
        amt = next(r for r in years[0].results if r.report.intervention.name.startswith("Arbets"))
        # "Av projektet 5 mål har 3 uppnåtts och ett delvis uppnåtts."
        self.assertEqual((amt.goals, amt.reached, amt.partly), (5, 3, 1))

    def test_the_unused_money_of_samordningskoordinator_returned(self):
        """§ 128: about 30 000 kr less than granted."""
        self.assertEqual(selectors.released_by_year(self.other), {2023: 30_000})
