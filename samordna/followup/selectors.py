"""Figures per year, summed in the database: one query whatever the number of reports,
insatser or förbund. Used by the dashboards, the goals, the exports and the national view.

A year's participants are those at the start of its first period plus everyone new during
it; ended, destinations and incomes are summed over its periods; participants at the end are
those at the end of its last period.
"""

import datetime
import functools
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import connection
from django.db.models import QuerySet

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
    return existing or default_periods(association, year)


def default_periods(association: Association, year: int) -> list[ReportingPeriod]:
    """The year's periods of the förbund's period kind, unsaved."""
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


# The sums are written as SQL once per grouping (the ORM took 5 ms to build and compile
# their 40 expressions on every call, against under 1 ms for the database to run them).
# The year's last period (the highest number the förbund's year has) is found once, in a
# CTE joined to the reports, not by a subplan per sum.

# Grouping fields: their column, and the join they need.
_GROUPS = {
    "period__year": ("p.year", ""),
    "intervention_id": ("r.intervention_id", ""),
    "intervention__direction": (
        "i.direction",
        "JOIN interventions_intervention i ON i.id = r.intervention_id",
    ),
    "association__county": (
        "a.county",
        "JOIN associations_association a ON a.id = r.association_id",
    ),
}


def _sums() -> list[tuple[str, str]]:
    """(alias, SQL) of every sum, over the reports `r`, their period `p` and `lastp`."""

    def first(column: str) -> str:
        return f"SUM(CASE WHEN p.number = 1 THEN r.{column} ELSE 0 END)"

    sums = [("reports", "COUNT(*)")]
    for code, _ in GENDERS:
        sums += [
            (f"p_{code}", f"{first(f'start_{code}')} + SUM(r.new_{code})"),
            (f"new_{code}", f"SUM(r.new_{code})"),
            (f"ended_{code}", f"SUM(r.ended_{code})"),
            (f"end_{code}", f"SUM(CASE WHEN lastp.id IS NULL THEN 0 ELSE r.end_{code} END)"),
        ]
    for code, _ in AGE_BANDS:
        sums.append((f"a_{code}", f"{first(f'start_age_{code}')} + SUM(r.new_age_{code})"))
    sums += [(f"ended_to_{code}", f"SUM(r.ended_to_{code})") for code, _ in DESTINATIONS]
    sums += [(f"income_{code}", f"SUM(r.income_{code})") for code, _ in INCOMES]
    sums += [(name, f"SUM(r.{name})") for name, _ in STRUCTURAL]
    sums.append(("demo", "MAX(CASE WHEN r.demo THEN 1 ELSE 0 END)"))
    return sums


@functools.cache
def _sql(keys: tuple[str, ...]) -> tuple[str, list[str]]:
    """The query summing the reports that the `{reports}` subquery gives (whole rows),
    grouped by `keys`, and the names of its columns. The subquery is a CTE used once, so
    PostgreSQL plans it as part of the query: the reports are read once, by the filter's
    own index. (Choosing their ids first and reading each by its key read every report
    twice, half the national view's time; `r.id IN (…)` had the planner join every report
    of the country first and drop the others after.)"""
    columns = [_GROUPS[key][0] for key in keys]
    joins = "".join(f" {join}" for key in keys if (join := _GROUPS[key][1]))
    sums = _sums()
    select = ", ".join([*columns, *(f"{sql} AS {alias}" for alias, sql in sums)])
    grouping = ", ".join(columns)
    sql = (
        "WITH r AS ({reports}),"
        " lastp AS (SELECT lp.id FROM followup_reportingperiod lp WHERE NOT EXISTS ("
        "SELECT 1 FROM followup_reportingperiod lt WHERE lt.association_id = lp.association_id"
        " AND lt.year = lp.year AND lt.number > lp.number)) "
        f"SELECT {select} FROM r"
        " JOIN followup_reportingperiod p ON p.id = r.period_id"
        f" LEFT JOIN lastp ON lastp.id = r.period_id{joins}"
        f" GROUP BY {grouping} ORDER BY {grouping}"
    )
    return sql, [*keys, *(alias for alias, _ in sums)]


# The reports' whole rows are selected by replacing the select list of the query for their
# ids: naming the 50 columns through the ORM took longer to build than the sums take to run.
_TABLE = '"followup_participantreport"'
_IDS = f'SELECT {_TABLE}."id" AS "pk" FROM '


def _chosen_sql(reports: QuerySet[ParticipantReport]) -> tuple[str, Any]:
    """The SQL and parameters selecting the whole rows of `reports`."""
    ids, params = reports.order_by().values("pk").query.sql_with_params()
    if not ids.startswith(_IDS):
        # A query of another shape (DISTINCT, say): its rows by their ids.
        return f"SELECT * FROM {_TABLE} WHERE id IN ({ids})", params
    return f"SELECT {_TABLE}.* FROM {ids.removeprefix(_IDS)}", params


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
) -> list[dict[str, Any]]:
    """The sums of `reports` grouped by `keys` (each one of `_GROUPS`), in their order."""
    statuses = [ParticipantReportStatus.APPROVED]
    if not approved_only:
        statuses.append(ParticipantReportStatus.SUBMITTED)
    inner, params = _chosen_sql(reports.filter(status__in=statuses))
    sql, names = _sql(tuple(keys))
    with connection.cursor() as cursor:
        cursor.execute(sql.replace("{reports}", inner), params)
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


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
