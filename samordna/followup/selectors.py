"""Figures per year, summed in the database: one query whatever the number of reports,
insatser or förbund. Used by the dashboards, the goals, the exports and the national view.

A year's participants are those at the start of its first period plus everyone new during
it; ended, destinations and incomes are summed over its periods; participants at the end are
those at the end of its last period.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    QuerySet,
    Sum,
    Value,
    When,
)

from samordna.associations.models import Association
from samordna.followup.counts import AGE_BANDS, DESTINATIONS, GENDERS, INCOMES, STRUCTURAL
from samordna.followup.models import (
    FollowupSettings,
    ParticipantReport,
    ParticipantReportStatus,
    PeriodKind,
    ReportingPeriod,
)


def settings_for(association: Association) -> FollowupSettings:
    """The förbund's follow-up settings; the defaults (unsaved) until the kansli saves its own."""
    found = FollowupSettings.objects.filter(association=association).first()
    return found or FollowupSettings(association=association)


def latest_reported_year(association: Association) -> int | None:
    """The newest year with counts reported by any insats of the förbund, or None."""
    return (
        ParticipantReport.objects.filter(association=association)
        .order_by("-period__year")
        .values_list("period__year", flat=True)
        .first()
    )


# The months each period of a kind begins with, in order.
PERIOD_STARTS = {
    PeriodKind.TERTIAL: (1, 5, 9),
    PeriodKind.HALF_YEAR: (1, 7),
    PeriodKind.YEAR: (1,),
}


def periods_of_year(association: Association, year: int) -> list[ReportingPeriod]:
    """The year's periods: those saved, or (unsaved, until someone reports for one) those of
    the förbund's period kind. A read, so a page that shows a new year writes nothing."""
    existing = list(
        ReportingPeriod.objects.filter(association=association, year=year).order_by("starts_on")
    )
    if existing:
        return existing
    kind = PeriodKind(settings_for(association).period_kind)
    starts = PERIOD_STARTS[kind]
    periods = []
    for number, month in enumerate(starts, start=1):
        following = starts[number] if number < len(starts) else None
        last = (
            datetime.date(year, following, 1) - datetime.timedelta(days=1)
            if following
            else datetime.date(year, 12, 31)
        )
        periods.append(
            ReportingPeriod(
                association=association,
                kind=kind,
                year=year,
                number=number,
                starts_on=datetime.date(year, month, 1),
                ends_on=last,
            )
        )
    return periods


