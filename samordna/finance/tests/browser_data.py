"""The finance pages the browser tests open, with the demo's records: Sundsvall's adopted
budget 2023 and its contributions, and a draft budget 2024 made here for the forms."""

from functools import cached_property

from django.urls import reverse

from samordna.accounts.models import User
from samordna.core.tests.browser_pages import AppPages
from samordna.finance import services
from samordna.finance.models import Budget, ContributionInstalment, StateAllocation

READ_PAGES = ["finance:overview", "finance:contributions", "finance:budget", "finance:goals"]


class FinancePages(AppPages):
    prefixes = ("finance:",)
    role_pages = {
        "jan.andersson": [
            *READ_PAGES,
            "finance:allocation_set",
            "finance:schedule_set",
            "finance:payment",
            "finance:budget_create",
            "finance:budget_update",
            "finance:line_create",
            "finance:line_update",
            "finance:balance_update",
            "finance:budget_adopt",
            "finance:goals_update",
        ],
        "christina.nordeno": READ_PAGES,
        "peter.pettersson": READ_PAGES,
        "eva.sonidsson": READ_PAGES,
        "ekonomi.sundsvall": [*READ_PAGES, "finance:payment"],
    }
    files = {"finance:budget_xlsx", "finance:budget_pdf"}
    not_pages = {"finance:line_delete", "finance:budget_refresh"}
    history_kinds = {"budget", "tilldelning", "betalplan", "finansiellamal"}

    @cached_property
    def office(self) -> User:
        return User.objects.get(username="jan.andersson")

    @cached_property
    def draft(self) -> Budget:
        """A draft budget for 2024, to open the kansli's forms on."""
        existing = Budget.objects.filter(association=self.association, year=2024).first()
        return existing or services.budget_create(
            association=self.association, by=self.office, year=2024, copy_previous=True
        )

    def _url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.slug, *args])

    def paths(self, name: str, username: str) -> list[str]:
        short = name.split(":")[1]
        office = username == "jan.andersson"
        if short in {"overview", "goals", "goals_update", "budget_create"}:
            return [self._url(name)]
        if short in {"contributions", "allocation_set"}:
            return [self._url(name, 2023)]
        if short == "budget":
            return (
                [self._url(name, 2023), self._url(name, self.draft.year)]
                if office
                else [self._url(name, 2023)]
            )
        if short in {"budget_update", "line_create", "balance_update", "budget_adopt"}:
            return [self._url(name, self.draft.year)]
        if short == "line_update":
            typed = self.draft.lines.get(name="Konsulter")
            decided = self.draft.lines.filter(from_decisions=True).first()
            income = self.draft.lines.filter(member__isnull=False).first()
            return [
                self._url(name, self.draft.year, line.pk)
                for line in (typed, decided, income)
                if line is not None
            ]
        if short == "schedule_set":
            region = self.association.members.get(kind="region")
            return [self._url(name, 2023, region.pk)]
        if short == "payment":
            open_instalment = ContributionInstalment.objects.filter(
                schedule__association=self.association, paid_on__isnull=True
            ).earliest("pk")
            return [self._url(name, open_instalment.pk)]
        raise AssertionError(f"Ingen sökväg för {name}")

    def history_pk(self, kind: str) -> int:
        if kind == "budget":
            return self.association.budgets.get(year=2023).pk
        if kind == "tilldelning":
            allocation, _ = StateAllocation.objects.get_or_create(
                association=self.association,
                year=2024,
                defaults={"amount": 3_689_000, "reference": "Plan i Bilaga 16 (test)"},
            )
            return allocation.pk
        if kind == "betalplan":
            return self.association.contribution_schedules.earliest("pk").pk
        if kind == "finansiellamal":
            return self.association.financial_goals.pk
        raise AssertionError(kind)
