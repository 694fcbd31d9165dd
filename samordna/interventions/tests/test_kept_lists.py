"""The register of insatser and the list of applications are kept (`{% shared %}`) under the
förbund's version and what each reader's list is filtered on: a change shows at once, and
no reader gets a list kept for a reader who sees other records or other links."""

import datetime
import re

import time_machine
from django.test import Client

from samordna.accounts.models import User
from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions import services
from samordna.interventions.models import PreparationMember
from samordna.interventions.tests.helpers import D, at, draft, submitted


def signed_in(user: User) -> Client:
    """A reader of their own, signed in before any page is kept: a test of the key must not
    lean on a login changing the förbund's version."""
    client = Client()
    client.force_login(user)
    return client


def row_of(response, name: str) -> str:
    """The register's row of the insats `name`."""
    found = re.search(
        rf"<tr>\s*<td><a [^>]*>{re.escape(name)}</a>.*?</tr>", response.content.decode(), re.S
    )
    assert found is not None, name
    return found.group(0)


class KeptRegisterTests(SamordnaTestCase):
    def test_the_kept_register_costs_the_session_and_the_user_only(self):
        self.login(self.office)
        with self.assertNumQueries(6):  # built anew
            self.client.get(self.url("insatser/"))
        with self.assertNumQueries(2):
            self.client.get(self.url("insatser/"))
        with self.assertNumQueries(6):  # another page of it is another part
            self.client.get(self.url("insatser/"), {"sida": 2})

    def test_a_new_insats_shows_in_the_kept_register(self):
        self.login(self.office)
        self.assertNotContains(self.client.get(self.url("insatser/")), "Nyregistrerad insats")
        services.intervention_register(
            association=self.association,
            by=self.office,
            name="Nyregistrerad insats",
            owner=self.association.members.get(name="Sundsvalls kommun"),
        )
        self.assertContains(self.client.get(self.url("insatser/")), "Nyregistrerad insats")

    def test_an_applicant_never_gets_the_kanslis_register(self):
        kansli, applicant = signed_in(self.office), signed_in(self.applicant)
        response = kansli.get(self.url("insatser/"))
        self.assertContains(response, "Försäkringsutredare från Försäkringskassan")
        self.assertContains(response, "Registrera en insats som pågick före Samordna")
        response = applicant.get(self.url("insatser/"))
        self.assertContains(response, "Arbetskonsulent för personer med aktivitetsersättning")
        self.assertNotContains(response, "Försäkringsutredare från Försäkringskassan")
        self.assertNotContains(response, "Registrera en insats")
        self.assertNotContains(response, "Måluppfyllelse")

    def test_the_board_does_not_get_the_kanslis_links(self):
        kansli, board = signed_in(self.office), signed_in(self.board)
        kansli.get(self.url("insatser/"))
        response = board.get(self.url("insatser/"))
        self.assertContains(response, "Försäkringsutredare från Försäkringskassan")
        self.assertNotContains(response, "Registrera en insats")
        self.assertContains(response, "Måluppfyllelse")

    def test_a_report_becomes_late_on_the_next_days_page(self):
        self.login(self.office)
        name = "Arbetskonsulent för personer med aktivitetsersättning"
        # Ten minutes apart, so that the kept part has not expired by the clock.
        before_midnight = at(D(2024, 1, 31), 23) + datetime.timedelta(minutes=55)
        with time_machine.travel(before_midnight, tick=False):
            on_the_day = self.client.get(self.url("insatser/"))
        with time_machine.travel(before_midnight + datetime.timedelta(minutes=10), tick=False):
            after = self.client.get(self.url("insatser/"))
        self.assertIn("Redovisning 2023, 2024-01-31", row_of(on_the_day, name))
        self.assertNotIn("försenad", row_of(on_the_day, name))
        self.assertIn("försenad", row_of(after, name))


class KeptApplicationListTests(SamordnaTestCase):
    def test_the_kept_list_costs_the_session_and_the_user_only(self):
        self.login(self.office)
        with self.assertNumQueries(4):  # built anew: the count and the page
            self.client.get(self.url("ansokningar/"))
        with self.assertNumQueries(2):
            self.client.get(self.url("ansokningar/"))

    def test_a_sent_application_shows_in_the_kept_list(self):
        self.login(self.office)
        self.assertNotContains(self.client.get(self.url("ansokningar/")), "Nyinskickad")
        submitted(self.association, self.applicant, name="Nyinskickad")
        self.assertContains(self.client.get(self.url("ansokningar/")), "Nyinskickad")

    def test_an_applicant_never_gets_the_kanslis_list_nor_the_kansli_theirs(self):
        on_paper = draft(
            self.association,
            self.office,
            member=self.association.members.get(name="Försäkringskassan"),
            name="Kansliets pappersansökan",
        )
        assert on_paper.received_on_paper
        draft(self.association, self.applicant, name="Sökandes eget utkast")
        kansli, applicant = signed_in(self.office), signed_in(self.applicant)
        response = kansli.get(self.url("ansokningar/"))
        self.assertContains(response, "Kansliets pappersansökan")
        self.assertNotContains(response, "Sökandes eget utkast")
        response = applicant.get(self.url("ansokningar/"))
        self.assertContains(response, "Sökandes eget utkast")
        self.assertNotContains(response, "Kansliets pappersansökan")
        self.assertNotContains(response, "Beredningsgruppen")
        self.assertNotContains(kansli.get(self.url("ansokningar/")), "Sökandes eget utkast")

    def test_the_board_sees_what_was_sent_not_the_applicants_drafts(self):
        draft(self.association, self.applicant, name="Sökandes eget utkast")
        submitted(self.association, self.applicant, name="Inskickad till förbundet")
        applicant, board = signed_in(self.applicant), signed_in(self.board)
        self.assertContains(applicant.get(self.url("ansokningar/")), "Sökandes eget utkast")
        response = board.get(self.url("ansokningar/"))
        self.assertContains(response, "Inskickad till förbundet")
        self.assertNotContains(response, "Sökandes eget utkast")

    def test_a_beredningsgrupp_member_sees_what_was_sent_and_their_own_drafts(self):
        """An applicant in the beredningsgrupp: neither the kansli's list nor the other
        applicants'."""
        PreparationMember.objects.create(association=self.association, user=self.applicant)
        on_paper = draft(
            self.association,
            self.office,
            member=self.association.members.get(name="Försäkringskassan"),
            name="Kansliets pappersansökan",
        )
        submitted(self.association, self.applicant, name="Inskickad till förbundet")
        draft(self.association, self.applicant, name="Sökandes eget utkast")
        assert on_paper.received_on_paper
        board, preparer = signed_in(self.board), signed_in(self.applicant)
        self.assertNotContains(board.get(self.url("ansokningar/")), "Sökandes eget utkast")
        response = preparer.get(self.url("ansokningar/"))
        self.assertContains(response, "Sökandes eget utkast")
        self.assertContains(response, "Inskickad till förbundet")
        self.assertContains(response, "Kansliets pappersansökan")

    def test_a_withdrawn_application_shows_so_in_the_kept_list(self):
        application = draft(self.association, self.applicant, name="Snart återtagen")
        self.login(self.applicant)
        self.assertIn(
            "Utkast", row_of(self.client.get(self.url("ansokningar/")), "Snart återtagen")
        )
        services.application_withdraw(application=application, by=self.applicant)
        response = self.client.get(self.url("ansokningar/"))
        self.assertIn("Återtagen", row_of(response, "Snart återtagen"))
