"""Text out of a protocol file: plain text, Word (DOCX) or PDF with a text layer.

Each format gives numbered lines; what repeats at the edge of every page (the running head
"SAMMANTRÄDESPROTOKOLL … Sida 2 (6)", the "Justerandes signatur | Utdragsbestyrkande" box,
the initials written in its margin) is set aside as page furniture, still numbered, so that
the rules read the protocol and the checks can still compare a header's date with the body.

A file that cannot be read raises `Refused` with a Swedish message naming the file.
"""

import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from samordna.core.uploads import Limits, NotReadable, UploadRefused, check_zip
from samordna.imports.minutes.model import Line

PDF_MAX_PAGES = 400
# A Word protocol unpacks to a few MB; python-docx holds its whole XML in memory.
DOCX_LIMITS = Limits(
    max_bytes=25 * 1024 * 1024,
    max_rows=0,
    max_columns=0,
    max_cell_chars=0,
    max_unpacked_bytes=60 * 1024 * 1024,
)
# A page with fewer letters than this has no text layer worth the name (a scan).
MIN_LETTERS_PER_PAGE = 40
TOP_LINES = 4
BOTTOM_LINES = 3


class Refused(Exception):
    """A file the importer cannot read; `message` says why in Swedish and names the file."""

    def __init__(self, filename: str, reason: str):
        self.filename = filename
        self.message = f"{filename}: {reason}"
        super().__init__(self.message)


@dataclass
class Extracted:
    filename: str
    kind: str  # "text" | "docx" | "pdf"
    lines: list[Line]
    furniture: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def kind_of(data: bytes, filename: str) -> str:
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    return "text"


def extract(data: bytes, filename: str) -> Extracted:
    kind = kind_of(data, filename)
    if kind == "pdf":
        return _from_pdf(data, filename)
    if kind == "zip":
        return _from_docx(data, filename)
    if kind == "doc":
        raise Refused(
            filename,
            "Word-filer i det gamla formatet (.doc) kan inte läsas. Spara filen som .docx eller "
            "PDF och försök igen.",
        )
    return _from_text(decode(data, filename), filename)


# Plain text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, filename: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 as older Word saves it."""
    text: str | None = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
    else:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if text is None or len(_CONTROL.findall(text)) > max(2, len(text) // 1000):
        raise Refused(
            filename,
            "Teckenkodningen går inte att läsa. Spara texten som UTF-8 och försök igen.",
        )
    return text


def _from_text(text: str, filename: str) -> Extracted:
    pages = text.split("\f") if "\f" in text else _pages_by_number(text.splitlines())
    return _assemble(filename, "text", [p.splitlines() if isinstance(p, str) else p for p in pages])


PAGE_NUMBER = re.compile(
    r"\s*\b(?:Sida|sida|Page|page|Blad)\s*\d+\s*(?:\(\s*\d+\s*\)|(?:av|of|/)\s*\d+)?\s*$"
)
BARE_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*\(\d{1,3}\))?(?:\s*-)?\s*$")


def _pages_by_number(lines: list[str]) -> list[list[str]]:
    """Text from a PDF converter without form feeds: a "Sida 2 (6)" line starts a page."""
    pages: list[list[str]] = [[]]
    for text in lines:
        if PAGE_NUMBER.search(text) and pages[-1] and any(t.strip() for t in pages[-1]):
            pages.append([])
        pages[-1].append(text)
    return pages


# Word


def _from_docx(data: bytes, filename: str) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        check_zip(data, DOCX_LIMITS)
    except NotReadable as error:
        raise Refused(filename, "Word-dokumentet är skadat och kan inte läsas.") from error
    except UploadRefused as error:
        raise Refused(filename, " ".join(error.messages)) from error
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise Refused(filename, "filen är inte ett Word-dokument (.docx).")
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise Refused(filename, "Word-dokumentet är skadat och kan inte läsas.") from error
    header: list[str] = []
    footer: list[str] = []
    for section in document.sections:
        for part, into in ((section.header, header), (section.footer, footer)):
            for paragraph in part.paragraphs:
                if paragraph.text.strip() and paragraph.text not in into:
                    into.append(paragraph.text)
    body: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            body.extend(
                "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")).split("\n")
            )
        elif tag == "tbl":
            body.extend(_table_rows(block))
    numbered: list[Line] = []
    furniture: list[Line] = []
    number = 0
    for text in header:
        number += 1
        furniture.append(Line(number, text.strip(), 0))
    for text in body:
        number += 1
        numbered.append(Line(number, clean_line(text), 1))
    for text in footer:
        number += 1
        furniture.append(Line(number, text.strip(), 0))
    body_lines, more_furniture = _drop_marks(numbered)
    return Extracted(filename, "docx", body_lines, furniture + more_furniture)


def _table_rows(table: Any) -> list[str]:
    rows = []
    for row in table.iterchildren():
        if not row.tag.endswith("}tr"):
            continue
        cells: list[str] = []
        for cell in row.iterchildren():
            if not cell.tag.endswith("}tc"):
                continue
            texts = []
            for paragraph in cell.iterchildren():
                if paragraph.tag.endswith("}p"):
                    texts.append(
                        "".join(t.text or "" for t in paragraph.iter() if t.tag.endswith("}t"))
                    )
            text = " ".join(t.strip() for t in texts if t.strip())
            if not cells or cells[-1] != text:  # merged cells repeat their text
                cells.append(text)
        rows.append("\t".join(cells))
    return rows


# PDF


