"""A reader of SIE 4 files, written to SIE-Gruppen's "SIE filformat ver 4B".

Pure Python, no database: `parse_sie(data)` takes the file's bytes and gives a `Ledger`
with the file's accounts, its verifications' transaction rows and every problem found,
each with its line number and a Swedish message.

What the format says and how it is read here:
- One record a line: a label (`#VER`), then fields separated by spaces or tabs. A field
  in quotes may hold spaces; `\\"` is a quote inside it. `{…}` is an object list
  (dimension and object pairs), kept as one field.
- `#VER serie vernr verdatum "vertext" …` is followed by a `{` line, its `#TRANS kontonr
  {objektlista} belopp transdat "transtext" …` rows and a `}` line. The rows of one
  verification must sum to zero. `#RTRANS` (a row added afterwards) is followed by the
  same row as `#TRANS` for older readers, and `#BTRANS` is a row removed: neither is
  counted on its own, so nothing is counted twice.
- Amounts have a decimal point (`-1234.50`) and become Decimal, never float; dates are
  YYYYMMDD.
- The character set is PC8, that is IBM code page 437 (`#FORMAT PC8`). A file saved by a
  program as Windows-1252 (ANSI) or UTF-8 is recognised and said so: UTF-8 is read as
  UTF-8 with a warning; Windows-1252 cannot be told apart byte by byte, so it is refused
  with the line that shows it.
- Labels a reader does not know are skipped, as the format asks — but a label that is the
  beginning of a known one (`#VE`, `#TRA`) is a line cut off: the file is not whole.
- A whole file: every `{` has its `}`, a file that opens with `#KSUMMA` ends with its
  `#KSUMMA` checksum record, and the file's own balances for the current year (`#RES 0`,
  and `#UB 0` less `#IB 0`) are what its verifications add up to. The first two are
  problems; balances that differ are a doubt (a preliminary entry may explain them) that
  the user must confirm before the import.
- An account used in a `#TRANS` but missing among the `#KONTO` records is no error: the
  import asks what it is (a mapping question).
"""

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

MAX_PROBLEMS = 200
AMOUNT = re.compile(r"^[+-]?\d+(\.\d+)?$")
ACCOUNT = re.compile(r"^\d{1,10}$")
# CP437 puts the Swedish and other Latin letters below 0xB0; above are box drawing, Greek
# letters and mathematical signs, which never belong in a SIE file's text. Those are the
# bytes where a Windows-1252 file keeps its å, ä, ö (0xE5, 0xE4, 0xF6, 0xC5, 0xC4, 0xD6).
FOREIGN_BYTES = range(0xB0, 0x100)
UTF8_NAMES = {"UTF8", "UTF-8"}
# Every label of SIE 4B; a line whose label is the start of one of these was cut off.
KNOWN_LABELS = frozenset(
    {
        "#ADRESS", "#BKOD", "#BTRANS", "#DIM", "#ENHET", "#FLAGGA", "#FNAMN", "#FNR",
        "#FORMAT", "#FTYP", "#GEN", "#IB", "#KONTO", "#KPTYP", "#KSUMMA", "#KTYP", "#OBJEKT",
        "#OIB", "#OMFATTN", "#ORGNR", "#OUB", "#PBUDGET", "#PROGRAM", "#PROSA", "#PSALDO",
        "#RAR", "#RES", "#RTRANS", "#SIETYP", "#SRU", "#TAXAR", "#TRANS", "#UB", "#UNDERDIM",
        "#VALUTA", "#VER",
    }
)  # fmt: skip
MAX_LISTED = 5


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"Rad {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Transaction:
    line: int
    date: datetime.date
    account: int
    amount: Decimal  # debit positive, credit negative
    text: str
    verification: str  # "A 14"


