"""How Swedish protocols write dates, times, amounts, names and organisations.

Pure functions on strings; the layout rules in the other modules of this package use them.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DASH = r"[-–—]"

ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# 221101 as Sundsvall writes it: six digits standing alone.
SHORT_DATE = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})(?!\d)")
WORD_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?::e|:a)?\s+({_MONTH})\.?(?:\s+(\d{{4}}))?(?!\w)", re.IGNORECASE
)
TIME_RANGE = re.compile(
    rf"(?:\b(?:kl|klockan)\.?\s*)?(?<![\d-])(\d{{1,2}})(?:[.:](\d{{2}}))?\s*{DASH}\s*"
    rf"(?:kl\.?\s*)?(\d{{1,2}})(?:[.:](\d{{2}}))?(?![\d-])"
)
CLOCK = re.compile(r"\b(?:kl|klockan)\.?\s*(\d{1,2})[.:](\d{2})\b")
YEAR = re.compile(r"(?<![\d-])(20\d{2}|19\d{2})(?![\d-])")

PARTY = re.compile(
    r"\s*,?\s*\((?:S|M|C|V|L|KD|MP|SD|FP|NS|NV|PP|SPI|S/MP|[a-zåäö]{1,3})\)", re.IGNORECASE
)
_NAME_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéèüáíóúëïçøæñ'’]+(?:-[A-ZÅÄÖ][a-zåäöéèü]+)?"
_PARTICLE = r"(?:af|von|van|de|der|la|di|da|bin)"
NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{1,3}}")

# Words that start a capitalised phrase that is not a person.
NOT_NAME_WORDS = {
    "arbetsförmedlingen",
    "försäkringskassan",
    "region",
    "regionen",
    "kommun",
    "kommunen",
    "samordningsförbundet",
    "samordningsförbund",
    "styrelsen",
    "ordförande",
    "ordföranden",
    "förbundschef",
    "förbundschefen",
    "sekreterare",
    "justerare",
    "justerande",
    "protokollet",
    "bilaga",
    "dnr",
    "att",
    "och",
    "det",
    "den",
    "de",
    "vi",
    "från",
    "för",
    "med",
    "till",
    "inga",
    "ingen",
    "mötet",
    "sammanträdet",
    "beslut",
    "information",
    "ansökan",
    "övriga",
    "närvarande",
    "ersättare",
    "ledamot",
    "ledamöter",
    "vice",
    "utvecklingsledare",
    "insatsen",
    "projektet",
    "verksamhetsplan",
    "budget",
    "generaldirektören",
    "kansliet",
    "digital",
    "digitalt",
    "fre",
    "tjänstgörande",
    "enligt",
    "uppdrag",
    "sida",
    "dag",
    "plats",
    "tid",
    "datum",
    "anslag",
    "anslaget",
    "justeringen",
    "paragrafer",
    "godkännande",
    "val",
    "finsam",
    "nns",
    "stad",
    "landstinget",
    "statens",
}
ORG = re.compile(
    r"\bkommuns?\b|\bstad\b|^Region\b|\bregionen\b|\blandsting|Försäkringskassan|"
    r"Arbetsförmedlingen|\bFK\b|\bAF\b|förvaltning|[Ss]amordningsförbund|\bNNS\b",
)
REMOTE = re.compile(
    r"\b(digital närvaro|på distans|distansnärvaro|digitalt|via (?:Teams|länk))", re.I
)


def clean_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def make_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def century(two_digits: int) -> int:
    return 2000 + two_digits if two_digits < 70 else 1900 + two_digits


def dates_in(text: str, *, default_year: int | None = None) -> list[tuple[int, datetime.date]]:
    """Every date in `text` with its position: 2023-11-24, 231124 and "24 november 2023"
    ("24 november" takes `default_year`)."""
    found: list[tuple[int, datetime.date]] = []
    taken: list[tuple[int, int]] = []
    for match in ISO_DATE.finditer(text):
        day = make_date(int(match[1]), int(match[2]), int(match[3]))
        if day:
            found.append((match.start(), day))
            taken.append(match.span())
    for match in WORD_DATE.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        year = int(match[3]) if match[3] else default_year
        if year is None:
            continue
        day = make_date(year, MONTHS[match[2].lower()], int(match[1]))
        if day:
            found.append((match.start(), day))
            taken.append(match.span())
    for match in SHORT_DATE.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        day = make_date(century(int(match[1])), int(match[2]), int(match[3]))
        if day:
            found.append((match.start(), day))
    return sorted(found, key=lambda item: item[0])


def first_date(text: str, *, default_year: int | None = None) -> datetime.date | None:
    found = dates_in(text, default_year=default_year)
    return found[0][1] if found else None


def _clock(hours: str, minutes: str | None) -> datetime.time | None:
    hour, minute = int(hours), int(minutes or 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


def time_range(
    text: str, *, need_clock_word: bool = False
) -> tuple[datetime.time, datetime.time] | None:
    """The first "kl. 09.00–11.40", "09:30 – 12:15" or "kl. 9-12" in `text`.

    Bare hours ("9-12") count only after "kl."; bare ranges of minutes need both parts.
    """
    for match in TIME_RANGE.finditer(text):
        has_clock_word = match.group(0).lstrip().lower().startswith("kl")
        if need_clock_word and not has_clock_word:
            continue
        if not has_clock_word and (match[2] is None or match[4] is None):
            continue
        start, end = _clock(match[1], match[2]), _clock(match[3], match[4])
        if start and end and end > start:
            return start, end
    return None


AMOUNT = re.compile(
    r"(?<![\d,.])(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,(\d+))?\s*"
    r"(kr\b|kronor|sek\b|tkr|tusen kronor|mnkr|mkr|miljoner kronor|miljoner kr|milj\.? kr)",
    re.IGNORECASE,
)
_SCALE = {"tkr": 1000, "tusen kronor": 1000, "mnkr": 10**6, "mkr": 10**6}


def amount_value(match: re.Match[str]) -> int | None:
    """Whole kronor of an AMOUNT match ("1 250 000 kronor", "450 tkr", "1,2 mnkr")."""
    digits = re.sub(r"[ \u00a0.]", "", match[1])
    try:
        value = Decimal(digits + ("." + match[2] if match[2] else ""))
    except InvalidOperation:
        return None
    unit = match[3].lower()
    scale = _SCALE.get(unit, 10**6 if unit.startswith(("miljon", "milj")) else 1)
    return int(value * scale)


def strip_party(text: str) -> str:
    return clean_spaces(PARTY.sub("", text))


def is_person_name(text: str) -> bool:
    """Two to four capitalised words that are not an organisation or a heading."""
    text = strip_party(text).strip(" .,:;")
    if not text or len(text) > 60 or ORG.search(text):
        return False
    if not NAME.fullmatch(text):
        return False
    words = [w.lower() for w in re.split(r"[\s-]+", text)]
    return not any(word in NOT_NAME_WORDS for word in words)


def names_in(text: str) -> list[str]:
    """The person names in a phrase such as "Sara Holmgren (C) och Kalle Nyström"."""
    text = strip_party(text)
    names = []
    for match in NAME.finditer(text):
        candidate = match.group(0)
        # "Ordförande Christina Nordenö": drop leading title words.
        words = candidate.split()
        while len(words) > 2 and words[0].lower() in NOT_NAME_WORDS:
            words = words[1:]
        candidate = " ".join(words)
        if is_person_name(candidate):
            names.append(candidate)
    return names


def looks_like_org(text: str) -> bool:
    return bool(ORG.search(text))


def normalise_name(name: str) -> str:
    """For comparing names: case, diacritics other than å ä ö, spaces."""
    folded = clean_spaces(strip_party(name)).casefold()
    return folded.translate(str.maketrans("éèëáàíóúüñ", "eeeaaiouyn"))


TITLE_YEARS = re.compile(r"\b(?:inför|för)\s+((?:20\d{2})(?:\s*(?:och|,|[-–])\s*20\d{2})*)\b")


def title_years(title: str) -> set[int]:
    """The years a title says it is for: "inför 2023 och 2024" -> {2023, 2024}."""
    return {int(y) for match in TITLE_YEARS.finditer(title) for y in YEAR.findall(match[1])}
