"""Money. For now the national reference table of the state's allocation per förbund."""

from django.db import models
from simple_history.models import HistoricalRecords

from samordna.core.choices import County


class NationalAllocation(models.Model):
    """One row of Försäkringskassan's yearly "Beslut om statlig medelstilldelning".

    Public reference data for all förbund in the country, whether or not they use
    this installation; `association` links the row to one that does.
    """

    year = models.PositiveSmallIntegerField("år")
    association_name = models.CharField("samordningsförbund", max_length=200)
    county = models.CharField("län", max_length=2, choices=County.choices)
    fk_area = models.CharField("verksamhetsområde (FK)", max_length=20)
    amount = models.PositiveIntegerField("statlig tilldelning (kr)")
    association = models.ForeignKey(
        "associations.Association",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="national_allocations",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "statlig medelstilldelning"
        verbose_name_plural = "statlig medelstilldelning"
        constraints = [
            models.UniqueConstraint(
                fields=["year", "association_name"], name="one_allocation_per_forbund_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.association_name} {self.year}"
