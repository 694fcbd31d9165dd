"""The förbund's control year: the årshjul of recurring duties, the delegationsordning with
the decisions taken under it, and the internkontrollplan with its follow-up.

Each plan is kept per year and adopted by the board in a §; once adopted it is locked and a
change is a new version (internkontroll) or next year's order (delegation).
"""

import calendar
import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.associations.models import Association, Member, Person
from samordna.meetings.models import AdoptedInParagraph

# Prisbasbelopp per year (socialförsäkringsbalken 2 kap. 6-8 §§; 2026: SFS 2025:872). A limit
# written as "ett prisbasbelopp" is resolved with the figure of the decision's year.
PRISBASBELOPP: dict[int, int] = {
    2022: 48_300,
    2023: 52_500,
    2024: 57_300,
    2025: 58_800,
    2026: 59_200,
}


# The årshjul


class CycleKind(models.TextChoices):
    BUDGET = "budget", "Verksamhetsplan och budget"
    ANNUAL_REPORT = "annual_report", "Årsredovisning"
    INTERIM_REPORT = "interim_report", "Delårsrapport"
    INTERNAL_CONTROL = "internal_control", "Uppföljning av internkontrollen"
    MEMBER_CONSULTATION = "member_consultation", "Medlemssamråd"
    DISCHARGE = "discharge", "Ansvarsfrihet"
    ALLOCATION = "allocation", "Statlig medelstilldelning"
    OWN = "own", "Förbundets egen punkt"


class CycleItem(models.Model):
    """A duty that comes back every year: its month (and day), who answers for it and
    whether it goes to a board meeting."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="cycle_items"
    )
    kind = models.CharField("slag", max_length=24, choices=CycleKind.choices, default=CycleKind.OWN)
    title = models.CharField("vad", max_length=200)
    member = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="medlem",
        help_text="För en punkt som gäller en medlem, t.ex. dess beslut om ansvarsfrihet.",
    )
    month = models.PositiveSmallIntegerField("månad")
    day = models.PositiveSmallIntegerField(
        "dag", null=True, blank=True, help_text="Lämna tomt för månadens sista dag."
    )
    responsible = models.CharField("ansvarig", max_length=200)
    to_board = models.BooleanField("går till styrelsen", default=True)
    note = models.CharField("anteckning", max_length=300, blank=True)
    active = models.BooleanField("aktiv", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "punkt i årshjulet"
        verbose_name_plural = "punkter i årshjulet"
        ordering = ["month", "day", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(month__gte=1) & Q(month__lte=12), name="cycle_item_month"
            ),
            models.CheckConstraint(
                condition=Q(day__isnull=True) | (Q(day__gte=1) & Q(day__lte=31)),
                name="cycle_item_day",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def due_in(self, year: int) -> datetime.date:
        last = calendar.monthrange(year, self.month)[1]
        return datetime.date(year, self.month, min(self.day or last, last))


class Occurrence(models.Model):
    """One year's instance of an årshjul item: when it falls due, the meeting it goes to,
    and when it was done."""

    item = models.ForeignKey(CycleItem, on_delete=models.CASCADE, related_name="occurrences")
    year = models.PositiveSmallIntegerField("år")
    due_on = models.DateField("senast")
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cycle_occurrences",
        verbose_name="sammanträde",
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="punkt på dagordningen",
    )
    done_on = models.DateField("klart", null=True, blank=True)
    note = models.CharField("anteckning", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "händelse i årshjulet"
        verbose_name_plural = "händelser i årshjulet"
        ordering = ["due_on", "item__title"]
        constraints = [
            models.UniqueConstraint(fields=["item", "year"], name="one_occurrence_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.item.title} {self.year}"

    def is_late(self, today: datetime.date) -> bool:
        return self.done_on is None and self.due_on < today


# Delegation


class DelegationOrder(AdoptedInParagraph):
    """The year's delegationsordning: what the board delegates, to whom, up to what."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="delegation_orders"
    )
    year = models.PositiveSmallIntegerField("år")
    note = models.CharField("anteckning", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "delegationsordning"
        verbose_name_plural = "delegationsordningar"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year"], name="one_delegation_order_a_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="delegation_order_year"
            ),
        ]

    def __str__(self) -> str:
        return f"Delegationsordning {self.year}"


class LimitKind(models.TextChoices):
    NONE = "none", "Ingen beloppsgräns"
    AMOUNT = "amount", "Belopp i kronor"
    PRISBASBELOPP = "pbb", "Prisbasbelopp"