def _from_pdf(data: bytes, filename: str) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except (DependencyError, NotImplementedError):
                opened = False
            if not opened:
                raise Refused(
                    filename,
                    "PDF-filen är lösenordsskyddad. Spara en kopia utan lösenord och försök igen.",
                )
        if len(reader.pages) > PDF_MAX_PAGES:
            raise Refused(filename, f"PDF-filen har fler än {PDF_MAX_PAGES} sidor.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except Refused:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise Refused(filename, "PDF-filen är skadad och kan inte läsas.") from error
    letters = sum(len(re.findall(r"[A-Za-zÅÄÖåäö]", page)) for page in pages)
    if letters < MIN_LETTERS_PER_PAGE * max(1, len(pages)) // 2:
        raise Refused(
            filename,
            "PDF-filen har ingen text, bara bilder (inskannad?). Kör den genom textigenkänning "
            "(OCR) eller ladda upp originalet som Word eller PDF med text.",
        )
    return _assemble(filename, "pdf", [page.splitlines() for page in pages])


# Page furniture


INITIALS = re.compile(
    r"^(?:[*_]*[A-Za-zÅÄÖåäö]{1,3}[*_.]*\s+){0,4}[*_]*[A-Za-zÅÄÖåäö0-9]{1,3}[*_.]*$"
)
SIGNATURE_BOX = re.compile(
    r"^(?:Justerandes?|Justerares|Justerarnas|Ordförandes)\s+(?:signatur|sign\.?)|"
    r"^Utdragsbestyrkande\b|^Handwritten\b|^Signatures?\b.*(?:initials|ink)",
    re.IGNORECASE,
)
_SHORT_WORDS = {
    "att", "och", "ja", "nej", "amt", "nns", "af", "fk", "sfi", "bip", "it", "ab", "på", "om",
    "av", "en", "ett", "i", "de", "du", "vi", "är", "så",
}  # fmt: skip


def is_initials(text: str) -> bool:
    """The initials written beside a page's text ("mf *KE*", "AD K LK", "bjf KE.")."""
    stripped = text.strip()
    if not stripped or len(stripped) > 16 or "§" in stripped or not INITIALS.match(stripped):
        return False
    words = [w.strip("*_.").lower() for w in stripped.split()]
    # "tid", "upp": not initials but the end of a label a PDF broke over two lines.
    return not (
        len(words) == 1
        and (words[0] in _SHORT_WORDS or (len(words[0]) == 3 and stripped.islower()))
    )


def is_mark(text: str) -> bool:
    """A line that is never the protocol's text, wherever it stands on the page."""
    stripped = text.strip()
    return bool(
        SIGNATURE_BOX.search(stripped)
        or is_initials(stripped)
        or (stripped and PAGE_NUMBER.fullmatch(" " + stripped))
    )


def clean_line(text: str) -> str:
    """Undo what converters add: Markdown bold, list dashes, table rules, odd spaces."""
    text = text.replace("\u00a0", " ").replace("**", "").replace("\u200b", "")
    text = re.sub(r"^\s*[-•·▪]\s+", "", text)
    if (re.fullmatch(r"[\s\-–_=|]*", text) and "-" in text) or re.fullmatch(r"[\s_.]*", text):
        return ""
    return text.rstrip()


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().casefold()))


def _drop_marks(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    body: list[Line] = []
    furniture: list[Line] = []
    for line in lines:
        (furniture if line.text.strip() and is_mark(line.text) else body).append(line)
    return body, furniture


def _assemble(filename: str, kind: str, pages: list[list[str]]) -> Extracted:
    """Number every line, then set aside what repeats at the edges of most pages."""
    numbered: list[list[Line]] = []
    number = 0
    for page_number, page in enumerate(pages, start=1):
        rows = []
        for text in page:
            number += 1
            rows.append(Line(number, text.rstrip("\r"), page_number))
        numbered.append(rows)
    repeated: set[str] = set()
    if len(numbered) >= 2:
        seen: dict[str, int] = {}
        for rows in numbered:
            edge = {_key(line.text) for line in _edges(rows)}
            for key in edge:
                seen[key] = seen.get(key, 0) + 1
        needed = max(2, math.ceil(len(numbered) / 2))
        repeated = {key for key, count in seen.items() if count >= needed and key}
    body: list[Line] = []
    furniture: list[Line] = []
    for index, rows in enumerate(numbered):
        edges = {line.number for line in _edges(rows)}
        for line in rows:
            raw = line.text
            without_number = PAGE_NUMBER.sub("", raw) if PAGE_NUMBER.search(raw) else raw
            is_repeat = line.number in edges and _key(raw) in repeated
            # The first page keeps its heading lines: they hold the förbund and the date.
            keep_first = index == 0 and is_repeat and _is_top(line, rows)
            if raw.strip() and (is_mark(raw) or (is_repeat and not keep_first)):
                furniture.append(line)
                continue
            if without_number != raw:
                furniture.append(Line(line.number, raw.strip(), line.page))
                if not without_number.strip():
                    continue
            body.append(Line(line.number, clean_line(without_number), line.page))
    return Extracted(filename, kind, body, furniture)


# Text that repeats at page edges but is the protocol's own: a § heading, a decision.
_CONTENT = re.compile(
    r"^\s*(?:§|att\b|beslut|styrelsen|\d+\s*§|dnr|diarie|jäv|ärende|förslag)", re.IGNORECASE
)


def _edges(rows: list[Line]) -> list[Line]:
    filled = [line for line in rows if line.text.strip() and not _CONTENT.match(line.text)]
    return filled[:TOP_LINES] + filled[-BOTTOM_LINES:]


def _is_top(line: Line, rows: list[Line]) -> bool:
    filled = [row.number for row in rows if row.text.strip()]
    return line.number in filled[:TOP_LINES]
