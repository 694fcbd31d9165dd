"""Every write of the ledger app: uploading a file, mapping its accounts, importing it (all or
nothing, replacing the year's earlier import), and attaching the follow-up to a meeting."""

import datetime
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.models import TaskProgress
from samordna.core.services import progress_start, save_with_history
from samordna.core.uploads import UploadRefused, read_upload
from samordna.finance.models import BudgetLine
from samordna.finance.selectors import budget_for, budget_lines
from samordna.ledger import files, selectors
from samordna.ledger.models import (
    AccountMapping,
    BalanceKind,
    FileKind,
    ImportStatus,
    LedgerBalance,
    LedgerImport,
    LedgerTransaction,
    Treatment,
)
from samordna.ledger.sie import Ledger
from samordna.meetings.models import AgendaItem, Attachment
from samordna.meetings.services.papers import attachment_add

EXTENSIONS = {
    ".se": FileKind.SIE,
    ".si": FileKind.SIE,
    ".sie": FileKind.SIE,
    ".csv": FileKind.CSV,
    ".xlsx": FileKind.XLSX,
}
BATCH = 2000


def file_kind(name: str) -> str:
    lowered = name.lower()
    for extension, kind in EXTENSIONS.items():
        if lowered.endswith(extension):
            return kind
    raise ValidationError(
        {
            "file": "Filen ska vara en SIE 4-fil (.se, .si), en CSV-fil (.csv) "
            "eller en Excel-fil (.xlsx)."
        }
    )


@transaction.atomic
def import_upload(
    *, association: Association, year: int, by: User, file: UploadedFile, demo: bool = False
) -> LedgerImport:
    """Keep the uploaded file as a pending import of `year`, read once under the limits
    of `ledger.limits` and kept parsed; nothing counts yet. A file over a limit is refused
    with the limit named, and nothing is stored."""
    kind = file_kind(file.name or "")
    if not file.size:
        raise ValidationError({"file": "Filen är tom."})
    if budget_for(association, year) is None:
        raise ValidationError({"year": f"Det finns ingen budget för {year} att följa upp mot."})
    try:
        data = read_upload(file, files.LIMITS)
        ledger = files.parse_file(kind, data)
    except UploadRefused as error:
        raise ValidationError({"file": error.messages}) from error
    ledger_import = LedgerImport(
        association=association,
        year=year,
        kind=kind,
        filename=(file.name or "fil")[:255],
        uploaded_by=by,
        demo=demo,
        parsed=files.to_json(ledger),
    )
    ledger_import.file.save(file.name or "fil", ContentFile(data), save=False)
    try:
        save_with_history(ledger_import, by=by)
    except ValidationError:
        ledger_import.file.delete(save=False)
        raise
    return ledger_import


def _choices_for(
    choices: Mapping[int, str], lines: dict[int, BudgetLine]
) -> dict[int, tuple[str, BudgetLine | None]]:
    """{account: (treatment, line)} from the form's "line:<pk>" / "not_counted" / "insats"."""
    found: dict[int, tuple[str, BudgetLine | None]] = {}
    for account, choice in choices.items():
        if not choice:
            continue
        if not selectors.is_result_account(account):
            raise ValidationError(
                {
                    f"konto_{account}": f"Konto {account} är inget resultatkonto (3000–8999) "
                    "och räknas aldrig som utfall."
                }
            )
        if choice.startswith("line:"):
            line = lines.get(int(choice.split(":", 1)[1]) if choice[5:].isdigit() else 0)
            if line is None:
                raise ValidationError(
                    {f"konto_{account}": 'Välj en rad i årets budget eller "räknas inte".'}
                )
            found[account] = (Treatment.LINE, line)
        elif choice in (Treatment.NOT_COUNTED, Treatment.INSATS):
            found[account] = (choice, None)
        else:
            raise ValidationError({f"konto_{account}": "Okänt val."})
    return found


