"""The dashboards as files: the förbund's tables as XLSX and CSV (suppressed for everyone
but the kansli, as on the page), and one insats in the shape Uppföljning Finsam asks for
(the förbund's own submission: the kansli only, unsuppressed)."""

import io
from collections.abc import Iterable
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from samordna.core.spreadsheets import CsvWriter, xlsx_bytes
from samordna.followup.counts import GENDERS
from samordna.followup.dashboards import Dashboard, FinsamYear, Table, Value
from samordna.followup.goal_fulfilment import GoalResult
from samordna.interventions.models import Intervention

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"

INTERNAL = "Internt – innehåller små tal. Lämna inte ut filen utanför kansliet."
DEMO = "Demosiffror: påhittade siffror i demodata, inte verkliga deltagare."
FINSAM_NOTE = (
    "Förbundets egen inrapportering till Uppföljning Finsam. Internt – innehåller små tal, "
    "som inte döljs här."
)


def suppression_note(threshold: int) -> str:
    return (
        f"Antal under {threshold} visas inte (–), och inte heller tal som skulle göra det "
        "möjligt att räkna ut dem. Summor över flera år visas inte."
    )


def notes(dashboard: Dashboard) -> list[str]:
    """What the reader of a file must know first."""
    found = [INTERNAL if not dashboard.hide_small else suppression_note(dashboard.threshold)]
    if dashboard.demo:
        found.append(DEMO)
    return found


def cell(value: Value) -> int | str:
    """A figure as a spreadsheet cell: a number, or "–" when hidden or missing."""
    if not value.shown:
        return "–"
    assert value.number is not None
    return int(value.number) if isinstance(value.number, Decimal) else value.number


def goal_rows(results: Iterable[GoalResult]) -> list[list[int | str]]:
    """A row per goal and year: the goal, its insats, how it is measured, the verdict."""
    rows: list[list[int | str]] = []
    for result in results:
        for year in result.years:
            figure = "–" if year.hidden or year.figure is None else year.figure.text
            compared = "–" if year.hidden or year.compared_with is None else year.compared_with.text
            rows.append(
                [
                    result.text,
                    result.intervention.name if result.intervention else "Förbundets mål",
                    result.goal.get_measure_display(),
                    result.comparison_text,
                    year.year,
                    figure,
                    compared,
                    year.verdict + (f" ({year.reason})" if year.reason else ""),
                ]
            )
    return rows


GOAL_COLUMNS = [
    "Mål",
    "Gäller",
    "Mäts som",
    "Jämförelse",
    "År",
    "Värde",
    "Jämfört med",
    "Bedömning",
]


def _sheet_title(title: str) -> str:
    """Excel allows 31 characters and none of : \\ / ? * [ ]."""
    for char in ":\\/?*[]":
        title = title.replace(char, " ")
    return title[:31]


def _write(
    sheet: Worksheet,
    heading: str,
    about: list[str],
    header: list[str],
    rows: Iterable[Iterable[int | str]],
) -> None:
    """The heading, what the reader must know, then the table."""
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=13)
    for line in about:
        sheet.append([line])
    sheet.append([])
    sheet.append(header)
    header_row = sheet.max_row
    for column in range(1, len(header) + 1):
        sheet.cell(row=header_row, column=column).font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
    sheet.column_dimensions["A"].width = 18
    for column in range(2, len(header) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 16


def _label(label: str) -> int | str:
    """A year as a number, anything else as text."""
    return int(label) if label.isdigit() else label


def _table_rows(table: Table) -> list[list[int | str]]:
    return [[_label(row.label), *[cell(v) for v in row.values]] for row in table.rows]


def columns(table: Table) -> list[str]:
    """The table's column names; a share says it is in per cent (its cells are numbers)."""
    percent = [
        any(row.values[i].percent for row in table.rows) for i in range(len(table.columns) - 1)
    ]
    return [table.columns[0]] + [
        f"{name} (%)" if is_percent else name
        for name, is_percent in zip(table.columns[1:], percent, strict=True)
    ]


def _bytes(book: Workbook) -> bytes:
    return xlsx_bytes(book)


def dashboard_xlsx(dashboard: Dashboard) -> bytes:
    """A sheet per table of the dashboard, and one for the goals."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    about = notes(dashboard)
    for table in dashboard.tables:
        sheet = book.create_sheet(_sheet_title(table.title))
        _write(
            sheet, f"{table.caption} – {dashboard.title}", about, columns(table), _table_rows(table)
        )
    if dashboard.goals:
        sheet = book.create_sheet("Mål")
        _write(sheet, f"Mål – {dashboard.title}", about, GOAL_COLUMNS, goal_rows(dashboard.goals))
    if not book.worksheets:
        sheet = book.create_sheet("Uppföljning")
        _write(sheet, dashboard.title, [*about, "Det finns inga godkända siffror ännu."], [], [])
    return _bytes(book)


CSV_COLUMNS = ["Tabell", "Rad", "Uppgift", "Värde"]


def dashboard_csv(dashboard: Dashboard) -> bytes:
    """Every figure of the dashboard's tables as one row (table, year, what, value), the
    notes first; semicolons and a byte order mark, as Swedish Excel expects."""
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.writerow(CSV_COLUMNS)
    for note in notes(dashboard):
        writer.writerow(["Om uppgifterna", "", "", note])
    for table in dashboard.tables:
        for row in table.rows:
            for column, value in zip(columns(table)[1:], row.values, strict=True):
                writer.writerow([table.title, row.label, column, cell(value)])
    for text, scope, measure, comparison, year, figure, compared, verdict in goal_rows(
        dashboard.goals
    ):
        what = f"{text} ({scope}; {measure}; {comparison})"
        writer.writerow(["Mål", year, f"{what}: värde", figure])
        writer.writerow(["Mål", year, f"{what}: jämförs med", compared])
        writer.writerow(["Mål", year, f"{what}: bedömning", verdict])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def finsam_xlsx(intervention: Intervention, years: list[FinsamYear], *, demo: bool) -> bytes:
    """One insats per year: inriktning, budget and outcome, planned participants, and the
    participants, new and ended split by gender."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Uppföljning Finsam"
    genders = [label for _, label in GENDERS]
    columns = [
        "År",
        "Inriktning",
        "Budget (kr)",
        "Utfall (kr)",
        "Planerat antal deltagare",
        *[f"Deltagare, {g}" for g in genders],
        "Deltagare, totalt",
        *[f"Nya deltagare, {g}" for g in genders],
        "Nya deltagare, totalt",
        *[f"Avslutade, {g}" for g in genders],
        "Avslutade, totalt",
    ]
    rows = []
    for year in years:
        counts: list[int | str] = []
        for stock in (year.participants, year.new, year.ended):
            counts += [stock[code] for code, _ in GENDERS]
            counts.append(sum(stock.values()))
        rows.append(
            [
                year.year,
                intervention.get_direction_display(),
                year.budget,
                year.outcome,
                "–" if year.planned is None else year.planned,
                *counts,
            ]
        )
    about = [
        FINSAM_NOTE,
        f"Insatsägare: {intervention.owner}",
        *([DEMO] if demo else []),
    ]
    _write(sheet, f"Uppföljning Finsam – {intervention.name}", about, columns, rows)
    return _bytes(book)
