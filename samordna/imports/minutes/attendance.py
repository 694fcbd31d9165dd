"""The roll call as the protocol lists it: ledamöter, tjänstgörande and other ersättare,
others present and the absent, each with the member they come from, whom they serve for,
and the §§ they were there for; and arrivals, departures and presenters named in the §§."""

import re
from dataclasses import dataclass

from samordna.imports.minutes import swedish
from samordna.imports.minutes.layout import cells_of
from samordna.imports.minutes.model import Attendee, Line, Paragraph, Parsed


@dataclass(frozen=True)
class Kind:
    role: str  # member | substitute | other | "" (from each entry)
    present: bool = True
    serving: bool = False


SECTIONS: list[tuple[re.Pattern[str], Kind]] = [
    (re.compile(p, re.IGNORECASE), kind)
    for p, kind in [
        (r"tjänstgörande ersättare(?:r)?", Kind("substitute", serving=True)),
        (
            r"(?:ej|icke|inte) tjänstgörande(?: ersättare)?|närvarande ersättare|ersättare",
            Kind("substitute"),
        ),
        (
            r"närvarande ordinarie ledamöter|närvarande ledamöter|ordinarie ledamöter|"
            r"beslutande ledamöter|beslutande|ledamöter|närvarande \(beslutande\)",
            Kind("member"),
        ),
        (
            r"övriga närvarande|övriga deltagare|övriga|adjungerade|adjungerad|"
            r"närvarande tjänstemän|tjänstemän|gäster|sekretariatet|inbjudna",
            Kind("other"),
        ),
        (
            r"frånvarande ledamöter|frånvarande ersättare|frånvarande|anmält förhinder|förhinder",
            Kind("", present=False),
        ),
        (r"närvarande", Kind("")),
    ]
]
STOP = re.compile(
    r"^(?:Utses|Justera|Justering|Underskrift|Protokollet|Paragraf|Sekreterare|Ordförande\s*$|"
    r"Plats|Tid\b|Datum|Sammanträdes|Protokollförare|Bevis|Anslag|Mötets|Mötet|Val av|"
    r"Godkännande|Fastställande|Dagordning|Vid protokollet|Omfattning|Organ\b|§)",
    re.IGNORECASE,
)
NOTE = re.compile(
    r"\b(?:avvek|avviker|deltog|deltar|lämna\w*|anlän\w*|ankom\w*|anslöt|ansluter|närvar\w*|"
    r"distans|digital\w*|tjänstgör\w*|ersätter)\b|§",
    re.IGNORECASE,
)
RANGE = re.compile(r"§§?\s*(\d{1,4})\s*(?:[-–]\s*(\d{1,4}))?")
FROM = re.compile(r"\b(?:från|fr\.\s?o\.\s?m\.?|from|från och med)\s*§\s*(\d{1,4})", re.I)
UNTIL = re.compile(r"\b(?:t\.\s?o\.\s?m\.?|tom|till och med|till)\s*§\s*(\d{1,4})", re.I)
NOT_AT = re.compile(r"\b(?:ej|inte)\b[^§]*§\s*(\d{1,4})", re.I)
SERVES = re.compile(
    r"(?:tjänstgör\w*\s+)?(?:ersättare\s+)?(?:för|ersätter|i stället för|istället för)\s+"
    r"(?P<name>[A-ZÅÄÖ][\wåäöéü'-]+(?:\s+[A-ZÅÄÖ][\wåäöéü'-]+){1,3})",
)
ROLE_WORDS = re.compile(
    r"^(?:ordförande|vice ordförande|2:e vice ordförande|ledamot|ordinarie(?: ledamot)?|"
    r"ersättare|tjänstgörande ersättare|ej tjänstgörande ersättare)$",
    re.IGNORECASE,
)