def _save_mappings(
    *,
    association: Association,
    by: User,
    chosen: dict[int, tuple[str, BudgetLine | None]],
    names: Mapping[int, str],
) -> None:
    existing = selectors.mappings_for(association)
    for account, (treatment, line) in chosen.items():
        mapping = existing.get(account) or AccountMapping(association=association, account=account)
        values = {
            "treatment": treatment,
            "line_name": line.name if line else "",
            "line_group": line.group if line else "",
            "account_name": names.get(account) or mapping.account_name,
        }
        if mapping.pk and all(getattr(mapping, k) == v for k, v in values.items()):
            continue
        for key, value in values.items():
            setattr(mapping, key, value)
        save_with_history(mapping, by=by)


@transaction.atomic
def mappings_save(
    *,
    ledger_import: LedgerImport,
    by: User,
    choices: Mapping[int, str],
    ledger: Ledger | None = None,
) -> selectors.Preview:
    """Remember what each chosen account means (for this and later years); import nothing."""
    found = selectors.preview(ledger_import, ledger)
    lines = {line.pk: line for line in found.lines}
    chosen = _choices_for(choices, lines)
    names = {row.account: row.name for row in found.accounts}
    _save_mappings(association=ledger_import.association, by=by, chosen=chosen, names=names)
    return selectors.preview(ledger_import, found.ledger)


def _refuse_unless_ready(found: selectors.Preview) -> None:
    """Refuse a file with problems or with a result account that is not mapped."""
    if found.problems or found.more_problems:
        raise ValidationError(
            "Filen har fel och importeras inte. Rätta felen i bokföringen eller filen och "
            "ladda upp den igen."
        )
    if found.unmapped:
        raise ValidationError(
            {
                row.field_name: (
                    f"Konto {row.account} {row.name} saknar koppling: välj en rad i budgeten "
                    f'för {found.ledger_import.year} eller "räknas inte".'
                    + (
                        f' (Förra kopplingen, "{row.missing_line}", finns inte i årets budget.)'
                        if row.missing_line
                        else ""
                    )
                ).replace("  ", " ")
                for row in found.unmapped
            }
        )


@transaction.atomic
def import_confirm(
    *,
    ledger_import: LedgerImport,
    by: User,
    choices: Mapping[int, str] | None = None,
    ledger: Ledger | None = None,
    confirmed: bool = False,
) -> LedgerImport:
    """Import the file's transactions — all or nothing. Refused while the file has any
    problem or any result account is not mapped, and while a doubt (a file that may not be
    whole, a replacement that takes months away) is not `confirmed`; the year's earlier
    import is replaced and kept as history."""
    ledger_import = LedgerImport.objects.select_for_update().get(pk=ledger_import.pk)
    if ledger_import.status != ImportStatus.PENDING:
        raise ValidationError(
            "Filen är redan hanterad; ladda upp en ny fil för att importera igen."
        )
    ledger = ledger if ledger is not None else selectors.read_import(ledger_import)
    if choices:
        mappings_save(ledger_import=ledger_import, by=by, choices=choices, ledger=ledger)
    found = selectors.preview(ledger_import, ledger)
    _refuse_unless_ready(found)
    if found.must_confirm and not confirmed:
        raise ValidationError(
            {
                "bekrafta": "Läs varningarna om filen och kryssa i att du vill importera den "
                "ändå, eller ladda upp en hel fil."
            }
        )
    earlier = list(
        LedgerImport.objects.select_for_update().filter(
            association=ledger_import.association,
            year=ledger_import.year,
            status=ImportStatus.IMPORTED,
        )
    )
    for old in earlier:
        old.status = ImportStatus.REPLACED
        save_with_history(old, by=by)
    rows = found.ledger.transactions
    LedgerTransaction.objects.bulk_create(
        (
            LedgerTransaction(
                ledger_import=ledger_import,
                date=row.date,
                account=row.account,
                amount=row.amount,
                text=row.text[:300],
                verification=row.verification[:60],
                line=row.line,
            )
            for row in rows
        ),
        batch_size=BATCH,
    )
    LedgerBalance.objects.bulk_create(
        LedgerBalance(
            ledger_import=ledger_import,
            year_index=int(key.split()[1]),
            kind=BalanceKind(key.split()[0]),
            account=account,
            amount=amount,
        )
        for key, values in found.ledger.stated.items()
        for account, amount in values.items()
    )
    ledger_import.status = ImportStatus.IMPORTED
    ledger_import.imported_by = by
    ledger_import.imported_at = timezone.now()
    ledger_import.transaction_count = len(rows)
    ledger_import.last_date = found.last_date
    ledger_import.program = found.ledger.program[:200]
    save_with_history(ledger_import, by=by)
    for old in earlier:
        old.replaced_by = ledger_import
        save_with_history(old, by=by)
    return ledger_import


