"""The förbund, its members (huvudmän), the people on its board and in its office."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.core.choices import County
from samordna.core.validators import validate_organisation_number


class QuorumRule(models.TextChoices):
    MORE_THAN_HALF = "more_than_half", "Fler än hälften av ledamöterna (lagens huvudregel)"
    AT_LEAST_HALF = "at_least_half", "Minst hälften av ledamöterna"


class ParagraphNumbering(models.TextChoices):
    YEARLY = "yearly", "Löpande under kalenderåret"
    PER_MEETING = "per_meeting", "Börjar om vid varje sammanträde"


class SubstituteRule(models.TextChoices):
    SAME_MEMBER = "same_member", "En ersättare tjänstgör för en ledamot från samma medlem"
    PERSONAL = "personal", "Personliga ersättare: en ersättare tjänstgör bara för sin ledamot"


def cross_association_errors(association_id: int | None, **links: Any) -> dict[str, str]:
    """The links (field name: record or None) that point into another förbund."""
    return {
        name: "Hör till ett annat förbund."
        for name, record in links.items()
        if record is not None
        and association_id is not None
        and record.association_id != association_id
    }


class OpeningStyle(models.TextChoices):
    PARAGRAPHS = "paragraphs", "Som paragrafer (§ Mötets öppnande, § Val av justerare …)"
    UNNUMBERED = "unnumbered", "Som onumrerade punkter i protokollets inledning och avslutning"


class Association(models.Model):
    name = models.CharField("namn", max_length=200, unique=True)
    slug = models.SlugField(
        "kortnamn i adresser",
        max_length=60,
        unique=True,
        help_text="Förbundets adress i Samordna, t.ex. /f/kortnamn/. "
        "Kan ändras tills förbundet har börjat användas.",
    )
    organisation_number = models.CharField(
        "organisationsnummer",
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
    )
    seat = models.CharField("säte", max_length=100)
    county = models.CharField("län", max_length=2, choices=County.choices)
    postal_address = models.CharField("postadress", max_length=300, blank=True)
    email = models.EmailField("e-post till kansliet", blank=True)

    quorum_rule = models.CharField(
        "beslutförhet",
        max_length=20,
        choices=QuorumRule.choices,
        default=QuorumRule.MORE_THAN_HALF,
        help_text="Enligt förbundsordningen. Lagen kräver att fler än hälften är närvarande.",
    )
    paragraph_numbering = models.CharField(
        "numrering av paragrafer",
        max_length=20,
        choices=ParagraphNumbering.choices,
        default=ParagraphNumbering.YEARLY,
    )
    substitute_rule = models.CharField(
        "ersättares tjänstgöring",
        max_length=20,
        choices=SubstituteRule.choices,
        default=SubstituteRule.SAME_MEMBER,
        help_text="Enligt förbundsordningen: vem en ersättare får tjänstgöra för.",
    )
    notice_board = models.CharField(
        "var protokoll anslås",
        max_length=300,
        default="Förbundets anslagstavla på webbplatsen",
    )
    minutes_kept_at = models.CharField("förvaringsplats för protokoll", max_length=300, blank=True)
    opening_style = models.CharField(
        "inledande punkter i protokollet",
        max_length=20,
        choices=OpeningStyle.choices,
        default=OpeningStyle.PARAGRAPHS,
        help_text="Mötets öppnande, val av justerare, dagordningen, föregående protokoll och "
        "nästa sammanträde: som egna paragrafer eller onumrerade.",
    )
    show_party = models.BooleanField(
        "visa partibeteckning",
        default=False,
        help_text="Skriv ledamöternas och ersättarnas parti, t.ex. (C), efter namnet.",
    )

    fee_short_meeting_percent = models.DecimalField(
        "arvode för sammanträde upp till gränsen, % av grundbeloppet",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    fee_long_meeting_percent = models.DecimalField(
        "arvode för längre sammanträde, % av grundbeloppet",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    fee_long_meeting_after_hours = models.DecimalField(
        "gräns för längre sammanträde, timmar",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
    )
    # Bumped by the services that change what pages keep in the cache per förbund (the
    # financial goals panel), so that the next page builds it anew: see
    # `associations.cache`. Read with the user's förbund, so the check costs no query.
    render_version = models.PositiveBigIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["render_version"])

    class Meta:
        verbose_name = "samordningsförbund"
        verbose_name_plural = "samordningsförbund"

    def __str__(self) -> str:
        return self.name

    @property
    def has_fee_rule(self) -> bool:
        return self.fee_short_meeting_percent is not None


class FeeBaseAmount(models.Model):
    """The grundbelopp board fees are computed from, indexed each 1 April."""

    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="fee_base_amounts",
        verbose_name="förbund",
    )
    valid_from = models.DateField("gäller från")
    amount = models.PositiveIntegerField("grundbelopp (kr)")
    decided_by = models.CharField("beslut", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "grundbelopp för arvoden"
        verbose_name_plural = "grundbelopp för arvoden"
        ordering = ["-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "valid_from"], name="one_fee_base_per_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.amount} kr från {self.valid_from:%Y-%m-%d}"


class MemberKind(models.TextChoices):
    FK = "fk", "Försäkringskassan"
    AF = "af", "Arbetsförmedlingen"
    REGION = "region", "Region"
    KOMMUN = "kommun", "Kommun"


# Statutory shares of the yearly contribution (lag 2003:1210, 17 §):
# the state half is paid by Försäkringskassan, also for Arbetsförmedlingen.
STATE_SHARE = Decimal("50")
REGION_SHARE = Decimal("25")
KOMMUN_SHARE = Decimal("25")


class Member(models.Model):
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="members", verbose_name="förbund"
    )
    kind = models.CharField("slag", max_length=10, choices=MemberKind.choices)
    name = models.CharField("namn", max_length=200)
    organisation_number = models.CharField(
        "organisationsnummer",
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
        help_text="Kan fyllas i senare; till dess står det som en uppgift att göra.",
    )
    # Three decimals: a kommun's key is often a share of the kommuner's 25 %, e.g. 3,125 %.
    share_percent = models.DecimalField(
        "andel av bidragen (%)", max_digits=6, decimal_places=3, default=Decimal("0")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "medlem"
        verbose_name_plural = "medlemmar"
        constraints = [
            models.UniqueConstraint(
                fields=["association", "name"],
                name="unique_member_name",
                violation_error_message="Förbundet har redan en medlem med det namnet.",
            ),
            models.CheckConstraint(
                condition=Q(share_percent__gte=0) & Q(share_percent__lte=100),
                name="member_share_within_0_100",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_order(self) -> int:
        return list(MemberKind.values).index(self.kind)


class Person(models.Model):
    """A board member, substitute or staff member of one förbund.

    Only people who act for the förbund are kept here; never participants in insatser.
    """

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="people", verbose_name="förbund"
    )
    first_name = models.CharField("förnamn", max_length=100)
    last_name = models.CharField("efternamn", max_length=100)
    email = models.EmailField("e-post", blank=True)
    phone = models.CharField("telefon", max_length=40, blank=True)
    note = models.CharField("anteckning", max_length=300, blank=True)
    party = models.CharField(
        "partibeteckning", max_length=10, blank=True, help_text="T.ex. C eller S."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "personer"

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def initials(self) -> str:
        return "".join(part[0] for part in self.full_name.split() if part).lower()


class SeatKind(models.TextChoices):
    ORDINARY = "ordinary", "Ordinarie ledamot"
    SUBSTITUTE = "substitute", "Ersättare"


class SeatPosition(models.TextChoices):
    NONE = "", "–"
    CHAIR = "chair", "Ordförande"
    VICE_CHAIR = "vice_chair", "Vice ordförande"


class BoardSeat(models.Model):
    """One person's appointment to the board by one member for a mandate period."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="board_seats", verbose_name="förbund"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="seats", verbose_name="person"
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="seats", verbose_name="utsedd av"
    )
    kind = models.CharField("uppdrag", max_length=12, choices=SeatKind.choices)
    position = models.CharField(
        "funktion", max_length=12, choices=SeatPosition.choices, blank=True, default=""
    )
    starts_on = models.DateField("mandatperiod från")
    ends_on = models.DateField("mandatperiod till och med")
    appointed_by = models.CharField(
        "utsedd genom",
        max_length=300,
        blank=True,
        help_text="T.ex. Regionfullmäktige 2023-09-13.",
    )
    substitute_for = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="personal_substitutes",
        verbose_name="personlig ersättare för",
        help_text="Den ordinarie ledamot ersättaren är personlig ersättare för, "
        "om förbundet har personliga ersättare.",
    )
    receives_fee = models.BooleanField(
        "får arvode",
        default=True,
        help_text="Ledamöter som är anställda hos Försäkringskassan eller Arbetsförmedlingen "
        "får normalt inget arvode från förbundet.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "styrelseuppdrag"
        verbose_name_plural = "styrelseuppdrag"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="seat_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_kind_display()} för {self.member}"

    def clean(self) -> None:
        # Also what the admin's form checks: no link to another förbund's records.
        errors = cross_association_errors(
            self.association_id,
            person=self.person if self.person_id else None,
            member=self.member if self.member_id else None,
            substitute_for=self.substitute_for,
        )
        if errors:
            raise ValidationError(errors)

    def is_active_on(self, day: datetime.date) -> bool:
        return self.starts_on <= day <= self.ends_on

    @property
    def title(self) -> str:
        if self.position:
            return self.get_position_display()
        return self.get_kind_display()


class StaffRole(models.TextChoices):
    DIRECTOR = "director", "Förbundschef"
    DEVELOPMENT_LEAD = "development_lead", "Utvecklingsledare"
    SECRETARY = "secretary", "Sekreterare"
    FINANCE = "finance", "Ekonomiadministratör"
    OTHER = "other", "Annan befattning"


class StaffAssignment(models.Model):
    """Someone working in the förbund's office (kansli), often employed by a member."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="staff", verbose_name="förbund"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="staff_assignments", verbose_name="person"
    )
    role = models.CharField("befattning", max_length=20, choices=StaffRole.choices)
    title = models.CharField(
        "titel", max_length=100, blank=True, help_text="Om befattningen är Annan."
    )
    employed_by = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="anställd av",
    )
    extent_percent = models.PositiveSmallIntegerField("omfattning (%)", default=100)
    starts_on = models.DateField("från")
    ends_on = models.DateField("till och med", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "befattning på kansliet"
        verbose_name_plural = "kansliet"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="staff_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(extent_percent__gte=1) & Q(extent_percent__lte=100),
                name="staff_extent_1_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}, {self.display_title}"

    def clean(self) -> None:
        errors = cross_association_errors(
            self.association_id,
            person=self.person if self.person_id else None,
            employed_by=self.employed_by,
        )
        if errors:
            raise ValidationError(errors)

    @property
    def display_title(self) -> str:
        if self.role == StaffRole.OTHER and self.title:
            return self.title
        return self.get_role_display()

    def is_active_on(self, day: datetime.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)
