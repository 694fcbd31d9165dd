"""Attest and utanordning: the yearly signature list the board adopts in a § (who may attest
what, up to which amount, with which deputy) and the payment orders that go through it.

An order is registered (an insats payment, a fee or an expense, an invoice), may get a
mottagningsattest, gets its betalningsattest and is then authorised (utanordnad) by two
different persons; the second utanordning pays it. The rules are in `rules.py`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.associations.models import Association, Person
from samordna.interventions.models import MAX_AMOUNT
from samordna.meetings.models import AdoptedInParagraph


class SignatureKind(models.TextChoices):
    PAYMENT_ATTEST = "payment_attest", "Betalningsattest (generell attesträtt)"
    CHAIR_ATTEST = "chair_attest", "Attest av ordförandens egna utbetalningar"
    BOARD_ATTEST = "board_attest", "Attest av styrelseledamots utbetalningar"
    RECEIPT_ATTEST = "receipt_attest", "Mottagningsattest"
    AUTHORISE = "authorise", "Utanordning"


class RightRole(models.TextChoices):
    ORDINARY = "ordinary", "Ordinarie"
    DEPUTY = "deputy", "Ersättare"


class SignatureList(AdoptedInParagraph):
    """The signature list of one year, adopted by the board in a §; locked once adopted."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="signature_lists"
    )
    year = models.PositiveSmallIntegerField("år")
    paragraph = models.ForeignKey(
        "meetings.Paragraph",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signature_lists",
        verbose_name="antagen i paragraf",
    )
    note = models.CharField("anteckning", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "signaturlista"
        verbose_name_plural = "signaturlistor"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year"], name="one_signature_list_a_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="signature_list_year"
            ),
        ]

    def __str__(self) -> str:
        return f"Signaturlista {self.year}"


class SignatureRight(models.Model):
    """One line of the list: a person's right of one kind, as ordinarie or ersättare."""

    signature_list = models.ForeignKey(
        SignatureList, on_delete=models.CASCADE, related_name="rights", verbose_name="lista"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="signature_rights", verbose_name="person"
    )
    title = models.CharField(
        "titel", max_length=100, blank=True, help_text="T.ex. Ordförande eller Utvecklingsledare."
    )
    kind = models.CharField("rätt", max_length=20, choices=SignatureKind.choices)
    role = models.CharField(
        "ordinarie eller ersättare",
        max_length=10,
        choices=RightRole.choices,
        default=RightRole.ORDINARY,
    )
    max_amount = models.PositiveIntegerField(
        "maxbelopp per utbetalning (kr)",
        null=True,
        blank=True,
        help_text="Lämna tomt om rätten inte har något maxbelopp.",
    )
    note = models.CharField("anmärkning", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "attesträtt"
        verbose_name_plural = "attesträtter"
        ordering = ["kind", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["signature_list", "person", "kind", "role"], name="one_right_per_line"
            ),
            models.CheckConstraint(
                condition=Q(max_amount__isnull=True) | Q(max_amount__gte=1),
                name="right_max_amount_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()} ({self.get_role_display().lower()})"


class OrderKind(models.TextChoices):
    INSATS = "insats", "Insatsutbetalning"
    FEE = "fee", "Arvode eller ersättning"
    INVOICE = "invoice", "Faktura"


class OrderStatus(models.TextChoices):
    REGISTERED = "registered", "Väntar på attest"
    RECEIVED = "received", "Mottagningsattesterad, väntar på betalningsattest"
    ATTESTED = "attested", "Attesterad, väntar på utanordning"
    AUTHORISED_ONCE = "authorised_once", "Utanordnad av en, väntar på den andra"
    PAID = "paid", "Utbetald"
    CANCELLED = "cancelled", "Makulerad"


OPEN_STATUSES = (
    OrderStatus.REGISTERED,
    OrderStatus.RECEIVED,
    OrderStatus.ATTESTED,
    OrderStatus.AUTHORISED_ONCE,
)


class PaymentOrder(models.Model):
    """A payment the förbund is to make, on its way through attest and utanordning. Its
    year (which signature list governs it) is the year it was registered."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="payment_orders"
    )
    kind = models.CharField("slag", max_length=10, choices=OrderKind.choices)
    payee = models.CharField("betalningsmottagare", max_length=200)
    amount = models.PositiveIntegerField("belopp (kr)")
    connected_person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payment_orders",
        verbose_name="förknippad med person",
        help_text="Den som betalningen går till eller är förknippad med, t.ex. en ledamots "
        "arvode eller ordförandens reseräkning.",
    )
    description = models.CharField("avser", max_length=300)
    reference = models.CharField(
        "referens", max_length=100, blank=True, help_text="T.ex. fakturanummer eller verifikation."
    )
    due_on = models.DateField("förfallodag", null=True, blank=True)
    registered_on = models.DateField("registrerad")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="registrerad av",
    )
    status = models.CharField(
        "status", max_length=16, choices=OrderStatus.choices, default=OrderStatus.REGISTERED
    )
    instalment = models.ForeignKey(
        "interventions.Instalment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payment_orders",
        verbose_name="del av insatsens utbetalningsplan",
    )
    payment = models.OneToOneField(
        "interventions.Payment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="order",
        verbose_name="registrerad utbetalning",
    )
    paid_on = models.DateField("utbetald", null=True, blank=True)
    cancelled_reason = models.CharField("skäl till makulering", max_length=300, blank=True)
    request_token = models.CharField(max_length=64, unique=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "utbetalningsorder"
        verbose_name_plural = "utbetalningsordrar"
        ordering = ["-registered_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=1) & Q(amount__lte=MAX_AMOUNT),
                name="order_amount_1_to_100_msek",
            ),
            models.CheckConstraint(
                condition=(Q(kind="insats") & Q(instalment__isnull=False))
                | (~Q(kind="insats") & Q(instalment__isnull=True)),
                name="insats_order_names_instalment",
            ),
        ]

    def __str__(self) -> str:
        return f"Order {self.pk}: {self.payee}, {self.amount} kr"

    @property
    def year(self) -> int:
        return self.registered_on.year

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Step(models.TextChoices):
    RECEIPT = "receipt", "Mottagningsattest"
    ATTEST = "attest", "Betalningsattest"
    AUTHORISE = "authorise", "Utanordning"


class OrderApproval(models.Model):
    """One signature on an order: who, as which person and by which right, and when."""

    order = models.ForeignKey(PaymentOrder, on_delete=models.CASCADE, related_name="approvals")
    step = models.CharField("steg", max_length=10, choices=Step.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="konto"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="order_approvals", verbose_name="person"
    )
    right = models.ForeignKey(
        SignatureRight, on_delete=models.PROTECT, related_name="approvals", verbose_name="rätt"
    )
    as_deputy = models.BooleanField("som ersättare", default=False)
    at = models.DateTimeField("tidpunkt")
    request_token = models.CharField(max_length=64, unique=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "attest eller utanordning"
        verbose_name_plural = "attester och utanordningar"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_step_display()}: {self.person}"
