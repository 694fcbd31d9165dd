"""Swedish text helpers: sorting and amounts."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.db.models import F
from django.db.models.expressions import Expression
from django.db.models.functions import Collate, Lower
from django.utils.formats import date_format

# Swedish alphabetical order puts å, ä, ö after z (in that order); accented
# letters sort with their base letter, as in the Svenska Akademiens ordlista.
_FOLD = str.maketrans(
    {
        "é": "e",
        "è": "e",
        "ê": "e",
        "ë": "e",
        "á": "a",
        "à": "a",
        "â": "a",
        "í": "i",
        "ì": "i",
        "ï": "i",
        "ó": "o",
        "ò": "o",
        "ô": "o",
        "ú": "u",
        "ù": "u",
        "û": "u",
        "ü": "y",
        "ç": "c",
        "ñ": "n",
        "ø": "ö",
        "æ": "ä",
        "–": "-",
        "—": "-",
    }
)
_TAIL = {"å": "{", "ä": "|", "ö": "}"}  # the three code points after "z"


def swedish_key(text: str) -> str:
    """Key for sorting text the Swedish way: a < … < z < å < ä < ö, case-insensitive."""
    folded = text.casefold().translate(_FOLD)
    return "".join(_TAIL.get(ch, ch) for ch in folded)


def swedish_sorted(items, key=lambda item: str(item)):
    return sorted(items, key=lambda item: swedish_key(key(item)))


# PostgreSQL's ICU collation for Swedish (a < … < z < å < ä < ö, accents with their letter).
SWEDISH_COLLATION = "sv-x-icu"


def swedish_order(field: str) -> list[Expression]:
    """ORDER BY `field` the Swedish way in the database, so that a page of a long list is
    cut from the right order: PostgreSQL's ICU collation for Swedish. SQLite has none;
    there the order is by the lower-cased text (å, ä, ö still after z, though ä before å)
    and the caller puts one page's rows in the Swedish order with `swedish_key`."""
    if connection.vendor == "postgresql":
        return [Collate(F(field), SWEDISH_COLLATION)]
    return [Lower(F(field))]


def exact_swedish_order() -> bool:
    """Whether `swedish_order` is exact here, or a page's rows need `swedish_key` after."""
    return connection.vendor == "postgresql"


NBSP = "\u00a0"


def format_kronor(amount: int | Decimal | None) -> str:
    """1873000 -> '1 873 000 kr' (non-breaking spaces; whole kronor, rounded half up)."""
    if amount is None:
        return ""
    whole = int(Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    sign = "−" if whole < 0 else ""
    digits = f"{abs(whole):,}".replace(",", NBSP)
    return f"{sign}{digits}{NBSP}kr"


def format_percent(value: Decimal | None) -> str:
    """Decimal('12.50') -> '12,5 %'."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}".replace(".", ",")
    return f"{text}{NBSP}%"


def format_date(day: datetime.date | None) -> str:
    """date(2023, 11, 24) -> '24 november 2023'."""
    if day is None:
        return ""
    return date_format(day, "DATE_FORMAT")
