"""Goals measured from the figures: an insats's goal from its application, or one of the
förbund's own goals, bound to a measure and a comparison, and judged per year.

A förbund goal is measured over the förbund's individinriktade insatser (and, for a survey
statement, over every round the förbund ran); an insats's goal over that insats alone.
A year is judged met, not met, or "kan inte bedömas" when a figure is missing: no approved
counts that year, nobody ended, no survey answers, or no previous year to compare with.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import QuerySet

from samordna.associations.models import Association
from samordna.core.text import swedish_key
from samordna.followup import selectors
from samordna.followup.models import (
    Comparison,
    Measure,
    MeasuredGoal,
    ParticipantReport,
)
from samordna.followup.selectors import YearFigures
from samordna.followup.services.surveys import (
    SurveyKey,
    agree_share_table,
    refused_from,
    refused_table,
    shares_from,
)
from samordna.interventions.models import (
    ApplicationGoal,
    ApplicationStatus,
    Direction,
    Intervention,
    Outcome,
)

SHARES = frozenset({Measure.TO_WORK_OR_STUDIES, Measure.TO_WORK, Measure.TO_STUDIES, Measure.AGREE})

# Goals of applications the board granted can be followed up.
GRANTED = (Outcome.GRANTED, Outcome.PARTLY)


def followed_goals(association: Association) -> QuerySet[ApplicationGoal]:
    """The goals of the förbund's granted applications: those an insats is followed by."""
    return ApplicationGoal.objects.filter(
        application__association=association,
        application__status=ApplicationStatus.DECIDED,
        application__decision__outcome__in=GRANTED,
        application__intervention__isnull=False,
    )


# Judging the goals


class GoalVerdict:
    MET = "uppnått"
    NOT_MET = "inte uppnått"
    UNKNOWN = "kan inte bedömas"


