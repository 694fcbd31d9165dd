"""Reads of the control year: what falls due, the decisions a meeting is told of, the plans
with their rows and follow-ups, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, Prefetch, Q, QuerySet, Subquery

from samordna.associations.models import Association, Member
from samordna.control.models import (
    AuditAnswer,
    AuditDocument,
    Auditor,
    ConsultationRepresentative,
    ControlFollowUp,
    ControlPlan,
    ControlRow,
    DelegationDecision,
    DelegationOrder,
    MemberConsultation,
    MemberDischarge,
    Occurrence,
    RiskAnalysis,
    RiskRow,
)
from samordna.meetings.models import ApprovedMinutes, Meeting

DUE_DAYS = 60
# Late items older than this are history on the årshjul page, not work on the start page.
LATE_DAYS = 365


def occurrences_of(association: Association) -> QuerySet[Occurrence]:
    return Occurrence.objects.filter(item__association=association).select_related(
        "item__member", "meeting", "agenda_item"
    )


def cycle_years(association: Association) -> list[int]:
    return sorted(
        set(
            Occurrence.objects.filter(item__association=association)
            .order_by()
            .values_list("year", flat=True)
            .distinct()
        ),
        reverse=True,
    )


@dataclass(frozen=True)
class DuePanel:
    late: list[Occurrence]
    due: list[Occurrence]
    latest_year: int | None
    today: datetime.date

    @property
    def behind(self) -> bool:
        """The årshjul holds no year reaching today: the panel says where the latest is."""
        return self.latest_year is not None and self.latest_year < self.today.year


def due_panel(association: Association, today: datetime.date) -> DuePanel:
    """What is late (within a year) and what falls due in the next 60 days, in two
    queries."""
    horizon = today + datetime.timedelta(days=DUE_DAYS)
    open_ones = list(
        # Only what the panel shows of each: the item and the meeting.
        Occurrence.objects.filter(item__association=association)
        .select_related("item", "meeting")
        .filter(
            done_on__isnull=True,
            due_on__lte=horizon,
            due_on__gte=today - datetime.timedelta(days=LATE_DAYS),
        )
    )
    latest = (
        Occurrence.objects.filter(item__association=association)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    return DuePanel(
        late=[o for o in open_ones if o.due_on < today],
        due=[o for o in open_ones if o.due_on >= today],
        latest_year=latest,
        today=today,
    )


@dataclass(frozen=True)
class MeetingItems:
    meeting: Meeting
    occurrences: list[Occurrence]

    @property
    def to_put(self) -> list[Occurrence]:
        """The items not yet on the agenda draft and not done."""
        return [o for o in self.occurrences if o.agenda_item_id is None and o.done_on is None]


def occurrences_by_meeting(association: Association, year: int) -> list[MeetingItems]:
    """The årshjul's occurrences at each of the year's meetings, in one query."""
    found = (
        occurrences_of(association)
        .filter(meeting__date__year=year)
        .order_by("meeting__date", "meeting_id", "due_on", "item__title")
    )
    groups: dict[int, MeetingItems] = {}
    for occurrence in found:
        meeting = occurrence.meeting
        assert meeting is not None
        groups.setdefault(meeting.pk, MeetingItems(meeting, [])).occurrences.append(occurrence)
    return list(groups.values())


# Delegation


def orders_of(association: Association) -> QuerySet[DelegationOrder]:
    return association.delegation_orders.select_related("paragraph__meeting")


def order_with_points(association: Association) -> QuerySet[DelegationOrder]:
    return orders_of(association).prefetch_related("points__delegate", "points__deputy")


def decisions_of(association: Association) -> QuerySet[DelegationDecision]:
    return DelegationDecision.objects.filter(association=association).select_related(
        "point", "decided_by", "reported_at"
    )


def _open_meetings(association_id: int) -> QuerySet[Meeting]:
    return Meeting.objects.filter(
        association_id=association_id, approved_minutes__isnull=True
    ).order_by("date", "starts_at")


def meeting_reporting(association: Association, decided_on: datetime.date) -> Meeting | None:
    """The meeting a decision goes to: the first not yet justerad after the decision's day."""
    return _open_meetings(association.pk).filter(date__gt=decided_on).first()


def decisions_reported_to(
    meeting: Meeting, *, approved: bool | None = None
) -> list[DelegationDecision]:
    """The decisions the meeting is told of, in one query: those recorded at its justering,
    or, while it is open, every decision not yet reported since the open meeting before it.
    `approved` saves the look-up when the caller knows whether the minutes are justerade."""
    if approved is None:
        approved = ApprovedMinutes.objects.filter(meeting=meeting).exists()
    found = DelegationDecision.objects.filter(association_id=meeting.association_id).select_related(
        "point", "decided_by"
    )
    if approved:
        return list(found.filter(reported_at=meeting))
    earlier = (
        _open_meetings(meeting.association_id)
        .filter(date__lt=meeting.date)
        .order_by("-date")
        .values("date")[:1]
    )
    pending = found.filter(reported_at__isnull=True, decided_on__lt=meeting.date).filter(
        Q(decided_on__gte=Subquery(earlier)) | Q(~Exists(earlier))
    )
    return list(pending.order_by("decided_on", "pk"))


