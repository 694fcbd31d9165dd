"""Board meetings: the plan for a year, each meeting's agenda (dagordning) and papers, its
minutes (upprop, paragrafer, jäv), their justering and the public anslag.

Once the minutes are justerade they are kept for ever: `samordna.meetings.locking` makes
the store refuse any change to the meeting and everything its minutes hold.
"""

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.associations.models import Association
from samordna.core.holidays import next_weekday
from samordna.meetings.locking import GuardedManager, KeptQuerySet, refuse_change

# The time to ask for laglighetsprövning runs three weeks from the day the anslag went up
# (kommunallagen 13 kap. 5 §); the anslag stays up at least as long.
APPEAL_WEEKS = 3


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
    secretary = models.ForeignKey(
        "associations.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="sekreterare",
    )
    notice_sent_at = models.DateTimeField("kallelsen skickad", null=True, blank=True)
    # The sekreterare confirms the text before the signers justera; the fingerprint is of the
    # text confirmed, so that a later change asks for a new confirmation.
    text_confirmed_at = models.DateTimeField("texten bestyrkt", null=True, blank=True)
    text_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="bestyrkt av inloggning",
    )
    text_fingerprint = models.CharField("bestyrkt text (SHA-256)", max_length=64, blank=True)

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = ""

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

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        # Before Django collects the rows: the PROTECT of ApprovedMinutes would answer first.
        refuse_change(self)
        return super().delete(*args, **kwargs)

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
    objects = GuardedManager()
    meeting_lookup = "meeting__"

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
    objects = GuardedManager()
    meeting_lookup = "meeting__"

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
    objects = GuardedManager()
    meeting_lookup = "meeting__"
    paragraph_lookup = ""

    class Meta:
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_paragraph_per_number")
        ]

    def __str__(self) -> str:
        return f"§ {self.number} {self.title}"

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        # Before Django collects the rows: the PROTECT of a Task would answer first.
        refuse_change(self)
        return super().delete(*args, **kwargs)

    @property
    def clauses(self) -> list[str]:
        return [line.strip() for line in self.decision.splitlines() if line.strip()]


class AdoptedInParagraph(models.Model):
    """A register the board adopts in a § (or, before Samordna, in earlier minutes): the
    control year's plans, the attest's signature list. Once adopted it is locked; see
    `samordna.meetings.adoption` for the writes."""

    paragraph = models.ForeignKey(
        "meetings.Paragraph",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="antagen i paragraf",
    )
    earlier_reference = models.CharField(
        "antagen enligt (tidigare protokoll)", max_length=200, blank=True
    )
    adopted_on = models.DateField("antagen", null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def adopted(self) -> bool:
        return self.adopted_on is not None

    @property
    def source(self) -> str:
        """Where the board adopted it, in words."""
        if self.paragraph_id is not None:
            paragraph = self.paragraph
            assert paragraph is not None
            return f"Styrelsemöte {paragraph.meeting.date:%Y-%m-%d} § {paragraph.number}"
        return self.earlier_reference


class RecusalKind(models.TextChoices):
    DECISION = "decision", "Deltog inte i beslutet"
    DISCUSSION = "discussion", "Deltog inte i diskussionen"


class Recusal(models.Model):
    """Jäv: a member who did not take part in a paragraph's decision or discussion."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="recusals")
    seat = models.ForeignKey("associations.BoardSeat", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("jäv", max_length=12, choices=RecusalKind.choices)

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = "paragraph__meeting__"
    paragraph_lookup = "paragraph__"

    class Meta:
        verbose_name = "jäv"
        verbose_name_plural = "jäv"
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "seat"], name="one_recusal_per_seat")
        ]

    def __str__(self) -> str:
        return f"{self.seat.person} {self.get_kind_display().lower()}"


class ParagraphStandIn(models.Model):
    """An ersättare who serves in one § for a ledamot who is jävig in it (quorum.StandIn)."""

    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="stand_ins")
    seat = models.ForeignKey(
        "associations.BoardSeat",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ersättare",
    )
    serves_for = models.ForeignKey(
        "associations.BoardSeat",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="tjänstgör för",
    )

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = "paragraph__meeting__"
    paragraph_lookup = "paragraph__"

    class Meta:
        verbose_name = "tjänstgörande ersättare i paragraf"
        verbose_name_plural = "tjänstgörande ersättare i paragraf"
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "seat"], name="one_stand_in_per_seat"),
            models.UniqueConstraint(
                fields=["paragraph", "serves_for"], name="one_stand_in_per_ledamot"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.seat.person} tjänstgör för {self.serves_for.person}"


class Guest(models.Model):
    """Others present (staff, auditors, visitors), optionally only for some §§."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField("namn", max_length=200)
    role = models.CharField("roll eller organisation", max_length=200, blank=True)
    from_number = models.PositiveIntegerField("från §", null=True, blank=True)
    until_number = models.PositiveIntegerField("till och med §", null=True, blank=True)

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = "meeting__"

    class Meta:
        verbose_name = "övrig närvarande"
        verbose_name_plural = "övriga närvarande"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def numbers(self) -> str:
        """ "§ 120–124", or "" when present throughout."""
        if self.from_number and self.until_number:
            return f"§ {self.from_number}–{self.until_number}"
        if self.from_number:
            return f"från § {self.from_number}"
        if self.until_number:
            return f"till och med § {self.until_number}"
        return ""


def attachment_path(instance: "Attachment", filename: str) -> str:
    meeting = instance.meeting
    return (
        f"bilagor/{meeting.association_id}/{meeting.date:%Y-%m-%d}/"
        f"bilaga-{instance.number:02d}-{secrets.token_hex(4)}{instance.extension}"
    )


class Attachment(models.Model):
    """A paper of the meeting, numbered Bilaga N in the order it was added."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name="punkt på dagordningen",
    )
    number = models.PositiveSmallIntegerField("bilaga nr")
    title = models.CharField("rubrik", max_length=300)
    file = models.FileField("fil", upload_to=attachment_path)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField("storlek (byte)")
    uploaded_at = models.DateTimeField("uppladdad", auto_now_add=True)

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = "meeting__"

    class Meta:
        verbose_name = "bilaga"
        verbose_name_plural = "bilagor"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_attachment_per_number")
        ]

    def __str__(self) -> str:
        return f"Bilaga {self.number} {self.title}"

    @property
    def extension(self) -> str:
        return ".pdf" if self.content_type == "application/pdf" else ".docx"


class SignerRole(models.TextChoices):
    CHAIR = "chair", "Ordförande"
    ADJUSTER = "adjuster", "Justerare"


class MinutesSigner(models.Model):
    """One who must justera the minutes: the chair of the meeting and each justerare."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="signers")
    person = models.ForeignKey(
        "associations.Person", on_delete=models.PROTECT, related_name="+", verbose_name="person"
    )
    role = models.CharField("roll", max_length=10, choices=SignerRole.choices)
    approved_at = models.DateTimeField("justerat", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="inloggning",
    )

    history = HistoricalRecords()
    objects = GuardedManager()
    meeting_lookup = "meeting__"

    class Meta:
        verbose_name = "justerare"
        verbose_name_plural = "justerare"
        ordering = ["-role", "pk"]  # the chair first
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_signature_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display().lower()})"


