"""Demo data for the ledger app: Sundsvall's invented ledger for January–September 2023
(`samordna/demo/ledger/sundsvall_2023.se`, an SIE 4 file in CP437, written by
`make_sundsvall_2023.py`), imported against the 2023 budget with each account mapped to its
budget line, and a few forecasts with comments as the kansli would make them at the end of
September (the pattern of § 103 in 2022: an insats that will not use all its money).

Every figure is invented (antaget i demon) and shown as "Demosiffror" on the pages. Loading
twice changes nothing. Without a 2023 budget (the finance demo) nothing is loaded.
"""

import datetime
import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.finance.models import Budget, BudgetLine, LineGroup
from samordna.finance.selectors import budget_for, budget_lines
from samordna.finance.services import forecast_set
from samordna.ledger import services
from samordna.ledger.models import LedgerImport, Treatment

DEMO_FILE = Path(__file__).with_name("ledger") / "sundsvall_2023.se"
YEAR = 2023
ASSUMED = "antaget i demon"

# Account -> the budget line it is booked against: a member's income line ("member:<kind>"),
# the start of a line's name, or not counted because Samordna's payments count.
ACCOUNT_LINES: dict[int, str] = {
    3010: "member:fk",
    3020: "member:region",
    3030: "member:kommun",
    4010: Treatment.INSATS,
    4020: "Sip-samordnare",
    4030: "Utvecklingsledare",
    4040: "Insatskatalogen",
    4050: "Psykeveckan",
    4060: "Kompetensutveckling",
    4070: "Nya insatser",
    5010: "Lokalkostnader",
    5460: "Förbrukningsmaterial",
    6071: "Representation",
    6110: "Kontorsmaterial",
    6212: "Mobiltelefon",
    6250: "Porto",
    6530: "Redovisningstjänster",
    6540: "IT-tjänster",
    6550: "Konsulter",
    6590: "Övr. främmande tjänster",
    7240: "Styrelsearvoden",
    7510: "Styrelsearvoden",
    7610: "Utbildning",
    8310: "Ränteintäkter",
    8490: "Övriga finansiella kostnader",
}

# (start of the line's name, amount for the whole year, comment), made 2023-09-29.
FORECASTS = [
    (
        "Psykolog",
        760_000,
        "Psykologen började först i mars; insatsen kommer inte att använda hela det "
        f"beviljade beloppet för året ({ASSUMED}).",
    ),
    (
        "Nya insatser",
        150_000,
        f"Förprojekteringen av fontänhuset kostar i år; SFI-arbetet börjar först 2024 ({ASSUMED}).",
    ),
    (
        "Styrelsearvoden",
        95_000,
        f"Ett sammanträde färre än planerat under hösten ({ASSUMED}).",
    ),
]
FORECAST_DAY = datetime.date(YEAR, 9, 29)


def _line(lines: list[BudgetLine], target: str) -> BudgetLine | None:
    if target.startswith("member:"):
        kind = target.split(":", 1)[1]
        return next(
            (
                line
                for line in lines
                if line.group == LineGroup.INCOME and line.member and line.member.kind == kind
            ),
            None,
        )
    wanted = target.casefold()
    return next((line for line in lines if line.name.casefold().startswith(wanted)), None)


def choices_for(budget: Budget) -> dict[int, str]:
    """The demo's mapping in the import form's terms; a line the budget lacks is not counted."""
    lines = budget_lines(budget)
    found: dict[int, str] = {}
    for account, target in ACCOUNT_LINES.items():
        if target == Treatment.INSATS:
            found[account] = Treatment.INSATS
            continue
        line = _line(lines, target)
        found[account] = f"line:{line.pk}" if line else Treatment.NOT_COUNTED
    return found


def demo_bytes(association: Association) -> bytes:
    data = DEMO_FILE.read_bytes()
    if association.organisation_number:
        data = re.sub(
            rb"#ORGNR [^\r\n]*",
            b"#ORGNR " + association.organisation_number.encode("ascii", "replace"),
            data,
            count=1,
        )
    return data


def load_ledger(associations: dict[str, Association]) -> None:
    """Load what is missing."""
    association = associations["sundsvall"]
    budget = budget_for(association, YEAR)
    if budget is None:
        return
    if LedgerImport.objects.filter(association=association, year=YEAR, demo=True).exists():
        return
    finance = User.objects.get(username="ekonomi.sundsvall")
    office = User.objects.get(username="jan.andersson")
    pending = services.import_upload(
        association=association,
        year=YEAR,
        by=finance,
        file=SimpleUploadedFile(DEMO_FILE.name, demo_bytes(association)),
        demo=True,
    )
    services.import_confirm(ledger_import=pending, by=finance, choices=choices_for(budget))
    lines = budget_lines(budget)
    for start, amount, comment in FORECASTS:
        line = _line(lines, start)
        if line is not None:
            forecast_set(line=line, by=office, as_of=FORECAST_DAY, amount=amount, comment=comment)
