"""The follow-up as files: XLSX with the same table as the page, and the PDF "Budgetuppföljning
per den 30 september 2023" to attach to a meeting's §. And the chart drawn as SVG."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from samordna.core.documents import page_context, render_pdf
from samordna.core.spreadsheets import xlsx_bytes
from samordna.core.text import format_date, format_kronor
from samordna.ledger.selectors import INSATS_NOTE, FollowUp

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DEMO_NOTE = "Demosiffror: bokföringen i demon är påhittad (antaget i demon), inte förbundets."
COLUMNS = [
    "Grupp",
    "Rad",
    "Budget (kr)",
    "Utfall (kr)",
    "Prognos helår (kr)",
    "Avvikelse (kr)",
    "Kommentar till prognosen",
]


def whole(amount: Decimal | int) -> int:
    return int(Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def title(report: FollowUp) -> str:
    return f"Budgetuppföljning per den {format_date(report.date)}"


def followup_xlsx(report: FollowUp) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Uppföljning {report.budget.year}"
    bold = Font(bold=True)
    sheet.append([f"{report.association.name}: {title(report)}"])
    sheet["A1"].font = Font(bold=True, size=13)
    notes = [
        "Utfall: bokförda belopp till och med datumet och utbetalningar till insatser "
        "registrerade i Samordna. Prognos: den senaste prognosen gjord senast datumet, "
        "annars budgeten. Avvikelse = prognos − budget.",
        INSATS_NOTE,
    ]
    if report.demo:
        notes.insert(0, DEMO_NOTE)
    for note in notes:
        sheet.append([note])
    sheet.append([])
    sheet.append(COLUMNS)
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for group in report.groups:
        for row in group.lines:
            f = row.figures
            sheet.append(
                [
                    group.label,
                    row.line.name,
                    f.budget,
                    whole(f.outcome),
                    f.forecast,
                    f.deviation,
                    (row.forecast.comment if row.forecast else ""),
                ]
            )
        g = group.figures
        sheet.append(
            [
                group.label,
                f"Summa {group.label.lower()}",
                g.budget,
                whole(g.outcome),
                g.forecast,
                g.deviation,
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.font = bold
    for label, figures in (
        ("Summa intäkter", report.income),
        ("Summa kostnader", report.costs),
        ("Resultat", report.result),
    ):
        sheet.append(
            ["", label, figures.budget, whole(figures.outcome), figures.forecast, figures.deviation]
        )
        for cell in sheet[sheet.max_row]:
            cell.font = bold
    for column, width in zip("ABCDEFG", (22, 44, 14, 14, 18, 14, 50), strict=True):
        sheet.column_dimensions[column].width = width
    return xlsx_bytes(book)


def followup_pdf(report: FollowUp) -> bytes:
    context = {
        "report": report,
        "title": title(report),
        "association": report.association,
        "insats_note": INSATS_NOTE,
        "demo_note": DEMO_NOTE if report.demo else "",
        **page_context(report.association.name, title(report)),
    }
    return render_pdf("ledger/documents/followup.html", context)


# The chart


@dataclass(frozen=True)
class Bar:
    label: str
    y: int
    width: int
    text: str
    fill: str


@dataclass(frozen=True)
class ChartGroup:
    label: str
    y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    groups: list[ChartGroup]
    description: str


SERIES = (("Budget", "#6e6e6e"), ("Utfall", "#005a9e"), ("Prognos", "#b35c00"))
BAR_HEIGHT = 16
SCALE_WIDTH = 300


def chart(report: FollowUp) -> Chart:
    """Horizontal bars per group: budget, outcome and forecast, each labelled with its name
    and amount in text (so colour is never the only cue)."""
    values = [
        (group.label, (group.figures.budget, whole(group.figures.outcome), group.figures.forecast))
        for group in report.groups
    ]
    top = max((max(abs(v) for v in figures) for _, figures in values), default=0) or 1
    left = 190
    groups: list[ChartGroup] = []
    y = 10
    for label, figures in values:
        bars = []
        row_y = y + 20
        for (name, fill), value in zip(SERIES, figures, strict=True):
            width = round(abs(value) * SCALE_WIDTH / top)
            bars.append(Bar(name, row_y, width, f"{name} {format_kronor(value)}", fill))
            row_y += BAR_HEIGHT + 4
        groups.append(ChartGroup(label, y + 14, bars))
        y = row_y + 12
    description = "; ".join(
        f"{label}: budget {format_kronor(f[0])}, utfall {format_kronor(f[1])}, "
        f"prognos {format_kronor(f[2])}"
        for label, f in values
    )
    return Chart(left + SCALE_WIDTH + 200, y, left, groups, description)
