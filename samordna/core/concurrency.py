"""No lost updates: an edit form carries the version of the record it was read at, and a save
from a stale form is refused with what the other person changed.

One mechanism for every record. The version is the record's own `version` column where it
has one (budgets, applications and reports bump it for every change, their rows included),
and otherwise the id of its newest history record: every write goes through
`save_with_history`, so a new history record means somebody saved. No migration needed.

- `VersionedFormMixin` (one line on a form) adds the hidden field `version`; a ModelForm
  versions its instance, other forms are given the record: `Form(..., versioned=record)`.
- `versioned_save(form)` wraps the call to the service (core's `form_page` does it): in one
  transaction it locks the record, compares the version and lets the service write, so two
  saves cannot both pass the check.
- `lock_version(record, version, what=…)` is the check itself, for services and actions.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, TypeVar

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import timezone

from samordna.core.history import entries_of
from samordna.core.text import format_date

ModelT = TypeVar("ModelT", bound=models.Model)

STALE = "stale"


def has_version_column(model: type[models.Model]) -> bool:
    return any(f.name == "version" for f in model._meta.concrete_fields)


def version_of(record: models.Model) -> int:
    """The version a form reads the record at."""
    if has_version_column(type(record)):
        return int(record.version)  # type: ignore[attr-defined]
    history = getattr(record, "history", None)
    if history is None:
        return 0
    newest = history.order_by("-history_id").values_list("history_id", flat=True).first()
    return int(newest or 0)


def _changes_since(record: models.Model, version: int) -> str:
    """What was saved after `version`, newest last: who, when, field: their value."""
    history = getattr(record, "history", None)
    if history is None:
        return ""
    records = list(history.select_related("history_user").order_by("history_date", "history_id"))
    newer = "version" if has_version_column(type(record)) else "history_id"
    parts = []
    for historical, entry in entries_of(type(record), records):
        if getattr(historical, newer) <= version:
            continue
        when = timezone.localtime(entry.when)
        fields = "; ".join(
            f"{change.field}: {change.new}" for change in entry.changes if change.field != "Version"
        )
        parts.append(
            f"{entry.who} {format_date(when.date())} kl. {when:%H.%M}"
            + (f" ({fields})" if fields else "")
        )
    return ", ".join(parts)


def stale_error(record: models.Model, version: int, *, what: str = "") -> ValidationError:
    """The Swedish refusal of a stale save, naming who changed what and when."""
    what = what or f"{str(record._meta.verbose_name).capitalize()} ”{record}”"
    changes = _changes_since(record, version)
    by = f" av {changes}" if changes else " av någon annan"
    return ValidationError(
        f"{what} har ändrats{by}, efter att du öppnade sidan. Dina ändringar är inte sparade "
        "men finns kvar i formuläret: jämför med det som nu är sparat och spara igen om dina "
        "värden ska gälla.",
        code=STALE,
    )


def lock_version(record: ModelT, version: int, *, what: str = "") -> ModelT:
    """The stored row, locked for this transaction, if nobody saved it since `version` was
    read; otherwise the user is told who changed what, and nothing is saved."""
    model = type(record)
    manager = model._default_manager
    if transaction.get_connection().in_atomic_block:
        manager = manager.select_for_update()  # type: ignore[assignment]
    try:
        current = manager.get(pk=record.pk)
    except ObjectDoesNotExist:
        raise ValidationError(
            f"{what or str(model._meta.verbose_name).capitalize()} har tagits bort av någon "
            "annan, efter att du öppnade sidan. Ingenting är sparat.",
            code=STALE,
        ) from None
    if version_of(current) != version:
        raise stale_error(current, version, what=what)
    return current


class VersionedFormMixin:
    """Gives an edit form the hidden field `version`, read from the record it edits.

    A post without the field (a script, an old page) is not checked; a browser always
    sends it, because every form template renders hidden fields.
    """

    declared_fields: ClassVar[dict[str, forms.Field]] = {
        "version": forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=0, max_value=2**62
        )
    }
    versioned: models.Model | None = None

    def __init__(self, *args: Any, versioned: models.Model | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = versioned if versioned is not None else getattr(self, "instance", None)
        self.track_version(instance)

    def track_version(self, record: models.Model | None) -> None:
        """Version the form by `record` (None: the form creates, nothing to check)."""
        self.versioned = record if record is not None and record.pk is not None else None
        if self.versioned is not None:
            self.fields["version"].initial = version_of(self.versioned)  # type: ignore[attr-defined]

    def read_version(self) -> int | None:
        """The version the user's form was read at, None when it did not say."""
        data = getattr(self, "cleaned_data", {})
        version = data.get("version")
        return None if version is None else int(version)

    def refresh_version(self) -> None:
        """After a refusal: the next save from this page overwrites what is now stored."""
        form: Any = self
        if self.versioned is None or not form.is_bound:
            return
        data = form.data.copy()
        data[form.add_prefix("version")] = version_of(self.versioned)
        form.data = data


@contextmanager
def versioned_save(form: Any) -> Iterator[None]:
    """Run the service inside this block: refused if the form's record changed since read."""
    record = getattr(form, "versioned", None)
    version = form.read_version() if record is not None else None
    if record is None or version is None:
        yield
        return
    try:
        with transaction.atomic():
            lock_version(record, version)
            yield
    except ValidationError as error:
        if getattr(error, "code", None) == STALE:
            form.refresh_version()
        raise
