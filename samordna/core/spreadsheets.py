"""Every spreadsheet Samordna writes, XLSX or CSV, goes out through here, so that no text a
user typed becomes a formula when the file is opened (OWASP: CSV injection).

A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return could be taken
as a formula (`=HYPERLINK(…)`, `@SUM(…)`, DDE). In CSV such a text gets a leading
apostrophe, as OWASP advises. In XLSX the text is kept as written but stored as a string
with Excel's quote prefix, which Excel shows without the apostrophe and never evaluates.
Numbers stay numbers: a negative amount is an int or Decimal, not text, and is untouched.
"""

import csv
import io
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def neutralise(value: Any) -> Any:
    """A CSV cell a spreadsheet cannot read as a formula; anything but text as it is."""
    return f"'{value}" if is_formula_like(value) else value


def unneutralise(value: str) -> str:
    """A CSV cell read back: the apostrophe `neutralise` put before a formula sign removed,
    so that a file Samordna wrote (the follow-up's template) imports as it was."""
    if value.startswith("'") and is_formula_like(value[1:]):
        return value[1:]
    return value


def neutralise_cell(cell: Cell) -> None:
    """An XLSX cell holding text that looks like a formula: a plain string, quote-prefixed."""
    if is_formula_like(cell.value) or cell.data_type == "f":
        cell.data_type = "s"
        cell.quotePrefix = True


def xlsx_bytes(book: Workbook) -> bytes:
    """The workbook's file, with every text cell neutralised first."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell, Cell):
                    neutralise_cell(cell)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class CsvWriter:
    """csv.writer (semicolons, CRLF, as Swedish Excel reads) whose every text is neutralised."""

    def __init__(self, out: io.StringIO):
        self._writer = csv.writer(out, delimiter=";", lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
