"""The money of an insats: a decision in a §, locked with the minutes; the agreement; payments
by the plan and never beyond it; and what returns to the förbund."""

import threading
import uuid
from unittest import skipUnless

import time_machine
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.test import TransactionTestCase

from samordna.accounts.models import User
from samordna.core.tests.base import SamordnaTestCase
from samordna.demo.load import load_demo
from samordna.interventions import payable
from samordna.interventions.models import (
    ApplicationStatus,
    GrantAmount,
    GrantDecision,
    Instalment,
    Payment,
    PaymentPlan,
    Release,
    ReportKind,
    ReportStatus,
    Trigger,
)
from samordna.interventions.services import grants, reports
from samordna.interventions.services.grants import AmountInput
from samordna.interventions.services.reports import GoalReport
from samordna.interventions.tests.helpers import (
    D,
    at,
    attest_outside_samordna,
    granted,
    justera,
    paragraph,
    refused,
    submitted,
)
from samordna.meetings.locking import MinutesLocked

FEBRUARY_2023 = D(2023, 2, 1)


def token() -> str:
    return uuid.uuid4().hex


class DecisionTests(SamordnaTestCase):
    def test_decision_text_follows_the_förbunds_words(self):
        application = submitted(
            self.association,
            self.applicant,
            name="arbetskonsulent för personer med aktivitetsersättning",
            amounts={2023: 709_000, 2024: 722_000},
            starts_on=D(2023, 1, 1),
            ends_on=D(2024, 12, 31),
        )
        clauses = grants.decision_clauses(
            application,
            outcome="granted",
            amounts=[AmountInput(2023, 709_000), AmountInput(2024, 722_000, condition=0)],
            conditions=["förbundet får bidrag från huvudmännen för 2024"],
        )
        self.assertEqual(
            clauses[0],
            "Att bevilja medel med 709\xa0000\xa0kr för 2023 och 722\xa0000\xa0kr för 2024 till "
            "arbetskonsulent för personer med aktivitetsersättning under förutsättning att "
            "förbundet får bidrag från huvudmännen för 2024.",
        )
        self.assertEqual(
            clauses[1],
            "Att betala ut hälften av de beviljade medlen för 2023 och 2024 i samband med att "
            "avtal tecknats och resterande del efter att redovisning inkommit för 2023 och 2024 "
            "och godkänts av styrelsen.",
        )
        self.assertEqual(clauses[-1], "Att förbundschefen upprättar avtal.")

    def test_recording_writes_the_paragraph_and_plans_payments_and_reports(self):
        application = submitted(self.association, self.applicant, amounts={2023: 400_001})
        par = paragraph(self.association, self.office, D(2022, 11, 25))
        decision = grants.decision_record(
            application=application,
            paragraph=par,
            by=self.office,
            outcome="granted",
            amounts=[AmountInput(2023, 400_001)],
        )
        par.refresh_from_db()
        self.assertTrue(par.decision.startswith("Att bevilja medel med 400\xa0001\xa0kr"))
        application.refresh_from_db()
        self.assertEqual(application.status, ApplicationStatus.DECIDED)
        first, rest = Instalment.objects.filter(grant__decision=decision).order_by("position")
        # "Hälften" of an odd amount: the first payment takes the lower half, explicitly.
        self.assertEqual((first.amount, first.trigger), (200_000, Trigger.AGREEMENT))
        self.assertEqual((rest.amount, rest.trigger), (200_001, Trigger.REPORT))
        self.assertEqual(rest.report.kind, ReportKind.FINAL)
        self.assertEqual(rest.report.due_on, D(2024, 2, 29))  # 60 days after 2023-12-31
        intervention = application.intervention
        assert intervention is not None
        intervention.refresh_from_db()
        self.assertEqual(
            (intervention.starts_on, intervention.ends_on), (D(2023, 1, 1), D(2023, 12, 31))
        )

    def test_a_part_may_go_to_another_party(self):
        """§ 136: 1 000 000 sought, 940 000 granted, 60 000 set aside for premises."""
        application = submitted(self.association, self.applicant, amounts={2023: 1_000_000})
        par = paragraph(self.association, self.office, D(2022, 11, 25))
        decision = grants.decision_record(
            application=application,
            paragraph=par,
            by=self.office,
            outcome="granted",
            amounts=[
                AmountInput(2023, 940_000),
                AmountInput(
                    2023,
                    60_000,
                    PaymentPlan.INVOICE,
                    recipient="Individ och arbetsmarknadsförvaltning, Sundsvalls kommun",
                    purpose="lokalkostnader",
                ),
            ],
        )
        self.assertEqual(
            sorted(decision.amounts.values_list("amount", "recipient")),
            [(60_000, "Individ och arbetsmarknadsförvaltning, Sundsvalls kommun"), (940_000, "")],
        )
        par.refresh_from_db()
        self.assertIn(
            "Att avsätta 60\xa0000\xa0kr för lokalkostnader till Individ och "
            "arbetsmarknadsförvaltning, Sundsvalls kommun.",
            par.clauses,
        )

    def test_outcome_must_match_the_amounts(self):
        application = submitted(self.association, self.applicant, amounts={2023: 500_000})
        par = paragraph(self.association, self.office, D(2022, 11, 25))
        cases = [
            ("granted", [AmountInput(2023, 400_000)], "Välj Delvis beviljad"),
            ("partly", [AmountInput(2023, 500_000)], "Välj Beviljad"),
            ("refused", [AmountInput(2023, 500_000)], "Ett avslag beviljar inga belopp"),
            ("granted", [AmountInput(2023, 600_000)], "större än det sökta"),
            ("granted", [AmountInput(2025, 500_000)], "utanför ansökans period"),
            ("granted", [AmountInput(2023, 200_000_000)], "ska vara 1–"),
        ]
        for outcome, amounts, message in cases:
            with self.subTest(outcome=outcome, amounts=amounts), refused(self, message):
                grants.decision_record(
                    application=application,
                    paragraph=par,
                    by=self.office,
                    outcome=outcome,
                    amounts=amounts,
                )
        self.assertFalse(GrantDecision.objects.filter(application=application).exists())

    def test_the_decision_is_locked_once_the_minutes_are_justerade(self):
        decision = granted(self.association, self.office, self.applicant)
        grant = decision.amounts.get()
        with self.assertRaises(MinutesLocked):
            grant.amount = 1
            grant.save()
        with self.assertRaises(MinutesLocked):
            GrantAmount.objects.filter(pk=grant.pk).update(amount=1)
        with self.assertRaises(MinutesLocked):
            Instalment.objects.filter(grant=grant).delete()
        with self.assertRaises(MinutesLocked):
            grants.decision_withdraw(decision=decision, by=self.office)

    def test_a_decision_can_be_taken_back_before_justering(self):
        decision = granted(self.association, self.office, self.applicant, in_force=False)
        application = decision.application
        grants.decision_withdraw(decision=decision, by=self.office)
        application.refresh_from_db()
        self.assertEqual(application.status, ApplicationStatus.PREPARATION)
        self.assertFalse(GrantAmount.objects.filter(decision_id=decision.pk).exists())


