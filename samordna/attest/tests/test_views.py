"""The attest pages: who reads and who acts, the approve buttons and why not, the forms'
errors, query counts that do not grow with the data, and the outsider's 404."""

import datetime
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import cache

from samordna.accounts.models import User
from samordna.associations.cache import association_pages_changed
from samordna.attest import services
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
from samordna.attest.tests.helpers import D, invoice, token, user
from samordna.core.tests.base import SamordnaTestCase


class AttestViewCase(SamordnaTestCase):
    finance2: User
    signature_list: SignatureList

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.finance2 = user("ekonomi2.sundsvall")
        cls.signature_list = SignatureList.objects.get(association=cls.association, year=2023)

    def order_of(self, payee: str) -> PaymentOrder:
        return PaymentOrder.objects.exclude(kind="insats").get(
            association=self.association, payee=payee
        )

    def messages_of(self, response: Any) -> list[str]:
        return [str(m) for m in get_messages(response.wsgi_request)]

    def approve_url(self, order: PaymentOrder) -> str:
        return self.url(f"attest/ordrar/{order.pk}/signera/")


class ReadingTests(AttestViewCase):
    def test_every_reader_reads_the_pages(self):
        order = self.order_of("Tryckeriet i Sundsvall AB")
        pages = [
            "attest/",
            "attest/ordrar/",
            f"attest/ordrar/{order.pk}/",
            "attest/signaturlistor/",
            "attest/signaturlistor/2023/",
        ]
        for reader in (self.office, self.chair, self.board, self.auditor, self.finance):
            self.login(reader)
            for page in pages:
                with self.subTest(user=reader.username, page=page):
                    self.assertEqual(self.client.get(self.url(page)).status_code, 200)

    def test_the_applicant_may_not_and_the_outsider_finds_nothing(self):
        order = self.order_of("Tryckeriet i Sundsvall AB")
        pages = [
            ("attest/", "get"),
            ("attest/ordrar/", "get"),
            (f"attest/ordrar/{order.pk}/", "get"),
            (f"attest/ordrar/{order.pk}/signera/", "post"),
            (f"attest/ordrar/{order.pk}/makulera/", "post"),
            ("attest/fakturor/ny/", "get"),
            ("attest/signaturlistor/", "get"),
            ("attest/signaturlistor/ny/", "get"),
            ("attest/signaturlistor/2023/", "get"),
            ("attest/signaturlistor/2023/anta/", "get"),
            ("attest/signaturlistor/2023/rader/ny/", "get"),
        ]
        for visitor, status in ((self.applicant, 403), (self.outsider, 404)):
            self.login(visitor)
            for page, method in pages:
                with self.subTest(user=visitor.username, page=page):
                    response = getattr(self.client, method)(self.url(page))
                    self.assertEqual(response.status_code, status)

    def test_the_chair_sees_what_waits_for_her_attest(self):
        self.login(self.chair)
        response = self.client.get(self.url("attest/"))
        self.assertContains(response, "Väntar på din betalningsattest")
        self.assertContains(response, "Köpt ekonomiadministration andra halvåret 2023")
        self.assertNotContains(response, "Väntar på din utanordning")
        self.assertNotContains(response, "Registrera en faktura")

    def test_ekonomi_sees_what_waits_for_utanordning(self):
        self.login(self.finance)
        response = self.client.get(self.url("attest/"))
        self.assertContains(response, "Väntar på din utanordning")
        self.assertContains(response, "Tryckeriet i Sundsvall AB")
        self.assertContains(response, "Konferens Skeppsbron AB")

    def test_the_order_shows_who_signed_each_step_and_when(self):
        self.login(self.auditor)
        order = self.order_of("Christina Nordenö")
        response = self.client.get(self.url(f"attest/ordrar/{order.pk}/"))
        self.assertContains(response, "Jonas Väst")
        self.assertContains(response, "Attest av ordförandens egna utbetalningar, ordinarie")
        self.assertContains(response, "2023-09-22 11:00")
        self.assertContains(response, "Maria Sjöberg")
        self.assertContains(response, "Anders Lund")
        self.assertContains(response, "Utbetald")
        self.assertNotContains(response, "Makulera")
        self.assertContains(response, f"historik/utbetalningsorder/{order.pk}/")

    def test_the_order_offers_the_buttons_the_user_may_use_and_says_why_not(self):
        order = self.order_of("Tryckeriet i Sundsvall AB")
        self.login(self.finance)
        page = self.client.get(self.url(f"attest/ordrar/{order.pk}/"))
        self.assertContains(page, ">Utanordna</button>", html=False)
        self.login(self.finance2)
        page = self.client.get(self.url(f"attest/ordrar/{order.pk}/"))
        self.assertNotContains(page, ">Utanordna</button>", html=False)
        self.assertContains(page, "Du har redan utanordnat ordern.")
        self.login(self.auditor)
        page = self.client.get(self.url(f"attest/ordrar/{order.pk}/"))
        self.assertNotContains(page, ">Utanordna</button>", html=False)
        self.assertNotContains(page, "du kan inte signera")

    def test_the_list_page_shows_bilaga_7(self):
        self.login(self.board)
        response = self.client.get(self.url("attest/signaturlistor/2023/"))
        self.assertContains(response, "Styrelsemöte 2022-11-25 § 129")
        self.assertContains(
            response, "Gäller ej Christina Nordenös reseräkningar eller kontantutlägg"
        )
        self.assertContains(response, "Servicecenter Ekonomi, Sundsvalls kommun")
        self.assertNotContains(response, "Lägg till en rad")

    def test_the_status_filter(self):
        self.login(self.office)
        response = self.client.get(self.url("attest/ordrar/?status=attested"))
        self.assertContains(response, "Konferens Skeppsbron AB")
        self.assertNotContains(response, "Tryckeriet i Sundsvall AB")
        response = self.client.get(self.url("attest/ordrar/?status=open"))
        self.assertContains(response, "Tryckeriet i Sundsvall AB")
        self.assertNotContains(response, "Christina Nordenö</td>", html=False)

    def test_history_of_the_list_and_an_order(self):
        self.login(self.office)
        order = self.order_of("Tryckeriet i Sundsvall AB")
        for kind, pk in (
            ("signaturlista", self.signature_list.pk),
            ("utbetalningsorder", order.pk),
        ):
            with self.subTest(kind=kind):
                response = self.client.get(self.url(f"historik/{kind}/{pk}/"))
                self.assertContains(response, "Jan Andersson")


