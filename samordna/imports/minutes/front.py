"""The protocol's header and its end: förbund, date, time, place, the § range, who signs,
the justering, the anslag and where the minutes are kept."""

import datetime
import re

from samordna.imports.minutes import swedish
from samordna.imports.minutes.layout import Cell, flat_cells, labelled
from samordna.imports.minutes.model import Line, Parsed

ASSOCIATION = re.compile(
    r"\b(Samordningsförbundet|SAMORDNINGSFÖRBUNDET|Samordningsförbund)"
    r"(?P<name>(?:\s+(?:i|för|I|FÖR))?(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖéü.-]*|\s+[-–]\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]*)+)"
)
ASSOCIATION_LABELS = r"Avser sammanträde med|Organ|Styrelse\s*/\s*nämnd|Nämnd|Förbund"
DATE_LABELS = (
    r"Sammanträdesdatum|Mötesdatum|Sammanträdets datum|Datum(?=\s*:|\s*$|\s+\d)|Dag och tid|"
    r"Tid och plats|Plats och tid|Tid"
)
TIME_LABELS = r"Plats och tid|Tid och plats|Dag och tid|Tid|Klockan|Mötestid"
PLACE_LABELS = r"Plats och tid|Plats|Lokal|Mötesplats|Sammanträdesplats|Tid och plats"
RANGE_LABELS = (
    r"Protokollet omfattar|Paragrafer|Omfattning|§§|Protokollet innehåller paragraferna|"
    r"Protokollet innehåller"
)
ADJUSTMENT_LABELS = (
    r"Justeringsdatum|Justeringens plats och tid|Justeringens|Justerat den|Justeras den|"
    r"Datum för justering|Justeringsdag|Justering(?:en)? (?:skedde|sker)(?: den)?"
)
POSTED_LABELS = (
    r"Anslagsdatum|Anslaget uppsatt(?: den)?|Anslag uppsatt(?: den)?|"
    r"Datum för anslags uppsättande|Datum då anslaget sätts upp|Anslaget sattes upp(?: den)?|"
    r"Anslaget publicerat(?: den)?"
)
REMOVED_LABELS = (
    r"Anslaget tas ned(?: tidigast)?(?: den)?|Anslag nedtas(?: den)?|Anslaget nedtas(?: den)?|"
    r"Datum för anslags nedtagande|Datum då anslaget tas ned|Anslaget tas bort(?: den)?|"
    r"Anslag tas ned(?: den)?"
)
KEPT_LABELS = (
    r"Förvaringsplats för protokollet(?: är)?|Förvaringsplats|Protokollet förvaras(?: på| hos| i)?|"
    r"Förvaras"
)
CHAIR = r"Ordförande|Ordföranden|Mötesordförande"
ADJUSTER = (
    r"Justerare|Justerande|Utses att justera|Justerare och ordförande|Justeringsperson(?:er)?"
)
SECRETARY = r"Sekreterare|Protokollförare|Vid protokollet|Sekr\."
DIRECTOR = r"Förbundschef|Verkställande tjänsteman"
# "Protokollet justerades 2023-06-14", "anslogs på förbundets webbplats 2023-06-15".
ADJUSTED_SENTENCE = re.compile(r"\bjusterades\b|\bjusterat den\b|\bjusterat\s+\d", re.IGNORECASE)
POSTED_SENTENCE = re.compile(r"\banslogs\b|\banslaget (?:sattes|sätts) upp\b", re.IGNORECASE)
REMOVED_SENTENCE = re.compile(r"\banslaget tas (?:ned|bort)\b|\bnedtas\b", re.IGNORECASE)
KEPT_SENTENCE = re.compile(
    r"\bprotokollet finns (?:tillgängligt|att läsa)\b.*\bhos\b\s*(?P<rest>.*)$", re.I
)


def _has_date(text: str) -> bool:
    return swedish.first_date(text) is not None


def _first_date(values: list[tuple[str, Line]]) -> list[tuple[datetime.date, Line]]:
    found = []
    for value, line in values:
        day = swedish.first_date(value)
        if day:
            found.append((day, line))
    return found


