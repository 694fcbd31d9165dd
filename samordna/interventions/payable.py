"""What a decision's money waits for: whether the decision is in force, the agreement, its
conditions, the reports the payments wait for, and what is paid and returned.

`grant_states` reads all of it for any number of decisions in a fixed number of queries.
`GrantState.payable` is the one answer to "what can be paid of this part now, and what blocks
it": the payment service, the order request and every money page ask it, and its blockers are
typed (`BlockerKind`), so no caller has to recognise a blocker by its Swedish text.
"""

import datetime
import enum
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet, Sum

from samordna.core.text import format_date, format_kronor
from samordna.interventions.models import (
    Agreement,
    Application,
    ConditionMet,
    GrantAmount,
    GrantDecision,
    Instalment,
    Payment,
    Release,
    Report,
    ReportKind,
    ReportSignature,
    Trigger,
)
from samordna.meetings.models import ApprovedMinutes, Paragraph


def in_force(paragraph: Paragraph | None, approved_meeting_ids: set[int]) -> bool:
    """A § decides once its minutes are justerade, or at once when omedelbart justerad;
    a decision from before Samordna (no §) is in force."""
    if paragraph is None:
        return True
    return paragraph.immediately_approved or paragraph.meeting_id in approved_meeting_ids


def decision_in_force(decision: GrantDecision) -> bool:
    paragraph = decision.paragraph
    if paragraph is None:
        return True
    approved = ApprovedMinutes.objects.filter(meeting_id=paragraph.meeting_id).exists()
    return in_force(paragraph, {paragraph.meeting_id} if approved else set())


class BlockerKind(enum.Enum):
    """What a part of the payment plan can wait for."""

    NOT_IN_FORCE = "not_in_force"  # the § is not justerad
    RELEASED = "released"  # slutreglerad: what remained went back to the förbund
    AGREEMENT_UNSIGNED = "agreement_unsigned"
    AGREEMENT_LATER = "agreement_later"  # signed after the day asked about
    CONDITION_UNMET = "condition_unmet"
    TOO_EARLY = "too_early"  # before the plan's first day for the part
    REPORT_NOT_APPROVED = "report_not_approved"
    REPORT_NOT_IN_FORCE = "report_not_in_force"  # approved, the minutes not justerade
    REPORT_UNSIGNED = "report_unsigned"  # a party has not signed the slutrapport
    PAID = "paid"  # nothing of the part is left


@dataclass(frozen=True)
class Blocker:
    """One reason a part cannot be paid: its kind for code, its text for people."""

    kind: BlockerKind
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Payable:
    """What can be paid of a part of the plan on a day, and what blocks it.

    `left` is what remains of the part (and of its year's grant); `asked` what open payment
    orders already ask for; `blockers` everything that stops a payment, `PAID` included."""

    left: int
    asked: int
    blockers: tuple[Blocker, ...]

    @property
    def paid(self) -> bool:
        return self.left <= 0

    @property
    def waiting(self) -> list[Blocker]:
        """What must happen before the part can be paid (not that it is paid already)."""
        return [b for b in self.blockers if b.kind is not BlockerKind.PAID]

    @property
    def open(self) -> int:
        """What may still be asked for or paid: what remains less what orders ask for."""
        return max(self.left - self.asked, 0)

    @property
    def can_pay(self) -> bool:
        return not self.blockers and self.open > 0

    def check(self, amount: int, *, verb: str = "betala ut") -> None:
        """Refuse `amount` with the reason in Swedish, or accept it."""
        if self.waiting:
            raise ValidationError(" ".join(b.text for b in self.waiting))
        if self.paid:
            raise ValidationError("Den här delen är redan utbetald.")
        if self.asked and self.open <= 0:
            raise ValidationError(
                "Hela delen är redan begärd för utbetalning och väntar på attest."
            )
        if amount > self.open:
            raise ValidationError(
                {
                    "amount": f"Högst {format_kronor(self.open)} återstår att {verb} av den här "
                    f"delen; {format_kronor(amount)} är för mycket."
                }
            )