def import_ledger(*, ledger_import: LedgerImport) -> Ledger:
    """The import's file as parsed. One uploaded before the parsed file was kept is read
    now, once, under the limits, and kept (`parsed` is not in the history)."""
    ledger = selectors.read_import(ledger_import)
    if ledger_import.parsed is None:
        ledger_import.parsed = files.to_json(ledger)
        LedgerImport.objects.filter(pk=ledger_import.pk).update(parsed=ledger_import.parsed)
    return ledger


@transaction.atomic
def import_discard(*, ledger_import: LedgerImport, by: User) -> LedgerImport:
    """Leave a pending file unimported (it stays in the list as not imported)."""
    ledger_import = LedgerImport.objects.select_for_update().get(pk=ledger_import.pk)
    if ledger_import.status != ImportStatus.PENDING:
        raise ValidationError("Bara en fil som väntar kan lämnas utan import.")
    ledger_import.status = ImportStatus.DISCARDED
    save_with_history(ledger_import, by=by)
    return ledger_import


@transaction.atomic
def followup_attach(
    *, item: AgendaItem, by: User, date: datetime.date, pdf: bytes, title: str
) -> Attachment:
    """Attach the follow-up's PDF to the agenda item's meeting as its next Bilaga. The
    meetings lock refuses a justerad meeting."""
    if item.meeting.association_id != by.association_id:
        raise ValidationError({"item": "Punkten hör till ett annat förbund."})
    upload = SimpleUploadedFile(
        f"budgetuppfoljning-{date:%Y-%m-%d}.pdf", pdf, content_type="application/pdf"
    )
    return attachment_add(meeting=item.meeting, by=by, title=title, file=upload, item=item)


@transaction.atomic
def import_start(
    *,
    ledger_import: LedgerImport,
    by: User,
    choices: Mapping[int, str] | None = None,
    confirmed: bool = False,
) -> TaskProgress:
    """Start the import in the background and answer at once: nothing here reads the file
    (nor the parsed file kept on the import). The task saves the chosen mappings, then
    imports the file all or nothing (`import_confirm`), and its page shows how far it has
    come or why it was refused."""
    current = (
        LedgerImport.objects.select_for_update()
        .select_related("association")
        .defer("parsed")
        .get(pk=ledger_import.pk)
    )
    if current.status != ImportStatus.PENDING:
        raise ValidationError(
            "Filen är redan hanterad; ladda upp en ny fil för att importera igen."
        )
    association = current.association
    budget = budget_for(association, current.year)
    lines = {line.pk: line for line in budget_lines(budget)} if budget else {}
    _choices_for(choices or {}, lines)  # a choice the budget does not have, refused here
    return progress_start(
        title=f"Import av bokföringen för {current.year}: {current.filename}",
        task_path="samordna.ledger.tasks.ledger_import_task",
        arguments={
            "ledger_import_id": current.pk,
            "by_id": by.pk,
            "choices": {str(account): choice for account, choice in (choices or {}).items()},
            "confirmed": confirmed,
        },
        by=by,
        association=association,
        done_url=reverse("ledger:import_detail", args=[association.slug, current.pk]),
    )
