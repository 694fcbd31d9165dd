"""Reads of insatser and applications: what a user may see, the budget table, the register
with money and reports, the money of one insats, the förbund's goal and the catalogue.

Pages that list things read them in a fixed number of queries, whatever their number.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property, lru_cache
from typing import Any, TypeVar

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import ExtractYear
from django.db.models.lookups import Exact, IsNull
from django.utils import timezone
from django.utils.translation import get_language

from samordna.accounts.models import Role, User
from samordna.associations.models import Association, Member
from samordna.associations.permissions import REGISTER_READERS
from samordna.core.links import ROW, row_link
from samordna.core.text import (
    exact_swedish_order,
    format_date,
    format_kronor,
    swedish_key,
    swedish_order,
)
from samordna.interventions.models import (
    Application,
    ApplicationBudgetLine,
    ApplicationKind,
    ApplicationStatus,
    CostType,
    Direction,
    Fulfilment,
    GrantAmount,
    GrantDecision,
    GrantSettings,
    Instalment,
    Intervention,
    Outcome,
    Payment,
    PreparationMember,
    Release,
    Report,
    ReportKind,
    ReportStatus,
)
from samordna.interventions.payable import (
    Blocker,
    GrantState,
    Payable,
    decisions_with_plan,
    grant_states,
)

OPEN_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.PREPARATION)


def settings_for(association: Association) -> GrantSettings:
    """The förbund's grant settings; the defaults (unsaved) until the kansli saves its own."""
    found = GrantSettings.objects.filter(association=association).first()
    return found or GrantSettings(association=association)


def period_label(starts: datetime.date | None, ends: datetime.date | None) -> str:
    """ "2023", "2023–2024" for whole calendar years; otherwise the dates."""
    if starts is None:
        return "–"
    if ends is None:
        return f"från {starts:%Y-%m-%d}"
    if (starts.month, starts.day, ends.month, ends.day) == (1, 1, 12, 31):
        return str(starts.year) if starts.year == ends.year else f"{starts.year}–{ends.year}"
    return f"{starts:%Y-%m-%d} – {ends:%Y-%m-%d}"


# Budget


@dataclass(frozen=True)
class BudgetRow:
    cost_type: str
    label: str
    amounts: list[int | None]
    specifications: list[str]
    total: int


@dataclass(frozen=True)
class BudgetTable:
    years: list[int]
    rows: list[BudgetRow]
    totals: list[int]

    @property
    def total(self) -> int:
        return sum(self.totals)


def budget_table(years: Sequence[int], lines: Iterable[ApplicationBudgetLine]) -> BudgetTable:
    """The form's budget: a row per cost type, a column per year, sums computed."""
    cells = {(line.cost_type, line.year): line for line in lines}
    years = sorted(set(years) | {year for _, year in cells})
    rows = []
    for cost_type in CostType:
        found = [cells.get((cost_type.value, year)) for year in years]
        amounts = [line.amount if line else None for line in found]
        rows.append(
            BudgetRow(
                cost_type=cost_type.value,
                label=cost_type.label,
                amounts=amounts,
                specifications=[line.specification if line else "" for line in found],
                total=sum(a or 0 for a in amounts),
            )
        )
    totals = [sum(row.amounts[i] or 0 for row in rows) for i in range(len(years))]
    return BudgetTable(years=years, rows=rows, totals=totals)


def sought_by_year(application: Application) -> dict[int, int]:
    totals: dict[int, int] = defaultdict(int)
    for line in application.budget_lines.all():
        totals[line.year] += line.amount
    return dict(sorted(totals.items()))


# Who sees which applications


def is_preparer(user: User, association: Association) -> bool:
    """The kansli, and the users the förbund has put in its beredningsgrupp."""
    if user.role == Role.OFFICE:
        return True
    return PreparationMember.objects.filter(association=association, user=user).exists()


def visible_applications(
    user: User, association: Association, *, preparer: bool | None = None
) -> QuerySet[Application]:
    """An applicant sees their own organisation's applications; the förbund (and its
    beredningsgrupp) sees those sent to it and the paper ones the kansli is entering.
    `preparer` is `is_preparer(user, association)` when the caller has it already."""
    applications = Application.objects.filter(association=association).select_related(
        "member", "intervention"
    )
    seen = Q(pk__in=[])
    member = own_applications_member(user)
    if member is not None:
        seen |= Q(member_id=member)
    if preparer is None:
        preparer = user.role in REGISTER_READERS or is_preparer(user, association)
    if sees_sent_applications(user, preparer=preparer):
        seen |= ~Q(status=ApplicationStatus.DRAFT) | Q(received_on_paper=True)
    return applications.filter(seen)


