"""Reads of the reports: the förbund's list, a report's tables of figures with the stale ones
marked (the stored figures against the data now, a fixed number of queries), its signatures
and the members' ansvarsfrihet decisions on an årsredovisning."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from samordna.associations.models import Association, BoardSeat, SeatKind
from samordna.control.models import MemberDischarge
from samordna.followup.selectors import settings_for as followup_settings
from samordna.followup.suppression import is_small, suppress_columns
from samordna.ledger.models import LedgerBalance, LedgerImport, LedgerTransaction
from samordna.ledger.selectors import current_import
from samordna.meetings.models import ApprovedMinutes
from samordna.reports import figures
from samordna.reports.models import (
    AssociationReport,
    AssociationReportKind,
    BalanceMapping,
    Figure,
)
from samordna.reports.statements import Refused, default_line

PAGE_SIZE = 25
# The tables of participant counts whose small counts a public report hides, with how their
# columns (the follow-up's count codes) add up: women, men and others make the participants
# (the row total); new, ended and ended to work or studies each stand alone. The totals row
# (figures.TOTAL_ROW) holds each column's total.
SUPPRESSED_TABLES: dict[str, list[tuple[list[str], str | None]]] = {
    "deltagare": [
        (["women", "men", "other"], "participants"),
        (["new"], None),
        (["ended"], None),
        (["work_or_studies"], None),
    ]
}


def reports_of(association: Association) -> QuerySet[AssociationReport]:
    return (
        AssociationReport.objects.filter(association=association)
        .select_related("attachment__meeting")
        .order_by("-year", "kind", "pk")
    )


def reports_page(association: Association, number: str | None) -> Page:
    return Paginator(reports_of(association), PAGE_SIZE).get_page(number)


def previous_report(report: AssociationReport) -> AssociationReport | None:
    """Last year's (or the latest earlier) report of the same kind: where the texts start."""
    return (
        AssociationReport.objects.filter(
            association=report.association, kind=report.kind, year__lt=report.year
        )
        .order_by("-year")
        .first()
    )


@dataclass
class Cell:
    figure: Figure
    text: str
    stale: bool = False
    now: str = ""  # the value the data give now, when stale
    hidden: bool = False


@dataclass
class Table:
    key: str
    title: str
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[str, list[Cell]]] = field(default_factory=list)
    hidden: bool = False  # some small counts are hidden


@dataclass
class FigureState:
    """The report's figures as drafted against the data now."""

    tables: dict[str, Table]
    stale: list[tuple[Figure, str]]  # (figure, its value now, "" when it is gone)
    new: list[figures.Value]
    refused: str = ""  # why the data cannot give the figures now (an unbalanced ledger)

    @property
    def any_stale(self) -> bool:
        return bool(self.stale or self.new)


def _hidden(stored: list[Figure], threshold: int) -> set[int]:
    """The figures a public report hides: small counts, and the counts that would let a
    reader work them out from the row and column totals (followup.suppression, the same
    rules as the follow-up's own published tables)."""
    hidden: set[int] = set()
    for table, parts in SUPPRESSED_TABLES.items():
        codes = [code for columns, total in parts for code in [*columns, total] if code]
        grid: dict[object, dict[str, Figure]] = {}
        totals: dict[str, Figure] = {}
        for figure in stored:
            code = figure.params.get("count") if isinstance(figure.params, dict) else None
            if figure.table != table or code not in codes or not figure.value.isdigit():
                continue
            if figure.row == figures.TOTAL_ROW and figure.key.startswith("followup:total:"):
                totals[code] = figure
            else:
                grid.setdefault(figure.params.get("intervention"), {})[code] = figure
        rows = [row for row in grid.values() if all(code in row for code in codes)]
        found = suppress_columns(
            [[int(row[code].value) for code in codes] for row in rows],
            parts=[
                ([codes.index(c) for c in columns], None if total is None else codes.index(total))
                for columns, total in parts
            ],
            threshold=threshold,
        )
        for i, j in found:
            cell = rows[i].get(codes[j]) if i < len(rows) else totals.get(codes[j])
            if cell is not None:
                hidden.add(cell.pk)
        # A row that lacks one of its counts (not drafted so today) cannot be reckoned with
        # the others: its small counts are hidden all the same.
        for row in grid.values():
            if any(code not in row for code in codes):
                hidden.update(f.pk for f in row.values() if is_small(int(f.value), threshold))
    return hidden


