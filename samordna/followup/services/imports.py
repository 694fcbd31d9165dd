"""Import of a whole period's counts for many insatser from a CSV or Excel file.

The file has a column `insats` (the insats's name as in Samordna, or its number) and one
column per count, named as in `counts.COUNT_NAMES`; a missing column counts as 0. Every row
is checked as the form checks it, and the file is imported whole or not at all.
"""

import datetime
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.services import save_with_history
from samordna.core.spreadsheets import CsvWriter, unneutralise, xlsx_bytes
from samordna.core.text import swedish_key
from samordna.core.uploads import Limits, NotReadable, check_size, csv_rows, xlsx_rows
from samordna.followup import services
from samordna.followup.count_forms import MAX_COUNT, NOT_A_COUNT, TOO_LARGE
from samordna.followup.counts import COUNT_FIELDS, COUNT_NAMES, STOCKS, gender_total, problems
from samordna.followup.models import (
    CountImport,
    ParticipantReport,
    ParticipantReportStatus,
    ReportingPeriod,
)
from samordna.interventions.models import Intervention

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
HEADER = ["insats", *COUNT_NAMES]
LABELS = {"insats": "insatsens namn eller nummer", **{f.name: f.label for f in COUNT_FIELDS}}
NOT_READABLE = (
    "Filen går inte att läsa. Spara den som CSV (semikolon- eller kommaseparerad) eller som "
    "Excel-fil (xlsx) och försök igen."
)
WHOLE = re.compile(r"^(\d+)(?:[.,]0+)?$")
# Read while the file is parsed: a hostile workbook or CSV stops at the first row over.
LIMITS = Limits(
    max_bytes=MAX_BYTES,
    max_rows=MAX_ROWS + 1,
    max_columns=len(HEADER) + 20,
    max_cell_chars=1_000,
    max_unpacked_bytes=10 * 1024 * 1024,
)

Table = list[list[str]]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(content: bytes, name: str) -> Table:
    """The file's rows as text: an xlsx workbook's first sheet, or CSV in UTF-8 or
    Windows-1252 separated by semicolons or commas. Read under `LIMITS`; over a limit the
    ValidationError (UploadRefused) names it."""
    check_size(content, LIMITS)
    if name.lower().endswith(".xls"):
        raise ValidationError("Gamla Excel-filer (xls) kan inte läsas. Spara som xlsx eller CSV.")
    if content.startswith(b"PK\x03\x04"):
        try:
            rows = xlsx_rows(content, LIMITS)
        except NotReadable as error:
            raise ValidationError(NOT_READABLE) from error
        table = [[_text(value) for value in values] for _, values in rows]
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = content.decode("cp1252")
            except UnicodeDecodeError as error:
                raise ValidationError(NOT_READABLE) from error
        if any(ord(c) < 32 and c not in "\t\r\n" for c in text):
            raise ValidationError(NOT_READABLE)
        first = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
        try:
            lines = csv_rows(text, delimiter=delimiter, limits=LIMITS)
        except NotReadable as error:
            raise ValidationError(NOT_READABLE) from error
        table = [[unneutralise(cell).strip() for cell in values] for _, values in lines]
    return table


@dataclass(frozen=True)
class RowError:
    row: int  # as in the file: the header is row 1
    column: str  # the column's name, or "" for the whole row
    message: str

    @property
    def column_label(self) -> str:
        return LABELS.get(self.column, "")


@dataclass
class Row:
    row: int
    intervention: Intervention
    values: dict[str, int]
    existing: ParticipantReport | None

    @property
    def replaces(self) -> str:
        if self.existing is None:
            return "Ny"
        return f"Ersätter {self.existing.get_status_display().lower()}"

    @property
    def totals(self) -> dict[str, int]:
        """Each stock's total, and the ended that went to work or studies."""
        sums = {stock: gender_total(self.values, stock) for stock, _ in STOCKS}
        sums["to_work_or_studies"] = self.values["ended_to_work"] + self.values["ended_to_studies"]
        return sums