def own_applications_member(user: User) -> int | None:
    """The organisation whose applications (drafts too) `user` sees as their own: an
    applicant's; None for everyone else."""
    return user.member_id if user.role == Role.APPLICANT else None


def sees_sent_applications(user: User, *, preparer: bool) -> bool:
    """Whether `user` sees every application sent to the förbund (and the kansli's paper
    ones): its readers and, `preparer`, its beredningsgrupp."""
    return user.role in REGISTER_READERS or preparer


def visible_interventions(user: User, association: Association) -> QuerySet[Intervention]:
    interventions = Intervention.objects.filter(association=association).select_related("owner")
    if user.role == Role.APPLICANT and user.member_id is not None:
        return interventions.filter(owner_id=user.member_id)
    if user.role in REGISTER_READERS:
        return interventions
    return interventions.none()


@dataclass(frozen=True)
class ApplicationLine:
    """One line of the list of applications, as the page shows it."""

    url: str
    name: str
    applicant: str
    kind: str
    period: str  # "2023-01-01 – 2023-12-31", or "–"
    sought: str  # "400 000 kr", or "–"
    submitted: str  # "24 november 2023 (papper)", or "–"
    status: str  # the decision's outcome once decided


@lru_cache(maxsize=1024)
def _day_text(day: datetime.date, language: str) -> str:
    """`format_date(day)` in `language` (the active one), kept: a list shows many days and
    Django's date format costs some 50 µs each."""
    return format_date(day)


