"""What every user of a förbund sees the same, built once and kept in Django's cache until
a service changes what it is built from (Zulip's `cache_with_key` and its flush on change).

The key holds the förbund's `render_version`, which those services bump in the database
(`associations.services.association_pages_changed`) in the same transaction as their
change. The version is read with the user's förbund on every request, so each worker of
the server (each with its own local-memory cache) sees a change on its next page, and an
entry under an old version is never read again (it expires or is evicted).
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

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
