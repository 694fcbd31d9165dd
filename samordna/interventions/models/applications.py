"""Insatser and their applications: the form with its parties, goals and budget, and the
beredning (comments, the förbund's criteria, the beredningsgrupp, its settings)."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.associations.models import Association, Member

# Amounts above this are refused as typing errors: no förbund has 100 MSEK a year.
MAX_AMOUNT = 100_000_000


class Direction(models.TextChoices):
    INDIVIDUAL = "individual", "Individinriktad"
    STRUCTURAL = "structural", "Strukturövergripande"


class ApplicationKind(models.TextChoices):
    NEW = "new", "Ny insats"
    PROLONGATION = "prolongation", "Förlängning av en tidigare insats"
    SUPPLEMENT = "supplement", "Tilläggsansökan"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "Utkast"
    SUBMITTED = "submitted", "Inskickad"
    PREPARATION = "preparation", "Under beredning"
    DECIDED = "decided", "Beslutad"
    WITHDRAWN = "withdrawn", "Återtagen"


class CostType(models.TextChoices):
    """The rows of the budget table on the förbund's application form."""

    SALARIES = "salaries", "Lönekostnader"
    PREMISES = "premises", "Lokalkostnader"
    MATERIAL = "material", "Material/IT"
    ACTIVITIES = "activities", "Aktiviteter"
    EXTERNAL = "external", "Externa tjänster"
    TRAVEL = "travel", "Resekostnader"
    OTHER = "other", "Övriga"


