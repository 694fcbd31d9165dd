"""Users and their roles. A user belongs to one förbund, except national readers and the
operators of the installation, who set up new förbund."""

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from samordna.associations.models import cross_association_errors


class Role(models.TextChoices):
    OFFICE = "office", "Förbundschef / kansli"
    CHAIR = "chair", "Ordförande / vice ordförande"
    BOARD = "board", "Ledamot / ersättare"
    AUDITOR = "auditor", "Revisor"
    FINANCE = "finance", "Ekonomi"
    APPLICANT = "applicant", "Sökande / insatsägare"
    NATIONAL = "national", "Nationell läsare"
    OPERATOR = "operator", "Drift (lägger upp förbund)"


BOARD_ROLES = frozenset({Role.CHAIR, Role.BOARD})
# Roles of the whole installation, tied to no förbund.
UNTIED_ROLES = frozenset({Role.NATIONAL, Role.OPERATOR})


class SamordnaUserManager(UserManager):
    def get_queryset(self):
        # Nearly every page needs the user's förbund, and the start pages and the applicant's
        # pages their person or organisation: fetched with the user, not a query each.
        return super().get_queryset().select_related("association", "person", "member")


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
                condition=Q(role__in=["national", "operator"], association__isnull=True)
                | (~Q(role__in=["national", "operator"]) & Q(association__isnull=False))
                | Q(is_superuser=True),
                name="user_association_matches_role",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def clean(self) -> None:
        super().clean()
        # Also what the admin's form checks: a login of one förbund is never linked to a
        # person or member of another.
        errors = cross_association_errors(
            self.association_id,
            person=self.person if self.person_id else None,
            member=self.member if self.member_id else None,
        )
        if errors:
            raise ValidationError(errors)

    @property
    def is_office(self) -> bool:
        return self.role == Role.OFFICE

    @property
    def is_operator(self) -> bool:
        return self.role == Role.OPERATOR
