"""Readable history of a record: who changed what, when, from what to what."""

import datetime
from dataclasses import dataclass

from django.db import models

from samordna.core.text import format_date

ACTIONS = {"+": "Skapad", "~": "Ändrad", "-": "Borttagen"}

# The records whose history the kansli and the auditors can open, by the word used in the
# address (/historik/<kind>/<pk>/). Each app adds its own in its AppConfig.ready(); every
# model named here has an `association` (or is the förbund itself).
HISTORY_KINDS: dict[str, str] = {}


def register_history(kind: str, model_label: str) -> None:
    """Make the history of `model_label` ("app.Model") readable at /historik/<kind>/<pk>/."""
    HISTORY_KINDS[kind] = model_label


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
    if isinstance(value, datetime.date):
        return format_date(value)
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
    fields = {
        f.name: f
        for f in model._meta.concrete_fields
        if f.name not in {"id", "password", "last_login"}
    }
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
                    action=ACTIONS[record.history_type],
                    changes=changes,
                ),
            )
        )
        previous = record
    return entries
