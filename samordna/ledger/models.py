"""The ledger: imports of the finance service's bookkeeping, their transactions, and how the
förbund's accounts map to budget lines."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


def import_path(instance: "LedgerImport", filename: str) -> str:
    return f"ledger/{instance.association_id}/{instance.year}/{filename}"


class ImportStatus(models.TextChoices):
    PENDING = "pending", "Väntar på granskning"
    IMPORTED = "imported", "Importerad"
    REPLACED = "replaced", "Ersatt av en senare import"
    DISCARDED = "discarded", "Inte importerad"


class FileKind(models.TextChoices):
    SIE = "sie", "SIE 4"
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (XLSX)"


class LedgerImport(models.Model):
    """One uploaded file for a budget year. It waits (pending) while the kansli or the finance
    service reads its problems and maps its accounts; confirmed, it holds the year's
    transactions. A newer export holds the whole year to date, so importing it replaces the
    earlier import of the year, which stays here as history."""

    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="ledger_imports"
    )
    year = models.PositiveSmallIntegerField("budgetår")
    kind = models.CharField("filtyp", max_length=4, choices=FileKind.choices)
    file = models.FileField("fil", upload_to=import_path)
    filename = models.CharField("filnamn", max_length=255)
    status = models.CharField(
        "status", max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("uppladdad", auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    imported_at = models.DateTimeField("importerad", null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced",
        verbose_name="ersatt av",
    )
    transaction_count = models.PositiveIntegerField("antal transaktioner", default=0)
    last_date = models.DateField("senaste transaktionsdatum", null=True, blank=True)
    program = models.CharField("program", max_length=200, blank=True)
    demo = models.BooleanField("demosiffror", default=False)
    # The file as parsed once at upload (ledger.files.to_json): every page reads this, never
    # the file again. Not in the history: it never changes, and it may be large.
    parsed = models.JSONField("tolkad fil", null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["parsed"])

    class Meta:
        verbose_name = "bokföringsimport"
        verbose_name_plural = "bokföringsimporter"
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year"],
                condition=models.Q(status="imported"),
                name="one_current_ledger_import_per_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.year})"


class LedgerTransaction(models.Model):
    """One transaction row of an import, as the file has it: debit positive, credit
    negative. Rows are written once, with their import, and never change; the import's
    own history says who brought them in."""

    ledger_import = models.ForeignKey(
        LedgerImport, on_delete=models.CASCADE, related_name="transactions"
    )
    date = models.DateField("datum")
    account = models.PositiveIntegerField("konto")
    amount = models.DecimalField("belopp (kr)", max_digits=15, decimal_places=2)
    text = models.CharField("text", max_length=300, blank=True)
    verification = models.CharField("verifikation", max_length=60, blank=True)
    line = models.PositiveIntegerField("rad i filen")

    class Meta:
        verbose_name = "transaktion"
        verbose_name_plural = "transaktioner"
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["ledger_import", "account", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.account} {self.amount}"


class Treatment(models.TextChoices):
    LINE = "line", "Budgetrad"
    NOT_COUNTED = "not_counted", "Räknas inte"
    INSATS = "insats", "Räknas inte — insatsernas utbetalningar räknas från Samordna"


class AccountMapping(models.Model):
    """What the förbund's account means for the follow-up, remembered from year to year: a
    budget line by its name and group (found again in next year's budget when a line of the
    same name is there), or not counted."""

    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="account_mappings"
    )
    account = models.PositiveIntegerField("konto")
    account_name = models.CharField("kontonamn", max_length=200, blank=True)
    treatment = models.CharField("räknas som", max_length=12, choices=Treatment.choices)
    line_name = models.CharField("budgetrad", max_length=200, blank=True)
    line_group = models.CharField("grupp", max_length=20, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kontokoppling"
        verbose_name_plural = "kontokopplingar"
        ordering = ["account"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "account"], name="one_mapping_per_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account} → {self.line_name or self.get_treatment_display()}"


class BalanceKind(models.TextChoices):
    OPENING = "#IB", "Ingående balans"
    CLOSING = "#UB", "Utgående balans"
    RESULT = "#RES", "Resultat"


class LedgerBalance(models.Model):
    """A balance the imported file states for an account (#IB, #UB, #RES) for its year (0)
    or the year before (-1): what the balance sheet and the cash flow are made from. Written
    once, with its import, and never changed."""

    ledger_import = models.ForeignKey(
        LedgerImport, on_delete=models.CASCADE, related_name="balances"
    )
    year_index = models.SmallIntegerField("år (0 = året, −1 = året före)")
    kind = models.CharField("slag", max_length=4, choices=BalanceKind.choices)
    account = models.PositiveIntegerField("konto")
    amount = models.DecimalField("belopp (kr)", max_digits=15, decimal_places=2)

    class Meta:
        verbose_name = "saldo i bokföringen"
        verbose_name_plural = "saldon i bokföringen"
        ordering = ["year_index", "kind", "account"]
        constraints = [
            models.UniqueConstraint(
                fields=["ledger_import", "year_index", "kind", "account"],
                name="one_balance_per_account_kind_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year_index} {self.account} {self.amount}"