# Internkontroll


def plans_of(association: Association) -> QuerySet[ControlPlan]:
    return association.control_plans.select_related("paragraph__meeting")


def plan_with_rows(association: Association) -> QuerySet[ControlPlan]:
    return plans_of(association).prefetch_related(
        Prefetch(
            "rows",
            queryset=ControlRow.objects.prefetch_related(
                Prefetch("followups", queryset=ControlFollowUp.objects.order_by("followed_up_on"))
            ),
        )
    )


def periods_of(plan: ControlPlan) -> list[str]:
    """The periods the plan has follow-ups for, latest first."""
    seen: dict[str, datetime.date] = {}
    for row in plan.rows.all():
        for followup in row.followups.all():
            seen[followup.period] = max(
                seen.get(followup.period, followup.followed_up_on), followup.followed_up_on
            )
    return sorted(seen, key=lambda p: seen[p], reverse=True)


@dataclass(frozen=True)
class ReportRow:
    row: ControlRow
    followup: ControlFollowUp | None


@dataclass(frozen=True)
class ControlReport:
    plan: ControlPlan
    period: str
    rows: list[ReportRow]

    @property
    def deviations(self) -> list[ReportRow]:
        return [r for r in self.rows if r.followup is not None and r.followup.deviation]

    @property
    def missing(self) -> list[ReportRow]:
        return [r for r in self.rows if r.followup is None]

    @property
    def summary(self) -> str:
        if self.missing:
            return f"{len(self.missing)} av {len(self.rows)} kontrollmoment är inte uppföljda."
        if not self.deviations:
            return "Granskningen visar inte på några avvikelser."
        count = len(self.deviations)
        return f"Granskningen visar {count} avvikelse{'r' if count > 1 else ''} som ska åtgärdas."


def control_report(plan: ControlPlan, period: str) -> ControlReport:
    """Each row of a plan (fetched with `plan_with_rows`) with its follow-up for the period."""
    rows = []
    for row in plan.rows.all():
        followup = next((f for f in row.followups.all() if f.period == period), None)
        rows.append(ReportRow(row, followup))
    return ControlReport(plan, period, rows)


# Risk- och väsentlighetsanalys


def analyses_of(association: Association) -> QuerySet[RiskAnalysis]:
    return association.risk_analyses.select_related("paragraph__meeting")


def controlled_processes(association: Association, year: int) -> set[str]:
    """The processes the year's current internkontrollplan (its latest version) controls."""
    plan = association.control_plans.filter(year=year).order_by("-version").first()
    if plan is None:
        return set()
    return {p.casefold() for p in plan.rows.values_list("process", flat=True)}


@dataclass(frozen=True)
class RiskLine:
    row: RiskRow
    above: bool
    controlled: bool

    @property
    def lacks_control(self) -> bool:
        return self.above and not self.controlled


@dataclass(frozen=True)
class MatrixCell:
    consequence: int
    probability: int
    numbers: list[int]
    x: int
    y: int

    @property
    def value(self) -> int:
        return self.consequence * self.probability

    @property
    def level(self) -> str:
        if self.value >= 12:
            return "hög"
        if self.value >= 8:
            return "förhöjd"
        if self.value >= 4:
            return "måttlig"
        return "låg"


@dataclass(frozen=True)
class RiskView:
    analysis: RiskAnalysis
    lines: list[RiskLine]
    cells: list[MatrixCell]

    @property
    def lacking(self) -> list[RiskLine]:
        return [line for line in self.lines if line.lacks_control]


CELL = 80  # the matrix's cell size in SVG units


def risk_view(analysis: RiskAnalysis) -> RiskView:
    """The risks with their values, whether each above the threshold has a control, and the
    4 × 4 matrix (consequence upwards, probability to the right) with the risks' numbers."""
    processes = controlled_processes(analysis.association, analysis.year)
    lines = [
        RiskLine(
            row=row,
            above=row.value > analysis.threshold,
            controlled=bool(row.control_process) and row.control_process.casefold() in processes,
        )
        for row in analysis.rows.all()
    ]
    cells = []
    for consequence in (4, 3, 2, 1):
        for probability in (1, 2, 3, 4):
            numbers = [
                n
                for n, line in enumerate(lines, start=1)
                if line.row.consequence == consequence and line.row.probability == probability
            ]
            cells.append(
                MatrixCell(
                    consequence,
                    probability,
                    numbers,
                    x=60 + (probability - 1) * CELL,
                    y=10 + (4 - consequence) * CELL,
                )
            )
    return RiskView(analysis, lines, cells)


