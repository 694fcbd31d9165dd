"""The attest start page and the orders list keep their parts in the cache ({% shared %}):
a change through the services shows on the next page, and each reader gets the steps the
list offers them, not those of whoever built the part first."""

import re
from typing import Any
from unittest import mock

from django.core.cache import cache
from django.test import Client

from samordna.accounts.models import User
from samordna.associations.cache import association_pages_changed
from samordna.attest import services
from samordna.attest.models import (
    OrderStatus,
    PaymentOrder,
    RightRole,
    SignatureKind,
    SignatureList,
    Step,
)
from samordna.attest.tests.helpers import D, invoice, person, token
from samordna.attest.tests.test_views import AttestViewCase

PAGES = ("attest/", "attest/ordrar/", "attest/ordrar/?status=open", "attest/ordrar/?sida=2")


def html(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


class SharedPartTests(AttestViewCase):
    """Every reader logs in before the first page: a login saves the user, which draws a
    new version for the förbund and would hide a part kept for the wrong reader."""

    def setUp(self):
        self.readers = (
            self.office,
            self.chair,
            self.board,
            self.auditor,
            self.finance,
            self.finance2,
        )
        self.clients: dict[str, Client] = {}
        for reader in self.readers:
            self.clients[reader.username] = Client()
            self.clients[reader.username].force_login(reader)

    def get(self, reader: User, page: str) -> Any:
        return self.clients[reader.username].get(self.url(page))

    def test_every_reader_gets_the_page_built_for_them(self):
        """Each reader's page read after the others' is the page built for them alone."""
        alone: dict[tuple[str, str], str] = {}
        for reader in self.readers:
            for page in PAGES:
                cache.clear()
                alone[(reader.username, page)] = html(self.get(reader, page))
        cache.clear()
        for reader in self.readers:
            for page in PAGES:
                with self.subTest(user=reader.username, page=page):
                    self.assertEqual(html(self.get(reader, page)), alone[(reader.username, page)])
        for page in PAGES:  # all of it kept: the session and the user
            with self.subTest(page=page, cached=True), self.assertNumQueries(2):
                self.get(self.office, page)

    def test_each_utanordnare_sees_their_own_steps(self):
        """finance2 has authorised Tryckeriet's order once; the second utanordning is for
        ekonomi. ekonomi's pages read first must not offer it to finance2."""
        self.assertContains(self.get(self.finance, "attest/"), "Väntar på din utanordning")
        open_orders = "attest/ordrar/?status=authorised_once"
        self.assertContains(self.get(self.finance, open_orders), "Du kan utanordna")
        self.assertNotContains(self.get(self.finance2, "attest/"), "Tryckeriet i Sundsvall AB")
        orders = self.get(self.finance2, open_orders)
        self.assertContains(orders, "Tryckeriet i Sundsvall AB")
        self.assertNotContains(orders, "Du kan utanordna")
        self.assertContains(self.get(self.finance, open_orders), "Du kan utanordna")

    def test_the_kansli_alone_is_offered_to_register_an_invoice(self):
        for reader, shown in ((self.office, True), (self.chair, False), (self.office, True)):
            for page in ("attest/", "attest/ordrar/"):
                with self.subTest(user=reader.username, page=page):
                    response = self.get(reader, page)
                    if shown:
                        self.assertContains(response, "Registrera en faktura")
                    else:
                        self.assertNotContains(response, "Registrera en faktura")

    def test_the_status_and_page_are_in_the_key(self):
        everything = self.get(self.office, "attest/ordrar/").content.decode()
        attested = self.get(self.office, "attest/ordrar/?status=attested").content.decode()
        self.assertIn("Tryckeriet i Sundsvall AB", everything)
        self.assertNotIn("Tryckeriet i Sundsvall AB", attested)
        self.assertIn("Konferens Skeppsbron AB", attested)
        self.assertIn('<option value="attested" selected>', attested)

    def test_the_page_is_in_the_key(self):
        invoice(self.association, payee="Leverantör 0")
        template = PaymentOrder.objects.get(payee="Leverantör 0")
        PaymentOrder.objects.bulk_create(
            PaymentOrder(
                association=self.association,
                kind=template.kind,
                payee=f"Leverantör {n}",
                amount=100 + n,
                description="Faktura",
                registered_on=template.registered_on,
                registered_by=template.registered_by,
                request_token=token(),
            )
            for n in range(1, 60)
        )
        association_pages_changed(association_id=self.association.pk)  # no signals
        first = self.get(self.office, "attest/ordrar/").content.decode()
        second = self.get(self.office, "attest/ordrar/?sida=2").content.decode()
        self.assertIn("sida 1 av", first)
        self.assertIn("sida 2 av", second)

    def test_the_year_of_the_governing_list_follows_the_day(self):
        self.assertFalse(
            SignatureList.objects.filter(year=2026, association=self.association).exists()
        )
        with mock.patch("django.utils.timezone.localdate", return_value=D(2026, 3, 1)):
            self.assertContains(
                self.get(self.office, "attest/"),
                "Förbundet har ingen antagen signaturlista för 2026.",
            )
        with mock.patch("django.utils.timezone.localdate", return_value=D(2023, 10, 2)):
            self.assertContains(
                self.get(self.office, "attest/"),
                "Förbundet har en antagen signaturlista för 2023",
            )

    def test_a_new_invoice_shows_on_the_lists(self):
        self.assertNotContains(self.get(self.chair, "attest/ordrar/"), "Nya Möbler i Sundsvall AB")
        self.get(self.chair, "attest/")
        invoice(self.association, payee="Nya Möbler i Sundsvall AB")
        self.assertContains(self.get(self.chair, "attest/ordrar/"), "Nya Möbler i Sundsvall AB")
        start = self.get(self.chair, "attest/")
        self.assertContains(start, "Nya Möbler i Sundsvall AB")  # waits for her attest
        registered = PaymentOrder.objects.filter(
            association=self.association, status=OrderStatus.REGISTERED
        ).count()
        self.assertContains(
            start,
            f'?status=registered">{OrderStatus.REGISTERED.label}</a></td>'
            f'<td class="numeric">{registered}</td>',
            html=False,
        )

    def test_a_signed_order_leaves_what_waits_and_shows_paid(self):
        order = self.order_of("Tryckeriet i Sundsvall AB")
        self.assertContains(self.get(self.finance, "attest/"), "Tryckeriet i Sundsvall AB")
        paid = "attest/ordrar/?status=paid"
        self.assertNotContains(self.get(self.finance, paid), "Tryckeriet i Sundsvall AB")
        services.order_approve(order=order, step=Step.AUTHORISE, by=self.finance, token=token())
        self.assertNotContains(self.get(self.finance, "attest/"), "Tryckeriet i Sundsvall AB")
        self.assertContains(self.get(self.finance, paid), "Tryckeriet i Sundsvall AB")

    def test_a_new_line_on_an_adopted_list_makes_a_signer(self):
        """The board member signs nothing and shares the part of every such reader; once an
        adopted list gives him mottagningsattest, his own steps show."""
        self.assertContains(
            self.get(self.board, "attest/"),
            "Inga ordrar väntar på något du får signera enligt signaturlistorna.",
        )
        self.get(self.board, "attest/ordrar/")
        copy = services.list_create(
            association=self.association, year=2024, by=self.office, copy_from=self.signature_list
        )
        services.right_add(
            signature_list=copy,
            by=self.office,
            person=person(self.association, "Pettersson"),
            kind=SignatureKind.RECEIPT_ATTEST,
            role=RightRole.ORDINARY,
        )
        services.list_adopt(
            signature_list=copy,
            by=self.office,
            earlier_reference="2023-11-24 § 9",
            adopted_on=D(2023, 11, 24),
        )
        invoice(self.association, payee="Nya Möbler i Sundsvall AB", registered_on=D(2024, 2, 1))
        start = self.get(self.board, "attest/")
        self.assertContains(start, "Väntar på din mottagningsattest")
        self.assertContains(start, "Nya Möbler i Sundsvall AB")
        self.assertContains(self.get(self.board, "attest/ordrar/"), "Du kan mottagningsattestera")
        # The auditor signs nothing: still the part without steps.
        self.assertNotContains(self.get(self.auditor, "attest/ordrar/"), "Du kan ")