def _tidy(value: str) -> str:
    return swedish.clean_spaces(value).strip(" ,.;:")


def read_front(parsed: Parsed, meta: list[Line], furniture: list[Line]) -> None:
    """Fill the header fields from the lines before the first § and after the last."""
    cells = flat_cells(meta)
    _association(parsed, cells, meta, furniture)
    _date_and_time(parsed, cells, meta, furniture)
    _place(parsed, cells)
    _range(parsed, cells)
    _dates_after(parsed, cells, meta)
    _kept_at(parsed, cells, meta)
    _signers(parsed, cells, meta)


def association_name(text: str) -> str | None:
    match = ASSOCIATION.search(text)
    if not match:
        return None
    name = (match[1] + match["name"]).strip()
    name = re.split(r"\s+(?:Protokoll|Sammanträdes|Styrelse)\b|\s+\d", name)[0]
    if name.isupper():
        name = " ".join(w if w.lower() in {"i", "för"} else w.capitalize() for w in name.split())
        name = re.sub(r"\b(I|För)\b", lambda m: m[1].lower(), name)
    return name.strip(" ,.-–")


def _association(
    parsed: Parsed, cells: list[Cell], meta: list[Line], furniture: list[Line]
) -> None:
    for value, line in labelled(cells, ASSOCIATION_LABELS, accept=association_name):
        parsed.association = association_name(value)
        parsed.sources["association"] = line.number
        return
    candidates = [(c.text, c.line) for c in cells] + [(f.text, f) for f in furniture]
    best: tuple[str, Line] | None = None
    for text, line in candidates:
        name = association_name(text)
        if name and (best is None or (best[0].isupper() and not name.isupper())):
            best = (name, line)
            if not text.isupper():
                break
    if best:
        parsed.association = best[0]
        parsed.sources["association"] = best[1].number


def _date_and_time(
    parsed: Parsed, cells: list[Cell], meta: list[Line], furniture: list[Line]
) -> None:
    dated = _first_date(labelled(cells, DATE_LABELS, accept=_has_date))
    if not dated:
        # "Protokoll från styrelsemöte 2023-11-24": the first date near the top.
        top = [line for line in meta[:25] if line.text.strip()][:12]
        dated = [(d, line) for line in top for _, d in swedish.dates_in(line.text)][:1]
    if not dated:
        dated = [(d, line) for line in furniture for _, d in swedish.dates_in(line.text)][:1]
    if dated:
        parsed.date, line = dated[0]
        parsed.sources["date"] = line.number
    for value, line in labelled(
        cells, TIME_LABELS, accept=lambda v: swedish.time_range(v) is not None
    ):
        span = swedish.time_range(value)
        if span:
            parsed.start_time, parsed.end_time = span
            parsed.sources["start_time"] = line.number
            return
    first_section = next((i for i, c in enumerate(cells) if _is_attendance_label(c.text)), 12)
    for cell in cells[: max(first_section, 6)]:
        span = swedish.time_range(cell.text)
        if span:
            parsed.start_time, parsed.end_time = span
            parsed.sources["start_time"] = cell.line.number
            return


def _is_attendance_label(text: str) -> bool:
    return bool(re.match(r"(Närvarande|Beslutande|Ledamöter|Ersättare|Övriga)", text, re.I))


def _place(parsed: Parsed, cells: list[Cell]) -> None:
    for value, line in labelled(cells, PLACE_LABELS):
        place = re.split(r",?\s*\b(?:kl\.?|klockan)\s*\d|,?\s*\d{1,2}[.:]\d{2}\s*[-–]", value)[0]
        place = re.sub(r"^(?:och tid|tid)\b\s*", "", place, flags=re.I)
        place = _tidy(place)
        if len(place) > 3 and not re.fullmatch(r"(?:och|tid|och tid)", place, re.I):
            parsed.place = place
            parsed.sources["place"] = line.number
            return


def _range(parsed: Parsed, cells: list[Cell]) -> None:
    numbers = re.compile(r"(\d{1,4})\s*[-–]\s*(\d{1,4})")
    for value, line in labelled(cells, RANGE_LABELS, accept=lambda v: bool(numbers.search(v))):
        match = numbers.search(value)
        if match:
            parsed.first_paragraph, parsed.last_paragraph = int(match[1]), int(match[2])
            parsed.sources["first_paragraph"] = line.number
            return