@dataclass(frozen=True)
class RisksLacking:
    """The latest analysis's risks above its threshold that no control in the year's plan
    follows up, as the start page warns of them: `lacking` holds each risk's text and value."""

    title: str
    year: int
    threshold: int
    lacking: list[dict]


def risks_lacking_control(association: Association) -> RisksLacking | None:
    """For the start page's warning, in two queries: the latest analysis's risks above its
    threshold, then the processes its year's plan controls; None when no risk is above."""
    latest = RiskAnalysis.objects.filter(association=association).order_by("-year")
    above = list(
        RiskRow.objects.filter(analysis=Subquery(latest.values("pk")[:1]))
        .annotate(risk_value=F("consequence") * F("probability"))
        .filter(risk_value__gt=F("analysis__threshold"))
        .order_by("position", "pk")
        .values("risk", "risk_value", "control_process", "analysis__year", "analysis__threshold")
    )
    if not above:
        return None
    year = above[0]["analysis__year"]
    plan = ControlPlan.objects.filter(association=association, year=year).order_by("-version")
    processes = {
        process.casefold()
        for process in ControlRow.objects.filter(plan=Subquery(plan.values("pk")[:1])).values_list(
            "process", flat=True
        )
    }
    return RisksLacking(
        title=str(RiskAnalysis(year=year)),
        year=year,
        threshold=above[0]["analysis__threshold"],
        lacking=[
            {"risk": row["risk"], "value": row["risk_value"]}
            for row in above
            if not (row["control_process"] and row["control_process"].casefold() in processes)
        ],
    )


# Ansvarsfrihet


@dataclass(frozen=True)
class DischargeLine:
    member: Member
    decision: MemberDischarge | None


def discharge_years(association: Association, today: datetime.date) -> tuple[list[int], list[int]]:
    """The years the page offers (last year, whose decisions fall due this spring, and every
    year with a decision) and the years with a decision, both newest first."""
    decided = sorted(set(association.member_discharges.values_list("year", flat=True)))
    offered = sorted({*decided, today.year - 1}, reverse=True)
    return offered, decided[::-1]


def discharges_for(association: Association, year: int) -> list[DischargeLine]:
    """Every member with its decision for the year, or None: each member decides itself."""
    decisions = {
        d.member_id: d
        for d in association.member_discharges.filter(year=year).select_related(
            "reported_in__meeting"
        )
    }
    return [
        DischargeLine(member, decisions.get(member.pk))
        for member in association.members.order_by("name")
    ]


# Revision


@dataclass(frozen=True)
class RevisionYear:
    """What the auditors of a year read: who they are, their documents with the board's
    answers, the year's plans with their follow-ups and the members' decisions."""

    year: int
    auditors: list[Auditor]
    documents: list[AuditDocument]
    plans: list[ControlPlan]
    analyses: list[RiskAnalysis]
    orders: list[DelegationOrder]
    discharges: list[DischargeLine]


def revision_years(association: Association, today: datetime.date) -> list[int]:
    years = set(association.auditors.values_list("year", flat=True))
    years |= set(association.audit_documents.values_list("year", flat=True))
    years.add(today.year - 1)
    return sorted(years, reverse=True)


def revision_year(association: Association, year: int) -> RevisionYear:
    """The year's revision in a fixed number of queries, whatever its size."""
    return RevisionYear(
        year=year,
        auditors=list(association.auditors.filter(year=year).select_related("appointed_by")),
        documents=list(
            association.audit_documents.filter(year=year)
            .select_related("auditor")
            .prefetch_related(
                Prefetch(
                    "answers", queryset=AuditAnswer.objects.select_related("paragraph__meeting")
                )
            )
        ),
        plans=list(plans_of(association).filter(year=year)),
        analyses=list(analyses_of(association).filter(year=year)),
        orders=list(orders_of(association).filter(year=year)),
        discharges=discharges_for(association, year),
    )


# Medlemssamråd


def consultations_of(association: Association) -> QuerySet[MemberConsultation]:
    return association.consultations.annotate(
        representative_count=Count("representatives", distinct=True),
        document_count=Count("documents", distinct=True),
    ).order_by("-held_on", "-pk")


def consultation_with_parts(association: Association) -> QuerySet[MemberConsultation]:
    return association.consultations.prefetch_related(
        Prefetch(
            "representatives",
            queryset=ConsultationRepresentative.objects.select_related("member"),
        ),
        "documents",
    )
