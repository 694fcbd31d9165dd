"""The rules of attest and utanordning on plain facts: every refusal, in its Swedish words,
and what is allowed (Bilaga 6–7 of Sundsvall's 2022-11-25 § 129)."""

from typing import Any
from unittest import TestCase

from samordna.attest import rules
from samordna.attest.models import OrderStatus, RightRole, SignatureKind, Step
from samordna.attest.rules import OrderFacts, Right, Signature

CHRISTINA, JONAS, JAN, EMIL, MARIA, ANDERS, PETER = 1, 2, 3, 4, 5, 6, 7
NAMES = {
    CHRISTINA: "Christina Nordenö",
    JONAS: "Jonas Väst",
    JAN: "Jan Andersson",
    EMIL: "Emil Ulander",
    MARIA: "Maria Sjöberg",
    ANDERS: "Anders Lund",
    PETER: "Peter Pettersson",
}


def right(pk, person, kind, role=RightRole.ORDINARY, max_amount=None):
    return Right(
        pk=pk,
        person_id=person,
        person_name=NAMES[person],
        kind=kind,
        role=role,
        max_amount=max_amount,
    )


SUNDSVALL_2023 = [
    right(1, CHRISTINA, SignatureKind.PAYMENT_ATTEST),
    right(2, JONAS, SignatureKind.PAYMENT_ATTEST, RightRole.DEPUTY),
    right(3, JONAS, SignatureKind.CHAIR_ATTEST),
    right(4, CHRISTINA, SignatureKind.BOARD_ATTEST),
    right(5, JONAS, SignatureKind.BOARD_ATTEST, RightRole.DEPUTY),
    right(6, JAN, SignatureKind.RECEIPT_ATTEST),
    right(7, EMIL, SignatureKind.RECEIPT_ATTEST),
    right(8, MARIA, SignatureKind.AUTHORISE),
    right(9, ANDERS, SignatureKind.AUTHORISE),
]


def sign(step, person):
    return Signature(step=step, person_id=person, person_name=NAMES[person])


def facts(**kwargs: Any) -> OrderFacts:
    values: dict[str, Any] = {"year": 2023, "amount": 48_000, "status": OrderStatus.REGISTERED}
    values.update(kwargs)
    return OrderFacts(**values)


ATTESTED = facts(status=OrderStatus.ATTESTED, signatures=(sign(Step.ATTEST, CHRISTINA),))


class RulesTestCase(TestCase):
    def verdict(self, step, person, order=None, rights=SUNDSVALL_2023):
        return rules.check(step, facts=order or facts(), actor_person_id=person, rights=rights)

    def assert_refused(self, verdict, message):
        self.assertFalse(verdict.allowed)
        self.assertEqual(verdict.reason, message)


class AllowedTests(RulesTestCase):
    def test_the_chair_attests_an_invoice_by_her_general_right(self):
        verdict = self.verdict(Step.ATTEST, CHRISTINA)
        self.assertTrue(verdict.allowed)
        self.assertEqual(verdict.right, SUNDSVALL_2023[0])
        self.assertFalse(verdict.as_deputy)

    def test_the_vice_chair_may_attest_as_her_deputy_and_it_is_recorded(self):
        verdict = self.verdict(Step.ATTEST, JONAS)
        self.assertTrue(verdict.allowed)
        self.assertTrue(verdict.as_deputy)

    def test_the_mottagningsattestanter_sign_the_receipt(self):
        for person in (JAN, EMIL):
            with self.subTest(person=NAMES[person]):
                self.assertTrue(self.verdict(Step.RECEIPT, person).allowed)

    def test_the_vice_chair_attests_the_chairs_own_claim(self):
        claim = facts(
            connected_person_id=CHRISTINA, connected_is_chair=True, connected_is_board=True
        )
        verdict = self.verdict(Step.ATTEST, JONAS, claim)
        self.assertTrue(verdict.allowed)
        self.assertEqual(verdict.right, SUNDSVALL_2023[2])
        self.assertFalse(verdict.as_deputy)

    def test_the_chair_attests_a_board_members_fee(self):
        fee = facts(connected_person_id=PETER, connected_is_board=True)
        self.assertEqual(self.verdict(Step.ATTEST, CHRISTINA, fee).right, SUNDSVALL_2023[3])
        self.assertTrue(self.verdict(Step.ATTEST, JONAS, fee).as_deputy)

    def test_two_different_utanordnare_authorise(self):
        self.assertTrue(self.verdict(Step.AUTHORISE, MARIA, ATTESTED).allowed)
        once = facts(
            status=OrderStatus.AUTHORISED_ONCE,
            signatures=(sign(Step.ATTEST, CHRISTINA), sign(Step.AUTHORISE, MARIA)),
        )
        self.assertTrue(self.verdict(Step.AUTHORISE, ANDERS, once).allowed)

    def test_an_amount_at_the_max_is_covered(self):
        limited = [
            *SUNDSVALL_2023[1:],
            right(1, CHRISTINA, SignatureKind.PAYMENT_ATTEST, max_amount=48_000),
        ]
        self.assertTrue(self.verdict(Step.ATTEST, CHRISTINA, rights=limited).allowed)

    def test_an_ordinary_right_is_used_before_a_deputy_one(self):
        both = [
            right(11, JONAS, SignatureKind.PAYMENT_ATTEST, RightRole.DEPUTY),
            right(12, JONAS, SignatureKind.PAYMENT_ATTEST),
        ]
        self.assertEqual(self.verdict(Step.ATTEST, JONAS, rights=both).right.pk, 12)

    def test_a_deputy_right_without_max_covers_what_the_ordinary_one_does_not(self):
        both = [
            right(11, JONAS, SignatureKind.PAYMENT_ATTEST, max_amount=10_000),
            right(12, JONAS, SignatureKind.PAYMENT_ATTEST, RightRole.DEPUTY),
        ]
        verdict = self.verdict(Step.ATTEST, JONAS, rights=both)
        self.assertEqual(verdict.right.pk, 12)
        self.assertTrue(verdict.as_deputy)


