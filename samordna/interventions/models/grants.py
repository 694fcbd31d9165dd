"""The board's decision on an application and the money that follows it: conditions, amounts
per year, the payment plan, the agreement, payments and what returns to the förbund.

A decision, its conditions, amounts and plan hang on a § and are locked with the minutes
once they are justerade (`samordna.meetings.locking`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.associations.models import Association
from samordna.interventions.models.applications import MAX_AMOUNT, Application
from samordna.meetings.locking import GuardedManager


class Outcome(models.TextChoices):
    GRANTED = "granted", "Beviljad"
    PARTLY = "partly", "Delvis beviljad"
    REFUSED = "refused", "Avslagen"


class GrantDecision(models.Model):
    """The board's decision on an application, recorded in a § of the minutes.

    Decisions taken before the förbund used Samordna have no § in it: `earlier_reference`
    says where the decision is ("Styrelsen 2023-02-10 § 12").
    """

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="grant_decisions"
    )
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="decision", verbose_name="ansökan"
    )
    paragraph = models.ForeignKey(
        "meetings.Paragraph",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grant_decisions",
        verbose_name="paragraf",
    )
    earlier_reference = models.CharField("beslutet finns i", max_length=300, blank=True)
    decided_on = models.DateField("beslutsdatum")
    outcome = models.CharField("beslut", max_length=8, choices=Outcome.choices)

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = "paragraph__meeting__"
    paragraph_lookup = "paragraph__"

    class Meta:
        verbose_name = "beslut om ansökan"
        verbose_name_plural = "beslut om ansökningar"
        constraints = [
            models.CheckConstraint(
                condition=Q(paragraph__isnull=False) | ~Q(earlier_reference=""),
                name="decision_has_paragraph_or_reference",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.application}"

    @property
    def source(self) -> str:
        paragraph = self.paragraph
        if paragraph is not None:
            return f"{paragraph.meeting.date:%Y-%m-%d} § {paragraph.number}"
        return self.earlier_reference


class DecisionCondition(models.Model):
    """A condition in the decision ("under förutsättning att förbundet får bidrag från
    huvudmännen för 2024"); money that depends on it waits until the kansli marks it met."""

    decision = models.ForeignKey(GrantDecision, on_delete=models.CASCADE, related_name="conditions")
    text = models.CharField("villkor", max_length=500)

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = "decision__paragraph__meeting__"
    paragraph_lookup = "decision__paragraph__"

    class Meta:
        verbose_name = "villkor i beslut"
        verbose_name_plural = "villkor i beslut"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text


class ConditionMet(models.Model):
    """The kansli's note that a condition is met; kept apart from the locked decision."""

    condition = models.OneToOneField(
        DecisionCondition, on_delete=models.PROTECT, related_name="met"
    )
    met_on = models.DateField("uppfyllt")
    note = models.CharField("hur det är uppfyllt", max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "uppfyllt villkor"
        verbose_name_plural = "uppfyllda villkor"

    def __str__(self) -> str:
        return f"{self.condition} (uppfyllt {self.met_on:%Y-%m-%d})"


class PaymentPlan(models.TextChoices):
    HALF_THEN_REPORT = (
        "half_report",
        "Hälften när avtal tecknats, resten när årets redovisning godkänts av styrelsen",
    )
    AGREEMENT = "agreement", "Allt när avtal tecknats"
    FINAL_REPORT = "final_report", "Allt när slutrapporten godkänts av styrelsen"
    INVOICE = "invoice", "Mot faktura, efter att avtal tecknats"


class GrantAmount(models.Model):
    """Money granted for one year, to the applicant or (a part) to another party."""

    decision = models.ForeignKey(GrantDecision, on_delete=models.CASCADE, related_name="amounts")
    year = models.PositiveSmallIntegerField("år")
    amount = models.PositiveIntegerField("belopp (kr)")
    # Empty for the applicant; otherwise the party a part goes to (premises to the host).
    recipient = models.CharField("till annan part", max_length=300, blank=True)
    purpose = models.CharField("för", max_length=300, blank=True)
    plan = models.CharField("utbetalning", max_length=14, choices=PaymentPlan.choices)
    condition = models.ForeignKey(
        DecisionCondition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amounts",
        verbose_name="villkor",
    )

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = "decision__paragraph__meeting__"
    paragraph_lookup = "decision__paragraph__"

    class Meta:
        verbose_name = "beviljat belopp"
        verbose_name_plural = "beviljade belopp"
        ordering = ["year", "recipient", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=1) & Q(amount__lte=MAX_AMOUNT),
                name="grant_amount_1_to_100_msek",
            )
        ]

    def __str__(self) -> str:
        to = f" till {self.recipient}" if self.recipient else ""
        return f"{self.year}: {self.amount} kr{to}"