def _dates_after(parsed: Parsed, cells: list[Cell], meta: list[Line]) -> None:
    """Justering and anslag: labelled values first, then sentences that say them."""
    adjusted = _first_date(labelled(cells, ADJUSTMENT_LABELS, accept=_has_date))
    posted = _first_date(labelled(cells, POSTED_LABELS, accept=_has_date))
    removed = _first_date(labelled(cells, REMOVED_LABELS, accept=_has_date))
    for line in meta:
        for sentence in re.split(r"(?<=[.!?])\s+", line.text):
            # "justerades 2023-06-14 och anslogs … 2023-06-15": the date after each verb.
            for pattern, into in (
                (ADJUSTED_SENTENCE, adjusted),
                (POSTED_SENTENCE, posted),
                (REMOVED_SENTENCE, removed),
            ):
                match = pattern.search(sentence)
                day = swedish.first_date(sentence[match.start() :]) if match else None
                if day:
                    into.append((day, line))
    if adjusted:
        parsed.adjustment_date, line = adjusted[0]
        parsed.sources["adjustment_date"] = line.number
        differing = [(d, ln) for d, ln in adjusted if d != parsed.adjustment_date]
        for day, other in differing[:1]:
            parsed.problem(
                "adjustment_date",
                f"Justeringsdatumet skiljer sig: {parsed.adjustment_date:%Y-%m-%d} på rad "
                f"{line.number} men {day:%Y-%m-%d} på rad {other.number}.",
                other.number,
            )
    if posted:
        parsed.notice_posted, line = posted[0]
        parsed.sources["notice_posted"] = line.number
    if removed:
        parsed.notice_removed, line = removed[0]
        parsed.sources["notice_removed"] = line.number
    if (
        parsed.adjustment_date is None
        and parsed.notice_posted
        and any(
            re.search(
                r"justering\w*\s+(?:av .*)?har tillkännagivits|protokollet är justerat",
                ln.text,
                re.I,
            )
            for ln in meta
        )
    ):
        # The anslag certifies that the minutes were justerade; they say no other date.
        parsed.adjustment_date = parsed.notice_posted
        parsed.sources["adjustment_date"] = parsed.sources["notice_posted"]
        parsed.problem(
            "adjustment_date",
            "Justeringsdatum står inte i protokollet; anslagsdatumet "
            f"{parsed.notice_posted:%Y-%m-%d} har använts.",
            parsed.sources["notice_posted"],
        )


def _kept_at(parsed: Parsed, cells: list[Cell], meta: list[Line]) -> None:
    for value, line in labelled(cells, KEPT_LABELS):
        parsed.minutes_kept_at = _tidy(re.sub(r"^(?:är|på|hos|i)\s+", "", value))
        parsed.sources["minutes_kept_at"] = line.number
        return
    for position, line in enumerate(meta):
        match = KEPT_SENTENCE.search(line.text)
        if not match:
            continue
        rest = match["rest"].split("\t")[0].strip()
        if not rest:
            rest = next(
                (ln.text.split("\t")[0] for ln in meta[position + 1 :] if ln.text.strip()), ""
            )
        if rest:
            parsed.minutes_kept_at = _tidy(rest)
            parsed.sources["minutes_kept_at"] = line.number
            return


# Who signs


def _name_in(text: str) -> str | None:
    names = swedish.names_in(text.split(",")[0])
    return names[0] if names and text.strip().startswith(names[0].split()[0]) else None


def _neighbour(cells: list[Cell], position: int, step: int) -> str | None:
    """The name on the nearest line above (step -1) or below (+1) the label's line, past
    lines of dots: signature blocks put the name under the line or above the role."""
    own = cells[position].line.number
    index = position + step
    line_number: int | None = None
    while 0 <= index < len(cells):
        cell = cells[index]
        index += step
        if cell.line.number == own or re.fullmatch(r"[._\s\u2026-]+", cell.text):
            continue
        if re.fullmatch(r"(?:Namnförtydligande|Underskrift)\s*", cell.text, re.I):
            continue
        if line_number is None:
            line_number = cell.line.number
        if cell.line.number != line_number:
            return None
        name = _name_in(cell.text)
        if name:
            return name
    return None


