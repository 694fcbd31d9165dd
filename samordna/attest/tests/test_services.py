"""Services of attest and utanordning: the signature list and its lock, orders through
their steps with two utanordnare, the same form sent twice, and insats payments recorded
only by the second utanordning."""

from typing import Any

from django.core.exceptions import ValidationError

from samordna.accounts.models import User
from samordna.attest import selectors, services
from samordna.attest.models import (
    OrderApproval,
    OrderKind,
    OrderStatus,
    PaymentOrder,
    RightRole,
    SignatureKind,
    SignatureList,
    Step,
)
from samordna.attest.tests.helpers import D, at, invoice, person, token, user
from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions.models import Instalment, Payment
from samordna.interventions.services import grants
from samordna.interventions.tests.helpers import granted, refused
from samordna.meetings.models import Paragraph

OCTOBER_5 = D(2023, 10, 5)


class AttestTestCase(SamordnaTestCase):
    jonas: User
    emil: User
    finance2: User

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.jonas = user("jonas.vast")
        cls.emil = user("emil.ulander")
        cls.finance2 = user("ekonomi2.sundsvall")

    def approve(self, order: PaymentOrder, step: str, by: Any, day=OCTOBER_5, key=None):
        return services.order_approve(
            order=order, step=step, by=by, token=key or token(), at=at(day)
        )


class SignatureListTests(AttestTestCase):
    def test_the_demo_list_is_bilaga_7_adopted_in_paragraph_129(self):
        signature_list = SignatureList.objects.get(association=self.association, year=2023)
        self.assertEqual(signature_list.adopted_on, D(2022, 11, 25))
        assert signature_list.paragraph is not None
        self.assertEqual(signature_list.paragraph.number, 129)
        self.assertEqual(signature_list.source, "Styrelsemöte 2022-11-25 § 129")
        rows = {
            (r.person.full_name, r.kind, r.role)
            for r in signature_list.rights.select_related("person")
        }
        self.assertLessEqual(
            {
                ("Christina Nordenö", SignatureKind.PAYMENT_ATTEST, RightRole.ORDINARY),
                ("Jonas Väst", SignatureKind.PAYMENT_ATTEST, RightRole.DEPUTY),
                ("Jonas Väst", SignatureKind.CHAIR_ATTEST, RightRole.ORDINARY),
                ("Jan Andersson", SignatureKind.RECEIPT_ATTEST, RightRole.ORDINARY),
                ("Emil Ulander", SignatureKind.RECEIPT_ATTEST, RightRole.ORDINARY),
                ("Maria Sjöberg", SignatureKind.AUTHORISE, RightRole.ORDINARY),
                ("Anders Lund", SignatureKind.AUTHORISE, RightRole.ORDINARY),
            },
            rows,
        )
        own = signature_list.rights.get(
            person__last_name="Nordenö", kind=SignatureKind.PAYMENT_ATTEST
        )
        self.assertEqual(own.note, "Gäller ej Christina Nordenös reseräkningar eller kontantutlägg")
        self.assertFalse(SignatureList.objects.filter(association=self.other).exists())

    def draft(self, year: int = 2024) -> SignatureList:
        return services.list_create(association=self.association, year=year, by=self.office)

    def test_a_draft_is_edited_and_adopted_in_a_paragraph_then_locked(self):
        draft = self.draft()
        right = services.right_add(
            signature_list=draft,
            by=self.office,
            person=person(self.association, "Nordenö"),
            kind=SignatureKind.PAYMENT_ATTEST,
            role=RightRole.ORDINARY,
            max_amount=50_000,
        )
        services.right_update(right=right, by=self.office, max_amount=None, note="Hela året")
        for last_name in ("Sjöberg", "Lund"):
            services.right_add(
                signature_list=draft,
                by=self.office,
                person=person(self.association, last_name),
                kind=SignatureKind.AUTHORISE,
                role=RightRole.ORDINARY,
            )
        paragraph = Paragraph.objects.get(
            meeting__association=self.association, meeting__date=D(2022, 11, 25), number=128
        )
        services.list_adopt(signature_list=draft, by=self.office, paragraph=paragraph)
        self.assertEqual(draft.adopted_on, D(2022, 11, 25))
        with refused(self, "är antagen av styrelsen och kan inte ändras"):
            services.right_update(right=right, by=self.office, max_amount=10)
        with refused(self, "är antagen av styrelsen och kan inte ändras"):
            services.right_delete(right=right, by=self.office)
        with refused(self, "är antagen av styrelsen och kan inte ändras"):
            services.list_adopt(signature_list=draft, by=self.office, paragraph=paragraph)
        self.assertEqual(draft.history.count(), 2)

    def test_a_copy_starts_from_last_years_lines(self):
        last = SignatureList.objects.get(association=self.association, year=2023)
        copy = services.list_create(
            association=self.association, year=2024, by=self.office, copy_from=last
        )
        self.assertEqual(copy.rights.count(), last.rights.count())
        self.assertFalse(copy.adopted)

    def test_what_a_list_must_hold_before_it_is_adopted(self):
        draft = self.draft()
        with refused(self, "Listan saknar någon med betalningsattest"):
            services.list_adopt(
                signature_list=draft,
                by=self.office,
                earlier_reference="2023-11-24 § 9",
                adopted_on=D(2023, 11, 24),
            )
        services.right_add(
            signature_list=draft,
            by=self.office,
            person=person(self.association, "Nordenö"),
            kind=SignatureKind.PAYMENT_ATTEST,
            role=RightRole.ORDINARY,
        )
        services.right_add(
            signature_list=draft,
            by=self.office,
            person=person(self.association, "Lund"),
            kind=SignatureKind.AUTHORISE,
            role=RightRole.ORDINARY,
        )
        with refused(self, "listan behöver minst två personer med utanordningsrätt"):
            services.list_adopt(
                signature_list=draft,
                by=self.office,
                earlier_reference="2023-11-24 § 9",
                adopted_on=D(2023, 11, 24),
            )
        with refused(self, "Välj paragrafen där styrelsen antog listan"):
            services.list_adopt(signature_list=draft, by=self.office)

    def test_bad_lines_are_refused(self):
        draft = self.draft()
        with refused(self, "Det finns redan en signaturlista för 2024."):
            self.draft()
        with refused(self, "Personen hör till ett annat förbund."):
            services.right_add(
                signature_list=draft,
                by=self.office,
                person=self.other.people.get(last_name="Sahlin"),
                kind=SignatureKind.AUTHORISE,
                role=RightRole.ORDINARY,
            )
        line: dict[str, Any] = {
            "signature_list": draft,
            "by": self.office,
            "person": person(self.association, "Lund"),
            "kind": SignatureKind.AUTHORISE,
            "role": RightRole.ORDINARY,
        }
        services.right_add(**line)
        with refused(self, "Personen har redan den rätten i listan"):
            services.right_add(**line)


