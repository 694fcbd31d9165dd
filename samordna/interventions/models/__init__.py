"""Insatser from application to final report.

An `Intervention` (insats) lives across years: each `Application` (new, förlängning,
tilläggsansökan) is prepared (beredning) and decided in a § (`GrantDecision`), which grants
amounts per year (`GrantAmount`) with conditions and a payment plan (`Instalment`). The
agreement, the payments and the reports follow from the decision. Decisions, their amounts,
instalments and report approvals hang on a § and are locked with it once the minutes are
justerade (`samordna.meetings.locking`).

Nothing here describes a participant in an insats: the förbund has no legal ground to process
personal data about them. People named here act for organisations (signatories, contacts).
"""

from samordna.interventions.models.applications import (
    MAX_AMOUNT,
    Application,
    ApplicationAttachment,
    ApplicationBudgetLine,
    ApplicationComment,
    ApplicationGoal,
    ApplicationKind,
    ApplicationParty,
    ApplicationStatus,
    Assessment,
    AssessmentCriterion,
    CostType,
    Direction,
    GrantSettings,
    Intervention,
    PreparationMember,
    TargetGroup,
    Verdict,
    application_file_path,
)
from samordna.interventions.models.catalogue import (
    CatalogueEntry,
)
from samordna.interventions.models.grants import (
    Agreement,
    ConditionMet,
    DecisionCondition,
    GrantAmount,
    GrantDecision,
    Instalment,
    Outcome,
    Payment,
    PaymentPlan,
    Release,
    Trigger,
)
from samordna.interventions.models.reports import (
    Fulfilment,
    Report,
    ReportApproval,
    ReportGoal,
    ReportKind,
    ReportSignature,
    ReportStatus,
)

__all__ = [
    "MAX_AMOUNT",
    "Agreement",
    "Application",
    "ApplicationAttachment",
    "ApplicationBudgetLine",
    "ApplicationComment",
    "ApplicationGoal",
    "ApplicationKind",
    "ApplicationParty",
    "ApplicationStatus",
    "Assessment",
    "AssessmentCriterion",
    "CatalogueEntry",
    "ConditionMet",
    "CostType",
    "DecisionCondition",
    "Direction",
    "Fulfilment",
    "GrantAmount",
    "GrantDecision",
    "GrantSettings",
    "Instalment",
    "Intervention",
    "Outcome",
    "Payment",
    "PaymentPlan",
    "PreparationMember",
    "Release",
    "Report",
    "ReportApproval",
    "ReportGoal",
    "ReportKind",
    "ReportSignature",
    "ReportStatus",
    "TargetGroup",
    "Trigger",
    "Verdict",
    "application_file_path",
]
