"""Reading an uploaded file once, under limits checked while it is read.

Every import (the ledger's SIE, CSV and XLSX, the follow-up's counts, a protocol's Word
file) reads its upload through here: the bytes are counted as they arrive, CSV rows,
columns and cell lengths as they are parsed, and an XLSX's zip members (their unpacked size
and compression ratio) before openpyxl opens it. openpyxl reads in read-only mode with the
sheet's declared dimensions ignored, since a file of 1.5 kB may declare A1:XFD1048576. With
defusedxml installed, openpyxl parses the workbook's XML with it (no entities, no DTD).

Over a limit the reader raises `UploadRefused` (a ValidationError) with a Swedish message
that names the limit; the caller stores nothing.
"""

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError

# The csv module refuses a field over this many characters by default (128 KiB).
CSV_FIELD_LIMIT = csv.field_size_limit()
Rows = list[tuple[int, list[Any]]]


class UploadRefused(ValidationError):
    """A file over one of the limits, or not readable at all; the message is Swedish."""


class NotReadable(UploadRefused):
    """A file that is not what it says (a broken zip, no workbook, bad CSV quoting)."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_rows: int
    max_columns: int
    max_cell_chars: int
    # XLSX (and any zip-based file): every member unpacked, and how much it may grow.
    max_unpacked_bytes: int
    max_ratio: int = 100
    max_members: int = 200


def size_text(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):g} MB".replace(".", ",")
    return f"{count / 1024:g} kB".replace(".", ",")


def number_text(count: int) -> str:
    return f"{count:,}".replace(",", "\u00a0")


def read_upload(file: IO[bytes], limits: Limits) -> bytes:
    """The file's bytes, read in chunks and refused as soon as they pass `max_bytes`."""
    size = getattr(file, "size", None)
    if isinstance(size, int) and size > limits.max_bytes:
        raise too_big(limits)
    if hasattr(file, "seek"):
        file.seek(0)
    chunks: list[bytes] = []
    total = 0
    while chunk := file.read(64 * 1024):
        total += len(chunk)
        if total > limits.max_bytes:
            raise too_big(limits)
        chunks.append(chunk)
    return b"".join(chunks)


def too_big(limits: Limits) -> UploadRefused:
    return UploadRefused(f"Filen är större än {size_text(limits.max_bytes)}, som är gränsen.")


def check_size(data: bytes, limits: Limits) -> None:
    if len(data) > limits.max_bytes:
        raise too_big(limits)


def check_lines(data: bytes, limits: Limits) -> None:
    """A text file's lines (counted, and each one's length) before it is parsed."""
    check_size(data, limits)
    lines = data.count(b"\n") + 1
    if lines > limits.max_rows:
        raise UploadRefused(
            f"Filen har {number_text(lines)} rader; gränsen är {number_text(limits.max_rows)}."
        )
    start = 0
    for number in range(1, lines + 1):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if end - start > limits.max_cell_chars:
            raise UploadRefused(
                f"Rad {number} är längre än {number_text(limits.max_cell_chars)} tecken, som "
                "är gränsen för en rad."
            )
        start = end + 1


def _cell_too_long(row: int, limits: Limits) -> UploadRefused:
    return UploadRefused(
        f"Rad {row}: en cell är längre än {number_text(limits.max_cell_chars)} tecken, som är "
        "gränsen för en cell."
    )


def _check_row(number: int, count: int, values: list[Any], limits: Limits) -> None:
    if count > limits.max_rows:
        raise UploadRefused(
            f"Filen har fler än {number_text(limits.max_rows)} rader, som är gränsen."
        )
    if len(values) > limits.max_columns:
        raise UploadRefused(
            f"Rad {number} har {number_text(len(values))} kolumner; gränsen är "
            f"{number_text(limits.max_columns)}."
        )
    longest = max((len(v) for v in values if isinstance(v, str)), default=0)
    if longest > limits.max_cell_chars:
        raise _cell_too_long(number, limits)


def csv_rows(text: str, *, delimiter: str, limits: Limits) -> Rows:
    """Rows of CSV text with their line numbers, checked row by row as they are read."""
    if "\x00" in text:
        raise NotReadable(
            "Filen har tecknet NUL, som inte hör hemma i en CSV-fil (den är kanske sparad som "
            "UTF-16). Spara den som CSV i UTF-8 eller Windows-1252."
        )
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: Rows = []
    try:
        for values in reader:
            _check_row(reader.line_num, len(rows) + 1, values, limits)
            rows.append((reader.line_num, values))
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise _cell_too_long(reader.line_num, limits) from error
        raise NotReadable(
            f"Rad {reader.line_num}: raden går inte att läsa som CSV (till exempel ett "
            "citattecken som aldrig avslutas)."
        ) from error
    return rows


def check_zip(data: bytes, limits: Limits) -> None:
    """A zip-based file (XLSX, DOCX) whose members are not too many, too large unpacked or
    packed too hard, judged from the zip's directory before anything is unpacked. (A member
    whose header understates its size gives no more than the stated bytes: zipfile stops
    there and reports a bad CRC.)"""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise NotReadable("Filen är skadad eller inte en Excel- eller Word-fil.") from error
    if len(infos) > limits.max_members:
        raise UploadRefused(
            f"Filen består av {number_text(len(infos))} delar; gränsen är "
            f"{number_text(limits.max_members)}."
        )
    total = 0
    for info in infos:
        total += info.file_size
        if total > limits.max_unpacked_bytes:
            raise UploadRefused(
                f"Filen är större än {size_text(limits.max_unpacked_bytes)} uppackad, som är "
                "gränsen."
            )
        if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise UploadRefused(
                f"Filen packas upp mer än {limits.max_ratio} gånger, som är gränsen: den "
                "läses inte (en så kallad zip-bomb)."
            )


def xlsx_rows(data: bytes, limits: Limits) -> Rows:
    """The first sheet's rows (values, not formulas) with their row numbers, read under
    `limits`: the zip is checked first, the declared dimension is ignored, and rows,
    columns and cells are counted as openpyxl yields them."""
    from openpyxl import load_workbook

    check_size(data, limits)
    check_zip(data, limits)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise NotReadable("Filen är inte en Excel-fil (.xlsx) som går att läsa.") from error
    try:
        if not workbook.worksheets:
            raise NotReadable("Excel-filen har inga blad.")
        sheet = workbook.worksheets[0]
        # The <dimension> a file declares is what openpyxl would pad every row and the
        # sheet to; the rows the file really has are all that is read.
        reset = getattr(sheet, "reset_dimensions", None)
        if reset is not None:
            reset()
        rows: Rows = []
        for number, values in enumerate(_values(sheet), start=1):
            _check_row(number, number, values, limits)
            rows.append((number, values))
    except UploadRefused:
        raise
    except Exception as error:  # a broken sheet part
        raise NotReadable("Filen är inte en Excel-fil (.xlsx) som går att läsa.") from error
    finally:
        workbook.close()
    return rows


def _values(sheet: Any) -> Iterator[list[Any]]:
    for row in sheet.iter_rows(values_only=True):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        yield values
