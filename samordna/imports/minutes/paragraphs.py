"""Each §: number, title, Dnr, the Ärende text, the förslag till beslut and the beslut
(before or after the Ärende, as "att"-satser or as a sentence), who was jävig, the grants
it decides, and the meetings a sammanträdesplan sets."""

import datetime
import re

from samordna.imports.minutes import swedish
from samordna.imports.minutes.layout import Sections
from samordna.imports.minutes.model import Grant, Line, Paragraph, Parsed, PlannedMeeting, Recusal

CASE_NUMBER = re.compile(
    r"\(?\b(?:Dnr|DNR|dnr|Diarienr|Diarienummer|Diarie nr|Ärendenr)\.?\s*:?\s*"
    r"(?P<case>(?:[A-ZÅÄÖa-zåäö]{1,6}\s?)?\d{1,4}(?:[:/.-]\d{1,5}){1,2}|[A-ZÅÄÖ]{1,4}\s?\d{1,4})\)?"
)
PROPOSAL = re.compile(
    r"^(?:Förslag till beslut|Förslag till styrelsen|Förbundschefens förslag|"
    r"Ordförandens förslag|Beredningens förslag|Beredningsgruppens förslag|Kansliets förslag|"
    r"Föreslaget beslut|Förslag)\s*(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
DECISION = re.compile(
    r"^(?:(?:Styrelsens|Förbundsstyrelsens|Samordningsförbundets)\s+beslut|Beslut|"
    r"Beslutet blev|Beslutades)\s*(?::\s*(?P<rest>.*))?$|"
    r"^(?P<subject>(?:Styrelsen|Samordningsförbundet|Förbundsstyrelsen|Förbundet)\s+"
    r"(?:beslutar|beslutade|beslöt))\b\s*:?\s*(?P<rest2>.*)$",
    re.IGNORECASE,
)
MATTER = re.compile(
    r"^(?:Ärendet|Ärendebeskrivning|Ärende|Bakgrund|Sammanfattning(?: av ärendet)?|"
    r"Beskrivning av ärendet)\s*(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
JAV_LINE = re.compile(r"^Jäv\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
ATT = re.compile(r"^(?:[-•–]\s*)?att\b", re.IGNORECASE)
# A title broken over two lines ends on a word that cannot end it.
DANGLING = re.compile(r"\b(?:från|till|och|om|för|av|i|med|på|inför|samt|vid)\s*$", re.I)


def read_paragraphs(parsed: Parsed, sections: Sections) -> None:
    starts = sections.starts
    for position, (index, number, rest) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else sections.end
        head = sections.lines[index]
        paragraph = Paragraph(number=number, title="", line=head.number, first_line=head.number)
        body = list(sections.lines[index + 1 : stop])
        paragraph.last_line = body[-1].number if body else head.number
        _title(paragraph, rest, body)
        _body(paragraph, body)
        _recusals(paragraph, body)
        _grants(paragraph)
        parsed.paragraphs.append(paragraph)


def _case(text: str) -> tuple[str, str | None]:
    match = CASE_NUMBER.search(text)
    if not match:
        return text, None
    return swedish.clean_spaces(text[: match.start()] + " " + text[match.end() :]), match["case"]


def _title(paragraph: Paragraph, rest: str, body: list[Line]) -> None:
    title, case = _case(rest)
    title = title.strip(" \t")
    while body and not body[0].text.strip():
        body.pop(0)
    if not title and body:
        title, case2 = _case(body.pop(0).text.strip())
        case = case or case2
    elif title and body and DANGLING.search(title) and body[0].text.strip():
        title = f"{title} {body.pop(0).text.strip()}"
    for line in body[:4]:
        if case:
            break
        text, case = _case(line.text)
        if case:
            body[body.index(line)] = Line(line.number, text, line.page)
    # A heading ends without punctuation: "kontroll 2023," and "… i Sundsvall." are the
    # writer's (or the bold markup's) trailing marks, not part of the title.
    paragraph.title = swedish.clean_spaces(title).rstrip(" ,;:.")
    paragraph.case_number = case


def _body(paragraph: Paragraph, body: list[Line]) -> None:
    """Split the lines into Ärende, förslag and beslut by their headings."""
    state = "matter"
    parts: dict[str, list[list[str]]] = {"matter": [[]], "proposal": [[]]}
    decision: list[str] = []
    mode = ""  # "att" | "prose" while reading a decision
    blank = False
    found_marker = False
    for line in body:
        text = swedish.clean_spaces(line.text)
        if not text:
            blank = True
            if state in ("matter", "proposal") and parts[state][-1]:
                parts[state].append([])
            continue
        was_blank, blank = blank, False
        marker = DECISION.match(text)
        if marker:
            state, mode, found_marker = "decision", "", True
            rest = (marker["rest"] or marker["rest2"] or "").strip()
            if marker["subject"] and rest and not ATT.match(rest):
                rest = text
            if rest:
                mode = _add_clause(decision, rest, mode)
            continue
        marker = PROPOSAL.match(text)
        if marker and (marker["rest"] is not None or text.lower().startswith("förslag till")):
            state = "proposal"
            if marker["rest"]:
                parts["proposal"][-1].append(marker["rest"])
            continue
        marker = MATTER.match(text) or JAV_LINE.match(text)
        if marker and (marker["rest"] is not None or MATTER.match(text)):
            state = "matter"
            if parts["matter"][-1]:
                parts["matter"].append([])
            if marker["rest"]:
                parts["matter"][-1].append(text if JAV_LINE.match(text) else marker["rest"])
            continue
        if state == "decision":
            if was_blank and not ATT.match(text):
                # A sentence after a blank line takes up the Ärende again.
                state = "matter"
            else:
                mode = _add_clause(decision, text, mode, joined=not was_blank)
                continue
        parts[state][-1].append(text)
    if not found_marker:
        decision = _trailing_clauses(parts["matter"])
    paragraph.matter = _joined(parts["matter"])
    paragraph.proposal = _joined(parts["proposal"])
    paragraph.decision = [swedish.clean_spaces(c) for c in decision if c.strip()]


def _add_clause(decision: list[str], text: str, mode: str, joined: bool = False) -> str:
    if ATT.match(text):
        decision.append(re.sub(r"^[-•–]\s*", "", text))
        return "att"
    if decision and (mode == "att" or (mode == "prose" and joined)):
        decision[-1] = f"{decision[-1]} {text}"
        return mode
    decision.append(text)
    return "prose"


def _trailing_clauses(blocks: list[list[str]]) -> list[str]:
    """No heading: the "Att …" lines that end the § are its decision (Sundsvall § 137)."""
    clauses: list[str] = []
    while True:
        while blocks and not blocks[-1]:
            blocks.pop()
        if not blocks or not ATT.match(blocks[-1][-1]):
            return clauses
        clauses.insert(0, blocks[-1].pop())


def _joined(blocks: list[list[str]]) -> str:
    return "\n\n".join(" ".join(block) for block in blocks if block).strip()


# Jäv


RECUSAL = re.compile(
    r"(?:anmäl(?:er|de|t)\s+jäv|är jävig|var jävig|jäv\b|"
    r"delt(?:og|ar)\s+(?:inte|ej)\s+i\s+(?:beslutet|diskussionen|handläggningen|behandlingen|"
    r"överläggningen|ärendet|beslutsfattandet))",
    re.IGNORECASE,
)
SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def _recusals(paragraph: Paragraph, body: list[Line]) -> None:
    for line in body:
        text = JAV_LINE.sub(r"\g<rest>", line.text.strip())
        for sentence in SENTENCES.split(text):
            match = RECUSAL.search(sentence)
            if not match:
                continue
            kind = "discussion" if re.search(r"diskussion", sentence, re.I) else "decision"
            for name in swedish.names_in(sentence[: match.start()]):
                if name not in paragraph.recused:
                    paragraph.recusals.append(Recusal(name, kind, line.number))


# Grants


GRANT_VERB = re.compile(
    r"(?<!de )(?<!det )(?<!den )\b(?:bevilja|beviljar|beviljas|beviljades|beviljade|avsätta|"
    r"avsätter|avsätts|anslå|anslår|tilldela|tilldelar|bidra med|bidrar med)\b",
    re.IGNORECASE,
)
YEAR_AFTER = re.compile(
    r"\b(?:för|under|avseende|inför)\s+(?:år\s+|verksamhetsåret\s+|budgetåret\s+)?(20\d{2}|19\d{2})\b"
)


def _grants(paragraph: Paragraph) -> None:
    for clause in paragraph.decision:
        verb = GRANT_VERB.search(clause)
        if not verb or re.search(r"\bavslå", clause, re.I):
            continue
        text = re.sub(r"(\d{6}\s*[-–]\s*\d{2})\s(\d{4})\b", r"\1\2", clause)
        amounts = [m for m in swedish.AMOUNT.finditer(text) if m.start() > verb.start()]
        for position, match in enumerate(amounts):
            if re.search(
                r"\b(?:varav|av vilka|därav|inklusive|inkl\.?)\s*$", text[: match.start()]
            ):
                continue
            end = amounts[position + 1].start() if position + 1 < len(amounts) else len(text)
            value = swedish.amount_value(match)
            if not value:
                continue
            start, stop = _period(text[match.end() : end])
            paragraph.grants.append(Grant(value, start, stop, paragraph.line))
    _inherit_period(paragraph)


def _period(window: str) -> tuple[datetime.date | None, datetime.date | None]:
    dates = swedish.dates_in(window)
    if len(dates) >= 2 and re.search(r"period|[-–]|till|t\.o\.m", window, re.I):
        return dates[0][1], dates[1][1]
    year = YEAR_AFTER.search(window)
    if year:
        value = int(year[1])
        return datetime.date(value, 1, 1), datetime.date(value, 12, 31)
    return None, None


def _inherit_period(paragraph: Paragraph) -> None:
    """ "Att avsätta 30 000 kr för lokalkostnader" shares the period of the § 's grant."""
    periods = {(g.start, g.end) for g in paragraph.grants if g.start}
    if len(periods) != 1:
        years = swedish.title_years(paragraph.title)
        if len(years) != 1:
            return
        year = years.pop()
        periods = {(datetime.date(year, 1, 1), datetime.date(year, 12, 31))}
    start, end = periods.pop()
    for grant in paragraph.grants:
        if grant.start is None:
            grant.start, grant.end = start, end


# The meetings a sammanträdesplan sets


PLAN_TITLE = re.compile(
    r"sammanträdes(?:plan|tider|datum|dagar)|mötes(?:plan|tider|datum|planering|dagar)|"
    r"sammanträden\s+(?:20\d\d|under|hösten|våren)|nästa\s+(?:möte|sammanträde|styrelsemöte)|"
    r"styrelsemöten\s+(?:20\d\d|hösten|våren)|tider för",
    re.IGNORECASE,
)
ALL_AT = re.compile(r"\b(?:samtliga|alla)\b[^.]*?(?:kl\.?|klockan)", re.IGNORECASE)


def read_plans(parsed: Parsed, lines: list[Line]) -> None:
    if parsed.date is None:
        return
    for paragraph in parsed.paragraphs:
        if not PLAN_TITLE.search(paragraph.title):
            continue
        body = [ln for ln in lines if paragraph.first_line < ln.number <= paragraph.last_line]
        years = swedish.YEAR.findall(paragraph.title) or [
            y for ln in body for y in swedish.YEAR.findall(ln.text)
        ]
        year = int(years[0]) if years else parsed.date.year
        # One text for the §: a PDF breaks "kl. 08.30–" and "11.00" onto two lines.
        joined = Line(paragraph.line, " ".join(ln.text.strip() for ln in body if ln.text.strip()))
        common = _common_time(body) or _common_time([joined])
        _plan_line(parsed, joined, year, common)
    seen: dict[datetime.date, PlannedMeeting] = {}
    for meeting in parsed.planned_meetings:
        kept = seen.get(meeting.date)
        if kept is None or (kept.start_time is None and meeting.start_time):
            seen[meeting.date] = meeting
    parsed.planned_meetings = sorted(seen.values(), key=lambda m: m.date)


def _common_time(body: list[Line]) -> tuple[datetime.time, datetime.time] | None:
    for line in body:
        text = line.text
        dates = swedish.dates_in(text, default_year=2000)
        span = swedish.time_range(text, need_clock_word=True)
        if span and (not dates or ALL_AT.search(text)):
            return span
    return None


def _plan_line(
    parsed: Parsed,
    line: Line,
    year: int,
    common: tuple[datetime.time, datetime.time] | None,
) -> None:
    assert parsed.date is not None
    text = line.text
    dates = swedish.dates_in(text, default_year=year)
    for position, (offset, day) in enumerate(dates):
        if re.match(r"\d{4}\s*[-–]\s*\d{4}", text[offset:]):
            continue
        end = dates[position + 1][0] if position + 1 < len(dates) else len(text)
        segment = text[offset:end]
        span = swedish.time_range(segment, need_clock_word=True) or swedish.time_range(
            re.sub(r"^\d{4}-\d{2}-\d{2}", "", segment)
        )
        if not span:
            span = common
        if day <= parsed.date and not re.search(r"\b\d{4}\b", text[offset : offset + 20]):
            day = swedish.make_date(day.year + 1, day.month, day.day) or day
        if day <= parsed.date:
            continue
        parsed.planned_meetings.append(
            PlannedMeeting(day, span[0] if span else None, span[1] if span else None, line.number)
        )