class PaymentTests(SamordnaTestCase):
    def setUp(self):
        attest_outside_samordna(self.association)
        self.decision = granted(self.association, self.office, self.applicant)
        self.grant = self.decision.amounts.get()
        self.first, self.rest = self.grant.instalments.order_by("position")

    def pay(self, instalment, amount, day=FEBRUARY_2023, key=None):
        return grants.payment_record(
            instalment=instalment,
            by=self.finance,
            amount=amount,
            paid_on=day,
            token=key or token(),
        )

    def sign(self):
        agreement = grants.agreement_draw_up(
            decision=self.decision, by=self.office, drawn_up_on=D(2023, 1, 10)
        )
        grants.agreement_sign(agreement=agreement, by=self.office, signed_on=D(2023, 1, 20))

    def test_nothing_is_paid_before_the_agreement_is_signed(self):
        with refused(self, "Avtalet är inte undertecknat"):
            self.pay(self.first, 200_000)
        self.sign()
        payment, created = self.pay(self.first, 200_000)
        self.assertTrue(created)
        self.assertEqual(payment.amount, 200_000)

    def test_a_form_sent_twice_records_one_payment(self):
        self.sign()
        key = token()
        first, created = self.pay(self.first, 200_000, key=key)
        again, created_again = self.pay(self.first, 200_000, key=key)
        self.assertEqual((created, created_again), (True, False))
        self.assertEqual(first.pk, again.pk)
        self.assertEqual(Payment.objects.filter(grant=self.grant).count(), 1)

    def test_two_tabs_cannot_pay_the_same_part_twice(self):
        self.sign()
        self.pay(self.first, 200_000)
        with refused(self, "redan utbetald"):
            self.pay(self.first, 200_000)

    def test_no_payment_beyond_the_part(self):
        self.sign()
        with refused(self, "Högst 200\xa0000\xa0kr återstår"):
            self.pay(self.first, 200_001)

    def test_the_rest_waits_for_the_approved_and_justerad_report(self):
        self.sign()
        self.pay(self.first, 200_000)
        with refused(self, "Styrelsen har inte godkänt slutrapport ännu"):
            self.pay(self.rest, 200_000)
        report = self.rest.report
        goal = self.decision.application.goals.get()
        reports.report_save(
            report=report,
            by=self.applicant,
            version=report.version,
            results="Tolv deltagare har gått vidare till arbete eller studier.",
            analysis="",
            goals=[GoalReport(goal.pk, fulfilment="reached")],
        )
        reports.report_submit(
            report=report, by=self.applicant, version=report.version, now=at(D(2023, 12, 1))
        )
        approval_par = paragraph(self.association, self.office, D(2023, 12, 8), "Slutrapport")
        reports.report_approve(report=report, paragraph=approval_par, by=self.office)
        approval_par.refresh_from_db()
        self.assertEqual(
            approval_par.clauses, ["Att godkänna slutrapporten och betala ut det beviljade medlet."]
        )
        with refused(self, "protokollet är inte justerat"):
            self.pay(self.rest, 200_000, D(2023, 12, 20))
        justera(approval_par.meeting)
        with refused(self, "saknar underskrift av"):
            self.pay(self.rest, 200_000, D(2023, 12, 20))
        application = self.decision.application
        for party in payable.required_signers(application):
            reports.report_sign(
                report=report,
                by=self.office,
                party=party,
                signed_by="Firmatecknare",
                signed_on=D(2023, 12, 15),
            )
        self.pay(self.rest, 200_000, D(2023, 12, 20))
        state = payable.state_of(self.decision)
        self.assertEqual(state.remaining(self.grant), 0)
        report.refresh_from_db()
        self.assertEqual(report.status, ReportStatus.APPROVED)

    def test_a_condition_holds_its_money_until_met(self):
        application = submitted(
            self.association,
            self.applicant,
            name="Insats med villkor",
            amounts={2023: 100_000, 2024: 100_000},
            starts_on=D(2023, 1, 1),
            ends_on=D(2024, 12, 31),
        )
        par = paragraph(self.association, self.office, D(2022, 12, 9))
        decision = grants.decision_record(
            application=application,
            paragraph=par,
            by=self.office,
            outcome="granted",
            amounts=[AmountInput(2023, 100_000), AmountInput(2024, 100_000, condition=0)],
            conditions=["förbundet får bidrag från huvudmännen för 2024"],
        )
        justera(par.meeting)
        agreement = grants.agreement_draw_up(
            decision=decision, by=self.office, drawn_up_on=D(2023, 1, 10)
        )
        grants.agreement_sign(agreement=agreement, by=self.office, signed_on=D(2023, 1, 20))
        first_2024 = Instalment.objects.get(grant__decision=decision, grant__year=2024, position=1)
        with refused(self, "Villkoret är inte uppfyllt"):
            self.pay(first_2024, 50_000, D(2024, 1, 15))
        grants.condition_mark_met(
            condition=decision.conditions.get(),
            by=self.office,
            met_on=D(2023, 11, 20),
            note="Huvudmännen har beslutat om bidragen för 2024.",
        )
        with refused(self, "Betalas tidigast 1 januari 2024"):
            self.pay(first_2024, 50_000, D(2023, 12, 15))
        self.pay(first_2024, 50_000, D(2024, 1, 15))

    def test_nothing_is_paid_before_the_minutes_are_justerade(self):
        decision = granted(
            self.association, self.office, self.applicant, name="Ej justerad", in_force=False
        )
        with refused(self, "när protokollet med beslutet är justerat"):
            grants.agreement_draw_up(decision=decision, by=self.office)

    def test_amounts_must_be_whole_and_in_range(self):
        self.sign()
        for amount in (0, -5):
            with self.subTest(amount=amount), self.assertRaises(ValidationError):
                self.pay(self.first, amount)
        with (
            refused(self, "kan inte ligga i framtiden"),
            time_machine.travel(at(D(2023, 3, 1)), tick=False),
        ):
            self.pay(self.first, 100, D(2023, 3, 2))

    def test_closing_returns_what_was_not_paid(self):
        """§ 128: the insats took about 30 000 kr less than granted."""
        self.sign()
        self.pay(self.first, 170_000)
        intervention = self.decision.application.intervention
        assert intervention is not None
        releases = grants.intervention_close(
            intervention=intervention,
            by=self.office,
            closed_on=D(2023, 12, 31),
            note="Insatsägaren tar inte ut hela det beviljade medlet.",
        )
        self.assertEqual([r.amount for r in releases], [230_000])
        state = payable.state_of(self.decision)
        self.assertEqual(state.remaining(self.grant), 0)
        with refused(self, "återfört till förbundet"):
            self.pay(self.first, 30_000)
        self.assertEqual(Release.objects.get(grant=self.grant).amount, 230_000)