@dataclass
class GrantState:
    """Everything that decides what a decision's money waits for, read in a fixed number of
    queries for any number of decisions (`grant_states`)."""

    decision: GrantDecision
    in_force: bool
    agreement: Agreement | None
    conditions_met: set[int] = field(default_factory=set)
    approved_reports: dict[int, bool] = field(default_factory=dict)  # report id: in force
    unsigned_parties: dict[int, list[str]] = field(default_factory=dict)  # final report id
    paid_by_instalment: dict[int, int] = field(default_factory=dict)
    paid_by_grant: dict[int, int] = field(default_factory=dict)
    released_by_grant: dict[int, int] = field(default_factory=dict)

    def remaining(self, grant: GrantAmount) -> int:
        return (
            grant.amount
            - self.paid_by_grant.get(grant.pk, 0)
            - self.released_by_grant.get(grant.pk, 0)
        )

    def instalment_remaining(self, instalment: Instalment) -> int:
        return instalment.amount - self.paid_by_instalment.get(instalment.pk, 0)

    def blockers(
        self, instalment: Instalment, grant: GrantAmount, on: datetime.date
    ) -> list[Blocker]:
        """Why the instalment cannot be paid on `on`; empty when it can."""
        reasons = []

        def block(kind: BlockerKind, text: str) -> None:
            reasons.append(Blocker(kind, text))

        if not self.in_force:
            block(BlockerKind.NOT_IN_FORCE, "Beslutet gäller först när protokollet är justerat.")
        if self.released_by_grant.get(grant.pk):
            block(BlockerKind.RELEASED, "Det som återstod är återfört till förbundet.")
        if self.agreement is None or self.agreement.signed_on is None:
            block(BlockerKind.AGREEMENT_UNSIGNED, "Avtalet är inte undertecknat.")
        elif self.agreement.signed_on > on:
            block(
                BlockerKind.AGREEMENT_LATER,
                f"Avtalet undertecknades {format_date(self.agreement.signed_on)}.",
            )
        if grant.condition_id is not None and grant.condition_id not in self.conditions_met:
            assert grant.condition is not None
            block(
                BlockerKind.CONDITION_UNMET, f"Villkoret är inte uppfyllt: {grant.condition.text}."
            )
        if on < instalment.not_before:
            block(BlockerKind.TOO_EARLY, f"Betalas tidigast {format_date(instalment.not_before)}.")
        if instalment.trigger == Trigger.REPORT:
            assert instalment.report is not None
            report = instalment.report
            approved = self.approved_reports.get(report.pk)
            if approved is None:
                block(
                    BlockerKind.REPORT_NOT_APPROVED,
                    f"Styrelsen har inte godkänt {report.title.lower()} ännu.",
                )
            elif not approved:
                block(
                    BlockerKind.REPORT_NOT_IN_FORCE,
                    f"{report.title} är godkänd, men protokollet är inte justerat ännu.",
                )
            missing = self.unsigned_parties.get(report.pk)
            if missing:
                block(
                    BlockerKind.REPORT_UNSIGNED,
                    f"{report.title} saknar underskrift av {', '.join(missing)}.",
                )
        if min(self.instalment_remaining(instalment), self.remaining(grant)) <= 0:
            block(BlockerKind.PAID, "Utbetald.")
        return reasons

    def payable(self, instalment: Instalment, on: datetime.date, *, asked: int = 0) -> Payable:
        """What can be paid of the part on `on`, and what blocks it; `asked` is what open
        payment orders already ask for."""
        grant = instalment.grant
        return Payable(
            left=max(min(self.instalment_remaining(instalment), self.remaining(grant)), 0),
            asked=asked,
            blockers=tuple(self.blockers(instalment, grant, on)),
        )


def required_signers(application: Application) -> list[str]:
    """The parties that sign a slutrapport: the applicant and each cooperating party."""
    names = [application.organisation_name or application.member.name]
    for party in application.parties.all():
        name = party.organisation_name or party.member.name
        if name not in names:
            names.append(name)
    return names