class RefusalTests(RulesTestCase):
    def test_no_adopted_list_for_the_year(self):
        self.assert_refused(
            self.verdict(Step.ATTEST, CHRISTINA, facts(year=2024), rights=None),
            "Det finns ingen antagen signaturlista för 2024. Ingen kan attestera eller "
            "utanordna förrän styrelsen har antagit den.",
        )

    def test_a_user_without_a_person(self):
        self.assert_refused(
            self.verdict(Step.ATTEST, None),
            "Ditt konto är inte kopplat till en person i förbundet, så det finns ingen "
            "attesträtt att pröva.",
        )

    def test_no_right_of_that_kind(self):
        self.assert_refused(
            self.verdict(Step.ATTEST, JAN),
            "Du har ingen rätt till betalningsattest (generell attesträtt) enligt "
            "signaturlistan 2023. Den rätten har: Christina Nordenö, Jonas Väst.",
        )
        self.assert_refused(
            self.verdict(Step.RECEIPT, MARIA),
            "Du har ingen rätt till mottagningsattest enligt signaturlistan 2023. Den rätten "
            "har: Emil Ulander, Jan Andersson.",
        )
        self.assert_refused(
            self.verdict(Step.AUTHORISE, JAN, ATTESTED),
            "Du har ingen rätt till utanordning enligt signaturlistan 2023. Den rätten har: "
            "Anders Lund, Maria Sjöberg.",
        )

    def test_over_the_max_amount(self):
        limited = [right(1, CHRISTINA, SignatureKind.PAYMENT_ATTEST, max_amount=20_000)]
        self.assert_refused(
            self.verdict(Step.ATTEST, CHRISTINA, rights=limited),
            "Beloppet 48\xa0000\xa0kr är över ditt maxbelopp per utbetalning enligt "
            "signaturlistan 2023 (20\xa0000\xa0kr).",
        )

    def test_nobody_attests_a_payment_to_themselves(self):
        own = facts(connected_person_id=CHRISTINA, connected_is_chair=True, connected_is_board=True)
        message = (
            "Du kan inte attestera eller utanordna en utbetalning till dig själv eller som är "
            "förknippad med din egen person. Den ska godkännas av en annan person med rätt "
            "till det."
        )
        self.assert_refused(self.verdict(Step.ATTEST, CHRISTINA, own), message)
        staff = facts(connected_person_id=JAN)
        self.assert_refused(self.verdict(Step.RECEIPT, JAN, staff), message)

    def test_nobody_authorises_a_payment_connected_to_themselves(self):
        own = facts(
            status=OrderStatus.ATTESTED,
            connected_person_id=MARIA,
            signatures=(sign(Step.ATTEST, CHRISTINA),),
        )
        self.assertIn("till dig själv", self.verdict(Step.AUTHORISE, MARIA, own).reason)

    def test_the_chairs_claim_is_not_attested_by_the_general_right(self):
        claim = facts(
            connected_person_id=CHRISTINA, connected_is_chair=True, connected_is_board=True
        )
        rights = [*SUNDSVALL_2023, right(20, PETER, SignatureKind.PAYMENT_ATTEST)]
        self.assert_refused(
            self.verdict(Step.ATTEST, PETER, claim, rights=rights),
            "Utbetalningen är förknippad med ordföranden och attesteras av den som har attest "
            "av ordförandens egna utbetalningar enligt signaturlistan 2023: Jonas Väst.",
        )

    def test_a_board_members_fee_is_attested_by_the_chair_or_vice_chair(self):
        fee = facts(connected_person_id=PETER, connected_is_board=True)
        self.assert_refused(
            self.verdict(Step.ATTEST, EMIL, fee),
            "Utbetalningen är förknippad med en styrelseledamot och attesteras av den som har "
            "attest av styrelseledamots utbetalningar enligt signaturlistan 2023: "
            "Christina Nordenö, Jonas Väst.",
        )

    def test_the_same_person_cannot_be_both_utanordnare(self):
        once = facts(
            status=OrderStatus.AUTHORISED_ONCE,
            signatures=(sign(Step.ATTEST, CHRISTINA), sign(Step.AUTHORISE, MARIA)),
        )
        self.assert_refused(
            self.verdict(Step.AUTHORISE, MARIA, once),
            "Du har redan utanordnat ordern. Samtliga utbetalningar signeras av två i "
            "förening: den andra utanordnaren ska vara en annan person.",
        )

    def test_the_attester_is_not_one_of_the_utanordnare(self):
        rights = [*SUNDSVALL_2023, right(20, CHRISTINA, SignatureKind.AUTHORISE)]
        message = (
            "Du har attesterat ordern och kan inte också utanordna den: utanordnaren "
            "kontrollerar att utgiften är attesterad av någon annan."
        )
        self.assert_refused(self.verdict(Step.AUTHORISE, CHRISTINA, ATTESTED, rights), message)
        received = facts(
            status=OrderStatus.ATTESTED,
            signatures=(sign(Step.RECEIPT, JAN), sign(Step.ATTEST, CHRISTINA)),
        )
        rights = [*SUNDSVALL_2023, right(21, JAN, SignatureKind.AUTHORISE)]
        self.assert_refused(self.verdict(Step.AUTHORISE, JAN, received, rights), message)

    def test_steps_come_in_order(self):
        self.assert_refused(
            self.verdict(Step.AUTHORISE, MARIA),
            "Ordern ska betalningsattesteras innan den utanordnas.",
        )
        self.assert_refused(
            self.verdict(Step.ATTEST, JONAS, ATTESTED), "Ordern är redan betalningsattesterad."
        )
        received = facts(status=OrderStatus.RECEIVED, signatures=(sign(Step.RECEIPT, JAN),))
        self.assert_refused(
            self.verdict(Step.RECEIPT, EMIL, received), "Ordern är redan mottagningsattesterad."
        )
        self.assert_refused(
            self.verdict(Step.RECEIPT, JAN, ATTESTED),
            "Ordern är redan betalningsattesterad; mottagningsattest görs före den.",
        )

    def test_paid_and_cancelled_orders_take_no_more_signatures(self):
        self.assert_refused(
            self.verdict(Step.AUTHORISE, ANDERS, facts(status=OrderStatus.PAID)),
            "Ordern är redan utbetald.",
        )
        self.assert_refused(
            self.verdict(Step.ATTEST, CHRISTINA, facts(status=OrderStatus.CANCELLED)),
            "Ordern är makulerad.",
        )


