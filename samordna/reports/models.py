"""The förbund's reports written from its own data: the verksamhetsplan with budget, the
delårsrapport and the årsredovisning. A report holds text sections (written in the page,
carried over from last year's) and figures, each stored as drafted with where it came from,
so that the page can tell which figures the data have since changed."""

import hashlib

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class AssociationReportKind(models.TextChoices):
    PLAN = "verksamhetsplan", "Verksamhetsplan med budget"
    INTERIM = "delarsrapport", "Delårsrapport"
    ANNUAL = "arsredovisning", "Årsredovisning"


def report_path(instance: "AssociationReport", filename: str) -> str:
    return f"rapporter/{instance.association_id}/{instance.year}/{filename}"


class AssociationReport(models.Model):
    """One report of a kind for a year and period. Decided in a § (its bilaga on a meeting's
    agenda), it is locked once that meeting's minutes are justerade and kept as PDF/A and
    Word."""

    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="own_reports"
    )
    kind = models.CharField("slag", max_length=16, choices=AssociationReportKind.choices)
    year = models.PositiveSmallIntegerField("år")
    starts_on = models.DateField("perioden från")
    ends_on = models.DateField("perioden till och med")
    title = models.CharField("rubrik", max_length=300)
    public = models.BooleanField(
        "offentlig",
        default=True,
        help_text="Små antal deltagare döljs i en offentlig rapport.",
    )
    drafted_at = models.DateTimeField("upprättad", auto_now_add=True)
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="texterna hämtade från",
    )
    attachment = models.ForeignKey(
        "meetings.Attachment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="bilaga till sammanträdet",
    )
    locked_at = models.DateTimeField("låst", null=True, blank=True)
    pdf = models.FileField("rapport (PDF/A)", upload_to=report_path, blank=True)
    pdf_sha256 = models.CharField("PDF:ens SHA-256", max_length=64, blank=True)
    docx = models.FileField("rapport (Word)", upload_to=report_path, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "rapport"
        verbose_name_plural = "rapporter"
        ordering = ["-year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "kind", "year"], name="one_report_per_kind_and_year"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="report_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    @staticmethod
    def sha256(content: bytes) -> str:
        return hashlib.sha256(content).hexdigest()


class ReportSection(models.Model):
    """A text section of a report (sanitised rich text), with the table of figures it shows
    under the text, if any."""

    report = models.ForeignKey(AssociationReport, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField("ordning")
    key = models.SlugField("nyckel", max_length=60)
    title = models.CharField("rubrik", max_length=200)
    body = models.TextField("text", blank=True)
    table = models.CharField("tabell", max_length=40, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "avsnitt i rapport"
        verbose_name_plural = "avsnitt i rapporter"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="one_section_per_key")
        ]

    def __str__(self) -> str:
        return self.title


class FigureUnit(models.TextChoices):
    COUNT = "count", "Antal"
    KRONOR = "kronor", "Kronor"
    PERCENT = "percent", "Procent"
    TEXT = "text", "Text"


class Figure(models.Model):
    """One figure of a report as it was drafted: its value, and its source (the selector
    and the parameters that give it) so that the page can compare it with the data now."""

    report = models.ForeignKey(AssociationReport, on_delete=models.CASCADE, related_name="figures")
    key = models.CharField("nyckel", max_length=200)
    source = models.CharField("källa", max_length=60)
    params = models.JSONField("parametrar", default=dict, blank=True)
    table = models.CharField("tabell", max_length=40)
    row = models.CharField("rad", max_length=300)
    column = models.CharField("kolumn", max_length=100)
    position = models.PositiveIntegerField("ordning")
    unit = models.CharField("enhet", max_length=8, choices=FigureUnit.choices)
    value = models.CharField("värde", max_length=300)
    seed = models.CharField(
        "uppgiftens ursprung",
        max_length=200,
        blank=True,
        help_text="Ifylld när siffran är hämtad ur ett dokument och inte räknad i Samordna.",
    )
    invented = models.BooleanField(
        "påhittad i demon",
        default=False,
        help_text="Siffran bygger på demons påhittade uppgifter, där dokumentet inget säger.",
    )
    drafted_at = models.DateTimeField("hämtad")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "siffra i rapport"
        verbose_name_plural = "siffror i rapporter"
        ordering = ["table", "position"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="one_figure_per_key")]

    def __str__(self) -> str:
        return f"{self.row}, {self.column}: {self.value}"


class BalanceLine(models.TextChoices):
    FIXED_ASSETS = "fixed_assets", "Anläggningstillgångar"
    RECEIVABLES = "receivables", "Kortfristiga fordringar"
    CASH = "cash", "Kassa och bank"
    EQUITY = "equity", "Eget kapital"
    PROVISIONS = "provisions", "Avsättningar"
    LONG_TERM = "long_term", "Långfristiga skulder"
    SHORT_TERM = "short_term", "Kortfristiga skulder"


class BalanceMapping(models.Model):
    """Which balance-sheet line a balance account belongs to, remembered per förbund from
    year to year (an account without one follows the BAS class of its number)."""

    association = models.ForeignKey(
        "associations.Association", on_delete=models.CASCADE, related_name="balance_mappings"
    )
    account = models.PositiveIntegerField("konto")
    line = models.CharField("rad i balansräkningen", max_length=12, choices=BalanceLine.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "balanskonto i balansräkningen"
        verbose_name_plural = "balanskonton i balansräkningen"
        ordering = ["account"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "account"], name="one_balance_mapping_per_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account} → {self.get_line_display()}"


class ReportDispatch(models.Model):
    """The locked report sent to one member: to whom, when and by whom. Written once, when
    it is sent, and never changed (so it keeps no history of its own)."""

    report = models.ForeignKey(
        AssociationReport, on_delete=models.CASCADE, related_name="dispatches"
    )
    member = models.ForeignKey(
        "associations.Member", on_delete=models.PROTECT, related_name="+", verbose_name="medlem"
    )
    recipients = models.JSONField("mottagare", default=list)
    sent_at = models.DateTimeField("skickad")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "utskick av rapport"
        verbose_name_plural = "utskick av rapporter"
        ordering = ["-sent_at", "member__name"]

    def __str__(self) -> str:
        return f"{self.report} till {self.member}"
