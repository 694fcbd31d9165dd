"""The layout of a protocol: where the §§ start, the header before them and the signatures
and anslag after them, and label–value pairs however they are set (same line, next line,
in a column beside the label)."""

import re
from dataclasses import dataclass

from samordna.imports.minutes.model import Line

PARAGRAPH_START = re.compile(
    r"^\s*§\s*(\d{1,4})(?!\d)(?!\s*[-–]\s*\d)(?:[.:]?(?:\s+(?P<rest>.*))?)?$"
)
# What opens the signatures and the anslag after the last § (Västra Dalen style).
CLOSING = re.compile(
    r"^\s*(?:Vid protokollet|Justeras\b|Underskrifter|Protokollet justerades|Justeringsdatum|"
    r"BEVIS OM ANSLAG|ANSLAG\s*/\s*BEVIS|Bevis\s*/\s*anslag|Anslag uppsatt|Anslaget uppsatt|"
    r"Förvaringsplats|Protokollförare|Sekreterare\s*$|Ordförande\s*$|Justerare\s*$|"
    r"Justerande\s*$)",
    re.IGNORECASE,
)
CELL_SPLIT = re.compile(r"\t+|\s{3,}")


@dataclass(frozen=True)
class Cell:
    line: Line
    index: int
    text: str


def cells_of(line: Line) -> list[str]:
    return [cell.strip() for cell in CELL_SPLIT.split(line.text.strip()) if cell.strip()]


def flat_cells(lines: list[Line]) -> list[Cell]:
    """Every cell of `lines` in reading order."""
    return [
        Cell(line, index, text)
        for line in lines
        if line.text.strip()
        for index, text in enumerate(cells_of(line))
    ]


@dataclass
class Sections:
    front: list[Line]
    starts: list[tuple[int, int, str]]  # (index in lines, § number, rest of the line)
    closing: list[Line]
    lines: list[Line]
    end: int  # index where the last § ends


def split(lines: list[Line]) -> Sections:
    starts = []
    for index, line in enumerate(lines):
        match = PARAGRAPH_START.match(line.text)
        if match:
            starts.append((index, int(match[1]), (match["rest"] or "").strip()))
    if not starts:
        return Sections(front=lines, starts=[], closing=[], lines=lines, end=len(lines))
    end = len(lines)
    for index in range(starts[-1][0] + 1, len(lines)):
        if CLOSING.match(lines[index].text):
            end = index
            break
    return Sections(
        front=lines[: starts[0][0]],
        starts=starts,
        closing=lines[end:],
        lines=lines,
        end=end,
    )


def labelled(
    cells: list[Cell], label: str, *, accept=None, lookahead: int = 3
) -> list[tuple[str, Line]]:
    """Values written beside `label` (a regular expression matched at the start of a cell):
    "Label: value", "Label value", or the label alone with the value in the next cells.

    `accept` filters candidate values (e.g. "holds a date"); every hit is returned in order.
    """
    pattern = re.compile(rf"^(?:{label})(?:\s*[:.]\s*|\s+|$)(?P<rest>.*)$", re.IGNORECASE)
    found = []
    for position, cell in enumerate(cells):
        match = pattern.match(cell.text)
        if not match:
            continue
        rest = match["rest"].strip(" .:_\u2026")
        if rest and (accept is None or accept(rest)):
            found.append((rest, cell.line))
            continue
        for following in cells[position + 1 : position + 1 + lookahead]:
            value = following.text.strip(" _\u2026")
            if not value or re.fullmatch(r"[._\s]+", value):
                continue
            if accept is None or accept(value):
                found.append((value, following.line))
                break
    return found
