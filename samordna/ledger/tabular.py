"""Transactions as a table: CSV as Swedish Excel saves it, or XLSX.

Columns (in any order, the first row names them): datum, konto, belopp, text,
verifikation; `kontonamn` may be there too. Amounts are debit positive and credit negative,
as in SIE. CSV is separated by semicolons with decimal commas ("-1 234,50"); it is read as
UTF-8 (with or without BOM) and otherwise as Windows-1252, which is what Excel writes for
"CSV (semikolonavgränsad)". Each problem names its row (the header is row 1), in Swedish.
"""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from samordna.core.uploads import Limits, csv_rows, xlsx_rows
from samordna.ledger.limits import LIMITS
from samordna.ledger.sie import Ledger, Transaction

REQUIRED = ("datum", "konto", "belopp")
OPTIONAL = ("text", "verifikation", "kontonamn")
AMOUNT = re.compile(r"^[+-]?\d+(,\d+)?$")
SPACES = str.maketrans("", "", " \u00a0\u202f")


class CellError(ValueError):
    pass


def _amount(value: Any) -> Decimal:
    if isinstance(value, bool) or value is None or value == "":
        raise CellError("belopp saknas.")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # A spreadsheet's number: go through its shortest text form, then to öre.
        return Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if isinstance(value, Decimal):
        return value
    text = str(value).strip().translate(SPACES).replace("−", "-")
    if text.endswith("kr"):
        text = text[:-2]
    if not AMOUNT.match(text):
        raise CellError(f'beloppet "{value}" är inte ett tal med decimalkomma (t.ex. -1 234,50).')
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover - the pattern above rules it out
        raise CellError(f'beloppet "{value}" är inte ett tal.') from error


def _date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    if not text:
        raise CellError("datum saknas.")
    for pattern in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError(f'datumet "{text}" är inte ett datum på formen ÅÅÅÅ-MM-DD.')


def _account(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value or "").strip()
    if not text:
        raise CellError("konto saknas.")
    if not re.fullmatch(r"\d{1,10}", text):
        raise CellError(f'kontot "{text}" är inte ett kontonummer.')
    return int(text)


def _rows(ledger: Ledger, rows: list[tuple[int, list[Any]]]) -> Ledger:
    if not rows:
        ledger.problem(None, "Filen är tom.")
        return ledger
    header_line, header = rows[0]
    names = [str(cell or "").strip().casefold() for cell in header]
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        ledger.problem(
            header_line,
            f"kolumnerna {', '.join(missing)} saknas i första raden. Den ska ha rubrikerna "
            "datum, konto, belopp, text och verifikation.",
        )
        return ledger
    index = {name: names.index(name) for name in (*REQUIRED, *OPTIONAL) if name in names}

    def cell(values: list[Any], name: str) -> Any:
        position = index.get(name)
        return values[position] if position is not None and position < len(values) else None

    for number, values in rows[1:]:
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        try:
            date = _date(cell(values, "datum"))
            account = _account(cell(values, "konto"))
            amount = _amount(cell(values, "belopp"))
        except CellError as error:
            ledger.problem(number, str(error))
            continue
        text = str(cell(values, "text") or "").strip()
        verification = str(cell(values, "verifikation") or "").strip()
        name = str(cell(values, "kontonamn") or "").strip()
        if name and account not in ledger.accounts:
            ledger.accounts[account] = name
        ledger.transactions.append(Transaction(number, date, account, amount, text, verification))
    if ledger.ok and not ledger.transactions:
        ledger.problem(None, "Filen innehåller inga transaktioner.")
    return ledger


def parse_csv(data: bytes, limits: Limits = LIMITS) -> Ledger:
    """Raises UploadRefused over a limit (rows, columns, a cell's length)."""
    ledger = Ledger(kind="CSV", encoding="UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", "replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", "replace")
            ledger.encoding = "Windows-1252"
    first = text.split("\n", 1)[0]
    if ";" not in first and "," in first:
        ledger.problem(
            1,
            "kolumnerna är skilda med komma. Spara filen som CSV med semikolon "
            "(CSV (semikolonavgränsad) i Excel).",
        )
        return ledger
    return _rows(ledger, csv_rows(text, delimiter=";", limits=limits))


def parse_xlsx(data: bytes, limits: Limits = LIMITS) -> Ledger:
    """Raises UploadRefused over a limit, or when the file is no workbook at all."""
    return _rows(Ledger(kind="XLSX", encoding="XLSX"), xlsx_rows(data, limits))
