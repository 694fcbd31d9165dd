"""Follow-up of insatser without personal data: counts per insats and period, anonymous
indicator surveys, goals measured from them, and the förbund's settings for publication.

No table here can identify a participant: counts are integers, survey answers are a value
on a scale with no time, address or identity, and the only people named are staff who enter
and approve figures. `tests/test_no_personal_data.py` holds every model to that.
"""

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.associations.models import Association
from samordna.followup.counts import COUNT_FIELDS


class PeriodKind(models.TextChoices):
    TERTIAL = "tertial", "Tertial (fyra månader)"
    HALF_YEAR = "half_year", "Halvår"
    YEAR = "year", "Helår"


class FollowupSettings(models.Model):
    """How a förbund reports and publishes its follow-up."""

    association = models.OneToOneField(
        Association, on_delete=models.CASCADE, related_name="followup_settings"
    )
    period_kind = models.CharField(
        "rapporteringsperiod",
        max_length=10,
        choices=PeriodKind.choices,
        default=PeriodKind.HALF_YEAR,
        help_text="Gäller år som ännu inte har några siffror.",
    )
    suppression_threshold = models.PositiveSmallIntegerField(
        "dölj antal under",
        default=5,
        help_text="Antal under gränsen visas inte utanför kansliet, så att ingen kan pekas ut.",
    )
    share_nationally = models.BooleanField(
        "dela siffrorna i den nationella sammanställningen",
        default=False,
        help_text="Nationella läsare ser bara summor över flera förbund, med små tal dolda.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "inställningar för uppföljning"
        verbose_name_plural = "inställningar för uppföljning"
        constraints = [
            models.CheckConstraint(
                condition=Q(suppression_threshold__gte=2) & Q(suppression_threshold__lte=20),
                name="suppression_threshold_2_20",
            )
        ]

    def __str__(self) -> str:
        return f"Uppföljning, {self.association}"


class ReportingPeriod(models.Model):
    """A tertial, halvår or year the förbund reports counts for."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="reporting_periods"
    )
    kind = models.CharField("slag", max_length=10, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField("år")
    number = models.PositiveSmallIntegerField("nummer")
    starts_on = models.DateField("från")
    ends_on = models.DateField("till och med")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "rapporteringsperiod"
        verbose_name_plural = "rapporteringsperioder"
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "starts_on"], name="one_period_per_start"
            ),
            # Also the index the year figures' "last period of the year" look-up needs.
            models.UniqueConstraint(
                fields=["association", "year", "number"], name="one_period_number_per_year"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="period_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> str:
        """The period as the year and its number, "2024-1": a period the förbund has not
        reported for yet is not saved, so forms and addresses name it by this."""
        return f"{self.year}-{self.number}"

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.TERTIAL:
            return f"Tertial {self.number} {self.year}"
        if self.kind == PeriodKind.HALF_YEAR:
            return f"Halvår {self.number} {self.year}"
        return f"Helår {self.year}"


class CountImport(models.Model):
    """A checked file of a period's counts waiting for the kansli to confirm it: upload,
    preview, confirm, as the ledger's `LedgerImport`. The rows (insatser and counts, nothing
    about a person) are kept here between the steps and checked again on confirmation; the
    row then says who imported them and when."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="count_imports"
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.CASCADE, related_name="imports", verbose_name="period"
    )
    filename = models.CharField("filnamn", max_length=255)
    rows = models.JSONField("rader", default=list)  # the file's table as read, cells as text
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("uppladdad", auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    imported_at = models.DateTimeField("importerad", null=True, blank=True)
    approved = models.BooleanField("godkänd vid importen", default=False)

    history = HistoricalRecords(excluded_fields=["rows"])

    class Meta:
        verbose_name = "import av siffror"
        verbose_name_plural = "importer av siffror"
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.filename}, {self.period}"

    @property
    def pending(self) -> bool:
        return self.imported_at is None


class ParticipantReportStatus(models.TextChoices):
    DRAFT = "draft", "Utkast"
    SUBMITTED = "submitted", "Inskickad"
    APPROVED = "approved", "Godkänd"


