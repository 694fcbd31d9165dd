"""The diarium's pages the browser tests open, with the demo's register: Sundsvall's
applications, decisions and minutes registered while the demo loaded, the two letters of
2023 (one partly secret), and a gallringslista made here for the weeding page."""

from functools import cached_property

from django.urls import reverse

from samordna.accounts.models import User
from samordna.core.tests.browser_pages import AppPages
from samordna.records import services
from samordna.records.models import Case, DocumentType, Handling, WeedingList

READ = ["records:register", "records:case", "records:plan", "records:weeding", "records:archive"]
WEEDING_YEAR = 2026


class RecordsPages(AppPages):
    prefixes = ("records:", "records_public:")
    role_pages = {
        "jan.andersson": [
            *READ,
            "records:settings",
            "records:case_create",
            "records:case_update",
            "records:handling_create",
            "records:handling_secrecy",
            "records:type_create",
            "records:type_update",
        ],
        "christina.nordeno": READ,
        "peter.pettersson": READ,
        "eva.sonidsson": READ,
        "ekonomi.sundsvall": READ,
    }
    public_pages = [
        "records_public:register",
        "records_public:copy_request",
        "records_public:copy_thanks",
    ]
    files = {"records:file", "records:archive_download"}
    not_pages = {
        "records:case_close",
        "records:case_archive",
        "records:copy_request_done",
        "records:weeding_create",
        "records:weeding_execute",
        "records:incoming_to_meeting",
    }
    history_kinds = {"arende", "handling"}

    @cached_property
    def office(self) -> User:
        return User.objects.get(username="jan.andersson")

    @cached_property
    def case(self) -> Case:
        return Case.objects.get(association=self.association, source_key="demo:samverkan-2023")

    @cached_property
    def weeding_list(self) -> WeedingList:
        found = WeedingList.objects.filter(association=self.association, year=WEEDING_YEAR)
        if found.exists():
            return found.get()
        return services.weeding_list_create(
            association=self.association, year=WEEDING_YEAR, by=self.office
        )

    def _url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.slug, *args])

    def paths(self, name: str, username: str) -> list[str]:
        short = name.split(":")[1]
        if name == "records_public:register":
            url = self._url(name)
            return [url, f"{url}?q=ansökan", f"{url}?dnr={self.case.dnr}"]
        if name == "records_public:copy_request":
            return [self._url(name, self.case.handlings.earliest("sequence").pk)]
        if name == "records_public:copy_thanks":
            return [self._url(name)]
        if short == "register":
            return [self._url(name), f"{self._url(name)}?q=samverkan&organisation=kommun"]
        if short in {"plan", "archive", "settings", "case_create", "type_create"}:
            return [self._url(name)]
        if short in {"case", "case_update", "handling_create"}:
            return [self._url(name, self.case.pk)]
        if short == "handling_secrecy":
            secret = self.case.handlings.filter(secret_description=True).get()
            return [self._url(name, secret.pk)]
        if short == "type_update":
            return [
                self._url(
                    name,
                    DocumentType.objects.get(association=self.association, code="skrivelse").pk,
                )
            ]
        if short == "weeding":
            return [self._url(name, self.weeding_list.year)]
        raise AssertionError(f"Ingen sökväg för {name}")

    def history_pk(self, kind: str) -> int:
        if kind == "arende":
            return self.case.pk
        if kind == "handling":
            return Handling.objects.filter(case=self.case).earliest("sequence").pk
        raise AssertionError(f"Ingen historik för {kind}")
