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


class Presence(models.TextChoices):
    PRESENT = "present", "Närvarande"
    REMOTE = "remote", "Närvarande på distans"
    ABSENT = "absent", "Frånvarande"


class Attendance(models.Model):
    """The roll call (upprop) for one board seat at one meeting.

    `from_number`/`until_number` bound the §§ a member took part in, for late arrivals
    and early departures ("Avvek kl. 12.00 och deltog ej vid §125-138").
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    seat = models.ForeignKey(
        "associations.BoardSeat", on_delete=models.PROTECT, related_name="attendances"
    )
    presence = models.CharField("närvaro", max_length=10, choices=Presence.choices)
    serves_for = models.ForeignKey(
        "associations.BoardSeat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="served_by",
        verbose_name="tjänstgör för",
    )
    from_number = models.PositiveIntegerField("deltog från §", null=True, blank=True)
    until_number = models.PositiveIntegerField("deltog till och med §", null=True, blank=True)
    note = models.CharField("anteckning", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "närvaro"
        verbose_name_plural = "upprop"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "seat"], name="one_attendance_per_seat")
        ]

    def __str__(self) -> str:
        return f"{self.seat.person}: {self.get_presence_display()}"

    @property
    def is_present(self) -> bool:
        return self.presence != Presence.ABSENT

    def takes_part_in(self, number: int) -> bool:
        if not self.is_present:
            return False
        if self.from_number is not None and number < self.from_number:
            return False
        return self.until_number is None or number <= self.until_number


class Paragraph(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.PositiveIntegerField("paragraf")
    title = models.CharField("rubrik", max_length=300)
    case_number = models.CharField("diarienummer", max_length=40, blank=True)
    matter = models.TextField("ärende", blank=True)
    proposal = models.TextField("förslag till beslut", blank=True)
    decision = models.TextField(
        "beslut", blank=True, help_text="En att-sats per rad, t.ex. Att godkänna dagordningen."
    )
    reservations = models.TextField("reservationer", blank=True)
    minutes_notes = models.TextField("protokollsanteckningar", blank=True)
    immediately_approved = models.BooleanField("omedelbart justerad", default=False)
    quorum_override = models.CharField(
        "skäl att besluta utan beslutförhet", max_length=300, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_paragraph_per_number")
        ]

    def __str__(self) -> str:
        return f"§ {self.number} {self.title}"

    @property
    def clauses(self) -> list[str]:
        return [line.strip() for line in self.decision.splitlines() if line.strip()]


class RecusalKind(models.TextChoices):
    DECISION = "decision", "Deltog inte i beslutet"
    DISCUSSION = "discussion", "Deltog inte i diskussionen"


class Recusal(models.Model):
    """Jäv: a member who did not take part in a paragraph's decision or discussion."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="recusals")
    seat = models.ForeignKey("associations.BoardSeat", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("jäv", max_length=12, choices=RecusalKind.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "jäv"
        verbose_name_plural = "jäv"
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "seat"], name="one_recusal_per_seat")
        ]

    def __str__(self) -> str:
        return f"{self.seat.person} {self.get_kind_display().lower()}"