class Counts(models.Model):
    """One non-negative integer per count, named as in `counts.COUNT_FIELDS` (a test keeps
    the two alike)."""

    start_women = models.PositiveIntegerField("Deltagare vid periodens början, kvinnor", default=0)
    start_men = models.PositiveIntegerField("Deltagare vid periodens början, män", default=0)
    start_other = models.PositiveIntegerField(
        "Deltagare vid periodens början, annat/ej angivet", default=0
    )
    start_age_16_19 = models.PositiveIntegerField(
        "Deltagare vid periodens början, 16–19 år", default=0
    )
    start_age_20_24 = models.PositiveIntegerField(
        "Deltagare vid periodens början, 20–24 år", default=0
    )
    start_age_25_29 = models.PositiveIntegerField(
        "Deltagare vid periodens början, 25–29 år", default=0
    )
    start_age_30_44 = models.PositiveIntegerField(
        "Deltagare vid periodens början, 30–44 år", default=0
    )
    start_age_45_64 = models.PositiveIntegerField(
        "Deltagare vid periodens början, 45–64 år", default=0
    )

    new_women = models.PositiveIntegerField("Nya deltagare under perioden, kvinnor", default=0)
    new_men = models.PositiveIntegerField("Nya deltagare under perioden, män", default=0)
    new_other = models.PositiveIntegerField(
        "Nya deltagare under perioden, annat/ej angivet", default=0
    )
    new_age_16_19 = models.PositiveIntegerField("Nya deltagare under perioden, 16–19 år", default=0)
    new_age_20_24 = models.PositiveIntegerField("Nya deltagare under perioden, 20–24 år", default=0)
    new_age_25_29 = models.PositiveIntegerField("Nya deltagare under perioden, 25–29 år", default=0)
    new_age_30_44 = models.PositiveIntegerField("Nya deltagare under perioden, 30–44 år", default=0)
    new_age_45_64 = models.PositiveIntegerField("Nya deltagare under perioden, 45–64 år", default=0)

    ended_women = models.PositiveIntegerField("Avslutade under perioden, kvinnor", default=0)
    ended_men = models.PositiveIntegerField("Avslutade under perioden, män", default=0)
    ended_other = models.PositiveIntegerField(
        "Avslutade under perioden, annat/ej angivet", default=0
    )
    ended_age_16_19 = models.PositiveIntegerField("Avslutade under perioden, 16–19 år", default=0)
    ended_age_20_24 = models.PositiveIntegerField("Avslutade under perioden, 20–24 år", default=0)
    ended_age_25_29 = models.PositiveIntegerField("Avslutade under perioden, 25–29 år", default=0)
    ended_age_30_44 = models.PositiveIntegerField("Avslutade under perioden, 30–44 år", default=0)
    ended_age_45_64 = models.PositiveIntegerField("Avslutade under perioden, 45–64 år", default=0)

    end_women = models.PositiveIntegerField("Pågående vid periodens slut, kvinnor", default=0)
    end_men = models.PositiveIntegerField("Pågående vid periodens slut, män", default=0)
    end_other = models.PositiveIntegerField(
        "Pågående vid periodens slut, annat/ej angivet", default=0
    )
    end_age_16_19 = models.PositiveIntegerField("Pågående vid periodens slut, 16–19 år", default=0)
    end_age_20_24 = models.PositiveIntegerField("Pågående vid periodens slut, 20–24 år", default=0)
    end_age_25_29 = models.PositiveIntegerField("Pågående vid periodens slut, 25–29 år", default=0)
    end_age_30_44 = models.PositiveIntegerField("Pågående vid periodens slut, 30–44 år", default=0)
    end_age_45_64 = models.PositiveIntegerField("Pågående vid periodens slut, 45–64 år", default=0)

    ended_to_work = models.PositiveIntegerField("Avslutade till arbete", default=0)
    ended_to_studies = models.PositiveIntegerField("Avslutade till studier", default=0)
    ended_to_job_seeking = models.PositiveIntegerField("Avslutade till arbetssökande", default=0)
    ended_to_other_insats = models.PositiveIntegerField("Avslutade till annan insats", default=0)
    ended_to_benefit = models.PositiveIntegerField(
        "Avslutade till sjuk- eller aktivitetsersättning", default=0
    )
    ended_to_dropout = models.PositiveIntegerField("Avslutade till avbrott", default=0)
    ended_to_other = models.PositiveIntegerField("Avslutade till annat", default=0)

    income_social_assistance = models.PositiveIntegerField(
        "Försörjning vid start: försörjningsstöd", default=0
    )
    income_sickness = models.PositiveIntegerField("Försörjning vid start: sjukpenning", default=0)
    income_activity_compensation = models.PositiveIntegerField(
        "Försörjning vid start: aktivitetsersättning", default=0
    )
    income_activity_support = models.PositiveIntegerField(
        "Försörjning vid start: aktivitetsstöd", default=0
    )
    income_unemployment = models.PositiveIntegerField("Försörjning vid start: a-kassa", default=0)
    income_none = models.PositiveIntegerField(
        "Försörjning vid start: ingen offentlig försörjning", default=0
    )
    income_other = models.PositiveIntegerField("Försörjning vid start: annat", default=0)

    activity_participants = models.PositiveIntegerField("Deltagare i aktiviteter", default=0)
    organisations = models.PositiveIntegerField("Medverkande organisationer", default=0)

    class Meta:
        abstract = True


