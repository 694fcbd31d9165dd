"""The follow-up's pages keep what their readers share (`{% shared %}`): a change through a
service shows on the next page, a reader of another kind never gets another's part, and no
part holds a reader's CSRF token."""

import datetime
from typing import Any

import time_machine
from django.test import Client
from django.urls import reverse

from samordna.accounts.models import Role, User
from samordna.followup import services
from samordna.followup.models import Measure
from samordna.followup.services import measured_goals
from samordna.followup.tests.helpers import approved
from samordna.followup.tests.test_count_views import KONSULENT, CountCase, register, sent
from samordna.followup.tests.test_dashboards import FollowupCase
from samordna.followup.tests.test_national import YEAR, NationalTestCase, first_period, share
from samordna.interventions.tests.helpers import STOCKHOLM

LATER = 2031  # after the demo's figures: the latest year once it has some


def client_of(user: User) -> Client:
    """A client logged in before any page is kept: a login saves the user, which alone would
    draw a new version for the förbund and hide a part kept for the wrong reader."""
    client = Client()
    client.force_login(user)
    return client


def main(response: Any) -> str:
    """The page's <main>: what is the same for readers of the same kind."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


class CountOverviewTests(CountCase):
    def test_approved_counts_show_on_the_grid_afterwards(self):
        report = sent(self.konsulent, self.first, self.applicant)
        office = client_of(self.office)
        cell = f'>{{}}<span class="sr-only">: {KONSULENT}, Halvår 1 2024</span></a>'
        self.assertContains(office.get(self.overview_url()), cell.format("Inskickad"), html=False)
        services.counts_approve(report=report, by=self.office)
        response = office.get(self.overview_url())
        self.assertContains(response, cell.format("Godkänd"), html=False)
        self.assertContains(
            response, '<th scope="row">Väntar på godkännande</th><td>0</td>', html=False
        )

    def test_a_new_planned_number_shows_afterwards(self):
        board = client_of(self.board)
        self.assertNotContains(board.get(self.overview_url()), '<td class="numeric">24</td>')
        services.planned_set(intervention=self.konsulent, by=self.office, year=2024, planned=24)
        self.assertContains(board.get(self.overview_url()), '<td class="numeric">24</td>')

    def test_each_kind_of_reader_gets_their_own_grid(self):
        fk = User.objects.create(
            username="fk.handlaggare",
            role=Role.APPLICANT,
            association=self.association,
            member=self.association.members.get(name="Försäkringskassan"),
        )
        register(self, "Försäkringskassans team", "Försäkringskassan")
        readers = {
            user.username: client_of(user)
            for user in (self.office, self.board, self.auditor, self.applicant, fk)
        }
        pages = {name: client.get(self.overview_url()) for name, client in readers.items()}
        office, board = pages[self.office.username], pages[self.board.username]
        auditor = pages[self.auditor.username]
        self.assertContains(office, "Ej inskickade")
        self.assertContains(office, "Importera siffror från fil")
        self.assertContains(office, 'form="grid-start"')
        for reader in (board, auditor):
            self.assertContains(reader, "Samverkansteam i regionen")
            self.assertNotContains(reader, "Ej inskickade")
            self.assertNotContains(reader, "Importera siffror från fil")
            self.assertNotContains(reader, "Fyll i")
            self.assertNotContains(reader, 'id="grid-start"')
        self.assertEqual(main(board), main(auditor))
        mine, theirs = pages[self.applicant.username], pages[fk.username]
        self.assertContains(mine, KONSULENT)
        self.assertNotContains(mine, "Försäkringskassans team")
        self.assertContains(theirs, "Försäkringskassans team")
        self.assertNotContains(theirs, KONSULENT)
        self.assertContains(theirs, "Försäkringskassans insatser")

    def test_the_kept_grid_holds_no_token_and_its_buttons_post_through_the_pages_form(self):
        office = client_of(self.office)
        office.get(self.overview_url())
        response = office.get(self.overview_url())  # kept
        html = response.content.decode()
        # The log-out form's and the grid's one form's, both outside the kept part.
        self.assertEqual(html.count("csrfmiddlewaretoken"), 2)
        self.assertIn('<form id="grid-start" method="post" hidden><input type="hidden"', html)
        start = reverse("followup:report_start", args=["sundsvall", self.region.pk, 2024, 1])
        self.assertIn(f'form="grid-start" formaction="{start}"', html)
        self.assertEqual(office.post(start).status_code, 302)

    def test_a_new_day_shows_a_period_that_has_ended(self):
        office = client_of(self.office)
        ended = 'Ej inskickade</th><td>4 <span class="warning-text">perioden är slut'
        # Two minutes apart (the kept part would outlive them), a day apart for the grid.
        with time_machine.travel(datetime.datetime(2024, 6, 30, 23, 59, tzinfo=STOCKHOLM)):
            self.assertNotContains(office.get(self.overview_url()), ended, html=False)
        with time_machine.travel(datetime.datetime(2024, 7, 1, 0, 1, tzinfo=STOCKHOLM)):
            self.assertContains(office.get(self.overview_url()), ended, html=False)


class AssociationDashboardTests(FollowupCase):
    def setUp(self):
        self.counts(self.insats("Stöd till arbete"), 2025, new=(12, 8, 0), ended=(10, 6, 0))
        self.andra = self.insats("Studiestöd i samverkan")
        self.url_ = self.url("uppfoljning/forbundet/")

    def test_approved_counts_show_afterwards(self):
        report = self.submitted_only(self.andra, 2025, new=(30, 30, 0))
        board = client_of(self.board)
        row = '<th scope="row">2025</th>\n  <td class="numeric">{}</td>'
        self.assertContains(board.get(self.url_), row.format(20), html=False)
        services.counts_approve(report=report, by=self.office)
        self.assertContains(board.get(self.url_), row.format(80), html=False)

    def test_a_new_goal_shows_afterwards(self):
        board = client_of(self.board)
        self.assertNotContains(board.get(self.url_), "Fler deltagare varje år")
        self.own_goal("Fler deltagare varje år", measure=Measure.PARTICIPANTS)
        self.assertContains(board.get(self.url_), "Fler deltagare varje år")

    def test_the_kansli_and_the_board_get_their_own_page(self):
        office, board, auditor = (client_of(u) for u in (self.office, self.board, self.auditor))
        self.assertContains(office.get(self.url_), "Internt – innehåller små tal")
        for reader in (board, auditor):
            response = reader.get(self.url_)
            self.assertNotContains(response, "Internt – innehåller små tal")
            self.assertContains(response, "Små tal döljs")
            self.assertNotContains(response, "Mål och mått")
        self.assertContains(office.get(self.url_), "Mål och mått")


class GoalPageTests(FollowupCase):
    def setUp(self):
        self.goal = self.own_goal("Fler avslutas till arbete")
        self.url_ = self.url("uppfoljning/mal/")

    def test_a_changed_goal_shows_afterwards(self):
        office = client_of(self.office)
        self.assertContains(office.get(self.url_), "Fler avslutas till arbete")
        measured_goals.goal_update(
            goal=self.goal,
            by=self.office,
            text="Fler avslutas till studier",
            measure=self.goal.measure,
            comparison=self.goal.comparison,
        )
        response = office.get(self.url_)
        self.assertContains(response, "Fler avslutas till studier")
        self.assertNotContains(response, "Fler avslutas till arbete")

    def test_a_removed_goal_is_gone_and_the_kept_part_holds_no_token(self):
        office = client_of(self.office)
        office.get(self.url_)
        html = office.get(self.url_).content.decode()  # kept
        self.assertEqual(html.count("csrfmiddlewaretoken"), 2)  # log-out, and #goal-delete
        delete = reverse("followup:goal_delete", args=["sundsvall", self.goal.pk])
        self.assertIn(f'form="goal-delete" formaction="{delete}"', html)
        self.assertRedirects(office.post(delete), self.url_, fetch_redirect_response=False)
        self.assertNotContains(office.get(self.url_), "Fler avslutas till arbete")


class NationalPageTests(NationalTestCase):
    page = reverse("national:overview")

    def test_a_forbund_that_starts_sharing_shows_afterwards(self):
        share(self.association, self.office)
        national = client_of(self.national)
        response = national.get(self.page, {"ar": YEAR})
        self.assertContains(response, "Ett förbund delar sina siffror")
        share(self.other, self.outsider)
        response = national.get(self.page, {"ar": YEAR})
        self.assertContains(response, "2 förbund delar sina siffror")
        self.assertContains(response, "Härnösand")

    def test_counts_approved_in_another_forbund_show_afterwards(self):
        share(self.association, self.office)
        share(self.other, self.outsider)
        national = client_of(self.national)
        self.assertNotContains(national.get(self.page), f"Nationell uppföljning {LATER}")
        approved(self.other_insats, first_period(self.other, LATER), self.outsider, self.outsider)
        response = national.get(self.page)  # the latest year, now the new one
        self.assertContains(response, f"<title>Nationell uppföljning {LATER} – Samordna</title>")
        self.assertContains(response, f"Nationell uppföljning {LATER}</h1>")

    def test_each_year_is_kept_by_its_address(self):
        share(self.association, self.office)
        approved(
            self.sundsvall_insats, first_period(self.association, LATER), self.office, self.office
        )
        national = client_of(self.national)
        self.assertContains(national.get(self.page), f"Nationell uppföljning {LATER}</h1>")
        response = national.get(self.page, {"ar": YEAR})
        self.assertContains(response, f"<title>Nationell uppföljning {YEAR} – Samordna</title>")
        self.assertContains(response, f"Nationell uppföljning {YEAR}</h1>")
