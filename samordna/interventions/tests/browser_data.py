"""The insatser pages the browser tests open, with objects from the demo and the few the demo
does not hold (an application in beredning, a § of a meeting not yet justerad, an agreement
not yet signed, a report handed in), made through the services when first asked for."""

from functools import cached_property

from django.urls import reverse

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.interventions.models import (
    Application,
    AssessmentCriterion,
    GrantDecision,
    Instalment,
    Intervention,
    Report,
    ReportKind,
)
from samordna.interventions.services import grants, reports
from samordna.interventions.services.reports import GoalReport
from samordna.interventions.tests.helpers import D, draft, granted, submitted
from samordna.meetings.models import Paragraph
from samordna.meetings.services import proceedings

ARBETSKONSULENT = "Arbetskonsulent för personer med aktivitetsersättning"  # Bilaga 10, § 132


class InterventionPaths:
    history_kinds = {"insats", "ansokan", "beslut", "avtal", "utbetalning", "rapport"}

    def __init__(self, association: Association):
        self.association = association
        self.slug = association.slug

    @cached_property
    def office(self) -> User:
        return self.association.users.get(username="jan.andersson")

    @cached_property
    def applicant(self) -> User:
        return self.association.users.get(username="denise.wallen")

    # From the demo

    @cached_property
    def decided(self) -> Application:
        return Application.objects.get(association=self.association, name=ARBETSKONSULENT)

    @cached_property
    def decision(self) -> GrantDecision:
        return GrantDecision.objects.get(application=self.decided)

    @cached_property
    def intervention(self) -> Intervention:
        assert self.decided.intervention is not None
        return self.decided.intervention

    # Made for the test

    @cached_property
    def in_preparation(self) -> Application:
        return submitted(self.association, self.applicant, name="Jobbspår i samverkan")

    @cached_property
    def own_draft(self) -> Application:
        return draft(self.association, self.applicant, name="Utkast till ny insats")

    @cached_property
    def open_paragraph(self) -> Paragraph:
        """A § in the next meeting of the plan, 2023-01-27, whose minutes are open."""
        meeting = self.association.meetings.get(date=D(2023, 1, 27))
        return proceedings.paragraph_create(
            meeting=meeting, by=self.office, title="Ansökningar om medel"
        )

    @cached_property
    def to_sign(self) -> GrantDecision:
        """Granted and justerad, its agreement drawn up but not signed."""
        decision = granted(
            self.association,
            self.office,
            self.applicant,
            name="Studiecoach i samverkan",
            day=D(2022, 12, 16),
        )
        grants.agreement_draw_up(decision=decision, by=self.office, drawn_up_on=D(2023, 1, 10))
        return decision

    @cached_property
    def payable(self) -> Instalment:
        """The first half of a grant whose agreement is signed: it can be paid out."""
        decision = granted(
            self.association,
            self.office,
            self.applicant,
            name="Hälsospår i samverkan",
            day=D(2022, 12, 16),
        )
        agreement = grants.agreement_draw_up(
            decision=decision, by=self.office, drawn_up_on=D(2023, 1, 10)
        )
        grants.agreement_sign(agreement=agreement, by=self.office, signed_on=D(2023, 1, 20))
        return Instalment.objects.get(grant__decision=decision, position=1)

    @cached_property
    def handed_in(self) -> Report:
        decision = self.payable.grant.decision
        report = decision.reports.get(kind=ReportKind.FINAL)
        goals = [GoalReport(g.pk, fulfilment="reached") for g in decision.application.goals.all()]
        reports.report_save(
            report=report,
            by=self.applicant,
            version=report.version,
            results="Insatsen har nått sina mål.",
            analysis="",
            goals=goals,
        )
        return reports.report_submit(report=report, by=self.applicant, version=report.version)

    # Paths

    def _url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.slug, *args])

    def paths(self, name: str, username: str) -> list[str]:
        short = name.split(":")[1]
        if name == "catalogue:search":
            return [reverse(name), f"{reverse(name)}?q=arbetsmarknadstorget&inriktning=individual"]
        if name == "catalogue:detail":
            amt = Intervention.objects.get(
                association=self.association, name="Arbetsmarknadstorget i Sundsvall"
            )
            return [reverse(name, args=[amt.pk])]
        if short in {
            "applications",
            "application_create",
            "register",
            "goals",
            "criteria",
            "preparation_group",
            "intervention_create",
            "settings",
        }:
            return [self._url(name)]
        applicant = username == "denise.wallen"
        if short == "application":
            if applicant:
                return [self._url(name, self.decided.pk), self._url(name, self.own_draft.pk)]
            return [self._url(name, self.decided.pk), self._url(name, self.in_preparation.pk)]
        if short in {"application_edit", "application_attachment_create"}:
            target = self.own_draft if applicant else self.in_preparation
            return [self._url(name, target.pk)]
        if short in {"preparation", "assessment", "opinion", "agenda", "decision_earlier"}:
            return [self._url(name, self.in_preparation.pk)]
        if short == "criterion_update":
            first = AssessmentCriterion.objects.filter(association=self.association).first()
            assert first is not None
            return [self._url(name, first.pk)]
        if short in {"detail", "close", "catalogue_edit"}:
            return [self._url(name, self.intervention.pk)]
        if short == "report":
            report = self.intervention.reports.get(title="Redovisning 2023")
            return [self._url(name, self.intervention.pk, report.pk)]
        if short in {"report_return"}:
            report = self.handed_in
            return [self._url(name, report.intervention_id, report.pk)]
        if short == "report_sign":
            report = self.intervention.reports.get(kind=ReportKind.FINAL)
            return [self._url(name, self.intervention.pk, report.pk)]
        if short in {"agreement", "report_request"}:
            return [self._url(name, self.decision.pk)]
        if short == "agreement_sign":
            return [self._url(name, self.to_sign.pk)]
        if short == "condition_met":
            return [self._url(name, self.decision.conditions.get().pk)]
        if short == "instalment_pay":
            blocked = Instalment.objects.get(
                grant__decision=self.decision, grant__year=2023, position=2
            )
            return [self._url(name, self.payable.pk), self._url(name, blocked.pk)]
        if short == "decision_create":
            paragraph = self.open_paragraph
            url = self._url(name, paragraph.pk)
            return [url, f"{url}?ansokan={self.in_preparation.pk}"]
        if short == "report_approve":
            self.handed_in  # noqa: B018 (a report for the board to approve)
            return [self._url(name, self.open_paragraph.pk)]
        raise AssertionError(f"Ingen sökväg för {name}")

    def history_pk(self, kind: str) -> int:
        records = {
            "insats": self.intervention,
            "ansokan": self.decided,
            "beslut": self.decision,
            "avtal": self.decision.agreement,
            "utbetalning": self.decision.amounts.get(year=2023).payments.first(),
            "rapport": self.intervention.reports.first(),
        }
        record = records[kind]
        assert record is not None
        return record.pk
