"""The report pages the browser tests open, with the demo's records: Sundsvall's
årsredovisning and verksamhetsplan 2023 and a section of it."""

from functools import cached_property

from django.urls import reverse

from samordna.core.tests.browser_pages import AppPages
from samordna.reports.models import AssociationReport, AssociationReportKind, BalanceMapping

READER_PAGES = ["reports:list", "reports:detail"]


class ReportPages(AppPages):
    prefixes = ("reports:",)
    role_pages = {
        "jan.andersson": [
            *READER_PAGES,
            "reports:create",
            "reports:section",
            "reports:attach",
            "reports:balance_lines",
        ],
        "christina.nordeno": READER_PAGES,
        "peter.pettersson": READER_PAGES,
        "eva.sonidsson": READER_PAGES,
    }
    files = {"reports:pdf", "reports:docx"}
    not_pages = {"reports:refresh", "reports:lock", "reports:send"}
    history_kinds = {"forbundsrapport", "rapportavsnitt", "rapportsiffra", "balanskoppling"}

    @cached_property
    def annual(self) -> AssociationReport:
        return AssociationReport.objects.get(
            association=self.association, kind=AssociationReportKind.ANNUAL, year=2023
        )

    @cached_property
    def plan(self) -> AssociationReport:
        return AssociationReport.objects.get(
            association=self.association, kind=AssociationReportKind.PLAN, year=2023
        )

    def _url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.slug, *args])

    def paths(self, name: str, username: str) -> list[str]:
        if name in ("reports:list", "reports:create"):
            return [self._url(name)]
        if name == "reports:detail":
            return [self._url(name, self.annual.pk), self._url(name, self.plan.pk)]
        if name in ("reports:attach", "reports:balance_lines"):
            return [self._url(name, self.annual.pk)]
        if name == "reports:section":
            section = self.annual.sections.get(key="forvaltningsberattelse")
            return [self._url(name, self.annual.pk, section.pk)]
        raise AssertionError(f"Ingen sökväg för {name}")

    def history_pk(self, kind: str) -> int:
        if kind == "forbundsrapport":
            return self.annual.pk
        if kind == "rapportavsnitt":
            return self.annual.sections.get(key="forvaltningsberattelse").pk
        if kind == "balanskoppling":
            return BalanceMapping.objects.filter(association=self.association)[0].pk
        return self.annual.figures.order_by("pk")[0].pk
