"""What the dashboards and their exports show: per year, the table the förbund puts in its
minutes (participants, ended, ended to work, to studies, to work or studies and its share),
participants by gender and by age, the new participants' income, structural insatser, the
survey results and the goals; charts drawn from the same figures.

Everyone outside the kansli sees the tables with small counts hidden (`suppression`). Each
table is suppressed as a whole, with its totals: participants by gender and by age (row
total: the participants), ended by where they went (row total: the ended), the new by
income (row total: the new). A figure derived from cells (to work or studies, the share) is
shown only where the published cells already give it away. The participants are the total
of two tables: hidden in one, they are hidden in both. Totals over the years are never shown
(participants are counted again each year they take part), which only hides more.

Every read here is a fixed number of queries, whatever the number of years or insatser.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum

from samordna.associations.models import Association
from samordna.followup import goal_fulfilment, selectors
from samordna.followup.counts import AGE_BANDS, DESTINATIONS, GENDERS, INCOMES, STRUCTURAL
from samordna.followup.goal_fulfilment import GoalResult, YearResult
from samordna.followup.models import (
    Comparison,
    Measure,
    ParticipantReport,
    PlannedParticipants,
    ScaleStep,
    SurveyAnswer,
)
from samordna.followup.selectors import YearFigures
from samordna.followup.suppression import suppress_table
from samordna.interventions.models import Direction, GrantAmount, Intervention, Payment
from samordna.interventions.payable import paid_by_year

# Destinations as the minutes show them: work, studies and everything else.
OTHER_DESTINATIONS = [code for code, _ in DESTINATIONS if code not in ("work", "studies")]


@dataclass(frozen=True)
class Value:
    """One figure of a table: a count, or a share in per cent. `number` is None when there
    is nothing to show (a share when nobody ended); `hidden` when it is a small count or
    would give one away."""

    number: int | Decimal | None
    hidden: bool = False
    percent: bool = False

    @property
    def text(self) -> str:
        if self.hidden or self.number is None:
            return "–"
        return f"{self.number}\u00a0%" if self.percent else str(self.number)

    @property
    def shown(self) -> bool:
        return not self.hidden and self.number is not None


HIDDEN = Value(None, hidden=True)


@dataclass(frozen=True)
class Row:
    label: str
    values: list[Value]


@dataclass(frozen=True)
class Table:
    key: str  # names the sheet of the export
    title: str  # the heading of its section and the sheet
    caption: str
    columns: list[str]  # the first names the rows ("År")
    rows: list[Row]


# Charts


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str  # the value above the bar, "–" when hidden
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Group:
    label: str
    x: float  # the centre, for the label under the bars
    bars: list[Bar]


@dataclass(frozen=True)
class Legend:
    name: str
    colour: str
    y: float  # the top of its square


@dataclass(frozen=True)
class BarChart:
    """A bar chart drawn on the server as SVG, with the same figures as `table`."""

    key: str
    caption: str
    description: str  # the chart in words, for screen readers
    groups: list[Group]
    legend: list[Legend]
    table: Table
    width: int = 640
    height: int = 300
    left: float = 16
    right: float = 624
    baseline: float = 264
    axis_label_y: float = 284


# Colours with at least 3:1 contrast against white, told apart by the legend and labels.
COLOURS = ["#1b4f72", "#b35900", "#2e7d32", "#6a1b9a"]
CHART_TOP, CHART_BOTTOM = 84.0, 264.0
LEFT, RIGHT = 16.0, 624.0


def bar_chart(key: str, caption: str, table: Table, series: Sequence[int]) -> BarChart:
    """Grouped bars: a group per row of `table`, a bar per column index in `series` (the
    legend above, a line per series; the value above each bar)."""
    values = [[row.values[i] for i in series] for row in table.rows]
    top = max([float(v.number) for vs in values for v in vs if v.shown and v.number] + [1.0])
    slot = (RIGHT - LEFT) / max(len(table.rows), 1)
    bar_width = min(48.0, slot * 0.8 / max(len(series), 1))
    groups = []
    for index, (row, row_values) in enumerate(zip(table.rows, values, strict=True)):
        centre = LEFT + slot * (index + 0.5)
        start = centre - bar_width * len(series) / 2
        bars = []
        for k, value in enumerate(row_values):
            number = float(value.number) if value.shown and value.number else 0.0
            height = (CHART_BOTTOM - CHART_TOP) * number / top
            x = start + k * bar_width
            bars.append(
                Bar(
                    x=round(x + 1, 1),
                    y=round(CHART_BOTTOM - height, 1),
                    width=round(bar_width - 2, 1),
                    height=round(height, 1),
                    colour=COLOURS[k % len(COLOURS)],
                    label=value.text,
                    label_x=round(x + bar_width / 2, 1),
                    label_y=round(CHART_BOTTOM - height - 4, 1),
                )
            )
        groups.append(Group(row.label, round(centre, 1), bars))
    names = [table.columns[i + 1] for i in series]
    legend = [Legend(name, COLOURS[k % len(COLOURS)], 4.0 + 20 * k) for k, name in enumerate(names)]
    words = "; ".join(
        f"{row.label}: "
        + ", ".join(
            f"{name.lower()} {'dolt' if v.hidden else v.text}"
            for name, v in zip(names, row_values, strict=True)
        )
        for row, row_values in zip(table.rows, values, strict=True)
    )
    return BarChart(
        key=key,
        caption=caption,
        description=f"Stapeldiagram. {caption}. {words}. Samma siffror finns i tabellen under.",
        groups=groups,
        legend=legend,
        table=table,
        left=LEFT,
        right=RIGHT,
        baseline=CHART_BOTTOM,
        axis_label_y=CHART_BOTTOM + 20,
    )


# Suppression


def _suppressed(
    cells: list[list[int]], *, hide_small: bool, threshold: int
) -> tuple[list[list[Value]], list[Value]]:
    """The cells and row totals of a table, suppressed for readers outside the kansli."""
    if not cells:
        return [], []
    if not hide_small:
        return [[Value(c) for c in row] for row in cells], [Value(sum(row)) for row in cells]
    table = suppress_table(cells, threshold=threshold)
    return (
        [[Value(c.value, c.hidden) for c in row] for row in table.rows],
        [Value(c.value, c.hidden) for c in table.row_totals],
    )


def _hide_with_total(cells: list[Value], numbers: list[int]) -> list[Value]:
    """A row whose total is hidden but whose cells are all shown gives the total away: hide
    its smallest non-zero count too (totals over the years are not shown, so the hidden
    cell cannot be worked out from its column)."""
    if any(v.hidden for v in cells):
        return cells
    non_zero = [(n, i) for i, n in enumerate(numbers) if n > 0]
    if not non_zero:
        return cells
    _, smallest = min(non_zero)
    return [HIDDEN if i == smallest else v for i, v in enumerate(cells)]


def _share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)


# The tables


@dataclass
class Figures:
    """The tables of one scope (a förbund's individinriktade insatser, or one insats)."""

    years: list[int]
    summary: Table
    by_gender: Table
    by_age: Table
    income: Table
    # Per year, what the summary shows: the goals' figures are hidden where these are.
    shown: dict[int, dict[str, Value]] = field(default_factory=dict)


def figure_tables(
    figures: Mapping[int, YearFigures], *, hide_small: bool, threshold: int, scope: str
) -> Figures:
    """The summary, gender, age and income tables of `figures` (per year)."""
    years = sorted(figures)
    rows = [figures[y] for y in years]
    gender_cells, gender_totals = _suppressed(
        [[f.participants_by_gender[c] for c, _ in GENDERS] for f in rows],
        hide_small=hide_small,
        threshold=threshold,
    )
    age_cells, age_totals = _suppressed(
        [[f.participants_by_age[c] for c, _ in AGE_BANDS] for f in rows],
        hide_small=hide_small,
        threshold=threshold,
    )
    destination_cells, ended_totals = _suppressed(
        [[f.to_work, f.to_studies, sum(f.ended_to[c] for c in OTHER_DESTINATIONS)] for f in rows],
        hide_small=hide_small,
        threshold=threshold,
    )
    income_cells, new_totals = _suppressed(
        [[f.income[c] for c, _ in INCOMES] for f in rows],
        hide_small=hide_small,
        threshold=threshold,
    )
    summary_rows, gender_rows, age_rows, income_rows = [], [], [], []
    shown: dict[int, dict[str, Value]] = {}
    for i, (year, f) in enumerate(zip(years, rows, strict=True)):
        participants = Value(f.participants)
        if gender_totals[i].hidden or age_totals[i].hidden:
            participants = HIDDEN
            gender_cells[i] = _hide_with_total(
                gender_cells[i], [f.participants_by_gender[c] for c, _ in GENDERS]
            )
            age_cells[i] = _hide_with_total(
                age_cells[i], [f.participants_by_age[c] for c, _ in AGE_BANDS]
            )
        work, studies, other = destination_cells[i]
        ended = ended_totals[i]
        # Work or studies is published only where it is already known from what is shown.
        both = (work.shown and studies.shown) or (ended.shown and other.shown)
        work_or_studies = Value(f.to_work_or_studies) if both else HIDDEN
        share = (
            Value(_share(f.to_work_or_studies, f.ended), percent=True)
            if both and ended.shown
            else Value(None, hidden=True, percent=True)
        )
        values = {
            "participants": participants,
            "ended": ended,
            "to_work": work,
            "to_studies": studies,
            "to_work_or_studies": work_or_studies,
            "share": share,
        }
        shown[year] = values
        summary_rows.append(Row(str(year), list(values.values())))
        gender_rows.append(Row(str(year), [*gender_cells[i], participants]))
        age_rows.append(Row(str(year), [*age_cells[i], participants]))
        income_rows.append(Row(str(year), [*income_cells[i], new_totals[i]]))
    return Figures(
        years=years,
        summary=Table(
            "deltagare",
            "Deltagare och avslutade",
            f"Deltagare och avslutade per år, {scope}",
            [
                "År",
                "Deltagare",
                "Avslutade",
                "Avslutade till arbete",
                "Avslutade till studier",
                "Totalt till arbete eller studier",
                "Andel av de avslutade till arbete eller studier",
            ],
            summary_rows,
        ),
        by_gender=Table(
            "kon",
            "Deltagare efter kön",
            f"Deltagare efter kön per år, {scope}",
            ["År", *[label.capitalize() for _, label in GENDERS], "Totalt"],
            gender_rows,
        ),
        by_age=Table(
            "alder",
            "Deltagare efter ålder",
            f"Deltagare efter ålder per år, {scope}",
            ["År", *[label for _, label in AGE_BANDS], "Totalt"],
            age_rows,
        ),
        income=Table(
            "forsorjning",
            "Nya deltagares försörjning",
            f"Nya deltagare efter försörjning vid start per år, {scope}",
            ["År", *[label.capitalize() for _, label in INCOMES], "Totalt nya"],
            income_rows,
        ),
        shown=shown,
    )


def structural_table(
    figures: Mapping[int, YearFigures], *, hide_small: bool, threshold: int, scope: str
) -> Table:
    """Participants in activities (people: suppressed) and organisations involved (not
    people: shown as they are)."""
    years = sorted(figures)
    cells, _ = _suppressed(
        [[figures[y].structural["activity_participants"]] for y in years],
        hide_small=hide_small,
        threshold=threshold,
    )
    return Table(
        "strukturella",
        "Strukturövergripande insatser",
        f"Strukturövergripande insatser per år, {scope}",
        ["År", *[label for _, label in STRUCTURAL]],
        [
            Row(str(y), [cells[i][0], Value(figures[y].structural["organisations"])])
            for i, y in enumerate(years)
        ],
    )


# Goals as a reader sees them


SUMMARY_FIGURE = {
    Measure.PARTICIPANTS: ("participants",),
    Measure.ENDED: ("ended",),
    Measure.TO_WORK: ("to_work", "ended"),
    Measure.TO_STUDIES: ("to_studies", "ended"),
    Measure.TO_WORK_OR_STUDIES: ("to_work_or_studies", "ended"),
}


def _masked_year(
    result: YearResult,
    goal: GoalResult,
    shown: Mapping[int, Mapping[str, Value]],
    threshold: int,
) -> YearResult:
    """The year's result with its figures hidden where the tables hide theirs (that year
    and, for "higher than last year", the year before)."""
    if goal.goal.measure == Measure.AGREE:
        figures = [result.figure, result.compared_with]
        small = any(f is not None and f.whole is not None and f.whole < threshold for f in figures)
        return result.without_figures() if small else result
    names = SUMMARY_FIGURE[Measure(goal.goal.measure)]
    years = [result.year]
    if goal.goal.comparison == Comparison.HIGHER_THAN_LAST_YEAR:
        years.append(result.year - 1)
    for year in years:
        values = shown.get(year, {})
        if any(values[name].hidden for name in names if name in values):
            return result.without_figures()
    return result


def masked_goals(
    results: list[GoalResult],
    shown: Mapping[int, Mapping[str, Value]],
    *,
    hide_small: bool,
    threshold: int,
) -> list[GoalResult]:
    """The goals' results as a reader outside the kansli may see them."""
    if not hide_small:
        return results
    return [
        GoalResult(r.goal, r.intervention, [_masked_year(y, r, shown, threshold) for y in r.years])
        for r in results
    ]


# Surveys


def survey_table(
    association: Association,
    intervention: Intervention | None,
    *,
    hide_small: bool,
    threshold: int,
) -> Table | None:
    """The share agreeing with each statement per year, over the förbund's rounds (or the
    insats's): one query. A statement with fewer answers than the threshold shows no share
    outside the kansli."""
    answers = SurveyAnswer.objects.filter(
        value__isnull=False, response__round__association=association
    )
    if intervention is not None:
        answers = answers.filter(response__round__intervention=intervention)
    agreeing = ScaleStep.objects.filter(
        scale_id=OuterRef("statement__questionnaire__scale_id"),
        value=OuterRef("value"),
        agrees=True,
    )
    found = list(
        answers.values(
            "statement_id",
            "statement__text",
            "statement__position",
            "statement__questionnaire__name",
            "response__round__year",
        )
        .annotate(answers=Count("pk"), agree=Count("pk", filter=Q(Exists(agreeing))))
        .order_by(
            "statement__questionnaire__name",
            "statement__questionnaire_id",
            "statement__position",
            "statement_id",
            "response__round__year",
        )
    )
    if not found:
        return None
    years = sorted({row["response__round__year"] for row in found})
    lines: dict[int, tuple[str, dict[int, tuple[Value, Value]]]] = {}
    for row in found:
        name = f"{row['statement__questionnaire__name']}: {row['statement__text']}"
        _, by_year = lines.setdefault(row["statement_id"], (name, {}))
        if hide_small and row["answers"] < threshold:
            by_year[row["response__round__year"]] = (Value(None, True, True), HIDDEN)
        else:
            share = Value(_share(row["agree"], row["answers"]), percent=True)
            by_year[row["response__round__year"]] = (share, Value(row["answers"]))
    rows = []
    nothing = (Value(None, percent=True), Value(0))
    for name, by_year in lines.values():
        values = [v for year in years for v in by_year.get(year, nothing)]
        rows.append(Row(name, values))
    columns = ["Påstående"]
    for year in years:
        columns += [f"Andel som instämmer {year}", f"Antal svar {year}"]
    return Table(
        "enkater",
        "Enkätresultat",
        "Andel som instämmer i varje påstående, per år",
        columns,
        rows,
    )


# The dashboards


@dataclass
class Dashboard:
    title: str
    scope: str
    figures: Figures
    structural: Table | None
    surveys: Table | None
    goals: list[GoalResult]
    charts: list[BarChart]
    demo: bool
    hide_small: bool
    threshold: int
    planned: Table | None = None

    @property
    def tables(self) -> list[Table]:
        """Every table, in the order of the page (for the exports)."""
        found = []
        if self.figures.years:
            f = self.figures
            found += [f.summary, f.by_gender, f.by_age, f.income]
        if self.planned is not None:
            found.append(self.planned)
        if self.structural is not None:
            found.append(self.structural)
        if self.surveys is not None:
            found.append(self.surveys)
        return found


def _charts(f: Figures) -> list[BarChart]:
    if not f.years:
        return []
    return [
        bar_chart(
            "deltagare",
            "Deltagare, avslutade och avslutade till arbete eller studier per år",
            f.summary,
            [0, 1, 4],
        ),
        bar_chart("kon", "Deltagare efter kön per år", f.by_gender, [0, 1, 2]),
    ]


def association_dashboard(association: Association, *, hide_small: bool) -> Dashboard:
    """The förbund's figures: its individinriktade insatser year by year, its structural
    insatser, the survey results and its own goals."""
    threshold = selectors.settings_for(association).suppression_threshold
    by_direction: dict[str, dict[int, YearFigures]] = {
        Direction.INDIVIDUAL: {},
        Direction.STRUCTURAL: {},
    }
    for group in selectors.grouped_year_figures(
        ParticipantReport.objects.filter(association=association), ["intervention__direction"]
    ):
        by_direction[group.key["intervention__direction"]][group.figures.year] = group.figures
    individual, structural = by_direction[Direction.INDIVIDUAL], by_direction[Direction.STRUCTURAL]
    scope = "förbundets individinriktade insatser"
    f = figure_tables(individual, hide_small=hide_small, threshold=threshold, scope=scope)
    results = goal_fulfilment.goal_results(
        association,
        f.years,
        individual_figures=individual,
        only_association_goals=True,
    )
    return Dashboard(
        title=f"Uppföljning för {association.name}",
        scope=scope,
        figures=f,
        structural=structural_table(
            structural,
            hide_small=hide_small,
            threshold=threshold,
            scope="förbundets strukturövergripande insatser",
        )
        if structural
        else None,
        surveys=survey_table(association, None, hide_small=hide_small, threshold=threshold),
        goals=masked_goals(results, f.shown, hide_small=hide_small, threshold=threshold),
        charts=_charts(f),
        demo=any(y.demo for y in [*individual.values(), *structural.values()]),
        hide_small=hide_small,
        threshold=threshold,
    )


def planned_table(planned: Mapping[int, int], f: Figures, scope: str) -> Table | None:
    """Planned participants per year against the participants counted (as the reader may
    see them)."""
    if not planned:
        return None
    return Table(
        "planerat",
        "Planerat antal deltagare",
        f"Planerat och faktiskt antal deltagare per år, {scope}",
        ["År", "Planerat antal deltagare", "Deltagare"],
        [
            Row(
                str(year),
                [
                    Value(planned.get(year)),
                    f.shown[year]["participants"] if year in f.shown else Value(None),
                ],
            )
            for year in sorted(set(planned) | set(f.years))
        ],
    )


def intervention_dashboard(
    association: Association, intervention: Intervention, *, hide_small: bool
) -> Dashboard:
    """One insats's figures, planned participants, survey results and goals."""
    threshold = selectors.settings_for(association).suppression_threshold
    figures = selectors.year_figures(ParticipantReport.objects.filter(intervention=intervention))
    scope = intervention.name
    structural = intervention.direction == Direction.STRUCTURAL
    counted = {} if structural else figures
    f = figure_tables(counted, hide_small=hide_small, threshold=threshold, scope=scope)
    planned = dict(
        PlannedParticipants.objects.filter(intervention=intervention).values_list("year", "planned")
    )
    results = goal_fulfilment.goal_results_for(
        intervention, f.years or sorted(figures), figures=figures
    )
    return Dashboard(
        title=f"Uppföljning av {intervention.name}",
        scope=scope,
        figures=f,
        structural=structural_table(
            figures, hide_small=hide_small, threshold=threshold, scope=scope
        )
        if structural and figures
        else None,
        surveys=survey_table(association, intervention, hide_small=hide_small, threshold=threshold),
        goals=masked_goals(results, f.shown, hide_small=hide_small, threshold=threshold),
        charts=_charts(f),
        demo=any(y.demo for y in figures.values()),
        hide_small=hide_small,
        threshold=threshold,
        planned=planned_table(planned, f, scope),
    )


# Uppföljning Finsam


@dataclass(frozen=True)
class FinsamYear:
    """One year of an insats as Uppföljning Finsam asks for it."""

    year: int
    budget: int  # granted for the year
    outcome: int  # paid of the year's grant (`interventions.payable.paid_for_year`)
    planned: int | None
    participants: dict[str, int]  # by gender, as GENDERS
    new: dict[str, int]
    ended: dict[str, int]


def finsam_years(intervention: Intervention) -> tuple[list[FinsamYear], bool]:
    """Per year the insats has money, a plan or counts: budget, outcome, planned and
    counted participants (unsuppressed: the förbund's own submission), and whether any of
    the counts are demo figures. Four queries."""
    granted = {
        row["year"]: row["total"]
        for row in GrantAmount.objects.filter(decision__application__intervention=intervention)
        .values("year")
        .annotate(total=Sum("amount"))
    }
    paid = paid_by_year(
        Payment.objects.filter(grant__decision__application__intervention=intervention)
    )
    planned = dict(
        PlannedParticipants.objects.filter(intervention=intervention).values_list("year", "planned")
    )
    figures = selectors.year_figures(ParticipantReport.objects.filter(intervention=intervention))
    empty = {code: 0 for code, _ in GENDERS}
    years = []
    for year in sorted(set(granted) | set(paid) | set(planned) | set(figures)):
        f = figures.get(year)
        years.append(
            FinsamYear(
                year=year,
                budget=granted.get(year, 0),
                outcome=paid.get(year, 0),
                planned=planned.get(year),
                participants=f.participants_by_gender if f else empty,
                new=f.new_by_gender if f else empty,
                ended=f.ended_by_gender if f else empty,
            )
        )
    return years, any(f.demo for f in figures.values())
