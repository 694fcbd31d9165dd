import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from stdnum.se import orgnr


def validate_organisation_number(value: str) -> None:
    """Swedish organisationsnummer with a valid check digit (Luhn)."""
    if not orgnr.is_valid(value):
        raise ValidationError(
            "Organisationsnumret %(value)s är inte giltigt. Skriv tio siffror, "
            "t.ex. 212000-2411, och kontrollera sista siffran.",
            params={"value": value},
            code="invalid_orgnr",
        )


def normalise_organisation_number(value: str) -> str:
    """'2120002411' -> '212000-2411'; other input is returned stripped for the validator."""
    compact = orgnr.compact(value or "")
    if len(compact) == 10 and compact.isdigit():
        return f"{compact[:6]}-{compact[6:]}"
    return (value or "").strip()


# Every date Samordna is given lies within these bounds: no samordningsförbund existed before
# the law of 2003 (in force 2004), and nothing is planned further than twenty years ahead.
# The bounds catch the years 0001 and 9999 that a date picker lets through.
EARLIEST_DATE = datetime.date(2000, 1, 1)
YEARS_AHEAD = 20


def latest_date() -> datetime.date:
    return datetime.date(timezone.localdate().year + YEARS_AHEAD, 12, 31)


def validate_sensible_date(value: datetime.date) -> None:
    """A date within Samordna's bounds (`EARLIEST_DATE` to twenty years ahead)."""
    if value is None:
        return
    day = value.date() if isinstance(value, datetime.datetime) else value
    latest = latest_date()
    if not EARLIEST_DATE <= day <= latest:
        raise ValidationError(
            "Datumet %(value)s är orimligt. Ange ett datum mellan %(earliest)s och %(latest)s.",
            params={
                "value": day.isoformat(),
                "earliest": EARLIEST_DATE.isoformat(),
                "latest": latest.isoformat(),
            },
            code="date_out_of_bounds",
        )
