"""Board meetings: the plan for a year and each meeting's agenda (dagordning)."""

import datetime
import secrets

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.associations.models import Association


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret address of a förbund's subscribable meeting calendar.

    Calendar programs (Outlook) cannot log in, so the address itself is the key;
    the kansli can replace it if it leaks.
    """

    association = models.OneToOneField(
        Association, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kalenderprenumeration"
        verbose_name_plural = "kalenderprenumerationer"

    def __str__(self) -> str:
        return f"Kalender för {self.association}"


class Meeting(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField("datum")
    starts_at = models.TimeField("börjar")
    ends_at = models.TimeField("slutar")
    place = models.CharField("plats", max_length=300)
    note = models.CharField(
        "anteckning", max_length=300, blank=True, help_text="T.ex. Beslut av årsredovisningen."
    )
    planned_in = models.CharField(
        "beslutad i",
        max_length=200,
        blank=True,
        help_text="Paragrafen som fastställde sammanträdesplanen, t.ex. 2023-11-24 § 133.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "sammanträde"
        verbose_name_plural = "sammanträden"
        ordering = ["date", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"Styrelsemöte {self.date:%Y-%m-%d}"

    @property
    def starts(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.starts_at)

    @property
    def ends(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.ends_at)


class ItemKind(models.TextChoices):
    DECISION = "decision", "Beslut"
    INFORMATION = "information", "Information"
    REPORT = "report", "Anmälan"
    ELECTION = "election", "Val"
    OTHER = "other", "Övrigt"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField("ordning")
    title = models.CharField("rubrik", max_length=300)
    kind = models.CharField("slag", max_length=12, choices=ItemKind.choices)
    presenter = models.CharField("föredragande", max_length=200, blank=True)
    case_number = models.CharField("diarienummer", max_length=40, blank=True)
    standing = models.BooleanField("stående punkt", default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "punkt på dagordningen"
        verbose_name_plural = "dagordning"
        ordering = ["position"]

    def __str__(self) -> str:
        return self.title
