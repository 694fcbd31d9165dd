"""The demo is loaded once into each test database; every TestCase rolls back its own
changes, and the browser tests (TransactionTestCase, run last) load it again after a flush."""

import pytest

from samordna.demo.load import load_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()
