"""Justerade minutes cannot change: the store itself refuses.

Every model of a meeting's record names `meeting_lookup`, the path from it to its meeting
("" for the meeting itself, "meeting__", "paragraph__meeting__"); so do records of other
apps that a § decides (a grant decision, its amounts and payment plan, a report approval).
Saving or deleting such a row, through a model, a cascade or a queryset, raises
`MinutesLocked` once the meeting has `ApprovedMinutes`. A paragraph declared omedelbart
justerad is final in the same way from the moment it is saved so. The approved record and
its anslag are written once and kept.

Only raw SQL gets past this; Samordna has none. The one opening is `correcting`: a meeting
held before Samordna and registered afterwards (`services.past_meetings.register_past_meeting`)
may be corrected, with a reason kept in its history, by `past_meeting_correct` alone.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_delete, pre_save

LOCKED_MESSAGE = (
    "Protokollet är justerat och kan inte ändras. "
    "En rättelse görs i en ny paragraf vid ett senare sammanträde."
)
FINAL_PARAGRAPH_MESSAGE = (
    "Paragrafen är omedelbart justerad och kan inte ändras. "
    "En rättelse görs i en ny paragraf vid ett senare sammanträde."
)
KEPT_MESSAGE = "Ett justerat protokoll och dess anslag sparas för alltid och kan inte ändras."


class MinutesLocked(ValidationError):
    pass


_correcting: ContextVar[int | None] = ContextVar("correcting", default=None)


@contextmanager
def correcting(meeting_id: int) -> Iterator[None]:
    """Let the rows of one registered past meeting be saved (not deleted) for a correction."""
    token = _correcting.set(meeting_id)
    try:
        yield
    finally:
        _correcting.reset(token)


def _locked_filter(model: type[models.Model]) -> dict[str, bool]:
    return {f"{model.meeting_lookup}approved_minutes__isnull": False}  # type: ignore[attr-defined]


def _final_filter(model: type[models.Model]) -> dict[str, bool] | None:
    lookup = getattr(model, "paragraph_lookup", None)
    return None if lookup is None else {f"{lookup}immediately_approved": True}


class GuardedQuerySet(models.QuerySet):
    """Bulk updates and deletes refuse rows of justerade minutes."""

    def _refuse_locked(self) -> None:
        if self.filter(**_locked_filter(self.model)).exists():
            raise MinutesLocked(LOCKED_MESSAGE)
        final = _final_filter(self.model)
        if final is not None and self.filter(**final).exists():
            raise MinutesLocked(FINAL_PARAGRAPH_MESSAGE)

    def update(self, **kwargs: Any) -> int:
        self._refuse_locked()
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        self._refuse_locked()
        return super().delete()


class KeptQuerySet(models.QuerySet):
    """The approved record and its anslag: bulk updates and deletes refuse as saves do."""

    def update(self, **kwargs: Any) -> int:
        if self.exists():
            raise MinutesLocked(KEPT_MESSAGE)
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self.exists():
            raise MinutesLocked(KEPT_MESSAGE)
        return super().delete()


def _parent_meeting_id(instance: models.Model) -> int | None:
    """The meeting a (possibly unsaved) row belongs to, by following `meeting_lookup`."""
    path = instance.meeting_lookup.rstrip("_")  # type: ignore[attr-defined]
    if not path:
        return instance.pk
    target: Any = instance
    *steps, last = path.split("__")
    for step in steps:
        target = getattr(target, step)
        if target is None:  # e.g. a grant decision taken before the förbund used Samordna
            return None
    return getattr(target, f"{last}_id")


def refuse_change(instance: models.Model) -> None:
    """Raise MinutesLocked if `instance` may no longer be saved or deleted."""
    model = type(instance)
    if instance.pk is not None:
        stored = model._default_manager.filter(pk=instance.pk)
        if stored.filter(**_locked_filter(model)).exists():
            raise MinutesLocked(LOCKED_MESSAGE)
        final = _final_filter(model)
        if final is not None and stored.filter(**final).exists():
            raise MinutesLocked(FINAL_PARAGRAPH_MESSAGE)
    meeting_id = _parent_meeting_id(instance)
    approved = apps.get_model("meetings", "ApprovedMinutes")
    if meeting_id is not None and approved.objects.filter(meeting_id=meeting_id).exists():
        raise MinutesLocked(LOCKED_MESSAGE)


def refuse_rewrite(instance: models.Model) -> None:
    """The approved record and its anslag are written once."""
    if instance.pk is not None and type(instance)._default_manager.filter(pk=instance.pk).exists():
        raise MinutesLocked(KEPT_MESSAGE)


def _being_corrected(instance: models.Model, **kwargs: Any) -> bool:
    corrected = _correcting.get()
    if corrected is None or kwargs.get("signal") is pre_delete:
        return False
    if type(instance).__name__ in ("ApprovedMinutes", "Notice"):
        return getattr(instance, "meeting_id", None) == corrected
    return _parent_meeting_id(instance) == corrected


def _guard(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if kwargs.get("raw") or _being_corrected(instance, **kwargs):
        return
    refuse_change(instance)


def _keep(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    if kwargs.get("signal") is pre_delete:
        raise MinutesLocked(KEPT_MESSAGE)
    if _being_corrected(instance, **kwargs):
        return
    refuse_rewrite(instance)


def connect() -> None:
    """Called from the app config once the models of every app are loaded: a model of
    another app (a grant decision in a §) is locked with its meeting in the same way."""
    for model in apps.get_models():
        if hasattr(model, "meeting_lookup"):
            pre_save.connect(_guard, sender=model, dispatch_uid=f"lock-save-{model.__name__}")
            pre_delete.connect(_guard, sender=model, dispatch_uid=f"lock-del-{model.__name__}")
    for name in ("ApprovedMinutes", "Notice"):
        model = apps.get_model("meetings", name)
        pre_save.connect(_keep, sender=model, dispatch_uid=f"keep-save-{name}")
        pre_delete.connect(_keep, sender=model, dispatch_uid=f"keep-del-{name}")


GuardedManager = models.Manager.from_queryset(GuardedQuerySet)