def grant_states(decisions: Sequence[GrantDecision]) -> dict[int, GrantState]:
    """GrantState per decision id. The decisions should come with `paragraph`,
    `application` and `amounts__instalments__report`, `amounts__condition` prefetched."""
    ids = [d.pk for d in decisions]
    meeting_ids = {d.paragraph.meeting_id for d in decisions if d.paragraph is not None}
    agreements = {a.decision_id: a for a in Agreement.objects.filter(decision_id__in=ids)}
    states = {}
    for decision in decisions:
        states[decision.pk] = GrantState(
            decision=decision, in_force=False, agreement=agreements.get(decision.pk)
        )
    approvals: list[Any] = list(
        Report.objects.filter(decision_id__in=ids, approval__isnull=False).values(
            "pk",
            "decision_id",
            "kind",
            "approval__paragraph__meeting_id",
            "approval__paragraph__immediately_approved",
        )
    )
    meeting_ids |= {row["approval__paragraph__meeting_id"] for row in approvals}
    approved_meetings = set(
        ApprovedMinutes.objects.filter(meeting_id__in=meeting_ids).values_list(
            "meeting_id", flat=True
        )
    )
    for decision in decisions:
        states[decision.pk].in_force = in_force(decision.paragraph, approved_meetings)
    signed: dict[int, set[str]] = defaultdict(set)
    for report_id, party in ReportSignature.objects.filter(report__decision_id__in=ids).values_list(
        "report_id", "party"
    ):
        signed[report_id].add(party)
    applications = {d.pk: d.application for d in decisions}
    signers = {
        d.pk: required_signers(applications[d.pk]) for d in decisions if d.outcome != "refused"
    }
    for row in approvals:
        state = states[row["decision_id"]]
        state.approved_reports[row["pk"]] = (
            row["approval__paragraph__immediately_approved"]
            or row["approval__paragraph__meeting_id"] in approved_meetings
        )
    for decision in decisions:
        for report in decision.reports.all():
            if report.kind == ReportKind.FINAL:
                missing = [p for p in signers.get(decision.pk, []) if p not in signed[report.pk]]
                if missing:
                    states[decision.pk].unsigned_parties[report.pk] = missing
    for condition_id, decision_id in ConditionMet.objects.filter(
        condition__decision_id__in=ids
    ).values_list("condition_id", "condition__decision_id"):
        states[decision_id].conditions_met.add(condition_id)
    for paid in (
        Payment.objects.filter(grant__decision_id__in=ids)
        .values("grant_id", "grant__decision_id", "instalment_id")
        .annotate(total=Sum("amount"))
    ):
        state = states[paid["grant__decision_id"]]
        state.paid_by_grant[paid["grant_id"]] = (
            state.paid_by_grant.get(paid["grant_id"], 0) + paid["total"]
        )
        if paid["instalment_id"] is not None:
            state.paid_by_instalment[paid["instalment_id"]] = paid["total"]
    for grant_id, decision_id, amount in Release.objects.filter(
        grant__decision_id__in=ids
    ).values_list("grant_id", "grant__decision_id", "amount"):
        states[decision_id].released_by_grant[grant_id] = amount
    return states


def decisions_with_plan(queryset: QuerySet[GrantDecision]) -> QuerySet[GrantDecision]:
    """What `grant_states` and the money pages read of each decision."""
    return queryset.select_related(
        "paragraph__meeting", "application__member", "application__intervention"
    ).prefetch_related(
        "application__parties__member",
        "amounts__instalments__report",
        "amounts__condition",
        "conditions__met",
        "reports",
    )


def state_of(decision: GrantDecision) -> GrantState:
    fresh = decisions_with_plan(GrantDecision.objects.filter(pk=decision.pk)).get()
    return grant_states([fresh])[fresh.pk]


def paid_for_year(year: int, *, until: datetime.date | None = None) -> QuerySet[Payment]:
    """The payments that are a year's outcome: those of the year's grant, whenever paid
    (by `until` when given).

    One definition for the budget follow-up (`ledger`) and Uppföljning Finsam
    (`followup.dashboards`). By the grant's year, not the payment's date: the budget has one
    line per granted insats and year and Finsam compares each year's grant with its outcome,
    while the plan pays the last half of a year's money after the board has approved the
    year's report, often in the next year (DOMAIN.md 3.3 Payments, 3.4 Budget); counting it
    by its date would show one year under and the next over its budget."""
    payments = Payment.objects.filter(grant__year=year)
    return payments if until is None else payments.filter(paid_on__lte=until)


def paid_by_year(payments: QuerySet[Payment]) -> dict[int, int]:
    """What `payments` add up to per year of outcome (`paid_for_year`)."""
    return {
        row["year"]: row["total"]
        for row in payments.values(year=F("grant__year")).annotate(total=Sum("amount")).order_by()
    }