@dataclass
class Ledger:
    """What a file holds. `problems` stop an import; `warnings` are shown and allowed."""

    kind: str = "SIE 4"
    encoding: str = "CP437 (PC8)"
    program: str = ""
    generated: str = ""
    company: str = ""
    organisation_number: str = ""
    sie_type: str = ""
    years: dict[int, tuple[datetime.date, datetime.date]] = field(default_factory=dict)
    year_lines: dict[int, int] = field(default_factory=dict)
    accounts: dict[int, str] = field(default_factory=dict)
    account_types: dict[int, str] = field(default_factory=dict)
    transactions: list[Transaction] = field(default_factory=list)
    verifications: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # Doubts are warnings the user must confirm before the file is imported.
    doubts: list[Problem] = field(default_factory=list)
    more_problems: int = 0
    # The file's own balances of the current year (#IB 0, #UB 0, #RES 0), read to check
    # that its verifications are all there.
    balances: dict[str, dict[int, Decimal]] = field(default_factory=dict)
    # Every year's balances as the file states them, "#IB 0", "#UB -1", "#RES -1" → {account:
    # amount}: the opening and closing balances and last year's result that the reports'
    # balance sheet and cash flow need (the verifications hold only this year's movements).
    stated: dict[str, dict[int, Decimal]] = field(default_factory=dict)
    checksum_opened: bool = False
    checksum_closed: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.more_problems

    def problem(self, line: int | None, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(line, message))
        else:
            self.more_problems += 1

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Problem(line, message))

    def doubt(self, line: int | None, message: str) -> None:
        self.doubts.append(Problem(line, message))

    @property
    def current_year(self) -> tuple[datetime.date, datetime.date] | None:
        return self.years.get(0)


def kronor_text(amount: Decimal) -> str:
    """Decimal('-100') -> '−100,00 kr' for messages."""
    whole = f"{abs(amount):,.2f}".replace(",", "\u00a0").replace(".", ",")
    return f"{'−' if amount < 0 else ''}{whole}\u00a0kr"


# Reading the bytes


def _declared_format(data: bytes) -> tuple[str, int] | None:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        stripped = raw.strip()
        if stripped.upper().startswith(b"#FORMAT"):
            value = stripped[len(b"#FORMAT") :].strip().strip(b'"').decode("ascii", "replace")
            return value.upper(), number
    return None


