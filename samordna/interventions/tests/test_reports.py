"""Reports from the insatser: written and handed in by the insatsägare, sent back, signed by
the parties, approved by the board in a § (locked with the minutes), and asked for."""

from typing import Any

import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions import payable, services
from samordna.interventions.models import (
    GrantDecision,
    Intervention,
    Report,
    ReportApproval,
    ReportGoal,
    ReportKind,
    ReportStatus,
)
from samordna.interventions.services import GoalInput, grants, reports
from samordna.interventions.services.grants import AmountInput
from samordna.interventions.services.reports import GoalReport
from samordna.interventions.tests.helpers import D, at, draft, justera, paragraph, refused
from samordna.meetings.locking import LOCKED_MESSAGE, MinutesLocked

GOALS = [
    GoalInput("Fler avslutas till arbete eller studier", "Uppföljning Finsam"),
    GoalInput("Bättre samverkan mellan parterna", "Enkät till parterna"),
]
# Mid-January 2024: the redovisning for 2023 is due on 31 January.
TODAY = at(D(2024, 1, 15))


def two_year_decision(
    association: Association, office: User, applicant: User, name: str = "Arbetsträning i samverkan"
) -> GrantDecision:
    """2023–2024 granted with half paid at the agreement and the rest when each year's report
    is approved; the application has two goals. The minutes are justerade."""
    amounts = {2023: 400_000, 2024: 400_000}
    application = draft(
        association,
        applicant,
        amounts=amounts,
        starts_on=D(2023, 1, 1),
        ends_on=D(2024, 12, 31),
        name=name,
    )
    services.application_save(
        application=application,
        by=applicant,
        version=application.version,
        fields={},
        goals=GOALS,
    )
    services.application_submit(
        application=application, by=applicant, version=application.version, now=at(D(2022, 11, 1))
    )
    par = paragraph(association, office, D(2022, 11, 25))
    decision = grants.decision_record(
        application=application,
        paragraph=par,
        by=office,
        outcome="granted",
        amounts=[AmountInput(year, amount) for year, amount in amounts.items()],
    )
    justera(par.meeting)
    return decision


class ReportCase(SamordnaTestCase):
    def setUp(self):
        self.decision = two_year_decision(self.association, self.office, self.applicant)
        self.interim = self.decision.reports.get(kind=ReportKind.INTERIM)
        self.final = self.decision.reports.get(kind=ReportKind.FINAL)
        self.first_goal, self.second_goal = self.decision.application.goals.all()

    @property
    def intervention(self) -> Intervention:
        intervention = self.decision.application.intervention
        assert intervention is not None
        return intervention

    def forecasts(self, first: str = "Målet nås.", second: str = "Målet nås.") -> list[GoalReport]:
        return [
            GoalReport(self.first_goal.pk, forecast=first),
            GoalReport(self.second_goal.pk, forecast=second),
        ]

    def fulfilment(self, first: str = "reached", second: str = "partly") -> list[GoalReport]:
        return [
            GoalReport(self.first_goal.pk, fulfilment=first, comment="Tolv av tjugo."),
            GoalReport(self.second_goal.pk, fulfilment=second),
        ]

    def save(self, report: Report, by: User | None = None, **kwargs) -> Report:
        fields: dict[str, Any] = {
            "results": "Insatsen har kommit i gång.",
            "analysis": "Det går bra.",
        }
        fields.update(kwargs)
        fields.setdefault("goals", self.forecasts())
        return reports.report_save(
            report=report, by=by or self.applicant, version=report.version, **fields
        )

    def hand_in(self, report: Report, **kwargs) -> Report:
        self.save(report, **kwargs)
        return reports.report_submit(
            report=report, by=self.applicant, version=report.version, now=TODAY
        )


