"""Two people register at the same moment: the year's Dnr series is a row locked while the
next number is taken, so they never get the same Dnr. Needs row locks across connections."""

import threading
from unittest import skipUnless

from django.db import connection, connections
from django.test import TransactionTestCase

from samordna.accounts.models import Role, User
from samordna.associations.models import Association
from samordna.records import services
from samordna.records.models import Case

PEOPLE = 6


@skipUnless(connection.vendor == "postgresql", "needs row locks across connections")
class ConcurrentDnrTests(TransactionTestCase):
    def setUp(self):
        self.association = Association.objects.create(
            name="Samordningsförbundet Test", slug="test", seat="Sundsvall", county="22"
        )
        self.user = User.objects.create_user(
            username="kansli", association=self.association, role=Role.OFFICE
        )

    def test_people_registering_at_once_never_share_a_dnr(self):
        # The first registration of the year creates the series' row while the others wait.
        barrier = threading.Barrier(PEOPLE)
        errors: list[BaseException] = []

        def register(number: int) -> None:
            try:
                barrier.wait()
                services.case_open(
                    association=Association.objects.get(pk=self.association.pk),
                    by=self.user,
                    title=f"Skrivelse {number}",
                )
            except BaseException as error:  # the test reports every failure of a thread
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=register, args=(n,)) for n in range(PEOPLE)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        cases = Case.objects.filter(association=self.association)
        self.assertEqual(sorted(c.number for c in cases), list(range(1, PEOPLE + 1)))
        self.assertEqual(len({c.dnr for c in cases}), PEOPLE)
