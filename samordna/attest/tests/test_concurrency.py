"""Two people sign the same order at the same moment: the order is locked for update, so
the second is checked against what the first did. Needs row locks across connections."""

import threading
from collections.abc import Callable
from unittest import skipUnless

from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.test import TransactionTestCase

from samordna.attest import services
from samordna.attest.models import OrderApproval, PaymentOrder, Step
from samordna.attest.tests.helpers import D, at, invoice, token, user
from samordna.demo.load import load_demo


def at_once(actions: list[Callable[[], object]]) -> list[str]:
    barrier = threading.Barrier(len(actions))
    outcomes: list[str] = []

    def run(action: Callable[[], object]) -> None:
        try:
            barrier.wait()
            action()
            outcomes.append("done")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


@skipUnless(connection.vendor == "postgresql", "needs row locks across connections")
class ConcurrentApprovalTests(TransactionTestCase):
    def setUp(self):
        associations, _ = load_demo()
        self.association = associations["sundsvall"]
        self.order = invoice(self.association)

    def sign(self, username: str, step: str) -> Callable[[], object]:
        return lambda: services.order_approve(
            order=PaymentOrder.objects.get(pk=self.order.pk),
            step=step,
            by=user(username),
            token=token(),
            at=at(D(2023, 10, 5)),
        )

    def test_two_attesters_at_once_attest_once(self):
        outcomes = at_once(
            [self.sign("christina.nordeno", Step.ATTEST), self.sign("jonas.vast", Step.ATTEST)]
        )
        self.assertEqual(outcomes, ["done", "refused"])
        self.assertEqual(OrderApproval.objects.filter(order=self.order).count(), 1)

    def test_one_utanordnare_in_two_tabs_signs_once(self):
        self.sign("christina.nordeno", Step.ATTEST)()
        outcomes = at_once(
            [
                self.sign("ekonomi.sundsvall", Step.AUTHORISE),
                self.sign("ekonomi.sundsvall", Step.AUTHORISE),
            ]
        )
        self.assertEqual(outcomes, ["done", "refused"])
        self.assertEqual(
            OrderApproval.objects.filter(order=self.order, step=Step.AUTHORISE).count(), 1
        )