@dataclass
class Checked:
    period: ReportingPeriod
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        sums: dict[str, int] = {}
        for row in self.rows:
            for key, value in row.totals.items():
                sums[key] = sums.get(key, 0) + value
        return sums


def _number(text: str) -> int | str:
    """A count as typed (an empty cell is 0), or what is wrong with it."""
    found = WHOLE.match(text.replace(" ", "").replace("\u00a0", "")) if text else None
    if not text:
        return 0
    if found is None:
        return NOT_A_COUNT
    return int(found.group(1)) if int(found.group(1)) <= MAX_COUNT else TOO_LARGE


def _header(number: int, columns: list[str]) -> list[RowError]:
    errors = [
        RowError(number, name, "Okänd kolumn. Kolumnerna ska heta som i mallen.")
        for name in sorted({c for c in columns if c and c not in HEADER})
    ]
    errors += [
        RowError(number, name, "Kolumnen finns flera gånger.")
        for name in sorted({c for c in columns if c and columns.count(c) > 1})
    ]
    if "insats" not in columns:
        errors.append(RowError(number, "insats", "Kolumnen insats saknas."))
    return errors


class _Rows:
    """What the rows are checked against: the förbund's insatser, the period's counts and
    the previous period's participants at the end."""

    def __init__(self, association: Association, period: ReportingPeriod, lock: bool):
        self.association, self.period = association, period
        self.by_name: dict[str, list[Intervention]] = {}
        for intervention in Intervention.objects.filter(association=association):
            self.by_name.setdefault(intervention.name.strip(), []).append(intervention)
        reports = ParticipantReport.objects.filter(period=period)
        self.existing = {
            r.intervention_id: r for r in (reports.select_for_update() if lock else reports)
        }
        before = services.previous_period(period)
        sent = ParticipantReport.objects.filter(
            period=before,
            status__in=[ParticipantReportStatus.SUBMITTED, ParticipantReportStatus.APPROVED],
        )
        self.previous_ends = {
            r.intervention_id: gender_total(r.values(), "end") for r in (sent if before else [])
        }
        self.seen: dict[int, int] = {}

    def insats(self, number: int, text: str) -> Intervention | str:
        """The insats a row names, or what is wrong with it."""
        same = [i for group in self.by_name.values() for i in group if str(i.pk) == text]
        same = same or self.by_name.get(text, [])
        if not same:
            if not text:
                return "Skriv insatsens namn eller nummer."
            return f"Det finns ingen insats ”{text}” i {self.association.name}."
        if len(same) > 1:
            return "Flera insatser i förbundet heter så. Skriv insatsens nummer i stället."
        found = same[0]
        if found.pk in self.seen:
            return f"Insatsen finns redan på rad {self.seen[found.pk]}."
        self.seen[found.pk] = number
        if not services.runs_during(found, self.period):
            return f"Insatsen pågår inte under {self.period.label}."
        if getattr(self.existing.get(found.pk), "status", None) == ParticipantReportStatus.APPROVED:
            return (
                "Siffrorna för perioden är redan godkända. Lås upp dem med ett skäl först om de "
                "ska ersättas."
            )
        return found


