"""Contradictions in the source, flagged and never smoothed over: each names its line.

`check_people` needs the förbund's register and is called by whoever has it (the preview
compares the parse with the board on the meeting's day).
"""

import datetime
import unicodedata
from collections.abc import Iterable

from samordna.imports.minutes import swedish
from samordna.imports.minutes.model import Line, Parsed, Problem

NOTICE_WEEKS = 3


def check(parsed: Parsed, furniture: list[Line]) -> None:
    _required(parsed)
    _header_dates(parsed, furniture)
    _numbers(parsed)
    _order_of_dates(parsed)
    _grant_years(parsed)


def _required(parsed: Parsed) -> None:
    if parsed.date is None:
        parsed.problem("date", "Sammanträdesdatum hittades inte.")
    if parsed.association is None:
        parsed.problem("association", "Förbundets namn hittades inte.")
    if not parsed.chair:
        parsed.problem("chair", "Ordförande hittades inte.")
    if not parsed.adjusters:
        parsed.problem("adjusters", "Justerare hittades inte.")


def _header_dates(parsed: Parsed, furniture: list[Line]) -> None:
    """A running head that gives another date than the protocol's own."""
    if parsed.date is None:
        return
    for line in furniture:
        for _, day in swedish.dates_in(line.text):
            if day != parsed.date:
                parsed.problem(
                    "date",
                    f"Sidhuvudet anger {day:%Y-%m-%d} men protokollet gäller "
                    f"{parsed.date:%Y-%m-%d}.",
                    line.number,
                )
                break


def _numbers(parsed: Parsed) -> None:
    seen: dict[int, int] = {}
    previous: int | None = None
    for paragraph in parsed.paragraphs:
        if paragraph.number in seen:
            parsed.problem(
                "paragraphs",
                f"§ {paragraph.number} förekommer två gånger (även på rad "
                f"{seen[paragraph.number]}).",
                paragraph.line,
            )
        elif previous is not None and paragraph.number != previous + 1:
            missing = (
                f"§ {previous + 1}–{paragraph.number - 1} saknas"
                if paragraph.number > previous + 2
                else f"§ {previous + 1} saknas"
            )
            if paragraph.number < previous:
                missing = f"§ {paragraph.number} kommer efter § {previous}"
            parsed.problem(
                "paragraphs", f"Paragraferna följer inte på varandra: {missing}.", paragraph.line
            )
        seen.setdefault(paragraph.number, paragraph.line)
        previous = paragraph.number
    if not parsed.paragraphs:
        return
    numbers = [p.number for p in parsed.paragraphs]
    first, last = min(numbers), max(numbers)
    if parsed.first_paragraph is None:
        parsed.first_paragraph, parsed.last_paragraph = first, last
    elif (parsed.first_paragraph, parsed.last_paragraph) != (first, last):
        parsed.problem(
            "first_paragraph",
            f"Protokollet säger § {parsed.first_paragraph}–{parsed.last_paragraph} men "
            f"innehåller § {first}–{last}.",
            parsed.sources.get("first_paragraph"),
        )


def _order_of_dates(parsed: Parsed) -> None:
    day, adjusted = parsed.date, parsed.adjustment_date
    posted, removed = parsed.notice_posted, parsed.notice_removed
    line = parsed.sources.get
    if day and adjusted and adjusted < day:
        parsed.problem(
            "adjustment_date",
            f"Protokollet justerades {adjusted:%Y-%m-%d}, före sammanträdet {day:%Y-%m-%d}.",
            line("adjustment_date"),
        )
    if adjusted and posted and posted < adjusted:
        parsed.problem(
            "notice_posted",
            f"Anslaget sattes upp {posted:%Y-%m-%d}, före justeringen {adjusted:%Y-%m-%d}.",
            line("notice_posted"),
        )
    if posted and removed:
        if removed <= posted:
            parsed.problem(
                "notice_removed",
                f"Anslaget tas ned {removed:%Y-%m-%d}, innan det sattes upp {posted:%Y-%m-%d}.",
                line("notice_removed"),
            )
        elif removed < posted + datetime.timedelta(weeks=NOTICE_WEEKS):
            parsed.problem(
                "notice_removed",
                f"Anslaget sitter uppe {(removed - posted).days} dagar, kortare än de tre "
                "veckor som tiden för laglighetsprövning kräver.",
                line("notice_removed"),
            )


def _grant_years(parsed: Parsed) -> None:
    """ "Ansökan … inför 2023" that grants money "för 2022"."""
    for paragraph in parsed.paragraphs:
        years = swedish.title_years(paragraph.title)
        for grant in paragraph.grants:
            if (
                years
                and grant.start
                and grant.start.year not in years
                and grant.end
                and grant.end.year not in years
            ):
                parsed.problem(
                    "paragraphs",
                    f"§ {paragraph.number} gäller {', '.join(map(str, sorted(years)))} men "
                    f"beviljar {grant.amount} kr för {grant.start:%Y-%m-%d}–{grant.end:%Y-%m-%d}.",
                    paragraph.line,
                )


def fold(name: str) -> str:
    """Case, diacritics (é, ü …) and spaces away; å, ä, ö kept as Swedish letters."""
    text = swedish.normalise_name(name)
    kept = {"å": "\0", "ä": "\1", "ö": "\2"}
    text = "".join(kept.get(ch, ch) for ch in text)
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return text.replace("\0", "å").replace("\1", "ä").replace("\2", "ö")


def _close(a: str, b: str) -> bool:
    """Equal, or one letter typed wrong, missing or extra (Petersson / Pettersson)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            edits += 1
            if edits > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
            continue
        i += 1
        j += 1
    return edits + (len(b) - j) <= 1


def check_people(
    parsed: Parsed, known: Iterable[str], *, register: str = "styrelsens register"
) -> list[Problem]:
    """Names in the protocol that are not among `known` (the board on the meeting's day):
    one problem each, naming the line the name was read from."""
    folded = [fold(name) for name in known]
    problems: list[Problem] = []
    seen: set[str] = set()

    def look(name: str | None, line: int | None, what: str) -> None:
        if not name or fold(name) in seen:
            return
        seen.add(fold(name))
        if not any(_close(fold(name), other) for other in folded):
            day = f" den {parsed.date:%Y-%m-%d}" if parsed.date else ""
            problems.append(Problem(what, f"{name} finns inte i {register}{day}.", line))

    for attendee in parsed.attendance:
        if attendee.role != "other":
            look(attendee.name, attendee.line, "attendance")
    look(parsed.chair, parsed.sources.get("chair"), "chair")
    for name in parsed.adjusters:
        look(name, parsed.sources.get("adjusters"), "adjusters")
    for paragraph in parsed.paragraphs:
        for recusal in paragraph.recusals:
            look(recusal.name, recusal.line, "paragraphs")
    return problems
