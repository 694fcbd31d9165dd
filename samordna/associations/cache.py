"""What every user of a förbund sees the same, built once and kept in Django's cache until
the förbund's records change (Zulip's `cache_with_key` and its flush on change).

The key holds the förbund's `render_version`. Every save and delete of a record that
belongs to a förbund draws a new version for it once the transaction commits (the signals
below); writes that send no signals (`bulk_create`, `QuerySet.update`, SQL by hand) call
`association_pages_changed` themselves. A record that belongs to no förbund (the national
target groups) changes every förbund's version. The version is read with the user's förbund
on every request, so each worker of the server (each with its own local-memory cache) sees
a change on its next page, and an entry under an old version is never read again (it
expires or is evicted).

The new version is written after the commit, in its own short statement: inside the
transaction it would lock the förbund's row until the commit, in whatever order the
service takes its other locks. A page read between the commit and the new version is
built from the new records and stored under the old version, which is then left behind.
"""

import hashlib
import secrets
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, TypeVar

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save

from samordna.associations.models import Association

T = TypeVar("T")
TIMEOUT = 60 * 60  # seconds; a bound on memory, not on staleness (the version is)


def per_association(association: Association, name: str, build: Callable[[], T]) -> T:
    """`build()` for `association`, from the cache while its `render_version` holds."""
    key = f"samordna:{name}:{association.pk}:{association.render_version}"
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, TIMEOUT)
    return found


def national_version() -> str:
    """One word for the state of every förbund's records: it changes whenever any förbund's
    version does (for the public and national pages that read them all)."""
    versions = Association.objects.order_by("pk").values_list("pk", "render_version")
    joined = "-".join(f"{pk}.{version}" for pk, version in versions)
    # As a digest: the joined versions of 75 förbund are longer than a cache key may be.
    return hashlib.md5(joined.encode(), usedforsecurity=False).hexdigest()


def _draw(association_ids: Iterable[int] | None) -> None:
    found = Association.objects.all()
    if association_ids is not None:
        found = found.filter(pk__in=list(association_ids))
    # One random number for all: the key holds the förbund's id as well.
    found.update(render_version=secrets.randbits(62))


def after_commit(action: Callable[[], None]) -> None:
    """Run `action` once the current transaction commits (at once outside one). The tests
    replace this: their transaction never commits."""
    transaction.on_commit(action)


def association_pages_changed(*, association_id: int | None) -> None:
    """The förbund's cached pages are out of date once this transaction commits; None: every
    förbund's. For writes that send no signals."""
    after_commit(partial(_draw, None if association_id is None else [association_id]))


def _owner_of(instance: models.Model, path: str) -> int | None:
    """The id of the förbund `instance` belongs to, by its owner path ("meeting__association");
    None when a record on the way is already deleted or not set."""
    *steps, last = path.split("__")
    current: Any = instance
    try:
        for step in steps:
            current = getattr(current, step)
            if current is None:
                return None
    except ObjectDoesNotExist:
        return None
    return getattr(current, f"{last}_id")


def _record_changed(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # loaded from a fixture: no page has been built from it yet
        return
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        # A login (Django's `update_last_login`): no page shows it, and every login would
        # otherwise throw away everything the förbund's readers share.
        return
    if sender is Association:
        association_pages_changed(association_id=instance.pk)
        return
    from samordna.core.history import owner_path

    path = owner_path(sender)
    if path is None:
        association_pages_changed(association_id=None)
        return
    owner = _owner_of(instance, path)
    if owner is not None:
        association_pages_changed(association_id=owner)


def watched_models() -> list[type[models.Model]]:
    """Samordna's own models, not the history copies (they only follow a change)."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("samordna.") and not model.__name__.startswith("Historical")
    ]


def connect_signals() -> None:
    for model in watched_models():
        uid = f"samordna-pages-{model._meta.label_lower}"
        post_save.connect(_record_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_record_changed, sender=model, dispatch_uid=uid + "-delete")
