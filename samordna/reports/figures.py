"""Where a report's figures come from: each source reads the förbund's own data for the
report's period and gives every figure with its key, its place in a table and its value.

A source costs a fixed number of queries whatever the number of insatser, members or
meetings: the report's page compares every stored figure with the data now (to say which are
stale) in one pass over the sources.

Sources and what they read:
- `followup`: participants per insats, by gender, new, ended and ended to work or studies
  (the follow-up's approved counts of the periods that end within the report's period);
- `goals`: the measured goals judged for the year (followup.goal_fulfilment);
- `insatser`: each insats's owner and period, the money granted for the year and paid in
  the period (interventions);
- `meetings`: the board's meetings held in the period and each member's attendance at them
  (the upprop);
- `budget_followup`: budget, outcome and forecast per budget group and the result at the
  period's end (ledger.selectors.followup);
- `budget`: the year's budget line by line (finance), for the verksamhetsplan;
- `financial_goals`: the financial goals for the year (finance.goals);
- `statements`: the årsredovisning's resultaträkning, balansräkning, kassaflödesanalys,
  driftredovisning and noter (reports.statements).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, Sum

from samordna.associations.models import Association
from samordna.core.text import format_kronor, format_percent
from samordna.finance import budgets
from samordna.finance.goals import goals_for
from samordna.finance.models import LineGroup
from samordna.finance.selectors import budget_for, budget_lines
from samordna.followup.goal_fulfilment import goal_results
from samordna.followup.models import ParticipantReport
from samordna.followup.selectors import grouped_year_figures
from samordna.interventions.models import GrantAmount, Intervention, Payment
from samordna.interventions.selectors import period_label
from samordna.ledger.selectors import followup
from samordna.meetings.models import Attendance, Meeting, Presence
from samordna.reports import statements
from samordna.reports.models import AssociationReport, AssociationReportKind, FigureUnit


@dataclass
class Value:
    """A figure as the data give it now."""

    key: str
    source: str
    table: str
    row: str
    column: str
    unit: str
    value: str
    params: dict[str, Any] = field(default_factory=dict)
    position: int = 0
    invented: bool = False  # made up by the demo (its data say so), not real nor a seed's


@dataclass(frozen=True)
class Period:
    association: Association
    year: int
    starts_on: datetime.date
    ends_on: datetime.date
    kind: str


class Collector:
    """Gathers the values of the sources in the order they are added."""

    def __init__(self) -> None:
        self.values: dict[str, Value] = {}

    def add(
        self,
        source: str,
        table: str,
        row: str,
        column: str,
        value: object,
        *,
        unit: str = FigureUnit.COUNT,
        key: str,
        **params: Any,
    ) -> None:
        text = str(value) if not isinstance(value, Decimal) else f"{value.normalize():f}"
        if isinstance(value, Decimal) and unit == FigureUnit.KRONOR:
            text = str(int(value.quantize(Decimal(1))))
        self.values[key] = Value(
            key, source, table, row, column, unit, text, params, len(self.values)
        )

    def invented(self, key: str) -> None:
        """Mark the value as made up by the demo (its data say so)."""
        self.values[key].invented = True


COUNT_COLUMNS = (
    ("participants", "Deltagare"),
    ("women", "Kvinnor"),
    ("men", "Män"),
    ("other", "Annat/ej angivet"),
    ("new", "Nya"),
    ("ended", "Avslutade"),
    ("work_or_studies", "Till arbete eller studier"),
)


# The participants table's totals row: the totals over the insatser, which the suppression of
# small counts takes as published (selectors.SUPPRESSED_TABLES).
TOTAL_ROW = "Samtliga insatser"


def participants(period: Period, out: Collector) -> None:
    """Approved counts per insats of the periods ending within the report's period, and their
    totals (three queries). Counts that the demo invented (`ParticipantReport.demo`) say so:
    the figure is marked as invented, as a seed's figure names its document."""
    reports = ParticipantReport.objects.filter(
        association=period.association,
        period__year=period.year,
        period__ends_on__lte=period.ends_on,
    )
    groups = grouped_year_figures(reports, ["intervention_id"])
    ids = [group.key["intervention_id"] for group in groups]
    names = dict(Intervention.objects.filter(pk__in=ids).values_list("pk", "name"))
    invented = set(reports.filter(demo=True).values_list("intervention_id", flat=True).distinct())
    rows = sorted(groups, key=lambda g: (names.get(g.key["intervention_id"], ""), g.key))
    span: dict[str, Any] = {"year": period.year, "until": period.ends_on.isoformat()}
    totals = {code: 0 for code, _label in COUNT_COLUMNS}
    for group in rows:
        pk = group.key["intervention_id"]
        f = group.figures
        values = {
            "participants": f.participants,
            "women": f.participants_by_gender.get("women", 0),
            "men": f.participants_by_gender.get("men", 0),
            "other": f.participants_by_gender.get("other", 0),
            "new": f.new,
            "ended": f.ended,
            "work_or_studies": f.to_work_or_studies,
        }
        for code, label in COUNT_COLUMNS:
            totals[code] += values[code]
            out.add(
                "followup",
                "deltagare",
                names.get(pk, ""),
                label,
                values[code],
                key=f"followup:{pk}:{code}",
                intervention=pk,
                count=code,
                **span,
            )
            if pk in invented:
                out.invented(f"followup:{pk}:{code}")
    if not rows:
        return
    for code, label in COUNT_COLUMNS:
        out.add(
            "followup",
            "deltagare",
            TOTAL_ROW,
            label,
            totals[code],
            key=f"followup:total:{code}",
            count=code,
            **span,
        )
        if invented:
            out.invented(f"followup:total:{code}")


