"""The diarium: ärenden with a Dnr from the förbund's series, the handlingar registered in
them (with their files and secrecy), the dokumenthanteringsplan that says what is kept and
what is weeded, the gallring lists that decide it, and the archive packages of closed years.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.associations.models import Association

# The placeholders a Dnr format may use: the year in four or two digits and the number.
DNR_PLACEHOLDERS = ("{år}", "{åå}", "{nr}")
MASK = "(sekretess)"


def format_dnr(pattern: str, *, year: int, number: int) -> str:
    """ "{år}/{nr}" → "2023/15", "P{åå}/{nr}" → "P19/8", "{åå}:{nr}" → "22:13"."""
    return (
        pattern.replace("{år}", f"{year:04d}")
        .replace("{åå}", f"{year % 100:02d}")
        .replace("{nr}", str(number))
    )


class Registry(models.Model):
    """The förbund's settings of its diarium."""

    association = models.OneToOneField(
        Association, on_delete=models.CASCADE, related_name="registry"
    )
    dnr_format = models.CharField(
        "diarienummrets form",
        max_length=40,
        default="{år}/{nr}",
        help_text="{år} är året med fyra siffror, {åå} med två och {nr} numret i årets serie, "
        "t.ex. {år}/{nr} (2023/15), P{åå}/{nr} (P19/8) eller {åå}:{nr} (22:13).",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "diarium"
        verbose_name_plural = "diarier"

    def __str__(self) -> str:
        return f"Diariet för {self.association}"


class DnrCounter(models.Model):
    """The last number given in a year's series; locked while the next one is taken, so that
    two people registering at once never get the same Dnr."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("år")
    last_number = models.PositiveIntegerField("senaste nummer", default=0)

    class Meta:
        verbose_name = "diarienummerserie"
        verbose_name_plural = "diarienummerserier"
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="one_dnr_series_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class CaseStatus(models.TextChoices):
    OPEN = "open", "Pågående"
    CLOSED = "closed", "Avslutat"


class Case(models.Model):
    """An ärende: what its handlingar are about, under one Dnr."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="cases")
    year = models.PositiveSmallIntegerField("år")
    number = models.PositiveIntegerField("nummer")
    dnr = models.CharField("diarienummer", max_length=40)
    title = models.CharField("ärendemening", max_length=300)
    status = models.CharField(
        "status", max_length=6, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="handläggare",
    )
    opened_on = models.DateField("registrerat")
    closed_on = models.DateField("avslutat", null=True, blank=True)
    # What the ärende is about (any of them, or none).
    application = models.ForeignKey(
        "interventions.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="ansökan",
    )
    intervention = models.ForeignKey(
        "interventions.Intervention",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="insats",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="sammanträde",
    )
    paragraph = models.ForeignKey(
        "meetings.Paragraph",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="paragraf",
    )
    control_plan = models.ForeignKey(
        "control.ControlPlan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="internkontrollplan",
    )
    # What registered it by itself ("application:12"), so that it is registered once.
    source_key = models.CharField("källa", max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "ärende"
        verbose_name_plural = "ärenden"
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year", "number"], name="one_case_per_number"
            ),
            models.UniqueConstraint(fields=["association", "dnr"], name="one_case_per_dnr"),
            models.UniqueConstraint(
                fields=["association", "source_key"],
                condition=~Q(source_key=""),
                name="one_case_per_source",
            ),
        ]

    def __str__(self) -> str:
        return f"Dnr {self.dnr} {self.title}"


class Retention(models.TextChoices):
    KEEP = "keep", "Bevaras"
    YEARS = "years", "Gallras efter ett antal år"
    OBSOLETE = "obsolete", "Gallras vid inaktualitet"


