"""The attest pages the browser tests open, with the demo's records: Sundsvall's adopted
list for 2023, its orders waiting for attest and utanordning, and a draft list for 2024
(made here) to open the kansli's forms for a list not yet adopted."""

from functools import cached_property

from django.urls import reverse

from samordna.accounts.models import User
from samordna.attest import services
from samordna.attest.models import PaymentOrder, RightRole, SignatureKind, SignatureList
from samordna.core.tests.browser_pages import AppPages

READ = ["attest:index", "attest:orders", "attest:order", "attest:lists", "attest:list"]
DRAFT_YEAR = 2024


class AttestPages(AppPages):
    prefixes = ("attest:",)
    role_pages = {
        "jan.andersson": [
            *READ,
            "attest:invoice_create",
            "attest:list_create",
            "attest:list_adopt",
            "attest:right_create",
            "attest:right_update",
        ],
        "christina.nordeno": READ,
        "peter.pettersson": READ,
        "eva.sonidsson": READ,
        "ekonomi.sundsvall": READ,
    }
    not_pages = {"attest:order_approve", "attest:order_cancel", "attest:right_delete"}
    history_kinds = {"signaturlista", "utbetalningsorder"}

    @cached_property
    def adopted(self) -> SignatureList:
        return SignatureList.objects.get(association=self.association, year=2023)

    @cached_property
    def draft(self) -> SignatureList:
        """A list for the coming year, not yet adopted: its forms are open to the kansli."""
        found = SignatureList.objects.filter(association=self.association, year=DRAFT_YEAR)
        if found.exists():
            return found.get()
        office = User.objects.get(username="jan.andersson")
        draft = services.list_create(
            association=self.association, year=DRAFT_YEAR, by=office, copy_from=self.adopted
        )
        return draft

    def order(self, payee: str) -> PaymentOrder:
        return PaymentOrder.objects.exclude(kind="insats").get(
            association=self.association, payee=payee
        )

    def _url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.slug, *args])

    def paths(self, name: str, username: str) -> list[str]:
        short = name.split(":")[1]
        office = username == "jan.andersson"
        if short in {"index", "lists", "invoice_create", "list_create"}:
            return [self._url(name)]
        if short == "orders":
            return [self._url(name), f"{self._url(name)}?status=attested"]
        if short == "order":
            # Waiting for attest, for the second utanordnare, and the chair's own travel claim.
            payees = ["Sundsvalls kommun", "Tryckeriet i Sundsvall AB", "Christina Nordenö"]
            paths = [self._url(name, self.order(payee).pk) for payee in payees]
            insats = PaymentOrder.objects.filter(
                association=self.association, kind="insats"
            ).earliest("pk")
            return [*paths, self._url(name, insats.pk)]
        if short == "list":
            years = [2023, DRAFT_YEAR] if office else [2023]
            if office:
                assert self.draft
            return [self._url(name, year) for year in years]
        if short in {"list_adopt", "right_create"}:
            return [self._url(name, self.draft.year)]
        if short == "right_update":
            right = self.draft.rights.get(kind=SignatureKind.CHAIR_ATTEST, role=RightRole.ORDINARY)
            return [self._url(name, self.draft.year, right.pk)]
        raise AssertionError(f"Ingen sökväg för {name}")

    def history_pk(self, kind: str) -> int:
        if kind == "signaturlista":
            return self.adopted.pk
        return self.order("Tryckeriet i Sundsvall AB").pk