class ParticipantReport(Counts):
    """The counts of one insats in one period: entered by the insatsägare or the kansli,
    checked, sent, approved and then locked; the kansli may unlock with a reason."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="participant_reports"
    )
    intervention = models.ForeignKey(
        "interventions.Intervention",
        on_delete=models.PROTECT,
        related_name="participant_reports",
        verbose_name="insats",
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="reports", verbose_name="period"
    )
    status = models.CharField(
        "status",
        max_length=10,
        choices=ParticipantReportStatus.choices,
        default=ParticipantReportStatus.DRAFT,
    )
    version = models.PositiveIntegerField("version", default=1)
    submitted_at = models.DateTimeField("inskickad", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="inskickad av",
    )
    approved_at = models.DateTimeField("godkänd", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="godkänd av",
    )
    demo = models.BooleanField(
        "demosiffror", default=False, help_text="Påhittade siffror i demodata."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "deltagarrapport"
        verbose_name_plural = "deltagarrapporter"
        ordering = ["period__starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["intervention", "period"], name="one_count_report_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.intervention}, {self.period}"

    def values(self) -> dict[str, int]:
        return {field.name: getattr(self, field.name) for field in COUNT_FIELDS}


class ReportUnlock(models.Model):
    """The kansli opened approved counts again, and why."""

    report = models.ForeignKey(ParticipantReport, on_delete=models.CASCADE, related_name="unlocks")
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    unlocked_at = models.DateTimeField("upplåst", auto_now_add=True)
    reason = models.CharField("skäl", max_length=500)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "upplåsning av godkända siffror"
        verbose_name_plural = "upplåsningar av godkända siffror"
        ordering = ["-unlocked_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.report} upplåst: {self.reason}"


class PlannedParticipants(models.Model):
    """How many participants the insats plans for in a year (Uppföljning Finsam asks)."""

    intervention = models.ForeignKey(
        "interventions.Intervention",
        on_delete=models.CASCADE,
        related_name="planned_participants",
        verbose_name="insats",
    )
    year = models.PositiveSmallIntegerField("år")
    planned = models.PositiveIntegerField("planerat antal deltagare")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "planerat antal deltagare"
        verbose_name_plural = "planerat antal deltagare"
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["intervention", "year"], name="one_plan_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.intervention} {self.year}: {self.planned}"


# Indicator surveys


class Audience(models.TextChoices):
    DURING = "during", "Deltagare under insatsen"
    END = "end", "Deltagare vid avslut"
    STAFF = "staff", "Personal i insatsen"
    BOARD = "board", "Styrelsens ledamöter"
    MANAGERS = "managers", "Chefer hos medlemmarna"
    OTHER = "other", "Andra"


class Scale(models.Model):
    """An answer scale, e.g. four steps from "Stämmer inte alls" to "Stämmer helt"."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="scales")
    name = models.CharField("namn", max_length=100)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "svarsskala"
        verbose_name_plural = "svarsskalor"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ScaleStep(models.Model):
    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="steps")
    value = models.PositiveSmallIntegerField("värde")
    label = models.CharField("text", max_length=100)
    agrees = models.BooleanField(
        "räknas som instämmande", default=False, help_text="Ingår i andelen som instämmer."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "steg i svarsskala"
        verbose_name_plural = "steg i svarsskala"
        ordering = ["value"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "value"], name="one_step_per_value")
        ]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"


class Questionnaire(models.Model):
    """A survey the förbund built: statements answered on one scale, for one audience."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="questionnaires"
    )
    name = models.CharField("namn", max_length=200)
    audience = models.CharField("vem som svarar", max_length=10, choices=Audience.choices)
    scale = models.ForeignKey(
        Scale, on_delete=models.PROTECT, related_name="questionnaires", verbose_name="svarsskala"
    )
    introduction = models.TextField(
        "inledning", blank=True, help_text="Visas överst för den som svarar."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "enkät"
        verbose_name_plural = "enkäter"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Statement(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="statements"
    )
    position = models.PositiveSmallIntegerField("ordning")
    text = models.CharField("påstående", max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "påstående"
        verbose_name_plural = "påståenden"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


def new_survey_token() -> str:
    return secrets.token_urlsafe(12)


class SurveyRound(models.Model):
    """One round of a questionnaire: for an insats (or the förbund as a whole) in a year,
    answered through an anonymous link."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="survey_rounds"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="rounds", verbose_name="enkät"
    )
    intervention = models.ForeignKey(
        "interventions.Intervention",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_rounds",
        verbose_name="insats",
    )
    year = models.PositiveSmallIntegerField("år")
    title = models.CharField("rubrik", max_length=200)
    token = models.CharField(max_length=32, unique=True, default=new_survey_token)
    opens_on = models.DateField("öppnar")
    closes_on = models.DateField("stänger")
    # The link takes this many answers and a margin (surveys.answer_cap); None: no cap
    # (rounds opened before the kansli set it).
    expected_respondents = models.PositiveIntegerField(
        "antal som ska svara",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100_000)],
    )
    # Answers the link refused: over the cap, or too many from one address.
    refused_answers = models.PositiveIntegerField("avvisade svar", default=0, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "enkätomgång"
        verbose_name_plural = "enkätomgångar"
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="round_closes_after_open"
            )
        ]

    def __str__(self) -> str:
        return self.title


