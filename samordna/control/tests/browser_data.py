"""The control-year pages the browser tests open, with the demo's records: Sundsvall's
årshjul, the delegationsordning 2023 and the internkontrollplaner 2022–2023, and drafts for
2024 (made here) to open the kansli's forms for a plan not yet adopted."""

from functools import cached_property

from django.urls import reverse

from samordna.accounts.models import User
from samordna.control import services
from samordna.control.models import ControlPlan, DelegationOrder, Occurrence, RiskAnalysis
from samordna.core.tests.browser_pages import AppPages

READ = [
    "control:cycle",
    "control:delegation",
    "control:order",
    "control:plans",
    "control:plan",
    "control:risks",
    "control:risk",
    "control:discharges",
    "control:revision",
    "control:consultations",
    "control:consultation",
]
DRAFT_YEAR = 2024


class ControlPages(AppPages):
    prefixes = ("control:",)
    role_pages = {
        "jan.andersson": [
            *READ,
            "control:item_create",
            "control:item_update",
            "control:occurrence_update",
            "control:order_create",
            "control:order_adopt",
            "control:point_create",
            "control:point_update",
            "control:decision_create",
            "control:plan_create",
            "control:plan_adopt",
            "control:row_create",
            "control:row_update",
            "control:followup",
            "control:report_attach",
            "control:risk_create",
            "control:risk_update",
            "control:risk_adopt",
            "control:risk_row_create",
            "control:risk_row_update",
            "control:discharge_create",
            "control:auditor_create",
            "control:auditor_update",
            "control:audit_document_create",
            "control:audit_answer",
            "control:consultation_create",
            "control:consultation_update",
            "control:representative_create",
            "control:consultation_document_create",
        ],
        "christina.nordeno": READ,
        "peter.pettersson": READ,
        "eva.sonidsson": READ,
        "ekonomi.sundsvall": READ,
    }
    files = {
        "control:cycle_ics",
        "control:report_pdf",
        "cycle_feed",
        "control:order_pdf",
        "control:risk_pdf",
        "control:audit_file",
        "control:consultation_document_file",
        "control:discharge_file",
    }
    not_pages = {
        "control:statutory_create",
        "control:year_create",
        "control:occurrence_to_agenda",
        "control:plan_version",
        "control:meeting_to_agenda",
    }

    @cached_property
    def office(self) -> User:
        return User.objects.get(username="jan.andersson")

    @cached_property
    def draft_order(self) -> DelegationOrder:
        found = DelegationOrder.objects.filter(association=self.association, year=DRAFT_YEAR)
        if found.exists():
            return found.get()
        return services.delegation_order_create(
            association=self.association, year=DRAFT_YEAR, by=self.office
        )

    @cached_property
    def draft_plan(self) -> ControlPlan:
        found = ControlPlan.objects.filter(association=self.association, year=DRAFT_YEAR)
        if found.exists():
            return found.get()
        return services.control_plan_create(
            association=self.association, year=DRAFT_YEAR, by=self.office
        )

    @cached_property
    def draft_analysis(self) -> RiskAnalysis:
        found = RiskAnalysis.objects.filter(association=self.association, year=DRAFT_YEAR)
        if found.exists():
            return found.get()
        return services.risk_analysis_create(
            association=self.association, year=DRAFT_YEAR, by=self.office
        )

    def plan(self, year: int) -> ControlPlan:
        return ControlPlan.objects.get(association=self.association, year=year, version=1)

    def _url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.slug, *args])

    def paths(self, name: str, username: str) -> list[str]:
        short = name.split(":")[1]
        office = username == "jan.andersson"
        if short == "cycle":
            return [self._url(name), f"{self._url(name)}?ar=2023"]
        if short in {"delegation", "plans", "item_create", "order_create", "decision_create"}:
            return [self._url(name)]
        if short == "plan_create":
            return [self._url(name)]
        if short == "item_update":
            return [self._url(name, self.association.cycle_items.earliest("month", "pk").pk)]
        if short == "occurrence_update":
            occurrence = Occurrence.objects.filter(
                item__association=self.association, year=2023
            ).earliest("due_on", "pk")
            return [self._url(name, occurrence.pk)]
        if short == "order":
            years = [2023, self.draft_order.year] if office else [2023]
            return [self._url(name, year) for year in years]
        if short in {"order_adopt", "point_create"}:
            return [self._url(name, self.draft_order.year)]
        if short == "point_update":
            point = self.draft_order.points.earliest("number")
            return [self._url(name, self.draft_order.year, point.pk)]
        if short == "plan":
            plans = [self.plan(2022), self.plan(2023)]
            if office:
                plans.append(self.draft_plan)
            return [self._url(name, p.pk) for p in plans]
        if short in {"plan_adopt", "row_create"}:
            return [self._url(name, self.draft_plan.pk)]
        if short == "row_update":
            return [self._url(name, self.draft_plan.rows.earliest("position").pk)]
        if short == "discharges":
            return [self._url(name), f"{self._url(name)}?ar=2021"]
        if short in {"risks", "risk_create", "discharge_create"}:
            return [self._url(name)]
        if short == "risk":
            years = [2023, self.draft_analysis.year] if office else [2023]
            return [self._url(name, year) for year in years]
        if short in {"risk_update", "risk_adopt", "risk_row_create"}:
            return [self._url(name, self.draft_analysis.year)]
        if short == "risk_row_update":
            row = self.draft_analysis.rows.earliest("position")
            return [self._url(name, self.draft_analysis.year, row.pk)]
        if short == "followup":
            return [self._url(name, self.plan(2023).rows.earliest("position").pk)]
        if short == "report_attach":
            return [self._url(name, self.plan(2022).pk)]
        if short == "revision":
            return [self._url(name), f"{self._url(name)}?ar=2023"]
        if short in {
            "consultations",
            "consultation_create",
            "auditor_create",
            "audit_document_create",
        }:
            return [self._url(name)]
        if short == "auditor_update":
            return [self._url(name, self.association.auditors.earliest("pk").pk)]
        if short == "audit_answer":
            return [self._url(name, self.association.audit_documents.earliest("pk").pk)]
        if short in {
            "consultation",
            "consultation_update",
            "representative_create",
            "consultation_document_create",
        }:
            return [self._url(name, self.association.consultations.earliest("pk").pk)]
        raise AssertionError(f"Ingen sökväg för {name}")

    def history_pk(self, kind: str) -> int:
        raise AssertionError(f"Ingen historik för {kind}")