def minutes_path(instance: "ApprovedMinutes", filename: str) -> str:
    meeting = instance.meeting
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "pdf"
    return f"protokoll/{meeting.association_id}/protokoll-{meeting.date:%Y-%m-%d}.{extension}"


def minutes_docx_path(instance: "ApprovedMinutes", filename: str) -> str:
    meeting = instance.meeting
    return f"protokoll/{meeting.association_id}/protokoll-{meeting.date:%Y-%m-%d}.docx"


class ApprovedMinutes(models.Model):
    """The justerade minutes as kept for ever: a PDF/A and the SHA-256 of its bytes, the
    Word copy with its own, and a snapshot of what the documents print from the register
    (names, seats, initials, jäv), from which every later utdrag is made.

    Its existence locks the meeting and everything in its minutes.
    """

    meeting = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, related_name="approved_minutes"
    )
    approved_on = models.DateField("justeringsdatum")
    pdf = models.FileField("protokoll (PDF/A)", upload_to=minutes_path)
    sha256 = models.CharField("SHA-256", max_length=64)
    # Blank only for minutes justerade before the Word copy was kept.
    docx = models.FileField("protokoll (Word)", upload_to=minutes_docx_path, blank=True)
    docx_sha256 = models.CharField("SHA-256 (Word)", max_length=64, blank=True)
    snapshot = models.JSONField("uppgifter vid justeringen", default=dict, blank=True)
    first_number = models.PositiveIntegerField("från §")
    last_number = models.PositiveIntegerField("till och med §")
    # A meeting held before the förbund used Samordna: `pdf` is the signed original (PDF or
    # scan) as kept, its anslag is history and never a current notice.
    registered_afterwards = models.BooleanField("registrerat i efterhand", default=False)

    history = HistoricalRecords()
    objects = KeptQuerySet.as_manager()

    class Meta:
        verbose_name = "justerat protokoll"
        verbose_name_plural = "justerade protokoll"

    def __str__(self) -> str:
        return f"Justerat protokoll {self.meeting.date:%Y-%m-%d}"


class Notice(models.Model):
    """The anslag that makes the justering known; the appeal time runs from `posted_on`."""

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="notice")
    association = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="notices")
    posted_on = models.DateField("anslaget uppsatt")
    taken_down_on = models.DateField("anslaget tas ned")
    first_number = models.PositiveIntegerField("från §")
    last_number = models.PositiveIntegerField("till och med §")
    kept_at = models.CharField("förvaringsplats för protokollet", max_length=300)
    posted_at_place = models.CharField("anslaget på", max_length=300)
    note = models.CharField("anteckning", max_length=300, blank=True)

    history = HistoricalRecords()
    objects = KeptQuerySet.as_manager()

    class Meta:
        verbose_name = "anslag"
        verbose_name_plural = "anslag"
        ordering = ["-posted_on", "association__name"]

    def __str__(self) -> str:
        return f"Anslag {self.association}, sammanträde {self.meeting.date:%Y-%m-%d}"

    @property
    def numbers(self) -> str:
        return f"§ {self.first_number}–{self.last_number}"

    @property
    def appeal_ends_on(self) -> datetime.date:
        """The last day an appeal can reach the förvaltningsrätt: three weeks after posting,
        moved on to the next weekday when that day is a weekend or holiday (1930:173)."""
        return next_weekday(self.posted_on + datetime.timedelta(weeks=APPEAL_WEEKS))


class Task(models.Model):
    """An assignment given at a meeting ("Förbundschefen får i uppdrag att …").

    It stands on the agenda of the meeting it is due at, and of each later one, until done.
    """

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="tasks")
    given_at = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="tasks_given", verbose_name="given vid"
    )
    paragraph = models.ForeignKey(
        Paragraph,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name="paragraf",
    )
    text = models.CharField("uppdrag", max_length=500)
    responsible = models.CharField("ansvarig", max_length=200)
    due_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks_due",
        verbose_name="redovisas vid",
    )
    done_on = models.DateField("klart", null=True, blank=True)
    done_note = models.CharField("redovisning", max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"
        ordering = ["given_at__date", "pk"]

    def __str__(self) -> str:
        return f"{self.responsible}: {self.text}"