class SurveyResponse(models.Model):
    """One filled-in answer sheet. Nothing about who answered, when or from where; a random
    key instead of a running number, so that not even the order of the answers is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="responses")
    on_paper = models.BooleanField("inskrivet från papper", default=False)

    class Meta:
        verbose_name = "enkätsvar"
        verbose_name_plural = "enkätsvar"

    def __str__(self) -> str:
        return f"Svar på {self.round}"


class SurveyAnswer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="answers")
    value = models.PositiveSmallIntegerField("svar", null=True, blank=True)  # empty: skipped

    class Meta:
        verbose_name = "svar på påstående"
        verbose_name_plural = "svar på påståenden"
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"], name="one_answer_per_statement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement}: {self.value}"


class AnswerThrottle(models.Model):
    """How many answers came through a round's link from one address in a ten-minute window.

    The address itself is never stored: only a keyed hash of it together with the round and
    the window, so the same address in another window gives another hash and nothing links
    them; rows of past windows are deleted as new answers come (surveys.answer_submit)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="+")
    address_hash = models.CharField(max_length=64)
    window = models.PositiveIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "address_hash", "window"], name="one_throttle_per_window"
            )
        ]
        indexes = [models.Index(fields=["window"])]

    def __str__(self) -> str:
        return f"{self.count} svar i fönster {self.window}"


class UsedFormKey(models.Model):
    """A random key the answer form carried, spent when the form was sent: the same form
    cannot be sent twice. The key says nothing about who answered."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)

    class Meta:
        verbose_name = "använd formulärnyckel"
        verbose_name_plural = "använda formulärnycklar"
        constraints = [models.UniqueConstraint(fields=["round", "key"], name="key_used_once")]

    def __str__(self) -> str:
        return self.key


# Goals measured from the figures


class Measure(models.TextChoices):
    TO_WORK_OR_STUDIES = "to_work_or_studies", "Andel avslutade till arbete eller studier"
    TO_WORK = "to_work", "Andel avslutade till arbete"
    TO_STUDIES = "to_studies", "Andel avslutade till studier"
    PARTICIPANTS = "participants", "Antal deltagare"
    ENDED = "ended", "Antal avslutade"
    AGREE = "agree", "Andel som instämmer i ett påstående"


class Comparison(models.TextChoices):
    HIGHER_THAN_LAST_YEAR = "higher", "Högre än föregående år"
    AT_LEAST = "at_least", "Minst"


class MeasuredGoal(models.Model):
    """A goal bound to a measure and a comparison: an insats's goal from its application,
    or one of the förbund's own goals (measured over its individinriktade insatser)."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="measured_goals"
    )
    application_goal = models.OneToOneField(
        "interventions.ApplicationGoal",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="measure",
        verbose_name="insatsens mål",
    )
    text = models.CharField(
        "förbundets mål",
        max_length=500,
        blank=True,
        help_text="T.ex. Fler deltagare avslutas till studier eller arbete än året innan.",
    )
    measure = models.CharField("mäts som", max_length=20, choices=Measure.choices)
    statement = models.ForeignKey(
        Statement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="påstående",
    )
    comparison = models.CharField("jämförelse", max_length=10, choices=Comparison.choices)
    threshold = models.PositiveIntegerField(
        "gräns", null=True, blank=True, help_text="Procent för andelar, antal för antal."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "mätbart mål"
        verbose_name_plural = "mätbara mål"
        constraints = [
            models.CheckConstraint(
                condition=Q(application_goal__isnull=False) | ~Q(text=""),
                name="measured_goal_names_a_goal",
            ),
            models.CheckConstraint(
                condition=~Q(comparison="at_least") | Q(threshold__isnull=False),
                name="at_least_needs_threshold",
            ),
            models.CheckConstraint(
                condition=~Q(measure="agree") | Q(statement__isnull=False),
                name="agree_needs_statement",
            ),
        ]

    def __str__(self) -> str:
        return self.text or str(self.application_goal)