class OrderFlowTests(AttestTestCase):
    def test_an_invoice_goes_through_every_step_and_is_paid_by_the_second_utanordning(self):
        order = invoice(self.association)
        self.approve(order, Step.RECEIPT, self.office, D(2023, 10, 3))
        self.assertEqual(order.status, OrderStatus.RECEIVED)
        self.approve(order, Step.ATTEST, self.chair, D(2023, 10, 4))
        self.assertEqual(order.status, OrderStatus.ATTESTED)
        self.approve(order, Step.AUTHORISE, self.finance, D(2023, 10, 5))
        self.assertEqual(order.status, OrderStatus.AUTHORISED_ONCE)
        self.assertIsNone(order.paid_on)
        self.approve(order, Step.AUTHORISE, self.finance2, D(2023, 10, 6))
        order.refresh_from_db()
        self.assertEqual((order.status, order.paid_on), (OrderStatus.PAID, D(2023, 10, 6)))
        self.assertEqual(
            [(a.step, a.person.full_name, a.at.date()) for a in order.approvals.all()],
            [
                (Step.RECEIPT, "Jan Andersson", D(2023, 10, 3)),
                (Step.ATTEST, "Christina Nordenö", D(2023, 10, 4)),
                (Step.AUTHORISE, "Maria Sjöberg", D(2023, 10, 5)),
                (Step.AUTHORISE, "Anders Lund", D(2023, 10, 6)),
            ],
        )
        self.assertEqual(order.history.first().history_user, self.finance2)

    def test_mottagningsattest_is_optional(self):
        order = invoice(self.association)
        self.approve(order, Step.ATTEST, self.chair)
        self.assertEqual(order.status, OrderStatus.ATTESTED)

    def test_one_person_cannot_authorise_twice(self):
        order = invoice(self.association)
        self.approve(order, Step.ATTEST, self.chair)
        self.approve(order, Step.AUTHORISE, self.finance)
        with refused(self, "Du har redan utanordnat ordern."):
            self.approve(order, Step.AUTHORISE, self.finance)
        self.assertEqual(order.approvals.filter(step=Step.AUTHORISE).count(), 1)

    def test_the_same_form_sent_twice_signs_once(self):
        order = invoice(self.association)
        key = token()
        first, created = self.approve(order, Step.ATTEST, self.chair, key=key)
        again, created_again = self.approve(order, Step.ATTEST, self.chair, key=key)
        self.assertEqual((first, created, created_again), (again, True, False))
        self.assertEqual(order.approvals.count(), 1)

    def test_the_chairs_travel_claim_is_attested_by_the_vice_chair(self):
        claim = invoice(
            self.association,
            kind=OrderKind.FEE,
            payee="Christina Nordenö",
            connected_person=person(self.association, "Nordenö"),
            amount=980,
        )
        with refused(self, "till dig själv"):
            self.approve(claim, Step.ATTEST, self.chair)
        with refused(self, "ordförandens egna utbetalningar"):
            self.approve(claim, Step.ATTEST, self.office)
        approval, _ = self.approve(claim, Step.ATTEST, self.jonas)
        self.assertEqual(approval.right.kind, SignatureKind.CHAIR_ATTEST)
        self.assertFalse(approval.as_deputy)

    def test_the_vice_chair_acting_as_deputy_is_recorded(self):
        order = invoice(self.association)
        approval, _ = self.approve(order, Step.ATTEST, self.jonas)
        self.assertTrue(approval.as_deputy)

    def test_without_an_adopted_list_for_the_year_nobody_signs(self):
        order = invoice(self.association, registered_on=D(2024, 1, 15))
        with refused(self, "Det finns ingen antagen signaturlista för 2024."):
            self.approve(order, Step.ATTEST, self.chair, D(2024, 1, 16))
        self.assertFalse(order.approvals.exists())

    def test_roles_without_rights_are_refused(self):
        order = invoice(self.association)
        with refused(self, "Du har ingen rätt till betalningsattest"):
            self.approve(order, Step.ATTEST, self.board)
        with refused(self, "Revisorn granskar attesterna men attesterar inte själv."):
            self.approve(order, Step.ATTEST, self.auditor)
        with refused(self, "Ordern hör till ett annat förbund."):
            self.approve(order, Step.ATTEST, self.outsider)

    def test_a_cancelled_order_takes_no_signatures(self):
        order = invoice(self.association)
        with refused(self, "Skriv varför ordern makuleras."):
            services.order_cancel(order=order, by=self.office, reason=" ")
        services.order_cancel(order=order, by=self.office, reason="Registrerad två gånger")
        with refused(self, "Ordern är makulerad."):
            self.approve(order, Step.ATTEST, self.chair)
        with refused(self, "redan makulerad"):
            services.order_cancel(order=order, by=self.office, reason="Igen")

    def test_bad_orders_are_refused_at_their_fields(self):
        base: dict[str, Any] = {
            "association": self.association,
            "kind": OrderKind.INVOICE,
            "payee": "Leverantören AB",
            "amount": 100,
            "connected_person": None,
            "description": "Något",
            "reference": "",
            "by": self.office,
        }
        cases: dict[str, tuple[dict[str, Any], str]] = {
            "payee": ({"payee": " "}, "Ange vem som ska få betalningen."),
            "description": ({"description": ""}, "Ange vad betalningen avser."),
            "amount": ({"amount": 0}, "Beloppet ska vara 1–100\xa0000\xa0000\xa0kr i hela kronor."),
            "connected_person": (
                {"connected_person": self.other.people.get(last_name="Sahlin")},
                "Personen hör till ett annat förbund.",
            ),
        }
        for field, (change, message) in cases.items():
            with self.subTest(field=field), self.assertRaises(ValidationError) as caught:
                services.order_create(**{**base, **change})
            self.assertEqual(caught.exception.message_dict[field], [message])
        with refused(self, "hör till en del av insatsens utbetalningsplan"):
            services.order_create(**{**base, "kind": OrderKind.INSATS})
        key = token()
        first = services.order_create(**base, token=key)
        self.assertEqual(services.order_create(**base, token=key), first)

    def test_the_demo_orders_show_work_to_do(self):
        waiting = selectors.to_handle(self.association, self.chair)
        self.assertEqual([v.payee for v in waiting[Step.ATTEST]], ["Sundsvalls kommun"])
        maria = selectors.to_handle(self.association, self.finance)
        self.assertEqual(
            sorted(v.payee for v in maria[Step.AUTHORISE]),
            ["Konferens Skeppsbron AB", "Tryckeriet i Sundsvall AB"],
        )
        anders = selectors.to_handle(self.association, self.finance2)
        self.assertEqual([v.payee for v in anders[Step.AUTHORISE]], ["Konferens Skeppsbron AB"])
        self.assertEqual(selectors.to_handle(self.association, self.auditor), {})


