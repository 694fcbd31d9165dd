"""The ledger's background work: importing a file of transactions, all or nothing."""

from django.urls import reverse
from django_tasks import task

from samordna.accounts.models import User
from samordna.core.services import progress_run
from samordna.ledger import services
from samordna.ledger.models import LedgerImport

# The steps the page counts: read the file, save the mappings, import in one transaction.
STEPS = 3


@task()
def ledger_import_task(
    *,
    progress_id: int,
    ledger_import_id: int,
    by_id: int,
    choices: dict[str, str],
    confirmed: bool = False,
) -> int:
    """Read the pending file, remember the chosen mappings (as "Spara kopplingarna" does)
    and import it (`services.import_confirm`: one transaction, so a refusal or a failure
    leaves nothing half-imported); returns the number of transactions."""
    with progress_run(progress_id) as progress:
        pending = LedgerImport.objects.select_related("association").get(pk=ledger_import_id)
        by = User.objects.get(pk=by_id)
        progress.report(done=0, total=STEPS, message="Filen läses.")
        ledger = services.import_ledger(ledger_import=pending)
        count = len(ledger.transactions)
        if choices:
            progress.report(done=1, total=STEPS, message="Kontokopplingarna sparas.")
            services.mappings_save(
                ledger_import=pending,
                by=by,
                choices={int(account): choice for account, choice in choices.items()},
                ledger=ledger,
            )
        progress.report(
            done=2, total=STEPS, message=f"{count} transaktioner kontrolleras och sparas."
        )
        done = services.import_confirm(
            ledger_import=pending, by=by, ledger=ledger, confirmed=confirmed
        )
        followup = reverse("ledger:followup", args=[pending.association.slug])
        progress.finish(
            message=f"Bokföringen för {done.year} är importerad ({count} transaktioner).",
            done_url=f"{followup}?datum={done.last_date:%Y-%m-%d}" if done.last_date else followup,
        )
        return count