def check(
    *, association: Association, period: ReportingPeriod, table: Table, lock: bool = False
) -> Checked:
    """Every row of the file checked: the insats, the numbers and the rules of the form."""
    result = Checked(period)
    lines = [(number, row) for number, row in enumerate(table, start=1) if any(row)]
    if len(lines) < 2:
        result.errors.append(RowError(1, "", "Filen har inga rader under rubrikraden."))
        return result
    (header_number, header), *rows = lines
    columns = [cell.strip().lower() for cell in header]
    result.errors = _header(header_number, columns)
    if result.errors:
        return result
    against = _Rows(association, period, lock)
    for number, cells in rows:
        by_column = dict(zip(columns, cells, strict=False))
        errors = [
            RowError(number, "", "Cellen saknar kolumnrubrik.")
            for column, cell in zip(columns, cells, strict=False)
            if not column and cell
        ]
        found = against.insats(number, by_column.get("insats", "").strip())
        if isinstance(found, str):
            errors.append(RowError(number, "insats", found))
        values = {name: _number(by_column.get(name, "").strip()) for name in COUNT_NAMES}
        wrong = {name: value for name, value in values.items() if isinstance(value, str)}
        errors += [RowError(number, name, message) for name, message in wrong.items()]
        counts = {name: value for name, value in values.items() if isinstance(value, int)}
        if not wrong:
            previous = against.previous_ends.get(getattr(found, "pk", None) or 0)
            for name, messages in problems(counts, previous_end=previous).items():
                errors += [RowError(number, name, message) for message in messages]
        if errors:
            result.errors += errors
        elif isinstance(found, Intervention):
            result.rows.append(Row(number, found, counts, against.existing.get(found.pk)))
    return result


@transaction.atomic
def counts_upload(
    *, association: Association, period: ReportingPeriod, filename: str, table: Table, by: User
) -> tuple[Checked, CountImport | None]:
    """Check a file of the period's counts; one without errors waits, as a `CountImport`,
    for the kansli to look at the rows and confirm. A file with errors saves nothing."""
    checked = check(association=association, period=period, table=table)
    if checked.errors:
        return checked, None
    pending = CountImport(
        association=association, period=period, filename=filename, rows=table, uploaded_by=by
    )
    save_with_history(pending, by=by)
    return checked, pending


@transaction.atomic
def counts_import(
    *,
    pending: CountImport,
    by: User,
    approve: bool,
    now: datetime.datetime | None = None,
) -> Checked:
    """Save every row of a checked file as sent by `by` (or approved, with `approve`),
    replacing drafts and sent counts of the same insats and period; nothing at all if any
    row has an error now (counts approved since the check, say)."""
    locked = CountImport.objects.select_for_update().select_related("period").get(pk=pending.pk)
    if not locked.pending:
        raise ValidationError("Filen är redan importerad.")
    association, period = locked.association, locked.period
    checked = check(association=association, period=period, table=locked.rows, lock=True)
    if checked.errors:
        return checked
    now = now or timezone.now()
    for row in checked.rows:
        report = row.existing or ParticipantReport(
            association=association, intervention=row.intervention, period=period
        )
        for name, value in row.values.items():
            setattr(report, name, value)
        report.status = (
            ParticipantReportStatus.APPROVED if approve else ParticipantReportStatus.SUBMITTED
        )
        report.submitted_at, report.submitted_by = now, by
        report.approved_at, report.approved_by = (now, by) if approve else (None, None)
        report.demo = False
        if row.existing is not None:
            report.version += 1
        report._change_reason = "Importerad från fil"  # type: ignore[attr-defined]
        save_with_history(report, by=by)
    locked.imported_at, locked.imported_by, locked.approved = now, by, approve
    save_with_history(locked, by=by, update_fields=["imported_at", "imported_by", "approved"])
    pending.__dict__.update(locked.__dict__)
    return checked


# The template


def template_rows(association: Association, period: ReportingPeriod) -> list[list[object]]:
    """The header and one row per insats that runs in the period, every count 0."""
    running = list(
        Intervention.objects.filter(association=association).filter(
            services.running_q(period.starts_on, period.ends_on)
        )
    )
    running.sort(key=lambda i: swedish_key(i.name))
    names = [i.name for i in Intervention.objects.filter(association=association)]
    rows: list[list[object]] = [list(HEADER)]
    for intervention in running:
        key: object = intervention.name if names.count(intervention.name) == 1 else intervention.pk
        rows.append([key, *[0] * len(COUNT_NAMES)])
    return rows


def template_xlsx(rows: list[list[object]], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 50
    sheet.freeze_panes = "B2"
    return xlsx_bytes(book)


def template_csv(rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.writerows(rows)
    # With a byte order mark Excel reads å, ä and ö right.
    return out.getvalue().encode("utf-8-sig")
