"""A budget of Sundsvall's 2023 shape built in the test itself (the finance demo's budget is
replaced, so the figures here do not depend on it), and SIE files written in a line."""

from django.core.files.uploadedfile import SimpleUploadedFile

from samordna.associations.models import Association
from samordna.finance.models import Budget, BudgetLine, LineGroup
from samordna.interventions.models import Intervention
from samordna.ledger.models import AccountMapping, LedgerImport

HEADER = [
    "#FLAGGA 0",
    "#FORMAT PC8",
    "#SIETYP 4",
    '#PROGRAM "Testprogram" 1.0',
    "#GEN 20231002",
    '#FNAMN "Samordningsförbundet i Sundsvall"',
    "#RAR 0 20230101 20231231",
    '#KONTO 1930 "Företagskonto"',
    '#KONTO 3010 "Medlemsbidrag Försäkringskassan"',
    '#KONTO 5010 "Lokalhyra"',
    '#KONTO 6550 "Konsultarvoden"',
    '#KONTO 4010 "Utbetalningar till insatser"',
]


def sie(*body: str, header: list[str] | None = None, encoding: str = "cp437") -> bytes:
    lines = [*(HEADER if header is None else header), *body]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def ver(series: str, number: int, day: str, *rows: tuple[int, str]) -> list[str]:
    return [
        f'#VER {series} {number} {day} "Verifikation {number}"',
        "{",
        *(f"#TRANS {account} {{}} {amount}" for account, amount in rows),
        "}",
    ]


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def fresh_budget(association: Association, year: int = 2023) -> dict[str, BudgetLine]:
    """Sundsvall's budget for `year` with a few lines, in place of any there was; the
    förbund's imports and mappings are cleared too. Lines by name."""
    Budget.objects.filter(association=association, year=year).delete()
    LedgerImport.objects.filter(association=association).update(replaced_by=None)
    LedgerImport.objects.filter(association=association).delete()
    AccountMapping.objects.filter(association=association).delete()
    budget = Budget.objects.create(association=association, year=year)
    members = {m.kind: m for m in association.members.all()}
    psykolog = Intervention.objects.get(association=association, name="Psykolog")
    rows = [
        (LineGroup.INCOME, "Försäkringskassan/Arbetsförmedlingen", 3_680_000, True, "fk", None),
        (LineGroup.INCOME, "Region Västernorrland", 1_840_000, True, "region", None),
        (LineGroup.INCOME, "Sundsvalls kommun", 1_840_000, True, "kommun", None),
        (LineGroup.BOARD, "Styrelsearvoden", 105_000, False, None, None),
        (LineGroup.ADMINISTRATION, "Lokalkostnader", 60_000, False, None, None),
        (LineGroup.ADMINISTRATION, "Konsulter", 790_000, False, None, None),
        (LineGroup.ADMINISTRATION, "Ränteintäkter", 0, True, None, None),
        (LineGroup.INTERVENTIONS, "Psykolog", 912_000, False, None, psykolog),
        (LineGroup.INTERVENTIONS, "Sip-samordnare", 660_000, False, None, None),
    ]
    lines = {}
    for position, (group, name, amount, income, member, intervention) in enumerate(rows):
        lines[name] = BudgetLine.objects.create(
            budget=budget,
            group=group,
            name=name,
            position=position,
            amount=amount,
            is_income=income,
            member=members[member] if member else None,
            intervention=intervention,
        )
    return lines
