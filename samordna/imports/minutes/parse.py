"""The parse of one protocol: layout first (header, §§, signatures), then each part."""

import re

from samordna.imports.extract import Extracted, Refused, extract
from samordna.imports.minutes import attendance, checks, front, paragraphs
from samordna.imports.minutes.layout import split
from samordna.imports.minutes.model import Line, Parsed

PROTOCOL_WORDS = re.compile(
    r"protokoll|sammanträde|styrelsemöte|justera|närvarande|beslutande", re.IGNORECASE
)


def parse_file(data: bytes, filename: str) -> Parsed:
    return parse(extract(data, filename))


def parse(extracted: Extracted) -> Parsed:
    lines = extracted.lines
    sections = split(lines)
    if not sections.starts or not PROTOCOL_WORDS.search(extracted.text[:20000]):
        raise Refused(
            extracted.filename,
            "filen ser inte ut som ett protokoll (inga paragrafer med §-nummer hittades).",
        )
    parsed = Parsed(filename=extracted.filename)
    pdf = extracted.kind == "pdf"
    front_lines = _unwrapped(sections.front) if pdf else sections.front
    meta = front_lines + (_unwrapped(sections.closing) if pdf else sections.closing)
    front.read_front(parsed, meta, extracted.furniture)
    attendance.read_attendance(parsed, front_lines)
    paragraphs.read_paragraphs(parsed, sections)
    _adjusters_chosen(parsed, meta)
    attendance.read_comings_and_goings(parsed)
    paragraphs.read_plans(parsed, lines)
    checks.check(parsed, extracted.furniture)
    return parsed


CHOSEN = re.compile(r"\bjustera\b|\butses\b.*\bjustera|\bjusterare\b", re.IGNORECASE)


def _adjusters_chosen(parsed: Parsed, meta: list[Line]) -> None:
    """ "Att utse Lina Kempe att jämte ordförande justera dagens protokoll" (a § or an
    unnumbered opening item) names the justerare when no signature block does."""
    texts = [(line.text, line.number) for line in meta]
    for paragraph in parsed.paragraphs:
        if re.search(r"justerare|justering", paragraph.title, re.I):
            texts += [(t, paragraph.line) for t in [paragraph.matter, *paragraph.decision]]
    chair = checks.fold(parsed.chair or "")
    for text, number in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if not re.search(r"\bjustera\b", sentence, re.I) or not re.search(
                r"\b(?:utse|utses|utsågs|väljer|valdes|väljs|vald|utsedd)\b", sentence, re.I
            ):
                continue
            for name in front.swedish.names_in(sentence):
                if checks.fold(name) != chair and not any(
                    checks.fold(name) == checks.fold(a) for a in parsed.adjusters
                ):
                    parsed.adjusters.append(name)
                    parsed.sources.setdefault("adjusters", number)


def _unwrapped(lines: list[Line]) -> list[Line]:
    """Join a line that a PDF broke inside a list ("Bengt Sjöholm (vice" + "ordförande), …")."""
    joined: list[Line] = []
    for line in lines:
        text = line.text.strip()
        if joined and text:
            previous = joined[-1].text.rstrip()
            if previous and (
                previous.endswith((",", ";", "(", "–", "-"))
                or previous.count("(") > previous.count(")")
                or text[0].islower()
                or text[0] in ")("
            ):
                joined[-1] = Line(joined[-1].number, f"{previous} {text}", joined[-1].page)
                continue
        joined.append(line)
    return joined