def application_page(
    applications: QuerySet[Application],
    number: Any,
    *,
    per_page: int,
    link: Callable[[int], str],
) -> tuple[Page, list[ApplicationLine]]:
    """One page of applications, the last submitted first, read as the values the list
    shows (the sum sought by a subquery, not a GROUP BY over every column) in two queries.
    `url` is the address of one application with `{}` for its pk."""
    sought = (
        ApplicationBudgetLine.objects.filter(application_id=OuterRef("pk"))
        .order_by()
        .values("application_id")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    lines = (
        applications.order_by("-submitted_at", "-pk")
        .annotate(sought=Subquery(sought))
        .values_list(
            "pk",
            "name",
            "organisation_name",
            "member__name",
            "kind",
            "starts_on",
            "ends_on",
            "sought",
            "submitted_at",
            "received_on_paper",
            "status",
            "decision__outcome",
        )
    )
    # Counted without the joins the values need.
    page = CountedPaginator(lines, per_page, applications.count()).get_page(number)
    kinds = dict(ApplicationKind.choices)
    statuses = dict(ApplicationStatus.choices)
    outcomes = dict(Outcome.choices)
    rows = []
    for (
        pk,
        name,
        organisation,
        member,
        kind,
        starts_on,
        ends_on,
        amount,
        submitted_at,
        on_paper,
        status,
        outcome,
    ) in page.object_list:
        if submitted_at is None:
            submitted = "–"
        else:
            submitted = _day_text(timezone.localtime(submitted_at).date(), get_language())
            if on_paper:
                submitted += " (papper)"
        rows.append(
            ApplicationLine(
                url=link(pk),
                name=name or "Ansökan utan namn",
                applicant=organisation or member,
                kind=kinds.get(kind, kind),
                period=f"{starts_on:%Y-%m-%d} – {ends_on:%Y-%m-%d}"
                if starts_on and ends_on
                else "–",
                sought=format_kronor(amount) or "–",
                submitted=submitted,
                status=outcomes.get(outcome, outcome)
                if status == ApplicationStatus.DECIDED and outcome
                else statuses.get(status, status),
            )
        )
    return page, rows


# Status of an insats


class Status:
    APPLIED = "Ansökt"
    PREPARATION = "Under beredning"
    GRANTED = "Beviljad"
    REFUSED = "Avslagen"
    ONGOING = "Pågående"
    ENDED = "Avslutad"
    ALL = (APPLIED, PREPARATION, GRANTED, REFUSED, ONGOING, ENDED)


def status_of(
    intervention: Intervention, applications: Sequence[Application], today: datetime.date
) -> str:
    """Ansökt, under beredning, beviljad, avslagen, pågående or avslutad, from its
    applications (newest first), their decisions and its period."""
    return status_from(
        intervention.closed_on,
        intervention.starts_on,
        intervention.ends_on,
        [
            (a.status, a.decision.outcome if getattr(a, "decision", None) else None)
            for a in applications
        ],
        today,
    )


def status_from(
    closed_on: datetime.date | None,
    starts: datetime.date | None,
    ends: datetime.date | None,
    applications: Sequence[tuple[str, str | None]],
    today: datetime.date,
) -> str:
    """`status_of` from plain values: the applications as (status, outcome of the decision
    or None), newest first."""
    if closed_on is not None:
        return Status.ENDED
    if starts is not None and starts <= today and (ends is None or today <= ends):
        return Status.ONGOING
    open_ones = [status for status, _ in applications if status in OPEN_STATUSES]
    if open_ones:
        if open_ones[0] == ApplicationStatus.SUBMITTED:
            return Status.APPLIED
        return Status.PREPARATION
    if ends is not None and today > ends:
        return Status.ENDED
    decided = [outcome for status, outcome in applications if status == ApplicationStatus.DECIDED]
    if any(outcome is not None and outcome != Outcome.REFUSED for outcome in decided):
        return Status.GRANTED  # to start later
    if not applications:
        return Status.ONGOING  # registered as running before the förbund used Samordna
    return Status.REFUSED if decided else Status.APPLIED


# The register


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register, as the page shows it."""

    pk: int
    name: str
    url: str
    parties: str
    period: str
    direction: str
    status: str
    granted: int
    paid: int
    released: int
    next_report: str  # "Redovisning 2023, 2024-01-31", or "" when none is due
    late: bool
    more_reports: int  # due after the next one
    # The amounts as shown ("1 431 000 kr"), formatted once here rather than per cell.
    granted_kr: str = ""
    paid_kr: str = ""
    remaining_kr: str = ""
    released_kr: str = ""

    @property
    def remaining(self) -> int:
        return self.granted - self.paid - self.released


# The count of the insatser chosen, and the money of each that has some. Written out rather
# than built by the ORM: building the union with its subquery cost more than running it.
_REGISTER_MONEY = """
WITH chosen (id) AS ({chosen})
SELECT 0, COUNT(*), 0, 0 FROM chosen
UNION ALL
SELECT a.intervention_id, SUM(g.amount),
  COALESCE(SUM((SELECT SUM(p.amount) FROM interventions_payment p WHERE p.grant_id = g.id)), 0),
  COALESCE(SUM(r.amount), 0)
FROM chosen
JOIN interventions_application a ON a.intervention_id = chosen.id
JOIN interventions_grantdecision d ON d.application_id = a.id
JOIN interventions_grantamount g ON g.decision_id = d.id
LEFT JOIN interventions_release r ON r.grant_id = g.id
GROUP BY a.intervention_id
"""


def _register_money(interventions: QuerySet[Intervention]) -> dict[int, tuple[int, int, int]]:
    """{insats: (granted, paid, released)} for the insatser chosen that have money, and
    {0: (their number, 0, 0)}, in one query: the grants of the insatser with their
    payments and release, grouped by insats, and the count of the insatser."""
    try:
        chosen, params = interventions.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # none chosen (`.none()`, or a status no insats has)
        return {0: (0, 0, 0)}
    with connection.cursor() as cursor:
        cursor.execute(_REGISTER_MONEY.replace("{chosen}", chosen), params)
        return {pk: (granted, paid, released) for pk, granted, paid, released in cursor}


REGISTER_PAGE = 50
T = TypeVar("T")


def status_expression(today: datetime.date) -> Case:
    """`status_of` as one SQL expression, so that the register filters and counts by
    status in the database (the test of the register holds the two to the same answers)."""
    applications = Application.objects.filter(intervention_id=OuterRef("pk")).exclude(
        status=ApplicationStatus.WITHDRAWN
    )
    newest_open = (
        applications.filter(status__in=OPEN_STATUSES)
        .order_by(F("submitted_at").desc(nulls_first=True), "-pk")
        .values("status")[:1]
    )
    decided = applications.filter(status=ApplicationStatus.DECIDED)
    return Case(
        When(closed_on__isnull=False, then=Value(Status.ENDED)),
        When(
            Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today)),
            then=Value(Status.ONGOING),
        ),
        When(
            Exact(Subquery(newest_open), Value(ApplicationStatus.SUBMITTED)),
            then=Value(Status.APPLIED),
        ),
        When(IsNull(Subquery(newest_open), False), then=Value(Status.PREPARATION)),
        When(ends_on__lt=today, then=Value(Status.ENDED)),
        When(
            Exists(
                decided.exclude(decision__outcome=Outcome.REFUSED).filter(decision__isnull=False)
            ),
            then=Value(Status.GRANTED),
        ),
        When(~Exists(applications), then=Value(Status.ONGOING)),
        When(Exists(decided), then=Value(Status.REFUSED)),
        default=Value(Status.APPLIED),
        output_field=CharField(),
    )


@dataclass(frozen=True)
class RegisterPage:
    page: Page
    rows: list[RegisterRow]
    totals: dict[str, int]


class CountedPaginator(Paginator):
    """A paginator told its count: read with other figures in one query, or from a
    simpler query than the page's (without the joins its values need)."""

    def __init__(self, object_list: Any, per_page: int, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def register_page(
    interventions: QuerySet[Intervention],
    today: datetime.date,
    *,
    status: str = "",
    number: Any = 1,
    per_page: int = REGISTER_PAGE,
    link: Callable[[int], str] = str,
) -> RegisterPage:
    """One page of the register, filtered by status and sorted by name in the database
    (the Swedish way: `swedish_order`), with the count and sums of every insats the filter
    keeps; a fixed number of queries whatever the number of insatser, read as values and
    put together here (model objects and prefetches cost more than the queries).
    `url` is the address of one insats with `{}` for its pk."""
    chosen = interventions
    if status:
        # Filtered once (the status expression is costly to build), then by the ids.
        ids = interventions.annotate(register_status=status_expression(today)).filter(
            register_status=status
        )
        chosen = interventions.filter(pk__in=list(ids.values_list("pk", flat=True)))
    money = _register_money(chosen)
    count = money.pop(0)[0]
    totals = {
        kind: sum(sums[n] for sums in money.values())
        for n, kind in enumerate(("granted", "paid", "released"))
    }
    totals["remaining"] = totals["granted"] - totals["paid"] - totals["released"]
    lines = chosen.order_by(*swedish_order("name"), "pk").values_list(
        "pk", "name", "owner__name", "direction", "esf", "starts_on", "ends_on", "closed_on"
    )
    page = CountedPaginator(lines, per_page, count).get_page(number)
    items = list(page.object_list)
    if not exact_swedish_order():
        items.sort(key=lambda item: swedish_key(item[1]))
    ids_on_page = [item[0] for item in items]

    # Applications newest first, as `status_of` reads them, each with its parties in order
    # (one row per party; the parties of the newest application are shown).
    applications: dict[int, dict[int, tuple[str, str | None]]] = defaultdict(dict)
    parties: dict[int, list[str]] = defaultdict(list)
    for intervention_id, pk, application_status, outcome, party in (
        Application.objects.filter(intervention_id__in=ids_on_page)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .order_by(
            F("submitted_at").desc(nulls_first=True), "-pk", "parties__position", "parties__pk"
        )
        .values_list(
            "intervention_id", "pk", "status", "decision__outcome", "parties__member__name"
        )
    ):
        applications[intervention_id][pk] = (application_status, outcome)
        if party is not None:
            parties[pk].append(party)
    due: dict[int, list[tuple[str, datetime.date]]] = defaultdict(list)
    for intervention_id, title, due_on in (
        Report.objects.filter(
            intervention_id__in=[item[0] for item in items if item[7] is None],
            status__in=[ReportStatus.DUE, ReportStatus.DRAFT],
        )
        .order_by("due_on", "pk")
        .values_list("intervention_id", "title", "due_on")
    ):
        due[intervention_id].append((title, due_on))

    directions = dict(Direction.choices)
    rows = []
    for pk, name, owner, direction, esf, starts_on, ends_on, closed_on in items:
        newest = next(iter(applications[pk]), 0)
        names = [owner]
        for party in parties.get(newest, ()):
            if party not in names:
                names.append(party)
        reports = due.get(pk, [])
        granted, paid, released = money.get(pk, (0, 0, 0))
        label = directions.get(direction, direction)
        rows.append(
            RegisterRow(
                pk=pk,
                name=name,
                url=link(pk),
                parties=", ".join(names),
                period=period_label(starts_on, ends_on),
                direction=f"{label}, ESF" if esf else label,
                status=status_from(
                    closed_on, starts_on, ends_on, list(applications[pk].values()), today
                ),
                granted=granted,
                paid=paid,
                released=released,
                next_report=f"{reports[0][0]}, {reports[0][1]:%Y-%m-%d}" if reports else "",
                late=bool(reports) and reports[0][1] < today,
                more_reports=max(len(reports) - 1, 0),
                granted_kr=format_kronor(granted),
                paid_kr=format_kronor(paid),
                remaining_kr=format_kronor(granted - paid - released),
                released_kr=format_kronor(released) if released else "",
            )
        )
    return RegisterPage(page, rows, totals)


# One insats and its money


@dataclass(frozen=True)
class InstalmentLine:
    instalment: Instalment
    paid: int
    now: Payable  # what can be paid of it today, and what blocks it

    @property
    def remaining(self) -> int:
        return self.now.left

    @property
    def blockers(self) -> list[Blocker]:
        return self.now.waiting

    @property
    def payable(self) -> bool:
        return self.now.can_pay


@dataclass(frozen=True)
class GrantLine:
    grant: GrantAmount
    paid: int
    released: int
    remaining: int
    instalments: list[InstalmentLine]
    payments: list[Payment]


@dataclass(frozen=True)
class DecisionMoney:
    decision: GrantDecision
    state: GrantState
    grants: list[GrantLine]

    @property
    def granted(self) -> int:
        return sum(g.grant.amount for g in self.grants)

    @property
    def paid(self) -> int:
        return sum(g.paid for g in self.grants)

    @property
    def released(self) -> int:
        return sum(g.released for g in self.grants)

    @property
    def remaining(self) -> int:
        return sum(g.remaining for g in self.grants)


def money_of(decisions: QuerySet[GrantDecision], today: datetime.date) -> list[DecisionMoney]:
    """Granted, paid, released and left per decision and year, with what each planned
    payment waits for."""
    items = list(decisions_with_plan(decisions).order_by("decided_on", "pk"))
    states = grant_states(items)
    payments: dict[int, list[Payment]] = defaultdict(list)
    for payment in Payment.objects.filter(grant__decision__in=items).select_related("recorded_by"):
        payments[payment.grant_id].append(payment)
    result = []
    for decision in items:
        state = states[decision.pk]
        lines = []
        for grant in decision.amounts.all():
            instalments = [
                InstalmentLine(
                    instalment=instalment,
                    paid=state.paid_by_instalment.get(instalment.pk, 0),
                    now=state.payable(instalment, today),
                )
                for instalment in grant.instalments.all()
            ]
            lines.append(
                GrantLine(
                    grant=grant,
                    paid=state.paid_by_grant.get(grant.pk, 0),
                    released=state.released_by_grant.get(grant.pk, 0),
                    remaining=state.remaining(grant),
                    instalments=instalments,
                    payments=payments[grant.pk],
                )
            )
        result.append(DecisionMoney(decision=decision, state=state, grants=lines))
    return result


def interventions_for_prolongation(member: Member) -> list[Intervention]:
    """The applicant organisation's insatser a förlängning or tilläggsansökan can continue."""
    return sorted(
        Intervention.objects.filter(owner=member, closed_on__isnull=True),
        key=lambda i: swedish_key(i.name),
    )


# The förbund's goal: "80 % av de beviljade insatserna ska nå sina egna uppsatta mål"


@dataclass(frozen=True)
class InsatsResult:
    report: Report
    goals: int
    reached: int
    partly: int
    share: Decimal  # uppnått + halva delvis, of all goals, in %
    reached_goals: bool


@dataclass(frozen=True)
class GoalYear:
    year: int
    results: list[InsatsResult]
    target: int

    @property
    def reached(self) -> int:
        return sum(1 for r in self.results if r.reached_goals)

    @property
    def percent(self) -> Decimal:
        if not self.results:
            return Decimal(0)
        return (Decimal(100) * self.reached / len(self.results)).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )

    @property
    def met(self) -> bool:
        return self.percent >= self.target


def goal_achievement(association: Association) -> list[GoalYear]:
    """Per year of the board's approval: how many insatser reached their own goals, by
    their approved slutrapporter. A partly reached goal counts as half."""
    settings = settings_for(association)
    reports = (
        Report.objects.filter(
            association=association, kind=ReportKind.FINAL, status=ReportStatus.APPROVED
        )
        .select_related("intervention", "approval__paragraph__meeting")
        .prefetch_related("goals")
        .annotate(approved_year=ExtractYear("approval__paragraph__meeting__date"))
    )
    by_year: dict[int, list[InsatsResult]] = defaultdict(list)
    for report in reports:
        rows = list(report.goals.all())
        reached = sum(1 for r in rows if r.fulfilment == Fulfilment.REACHED)
        partly = sum(1 for r in rows if r.fulfilment == Fulfilment.PARTLY)
        share = (
            (Decimal(100) * (reached + Decimal("0.5") * partly) / len(rows)).quantize(
                Decimal(1), rounding=ROUND_HALF_UP
            )
            if rows
            else Decimal(0)
        )
        by_year[report.approved_year].append(
            InsatsResult(
                report=report,
                goals=len(rows),
                reached=reached,
                partly=partly,
                share=share,
                reached_goals=bool(rows) and share >= settings.goal_reached_percent,
            )
        )
    return [
        GoalYear(
            year=year,
            results=sorted(results, key=lambda r: swedish_key(r.report.intervention.name)),
            target=settings.goal_target_percent,
        )
        for year, results in sorted(by_year.items(), reverse=True)
    ]


# Money not used, for the förbund's accounts


def released_by_year(association: Association) -> dict[int, int]:
    """Granted money that will not be paid, per year of the grant: it returns to equity."""
    rows = (
        Release.objects.filter(grant__decision__association=association)
        .values("grant__year")
        .annotate(total=Sum("amount"))
    )
    return {row["grant__year"]: row["total"] for row in rows}


# The start page


@dataclass(frozen=True)
class GrantWork:
    """What waits for the user on the start page: the first `START_LIMIT` of each list,
    each knowing how many there are in all (`Top.total`). The rows are dicts of what the
    page shows (`url`, `text` and a date or a status), read as values in one query a list."""

    applications: "Top[dict[str, Any]]"  # to prepare (förbund) or in progress (applicant)
    reports_due: "Top[dict[str, Any]]"  # not handed in, due within a month or late
    reports_to_approve: "Top[dict[str, Any]]"  # handed in, for the board


START_LIMIT = 10


class Top(list[T]):
    """The first rows of a list, and `total`: how many the whole list has."""

    total: int = 0


def top(queryset: QuerySet[Any], *fields: str) -> "Top[dict[str, Any]]":
    """The first `START_LIMIT` rows (`fields` of each) and the count of all of them, in one
    query (a window count rides along on each row), whatever the size of the list."""
    found: Top[dict[str, Any]] = Top(
        queryset.annotate(listed=Window(Count("pk"))).values(*fields, "listed")[:START_LIMIT]
    )
    found.total = found[0]["listed"] if found else 0
    return found


def _application_rows(found: "Top[dict[str, Any]]", slug: str) -> "Top[dict[str, Any]]":
    link = row_link("interventions:application", slug)
    for row in found:
        row["url"] = link(row["pk"])
        row["text"] = row["name"] or "Ansökan utan namn"
        row["status"] = ApplicationStatus(row["status"]).label.lower()
    return found


def _report_rows(
    found: "Top[dict[str, Any]]", slug: str, today: datetime.date
) -> "Top[dict[str, Any]]":
    link = row_link("interventions:report", slug, ROW, ROW)
    for row in found:
        row["url"] = link(row["intervention_id"], row["pk"])
        row["text"] = f"{row['title']}: {row['intervention__name']}"
        row["late"] = row["due_on"] < today
        row["due_on"] = format_date(row["due_on"])
        submitted = row["submitted_at"]
        row["submitted_on"] = format_date(timezone.localtime(submitted)) if submitted else ""
    return found


REPORT_FIELDS = ("pk", "intervention_id", "title", "intervention__name", "due_on", "submitted_at")


def grant_work_reader(user: User) -> str:
    """Whose `grant_work` it is, besides the förbund and the day: the kansli's is the same
    for all of it, an applicant's is their organisation's, anyone else's depends on whether
    they sit in the beredningsgrupp (a key for the start page's cached part)."""
    if user.role == Role.OFFICE:
        return "office"
    if user.role == Role.APPLICANT and user.member_id is not None:
        return f"member {user.member_id}"
    return f"user {user.pk}"


def grant_work(user: User, association: Association, today: datetime.date) -> GrantWork:
    horizon = today + datetime.timedelta(days=31)
    slug = association.slug
    reports = Report.objects.filter(association=association)

    def listed(chosen: QuerySet[Report]) -> "Top[dict[str, Any]]":
        return _report_rows(top(chosen.order_by("due_on", "pk"), *REPORT_FIELDS), slug, today)

    def due(**where: Any) -> "Top[dict[str, Any]]":
        """The reports of running insatser still to be sent, due as `where` says."""
        return listed(
            reports.filter(
                intervention__closed_on__isnull=True,
                status__in=[ReportStatus.DUE, ReportStatus.DRAFT],
                **where,
            )
        )

    if user.role == Role.APPLICANT and user.member_id is not None:
        return GrantWork(
            applications=_application_rows(
                top(
                    Application.objects.filter(
                        association=association,
                        member_id=user.member_id,
                        status__in=[ApplicationStatus.DRAFT, *OPEN_STATUSES],
                    ),
                    "pk",
                    "name",
                    "status",
                ),
                slug,
            ),
            reports_due=due(intervention__owner_id=user.member_id, due_on__lte=horizon),
            reports_to_approve=Top(),
        )
    if not is_preparer(user, association):
        return GrantWork(Top(), Top(), Top())
    office = user.role == Role.OFFICE
    return GrantWork(
        applications=_application_rows(
            top(
                Application.objects.filter(
                    association=association, status__in=OPEN_STATUSES
                ).order_by("submitted_at", "pk"),
                "pk",
                "name",
                "status",
            ),
            slug,
        ),
        reports_due=due(due_on__lt=today) if office else Top(),
        reports_to_approve=listed(reports.filter(status=ReportStatus.SUBMITTED))
        if office
        else Top(),
    )


# The meeting page


@dataclass(frozen=True)
class ParagraphMatters:
    """What a § decided about insatser: decisions on applications, approved reports."""

    decisions: list[GrantDecision]
    approvals: list[Report]


def paragraph_matters(paragraph_ids: Iterable[int]) -> dict[int, ParagraphMatters]:
    """Per § id, in two queries whatever the number of §§."""
    ids = list(paragraph_ids)
    decisions: dict[int, list[GrantDecision]] = defaultdict(list)
    for decision in (
        GrantDecision.objects.filter(paragraph_id__in=ids)
        .select_related("application")
        .prefetch_related("amounts")
    ):
        assert decision.paragraph_id is not None
        decisions[decision.paragraph_id].append(decision)
    approvals: dict[int, list[Report]] = defaultdict(list)
    for report in Report.objects.filter(approval__paragraph_id__in=ids).select_related(
        "intervention", "approval"
    ):
        approvals[report.approval.paragraph_id].append(report)
    return {
        pk: ParagraphMatters(decisions[pk], approvals[pk])
        for pk in ids
        if decisions[pk] or approvals[pk]
    }


# Words of a § title that say it is about an application, or about a report.
APPLICATION_WORDS = ("ansökan", "ansöker", "ansökning", "medel till", "finansiering", "bevilj")
REPORT_WORDS = ("rapport", "redovisning", "uppföljning")


@dataclass(frozen=True)
class ParagraphSubject:
    """Whether a § is about an application or a report: only the fitting actions are offered."""

    application: bool
    report: bool


def paragraph_subjects(
    association: Association, paragraphs: Iterable, matters: dict[int, ParagraphMatters]
) -> dict[int, ParagraphSubject]:
    """Per § id, in two queries: a § is about an application when it decided one, names an
    open application or says so in its title; about a report likewise."""
    applications = [
        name.lower()
        for name in Application.objects.filter(
            association=association, status__in=OPEN_STATUSES
        ).values_list("name", flat=True)
        if name
    ]
    reports = [
        name.lower()
        for name in Report.objects.filter(
            association=association, status=ReportStatus.SUBMITTED
        ).values_list("intervention__name", flat=True)
    ]
    subjects = {}
    for paragraph in paragraphs:
        title = f"{paragraph.title} {paragraph.case_number}".lower()
        done = matters.get(paragraph.pk)
        subjects[paragraph.pk] = ParagraphSubject(
            application=bool(done and done.decisions)
            or any(word in title for word in APPLICATION_WORDS)
            or any(name in title for name in applications),
            report=bool(done and done.approvals)
            or any(word in title for word in REPORT_WORDS)
            or any(name in title for name in reports),
        )
    return subjects