@dataclass
class YearFigures:
    """A year's counts for one insats, one förbund or any group of them."""

    year: int
    participants_by_gender: dict[str, int] = field(default_factory=dict)
    participants_by_age: dict[str, int] = field(default_factory=dict)
    new_by_gender: dict[str, int] = field(default_factory=dict)
    ended_by_gender: dict[str, int] = field(default_factory=dict)
    ended_to: dict[str, int] = field(default_factory=dict)
    income: dict[str, int] = field(default_factory=dict)
    end_by_gender: dict[str, int] = field(default_factory=dict)
    structural: dict[str, int] = field(default_factory=dict)
    reports: int = 0
    demo: bool = False

    @property
    def participants(self) -> int:
        return sum(self.participants_by_gender.values())

    @property
    def new(self) -> int:
        return sum(self.new_by_gender.values())

    @property
    def ended(self) -> int:
        return sum(self.ended_by_gender.values())

    @property
    def to_work(self) -> int:
        return self.ended_to.get("work", 0)

    @property
    def to_studies(self) -> int:
        return self.ended_to.get("studies", 0)

    @property
    def to_work_or_studies(self) -> int:
        return self.to_work + self.to_studies

    def share(self, part: int, whole: int | None = None) -> Decimal | None:
        """`part` of the ended (or of `whole`) in whole per cent, None when nobody ended."""
        whole = self.ended if whole is None else whole
        if not whole:
            return None
        return (Decimal(100) * part / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _first_period(name: str) -> Sum:
    return Sum(
        Case(When(period__number=1, then=F(name)), default=Value(0)), output_field=IntegerField()
    )


def _last_periods() -> QuerySet[ReportingPeriod, Any]:
    """The last period of each förbund's year (the highest number the year has): no later
    period of the same förbund and year exists. Not correlated with the reports, so the
    database reads it once (a hashed subplan) however many sums ask for it."""
    later = ReportingPeriod.objects.filter(
        association_id=OuterRef("association_id"),
        year=OuterRef("year"),
        number__gt=OuterRef("number"),
    )
    return ReportingPeriod.objects.filter(~Exists(later)).values("pk")


def _last_period(name: str) -> Sum:
    """The count in the year's last period (the highest number the year has)."""
    return Sum(
        Case(When(period_id__in=_last_periods(), then=F(name)), default=Value(0)),
        output_field=IntegerField(),
    )


def _aggregates() -> dict[str, Any]:
    sums: dict[str, Any] = {"reports": Sum(Value(1), output_field=IntegerField())}
    for code, _ in GENDERS:
        sums[f"p_{code}"] = _first_period(f"start_{code}") + Sum(f"new_{code}")
        sums[f"new_{code}"] = Sum(f"new_{code}")
        sums[f"ended_{code}"] = Sum(f"ended_{code}")
        sums[f"end_{code}"] = _last_period(f"end_{code}")
    for code, _ in AGE_BANDS:
        sums[f"a_{code}"] = _first_period(f"start_age_{code}") + Sum(f"new_age_{code}")
    for code, _ in DESTINATIONS:
        sums[f"ended_to_{code}"] = Sum(f"ended_to_{code}")
    for code, _ in INCOMES:
        sums[f"income_{code}"] = Sum(f"income_{code}")
    for name, _ in STRUCTURAL:
        sums[name] = Sum(name)
    sums["demo"] = Max(Case(When(demo=True, then=Value(1)), default=Value(0)))
    return sums


def _figures(row: dict[str, Any]) -> YearFigures:
    return YearFigures(
        year=row["period__year"],
        participants_by_gender={c: row[f"p_{c}"] or 0 for c, _ in GENDERS},
        participants_by_age={c: row[f"a_{c}"] or 0 for c, _ in AGE_BANDS},
        new_by_gender={c: row[f"new_{c}"] or 0 for c, _ in GENDERS},
        ended_by_gender={c: row[f"ended_{c}"] or 0 for c, _ in GENDERS},
        end_by_gender={c: row[f"end_{c}"] or 0 for c, _ in GENDERS},
        ended_to={c: row[f"ended_to_{c}"] or 0 for c, _ in DESTINATIONS},
        income={c: row[f"income_{c}"] or 0 for c, _ in INCOMES},
        structural={n: row[n] or 0 for n, _ in STRUCTURAL},
        reports=row["reports"] or 0,
        demo=bool(row["demo"]),
    )


def _rows(
    reports: QuerySet[ParticipantReport], keys: list[str], approved_only: bool
) -> QuerySet[ParticipantReport, dict[str, Any]]:
    statuses = [ParticipantReportStatus.APPROVED]
    if not approved_only:
        statuses.append(ParticipantReportStatus.SUBMITTED)
    return (
        reports.filter(status__in=statuses).values(*keys).annotate(**_aggregates()).order_by(*keys)
    )


def year_figures(
    reports: QuerySet[ParticipantReport], *, approved_only: bool = True
) -> dict[int, YearFigures]:
    """The figures per year of `reports` (approved ones, unless `approved_only` is False)."""
    return {
        row["period__year"]: _figures(row)
        for row in _rows(reports, ["period__year"], approved_only)
    }


@dataclass(frozen=True)
class GroupFigures:
    key: dict[str, Any]  # the values of the grouping fields, e.g. {"association__county": "22"}
    figures: YearFigures


def grouped_year_figures(
    reports: QuerySet[ParticipantReport], group_by: list[str], *, approved_only: bool = True
) -> list[GroupFigures]:
    """The figures per year and per each of `group_by` (e.g. "association__county")."""
    keys = ["period__year", *group_by]
    return [
        GroupFigures({k: row[k] for k in group_by}, _figures(row))
        for row in _rows(reports, keys, approved_only)
    ]