class DocumentType(models.Model):
    """A row of the dokumenthanteringsplan: a kind of handling and how long it is kept."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="document_types"
    )
    code = models.SlugField("kod", max_length=40)
    name = models.CharField("handlingstyp", max_length=200)
    retention = models.CharField("bevaras eller gallras", max_length=8, choices=Retention.choices)
    years = models.PositiveSmallIntegerField("gallras efter (år)", null=True, blank=True)
    # Minutes, decisions, årsredovisningar: never weeded, whatever the plan is changed to.
    always_kept = models.BooleanField("bevaras alltid", default=False)
    note = models.CharField("anmärkning", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "handlingstyp"
        verbose_name_plural = "dokumenthanteringsplan"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["association", "code"], name="one_document_type_code"),
            models.CheckConstraint(
                condition=Q(always_kept=False) | Q(retention="keep"),
                name="always_kept_is_kept",
            ),
            models.CheckConstraint(
                condition=~Q(retention="years") | Q(years__gte=1),
                name="weeded_after_years_has_years",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def rule(self) -> str:
        if self.retention == Retention.YEARS:
            return f"Gallras efter {self.years} år"
        return self.get_retention_display()


class HandlingDirection(models.TextChoices):
    INCOMING = "in", "Inkommen"
    OUTGOING = "out", "Utgående"
    INTERNAL = "internal", "Upprättad"


class Handling(models.Model):
    """A handling registered in an ärende. Parts of it may be secret under OSL: those are
    masked in the public register and in exports for the public."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="handlings")
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="handlings", verbose_name="ärende"
    )
    sequence = models.PositiveIntegerField("löpnummer i ärendet")
    direction = models.CharField("slag", max_length=8, choices=HandlingDirection.choices)
    date = models.DateField("inkom eller skickades")
    organisation = models.CharField(
        "avsändare eller mottagare (organisation)", max_length=300, blank=True
    )
    # A private person's name, only when needed; never shown in the public register.
    person_name = models.CharField("privatperson", max_length=200, blank=True)
    description = models.CharField("beskrivning", max_length=500)
    document_type = models.ForeignKey(
        DocumentType, on_delete=models.PROTECT, related_name="handlings", verbose_name="typ"
    )
    # Secrecy under offentlighets- och sekretesslagen (2009:400).
    secret_description = models.BooleanField("beskrivningen är sekretessbelagd", default=False)
    secret_organisation = models.BooleanField(
        "avsändare eller mottagare är sekretessbelagd", default=False
    )
    secret_files = models.BooleanField("filerna är sekretessbelagda", default=False)
    osl_chapter = models.PositiveSmallIntegerField("OSL kapitel", null=True, blank=True)
    osl_section = models.CharField("OSL paragraf", max_length=20, blank=True)
    secrecy_reason = models.CharField("skäl för sekretess", max_length=500, blank=True)
    registered_at = models.DateTimeField("registrerad", auto_now_add=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="registrerad av",
    )
    source_key = models.CharField("källa", max_length=100, blank=True)
    # What the search reads, kept by the services: everything, and what the public may see.
    search_text = models.TextField(blank=True, editable=False)
    public_text = models.TextField(blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_text", "public_text"])

    class Meta:
        verbose_name = "handling"
        verbose_name_plural = "handlingar"
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["association", "date"])]
        constraints = [
            models.UniqueConstraint(fields=["case", "sequence"], name="one_handling_per_sequence"),
            models.UniqueConstraint(
                fields=["association", "source_key"],
                condition=~Q(source_key=""),
                name="one_handling_per_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.description}"

    @property
    def number(self) -> str:
        return f"{self.case.dnr}-{self.sequence}"

    @property
    def is_secret(self) -> bool:
        return self.secret_description or self.secret_organisation or self.secret_files

    @property
    def osl(self) -> str:
        if self.osl_chapter is None:
            return ""
        return f"{self.osl_chapter} kap. {self.osl_section} § OSL"

    # What the public sees.
    @property
    def public_description(self) -> str:
        return MASK if self.secret_description else self.description

    @property
    def public_organisation(self) -> str:
        return MASK if self.secret_organisation else self.organisation


def handling_file_path(instance: "HandlingFile", filename: str) -> str:
    return f"diarium/{instance.handling.association_id}/{instance.handling_id}/{filename}"


class HandlingFile(models.Model):
    """A file of a handling, with the SHA-256 of its bytes."""

    handling = models.ForeignKey(Handling, on_delete=models.CASCADE, related_name="files")
    filename = models.CharField("filnamn", max_length=200)
    file = models.FileField("fil", upload_to=handling_file_path, max_length=300)
    content_type = models.CharField("filtyp", max_length=100)
    size = models.PositiveIntegerField("storlek (byte)")
    sha256 = models.CharField("SHA-256", max_length=64)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "fil i handling"
        verbose_name_plural = "filer i handlingar"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename


class CopyRequest(models.Model):
    """Someone asked for a copy of a public handling; registered as an incoming handling and
    waiting for the kansli until it is done."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="copy_requests"
    )
    handling = models.ForeignKey(
        Handling,
        on_delete=models.SET_NULL,
        null=True,
        related_name="copy_requests",
        verbose_name="begärd handling",
    )
    requested_number = models.CharField("begärd handling (nummer)", max_length=60)
    registered_as = models.OneToOneField(
        Handling,
        on_delete=models.SET_NULL,
        null=True,
        related_name="copy_request",
        verbose_name="registrerad som",
    )
    name = models.CharField("namn", max_length=200, blank=True)
    email = models.EmailField("e-post")
    message = models.TextField("meddelande", max_length=2000, blank=True)
    # The client's address only hashed, to limit how many requests one sends.
    address_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField("inkom", auto_now_add=True)
    done_on = models.DateField("besvarad", null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="besvarad av",
    )

    history = HistoricalRecords(excluded_fields=["address_hash"])

    class Meta:
        verbose_name = "begäran om kopia"
        verbose_name_plural = "begäranden om kopia"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["address_hash", "created_at"])]

    def __str__(self) -> str:
        return f"Begäran om kopia av {self.requested_number}"


class WeedingList(models.Model):
    """A year's gallringslista: what the plan lets be weeded, decided (in a § or a
    delegation decision) before anything is deleted."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="weeding_lists"
    )
    year = models.PositiveSmallIntegerField("år")
    paragraph = models.ForeignKey(
        "meetings.Paragraph",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beslutad i paragraf",
    )
    delegation_decision = models.ForeignKey(
        "control.DelegationDecision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beslutad som delegationsbeslut",
    )
    decided_on = models.DateField("beslutad", null=True, blank=True)
    weeded_at = models.DateTimeField("gallrad", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "gallringslista"
        verbose_name_plural = "gallringslistor"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="one_weeding_list_a_year")
        ]

    def __str__(self) -> str:
        return f"Gallringslista {self.year}"

    @property
    def decided(self) -> bool:
        return self.decided_on is not None

    @property
    def decision(self) -> str:
        paragraph = self.paragraph
        if paragraph is not None:
            return f"{paragraph.meeting.date:%Y-%m-%d} § {paragraph.number}"
        if self.delegation_decision is not None:
            return f"Delegationsbeslut {self.delegation_decision}"
        return ""


