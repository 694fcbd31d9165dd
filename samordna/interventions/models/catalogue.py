"""What the förbund publishes about an insats in the public Insatskatalogen."""

from django.db import models
from simple_history.models import HistoricalRecords

from samordna.associations.models import Member
from samordna.interventions.models.applications import Intervention, TargetGroup


class CatalogueEntry(models.Model):
    """What the förbund publishes about an insats in the public Insatskatalogen."""

    intervention = models.OneToOneField(
        Intervention, on_delete=models.CASCADE, related_name="catalogue"
    )
    published = models.BooleanField("publicerad i insatskatalogen", default=False)
    what = models.TextField("vad insatsen erbjuder")
    for_whom = models.TextField("för vem")
    where = models.CharField("var", max_length=300)
    referral = models.TextField("hur man kommer till insatsen")
    contact_name = models.CharField("kontaktperson", max_length=200)
    contact_phone = models.CharField("telefon", max_length=40, blank=True)
    contact_email = models.EmailField("e-post", blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="+", verbose_name="målgrupper"
    )
    municipalities = models.ManyToManyField(
        Member, blank=True, related_name="+", verbose_name="kommuner"
    )
    # Everything a visitor may search for, case-folded, kept by the service.
    search_text = models.TextField(blank=True, editable=False)

    history = HistoricalRecords(m2m_fields=[target_groups, municipalities])

    class Meta:
        verbose_name = "insats i insatskatalogen"
        verbose_name_plural = "insatskatalogen"

    def __str__(self) -> str:
        return f"Katalogen: {self.intervention}"