class QueryCountTests(AttestViewCase):
    """The pages' cost does not grow with the orders. The start and the orders pages keep
    their parts in the cache: built anew they cost the counts below (one of them the
    persons on the adopted lists, `selectors.signers`), read from it the session and the
    user."""

    def test_list_pages_pin_their_queries(self):
        self.login(self.chair)
        pages = {
            "attest/": 7,
            "attest/ordrar/": 6,  # a page of 50: its count and its rows
            "attest/signaturlistor/": 3,
            "attest/signaturlistor/2023/": 4,
        }
        cached = {"attest/": 2, "attest/ordrar/": 2}
        for page, count in pages.items():
            cache.clear()  # built anew, the persons on the lists too
            with self.subTest(page=page), self.assertNumQueries(count):
                self.client.get(self.url(page))
        for page, count in cached.items():
            self.client.get(self.url(page))
            with self.subTest(page=page, cached=True), self.assertNumQueries(count):
                self.client.get(self.url(page))
        for _ in range(3):
            order = invoice(self.association)
            services.order_approve(order=order, step=Step.RECEIPT, by=self.office, token=token())
        for page, count in pages.items():
            cache.clear()
            with self.subTest(page=page, more=True), self.assertNumQueries(count):
                self.client.get(self.url(page))
        # Past the first page: the list shows 50 and costs the same. The new orders are the
        # oldest, so the first page still holds every order with approvals and connected
        # people (what decides which detail queries run) and 50 rows in all.
        template = PaymentOrder.objects.filter(association=self.association).earliest(
            "registered_on"
        )
        PaymentOrder.objects.bulk_create(
            PaymentOrder(
                association=self.association,
                kind=OrderKind.INVOICE,
                payee=f"Leverantör {n}",
                amount=100 + n,
                description="Faktura",
                registered_on=template.registered_on - datetime.timedelta(days=1),
                registered_by=template.registered_by,
                request_token=token(),
            )
            for n in range(60)
        )
        association_pages_changed(association_id=self.association.pk)  # no signals
        with self.assertNumQueries(pages["attest/ordrar/"]):
            response = self.client.get(self.url("attest/ordrar/"))
        self.assertEqual(len(response.context["listing"]["views"]), 50)
        self.assertContains(response, "Sida 1 av")

    def test_the_order_page_pins_its_queries(self):
        self.login(self.finance)
        order = self.order_of("Tryckeriet i Sundsvall AB")
        with self.assertNumQueries(8):
            self.client.get(self.url(f"attest/ordrar/{order.pk}/"))