ROLE_ALONE = re.compile(
    rf"^(?P<role>{CHAIR}|{ADJUSTER}|{SECRETARY}|{DIRECTOR})\s*[:.]?\s*[._\u2026\s]*$", re.IGNORECASE
)
ROLE_WITH_NAME = re.compile(
    rf"^(?P<role>{CHAIR}|{ADJUSTER}|{SECRETARY})\s*[:.]?\s+(?P<rest>.+)$", re.IGNORECASE
)
NAME_THEN_ROLE = re.compile(
    r"(?P<name>[A-ZÅÄÖ][\wåäöéü'-]+(?:\s+[A-ZÅÄÖ][\wåäöéü'-]+){1,3})\s*(?:\([A-ZÅÄÖa-zåäö/]{1,4}\)\s*)?"
    r"(?:,\s*|\(\s*)(?P<role>ordförande|ordföranden|justerare|justerande|sekreterare|"
    r"protokollförare)\b",
    re.IGNORECASE,
)


def _kind(role: str) -> str:
    role = role.lower()
    if re.match(CHAIR.lower(), role):
        return "chair"
    if re.match(ADJUSTER.lower(), role):
        return "adjuster"
    if re.match(DIRECTOR.lower(), role):
        return "director"
    return "secretary"


def _signers(parsed: Parsed, cells: list[Cell], meta: list[Line]) -> None:
    found: dict[str, list[tuple[str, int]]] = {"chair": [], "adjuster": [], "secretary": []}
    director: list[tuple[str, int]] = []
    alone: list[tuple[int, str]] = []
    for position, cell in enumerate(cells):
        text = cell.text
        match = ROLE_ALONE.match(text)
        if match:
            # "Utses att justera | Kalle Nyström", or a table row "Helena Sund | Ordförande".
            beside = [c for c in cells if c.line.number == cell.line.number and c is not cell]
            after = [c for c in beside if c.index > cell.index]
            before = [c for c in beside if c.index < cell.index]
            name = next((n for c in [*after[:1], *before[-1:]] if (n := _name_in(c.text))), None)
            if name:
                kind = _kind(match["role"])
                (director if kind == "director" else found[kind]).append((name, cell.line.number))
            else:
                alone.append((position, _kind(match["role"])))
            continue
        match = ROLE_WITH_NAME.match(text)
        if match and not re.match(
            r"(?:för|om|är|har|och|tackar|förklarar|hälsar)\b", match["rest"], re.I
        ):
            names = swedish.names_in(match["rest"])
            kind = _kind(match["role"])
            for name in names if kind == "adjuster" else names[:1]:
                found[kind].append((name, cell.line.number))
    if alone:
        above = sum(1 for position, _ in alone if _neighbour(cells, position, -1))
        below = sum(1 for position, _ in alone if _neighbour(cells, position, +1))
        step = -1 if above >= below else +1
        for position, kind in alone:
            name = _neighbour(cells, position, step)
            if not name:
                continue
            target = director if kind == "director" else found[kind]
            target.append((name, cells[position].line.number))
    for cell in cells:
        for match in NAME_THEN_ROLE.finditer(cell.text):
            names = swedish.names_in(match["name"])
            if names:
                found[_kind(match["role"])].append((names[-1], cell.line.number))
    if found["chair"]:
        parsed.chair, parsed.sources["chair"] = found["chair"][0]
    if found["secretary"]:
        parsed.secretary, parsed.sources["secretary"] = found["secretary"][0]
    elif director:
        # Härnösand–Timrå: the förbundschef signs as the one who kept the minutes.
        parsed.secretary, parsed.sources["secretary"] = director[0]
    chair = swedish.normalise_name(parsed.chair or "")
    for name, number in found["adjuster"]:
        if swedish.normalise_name(name) != chair and name not in parsed.adjusters:
            parsed.adjusters.append(name)
            parsed.sources.setdefault("adjusters", number)