class DelegationPoint(models.Model):
    order = models.ForeignKey(
        DelegationOrder, on_delete=models.CASCADE, related_name="points", verbose_name="ordning"
    )
    number = models.PositiveSmallIntegerField("punkt")
    matter = models.CharField("ärende", max_length=300)
    delegate = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name="delegat"
    )
    delegate_title = models.CharField("delegatens uppdrag", max_length=100, blank=True)
    deputy = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ersättare",
    )
    limit_kind = models.CharField(
        "beloppsgräns", max_length=8, choices=LimitKind.choices, default=LimitKind.NONE
    )
    limit_amount = models.PositiveIntegerField("gräns i kronor", null=True, blank=True)
    limit_multiple = models.DecimalField(
        "antal prisbasbelopp", max_digits=5, decimal_places=2, null=True, blank=True
    )
    limit_note = models.CharField(
        "gränsen avser", max_length=100, blank=True, help_text="T.ex. per objekt."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "delegationspunkt"
        verbose_name_plural = "delegationspunkter"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["order", "number"], name="one_point_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.matter}"

    def limit_in(self, year: int) -> int | None:
        """The limit in kronor for a decision of `year`; None if there is none. KeyError when
        the year's prisbasbelopp is not known."""
        if self.limit_kind == LimitKind.AMOUNT:
            return self.limit_amount
        if self.limit_kind == LimitKind.PRISBASBELOPP:
            multiple = self.limit_multiple or Decimal(1)
            return int(multiple * PRISBASBELOPP[year])
        return None

    @property
    def limit_text(self) -> str:
        if self.limit_kind == LimitKind.AMOUNT and self.limit_amount is not None:
            from samordna.core.text import format_kronor

            text = f"högst {format_kronor(self.limit_amount)}"
        elif self.limit_kind == LimitKind.PRISBASBELOPP:
            multiple = self.limit_multiple or Decimal(1)
            text = (
                "högst ett prisbasbelopp"
                if multiple == 1
                else f"högst {str(multiple.normalize()).replace('.', ',')} prisbasbelopp"
            )
        else:
            return "Ingen beloppsgräns"
        return f"{text} {self.limit_note}".strip()


class DelegationDecision(models.Model):
    """A decision taken under delegation; it is reported to the board's next meeting."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="delegation_decisions"
    )
    point = models.ForeignKey(
        DelegationPoint,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name="delegationspunkt",
    )
    decided_on = models.DateField("beslutsdatum")
    decided_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name="beslutat av"
    )
    matter = models.CharField("beslut", max_length=300)
    amount = models.PositiveIntegerField("belopp (kr)", null=True, blank=True)
    reference = models.CharField("diarienummer eller underlag", max_length=100, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField("registrerat", auto_now_add=True)
    reported_at = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegation_decisions",
        verbose_name="anmält vid",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "delegationsbeslut"
        verbose_name_plural = "delegationsbeslut"
        ordering = ["decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.decided_on:%Y-%m-%d} {self.matter}"


# Internkontroll


class ControlPlan(AdoptedInParagraph):
    """A year's plan för intern styrning och kontroll; a change after adoption is a new
    version that the board adopts again."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="control_plans"
    )
    year = models.PositiveSmallIntegerField("år")
    version = models.PositiveSmallIntegerField("version", default=1)
    introduction = models.TextField("inledning", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "internkontrollplan"
        verbose_name_plural = "internkontrollplaner"
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year", "version"], name="one_control_plan_version"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="control_plan_year"
            ),
        ]

    def __str__(self) -> str:
        suffix = f", version {self.version}" if self.version > 1 else ""
        return f"Plan för intern styrning och kontroll {self.year}{suffix}"


class ControlRow(models.Model):
    plan = models.ForeignKey(
        ControlPlan, on_delete=models.CASCADE, related_name="rows", verbose_name="plan"
    )
    position = models.PositiveSmallIntegerField("ordning")
    process = models.CharField("process/rutin", max_length=200)
    control_step = models.CharField("kontrollmoment", max_length=300)
    responsible = models.CharField("kontrollansvarig", max_length=200)
    frequency = models.CharField("frekvens", max_length=200)
    method = models.CharField("metod", max_length=200, blank=True)
    reported_to = models.CharField("rapporteras till", max_length=200, default="Styrelsen")
    risk = models.CharField("risk som kontrollen möter", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kontrollmoment"
        verbose_name_plural = "kontrollmoment"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.process}: {self.control_step}"


