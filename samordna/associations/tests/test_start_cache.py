"""The start page keeps what every reader of a role shares, and what is a person's or an
organisation's own, under the förbund's version: a change through a service shows on the
next page, and no reader is handed a part built for another role or person."""

import datetime
import re
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations import services
from samordna.associations.models import SeatKind
from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions import services as interventions
from samordna.interventions.models import GrantDecision
from samordna.interventions.services import reports
from samordna.interventions.tests.helpers import draft, submitted

# The session and the user (with förbund, person and organisation): the base layout's own.
CACHED_QUERIES = 2
# The kansli's page built anew: director, board with own seats, members (todos), minutes to
# justera, applications, late reports, reports to approve, meetings, the årshjul's three,
# risks, controls, and the financial goals built for the förbund.
BUILT_QUERIES = 19


class StartPageCacheTests(SamordnaTestCase):
    reader: User | None = None

    def start(self, user: User) -> tuple[int, str]:
        if user != self.reader:  # a login saves the user: a change of the förbund's records
            self.login(user)
            self.reader = user
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.url(""))
        self.assertEqual(response.status_code, 200)
        # The logout form's CSRF token is the request's own, outside every shared part.
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
        return len(queries), html

    def test_the_kansli_page_is_read_from_the_cache_until_a_record_changes(self):
        built, first = self.start(self.office)
        kept, second = self.start(self.office)
        self.assertEqual((built, kept), (BUILT_QUERIES, CACHED_QUERIES))
        self.assertEqual(first, second)
        services.association_update(
            association=self.association, by=self.office, email="kansliet@example.se"
        )
        again, changed = self.start(self.office)
        self.assertEqual(again, BUILT_QUERIES)
        self.assertIn("kansliet@example.se", changed)

    def test_a_new_application_shows_on_the_kansli_page_and_the_applicants(self):
        _, before = self.start(self.office)
        _, own_before = self.start(self.applicant)
        self.assertNotIn("Jobbspåret", before + own_before)
        submitted(self.association, self.applicant, name="Jobbspåret")
        _, after = self.start(self.office)
        self.assertIn("Ansökningar att bereda", after)
        self.assertIn("Jobbspåret", after)
        _, own = self.start(self.applicant)
        self.assertIn("Dina ansökningar", own)
        self.assertIn("Jobbspåret", own)

    def test_an_applicant_sees_only_their_own_organisations_applications(self):
        self.start(self.applicant)
        region = self.association.members.get(name="Region Västernorrland")
        self.assertNotEqual(region.pk, self.applicant.member_id)
        draft(self.association, self.office, member=region, name="Regionens eget")
        _, own = self.start(self.applicant)
        self.assertNotIn("Regionens eget", own)
        other = User.objects.create_user(
            username="sokande.region",
            association=self.association,
            role="applicant",
            member=region,
        )
        _, theirs = self.start(other)
        self.assertIn("Regionens eget", theirs)

    def test_a_report_shows_as_late_on_the_kansli_page_the_day_after_it_was_due(self):
        today = timezone.localdate()
        decision = GrantDecision.objects.filter(
            association=self.association, application__intervention__closed_on__isnull=True
        ).exclude(outcome="refused")[0]
        reports.report_request(
            decision=decision,
            by=self.office,
            title="Delrapport om jobbmatchning",
            due_on=today + datetime.timedelta(days=1),
        )
        _, on_time = self.start(self.office)
        self.assertNotIn("Delrapport om jobbmatchning", on_time)
        real = timezone.localdate
        later = today + datetime.timedelta(days=2)
        with mock.patch.object(
            timezone, "localdate", lambda *args, **kwargs: real(*args, **kwargs) if args else later
        ):
            _, late = self.start(self.office)
        self.assertIn("Delrapport om jobbmatchning", late)

    def test_the_revisor_is_not_given_the_kanslis_parts(self):
        _, kansli = self.start(self.office)
        submitted(self.association, self.applicant, name="Jobbspåret")
        _, kansli = self.start(self.office)
        for text in ("Att göra", "Registrera valärende", "Jobbspåret", "Försenade rapporter"):
            self.assertIn(text, kansli)
        _, revisor = self.start(self.auditor)
        for text in ("Att göra", "Registrera valärende", "Jobbspåret", "Försenade rapporter"):
            self.assertNotIn(text, revisor)
        self.assertIn("Granska", revisor)
        self.assertIn("Årshjulet", revisor)

    def test_a_ledamot_put_in_the_beredningsgrupp_sees_the_applications_next_time(self):
        submitted(self.association, self.applicant, name="Jobbspåret")
        _, before = self.start(self.board)
        self.assertNotIn("Jobbspåret", before)
        interventions.preparation_group_set(
            association=self.association, by=self.office, users=[self.board]
        )
        _, after = self.start(self.board)
        self.assertIn("Jobbspåret", after)
        _, chair = self.start(self.chair)  # the same role's parts, not the same person's
        self.assertNotIn("Jobbspåret", chair)

    def test_a_new_seat_shows_as_the_persons_own_and_on_the_board(self):
        person = self.board.person
        assert person is not None
        _, before = self.start(self.board)
        _, chair_before = self.start(self.chair)
        today = timezone.localdate()
        services.board_seat_create(
            association=self.association,
            by=self.office,
            person=person,
            member=self.association.members.get(name="Sundsvalls kommun"),
            kind=SeatKind.ORDINARY,
            starts_on=today - datetime.timedelta(days=1),
            ends_on=today + datetime.timedelta(days=365),
        )
        _, after = self.start(self.board)
        self.assertNotIn("Ordinarie ledamot för Sundsvalls kommun", before)
        self.assertIn("Ditt uppdrag i styrelsen", after)
        self.assertIn("Ordinarie ledamot för Sundsvalls kommun", after)
        _, chair = self.start(self.chair)
        self.assertIn(str(person), chair)  # on the board, read by the same role's part
        self.assertNotIn(str(person), chair_before)
