"""A corpus of hostile upload files, made here when the tests run (no binaries in the
repository), and the reader each must go through, with the Swedish message it must end in.

`python -m samordna.core.tests.hostile_files` reads every file in a fresh process and
prints, per file, the CPU seconds it took (and the wall-clock seconds, which on a shared
machine also count the neighbours), the process's peak resident memory while it was read
(Linux's VmHWM, reset before each file; elsewhere the peak of the whole run) and the message.
"""

import gc
import io
import json
import resource
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from openpyxl import Workbook

MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEADER_CELLS = (
    b'<c r="A1" t="inlineStr"><is><t>datum</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>konto</t></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>belopp</t></is></c>'
)
LEDGER_ROW = b"2023-03-01;5010;-1500,00;Hyra;A 1\r\n"


def workbook_bytes() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["datum", "konto", "belopp"])
    sheet.append(["2023-03-01", 5010, -1500])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet(chunks: Callable[[], Iterator[bytes]]) -> bytes:
    """A real workbook whose first sheet is replaced by `chunks`, written as they come."""
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with target.open(info.filename, "w", force_zip64=True) as member:
                    for chunk in chunks():
                        member.write(chunk)
            else:
                target.writestr(info, source.read(info.filename))
    return out.getvalue()


def sheet(rows: bytes, dimension: bytes = b"A1:C2", prolog: bytes = b"") -> Iterator[bytes]:
    yield b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + prolog
    yield b"<worksheet " + MAIN + b'><dimension ref="' + dimension + b'"/><sheetData>'
    yield b'<row r="1">' + HEADER_CELLS + b"</row>" + rows
    yield b"</sheetData></worksheet>"


def declared_dimension() -> bytes:
    """A few kB that declare the whole sheet, A1:XFD1048576, and fill its last cell: read
    as declared, that is a million rows of 16 384 cells."""
    last = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return with_sheet(lambda: sheet(last, dimension=b"A1:XFD1048576"))


def dimension_only() -> bytes:
    """The declaration alone, over a sheet of one row: the row is not padded to 16 384."""
    return with_sheet(lambda: sheet(b"", dimension=b"A1:XFD1048576"))


def zip_bomb() -> bytes:
    """A sheet of 60 MB of rows that packs a few hundred times."""

    def chunks() -> Iterator[bytes]:
        row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000
        start, *_, end = list(sheet(b""))
        yield start
        for _ in range(60):
            yield row
        yield end

    return with_sheet(chunks)


