"""No lost updates: an edit form carries the version of the record it was read at, and a save
from a stale form is refused with what the other person changed.

One mechanism for every record. The version is the record's own `version` column where it
has one (budgets, applications and reports bump it for every change, their rows included),
and otherwise the id of its newest history record: every write goes through
`save_with_history`, so a new history record means somebody saved. No migration needed.

- `VersionedFormMixin` (one line on a form) adds the hidden field `version`; a ModelForm
  versions its instance, other forms are given the record: `Form(..., versioned=record)`,
  or, for a form that edits a set of rows (a roll call), the queryset of those rows: its
  version is the newest history id among them.
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
from django.db.models import Max
from django.utils import timezone

from samordna.core.history import entries_of
from samordna.core.text import format_date

Versioned = models.Model | models.QuerySet
VersionedT = TypeVar("VersionedT", bound=models.Model | models.QuerySet)

STALE = "stale"


def has_version_column(model: type[models.Model]) -> bool:
    return any(f.name == "version" for f in model._meta.concrete_fields)


def _history_of_rows(rows: models.QuerySet) -> models.QuerySet | None:
    """The history records of the rows a queryset selects (now), or None if not tracked."""
    history = getattr(rows.model, "history", None)
    if history is None:
        return None
    return history.filter(id__in=rows.values("pk"))


def version_of(record: Versioned) -> int:
    """The version a form reads the record at (or the rows, for a form that edits a set:
    the roll call of a meeting, a line's forecasts)."""
    if isinstance(record, models.QuerySet):
        history = _history_of_rows(record)
        if history is None:
            return 0
        return int(history.aggregate(newest=Max("history_id"))["newest"] or 0)
    if has_version_column(type(record)):
        return int(record.version)  # type: ignore[attr-defined]
    history = getattr(record, "history", None)
    if history is None:
        return 0
    newest = history.order_by("-history_id").values_list("history_id", flat=True).first()
    return int(newest or 0)


def _changes_since(record: Versioned, version: int) -> str:
    """What was saved after `version`, oldest first: who, when, field: their value."""
    if isinstance(record, models.QuerySet):
        model = record.model
        history = _history_of_rows(record)
        newer = "history_id"
    else:
        model = type(record)
        history = getattr(record, "history", None)
        newer = "version" if has_version_column(model) else "history_id"
    if history is None:
        return ""
    records = list(history.select_related("history_user").order_by("id", "history_date"))
    by_row: dict[Any, list] = {}
    for historical in records:
        by_row.setdefault(historical.id, []).append(historical)
    entries = [pair for rows in by_row.values() for pair in entries_of(model, rows)]
    entries.sort(key=lambda pair: pair[1].when)
    parts = []
    for historical, entry in entries:
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


def stale_error(record: Versioned, version: int, *, what: str = "") -> ValidationError:
    """The Swedish refusal of a stale save, naming who changed what and when."""
    if not what:
        if isinstance(record, models.QuerySet):
            what = str(record.model._meta.verbose_name_plural).capitalize()
        else:
            what = f"{str(record._meta.verbose_name).capitalize()} ”{record}”"
    changes = _changes_since(record, version)
    by = f" av {changes}" if changes else " av någon annan"
    return ValidationError(
        f"{what} har ändrats{by}, efter att du öppnade sidan. Dina ändringar är inte sparade "
        "men finns kvar i formuläret: jämför med det som nu är sparat och spara igen om dina "
        "värden ska gälla.",
        code=STALE,
    )


def lock_version(record: VersionedT, version: int, *, what: str = "") -> VersionedT:
    """The stored row (or rows), locked for this transaction, if nobody saved it since
    `version` was read; otherwise the user is told who changed what, and nothing is saved."""
    locking = transaction.get_connection().in_atomic_block
    if isinstance(record, models.QuerySet):
        rows = record.all()
        if locking:
            list(rows.select_for_update())
        if version_of(rows) != version:
            raise stale_error(rows, version, what=what)
        return rows
    model = type(record)
    manager = model._default_manager
    if locking:
        manager = manager.select_for_update(of=("self",))  # type: ignore[assignment]
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
    versioned: Versioned | None = None
    # The budget's, the application's and the report's forms hand their version to their
    # services themselves; every other form keeps it out of cleaned_data, so that a service
    # given `**cleaned_data` never sees it.
    version_in_cleaned_data = False
    _version_read: int | None = None

    def __init__(self, *args: Any, versioned: Versioned | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = versioned if versioned is not None else getattr(self, "instance", None)
        self.track_version(instance)

    def track_version(self, record: Versioned | None) -> None:
        """Version the form by `record` (None: the form creates, nothing to check)."""
        if isinstance(record, models.Model) and record.pk is None:
            record = None
        self.versioned = record
        if self.versioned is not None:
            self.fields["version"].initial = version_of(self.versioned)  # type: ignore[attr-defined]

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        data = getattr(self, "cleaned_data", None)
        if data is not None and not self.version_in_cleaned_data:
            self._version_read = data.pop("version", None)

    def read_version(self) -> int | None:
        """The version the user's form was read at, None when it did not say."""
        if not self.version_in_cleaned_data:
            return self._version_read
        version = getattr(self, "cleaned_data", {}).get("version")
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
