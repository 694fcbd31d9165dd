"""Write helpers every app's services share."""

from typing import Any

from django.db import models


def save_with_history(
    instance: models.Model, *, by: Any, update_fields: list[str] | None = None
) -> None:
    """Validate and save, recording `by` as the author of the history entry."""
    instance.full_clean()
    instance._history_user = by  # type: ignore[attr-defined]
    instance.save(update_fields=update_fields)


def apply_changes(instance: models.Model, fields: dict[str, Any]) -> list[str]:
    """Set the fields whose value differs; return their names (for update_fields)."""
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, fields[name])
    return changed


def delete_with_history(instance: models.Model, *, by: Any) -> None:
    """Delete, recording `by` as the author of the history entry."""
    instance._history_user = by  # type: ignore[attr-defined]
    instance.delete()