def section_kind(text: str) -> tuple[Kind, str] | None:
    """The kind of a section heading and what follows it on the line, if it is one."""
    for pattern, kind in SECTIONS:
        match = re.match(
            rf"^(?:{pattern.pattern})\s*(?::|$|\t|\s{{2,}})\s*(?P<rest>.*)$", text, re.I
        )
        if match:
            return kind, match["rest"].strip()
        # "Beslutande Maria Sjöberg (S), …": table cells a PDF set one space apart.
        match = re.match(rf"^(?:{pattern.pattern})\s(?P<rest>.+)$", text, re.I)
        first = re.split(r"[,;(]", match["rest"])[0] if match else ""
        if match and swedish.is_person_name(swedish.strip_party(first)):
            return kind, match["rest"].strip()
    return None


@dataclass
class _Entry:
    name: str
    line: Line
    parts: list[str]


def read_attendance(parsed: Parsed, front: list[Line]) -> None:
    """The roll call from the lines before the first §."""
    index = 0
    while index < len(front):
        line = front[index]
        found = section_kind(line.text.strip())
        if not found:
            index += 1
            continue
        kind, rest = found
        block: list[Line] = []
        index += 1
        if rest:
            block.append(Line(line.number, rest, line.page))
            while index < len(front) and _continues(front[index].text):
                block.append(front[index])
                index += 1
        else:
            while index < len(front):
                text = front[index].text.strip()
                if text and (STOP.match(text) or section_kind(text)):
                    break
                block.append(front[index])
                index += 1
        for entry in _entries(block):
            _add(parsed, kind, entry)
    _absent_served(parsed)


def _continues(text: str) -> bool:
    text = text.strip()
    if not text:
        return False
    if STOP.match(text) or section_kind(text):
        return False
    first = re.split(r"[,;\t(]|\s{3,}", text)[0].strip()
    return swedish.is_person_name(first) or bool(NOTE.search(text))


def _entries(block: list[Line]) -> list[_Entry]:
    """Entries of one section: one per line, several per line ("A; B" or "A, B"), a
    column of names followed by a column of what they represent, or a table."""
    rows = [(line, cells_of(line)) for line in block if line.text.strip()]
    header = next((cells for _, cells in rows if cells and cells[0].lower() == "namn"), None)
    if rows and all(len(cells) == 1 for _, cells in rows):
        flat = _columns([(line, cells[0]) for line, cells in rows])
        if flat is not None:
            return flat
    entries: list[_Entry] = []
    for line, cells in rows:
        if header and cells == header:
            continue
        if header:
            entries.append(_Entry(swedish.strip_party(cells[0]), line, cells[1:]))
            continue
        for segment in re.split(r";", " , ".join(cells)):
            parts = [p.strip() for p in re.split(r",(?![^(]*\))", segment) if p.strip()]
            if not parts:
                continue
            name, extra = split_name(parts[0])
            if not swedish.is_person_name(name):
                if entries:  # a note under the entry above ("Avvek kl. 12.00 …")
                    entries[-1].parts.extend(parts)
                continue
            entry = _Entry(name, line, extra)
            entries.append(entry)
            for part in parts[1:]:
                other, extra = split_name(part)
                if swedish.is_person_name(other) and not SERVES.search(part):
                    entry = _Entry(other, line, extra)
                    entries.append(entry)
                else:
                    entry.parts.append(part)
    return entries


def split_name(text: str) -> tuple[str, list[str]]:
    """ "Gunilla Ek (ordförande)" -> ("Gunilla Ek", ["ordförande"]); party labels go."""
    text = swedish.strip_party(text)
    extra = re.findall(r"\(([^)]*)\)", text)
    return swedish.clean_spaces(re.sub(r"\([^)]*\)", "", text)), extra


