"""Users and their roles. A user belongs to one förbund, except national readers."""

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    OFFICE = "office", "Förbundschef / kansli"
    CHAIR = "chair", "Ordförande / vice ordförande"
    BOARD = "board", "Ledamot / ersättare"
    AUDITOR = "auditor", "Revisor"
    FINANCE = "finance", "Ekonomi"
    APPLICANT = "applicant", "Sökande / insatsägare"
    NATIONAL = "national", "Nationell läsare"


BOARD_ROLES = frozenset({Role.CHAIR, Role.BOARD})


class SamordnaUserManager(UserManager):
    def get_queryset(self):
        # Nearly every page needs the user's förbund: fetch it with the user.
        return super().get_queryset().select_related("association")


class User(AbstractUser):
    role = models.CharField("roll", max_length=12, choices=Role.choices)
    association = models.ForeignKey(
        "associations.Association",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="förbund",
    )
    person = models.ForeignKey(
        "associations.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="person i styrelsen eller på kansliet",
    )
    member = models.ForeignKey(
        "associations.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name="arbetar hos medlem",
    )
    organisation_unit = models.CharField("organisation eller enhet", max_length=200, blank=True)

    objects: ClassVar[SamordnaUserManager] = SamordnaUserManager()

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = "användare"
        verbose_name_plural = "användare"
        constraints = [
            models.CheckConstraint(
                condition=Q(role="national", association__isnull=True)
                | (~Q(role="national") & Q(association__isnull=False))
                | Q(is_superuser=True),
                name="user_association_matches_role",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_office(self) -> bool:
        return self.role == Role.OFFICE