def decode(data: bytes, ledger: Ledger) -> str | None:
    """The file as text, in the character set it really has; None when it cannot be read."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        ledger.warn(1, "filen börjar med en UTF-8-markering (BOM); SIE-filer ska vara PC8.")
    declared = _declared_format(data)
    name, format_line = declared if declared else ("PC8", None)
    if declared is None:
        ledger.warn(None, "Filen saknar #FORMAT; den läses som PC8 (CP437), som SIE anger.")
    if name in UTF8_NAMES:
        ledger.encoding = "UTF-8 (enligt #FORMAT)"
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            bad_line = data[: error.start].count(b"\n") + 1
            ledger.problem(bad_line, "raden är inte UTF-8 fast #FORMAT säger det.")
            return None
    if name != "PC8":
        ledger.problem(
            format_line, f"#FORMAT {name} är okänt; SIE-filer ska vara PC8 (#FORMAT PC8)."
        )
        return None
    if not data.isascii():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            ledger.encoding = "UTF-8 (filen säger PC8)"
            ledger.warn(
                format_line,
                "filen säger #FORMAT PC8 men är sparad som UTF-8. Den har lästs som UTF-8 — "
                "kontrollera att kontonamnen ser rätt ut.",
            )
            for number, line in enumerate(text.split("\n"), start=1):
                if "Ã" in line or "Â" in line:
                    ledger.problem(
                        number,
                        'texten ser dubbelkodad ut (till exempel "Ã¥" för å): filen har '
                        "sparats om med fel teckenkodning. Exportera den på nytt som PC8.",
                    )
            return text
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.isascii():
            continue
        foreign = [byte for byte in raw if byte in FOREIGN_BYTES]
        if foreign:
            shown = "".join(dict.fromkeys(bytes(foreign).decode("cp437")))
            meant = raw.decode("cp1252", "replace").strip()
            ledger.problem(
                number,
                f'tecknen "{shown}" hör inte hemma i en SIE-fil. Filen verkar vara sparad '
                f"som Windows-1252 (ANSI) och inte som PC8 (CP437), som SIE-formatet kräver "
                f"(raden skulle då lyda: {meant}). Exportera filen på nytt som PC8.",
            )
    if not ledger.ok:
        return None
    return data.decode("cp437")


# Splitting a line into fields


class FieldError(ValueError):
    pass


@dataclass(frozen=True)
class ObjectList:
    items: tuple[str, ...]


def split_fields(text: str) -> list[str | ObjectList]:
    """'#TRANS 5010 {} 1500.00 20230105 "Hyra \\"jan\\""' -> fields; raises FieldError."""
    if '"' not in text and "{" not in text.replace("{}", ""):
        # The common row, without quotes or objects: split on whitespace.
        return [ObjectList(()) if part == "{}" else part for part in text.split()]
    fields: list[str | ObjectList] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in " \t":
            i += 1
        elif char == '"':
            value, i = _quoted(text, i)
            fields.append(value)
        elif char == "{":
            end = i + 1
            items: list[str] = []
            while True:
                while end < n and text[end] in " \t":
                    end += 1
                if end >= n:
                    raise FieldError("objektlistan som börjar med { avslutas inte med }.")
                if text[end] == "}":
                    end += 1
                    break
                if text[end] == '"':
                    item, end = _quoted(text, end)
                else:
                    start = end
                    while end < n and text[end] not in ' \t}"':
                        end += 1
                    item = text[start:end]
                items.append(item)
            fields.append(ObjectList(tuple(items)))
            i = end
        else:
            start = i
            while i < n and text[i] not in " \t":
                i += 1
            fields.append(text[start:i])
    return fields


def _quoted(text: str, start: int) -> tuple[str, int]:
    out: list[str] = []
    i = start + 1
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in '"\\':
            out.append(text[i + 1])
            i += 2
        elif char == '"':
            return "".join(out), i + 1
        else:
            out.append(char)
            i += 1
    raise FieldError("citattecknet avslutas inte på raden.")


# Values


def parse_amount(value: str) -> Decimal:
    if not AMOUNT.match(value):
        raise FieldError(f'beloppet "{value}" är inte ett tal med decimalpunkt.')
    return Decimal(value)


def parse_date(value: str) -> datetime.date:
    if not re.fullmatch(r"\d{8}", value):
        raise FieldError(f'datumet "{value}" är inte ett datum på formen ÅÅÅÅMMDD.')
    try:
        return datetime.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError as error:
        raise FieldError(f'datumet "{value}" finns inte.') from error


def parse_account(value: str) -> int:
    if not ACCOUNT.match(value):
        raise FieldError(f'kontot "{value}" är inte ett kontonummer.')
    return int(value)


def _text(fields: list[str | ObjectList], index: int) -> str:
    if index < len(fields) and isinstance(fields[index], str):
        return str(fields[index])
    return ""


# The records


@dataclass
class _Verification:
    line: int
    series: str
    number: str
    date: datetime.date
    text: str
    opened: bool = False
    rows: list[Transaction] = field(default_factory=list)
    broken: bool = False

    @property
    def name(self) -> str:
        return f"{self.series} {self.number}".strip()


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.strip().rstrip("\r").strip()


def parse_sie(data: bytes) -> Ledger:
    ledger = Ledger()
    text = decode(data, ledger)
    if text is None:
        return ledger
    verification: _Verification | None = None
    last_line = 0
    for number, line in _lines(text):
        last_line = number
        if not line:
            continue
        try:
            verification = _record(ledger, verification, number, line)
        except FieldError as error:
            ledger.problem(number, str(error))
            if verification is not None:
                verification.broken = True
    if verification is not None:
        ledger.problem(
            verification.line,
            f"verifikation {verification.name} avslutas aldrig med }} (filen tar slut på "
            f"rad {last_line}): filen är inte hel.",
        )
    if ledger.checksum_opened and not ledger.checksum_closed:
        ledger.problem(
            None,
            "Filen börjar med #KSUMMA men slutar utan den avslutande #KSUMMA med "
            "kontrollsumman: filen är inte hel. Exportera den på nytt.",
        )
    if ledger.sie_type and ledger.sie_type != "4":
        ledger.problem(
            None,
            f"Filen är av SIE typ {ledger.sie_type}. Importen behöver SIE typ 4, som har "
            "verifikationerna (#SIETYP 4).",
        )
    elif not ledger.sie_type:
        ledger.warn(None, "Filen saknar #SIETYP; den läses som SIE typ 4.")
    if ledger.ok and not ledger.transactions:
        ledger.problem(None, "Filen innehåller inga verifikationsrader (#TRANS).")
    if ledger.ok:
        _check_balances(ledger)
    return ledger


def _check_balances(ledger: Ledger) -> None:
    """A doubt when the file's own balances for the year differ from its verifications."""
    year = ledger.current_year
    sums: dict[int, Decimal] = {}
    for row in ledger.transactions:
        if year is None or year[0] <= row.date <= year[1]:
            sums[row.account] = sums.get(row.account, Decimal(0)) + row.amount
    opening = ledger.balances.get("#IB", {})
    expected: dict[int, tuple[str, Decimal]] = {}
    for account, closing in ledger.balances.get("#UB", {}).items():
        expected[account] = ("#UB 0 − #IB 0", closing - opening.get(account, Decimal(0)))
    for account, result in ledger.balances.get("#RES", {}).items():
        expected[account] = ("#RES 0", result)
    differing = [
        (account, label, amount, sums.get(account, Decimal(0)))
        for account, (label, amount) in sorted(expected.items())
        if sums.get(account, Decimal(0)) != amount
    ]
    if not differing:
        return
    listed = "; ".join(
        f"konto {account}: {kronor_text(amount)} enligt {label}, {kronor_text(found)} i "
        "verifikationerna"
        for account, label, amount, found in differing[:MAX_LISTED]
    )
    more = len(differing) - MAX_LISTED
    ledger.doubt(
        None,
        "Filens egna saldon för året stämmer inte med verifikationerna i filen ("
        + listed
        + (f"; och {more} konton till" if more > 0 else "")
        + "). Filen kan vara avkortad, eller sakna verifikationer som saldona räknar med.",
    )