@time_machine.travel(TODAY, tick=False)
class WritingTests(ReportCase):
    def test_a_draft_may_be_incomplete(self):
        self.save(self.interim, analysis="", goals=self.forecasts(second=""))
        stored = Report.objects.get(pk=self.interim.pk)
        self.assertEqual((stored.status, stored.version), (ReportStatus.DRAFT, 2))
        self.assertEqual(stored.results, "Insatsen har kommit i gång.")
        self.assertEqual(
            dict(ReportGoal.objects.filter(report=stored).values_list("goal_id", "forecast")),
            {self.first_goal.pk: "Målet nås.", self.second_goal.pk: ""},
        )
        self.assertEqual(stored.history.first().history_user, self.applicant)

    def test_a_delrapport_is_handed_in_with_analysis_and_a_forecast_per_goal(self):
        self.save(self.interim, analysis="", goals=self.forecasts(second=""))
        with self.assertRaises(ValidationError) as caught:
            reports.report_submit(report=self.interim, by=self.applicant, version=3)
        self.assertIn("har ändrats av", caught.exception.messages[0])
        with self.assertRaises(ValidationError) as caught:
            reports.report_submit(
                report=self.interim, by=self.applicant, version=self.interim.version
            )
        problems = caught.exception.message_dict
        self.assertEqual(problems["analysis"], ["Skriv en nulägesanalys."])
        self.assertEqual(
            problems["goals"], ["Ange en prognos för ”Bättre samverkan mellan parterna”."]
        )
        self.assertNotIn("results", problems)
        # The form finds the goal each problem belongs to.
        (goal_error,) = caught.exception.error_dict["goals"]
        self.assertEqual((goal_error.params or {})["goal_id"], self.second_goal.pk)
        self.assertEqual(Report.objects.get(pk=self.interim.pk).status, ReportStatus.DRAFT)

    def test_a_slutrapport_needs_the_results_and_the_fulfilment_of_every_goal(self):
        self.save(self.final, results="  ", analysis="", goals=self.fulfilment(second=""))
        with self.assertRaises(ValidationError) as caught:
            reports.report_submit(report=self.final, by=self.applicant, version=self.final.version)
        problems = caught.exception.message_dict
        self.assertEqual(problems["results"], ["Beskriv insatsens resultat."])
        self.assertEqual(
            problems["goals"], ["Ange måluppfyllelsen för ”Bättre samverkan mellan parterna”."]
        )
        self.assertNotIn("analysis", problems)

    def test_a_goal_text_with_a_percent_sign_is_named_as_written(self):
        goal = self.first_goal
        goal.text = "80 % av deltagarna når sina mål"
        goal.save()
        self.save(self.interim, goals=self.forecasts(first=""))
        with refused(self, "Ange en prognos för ”80 % av deltagarna når sina mål”."):
            reports.report_submit(
                report=self.interim, by=self.applicant, version=self.interim.version
            )

    def test_handing_in_saves_and_submits_and_tells_the_kansli(self):
        self.association.email = "kansliet@samordnasundsvall.se"
        self.association.save()
        with self.captureOnCommitCallbacks(execute=True):
            reports.report_hand_in(
                report=self.interim,
                by=self.applicant,
                version=self.interim.version,
                results="Insatsen har kommit i gång.",
                analysis="Det går bra.",
                goals=self.forecasts(),
            )
        stored = Report.objects.get(pk=self.interim.pk)
        self.assertEqual(stored.status, ReportStatus.SUBMITTED)
        self.assertEqual((stored.submitted_by, stored.submitted_at), (self.applicant, TODAY))
        self.assertEqual(self.interim.status, ReportStatus.SUBMITTED)
        self.assertEqual(mail.outbox[-1].to, ["kansliet@samordnasundsvall.se"])
        self.assertIn("Redovisning 2023", mail.outbox[-1].subject)

    def test_a_refused_hand_in_saves_nothing(self):
        with refused(self, "Ange en prognos för ”Bättre samverkan mellan parterna”."):
            reports.report_hand_in(
                report=self.interim,
                by=self.applicant,
                version=self.interim.version,
                results="Skrivet men inte sparat.",
                analysis="Det går bra.",
                goals=self.forecasts(second=""),
            )
        stored = Report.objects.get(pk=self.interim.pk)
        self.assertEqual((stored.status, stored.version, stored.results), ("due", 1, ""))
        self.assertFalse(ReportGoal.objects.filter(report=stored).exists())
        # The page shows the report as it is stored, not the rolled-back attempt.
        self.assertEqual((self.interim.status, self.interim.version), ("due", 1))

    def test_a_stale_version_is_refused_and_nothing_of_it_is_saved(self):
        opened = self.interim.version
        self.save(self.interim, by=self.office, goals=self.forecasts(first="Kansliets text."))
        with self.assertRaises(ValidationError) as caught:
            reports.report_save(
                report=Report.objects.get(pk=self.interim.pk),
                by=self.applicant,
                version=opened,
                results="Denises text.",
                analysis="",
                goals=self.forecasts(first="Denises prognos.", second="Denises andra."),
            )
        self.assertEqual(caught.exception.code, "stale")
        self.assertIn("Jan Andersson", caught.exception.messages[0])
        stored = Report.objects.get(pk=self.interim.pk)
        self.assertEqual(stored.results, "Insatsen har kommit i gång.")
        self.assertEqual(
            sorted(ReportGoal.objects.filter(report=stored).values_list("forecast", flat=True)),
            ["Kansliets text.", "Målet nås."],
        )

    def test_a_handed_in_report_cannot_be_changed(self):
        self.hand_in(self.interim)
        with refused(self, "Redovisning 2023 är inlämnad och kan inte ändras."):
            self.save(self.interim, results="Ändrat i efterhand.")

    def test_a_goal_of_another_application_is_refused(self):
        other = two_year_decision(self.association, self.office, self.applicant, name="Annan")
        goal = other.application.goals.all()[0]
        with refused(self, "Målet hör inte till insatsens ansökan."):
            self.save(self.interim, goals=[GoalReport(goal.pk, forecast="Fel mål.")])
        self.assertFalse(ReportGoal.objects.filter(report=self.interim).exists())