def goals(period: Period, out: Collector) -> None:
    """The measured goals judged for the year (followup.goal_fulfilment, three queries)."""
    for result in goal_results(period.association, [period.year]):
        for year in result.years:
            name = result.text.strip().rstrip(".")
            if result.intervention is not None:
                name = f"{result.intervention.name}: {name}"
            figure = "" if year.hidden or year.figure is None else year.figure.text
            out.add(
                "goals",
                "mal",
                name,
                "Utfall",
                figure or "–",
                unit=FigureUnit.TEXT,
                key=f"goals:{result.goal.pk}:{year.year}:figure",
                goal=result.goal.pk,
                year=year.year,
            )
            out.add(
                "goals",
                "mal",
                name,
                "Bedömning",
                year.verdict,
                unit=FigureUnit.TEXT,
                key=f"goals:{result.goal.pk}:{year.year}:verdict",
                goal=result.goal.pk,
                year=year.year,
            )


def insatser(period: Period, out: Collector) -> None:
    """Each insats running in the year: owner, period, granted for the year and paid in the
    report's period (three queries)."""
    association = period.association
    year_start = datetime.date(period.year, 1, 1)
    running = (
        Intervention.objects.filter(association=association)
        .filter(Q(starts_on__isnull=True) | Q(starts_on__lte=period.ends_on))
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=year_start))
        .select_related("owner")
        .order_by("name", "pk")
    )
    granted = dict(
        GrantAmount.objects.filter(
            decision__application__intervention__association=association, year=period.year
        )
        .values_list(F("decision__application__intervention"))
        .annotate(total=Sum("amount"))
        .order_by()
    )
    paid = dict(
        Payment.objects.filter(
            association=association,
            paid_on__gte=period.starts_on,
            paid_on__lte=period.ends_on,
        )
        .values_list(F("grant__decision__application__intervention"))
        .annotate(total=Sum("amount"))
        .order_by()
    )
    for insats in running:
        params = {"intervention": insats.pk, "year": period.year}
        row = insats.name
        owner = insats.owner.name + (f", {insats.owner_unit}" if insats.owner_unit else "")
        out.add(
            "insatser", "insatser", row, "Insatsägare", owner,
            unit=FigureUnit.TEXT, key=f"insatser:{insats.pk}:owner", **params,
        )  # fmt: skip
        out.add(
            "insatser", "insatser", row, "Period",
            period_label(insats.starts_on, insats.ends_on) or "–",
            unit=FigureUnit.TEXT, key=f"insatser:{insats.pk}:period", **params,
        )  # fmt: skip
        out.add(
            "insatser", "insatser", row, f"Beviljat {period.year}",
            granted.get(insats.pk, 0),
            unit=FigureUnit.KRONOR, key=f"insatser:{insats.pk}:granted", **params,
        )  # fmt: skip
        out.add(
            "insatser", "insatser", row, "Utbetalt under perioden",
            paid.get(insats.pk, 0),
            unit=FigureUnit.KRONOR, key=f"insatser:{insats.pk}:paid", **params,
        )  # fmt: skip


