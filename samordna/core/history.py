"""Readable history of a record: who changed what, when, from what to what."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import timezone
from simple_history.manager import HistoryManager

from samordna.core.text import format_date

# Never shown: secrets (a calendar feed's token is its password) and what says nothing.
HIDDEN_FIELDS = {"id", "password", "last_login", "token"}
ACTIONS = {"+": "Skapad", "~": "Ändrad", "-": "Borttagen"}

# The records whose history the kansli and the auditors can open, by the word used in the
# address (/historik/<kind>/<pk>/). Each app adds its own in its AppConfig.ready(); every
# model named here has an `association` (or is the förbund itself).
HISTORY_KINDS: dict[str, str] = {}


def register_history(kind: str, model_label: str) -> None:
    """Make the history of `model_label` ("app.Model") readable at /historik/<kind>/<pk>/.
    A word already taken by another model is refused: one of them would lose its history."""
    taken = HISTORY_KINDS.get(kind)
    if taken is not None and taken != model_label:
        raise ImproperlyConfigured(f"History kind {kind!r} is taken by {taken}.")
    HISTORY_KINDS[kind] = model_label


def tracked_models() -> list[type[models.Model]]:
    """Every model whose changes django-simple-history records."""
    return [m for m in apps.get_models() if isinstance(getattr(m, "history", None), HistoryManager)]


def history_kind(model: type[models.Model]) -> str:
    """The word in the address of a model's history: its registered name, else app.model."""
    label = model._meta.label
    for kind, registered in HISTORY_KINDS.items():
        if registered == label:
            return kind
    return model._meta.label_lower


def history_model(kind: str) -> type[models.Model] | None:
    """The tracked model named by `kind` in an address (a registered word or app.model)."""
    label = HISTORY_KINDS.get(kind, kind)
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if model in tracked_models() else None


@cache
def owner_path(model: type[models.Model]) -> str | None:
    """The lookup from a record to its förbund ("meeting__association"), through foreign keys
    that cannot be empty where there is such a way, never through a user (the one who made a
    record is not its owner). None for the förbund itself and for national records."""
    from samordna.associations.models import Association

    def paths(current: type[models.Model], trail: tuple, depth: int) -> list[tuple]:
        found = []
        for field in current._meta.concrete_fields:
            if not isinstance(field, models.ForeignKey):
                continue
            target: Any = field.related_model
            if target is Association:
                found.append((*trail, field))
            elif (
                depth < 4
                and target is not current
                and target._meta.label != settings.AUTH_USER_MODEL
                and target not in [f.model for f in trail]
            ):
                found += paths(target, (*trail, field), depth + 1)
        return found

    candidates = paths(model, (), 0)
    if not candidates:
        return None
    best = min(candidates, key=lambda p: (any(f.null for f in p), len(p)))
    return "__".join(f.name for f in best)


def records_of(model: type[models.Model], association: models.Model) -> models.QuerySet:
    """The model's records that belong to `association` (another förbund's are not there)."""
    from samordna.associations.models import Association

    if model is Association:
        return model._default_manager.filter(pk=association.pk)
    path = owner_path(model)
    if path is None:
        return model._default_manager.none()
    return model._default_manager.filter(**{path: association})


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime.datetime
    who: str
    action: str
    changes: list[Change]


def _display(field: models.Field, value: object, related: dict) -> str:
    if value is None or value == "":
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        return str(related.get((field.name, value), value))
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{format_date(local.date())} kl. {local:%H.%M}"
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    return str(value)


def _related_names(model: type[models.Model], records: list) -> dict:
    """One query per foreign key of the model, whatever the length of the history."""
    names: dict = {}
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey):
            continue
        ids = {getattr(r, field.attname) for r in records} - {None}
        if ids:
            related_model: type[models.Model] = field.related_model  # type: ignore[assignment]
            for obj in related_model._default_manager.filter(pk__in=ids):
                names[(field.name, obj.pk)] = str(obj)
    return names


def history_of(instance: models.Model) -> list[HistoryEntry]:
    """Newest first."""
    records = list(instance.history.select_related("history_user").order_by("history_date"))  # type: ignore[attr-defined]
    entries = [entry for _, entry in entries_of(type(instance), records)]
    entries.reverse()
    return entries


def entries_of(model: type[models.Model], records: list) -> list[tuple[object, HistoryEntry]]:
    """Each history record (oldest first) with what it changed against the one before."""
    related = _related_names(model, records)
    fields = {f.name: f for f in model._meta.concrete_fields if f.name not in HIDDEN_FIELDS}
    entries = []
    previous = None
    for record in records:
        changes = []
        for field in fields.values():
            attname = field.attname
            new = getattr(record, attname, None)
            old: object = getattr(previous, attname, None) if previous is not None else None
            if previous is None and new in (None, ""):
                continue
            if previous is None or old != new:
                changes.append(
                    Change(
                        field=str(field.verbose_name).capitalize(),
                        old=_display(field, old, related) if previous is not None else "",
                        new=_display(field, new, related),
                    )
                )
        user = record.history_user
        entries.append(
            (
                record,
                HistoryEntry(
                    when=record.history_date,
                    who=(user.get_full_name() or user.username) if user else "Systemet",
                    action=getattr(record, "history_change_reason", None)
                    or ACTIONS[record.history_type],
                    changes=changes,
                ),
            )
        )
        previous = record
    return entries