@time_machine.travel(TODAY, tick=False)
class ReturnTests(ReportCase):
    def test_returning_makes_it_a_draft_again_and_mails_the_insatsägare(self):
        self.hand_in(self.interim)
        with self.captureOnCommitCallbacks(execute=True):
            reports.report_return(
                report=self.interim, by=self.office, reason="Nulägesanalysen saknar siffror."
            )
        stored = Report.objects.get(pk=self.interim.pk)
        self.assertEqual(stored.status, ReportStatus.DRAFT)
        self.assertEqual(
            stored.history.first().history_change_reason,
            "Åter för komplettering: Nulägesanalysen saknar siffror.",
        )
        message = mail.outbox[-1]
        self.assertEqual(message.to, ["denise.wallen@sundsvall.se"])
        self.assertEqual(
            message.subject, "Redovisning 2023 behöver kompletteras: Arbetsträning i samverkan"
        )
        self.assertIn("Nulägesanalysen saknar siffror.", message.body)
        # Back in draft, the insatsägare can change it and hand it in again.
        self.hand_in(self.interim, results="Kompletterad.")
        self.assertEqual(self.interim.status, ReportStatus.SUBMITTED)

    def test_only_a_handed_in_report_is_returned_and_only_with_a_reason(self):
        with refused(self, "Bara en inlämnad rapport"):
            reports.report_return(report=self.interim, by=self.office, reason="Saknas.")
        self.hand_in(self.interim)
        with self.assertRaises(ValidationError) as caught:
            reports.report_return(report=self.interim, by=self.office, reason="  ")
        self.assertEqual(
            caught.exception.message_dict, {"reason": ["Skriv vad som behöver kompletteras."]}
        )
        self.assertEqual(mail.outbox, [])


@time_machine.travel(TODAY, tick=False)
class SignatureTests(ReportCase):
    def sign(self, report: Report, party: str, **kwargs):
        fields: dict[str, Any] = {"signed_by": "Firmatecknare", "signed_on": D(2024, 1, 10)}
        fields.update(kwargs)
        return reports.report_sign(report=report, by=self.office, party=party, **fields)

    def test_the_applicant_and_each_cooperating_party_sign_the_slutrapport(self):
        parties = payable.required_signers(self.decision.application)
        self.assertEqual(parties, ["Individ- och arbetsmarknadsförvaltningen", "Försäkringskassan"])
        for party in parties:
            self.sign(self.final, party)
        self.assertEqual(
            sorted(self.final.signatures.values_list("party", flat=True)), sorted(parties)
        )

    def test_only_the_slutrapport_is_signed(self):
        with refused(self, "Bara slutrapporten skrivs under"):
            self.sign(self.interim, "Försäkringskassan")
        self.assertFalse(self.interim.signatures.exists())

    def test_only_a_party_of_the_insats_signs_and_only_once(self):
        with refused(self, "Region Västernorrland är inte part i insatsen."):
            self.sign(self.final, "Region Västernorrland")
        self.sign(self.final, "Försäkringskassan")
        with refused(self, "Försäkringskassan har redan skrivit under."):
            self.sign(self.final, "Försäkringskassan", signed_by="Någon annan")
        self.assertEqual(self.final.signatures.get().signed_by, "Firmatecknare")

    def test_a_signature_is_not_dated_in_the_future_and_names_the_signer(self):
        with refused(self, "Datumet kan inte ligga i framtiden."):
            self.sign(self.final, "Försäkringskassan", signed_on=D(2024, 1, 16))
        with refused(self, "Skriv vem som skrev under."):
            self.sign(self.final, "Försäkringskassan", signed_by=" ")
        self.assertFalse(self.final.signatures.exists())