def far_row() -> bytes:
    """One cell on the sheet's last row: every row above is an empty row to read."""
    return with_sheet(lambda: sheet(b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>'))


def far_column() -> bytes:
    return with_sheet(lambda: sheet(b'<row r="2"><c r="XFD2"><v>1</v></c></row>'))


def long_xlsx_cell() -> bytes:
    text = b"x" * 40_000
    return with_sheet(
        lambda: sheet(b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + text + b"</t></is></c></row>")
    )


def entity_bomb() -> bytes:
    """The billion laughs in a sheet: defusedxml refuses the entities."""
    entities = b'<!ENTITY l0 "ha">' + b"".join(
        b'<!ENTITY l%d "%s">' % (n, b"".join(b"&l%d;" % (n - 1) for _ in range(10)))
        for n in range(1, 10)
    )
    prolog = b"<!DOCTYPE worksheet [" + entities + b"]>"
    rows = b'<row r="2"><c r="A2" t="inlineStr"><is><t>&l9;</t></is></c></row>'
    return with_sheet(lambda: sheet(rows, prolog=prolog))


def many_rows_csv() -> bytes:
    return b"datum;konto;belopp;text;verifikation\r\n" + LEDGER_ROW * 60_000


def big_csv() -> bytes:
    return b"datum;konto;belopp;text;verifikation\r\n" + LEDGER_ROW * 200_000  # 7 MB


def long_field_csv() -> bytes:
    """A field over the csv module's own limit of 128 KiB (once a 500 on every view)."""
    return b'datum;konto;belopp;text\r\n2023-03-01;5010;1,00;"' + b"x" * 140_000 + b'"\r\n'


def wide_csv() -> bytes:
    return b";".join(b"k%d" % n for n in range(5_000)) + b"\r\n"


def sie_head() -> bytes:
    return b"#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#RAR 0 20230101 20231231\r\n"


def sie_verifications(count: int) -> bytes:
    return b"".join(
        b'#VER A %d 20230301 "Hyra"\r\n{\r\n' % n
        + b"#TRANS 5010 {} 100.00\r\n#TRANS 1930 {} -100.00\r\n}\r\n"
        for n in range(1, count + 1)
    )


def big_sie() -> bytes:
    return sie_head() + sie_verifications(70_000)  # 5,6 MB


def many_lines_sie() -> bytes:
    return sie_head() + b"\r\n" * 160_000 + sie_verifications(1)


def sie_at_the_limit() -> bytes:
    """A whole file just under the limits: 29 000 verifications, 58 000 transactions."""
    return sie_head() + sie_verifications(29_000)


def long_line_sie() -> bytes:
    return sie_head() + b'#FNAMN "' + b"x" * 100_000 + b'"\r\n' + sie_verifications(1)


def truncated_sie() -> bytes:
    data = sie_head() + sie_verifications(50)
    return data[: data.rindex(b"#VER") + 3]  # ends in "#VE"


def unbalanced_sie() -> bytes:
    data = sie_head() + sie_verifications(50)
    return data[: data.rindex(b"#TRANS 1930")]


def utf16_csv() -> bytes:
    return "datum;konto;belopp\r\n2023-03-01;5010;1,00\r\n".encode("utf-16")


def counts_csv_not_text() -> bytes:
    return b"insats;nya_kvinnor\r\n\x81\x8d\x8f\x90\x9d;1\r\n"


@dataclass(frozen=True)
class Case:
    name: str
    reader: str  # "ledger-sie" | "ledger-csv" | "ledger-xlsx" | "counts"
    make: Callable[[], bytes]
    message: str  # what the Swedish message must say


CASES = [
    Case("xlsx som anger A1:XFD1048576", "ledger-xlsx", declared_dimension, "fler än 50\u00a0000"),
    Case("xlsx med A1:XFD1048576 (uppföljning)", "counts", declared_dimension, "2\u00a0001"),
    Case("bara A1:XFD1048576 angivet", "ledger-xlsx", dimension_only, "inga transaktioner"),
    Case("bara A1:XFD1048576 (uppföljning)", "counts", dimension_only, "Läst: 1 rader"),
    Case("zip-bomb (xlsx)", "ledger-xlsx", zip_bomb, "uppackad"),
    Case("zip-bomb (xlsx, uppföljning)", "counts", zip_bomb, "uppackad"),
    Case("en cell på sista raden", "ledger-xlsx", far_row, "fler än 50\u00a0000 rader"),
    Case("en cell på sista raden (uppföljning)", "counts", far_row, "fler än 2\u00a0001 rader"),
    Case("en cell i sista kolumnen", "ledger-xlsx", far_column, "16\u00a0384 kolumner"),
    Case("lång cell i xlsx", "ledger-xlsx", long_xlsx_cell, "längre än 2\u00a0000 tecken"),
    Case("entiteter i xml (billion laughs)", "ledger-xlsx", entity_bomb, "inte en Excel-fil"),
    Case("entiteter i xml (uppföljning)", "counts", entity_bomb, "Filen går inte att läsa"),
    Case("csv med många rader", "ledger-csv", many_rows_csv, "fler än 50\u00a0000 rader"),
    Case("stor csv", "ledger-csv", big_csv, "större än 5 MB"),
    Case("stor csv (uppföljning)", "counts", big_csv, "större än 2 MB"),
    Case("csv-fält över 128 kB", "ledger-csv", long_field_csv, "längre än 2\u00a0000 tecken"),
    Case("csv-fält över 128 kB (uppföljning)", "counts", long_field_csv, "längre än 1\u00a0000"),
    Case("csv med 5 000 kolumner", "ledger-csv", wide_csv, "5\u00a0000 kolumner"),
    Case("stor sie", "ledger-sie", big_sie, "större än 5 MB"),
    Case("sie med många rader", "ledger-sie", many_lines_sie, "gränsen är 150\u00a0000"),
    Case("sie vid gränsen (läses)", "ledger-sie", sie_at_the_limit, ""),
    Case("sie med en lång rad", "ledger-sie", long_line_sie, "Rad 5 är längre än 2\u00a0000"),
    Case("avkortad sie (#VE)", "ledger-sie", truncated_sie, "etiketten #VE är avbruten"),
    Case("sie som slutar inne i en verifikation", "ledger-sie", unbalanced_sie, "avslutas aldrig"),
    Case("csv i utf-16", "ledger-csv", utf16_csv, "NUL"),
    Case("inte text (uppföljning)", "counts", counts_csv_not_text, "Filen går inte att läsa"),
]


def read(case: Case, data: bytes) -> str:
    """The Swedish message the file ends in: the refusal, or the parsed file's problems."""
    from samordna.followup.services.imports import read_table
    from samordna.ledger.files import parse_file

    try:
        if case.reader == "counts":
            table = read_table(data, "siffror.xlsx" if data.startswith(b"PK") else "siffror.csv")
            return f"Läst: {len(table)} rader."
        ledger = parse_file(case.reader.removeprefix("ledger-"), data)
    except ValidationError as error:
        return " ".join(error.messages)
    return " ".join(str(problem) for problem in ledger.problems)


def peak_rss_mb(reset: bool = False) -> float:
    """The process's peak resident memory in MB, reset to now with `reset` where Linux can."""
    try:
        if reset:
            with open("/proc/self/clear_refs", "w") as handle:
                handle.write("5")
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_corpus() -> list[dict]:
    read(CASES[0], workbook_bytes())  # imports openpyxl and the readers before measuring
    results = []
    for case in CASES:
        data = case.make()
        gc.collect()
        before = peak_rss_mb(reset=True)
        started, cpu_started = time.perf_counter(), time.process_time()
        message = read(case, data)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        results.append(
            {
                "name": case.name,
                "bytes": len(data),
                "seconds": round(seconds, 3),
                "cpu_seconds": round(cpu, 3),
                "rss_before_mb": round(before, 1),
                "peak_rss_mb": round(peak_rss_mb(), 1),
                "message": message,
                "expected": case.message,
            }
        )
        del data
    return results


if __name__ == "__main__":
    import django

    django.setup()
    json.dump(run_corpus(), sys.stdout)
