"""The ledger pages the browser tests open, with the demo's records: Sundsvall's imported
demo ledger for 2023, a file waiting to be mapped, and the 2023 budget's lines."""

from functools import cached_property

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samordna.accounts.models import User
from samordna.core.tests.browser_pages import AppPages
from samordna.demo.ledger_money import DEMO_FILE, demo_bytes
from samordna.finance.selectors import budget_for, budget_lines
from samordna.ledger import services
from samordna.ledger.models import AccountMapping, LedgerImport

READER_PAGES = ["ledger:followup", "ledger:imports"]
DATE = "2023-09-30"


class LedgerPages(AppPages):
    prefixes = ("ledger:",)
    role_pages = {
        "jan.andersson": [
            *READER_PAGES,
            "ledger:import_detail",
            "ledger:forecast",
            "ledger:attach",
        ],
        "christina.nordeno": READER_PAGES,
        "peter.pettersson": READER_PAGES,
        "eva.sonidsson": READER_PAGES,
        "ekonomi.sundsvall": [*READER_PAGES, "ledger:import_detail"],
    }
    files = {"ledger:followup_xlsx", "ledger:followup_pdf"}
    not_pages = {"ledger:import_discard"}
    history_kinds = {"bokforingsimport", "kontokoppling"}

    @cached_property
    def demo_import(self) -> LedgerImport:
        return LedgerImport.objects.get(association=self.association, year=2023, demo=True)

    @cached_property
    def pending_import(self) -> LedgerImport:
        """A file uploaded again, waiting on its preview page (every account already mapped)."""
        return services.import_upload(
            association=self.association,
            year=2023,
            by=User.objects.get(username="ekonomi.sundsvall"),
            file=SimpleUploadedFile(DEMO_FILE.name, demo_bytes(self.association)),
        )

    def _url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.slug, *args])

    def paths(self, name: str, username: str) -> list[str]:
        if name == "ledger:followup":
            return [self._url(name), f"{self._url(name)}?datum={DATE}"]
        if name == "ledger:imports":
            return [self._url(name)]
        if name == "ledger:attach":
            return [f"{self._url(name)}?datum={DATE}"]
        if name == "ledger:import_detail":
            return [
                self._url(name, self.demo_import.pk),
                self._url(name, self.pending_import.pk),
            ]
        if name == "ledger:forecast":
            budget = budget_for(self.association, 2023)
            assert budget is not None
            line = next(line for line in budget_lines(budget) if line.name == "Psykolog")
            return [f"{self._url(name, line.pk)}?datum={DATE}"]
        raise AssertionError(f"Ingen sökväg för {name}")

    def history_pk(self, kind: str) -> int:
        if kind == "bokforingsimport":
            return self.demo_import.pk
        mapping = AccountMapping.objects.filter(association=self.association).first()
        assert mapping is not None
        return mapping.pk