class TargetGroup(models.Model):
    """A target group the public catalogue filters by (fixed list, loaded by a migration)."""

    code = models.SlugField("kod", max_length=40, unique=True)
    name = models.CharField("målgrupp", max_length=100)
    position = models.PositiveSmallIntegerField("ordning", default=0)

    class Meta:
        verbose_name = "målgrupp"
        verbose_name_plural = "målgrupper"
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class GrantSettings(models.Model):
    """How one förbund handles its grants: goals, report deadlines and reminders."""

    association = models.OneToOneField(
        Association, on_delete=models.CASCADE, related_name="grant_settings"
    )
    goal_target_percent = models.PositiveSmallIntegerField(
        "mål: andel insatser som når sina mål (%)",
        default=80,
        help_text="Förbundets mål, t.ex. 80 % av de beviljade insatserna ska nå sina egna mål.",
    )
    goal_reached_percent = models.PositiveSmallIntegerField(
        "en insats når sina mål när minst så här stor andel av målen är uppnådda (%)",
        default=50,
        help_text="Ett delvis uppnått mål räknas som ett halvt.",
    )
    yearly_report_due = models.DateField(
        "årsredovisning från insatsen senast (dag och månad året efter)",
        default=datetime.date(2000, 1, 31),
        help_text="Bara dag och månad används.",
    )
    final_report_days = models.PositiveSmallIntegerField(
        "slutrapport senast, dagar efter insatsens slut", default=60
    )
    reminder_days = models.PositiveSmallIntegerField(
        "påminnelse om rapport, dagar före sista dag", default=14
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "inställningar för insatser"
        verbose_name_plural = "inställningar för insatser"
        constraints = [
            models.CheckConstraint(
                condition=Q(goal_target_percent__lte=100) & Q(goal_reached_percent__lte=100),
                name="grant_settings_percent_at_most_100",
            )
        ]

    def __str__(self) -> str:
        return f"Inställningar för insatser, {self.association}"


class PreparationMember(models.Model):
    """A user in the förbund's beredningsgrupp: reads, comments and assesses applications."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="preparation_members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="preparation_memberships",
        verbose_name="användare",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "ledamot i beredningsgruppen"
        verbose_name_plural = "beredningsgruppen"
        constraints = [
            models.UniqueConstraint(
                fields=["association", "user"], name="one_preparation_membership"
            )
        ]

    def __str__(self) -> str:
        return str(self.user)


class AssessmentCriterion(models.Model):
    """One line of the förbund's checklist for assessing applications."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="assessment_criteria"
    )
    position = models.PositiveSmallIntegerField("ordning")
    text = models.CharField("kriterium", max_length=300)
    active = models.BooleanField("används", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bedömningskriterium"
        verbose_name_plural = "bedömningskriterier"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Intervention(models.Model):
    """An insats: one owner, run across years; each application adds to its history."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="interventions"
    )
    name = models.CharField("insatsens namn", max_length=300)
    owner = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="interventions", verbose_name="insatsägare"
    )
    owner_unit = models.CharField("organisation och enhet", max_length=300, blank=True)
    direction = models.CharField("inriktning", max_length=12, choices=Direction.choices)
    esf = models.BooleanField("medfinansieras av ESF", default=False)
    # The span of the granted applications, kept by the decision services.
    starts_on = models.DateField("från", null=True, blank=True)
    ends_on = models.DateField("till och med", null=True, blank=True)
    closed_on = models.DateField("slutreglerad", null=True, blank=True)
    closing_note = models.CharField("anteckning vid slutreglering", max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "insats"
        verbose_name_plural = "insatser"

    def __str__(self) -> str:
        return self.name


class Application(models.Model):
    """An application on the förbund's form, from draft to decision.

    Drafts may be incomplete; `services.application_submit` checks the form's rules.
    `version` counts saves, so that two people editing the same application cannot
    overwrite each other unnoticed.
    """

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="applications"
    )
    intervention = models.ForeignKey(
        Intervention,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name="insats",
    )
    kind = models.CharField(
        "slag av ansökan", max_length=12, choices=ApplicationKind.choices, default="new"
    )
    status = models.CharField(
        "status", max_length=12, choices=ApplicationStatus.choices, default="draft"
    )
    version = models.PositiveIntegerField("version", default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="skapad av",
    )
    received_on_paper = models.BooleanField("inkom på papper", default=False)

    # Uppgifter om ansvarig part (stödmottagare)
    member = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name="ansvarig part (medlem)",
    )
    organisation_name = models.CharField("organisationens namn", max_length=200, blank=True)
    unit = models.CharField("enhet eller arbetsställe", max_length=200, blank=True)
    organisation_number = models.CharField("organisationsnummer", max_length=11, blank=True)
    signatory = models.CharField("behörig att teckna avtal", max_length=200, blank=True)
    signatory_title = models.CharField("befattning", max_length=200, blank=True)
    contact_name = models.CharField("kontaktperson", max_length=200, blank=True)
    contact_phone = models.CharField("kontaktpersonens telefon", max_length=40, blank=True)
    contact_email = models.EmailField("kontaktpersonens e-post", blank=True)
    postal_address = models.CharField("utdelningsadress", max_length=200, blank=True)
    postal_code = models.CharField("postnummer", max_length=10, blank=True)
    city = models.CharField("postort", max_length=100, blank=True)
    bankgiro = models.CharField("bankgiro", max_length=12, blank=True)
    plusgiro = models.CharField("plusgiro", max_length=12, blank=True)

    # The insats
    name = models.CharField("insatsens namn", max_length=300, blank=True)
    summary = models.TextField("sammanfattning", blank=True)
    background = models.TextField("bakgrund", blank=True)
    purpose = models.TextField("syfte", blank=True)
    target_group = models.TextField("målgrupp", blank=True)
    what_is_new = models.TextField("vad är nytt (avgränsningar och mervärde)", blank=True)
    implementation = models.TextField("genomförande och samverkan", blank=True)
    gender_equality = models.TextField("jämställdhet", blank=True)
    evaluation = models.TextField("uppföljning och utvärdering", blank=True)
    expected_results_parties = models.TextField(
        "förväntat resultat för de samverkande parterna", blank=True
    )
    expected_results_individuals = models.TextField(
        "förväntat resultat för individerna", blank=True
    )
    starts_on = models.DateField("insatsen börjar", null=True, blank=True)
    ends_on = models.DateField("insatsen slutar", null=True, blank=True)
    direction = models.CharField("inriktning", max_length=12, choices=Direction.choices, blank=True)
    esf = models.CharField(
        "medfinansiering från Europeiska socialfonden (ESF)",
        max_length=3,
        choices=[("yes", "Ja"), ("no", "Nej")],
        blank=True,
    )

    submitted_at = models.DateTimeField("inskickad", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="inskickad av",
    )

    # Beredning
    officer_opinion = models.TextField("tjänsteutlåtande", blank=True)
    recommendation = models.CharField(
        "förslag till beslut",
        max_length=10,
        choices=[("granted", "Bevilja"), ("partly", "Bevilja delvis"), ("refused", "Avslå")],
        blank=True,
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name="på dagordningen",
    )
    presenter = models.CharField(
        "inbjuden att presentera",
        max_length=200,
        blank=True,
        help_text="Den som föredrar ansökan muntligt för styrelsen.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "ansökan"
        verbose_name_plural = "ansökningar"
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="application_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name or "Ansökan utan namn"

    @property
    def is_editable_by_applicant(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def years(self) -> list[int]:
        """The calendar years of the period."""
        if self.starts_on is None or self.ends_on is None:
            return []
        return list(range(self.starts_on.year, self.ends_on.year + 1))


class ApplicationParty(models.Model):
    """A cooperating party (samverkanspart) named in the application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="parties")
    position = models.PositiveSmallIntegerField("ordning", default=0)
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="+", verbose_name="medlem"
    )
    organisation_name = models.CharField("organisationens namn", max_length=200, blank=True)
    unit = models.CharField("enhet eller arbetsställe", max_length=200, blank=True)
    signatory = models.CharField("behörig att teckna avtal", max_length=200, blank=True)
    contact_name = models.CharField("kontaktperson", max_length=200, blank=True)
    contact_phone = models.CharField("telefon", max_length=40, blank=True)
    contact_email = models.EmailField("e-post", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "samverkanspart"
        verbose_name_plural = "samverkansparter"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.organisation_name or self.member.name


class ApplicationGoal(models.Model):
    """A goal of the insats with its indicator: how it is measured."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="goals")
    position = models.PositiveSmallIntegerField("ordning", default=0)
    text = models.TextField("mål", max_length=2000)
    indicator = models.TextField("indikator (hur målet mäts)", max_length=1000)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "mål"
        verbose_name_plural = "mål"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class ApplicationBudgetLine(models.Model):
    """One cell of the application's budget table: a cost type in a year."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_lines"
    )
    cost_type = models.CharField("kostnadsslag", max_length=12, choices=CostType.choices)
    year = models.PositiveSmallIntegerField("år")
    amount = models.PositiveIntegerField("belopp (kr)")
    specification = models.CharField("specifikation", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "budgetrad"
        verbose_name_plural = "budget"
        ordering = ["year", "cost_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "cost_type", "year"], name="one_budget_cell"
            ),
            models.CheckConstraint(
                condition=Q(amount__lte=MAX_AMOUNT), name="budget_amount_at_most_100_msek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_cost_type_display()} {self.year}: {self.amount} kr"


def application_file_path(instance: "ApplicationAttachment", filename: str) -> str:
    return (
        f"ansokningar/{instance.application.association_id}/{instance.application_id}/"
        f"{secrets.token_hex(6)}{instance.extension}"
    )


class ApplicationAttachment(models.Model):
    """A file sent with the application: a longer description, a budget, a letter."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField("rubrik", max_length=300)
    file = models.FileField("fil", upload_to=application_file_path)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField("storlek (byte)")
    uploaded_at = models.DateTimeField("uppladdad", auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bilaga till ansökan"
        verbose_name_plural = "bilagor till ansökan"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return ".pdf" if self.content_type == "application/pdf" else ".docx"


class ApplicationComment(models.Model):
    """A note in the beredning, for the kansli and the beredningsgrupp."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="av"
    )
    text = models.TextField("kommentar")
    created_at = models.DateTimeField("skriven", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kommentar i beredningen"
        verbose_name_plural = "kommentarer i beredningen"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:40]}"


class Verdict(models.TextChoices):
    MET = "met", "Uppfyllt"
    PARTLY = "partly", "Delvis uppfyllt"
    NOT_MET = "not_met", "Inte uppfyllt"


class Assessment(models.Model):
    """The beredning's verdict on one criterion of the checklist."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assessments"
    )
    criterion = models.ForeignKey(
        AssessmentCriterion, on_delete=models.PROTECT, related_name="+", verbose_name="kriterium"
    )
    verdict = models.CharField("bedömning", max_length=8, choices=Verdict.choices, blank=True)
    comment = models.CharField("motivering", max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bedömning"
        verbose_name_plural = "bedömningar"
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion"], name="one_assessment_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.get_verdict_display()}"