def _record(
    ledger: Ledger, verification: _Verification | None, number: int, line: str
) -> _Verification | None:
    if line == "{":
        if verification is None or verification.opened:
            raise FieldError("{ står utan en #VER före.")
        verification.opened = True
        return verification
    if line == "}":
        if verification is None or not verification.opened:
            raise FieldError("} står utan en verifikation att avsluta.")
        _close(ledger, verification)
        return None
    if not line.startswith("#"):
        raise FieldError("raden börjar inte med en etikett (#…), { eller }.")
    fields = split_fields(line)
    label = str(fields[0]).upper()
    rest = fields[1:]
    if verification is not None and not verification.opened:
        # A #VER without its block: the format allows none, so this verification is empty.
        ledger.problem(verification.line, f"verifikation {verification.name} saknar {{ … }}.")
        verification = None
    if label in {"#TRANS", "#RTRANS", "#BTRANS"}:
        if verification is None:
            raise FieldError(f"{label} utanför en verifikation.")
        row = _transaction(label, rest, number, verification)
        if label == "#TRANS":
            verification.rows.append(row)
        return verification
    if verification is not None:
        verification.broken = True
        raise FieldError(f"{label} får inte stå inne i en verifikation (bara #TRANS).")
    if label not in KNOWN_LABELS:
        cut = sorted(known for known in KNOWN_LABELS if known.startswith(label))
        if cut:
            raise FieldError(
                f"etiketten {label} är avbruten (början av {cut[0]}): filen verkar avkortad "
                "och är inte hel. Exportera den på nytt."
            )
    if label == "#VER":
        return _verification(rest, number)
    _header(ledger, label, rest, number)
    return None


