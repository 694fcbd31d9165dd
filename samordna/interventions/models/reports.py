"""Reports from an insats: delrapporter and the slutrapport, goal by goal, the parties'
signatures and the board's approval in a §."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from samordna.associations.models import Association
from samordna.interventions.models.applications import ApplicationGoal, Intervention
from samordna.interventions.models.grants import GrantDecision
from samordna.meetings.locking import GuardedManager


class ReportKind(models.TextChoices):
    INTERIM = "interim", "Delrapport"
    FINAL = "final", "Slutrapport"


class ReportStatus(models.TextChoices):
    DUE = "due", "Ej påbörjad"
    DRAFT = "draft", "Påbörjad"
    SUBMITTED = "submitted", "Inlämnad"
    APPROVED = "approved", "Godkänd av styrelsen"


class Report(models.Model):
    """A report from the insats: a delrapport on the förbund's template (results, current
    analysis, forecast per goal) or the slutrapport (goal fulfilment per goal, signed by
    the parties)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="reports")
    intervention = models.ForeignKey(
        Intervention, on_delete=models.CASCADE, related_name="reports", verbose_name="insats"
    )
    decision = models.ForeignKey(
        GrantDecision, on_delete=models.PROTECT, related_name="reports", verbose_name="beslut"
    )
    kind = models.CharField("slag", max_length=8, choices=ReportKind.choices)
    title = models.CharField("rubrik", max_length=200)
    year = models.PositiveSmallIntegerField("avser år", null=True, blank=True)
    due_on = models.DateField("lämnas senast")
    status = models.CharField(
        "status", max_length=10, choices=ReportStatus.choices, default=ReportStatus.DUE
    )
    version = models.PositiveIntegerField("version", default=1)
    results = models.TextField("resultat", blank=True)
    analysis = models.TextField("nulägesanalys", blank=True)
    submitted_at = models.DateTimeField("inlämnad", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="inlämnad av",
    )
    reminded_on = models.DateField("senast påmind", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "rapport från insats"
        verbose_name_plural = "rapporter från insatser"
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.title}: {self.intervention}"


class Fulfilment(models.TextChoices):
    REACHED = "reached", "Uppnått"
    PARTLY = "partly", "Delvis uppnått"
    NOT_REACHED = "not_reached", "Ej uppnått"
    NOT_REPORTED = "not_reported", "Ej redovisat"


class ReportGoal(models.Model):
    """What a report says about one goal of the application: a forecast in a delrapport,
    the goal fulfilment in the slutrapport."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="goals")
    goal = models.ForeignKey(
        ApplicationGoal, on_delete=models.PROTECT, related_name="+", verbose_name="mål"
    )
    forecast = models.CharField("prognos", max_length=500, blank=True)
    fulfilment = models.CharField(
        "måluppfyllelse", max_length=12, choices=Fulfilment.choices, blank=True
    )
    comment = models.CharField("kommentar", max_length=1000, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "mål i rapport"
        verbose_name_plural = "mål i rapport"
        ordering = ["goal__position", "goal__pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "goal"], name="one_report_row_per_goal")
        ]

    def __str__(self) -> str:
        return f"{self.goal}: {self.get_fulfilment_display() or self.forecast}"


class ReportSignature(models.Model):
    """A party's signature on the slutrapport, as the kansli received it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="signatures")
    party = models.CharField("part", max_length=200)
    signed_by = models.CharField("undertecknad av", max_length=200)
    signed_on = models.DateField("datum")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "underskrift av rapport"
        verbose_name_plural = "underskrifter av rapport"
        ordering = ["signed_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "party"], name="one_signature_per_party")
        ]

    def __str__(self) -> str:
        return f"{self.party}: {self.signed_by}"


class ReportApproval(models.Model):
    """The board's approval of a report in a § ("Att godkänna slutrapporten och betala ut
    det beviljade medlet"); it releases the payment that waits for the report."""

    report = models.OneToOneField(Report, on_delete=models.PROTECT, related_name="approval")
    paragraph = models.ForeignKey(
        "meetings.Paragraph",
        on_delete=models.PROTECT,
        related_name="report_approvals",
        verbose_name="paragraf",
    )

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = "paragraph__meeting__"
    paragraph_lookup = "paragraph__"

    class Meta:
        verbose_name = "godkännande av rapport"
        verbose_name_plural = "godkännanden av rapporter"

    def __str__(self) -> str:
        return f"{self.report} godkänd i § {self.paragraph.number}"
