from django.core.exceptions import ValidationError
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