def _verification(fields: list[str | ObjectList], number: int) -> _Verification:
    if len(fields) < 3:
        raise FieldError("#VER saknar serie, nummer eller datum.")
    series, vernr, date = (str(f) for f in fields[:3])
    return _Verification(number, series, vernr, parse_date(date), _text(fields, 3))


def _transaction(
    label: str, fields: list[str | ObjectList], number: int, verification: _Verification
) -> Transaction:
    if fields and len(fields) > 1 and not isinstance(fields[1], ObjectList):
        # Some older programs leave out the object list; read the row as if it were {}.
        fields = [fields[0], ObjectList(()), *fields[1:]]
    if not fields or isinstance(fields[0], ObjectList):
        raise FieldError(f"{label} saknar kontonummer.")
    if len(fields) < 3 or isinstance(fields[2], ObjectList):
        raise FieldError(f"{label} saknar belopp.")
    account = parse_account(str(fields[0]))
    amount = parse_amount(str(fields[2]))
    date = verification.date
    if len(fields) > 3 and isinstance(fields[3], str) and fields[3]:
        date = parse_date(str(fields[3]))
    text = _text(fields, 4) or verification.text
    return Transaction(number, date, account, amount, text, verification.name)


def _close(ledger: Ledger, verification: _Verification) -> None:
    ledger.verifications += 1
    if verification.broken:
        return
    difference = sum((row.amount for row in verification.rows), Decimal(0))
    if difference != 0:
        ledger.problem(
            verification.line,
            f"verifikation {verification.name} är inte i balans "
            f"(differens {kronor_text(difference)}).",
        )
        return
    ledger.transactions.extend(verification.rows)


def _header(ledger: Ledger, label: str, fields: list[str | ObjectList], number: int) -> None:
    values = [f for f in fields if isinstance(f, str)]
    if label == "#SIETYP":
        ledger.sie_type = values[0] if values else ""
    elif label == "#PROGRAM":
        ledger.program = " ".join(values)
    elif label == "#GEN":
        if values:
            parse_date(values[0])
        ledger.generated = " ".join(values)
    elif label == "#FNAMN":
        ledger.company = values[0] if values else ""
    elif label == "#ORGNR":
        ledger.organisation_number = values[0] if values else ""
    elif label == "#RAR":
        if len(values) < 3:
            raise FieldError("#RAR saknar årsnummer, start- eller slutdatum.")
        try:
            index = int(values[0])
        except ValueError as error:
            raise FieldError(f'årsnumret "{values[0]}" är inte ett heltal.') from error
        ledger.years[index] = (parse_date(values[1]), parse_date(values[2]))
        ledger.year_lines[index] = number
    elif label == "#KONTO":
        if len(values) < 1:
            raise FieldError("#KONTO saknar kontonummer.")
        ledger.accounts[parse_account(values[0])] = values[1] if len(values) > 1 else ""
    elif label == "#KTYP":
        if len(values) < 2:
            raise FieldError("#KTYP saknar kontonummer eller typ.")
        kind = values[1].upper()
        if kind not in {"T", "S", "K", "I"}:
            raise FieldError(f'kontotypen "{values[1]}" är inte T, S, K eller I.')
        ledger.account_types[parse_account(values[0])] = kind
    elif label in {"#IB", "#UB", "#RES"}:
        if len(values) < 3:
            raise FieldError(f"{label} saknar årsnummer, konto eller saldo.")
        account, amount = parse_account(values[1]), parse_amount(values[2])
        if values[0] == "0":
            ledger.balances.setdefault(label, {})[account] = amount
        if values[0] in {"0", "-1"}:
            ledger.stated.setdefault(f"{label} {values[0]}", {})[account] = amount
    elif label == "#KSUMMA":
        if values:
            ledger.checksum_closed = True
        else:
            ledger.checksum_opened = True
    elif label == "#FORMAT" or label == "#FLAGGA":
        pass
    # Any other label (#DIM, #OBJEKT, #SRU, #PROSA, #OIB …) is skipped, as the format asks.