class ApproveTests(AttestViewCase):
    def setUp(self):
        self.order = self.order_of("Tryckeriet i Sundsvall AB")
        self.login(self.finance)

    def test_the_second_utanordnare_pays_the_order(self):
        response = self.client.post(
            self.approve_url(self.order), {"step": Step.AUTHORISE, "token": token()}
        )
        self.assertRedirects(
            response, self.url(f"attest/ordrar/{self.order.pk}/"), fetch_redirect_response=False
        )
        self.order.refresh_from_db()
        self.assertEqual(self.order.status, OrderStatus.PAID)
        self.assertTrue(
            self.messages_of(response)[0].startswith("Ordern är utanordnad av två och utbetald")
        )

    def test_a_form_sent_twice_signs_once(self):
        data = {"step": Step.AUTHORISE, "token": token()}
        self.client.post(self.approve_url(self.order), data)
        second = self.client.post(self.approve_url(self.order), data)
        self.assertEqual(second.status_code, 302)
        self.assertEqual(
            self.messages_of(second)[-1], "Det var redan gjort; inget mer är registrerat."
        )
        self.assertEqual(
            OrderApproval.objects.filter(order=self.order, step=Step.AUTHORISE).count(), 2
        )

    def test_a_refusal_is_shown_in_swedish_with_status_400(self):
        self.login(self.finance2)
        response = self.client.post(
            self.approve_url(self.order), {"step": Step.AUTHORISE, "token": token()}
        )
        self.assertContains(response, "Du har redan utanordnat ordern.", status_code=400)
        self.order.refresh_from_db()
        self.assertEqual(self.order.status, OrderStatus.AUTHORISED_ONCE)

    def test_a_board_member_without_a_right_is_refused(self):
        self.login(self.board)
        response = self.client.post(
            self.approve_url(self.order), {"step": Step.AUTHORISE, "token": token()}
        )
        self.assertContains(response, "Du har ingen rätt till utanordning", status_code=400)

    def test_the_auditor_reads_but_never_signs(self):
        self.login(self.auditor)
        response = self.client.post(
            self.approve_url(self.order), {"step": Step.AUTHORISE, "token": token()}
        )
        self.assertEqual(response.status_code, 403)

    def test_a_broken_form_and_the_wrong_method(self):
        response = self.client.post(
            self.approve_url(self.order), {"step": Step.AUTHORISE, "token": "x"}
        )
        self.assertEqual(
            self.messages_of(response), ["Formuläret är inte giltigt. Ladda om sidan."]
        )
        self.assertEqual(self.client.get(self.approve_url(self.order)).status_code, 405)

    def test_the_kansli_cancels_an_order_with_a_reason(self):
        self.login(self.office)
        url = self.url(f"attest/ordrar/{self.order.pk}/makulera/")
        response = self.client.post(url, {"reason": ""})
        self.assertEqual(response.status_code, 400)
        response = self.client.post(url, {"reason": "Fakturan krediterad"})
        self.assertEqual(response.status_code, 302)
        self.order.refresh_from_db()
        self.assertEqual(
            (self.order.status, self.order.cancelled_reason),
            (OrderStatus.CANCELLED, "Fakturan krediterad"),
        )
        self.login(self.chair)
        self.assertEqual(self.client.post(url, {"reason": "x"}).status_code, 403)


class InvoiceCreateTests(AttestViewCase):
    def setUp(self):
        self.url_ = self.url("attest/fakturor/ny/")
        self.login(self.office)

    def data(self, **extra: Any) -> dict:
        return {
            "payee": "Kontorsmaterial i Norr AB",
            "reference": "F-1001",
            "amount": "12 500",
            "due_on": "2024-01-31",
            "description": "Kontorsmaterial",
            "connected_person": "",
            "token": token(),
            **extra,
        }

    def test_the_kansli_registers_an_invoice_once(self):
        data = self.data()
        response = self.client.post(self.url_, data)
        order = PaymentOrder.objects.get(reference="F-1001")
        self.assertRedirects(
            response, self.url(f"attest/ordrar/{order.pk}/"), fetch_redirect_response=False
        )
        self.assertEqual(
            (order.kind, order.amount, order.status, order.due_on, order.registered_by),
            (OrderKind.INVOICE, 12_500, OrderStatus.REGISTERED, D(2024, 1, 31), self.office),
        )
        self.client.post(self.url_, data)
        self.assertEqual(PaymentOrder.objects.filter(reference="F-1001").count(), 1)

    def test_errors_keep_the_input(self):
        response = self.client.post(self.url_, self.data(amount="12,50", payee="Leverantör AB"))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.context["form"].errors["amount"], ["Skriv beloppet i hela kronor, utan öre."]
        )
        self.assertContains(response, 'value="Leverantör AB"', status_code=400)
        self.assertFalse(PaymentOrder.objects.filter(reference="F-1001").exists())

    def test_only_the_kansli_registers(self):
        for reader in (self.chair, self.finance, self.auditor):
            self.login(reader)
            with self.subTest(user=reader.username):
                self.assertEqual(self.client.post(self.url_, self.data()).status_code, 403)