class InsatsOrderTests(AttestTestCase):
    """An insats payment in a year with an adopted list goes through an order."""

    def setUp(self):
        self.decision = granted(self.association, self.office, self.applicant)
        agreement = grants.agreement_draw_up(
            decision=self.decision, by=self.office, drawn_up_on=D(2023, 1, 10)
        )
        grants.agreement_sign(agreement=agreement, by=self.office, signed_on=D(2023, 1, 20))
        self.first = Instalment.objects.get(grant__decision=self.decision, position=1)

    def request(self, amount: int = 200_000, key: str | None = None) -> PaymentOrder:
        return services.insats_order_request(
            instalment=self.first,
            amount=amount,
            reference="Ver 2023-120",
            by=self.office,
            token=key or token(),
            registered_on=D(2023, 1, 24),
        )

    def test_nothing_is_paid_before_the_second_utanordning_which_pays_once(self):
        order = self.request()
        self.assertEqual(
            (order.kind, order.payee),
            (OrderKind.INSATS, "Individ- och arbetsmarknadsförvaltningen"),
        )
        self.approve(order, Step.ATTEST, self.chair, D(2023, 1, 25))
        self.approve(order, Step.AUTHORISE, self.finance, D(2023, 1, 31))
        self.assertFalse(Payment.objects.filter(instalment=self.first).exists())
        key = token()
        self.approve(order, Step.AUTHORISE, self.finance2, D(2023, 1, 31), key=key)
        self.approve(order, Step.AUTHORISE, self.finance2, D(2023, 1, 31), key=key)
        payment = Payment.objects.get(instalment=self.first)
        order.refresh_from_db()
        self.assertEqual(order.payment, payment)
        self.assertEqual(
            (payment.amount, payment.paid_on, payment.reference, payment.request_token),
            (200_000, D(2023, 1, 31), "Ver 2023-120", order.request_token),
        )

    def test_direct_recording_is_refused_in_a_year_with_a_list(self):
        with self.assertRaises(ValidationError) as caught:
            services.instalment_pay(
                instalment=self.first,
                by=self.finance,
                amount=200_000,
                paid_on=D(2023, 2, 1),
                token=token(),
            )
        self.assertIn(
            "Förbundet har antagit en signaturlista för 2023",
            caught.exception.message_dict["paid_on"][0],
        )
        self.assertFalse(Payment.objects.filter(instalment=self.first).exists())

    def test_the_request_is_checked_as_a_payment_is(self):
        with refused(self, "Högst 200\xa0000\xa0kr återstår att begära"):
            self.request(200_001)
        self.request(150_000)
        with refused(self, "Högst 50\xa0000\xa0kr återstår att begära"):
            self.request(60_000)
        self.request(50_000)
        with refused(self, "Hela delen är redan begärd"):
            self.request(1)
        rest = Instalment.objects.get(grant__decision=self.decision, position=2)
        with refused(self, "Styrelsen har inte godkänt"):
            services.insats_order_request(
                instalment=rest,
                amount=1,
                reference="",
                by=self.office,
                token=token(),
                registered_on=D(2023, 1, 24),
            )

    def test_the_same_request_sent_twice_makes_one_order(self):
        key = token()
        self.assertEqual(self.request(key=key), self.request(key=key))
        self.assertEqual(PaymentOrder.objects.filter(instalment=self.first).count(), 1)

    def test_without_a_list_the_request_is_refused_and_direct_recording_stays(self):
        with refused(self, "Förbundet har ingen antagen signaturlista för 2024"):
            services.insats_order_request(
                instalment=self.first,
                amount=1,
                reference="",
                by=self.office,
                token=token(),
                registered_on=D(2024, 1, 24),
            )
        done = services.instalment_pay(
            instalment=self.first,
            by=self.finance,
            amount=1_000,
            paid_on=D(2024, 2, 1),
            token=token(),
        )
        self.assertTrue(done.created)
        self.assertIsNone(done.order)

    def test_the_demos_2023_insats_payments_went_through_orders(self):
        paid = Payment.objects.filter(association=self.association, paid_on__year=2023)
        self.assertEqual(paid.count(), 8)
        self.assertEqual(paid.filter(order__isnull=True).count(), 0)
        for order in PaymentOrder.objects.filter(payment__in=paid):
            persons = {
                a.person.full_name
                for a in order.approvals.filter(step=Step.AUTHORISE).select_related("person")
            }
            self.assertEqual(persons, {"Maria Sjöberg", "Anders Lund"})
        ht = Payment.objects.filter(association=self.other)
        self.assertTrue(ht.exists())
        self.assertFalse(PaymentOrder.objects.filter(association=self.other).exists())
        self.assertEqual(OrderApproval.objects.filter(order__association=self.other).count(), 0)
