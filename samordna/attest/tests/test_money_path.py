"""The money path of an insats, end to end: one service (`attest.services.instalment_pay`)
pays a part of the plan through a payment order where the year has an adopted signature
list (Sundsvall 2023 in the demo) and directly where it has none (2024), and both ways are
stopped by the same typed blockers of `GrantState.payable`."""

import re
from pathlib import Path

import time_machine
from django.core.exceptions import ValidationError
from django.test import SimpleTestCase

from samordna.attest import services
from samordna.attest.models import PaymentOrder, Step
from samordna.attest.tests.helpers import D, at, token
from samordna.attest.tests.test_services import AttestTestCase
from samordna.interventions import payable
from samordna.interventions.models import GrantDecision, Instalment, Payment
from samordna.interventions.payable import BlockerKind
from samordna.interventions.services import grants
from samordna.interventions.tests.helpers import granted

WITH_LIST = D(2023, 1, 24)  # Sundsvall has adopted its signature list for 2023
WITHOUT_LIST = D(2024, 2, 1)  # and none for 2024


class MoneyPathTests(AttestTestCase):
    def setUp(self):
        self.decision = granted(
            self.association, self.office, self.applicant, amounts={2023: 400_000, 2024: 300_000}
        )
        self.part_2023 = self.first_part(2023)
        self.part_2024 = self.first_part(2024)

    def first_part(self, year: int) -> Instalment:
        return Instalment.objects.get(grant__decision=self.decision, grant__year=year, position=1)

    def pay(self, instalment: Instalment, day, amount: int) -> services.InstalmentPaid:
        with time_machine.travel(at(day), tick=False):
            return services.instalment_pay(
                instalment=instalment, by=self.finance, amount=amount, token=token()
            )

    def waiting(self, instalment: Instalment, day) -> list[BlockerKind]:
        decision = GrantDecision.objects.get(pk=self.decision.pk)
        return [b.kind for b in payable.state_of(decision).payable(instalment, day).blockers]

    def refusal(self, instalment: Instalment, day, amount: int = 1_000) -> str:
        with self.assertRaises(ValidationError) as caught:
            self.pay(instalment, day, amount)
        return " ".join(caught.exception.messages)

    def sign_agreement(self) -> None:
        agreement = grants.agreement_draw_up(
            decision=self.decision, by=self.office, drawn_up_on=D(2023, 1, 10)
        )
        grants.agreement_sign(agreement=agreement, by=self.office, signed_on=D(2023, 1, 20))

    def test_an_unsigned_agreement_stops_the_order_and_the_direct_payment_alike(self):
        self.assertEqual(self.waiting(self.part_2023, WITH_LIST), [BlockerKind.AGREEMENT_UNSIGNED])
        self.assertEqual(
            self.waiting(self.part_2024, WITHOUT_LIST), [BlockerKind.AGREEMENT_UNSIGNED]
        )
        self.assertEqual(self.refusal(self.part_2023, WITH_LIST), "Avtalet är inte undertecknat.")
        self.assertEqual(
            self.refusal(self.part_2024, WITHOUT_LIST), "Avtalet är inte undertecknat."
        )
        self.assertFalse(PaymentOrder.objects.filter(instalment__grant__decision=self.decision))
        self.assertFalse(Payment.objects.filter(grant__decision=self.decision))

    def test_a_year_with_a_list_pays_through_an_order_and_a_year_without_directly(self):
        self.sign_agreement()
        asked = self.pay(self.part_2023, WITH_LIST, 200_000)
        self.assertIsNotNone(asked.order)
        self.assertIsNone(asked.payment)
        self.assertFalse(Payment.objects.filter(instalment=self.part_2023).exists())
        order = asked.order
        assert order is not None
        self.approve(order, Step.ATTEST, self.chair, D(2023, 1, 25))
        self.approve(order, Step.AUTHORISE, self.finance, D(2023, 1, 31))
        self.approve(order, Step.AUTHORISE, self.finance2, D(2023, 1, 31))
        paid = Payment.objects.get(instalment=self.part_2023)
        self.assertEqual((paid.amount, paid.paid_on), (200_000, D(2023, 1, 31)))

        direct = self.pay(self.part_2024, WITHOUT_LIST, 150_000)
        self.assertIsNone(direct.order)
        assert direct.payment is not None
        self.assertEqual((direct.payment.amount, direct.payment.paid_on), (150_000, WITHOUT_LIST))
        self.assertFalse(PaymentOrder.objects.filter(instalment=self.part_2024).exists())

    def test_a_paid_part_is_refused_the_same_way_on_both_paths(self):
        self.sign_agreement()
        order = self.pay(self.part_2023, WITH_LIST, 200_000).order
        assert order is not None
        self.approve(order, Step.ATTEST, self.chair, D(2023, 1, 25))
        self.approve(order, Step.AUTHORISE, self.finance, D(2023, 1, 31))
        self.approve(order, Step.AUTHORISE, self.finance2, D(2023, 1, 31))
        self.pay(self.part_2024, WITHOUT_LIST, 150_000)
        day_2023, day_2024 = D(2023, 2, 1), D(2024, 2, 2)
        self.assertEqual(self.waiting(self.part_2023, day_2023), [BlockerKind.PAID])
        self.assertEqual(self.waiting(self.part_2024, day_2024), [BlockerKind.PAID])
        self.assertEqual(self.refusal(self.part_2023, day_2023), "Den här delen är redan utbetald.")
        self.assertEqual(self.refusal(self.part_2024, day_2024), "Den här delen är redan utbetald.")

    def test_what_open_orders_ask_for_is_not_asked_for_again(self):
        self.sign_agreement()
        self.pay(self.part_2023, WITH_LIST, 150_000)
        decision = GrantDecision.objects.get(pk=self.decision.pk)
        now = payable.state_of(decision).payable(self.part_2023, WITH_LIST, asked=150_000)
        self.assertEqual((now.left, now.open, now.can_pay), (200_000, 50_000, True))
        self.assertIn(
            "Högst 50\xa0000\xa0kr återstår att begära",
            self.refusal(self.part_2023, WITH_LIST, 60_000),
        )


class OneOwnerTests(SimpleTestCase):
    def test_only_attest_records_an_insats_payment(self):
        """`payment_record` writes the payment without asking about the signature list, so
        every page and service pays through `attest.services.instalment_pay` (or an order's
        second utanordning); only the demo, which pays its history, and tests call it."""
        package = Path(__file__).resolve().parents[2]
        callers = sorted(
            str(path.relative_to(package))
            for path in package.rglob("*.py")
            if re.search(r"\bpayment_record\(", path.read_text(encoding="utf-8"))
            and "tests" not in path.parts
            and "demo" not in path.parts
        )
        self.assertEqual(callers, ["attest/services.py", "interventions/services/grants.py"])
