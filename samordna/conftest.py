"""The demo is loaded once into each test database; every TestCase rolls back its own
changes and finds the demo in one query (`demo_associations`). The TransactionTestCases run
last: the browser tests use the demo as they find it and flush it once, after their class;
the concurrency tests on PostgreSQL load it again."""

import pytest

from samordna.demo.load import load_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a test's rolled-back database would otherwise
    meet what an earlier test left under the same förbund and version."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _pages_change_at_once(monkeypatch):
    """A test's transaction never commits: the förbund's cached pages go out of date at the
    change itself (`associations.cache.after_commit`; its own tests put it back)."""
    monkeypatch.setattr("samordna.associations.cache.after_commit", lambda action: action())
