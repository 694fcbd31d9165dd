"""The follow-up pages the browser tests open, with the demo's counts, surveys and goals,
and the few things the demo does not hold (a draft of counts, a survey round open today)."""

import datetime
from functools import cached_property

from django.urls import reverse
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.followup import services
from samordna.followup.models import (
    CountImport,
    MeasuredGoal,
    ParticipantReport,
    ParticipantReportStatus,
    Questionnaire,
    ReportingPeriod,
    SurveyRound,
)
from samordna.followup.services import imports, surveys
from samordna.interventions.models import ApplicationGoal, Intervention

ARBETSKONSULENT = "Arbetskonsulent för personer med aktivitetsersättning"


class FollowupPaths:
    def __init__(self, association: Association):
        self.association = association
        self.slug = association.slug

    @cached_property
    def office(self) -> User:
        return User.objects.get(username="jan.andersson")

    @cached_property
    def applicant(self) -> User:
        return User.objects.get(username="denise.wallen")

    @cached_property
    def intervention(self) -> Intervention:
        return Intervention.objects.get(association=self.association, name=ARBETSKONSULENT)

    @cached_property
    def approved_report(self) -> ParticipantReport:
        return ParticipantReport.objects.get(
            intervention=self.intervention,
            period__year=2023,
            period__number=2,
            status=ParticipantReportStatus.APPROVED,
        )

    @cached_property
    def draft_report(self) -> ParticipantReport:
        period = services.periods_for_year(association=self.association, year=2024)[0]
        return services.counts_open(
            intervention=self.intervention, period=period, by=self.applicant
        )

    @cached_property
    def questionnaire(self) -> Questionnaire:
        return Questionnaire.objects.get(association=self.association, name="Deltagare vid avslut")

    @cached_property
    def demo_round(self) -> SurveyRound:
        return SurveyRound.objects.get(
            association=self.association, intervention=self.intervention, year=2023
        )

    @cached_property
    def open_round(self) -> SurveyRound:
        today = timezone.localdate()
        return surveys.round_open(
            association=self.association,
            by=self.office,
            questionnaire=self.questionnaire,
            intervention=self.intervention,
            year=today.year,
            opens_on=today - datetime.timedelta(days=1),
            closes_on=today + datetime.timedelta(days=14),
        )

    @cached_property
    def count_import(self) -> CountImport:
        """The template of the demo's last half-year of 2023 uploaded as it is, waiting for
        confirmation (its page checks the rows again)."""
        period = ReportingPeriod.objects.filter(association=self.association, year=2023).latest(
            "starts_on"
        )
        rows = imports.template_rows(self.association, period)
        return CountImport.objects.create(
            association=self.association,
            period=period,
            filename="siffror-2023.csv",
            rows=[[str(cell) for cell in row] for row in rows],
            uploaded_by=self.office,
        )

    def _url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.slug, *args])

    def paths(self, name: str, username: str) -> list[str]:
        short = name.split(":")[1]
        applicant = username == "denise.wallen"
        if name == "national:overview":
            return [reverse(name), f"{reverse(name)}?ar=2023"]
        if name == "survey:answer":
            return [
                reverse(name, args=[self.open_round.token]),
                reverse(name, args=[self.demo_round.token]),
            ]
        if name == "survey:thanks":
            return [reverse(name, args=[self.open_round.token])]
        if short == "overview":
            return [self._url(name), f"{self._url(name)}?ar=2023"]
        if short == "survey_results":
            return [f"{self._url(name)}?ar=2023"]
        if short == "goal_create":
            unbound = ApplicationGoal.objects.filter(
                application__intervention=self.intervention, measure__isnull=True
            ).first()
            assert unbound is not None
            return [self._url(name), f"{self._url(name)}?mal={unbound.pk}"]
        if short == "round_create":
            return [f"{self._url(name)}?enkat={self.questionnaire.pk}"]
        if short in {
            "association",
            "surveys",
            "scales",
            "questionnaire_create",
            "goals",
            "import",
            "settings",
        }:
            return [self._url(name)]
        if short == "report":
            if username in {"jan.andersson", "denise.wallen"}:
                return [
                    self._url(name, self.approved_report.pk),
                    self._url(name, self.draft_report.pk),
                ]
            return [self._url(name, self.approved_report.pk)]
        if short == "import_detail":
            return [self._url(name, self.count_import.pk)]
        if short == "report_reopen":
            return [self._url(name, self.approved_report.pk)]
        if short == "intervention":
            return [self._url(name, self.intervention.pk)]
        if short == "planned":
            return [self._url(name, self.intervention.pk, 2023)]
        if short in {"questionnaire", "questionnaire_update", "statement_create"}:
            return [self._url(name, self.questionnaire.pk)]
        if short == "statement_update":
            return [self._url(name, self.questionnaire.statements.first().pk)]  # type: ignore[union-attr]
        if short in {"round", "round_paper", "round_expected"}:
            paths = [self._url(name, self.demo_round.pk)]
            if short == "round" and not applicant:
                board = SurveyRound.objects.get(association=self.association, intervention=None)
                paths.append(self._url(name, board.pk))
            return paths
        if short == "goal_update":
            goal = MeasuredGoal.objects.filter(association=self.association).first()
            assert goal is not None
            return [self._url(name, goal.pk)]
        raise AssertionError(f"Ingen sökväg för {name}")