def meetings(period: Period, out: Collector) -> None:
    """The board's meetings in the period and each member's attendance (two queries)."""
    held = Meeting.objects.filter(
        association=period.association,
        date__gte=period.starts_on,
        date__lte=period.ends_on,
    ).count()
    span = {"since": period.starts_on.isoformat(), "until": period.ends_on.isoformat()}
    out.add(
        "meetings", "styrelsen", "Sammanträden under perioden", "Antal", held,
        key="meetings:held", **span,
    )  # fmt: skip
    rows = (
        Attendance.objects.filter(
            meeting__association=period.association,
            meeting__date__gte=period.starts_on,
            meeting__date__lte=period.ends_on,
            seat__kind="ordinary",
        )
        .values("seat__member_id", "seat__member__name")
        .annotate(
            present=Count("pk", filter=~Q(presence=Presence.ABSENT)),
            called=Count("pk"),
        )
        .order_by("seat__member__name", "seat__member_id")
    )
    for row in rows:
        member = row["seat__member_id"]
        name = f"Närvaro, ledamöter från {row['seat__member__name']}"
        out.add(
            "meetings", "styrelsen", name, "Närvarande", row["present"],
            key=f"meetings:member:{member}:present", member=member, **span,
        )  # fmt: skip
        out.add(
            "meetings", "styrelsen", name, "Kallade", row["called"],
            key=f"meetings:member:{member}:called", member=member, **span,
        )  # fmt: skip


def budget_followup(period: Period, out: Collector) -> None:
    """Budget, outcome and forecast per group and the result at the period's end."""
    budget = budget_for(period.association, period.year)
    if budget is None:
        return
    found = followup(period.association, budget, period.ends_on)
    params = {"year": period.year, "until": period.ends_on.isoformat()}
    rows = [(group.key, group.label, group.figures) for group in found.groups]
    rows.append(("result", "Resultat", found.result))
    for key, label, figures in rows:
        for column, value in (
            ("Budget", figures.budget),
            ("Utfall", figures.outcome),
            ("Prognos", figures.forecast),
            ("Avvikelse mot budget", figures.deviation),
        ):
            out.add(
                "budget_followup", "ekonomi", label, column, value,
                unit=FigureUnit.KRONOR,
                key=f"budget_followup:{key}:{column}", group=key, **params,
            )  # fmt: skip


def budget_plan(period: Period, out: Collector) -> None:
    """The year's budget line by line with the sums (finance), as the budget page shows it."""
    budget = budget_for(period.association, period.year)
    if budget is None:
        return
    lines = budget_lines(budget)
    labels = dict(LineGroup.choices)
    for line in lines:
        out.add(
            "budget", "budget", f"{labels.get(line.group, line.group)}: {line.name}",
            f"Budget {period.year}", line.amount,
            unit=FigureUnit.KRONOR, key=f"budget:line:{line.pk}", line=line.pk,
        )  # fmt: skip
    sums = budgets.figures(lines)
    for label, value in (
        ("Summa intäkter", sums.income),
        ("Summa kostnader", sums.costs),
        ("Resultat", sums.result),
    ):
        out.add(
            "budget", "budget", label, f"Budget {period.year}", value,
            unit=FigureUnit.KRONOR, key=f"budget:sum:{label}", year=period.year,
        )  # fmt: skip


