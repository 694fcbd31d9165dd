"""An uploaded ledger file read once, under limits (`limits.LIMITS`), into the `Ledger` it
holds, and that Ledger kept as JSON on the import so that no page parses the file again."""

import datetime
from decimal import Decimal
from typing import Any

from samordna.core.uploads import UploadRefused, check_lines, check_size
from samordna.ledger.limits import LIMITS, SIE_LIMITS
from samordna.ledger.models import FileKind
from samordna.ledger.sie import Ledger, Problem, Transaction, parse_sie
from samordna.ledger.tabular import parse_csv, parse_xlsx


def parse_file(kind: str, data: bytes) -> Ledger:
    """The file's Ledger; raises UploadRefused (Swedish, naming the limit) over a limit."""
    check_size(data, LIMITS)
    if kind == FileKind.CSV:
        return parse_csv(data, LIMITS)
    if kind == FileKind.XLSX:
        return parse_xlsx(data, LIMITS)
    check_lines(data, SIE_LIMITS)
    return parse_sie(data)


def refused_ledger(kind: str, error: UploadRefused) -> Ledger:
    ledger = Ledger(kind=kind, encoding="")
    for message in error.messages:
        ledger.problem(None, message)
    return ledger


# As JSON


def _problems(items: list[Problem]) -> list[list[Any]]:
    return [[p.line, p.message] for p in items]


def to_json(ledger: Ledger) -> dict[str, Any]:
    return {
        "kind": ledger.kind,
        "encoding": ledger.encoding,
        "program": ledger.program,
        "generated": ledger.generated,
        "company": ledger.company,
        "organisation_number": ledger.organisation_number,
        "sie_type": ledger.sie_type,
        "years": {str(k): [a.isoformat(), b.isoformat()] for k, (a, b) in ledger.years.items()},
        "year_lines": {str(k): v for k, v in ledger.year_lines.items()},
        "accounts": {str(k): v for k, v in ledger.accounts.items()},
        "account_types": {str(k): v for k, v in ledger.account_types.items()},
        "transactions": [
            [t.line, t.date.isoformat(), t.account, str(t.amount), t.text, t.verification]
            for t in ledger.transactions
        ],
        "verifications": ledger.verifications,
        "problems": _problems(ledger.problems),
        "warnings": _problems(ledger.warnings),
        "doubts": _problems(ledger.doubts),
        "more_problems": ledger.more_problems,
        "stated": {
            key: {str(account): str(amount) for account, amount in values.items()}
            for key, values in ledger.stated.items()
        },
    }


def from_json(data: dict[str, Any]) -> Ledger:
    date = datetime.date.fromisoformat
    return Ledger(
        kind=data["kind"],
        encoding=data["encoding"],
        program=data["program"],
        generated=data["generated"],
        company=data["company"],
        organisation_number=data["organisation_number"],
        sie_type=data["sie_type"],
        years={int(k): (date(a), date(b)) for k, (a, b) in data["years"].items()},
        year_lines={int(k): v for k, v in data["year_lines"].items()},
        accounts={int(k): v for k, v in data["accounts"].items()},
        account_types={int(k): v for k, v in data["account_types"].items()},
        transactions=[
            Transaction(line, date(day), account, Decimal(amount), text, verification)
            for line, day, account, amount, text, verification in data["transactions"]
        ],
        verifications=data["verifications"],
        problems=[Problem(line, message) for line, message in data["problems"]],
        warnings=[Problem(line, message) for line, message in data["warnings"]],
        doubts=[Problem(line, message) for line, message in data.get("doubts", [])],
        more_problems=data["more_problems"],
        stated={
            key: {int(account): Decimal(amount) for account, amount in values.items()}
            for key, values in data.get("stated", {}).items()
        },
    )