@skipUnless(connection.vendor == "postgresql", "needs row locks across connections")
class ConcurrentPaymentTests(TransactionTestCase):
    """Two people pay the same part at the same moment, with different forms: one is paid."""

    def setUp(self):
        associations, _ = load_demo()
        self.association = associations["sundsvall"]
        users = {u.username: u for u in User.objects.all()}
        self.office, self.applicant = users["jan.andersson"], users["denise.wallen"]
        attest_outside_samordna(self.association)
        self.decision = granted(self.association, self.office, self.applicant)
        agreement = grants.agreement_draw_up(
            decision=self.decision, by=self.office, drawn_up_on=D(2023, 1, 10)
        )
        grants.agreement_sign(agreement=agreement, by=self.office, signed_on=D(2023, 1, 20))
        self.instalment = self.decision.amounts.get().instalments.get(position=1)

    def test_one_of_two_simultaneous_payments_is_recorded(self):
        barrier = threading.Barrier(2)
        outcomes: list[str] = []

        def pay() -> None:
            try:
                barrier.wait()
                grants.payment_record(
                    instalment=self.instalment,
                    by=self.office,
                    amount=200_000,
                    paid_on=D(2023, 2, 1),
                    token=token(),
                )
                outcomes.append("paid")
            except ValidationError:
                outcomes.append("refused")
            finally:
                connections.close_all()

        threads = [threading.Thread(target=pay) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(sorted(outcomes), ["paid", "refused"])
        self.assertEqual(Payment.objects.filter(instalment=self.instalment).count(), 1)