class WeedingEntry(models.Model):
    """A handling on a gallringslista; once weeded the handling is gone and this row is the
    log of what was deleted, when and by whom."""

    weeding_list = models.ForeignKey(WeedingList, on_delete=models.CASCADE, related_name="entries")
    handling = models.ForeignKey(
        Handling, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    number = models.CharField("handlingens nummer", max_length=60)
    description = models.CharField("beskrivning", max_length=500)
    document_type = models.CharField("handlingstyp", max_length=200)
    dated = models.DateField("handlingens datum")
    files = models.PositiveSmallIntegerField("antal filer", default=0)
    weeded_at = models.DateTimeField("gallrad", null=True, blank=True)
    weeded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gallrad av",
    )

    class Meta:
        verbose_name = "rad i gallringslista"
        verbose_name_plural = "rader i gallringslistor"
        ordering = ["dated", "pk"]

    def __str__(self) -> str:
        return f"{self.number} {self.description}"


def package_path(instance: "ArchivePackage", filename: str) -> str:
    return f"arkiv/{instance.association_id}/{filename}"


class ArchivePackage(models.Model):
    """A closed year's handlingar, or a closed ärende's, as an archive package (FGS
    Paketstruktur / E-ARK)."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="archive_packages"
    )
    year = models.PositiveSmallIntegerField("år")
    # Set when the package holds one closed ärende rather than the whole year.
    case = models.ForeignKey(
        Case,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="archive_packages",
        verbose_name="ärende",
    )
    file = models.FileField("paket", upload_to=package_path, max_length=300)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveBigIntegerField("storlek (byte)")
    files = models.PositiveIntegerField("antal filer")
    created_at = models.DateTimeField("skapat", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="skapat av",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "arkivpaket"
        verbose_name_plural = "arkivpaket"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Arkivpaket {self.year}"


def year_closed(year: int, today: datetime.date) -> bool:
    return year < today.year