class FlowTests(TestCase):
    def test_what_the_order_waits_for(self):
        self.assertEqual(rules.steps_open(facts()), [Step.RECEIPT, Step.ATTEST])
        received = facts(signatures=(sign(Step.RECEIPT, JAN),))
        self.assertEqual(rules.steps_open(received), [Step.ATTEST])
        self.assertEqual(rules.steps_open(ATTESTED), [Step.AUTHORISE])
        self.assertEqual(rules.steps_open(facts(status=OrderStatus.PAID)), [])

    def test_the_second_utanordning_pays(self):
        self.assertEqual(rules.next_status(Step.RECEIPT, facts()), OrderStatus.RECEIVED)
        self.assertEqual(rules.next_status(Step.ATTEST, facts()), OrderStatus.ATTESTED)
        self.assertEqual(rules.next_status(Step.AUTHORISE, ATTESTED), OrderStatus.AUTHORISED_ONCE)
        once = facts(signatures=(sign(Step.ATTEST, CHRISTINA), sign(Step.AUTHORISE, MARIA)))
        self.assertEqual(rules.next_status(Step.AUTHORISE, once), OrderStatus.PAID)

    def test_the_step_decides_the_kind_of_right(self):
        chair = facts(
            connected_person_id=CHRISTINA, connected_is_chair=True, connected_is_board=True
        )
        board = facts(connected_person_id=PETER, connected_is_board=True)
        self.assertEqual(rules.needed_kind(Step.ATTEST, chair), SignatureKind.CHAIR_ATTEST)
        self.assertEqual(rules.needed_kind(Step.ATTEST, board), SignatureKind.BOARD_ATTEST)
        self.assertEqual(rules.needed_kind(Step.ATTEST, facts()), SignatureKind.PAYMENT_ATTEST)
        self.assertEqual(rules.needed_kind(Step.RECEIPT, chair), SignatureKind.RECEIPT_ATTEST)
        self.assertEqual(rules.needed_kind(Step.AUTHORISE, chair), SignatureKind.AUTHORISE)