def _columns(cells: list[tuple[Line, str]]) -> list[_Entry] | None:
    """Names first, then as many lines of organisations or roles (a two-column layout
    read column by column)."""
    names = []
    for line, text in cells:
        if not swedish.is_person_name(swedish.strip_party(text)):
            break
        names.append((line, text))
    rest = cells[len(names) :]
    if not names or not rest or len(rest) > len(names):
        return None
    if any(swedish.is_person_name(text) for _, text in rest):
        return None
    entries = [_Entry(swedish.strip_party(text), line, []) for line, text in names]
    for entry, (_, text) in zip(entries, rest, strict=False):
        entry.parts.append(text)
    return entries


def _add(parsed: Parsed, kind: Kind, entry: _Entry) -> None:
    role, present, serving = kind.role, kind.present, kind.serving
    attendee = Attendee(
        name=entry.name, role=role or "member", present=present, line=entry.line.number
    )
    descriptions: list[str] = []
    for part in entry.parts:
        for piece in re.split(r",\s*(?![^(]*\))", part):
            piece = piece.strip().rstrip(".")
            marked = re.search(r"\((?:\w+\s)?(ersättare|ledamot|ordförande)\)", piece, re.I)
            if marked:
                if marked[1].lower() == "ersättare":
                    attendee.role = "substitute"
                piece = swedish.clean_spaces(piece.replace(marked[0], ""))
            if not piece:
                continue
            serves = SERVES.search(piece)
            if serves and re.search(r"tjänstgör|ersätt|ställe", piece, re.I):
                attendee.serves_for = swedish.strip_party(serves["name"])
                attendee.role, serving = "substitute", True
                continue
            if re.fullmatch(r"\(?\s*ersättare\s*\)?", piece, re.I) or re.match(
                r"ersättare\b", piece, re.I
            ):
                attendee.role = "substitute"
                if re.search(r"tjänstgör", piece, re.I):
                    serving = True
                continue
            if ROLE_WORDS.match(piece.strip("()")):
                if not role:
                    attendee.role = "substitute" if "ersättare" in piece.lower() else "member"
                continue
            if swedish.REMOTE.search(piece):
                attendee.remote = True
                piece = swedish.REMOTE.sub("", piece).strip(" ,.")
                if not piece:
                    continue
            if _range(attendee, piece):
                piece = RANGE.sub("", piece).strip(" ,.")
                piece = re.sub(
                    r"\b(?:från|fr\.?o\.?m\.?|t\.?o\.?m\.?|till och med|till)\s*$", "", piece
                ).strip()
                if not piece or NOTE.search(piece):
                    continue
            if swedish.looks_like_org(piece) and attendee.organisation is None:
                attendee.organisation = piece
                descriptions.append(piece)
                continue
            descriptions.append(piece.strip("()"))
    attendee.description = ", ".join(descriptions) or None
    attendee.voting = attendee.present and (attendee.role == "member" or serving)
    if attendee.role == "other":
        attendee.voting = False
    if any(_same(a.name, attendee.name) for a in parsed.attendance):
        return
    parsed.attendance.append(attendee)


def _range(attendee: Attendee, text: str) -> bool:
    """§ ranges beside a name: "§ 120 - 124", "från § 4", "deltog ej vid §125-138"."""
    not_at = NOT_AT.search(text)
    if not_at:
        first = int(not_at[1])
        attendee.until_paragraph = first - 1
        return True
    found = False
    start = FROM.search(text)
    if start:
        attendee.from_paragraph = int(start[1])
        found = True
    end = UNTIL.search(text)
    if end:
        attendee.until_paragraph = int(end[1])
        found = True
    if not found:
        span = RANGE.search(text)
        if span:
            attendee.from_paragraph = int(span[1])
            attendee.until_paragraph = int(span[2] or span[1])
            found = True
    return found


def _same(a: str, b: str) -> bool:
    return swedish.normalise_name(a) == swedish.normalise_name(b)