@time_machine.travel(TODAY, tick=False)
class ApprovalTests(ReportCase):
    def setUp(self):
        super().setUp()
        self.par = paragraph(self.association, self.office, D(2024, 2, 9), "Redovisning 2023")

    def approve(self, report: Report, **kwargs) -> ReportApproval:
        kwargs.setdefault("paragraph", self.par)
        return reports.report_approve(report=report, by=self.office, **kwargs)

    def test_the_approval_writes_its_clause_into_the_paragraph(self):
        self.hand_in(self.interim)
        self.assertEqual(
            reports.approval_clause(self.interim),
            "Att godkänna redovisningen för 2023 och betala ut resterande del av de beviljade "
            "medlen för 2023.",
        )
        approval = self.approve(self.interim)
        self.par.refresh_from_db()
        self.assertEqual(self.par.clauses, [reports.approval_clause(self.interim)])
        self.assertEqual(approval.paragraph, self.par)
        self.assertEqual(Report.objects.get(pk=self.interim.pk).status, ReportStatus.APPROVED)

    def test_the_clause_may_be_left_for_the_kansli_to_write(self):
        self.hand_in(self.interim)
        self.approve(self.interim, write_text=False)
        self.par.refresh_from_db()
        self.assertEqual(self.par.decision, "")

    def test_only_a_handed_in_report_is_approved(self):
        with refused(self, "Redovisning 2023 är ej påbörjad; styrelsen godkänner en inlämnad"):
            self.approve(self.interim)
        self.hand_in(self.interim)
        self.approve(self.interim)
        with refused(self, "är godkänd av styrelsen"):
            self.approve(
                self.interim, paragraph=paragraph(self.association, self.office, TODAY.date())
            )
        self.assertEqual(ReportApproval.objects.filter(report=self.interim).count(), 1)

    def test_only_in_a_paragraph_of_the_same_förbund(self):
        self.hand_in(self.interim)
        elsewhere = paragraph(self.other, self.outsider, D(2024, 2, 9))
        with refused(self, "Paragrafen hör till ett annat förbund."):
            self.approve(self.interim, paragraph=elsewhere)
        self.assertFalse(ReportApproval.objects.filter(report=self.interim).exists())

    def test_not_in_the_paragraph_of_justerade_minutes(self):
        self.hand_in(self.interim)
        justera(self.par.meeting)
        with refused(self, LOCKED_MESSAGE):
            self.approve(self.interim)
        self.assertEqual(Report.objects.get(pk=self.interim.pk).status, ReportStatus.SUBMITTED)

    def test_not_at_a_meeting_before_the_report_came_in(self):
        self.hand_in(self.interim)
        earlier = paragraph(self.association, self.office, D(2024, 1, 12))
        with refused(self, "Sammanträdet hölls innan rapporten lämnades in."):
            self.approve(self.interim, paragraph=earlier)

    def test_the_approval_is_locked_once_the_minutes_are_justerade(self):
        self.hand_in(self.interim)
        approval = self.approve(self.interim)
        justera(self.par.meeting)
        # Each attempt in a savepoint of its own: Django deletes inside a transaction.
        with self.assertRaises(MinutesLocked), transaction.atomic():
            approval.save()
        with self.assertRaises(MinutesLocked), transaction.atomic():
            approval.delete()
        self.assertTrue(ReportApproval.objects.filter(pk=approval.pk).exists())


@time_machine.travel(TODAY, tick=False)
class RequestTests(ReportCase):
    def test_the_kansli_asks_for_a_delrapport_per_halvår(self):
        report = reports.report_request(
            decision=self.decision,
            by=self.office,
            title=" Delrapport halvår 2024 ",
            due_on=D(2024, 7, 31),
        )
        self.assertEqual(
            (report.kind, report.title, report.due_on, report.status, report.intervention),
            (
                ReportKind.INTERIM,
                "Delrapport halvår 2024",
                D(2024, 7, 31),
                ReportStatus.DUE,
                self.intervention,
            ),
        )
        self.assertEqual(reports.approval_clause(report), "Att godkänna delrapport halvår 2024.")

    def test_the_last_day_is_not_in_the_past(self):
        with self.assertRaises(ValidationError) as caught:
            reports.report_request(
                decision=self.decision, by=self.office, title="Delrapport", due_on=D(2024, 1, 14)
            )
        self.assertEqual(
            caught.exception.message_dict, {"due_on": ["Sista dagen kan inte ha passerat."]}
        )

    def test_a_closed_insats_reports_no_more(self):
        intervention = self.intervention
        intervention.closed_on = D(2024, 1, 10)
        intervention.save()
        with refused(self, "Insatsen är slutreglerad"):
            reports.report_request(
                decision=self.decision, by=self.office, title="Delrapport", due_on=D(2024, 7, 31)
            )