def _percent(part: int, whole: int) -> Decimal:
    return (Decimal(100) * part / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class GoalFigure:
    """A goal's figure in a year: a share (`part` of `whole`, in whole per cent) or a count."""

    value: Decimal | int
    percent: bool = False
    part: int | None = None
    whole: int | None = None

    @property
    def text(self) -> str:
        return f"{self.value}\u00a0%" if self.percent else str(self.value)

    @property
    def detail(self) -> str:
        """ "14 av 22" for a share of counts."""
        return f"{self.part} av {self.whole}" if self.whole is not None else ""


@dataclass(frozen=True)
class YearResult:
    year: int
    verdict: str
    figure: GoalFigure | None  # None: no data
    compared_with: GoalFigure | None  # last year's figure, or the threshold
    reason: str = ""  # why it cannot be judged
    demo: bool = False
    hidden: bool = False  # the figures are hidden from this reader (small counts)
    refused: int = 0  # survey answers the link refused (round full, too many from one address)

    @property
    def refused_text(self) -> str:
        if not self.refused:
            return ""
        return (
            f"{self.refused} svar avvisades av enkätlänken och räknas inte "
            "(fler än omgången väntade eller för många från samma adress)"
        )

    @property
    def met(self) -> bool:
        return self.verdict == GoalVerdict.MET

    @property
    def judged(self) -> bool:
        return self.verdict != GoalVerdict.UNKNOWN

    def without_figures(self) -> "YearResult":
        return replace(self, hidden=True)


@dataclass(frozen=True)
class GoalResult:
    goal: MeasuredGoal
    intervention: Intervention | None  # None for a förbund goal
    years: list[YearResult]

    @property
    def text(self) -> str:
        return str(self.goal)

    @property
    def is_share(self) -> bool:
        return self.goal.measure in SHARES

    @property
    def comparison_text(self) -> str:
        """ "Högre än föregående år", "Minst 80 %", "Minst 40"."""
        if self.goal.comparison == Comparison.AT_LEAST:
            unit = "\u00a0%" if self.is_share else ""
            return f"Minst {self.goal.threshold}{unit}"
        return "Högre än föregående år"

    @property
    def lines(self) -> list[tuple[YearResult, str]]:
        """Each year's result with its sentence."""
        return [(year, self.sentence(year)) for year in self.years]

    def sentence(self, result: YearResult) -> str:
        """ "Fler deltagare … 2023 jämfört med 2022: uppnått (64 % mot 55 %; 14 av 22 mot
        11 av 20)"."""
        name = self.text.strip().rstrip(".")
        if self.goal.comparison == Comparison.HIGHER_THAN_LAST_YEAR:
            head = f"{name} {result.year} jämfört med {result.year - 1}"
        else:
            head = f"{name} {result.year}"
        refused = f". {result.refused_text}." if result.refused else ""
        if not result.judged:
            return f"{head}: {result.verdict} ({result.reason}){refused}"
        if result.hidden or result.figure is None or result.compared_with is None:
            return f"{head}: {result.verdict}{refused}"
        figures = f"{result.figure.text} mot {result.compared_with.text}"
        if self.goal.comparison == Comparison.AT_LEAST:
            figures = f"{result.figure.text}, målet är minst {result.compared_with.text}"
        details = [f.detail for f in (result.figure, result.compared_with) if f.detail]
        if details:
            counted = "svar" if self.goal.measure == Measure.AGREE else "avslutade"
            figures += "; " + " mot ".join(details) + f" {counted}"
        return f"{head}: {result.verdict} ({figures}){refused}"


AgreeShare = tuple[int, int]  # (agreeing, answers)


def _figure(
    goal: MeasuredGoal, figures: YearFigures | None, agree: AgreeShare | None
) -> tuple[GoalFigure | None, str]:
    """The goal's figure for a year, or None and the reason it is missing."""
    measure = goal.measure
    if measure == Measure.AGREE:
        if agree is None or not agree[1]:
            return None, "inga enkätsvar"
        agreeing, answers = agree
        return GoalFigure(_percent(agreeing, answers), True, agreeing, answers), ""
    if figures is None:
        return None, "inga godkända siffror"
    if measure == Measure.PARTICIPANTS:
        return GoalFigure(figures.participants), ""
    if measure == Measure.ENDED:
        return GoalFigure(figures.ended), ""
    part = {
        Measure.TO_WORK_OR_STUDIES: figures.to_work_or_studies,
        Measure.TO_WORK: figures.to_work,
        Measure.TO_STUDIES: figures.to_studies,
    }[Measure(measure)]
    if not figures.ended:
        return None, "ingen deltagare avslutades"
    return GoalFigure(_percent(part, figures.ended), True, part, figures.ended), ""


def judge(
    goal: MeasuredGoal,
    years: Sequence[int],
    figures: Mapping[int, YearFigures],
    agree: Mapping[int, AgreeShare] | None = None,
    refused: Mapping[int, int] | None = None,
) -> list[YearResult]:
    """The goal's verdict for each of `years`, from the figures of its scope, with the
    survey answers refused by the links that year (`refused`)."""
    agree, refused = agree or {}, refused or {}
    return [
        replace(_judge_year(goal, year, figures, agree), refused=refused.get(year, 0))
        for year in years
    ]


def _judge_year(
    goal: MeasuredGoal,
    year: int,
    figures: Mapping[int, YearFigures],
    agree: Mapping[int, AgreeShare],
) -> YearResult:
    figure, reason = _figure(goal, figures.get(year), agree.get(year))
    demo = bool(figures.get(year) and figures[year].demo)
    if figure is None:
        return YearResult(year, GoalVerdict.UNKNOWN, None, None, f"{reason} {year}", demo=demo)
    if goal.comparison == Comparison.AT_LEAST:
        assert goal.threshold is not None
        limit = GoalFigure(goal.threshold, percent=goal.measure in SHARES)
        verdict = GoalVerdict.MET if figure.value >= goal.threshold else GoalVerdict.NOT_MET
        return YearResult(year, verdict, figure, limit, demo=demo)
    before, why = _figure(goal, figures.get(year - 1), agree.get(year - 1))
    if before is None:
        return YearResult(
            year, GoalVerdict.UNKNOWN, figure, None, f"{why} {year - 1} att jämföra med", demo=demo
        )
    demo = demo or bool(figures.get(year - 1) and figures[year - 1].demo)
    # Shares are compared as shown, in whole per cent: what the reader sees decides.
    verdict = GoalVerdict.MET if figure.value > before.value else GoalVerdict.NOT_MET
    return YearResult(year, verdict, figure, before, demo=demo)


@dataclass(frozen=True)
class SurveyTables:
    """The survey figures of every survey goal on a page, read at once (two queries)."""

    shares: Mapping[SurveyKey, AgreeShare]
    refused: Mapping[SurveyKey, int]

    @classmethod
    def of(cls, goals: Sequence[MeasuredGoal]) -> "SurveyTables":
        survey = [g for g in goals if g.measure == Measure.AGREE and g.statement is not None]
        return cls(
            agree_share_table(sorted({g.statement_id for g in survey if g.statement_id})),
            refused_table(sorted({g.statement.questionnaire_id for g in survey if g.statement})),
        )


def _agree_shares(
    goal: MeasuredGoal,
    years: Sequence[int],
    intervention_ids: list[int] | None,
    tables: SurveyTables,
) -> dict[int, AgreeShare]:
    """Share agreeing with the goal's statement, this year and the year before."""
    if goal.measure != Measure.AGREE or goal.statement_id is None:
        return {}
    wanted = sorted(set(years) | {y - 1 for y in years})
    return shares_from(tables.shares, goal.statement_id, wanted, intervention_ids)


def _goals() -> Any:
    return MeasuredGoal.objects.select_related(
        "association",
        "statement__questionnaire",
        "application_goal__application__intervention",
    )


def _judged(
    goal: MeasuredGoal,
    intervention: Intervention | None,
    years: Sequence[int] | None,
    figures: Mapping[int, YearFigures],
    tables: SurveyTables,
) -> GoalResult:
    """`years` None: the years the goal's scope has approved counts."""
    chosen = sorted(figures) if years is None else list(years)
    ids = None if intervention is None else [intervention.pk]
    refused = None
    if goal.measure == Measure.AGREE and goal.statement is not None:
        refused = refused_from(tables.refused, goal.statement.questionnaire_id, chosen, ids)
    return GoalResult(
        goal,
        intervention,
        judge(goal, chosen, figures, _agree_shares(goal, chosen, ids, tables), refused),
    )


def goal_results(
    association: Association,
    years: Sequence[int] | None = None,
    *,
    individual_figures: Mapping[int, YearFigures] | None = None,
    only_association_goals: bool = False,
) -> list[GoalResult]:
    """Every measured goal of the förbund (its own first, then the insatsers' by insats),
    judged for each of `years` (default: each year its scope has approved counts), in three
    queries whatever the number of goals, insatser and years (and two for all the survey
    goals together). A caller that has summed the individinriktade insatsers figures already
    passes them as `individual_figures`."""
    goals = _goals().filter(association=association)
    if only_association_goals:
        goals = goals.filter(application_goal__isnull=True)
    found = list(goals)
    own = sorted((g for g in found if g.application_goal_id is None), key=lambda g: g.pk)
    insats_goals = sorted(
        (g for g in found if g.application_goal_id is not None),
        key=lambda g: (
            swedish_key(_intervention(g).name),
            _intervention(g).pk,
            g.application_goal.application_id if g.application_goal else 0,
            g.application_goal.position if g.application_goal else 0,
            g.pk,
        ),
    )
    if own and individual_figures is None:
        individual_figures = selectors.year_figures(
            ParticipantReport.objects.filter(
                association=association, intervention__direction=Direction.INDIVIDUAL
            )
        )
    by_insats: dict[int, dict[int, YearFigures]] = {}
    if insats_goals:
        ids = {_intervention(g).pk for g in insats_goals}
        for group in selectors.grouped_year_figures(
            ParticipantReport.objects.filter(intervention_id__in=ids), ["intervention_id"]
        ):
            figures = group.figures
            by_insats.setdefault(group.key["intervention_id"], {})[figures.year] = figures
    tables = SurveyTables.of(found)
    return [_judged(goal, None, years, individual_figures or {}, tables) for goal in own] + [
        _judged(goal, _intervention(goal), years, by_insats.get(_intervention(goal).pk, {}), tables)
        for goal in insats_goals
    ]


def goal_results_for(
    intervention: Intervention,
    years: Sequence[int] | None = None,
    *,
    figures: Mapping[int, YearFigures] | None = None,
) -> list[GoalResult]:
    """The insats's goals bound to a measure, judged for each of `years` (default: every
    year it has approved counts), in two queries (and two for all its survey goals together).
    A caller that has summed the insats's figures already passes them as `figures`."""
    goals = list(
        _goals()
        .filter(application_goal__application__intervention=intervention)
        .order_by("application_goal__application_id", "application_goal__position", "pk")
    )
    if not goals:
        return []
    if figures is None:
        figures = selectors.year_figures(
            ParticipantReport.objects.filter(intervention=intervention)
        )
    tables = SurveyTables.of(goals)
    return [_judged(goal, intervention, years, figures, tables) for goal in goals]


def _intervention(goal: MeasuredGoal) -> Intervention:
    assert goal.application_goal is not None
    intervention = goal.application_goal.application.intervention
    assert intervention is not None
    return intervention
