"""Figures for publication: the national view across the förbund that share their figures,
and a förbund's own year table marked public. Both are suppressed (`suppression`): small
counts are hidden, and so is whatever would give them away.

Only approved counts are published, summed in the database (`selectors`): one query for all
förbund and insatser of a year, whatever their number.

The tables are chosen so that no two of them share a total: participants by gender (total:
participants), the ended by where they went (total: the ended) and the new by income at the
start (total: the new). A total hidden in one table and shown in another would give its
hidden cells away, since each table is suppressed on its own. For the same reason "ended to
work or studies" is not a column of its own but the sum of two shown cells, hidden when
either is.

What this does not cover: the stocks link the years (this year's participants are last
year's, less last year's ended, plus this year's new). Read across several years, a total
hidden because it is small may be narrowed down from the neighbouring years' totals.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from samordna.associations.models import Association
from samordna.core.choices import County
from samordna.core.spreadsheets import CsvWriter
from samordna.followup import selectors
from samordna.followup.counts import GENDERS, INCOMES
from samordna.followup.models import (
    FollowupSettings,
    ParticipantReport,
    ParticipantReportStatus,
)
from samordna.followup.selectors import settings_for
from samordna.followup.suppression import Cell, suppress_table

# The national view hides at least this much, whatever the sharing förbund chose.
NATIONAL_MINIMUM_THRESHOLD = 5
HIDDEN = "–"


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]
    total: Cell
    extra: Cell | None = None  # a sum of two shown cells, e.g. to work or studies


@dataclass(frozen=True)
class PublishedTable:
    caption: str
    row_heading: str
    columns: list[str]
    total_heading: str
    rows: list[Row]
    totals: Row | None  # None where the rows do not add up (a year table)
    extra_heading: str = ""

    @property
    def any_hidden(self) -> bool:
        rows = [*self.rows, self.totals] if self.totals else self.rows
        return any(c.hidden for r in rows for c in [*r.cells, r.total])


def published_table(
    *,
    caption: str,
    row_heading: str,
    row_labels: Sequence[str],
    columns: Sequence[str],
    cells: list[list[int]],
    threshold: int,
    total_heading: str = "Totalt",
    totals_label: str = "Totalt",
) -> PublishedTable:
    """A table with its totals, small counts and whatever gives them away hidden."""
    suppressed = suppress_table(cells, threshold=threshold)
    return PublishedTable(
        caption=caption,
        row_heading=row_heading,
        columns=list(columns),
        total_heading=total_heading,
        rows=[
            Row(label, row, total)
            for label, row, total in zip(
                row_labels, suppressed.rows, suppressed.row_totals, strict=True
            )
        ],
        totals=Row(totals_label, suppressed.column_totals, suppressed.total),
    )


def sum_of_shown(first: Cell, second: Cell) -> Cell:
    """The sum of two cells, hidden unless both are shown (it then tells nothing new)."""
    if first.value is None or second.value is None:
        return Cell(None, True)
    return Cell(first.value + second.value, False)


def with_work_or_studies(table: PublishedTable) -> PublishedTable:
    """The destinations table (work, studies, the rest) with "därav arbete eller studier"."""

    def extended(row: Row) -> Row:
        return Row(row.label, row.cells, row.total, sum_of_shown(row.cells[0], row.cells[1]))

    return PublishedTable(
        caption=table.caption,
        row_heading=table.row_heading,
        columns=table.columns,
        total_heading=table.total_heading,
        rows=[extended(r) for r in table.rows],
        totals=extended(table.totals) if table.totals else None,
        extra_heading="Därav till arbete eller studier",
    )


GENDER_COLUMNS = [label.capitalize() for _, label in GENDERS]
DESTINATION_COLUMNS = ["Arbete", "Studier", "Övriga avslut"]
INCOME_COLUMNS = [label.capitalize() for _, label in INCOMES]


def _gender_row(figures: selectors.YearFigures | None, stock: str) -> list[int]:
    by_gender = getattr(figures, stock) if figures else {}
    return [by_gender.get(code, 0) for code, _ in GENDERS]


def _destination_row(figures: selectors.YearFigures | None) -> list[int]:
    if figures is None:
        return [0, 0, 0]
    rest = sum(figures.ended_to.values()) - figures.to_work - figures.to_studies
    return [figures.to_work, figures.to_studies, rest]


def _income_row(figures: selectors.YearFigures | None) -> list[int]:
    return [figures.income.get(code, 0) if figures else 0 for code, _ in INCOMES]


# The national view


@dataclass(frozen=True)
class Sharing:
    name: str
    county: str


@dataclass(frozen=True)
class NationalOverview:
    year: int | None
    years: list[int]
    sharing: list[Sharing]
    counties: int
    threshold: int
    tables: list[PublishedTable]
    reports: int
    demo: bool


def sharing_settings() -> list[FollowupSettings]:
    """The förbund that share their figures nationally, by name."""
    return list(
        FollowupSettings.objects.filter(share_nationally=True)
        .select_related("association")
        .order_by("association__name")
    )


def national_reports() -> QuerySet[ParticipantReport]:
    """The reports of the förbund that share their figures: by the förbund's id among the
    sharing ones (joining the förbund and its settings to each report made the national
    sums' plan a third slower to build)."""
    return ParticipantReport.objects.filter(
        association_id__in=FollowupSettings.objects.filter(share_nationally=True).values(
            "association_id"
        )
    )


def national_years() -> list[int]:
    """The years with approved figures from a sharing förbund, latest first: the years of
    their periods (a few per förbund and year), each asking for one approved report. Written
    as SQL so that the question is asked once a year, not once a period."""
    sql = (
        "SELECT y.year FROM (SELECT DISTINCT p.year FROM followup_reportingperiod p"
        " JOIN followup_followupsettings s ON s.association_id = p.association_id"
        " WHERE s.share_nationally) y"
        " WHERE EXISTS (SELECT 1 FROM followup_participantreport r"
        " JOIN followup_reportingperiod rp ON rp.id = r.period_id"
        " JOIN followup_followupsettings rs ON rs.association_id = r.association_id"
        " WHERE rs.share_nationally AND rp.year = y.year AND r.status = %s)"
        " ORDER BY y.year DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [ParticipantReportStatus.APPROVED.value])
        return [year for (year,) in cursor.fetchall()]


def national_threshold(settings: Sequence[FollowupSettings]) -> int:
    """The highest threshold any sharing förbund chose, and at least the national one."""
    return max([NATIONAL_MINIMUM_THRESHOLD, *(s.suppression_threshold for s in settings)])


def national_overview(year: int | None) -> NationalOverview:
    """The sharing förbund's approved figures of `year` (the latest if None or unknown), per
    län and for the whole country. Three queries, whatever the number of förbund."""
    settings = sharing_settings()
    years = national_years()
    if year not in years:
        year = years[0] if years else None
    threshold = national_threshold(settings)
    county_codes = {s.association.county for s in settings}
    counties = [(code, label) for code, label in County.choices if code in county_codes]
    by_county: dict[str, selectors.YearFigures] = {}
    if year is not None:
        groups = selectors.grouped_year_figures(
            national_reports().filter(period__year=year), ["association__county"]
        )
        by_county = {g.key["association__county"]: g.figures for g in groups}
    labels = [label for _, label in counties]
    found = [by_county.get(code) for code, _ in counties]

    def table(
        caption: str, columns: list[str], cells: list[list[int]], heading: str
    ) -> PublishedTable:
        return published_table(
            caption=caption,
            row_heading="Län",
            row_labels=labels,
            columns=columns,
            cells=cells,
            threshold=threshold,
            total_heading=heading,
            totals_label="Hela landet",
        )

    tables = []
    if year is not None and counties:
        tables = [
            table(
                f"Deltagare {year} per län och kön",
                GENDER_COLUMNS,
                [_gender_row(f, "participants_by_gender") for f in found],
                "Deltagare",
            ),
            with_work_or_studies(
                table(
                    f"Avslutade {year} per län och vart de gick",
                    DESTINATION_COLUMNS,
                    [_destination_row(f) for f in found],
                    "Avslutade",
                )
            ),
            table(
                f"Nya deltagare {year} per län och försörjning vid start",
                INCOME_COLUMNS,
                [_income_row(f) for f in found],
                "Nya deltagare",
            ),
        ]
    figures = [f for f in found if f is not None]
    return NationalOverview(
        year=year,
        years=years,
        sharing=[Sharing(s.association.name, s.association.get_county_display()) for s in settings],
        counties=len(counties),
        threshold=threshold,
        tables=tables,
        reports=sum(f.reports for f in figures),
        demo=any(f.demo for f in figures),
    )


# A förbund's figures marked public

DEMO_NOTE = "Demosiffror: påhittade siffror i demodata, inte verkliga deltagare."


def suppression_note(threshold: int) -> str:
    return (
        f"Antal under {threshold} visas inte ({HIDDEN}), och inte heller tal som skulle göra "
        "det möjligt att räkna ut dem."
    )


@dataclass(frozen=True)
class PublicYearTable:
    association: Association
    threshold: int
    years: list[int]
    tables: list[PublishedTable]
    demo: bool


def public_year_table(association: Association) -> PublicYearTable:
    """The förbund's approved figures per year, for publication. Each year is suppressed on
    its own, with no sums over the years: a participant of several years would be counted
    more than once, and each year's published figures then stay as they are when the next
    year comes."""
    threshold = settings_for(association).suppression_threshold
    by_year = selectors.year_figures(ParticipantReport.objects.filter(association=association))
    years = sorted(by_year)

    def table(caption: str, columns: list[str], rows: list[list[int]]) -> PublishedTable:
        published = [
            published_table(
                caption=caption,
                row_heading="År",
                row_labels=[str(year)],
                columns=columns,
                cells=[row],
                threshold=threshold,
            )
            for year, row in zip(years, rows, strict=True)
        ]
        return PublishedTable(
            caption=caption,
            row_heading="År",
            columns=columns,
            total_heading="Totalt",
            rows=[p.rows[0] for p in published],
            totals=None,
        )

    figures = [by_year[year] for year in years]
    return PublicYearTable(
        association=association,
        threshold=threshold,
        years=years,
        tables=[
            table(
                "Deltagare per år och kön",
                GENDER_COLUMNS,
                [_gender_row(f, "participants_by_gender") for f in figures],
            ),
            table(
                "Avslutade per år och kön",
                GENDER_COLUMNS,
                [_gender_row(f, "ended_by_gender") for f in figures],
            ),
            with_work_or_studies(
                table(
                    "Avslutade per år och vart de gick",
                    DESTINATION_COLUMNS,
                    [_destination_row(f) for f in figures],
                )
            ),
        ],
        demo=any(f.demo for f in figures),
    )


def _shown(cell: Cell) -> int | str:
    return HIDDEN if cell.value is None else cell.value


def public_csv(found: PublicYearTable) -> bytes:
    """The year table as CSV for Excel: UTF-8 with BOM, semicolons, hidden counts as "–"."""
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.writerow(
        [f"Uppföljning av insatser, {found.association.name}: offentlig sammanställning"]
    )
    writer.writerow([suppression_note(found.threshold)])
    writer.writerow(["Bara godkända siffror. Inga summor över flera år."])
    if found.demo:
        writer.writerow([DEMO_NOTE])
    for table in found.tables:
        writer.writerow([])
        writer.writerow([table.caption])
        extra = [table.extra_heading] if table.extra_heading else []
        writer.writerow([table.row_heading, *table.columns, table.total_heading, *extra])
        for row in table.rows:
            writer.writerow(
                [
                    row.label,
                    *(_shown(c) for c in row.cells),
                    _shown(row.total),
                    *([_shown(row.extra)] if row.extra else []),
                ]
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
