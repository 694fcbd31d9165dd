"""Board fees (arvoden): the fee list of each meeting, the claims for loss of earnings and
travel, and the förbund's rates for them.

The sammanträdesarvode itself is computed from the roll call by `rules.py`; a list that the
kansli fastställer keeps what was computed then in `FeeLine`, so a later change of the
grundbelopp or of a seat never changes what was paid.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.associations.models import Association, BoardSeat, Person
from samordna.core.text import NBSP, format_kronor
from samordna.fees.rules import format_decimal


class FeeSettings(models.Model):
    """The förbund's rates for what is claimed besides the fee (one row per förbund)."""

    association = models.OneToOneField(
        Association, on_delete=models.CASCADE, related_name="fee_settings"
    )
    km_rate = models.DecimalField(
        "reseersättning per km (kr)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("2.50"),
        help_text="Ersättning för resa med egen bil, t.ex. 2,50 kr per km (25 kr per mil).",
    )
    loss_max_per_hour = models.PositiveIntegerField(
        "högsta förlorade arbetsförtjänst per timme (kr)",
        default=600,
        help_text="Belopp per timme över detta godtas inte.",
    )
    loss_max_hours = models.DecimalField(
        "högst antal timmar förlorad arbetsförtjänst per sammanträde",
        max_digits=4,
        decimal_places=1,
        default=Decimal("8"),
        help_text="Sammanträdet och resan dit och hem, högst en arbetsdag.",
    )
    note = models.CharField(
        "grund för ersättningarna",
        max_length=300,
        blank=True,
        help_text="T.ex. vilket reglemente förbundet följer.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "inställningar för arvoden"
        verbose_name_plural = "inställningar för arvoden"
        constraints = [
            models.CheckConstraint(condition=Q(km_rate__gte=0), name="fee_km_rate_not_negative"),
            models.CheckConstraint(
                condition=Q(loss_max_hours__gt=0) & Q(loss_max_hours__lte=24),
                name="fee_loss_hours_within_day",
            ),
        ]

    def __str__(self) -> str:
        return f"Inställningar för arvoden, {self.association}"


class FeeListStatus(models.TextChoices):
    OPEN = "open", "Ej fastställd"
    FIXED = "fixed", "Fastställd"


class FeeList(models.Model):
    """The fee list of one meeting: open while claims come in, then fastställd (locked)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="fee_lists")
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="fee_list"
    )
    status = models.CharField(
        "status", max_length=8, choices=FeeListStatus.choices, default=FeeListStatus.OPEN
    )
    fixed_at = models.DateTimeField("fastställd", null=True, blank=True)
    fixed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="fastställd av",
    )
    reopened_at = models.DateTimeField("senast återöppnad", null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="återöppnad av",
    )
    reopen_reason = models.CharField("skäl för återöppning", max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "arvodeslista"
        verbose_name_plural = "arvodeslistor"

    def __str__(self) -> str:
        return f"Arvodeslista {self.meeting.date:%Y-%m-%d}"

    @property
    def is_fixed(self) -> bool:
        return self.status == FeeListStatus.FIXED


class FeeLine(models.Model):
    """One person's sammanträdesarvode as computed when the list was fastställd."""

    fee_list = models.ForeignKey(FeeList, on_delete=models.CASCADE, related_name="lines")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    seat = models.ForeignKey(BoardSeat, on_delete=models.PROTECT, related_name="+")
    presence = models.CharField("närvaro", max_length=200)
    hours = models.DecimalField("timmar", max_digits=4, decimal_places=2)
    percent = models.DecimalField(
        "procent av grundbeloppet", max_digits=5, decimal_places=2, null=True, blank=True
    )
    base_amount = models.PositiveIntegerField("grundbelopp (kr)", null=True, blank=True)
    fee = models.PositiveIntegerField("sammanträdesarvode (kr)")
    explanation = models.CharField("beräkning", max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "arvode"
        verbose_name_plural = "arvoden"
        constraints = [
            models.UniqueConstraint(fields=["fee_list", "person"], name="one_fee_line_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.fee} kr"


class ClaimKind(models.TextChoices):
    LOSS = "loss", "Förlorad arbetsförtjänst"
    TRAVEL = "travel", "Reseersättning"


class ExpenseClaim(models.Model):
    """A claim for loss of earnings or travel by one person for one meeting."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="expense_claims"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="expense_claims"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="expense_claims", verbose_name="person"
    )
    kind = models.CharField("slag", max_length=8, choices=ClaimKind.choices)
    # Loss of earnings: hours × kr per hour, or an amount; always with what it rests on.
    hours = models.DecimalField("timmar", max_digits=4, decimal_places=2, null=True, blank=True)
    hourly_rate = models.PositiveIntegerField("kr per timme", null=True, blank=True)
    basis = models.CharField("underlag", max_length=300, blank=True)
    # Travel: km × the förbund's rate (kept as it was), or a ticket.
    from_place = models.CharField("från", max_length=100, blank=True)
    to_place = models.CharField("till", max_length=100, blank=True)
    km = models.DecimalField("kilometer", max_digits=6, decimal_places=1, null=True, blank=True)
    km_rate = models.DecimalField(
        "kr per km", max_digits=5, decimal_places=2, null=True, blank=True
    )
    amount = models.PositiveIntegerField("belopp (kr)")
    note = models.CharField("anteckning", max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="registrerad av",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "ersättningsanspråk"
        verbose_name_plural = "ersättningsanspråk"
        ordering = ["meeting__date", "kind", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.person}, {self.amount} kr"

    @property
    def description(self) -> str:
        """How the amount came about, in Swedish."""
        if self.kind == ClaimKind.LOSS:
            if self.hours is not None and self.hourly_rate is not None:
                text = (
                    f"{format_decimal(self.hours)}{NBSP}tim × {format_kronor(self.hourly_rate)}/tim"
                )
            else:
                text = "Belopp enligt underlag"
            return f"{text}; {self.basis}" if self.basis else text
        route = f"{self.from_place}–{self.to_place}"
        if self.km is not None and self.km_rate is not None:
            return (
                f"{route}, {format_decimal(self.km)}{NBSP}km × "
                f"{format_decimal(self.km_rate)}{NBSP}kr/km"
            )
        return f"{route}, biljett"