def financial_goals(period: Period, out: Collector) -> None:
    """The financial goals for the year: the budget's and the forecast's figure, met or not."""
    panel = goals_for(period.association)
    for goal in panel.goals:
        found = next((y for y in goal.years if y.year == period.year), None)
        if found is None:
            continue
        params = {"goal": goal.key, "year": period.year}
        out.add(
            "financial_goals", "finansiella_mal", goal.title, "Budget", found.budget_text,
            unit=FigureUnit.TEXT, key=f"financial_goals:{goal.key}:budget", **params,
        )  # fmt: skip
        out.add(
            "financial_goals", "finansiella_mal", goal.title, "Prognos",
            found.forecast_text or "–",
            unit=FigureUnit.TEXT, key=f"financial_goals:{goal.key}:forecast", **params,
        )  # fmt: skip
        out.add(
            "financial_goals", "finansiella_mal", goal.title, "Uppfyllt",
            "ja" if found.met else "nej",
            unit=FigureUnit.TEXT, key=f"financial_goals:{goal.key}:met", **params,
        )  # fmt: skip


def annual_statements(period: Period, out: Collector) -> None:
    """The årsredovisning's statements; raises statements.Unbalanced for a ledger that does
    not balance."""
    found = statements.build(period.association, period.year)
    years = {"Året": str(period.year), "Föregående år": str(period.year - 1)}
    for table, rows in found.tables().items():
        for row in rows:
            for label, value in row.values:
                column = years[label]
                out.add(
                    "statements", table, row.label, column, value,
                    unit=row.unit,
                    key=f"statements:{table}:{row.key}:{column}",
                    year=period.year, line=row.key,
                )  # fmt: skip


Source = Callable[[Period, Collector], None]
SOURCES: dict[str, list[Source]] = {
    AssociationReportKind.PLAN: [budget_plan, financial_goals, insatser],
    AssociationReportKind.INTERIM: [
        goals, financial_goals, insatser, participants, meetings, budget_followup,
    ],
    AssociationReportKind.ANNUAL: [
        goals, financial_goals, insatser, participants, meetings, budget_followup,
        annual_statements,
    ],
}  # fmt: skip

# The tables a section can show, with their Swedish titles.
TABLES = {
    "deltagare": "Deltagare per insats",
    "mal": "Mål och måluppfyllelse",
    "insatser": "Insatserna",
    "styrelsen": "Styrelsens sammanträden och närvaro",
    "ekonomi": "Ekonomiskt utfall och prognos",
    "budget": "Budget",
    "finansiella_mal": "Finansiella mål",
    **statements.TABLE_TITLES,
}


def period_of(report: AssociationReport) -> Period:
    return Period(report.association, report.year, report.starts_on, report.ends_on, report.kind)


def current_values(report: AssociationReport) -> dict[str, Value]:
    """Every figure of the report as the data give it now."""
    out = Collector()
    period = period_of(report)
    for source in SOURCES[report.kind]:
        source(period, out)
    return out.values


def shown(value: str, unit: str) -> str:
    """A stored value as the reader sees it."""
    if unit == FigureUnit.KRONOR:
        try:
            return format_kronor(Decimal(value))
        except ArithmeticError:
            return value
    if unit == FigureUnit.PERCENT:
        return format_percent(Decimal(value))
    if unit == FigureUnit.COUNT and value.lstrip("-").isdigit():
        return f"{int(value):,}".replace(",", "\u00a0")
    return value