class Trigger(models.TextChoices):
    AGREEMENT = "agreement", "När avtal tecknats"
    REPORT = "report", "När rapporten godkänts av styrelsen"
    INVOICE = "invoice", "Mot faktura"


class Instalment(models.Model):
    """One payment the plan foresees, and what must have happened before it is made."""

    grant = models.ForeignKey(GrantAmount, on_delete=models.CASCADE, related_name="instalments")
    position = models.PositiveSmallIntegerField("ordning")
    amount = models.PositiveIntegerField("belopp (kr)")
    trigger = models.CharField("betalas", max_length=10, choices=Trigger.choices)
    report = models.ForeignKey(
        "interventions.Report",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instalments",
        verbose_name="rapport",
    )
    not_before = models.DateField("tidigast")

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = "grant__decision__paragraph__meeting__"
    paragraph_lookup = "grant__decision__paragraph__"

    class Meta:
        verbose_name = "planerad utbetalning"
        verbose_name_plural = "utbetalningsplan"
        ordering = ["grant__year", "position"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(trigger="report") | Q(report__isnull=False),
                name="report_instalment_names_report",
            )
        ]

    def __str__(self) -> str:
        return f"{self.amount} kr {self.get_trigger_display().lower()}"


class Agreement(models.Model):
    """The agreement the förbundschef draws up after a decision; the signing date starts
    the payments that wait for it."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="agreements"
    )
    decision = models.OneToOneField(
        GrantDecision, on_delete=models.PROTECT, related_name="agreement"
    )
    number = models.CharField("avtalsnummer", max_length=20)
    drawn_up_on = models.DateField("upprättat")
    signed_on = models.DateField("undertecknat av båda parter", null=True, blank=True)
    signed_note = models.CharField("undertecknat av", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "avtal"
        verbose_name_plural = "avtal"
        constraints = [
            models.UniqueConstraint(fields=["association", "number"], name="unique_agreement_no")
        ]

    def __str__(self) -> str:
        return f"Avtal {self.number}"


class Payment(models.Model):
    """Money paid out of a grant. `request_token` comes from the form, so that a form
    sent twice (two clicks, two tabs) records one payment."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="payments")
    grant = models.ForeignKey(
        GrantAmount, on_delete=models.PROTECT, related_name="payments", verbose_name="beviljat"
    )
    instalment = models.ForeignKey(
        Instalment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
        verbose_name="enligt plan",
    )
    amount = models.PositiveIntegerField("belopp (kr)")
    paid_on = models.DateField("utbetald")
    reference = models.CharField("verifikation eller fakturanummer", max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("registrerad", auto_now_add=True)
    request_token = models.CharField(max_length=64, unique=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "utbetalning"
        verbose_name_plural = "utbetalningar"
        ordering = ["paid_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=1) & Q(amount__lte=MAX_AMOUNT),
                name="payment_1_to_100_msek",
            )
        ]

    def __str__(self) -> str:
        return f"{self.amount} kr {self.paid_on:%Y-%m-%d}"


class Release(models.Model):
    """Money of a grant that will not be paid (the insats ended under budget): it returns
    to the förbund's equity."""

    grant = models.OneToOneField(GrantAmount, on_delete=models.PROTECT, related_name="release")
    amount = models.PositiveIntegerField("belopp (kr)")
    released_on = models.DateField("återförd")
    reason = models.CharField("skäl", max_length=500)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "återfört belopp"
        verbose_name_plural = "återförda belopp"

    def __str__(self) -> str:
        return f"{self.amount} kr återfört {self.released_on:%Y-%m-%d}"