class ControlFollowUp(models.Model):
    """The follow-up of one row for one period."""

    row = models.ForeignKey(
        ControlRow, on_delete=models.CASCADE, related_name="followups", verbose_name="rad"
    )
    period = models.CharField("period", max_length=100, help_text="T.ex. 2023 eller 2023 T1.")
    followed_up_on = models.DateField("uppföljt")
    done = models.BooleanField("kontrollen genomförd", default=True)
    method = models.CharField("metod", max_length=200, blank=True)
    finding = models.TextField("iakttagelse", blank=True)
    deviation = models.BooleanField("avvikelse", default=False)
    action = models.CharField("åtgärd", max_length=300, blank=True)
    action_owner = models.CharField("ansvarig för åtgärden", max_length=200, blank=True)
    action_due = models.DateField("åtgärdas senast", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "uppföljning av kontrollmoment"
        verbose_name_plural = "uppföljningar av kontrollmoment"
        ordering = ["followed_up_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["row", "period"], name="one_followup_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.row} ({self.period})"


# Risk- och väsentlighetsanalys

CONSEQUENCES = {1: "Försumbar", 2: "Lindrig", 3: "Kännbar", 4: "Allvarlig"}
PROBABILITIES = {1: "Osannolik", 2: "Mindre sannolik", 3: "Möjlig", 4: "Sannolik"}


class RiskAnalysis(AdoptedInParagraph):
    """A year's risk- och väsentlighetsanalys; risks whose value is above the threshold must
    have a control in the year's internkontrollplan."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="risk_analyses"
    )
    year = models.PositiveSmallIntegerField("år")
    threshold = models.PositiveSmallIntegerField(
        "tröskel för riskvärde",
        default=6,
        help_text="Risker med högre värde (väsentlighet × sannolikhet) ska ha ett kontrollmoment.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "risk- och väsentlighetsanalys"
        verbose_name_plural = "risk- och väsentlighetsanalyser"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year"], name="one_risk_analysis_a_year"
            ),
            models.CheckConstraint(
                condition=Q(threshold__gte=1) & Q(threshold__lte=16), name="risk_threshold"
            ),
        ]

    def __str__(self) -> str:
        return f"Risk- och väsentlighetsanalys {self.year}"


class RiskRow(models.Model):
    analysis = models.ForeignKey(
        RiskAnalysis, on_delete=models.CASCADE, related_name="rows", verbose_name="analys"
    )
    position = models.PositiveSmallIntegerField("ordning")
    process = models.CharField("rutin eller process", max_length=200, blank=True)
    risk = models.CharField("risk", max_length=400)
    consequence = models.PositiveSmallIntegerField(
        "väsentlighet (konsekvens)", choices=sorted(CONSEQUENCES.items())
    )
    probability = models.PositiveSmallIntegerField(
        "sannolikhet", choices=sorted(PROBABILITIES.items())
    )
    handling = models.CharField("riskhantering", max_length=400, blank=True)
    control_process = models.CharField(
        "kontrolleras under (process i internkontrollplanen)",
        max_length=200,
        blank=True,
        help_text="Processen i årets internkontrollplan som kontrollerar risken.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "risk"
        verbose_name_plural = "risker"
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(consequence__gte=1) & Q(consequence__lte=4), name="risk_consequence"
            ),
            models.CheckConstraint(
                condition=Q(probability__gte=1) & Q(probability__lte=4), name="risk_probability"
            ),
        ]

    def __str__(self) -> str:
        return self.risk

    @property
    def value(self) -> int:
        return self.consequence * self.probability


# Ansvarsfrihet


class MemberDischarge(models.Model):
    """A member's decision on the förbund's årsredovisning for a year and on ansvarsfrihet
    for the board (each member decides separately, DOMAIN §3.6)."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="member_discharges"
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="+", verbose_name="medlem"
    )
    year = models.PositiveSmallIntegerField("verksamhetsår")
    body = models.CharField(
        "beslutande organ",
        max_length=200,
        help_text="T.ex. kommunfullmäktige eller regionfullmäktige.",
    )
    decided_on = models.DateField(
        "beslutsdatum", null=True, blank=True, help_text="Lämna tomt om datumet inte är känt."
    )
    report_approved = models.BooleanField("årsredovisningen godkänd", null=True, blank=True)
    discharge_granted = models.BooleanField("ansvarsfrihet beviljad", null=True, blank=True)
    reference = models.CharField("beslut eller handling (Dnr)", max_length=200, blank=True)
    reported_in = models.ForeignKey(
        "meetings.Paragraph",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="anmält för styrelsen i paragraf",
    )
    file = models.FileField("beslutet (fil)", upload_to="styrning/ansvarsfrihet/%Y/", blank=True)
    content_type = models.CharField("filtyp", max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "beslut om ansvarsfrihet"
        verbose_name_plural = "beslut om ansvarsfrihet"
        ordering = ["-year", "member__name"]
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="one_discharge_per_member_year")
        ]

    def __str__(self) -> str:
        return f"{self.member}: ansvarsfrihet {self.year}"

    @property
    def extension(self) -> str:
        return ".pdf" if self.content_type == "application/pdf" else ".docx"