def _absent_served(parsed: Parsed) -> None:
    """A ledamot served for by an ersättare was absent, though the list may not name them."""
    for attendee in list(parsed.attendance):
        if attendee.serves_for and not any(
            _same(a.name, attendee.serves_for) for a in parsed.attendance
        ):
            parsed.attendance.append(
                Attendee(
                    name=attendee.serves_for,
                    role="member",
                    present=False,
                    voting=False,
                    line=attendee.line,
                )
            )
        elif attendee.serves_for:
            for other in parsed.attendance:
                if _same(other.name, attendee.serves_for):
                    other.role = "member"
                    other.voting = other.voting and other.present


# What the §§ say about comings and goings


ARRIVES = re.compile(
    r"\b(?:anländer|anlände|ankommer|ankom|ansluter|anslöt|kommer till mötet)\b", re.I
)
LEAVES = re.compile(r"\b(?:lämnar|lämnade|avviker|avvek|går från)\b", re.I)
PRESENTS = re.compile(
    r"\b(?:gör|ger|håller)\s+en\s+(?:kort\s+)?(?:muntlig\s+)?(?:dragnings?|redovisning|"
    r"presentation|slutrapport|delrapport|rapport|information)\b|"
    r"\bär inbjud(?:en|na)\b|\bpresenterar\b|\bföredrar\b",
    re.IGNORECASE,
)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def read_comings_and_goings(parsed: Parsed) -> None:
    for paragraph in parsed.paragraphs:
        text = f"{paragraph.title.rstrip('.')}. {paragraph.matter}"
        for sentence in SENTENCE.split(text):
            _moves(parsed, sentence)
            _presenters(parsed, paragraph, sentence)


def _find(parsed: Parsed, name: str) -> Attendee | None:
    return next((a for a in parsed.attendance if _same(a.name, name)), None)


def _moves(parsed: Parsed, sentence: str) -> None:
    numbers = [int(n) for n in re.findall(r"§\s*(\d{1,4})", sentence)]
    if not numbers:
        return
    arrives, leaves = ARRIVES.search(sentence), LEAVES.search(sentence)
    if not (arrives or leaves):
        return
    for name in swedish.names_in(sentence[: (arrives or leaves).start()]):  # type: ignore[union-attr]
        attendee = _find(parsed, name)
        if attendee is None:
            continue
        if arrives:
            attendee.from_paragraph = numbers[-1]
        else:
            before = re.search(r"\b(?:under|vid|före|inför)\s+§", sentence)
            attendee.until_paragraph = numbers[0] - 1 if before else numbers[0]


def _presenters(parsed: Parsed, paragraph: Paragraph, sentence: str) -> None:
    match = PRESENTS.search(sentence)
    if not match:
        return
    subject = sentence[: match.start()]
    names = [
        n
        for n in swedish.names_in(subject)
        if subject.strip().startswith(n.split()[0]) or " och " in subject
    ]
    if not names:
        return
    after = sentence[match.end() :]
    organisation = None
    source = re.search(r"\bfrån\s+([A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]*)*)", subject)
    owner = re.search(r"\bav\s+([A-ZÅÄÖ][\wåäö]*(?:\s+\w+)?)s\s+ansökan", after)
    insats = re.search(r"\bav\s+(insatsen\s+[A-ZÅÄÖ][^.,]*)", after)
    if source:
        organisation = source[1]
    elif owner:
        organisation = owner[1]
    elif insats:
        organisation = insats[1].strip()
    for name in names:
        attendee = _find(parsed, name)
        if attendee is None:
            parsed.attendance.append(
                Attendee(
                    name=name,
                    role="other",
                    present=True,
                    voting=False,
                    description=organisation,
                    from_paragraph=paragraph.number,
                    until_paragraph=paragraph.number,
                    line=paragraph.line,
                )
            )
        elif attendee.role == "other" and attendee.until_paragraph is not None:
            attendee.until_paragraph = max(attendee.until_paragraph, paragraph.number)
            attendee.from_paragraph = min(
                attendee.from_paragraph or paragraph.number, paragraph.number
            )