def _tables(
    stored: list[Figure], now: dict[str, str], public: bool, threshold: int
) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    suppressed = _hidden(stored, threshold) if public else set()
    for figure in stored:
        table = tables.setdefault(
            figure.table, Table(figure.table, figures.TABLES.get(figure.table, figure.table))
        )
        if figure.column not in table.columns:
            table.columns.append(figure.column)
        if not table.rows or table.rows[-1][0] != figure.row:
            table.rows.append((figure.row, []))
        hidden = figure.pk in suppressed
        table.hidden = table.hidden or hidden
        current = now.get(figure.key)
        stale = current is None or current != figure.value
        table.rows[-1][1].append(
            Cell(
                figure,
                "–" if hidden else figures.shown(figure.value, figure.unit),
                stale=stale,
                now="" if current is None or hidden else figures.shown(current, figure.unit),
                hidden=hidden,
            )
        )
    return tables


def stored_figures(report: AssociationReport) -> list[Figure]:
    return list(report.figures.order_by("table", "position", "pk"))


def figure_state(report: AssociationReport, *, compare: bool = True) -> FigureState:
    """The stored figures in their tables, each compared with the data now (unless not
    `compare`): a fixed number of queries whatever the number of insatser (each source reads
    in bulk)."""
    stored = stored_figures(report)
    refused = ""
    values: dict[str, figures.Value] = {}
    if compare:
        try:
            values = figures.current_values(report)
        except Refused as error:
            refused = str(error)
        now = {key: value.value for key, value in values.items()}
    else:
        now = {figure.key: figure.value for figure in stored}
    threshold = followup_settings(report.association).suppression_threshold
    tables = _tables(stored, now, report.public, threshold)
    keys = {figure.key for figure in stored}
    stale = [
        (figure, now.get(figure.key, ""))
        for figure in stored
        if figure.key not in now or now[figure.key] != figure.value
    ]
    if refused:
        stale = []
    new = [value for key, value in values.items() if key not in keys]
    return FigureState(tables=tables, stale=stale, new=new, refused=refused)


def signatories(report: AssociationReport) -> list[BoardSeat]:
    """The whole board that signs: the ordinary members on the report's last day, else those
    of the latest mandate period before it (the register may lag behind)."""
    seats = BoardSeat.objects.filter(
        association=report.association, kind=SeatKind.ORDINARY, starts_on__lte=report.ends_on
    ).select_related("person", "member")
    latest = seats.order_by("-ends_on").values_list("ends_on", flat=True).first()
    if latest is None:
        return []
    day = report.ends_on if latest >= report.ends_on else latest
    return list(
        seats.filter(ends_on__gte=day, starts_on__lte=day).order_by(
            "person__last_name", "person__first_name"
        )
    )


def discharges_for(report: AssociationReport) -> list[MemberDischarge]:
    """The members' decisions on this årsredovisning and on ansvarsfrihet (control year):
    the link is the förbund and the year, so that control need not know the reports."""
    if report.kind != AssociationReportKind.ANNUAL:
        return []
    return list(
        MemberDischarge.objects.filter(association=report.association, year=report.year)
        .select_related("member", "reported_in__meeting")
        .order_by("member__name")
    )


def decided_minutes(report: AssociationReport) -> ApprovedMinutes | None:
    """The justerade minutes of the meeting the report is a bilaga to, if any."""
    if report.attachment_id is None:
        return None
    return ApprovedMinutes.objects.filter(meeting__attachments=report.attachment_id).first()


@dataclass
class BalanceAccount:
    account: int
    name: str
    line: str  # the remembered line, or the BAS class's
    remembered: bool

    @property
    def field_name(self) -> str:
        return f"konto_{self.account}"


def balance_accounts(association: Association, year: int) -> list[BalanceAccount]:
    """The balance accounts of the year's imported ledger with their balance-sheet line."""
    ledger_import = current_import(association, year)
    if ledger_import is None:
        return []
    accounts = set(
        LedgerBalance.objects.filter(ledger_import=ledger_import, account__lt=3000).values_list(
            "account", flat=True
        )
    ) | set(
        LedgerTransaction.objects.filter(ledger_import=ledger_import, account__lt=3000)
        .values_list("account", flat=True)
        .distinct()
    )
    names = (
        LedgerImport.objects.filter(pk=ledger_import.pk)
        .values_list("parsed__accounts", flat=True)
        .first()
        or {}
    )
    remembered = dict(
        BalanceMapping.objects.filter(association=association).values_list("account", "line")
    )
    return [
        BalanceAccount(
            account,
            names.get(str(account), ""),
            remembered.get(account) or default_line(account),
            account in remembered,
        )
        for account in sorted(accounts)
    ]