# Revision


def document_path(instance: "StoredDocument", filename: str) -> str:
    """Stored under a random name; the page gives the file a name of its own."""
    return f"styrning/{uuid.uuid4().hex}{instance.extension}"


class StoredDocument(models.Model):
    """A PDF or Word file kept in the control year (an auditor's report, a medlemssamråd's
    papers); read through `core/uploads.py` limits and checked as the meeting's papers are."""

    title = models.CharField("rubrik", max_length=200)
    file = models.FileField("fil", upload_to=document_path)
    content_type = models.CharField("filtyp", max_length=100)
    size = models.PositiveIntegerField("storlek (byte)", default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("uppladdad", auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return ".pdf" if self.content_type == "application/pdf" else ".docx"


class Auditor(models.Model):
    """One of the förbund's auditors for a year: each member appoints its own (Finsam-lagen
    27 §; Försäkringskassan the state's)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="auditors")
    year = models.PositiveSmallIntegerField("år")
    name = models.CharField("namn", max_length=200)
    assignment = models.CharField(
        "uppdrag", max_length=200, blank=True, help_text="T.ex. förtroendevald revisor."
    )
    appointed_by = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="+", verbose_name="utsedd av"
    )
    appointing_body = models.CharField(
        "utsedd av (organ)",
        max_length=200,
        blank=True,
        help_text="T.ex. regionfullmäktige.",
    )
    note = models.CharField("anteckning", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "revisor"
        verbose_name_plural = "revisorer"
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year", "name"], name="one_auditor_a_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="auditor_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class AuditKind(models.TextChoices):
    AUDIT_REPORT = "audit_report", "Revisionsberättelse"
    REVIEW = "review", "Granskningsrapport"
    RECOMMENDATIONS = "recommendations", "Revisorernas rekommendationer"
    OTHER = "other", "Annan handling från revisorerna"


class AuditDocument(StoredDocument):
    """An auditor's report or recommendations for a year, with the board's answers."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="audit_documents"
    )
    year = models.PositiveSmallIntegerField("verksamhetsår")
    kind = models.CharField("slag", max_length=20, choices=AuditKind.choices)
    auditor = models.ForeignKey(
        Auditor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name="revisor",
        help_text="Lämna tomt för en handling från alla revisorerna.",
    )
    received_on = models.DateField("inkommen")
    recommendations = models.TextField(
        "rekommendationer", blank=True, help_text="Det styrelsen ska svara på, en per rad."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "handling från revisorerna"
        verbose_name_plural = "handlingar från revisorerna"
        ordering = ["-received_on", "-pk"]


class AuditAnswer(models.Model):
    """The board's answer to an auditor's report, with its date (and § when decided at a
    meeting)."""

    document = models.ForeignKey(
        AuditDocument, on_delete=models.CASCADE, related_name="answers", verbose_name="handling"
    )
    answered_on = models.DateField("besvarad")
    answer = models.TextField("styrelsens svar")
    paragraph = models.ForeignKey(
        "meetings.Paragraph",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beslutat i paragraf",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "styrelsens svar till revisorerna"
        verbose_name_plural = "styrelsens svar till revisorerna"
        ordering = ["answered_on", "pk"]

    def __str__(self) -> str:
        return f"Svar {self.answered_on:%Y-%m-%d}: {self.document}"


# Medlemssamråd


class MemberConsultation(models.Model):
    """A medlemssamråd: the members' representatives meet the board (DOMAIN §3.6); it is an
    item of the årshjul, done when it is held."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="consultations"
    )
    held_on = models.DateField("datum")
    place = models.CharField("plats", max_length=200, blank=True)
    notes = models.TextField("anteckningar", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "medlemssamråd"
        verbose_name_plural = "medlemssamråd"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Medlemssamråd {self.held_on:%Y-%m-%d}"


class ConsultationRepresentative(models.Model):
    """Who represents a member at a medlemssamråd."""

    consultation = models.ForeignKey(
        MemberConsultation,
        on_delete=models.CASCADE,
        related_name="representatives",
        verbose_name="medlemssamråd",
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="+", verbose_name="medlem"
    )
    name = models.CharField("namn", max_length=200)
    assignment = models.CharField(
        "uppdrag", max_length=200, blank=True, help_text="T.ex. kommunstyrelsens ordförande."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "representant vid medlemssamråd"
        verbose_name_plural = "representanter vid medlemssamråd"
        ordering = ["member__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.member})"


class ConsultationDocument(StoredDocument):
    consultation = models.ForeignKey(
        MemberConsultation,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name="medlemssamråd",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "handling från medlemssamråd"
        verbose_name_plural = "handlingar från medlemssamråd"
        ordering = ["pk"]
