"""The meeting plan is kept (`{% shared %}`) under the förbund's version, the day, the year
and whether the reader is the kansli; the årshjul's items per meeting and the calendar
address are kept as values, since the kansli's part of them posts."""

import datetime
import re

from django.test import Client
from django.urls import reverse

from samordna.control import services as control_services
from samordna.control.models import Occurrence
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import services

D = datetime.date
T = datetime.time


class KeptMeetingPlanTests(SamordnaTestCase):
    def plan(self, year: int):
        return self.client.get(reverse("meetings:plan", args=["sundsvall"]), {"ar": year})

    def test_the_kept_plan_costs_the_session_and_the_user_only(self):
        self.login(self.board)
        with self.assertNumQueries(5):  # built anew
            self.plan(2023)
        with self.assertNumQueries(2):
            self.plan(2023)
        self.login(self.office)
        # The kansli's own part (its buttons) and the calendar address; the årshjul's items
        # are kept from the board's page.
        with self.assertNumQueries(5):
            self.plan(2023)
        with self.assertNumQueries(2):
            self.plan(2023)

    def test_a_new_meeting_shows_in_the_kept_plan(self):
        self.login(self.board)
        self.assertNotContains(self.plan(2023), "Extrainsatt möte")
        services.meeting_create(
            association=self.association,
            by=self.office,
            date=D(2023, 8, 18),
            starts_at=T(9),
            ends_at=T(11),
            place="Stadshuset",
            note="Extrainsatt möte",
        )
        self.assertContains(self.plan(2023), "Extrainsatt möte")

    def test_the_board_does_not_get_the_kanslis_buttons(self):
        board = Client()
        board.force_login(self.board)  # before the kansli's page is kept
        self.login(self.office)
        page = self.plan(2023)
        self.assertContains(page, "Nytt sammanträde")
        self.assertContains(page, "Lägg på dagordningen")
        page = board.get(reverse("meetings:plan", args=["sundsvall"]), {"ar": 2023})
        self.assertContains(page, "Årshjulet vid sammanträdena 2023")
        self.assertNotContains(page, "Nytt sammanträde")
        self.assertNotContains(page, "Lägg på dagordningen")

    def test_the_kanslis_form_in_a_kept_plan_posts_with_its_own_token(self):
        """The forms are outside the kept part: a second session's page, built from what the
        first one kept, carries the second session's token."""
        for _session in range(2):
            client = Client(enforce_csrf_checks=True)
            client.force_login(self.office)
            page = client.get(reverse("meetings:plan", args=["sundsvall"]), {"ar": 2023})
            form = re.search(
                r'<form method="post" action="([^"]+/dagordning/)">'
                r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">',
                page.content.decode(),
            )
            assert form is not None
            action, token = form.groups()
            response = client.post(action, {"csrfmiddlewaretoken": token})
            self.assertEqual(response.status_code, 302)

    def test_an_årshjul_item_put_on_the_agenda_shows_in_the_kept_plan(self):
        meeting = self.association.meetings.get(date=D(2023, 11, 24))
        self.login(self.office)
        button = 'Lägg på dagordningen<span class="sr-only"> för 24 november 2023</span>'
        self.assertContains(self.plan(2023), button)
        control_services.meeting_cycle_to_agenda(meeting=meeting, by=self.office)
        self.assertFalse(
            Occurrence.objects.filter(
                meeting=meeting, agenda_item__isnull=True, done_on__isnull=True
            ).exists()
        )
        self.assertNotContains(self.plan(2023), button)

    def test_each_year_is_kept_apart(self):
        self.login(self.board)
        self.assertContains(self.plan(2023), "Sammanträdesplan 2023")
        self.assertContains(self.plan(2022), "Sammanträdesplan 2022")
        self.assertContains(self.plan(2022), "25 november 2022")