class SignatureListPageTests(AttestViewCase):
    def test_the_kansli_drafts_edits_and_adopts_a_list(self):
        self.login(self.office)
        response = self.client.post(
            self.url("attest/signaturlistor/ny/"),
            {"year": "2024", "copy_from": self.signature_list.pk},
        )
        self.assertRedirects(
            response, self.url("attest/signaturlistor/2024/"), fetch_redirect_response=False
        )
        draft = SignatureList.objects.get(association=self.association, year=2024)
        page = self.client.get(self.url("attest/signaturlistor/2024/"))
        self.assertContains(page, "Lägg till en rad")
        person = self.association.people.get(last_name="Pettersson")
        response = self.client.post(
            self.url("attest/signaturlistor/2024/rader/ny/"),
            {
                "person": person.pk,
                "title": "Ledamot",
                "kind": SignatureKind.RECEIPT_ATTEST,
                "role": RightRole.DEPUTY,
                "max_amount": "10 000",
                "note": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        right = draft.rights.get(person=person)
        self.assertEqual(right.max_amount, 10_000)
        response = self.client.post(
            self.url(f"attest/signaturlistor/2024/rader/{right.pk}/"),
            {
                "person": person.pk,
                "title": "Ledamot",
                "kind": SignatureKind.RECEIPT_ATTEST,
                "role": RightRole.DEPUTY,
                "max_amount": "",
                "note": "Hela året",
            },
        )
        self.assertEqual(response.status_code, 302)
        right.refresh_from_db()
        self.assertEqual((right.max_amount, right.note), (None, "Hela året"))
        response = self.client.post(
            self.url(f"attest/signaturlistor/2024/rader/{right.pk}/ta-bort/")
        )
        self.assertFalse(draft.rights.filter(pk=right.pk).exists())
        response = self.client.post(
            self.url("attest/signaturlistor/2024/anta/"),
            {"paragraph": "", "earlier_reference": "", "adopted_on": ""},
        )
        self.assertContains(response, "Välj paragrafen där styrelsen antog listan", status_code=400)
        response = self.client.post(
            self.url("attest/signaturlistor/2024/anta/"),
            {
                "paragraph": "",
                "earlier_reference": "Protokoll 2023-11-24 § 9",
                "adopted_on": "2023-11-24",
            },
        )
        self.assertEqual(response.status_code, 302)
        draft.refresh_from_db()
        self.assertEqual(draft.adopted_on, D(2023, 11, 24))
        page = self.client.get(self.url("attest/signaturlistor/2024/"))
        self.assertNotContains(page, "Lägg till en rad")

    def test_an_adopted_list_sends_the_kansli_back_to_it(self):
        self.login(self.office)
        right = self.signature_list.rights.earliest("pk")
        for page in ("rader/ny/", f"rader/{right.pk}/", "anta/", f"rader/{right.pk}/ta-bort/"):
            with self.subTest(page=page):
                method = self.client.post if page.endswith("ta-bort/") else self.client.get
                response = method(self.url(f"attest/signaturlistor/2023/{page}"))
                self.assertRedirects(
                    response, self.url("attest/signaturlistor/2023/"), fetch_redirect_response=False
                )
        self.assertTrue(
            SignatureList.objects.get(pk=self.signature_list.pk).rights.filter(pk=right.pk).exists()
        )

    def test_a_second_list_for_a_year_is_refused_at_the_year(self):
        self.login(self.office)
        response = self.client.post(self.url("attest/signaturlistor/ny/"), {"year": "2023"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.context["form"].errors["year"], ["Det finns redan en signaturlista för 2023."]
        )

    def test_only_the_kansli_edits(self):
        self.login(self.chair)
        self.assertEqual(
            self.client.post(self.url("attest/signaturlistor/ny/"), {"year": "2024"}).status_code,
            403,
        )
