import datetime
import zoneinfo

import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar

from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import services
from samordna.meetings.models import AgendaItem, CalendarFeed, ItemKind, Meeting
from samordna.meetings.services import proceedings

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")

D = datetime.date
T = datetime.time


class MeetingServiceTests(SamordnaTestCase):
    def create(self, **overrides):
        fields = {
            "date": D(2024, 1, 26),
            "starts_at": T(9),
            "ends_at": T(12),
            "place": "Kommunhuset rum 612",
            "note": "",
            "planned_in": "2023-11-24 § 140",
        }
        return services.meeting_create(
            association=self.association, by=self.office, **{**fields, **overrides}
        )

    def test_new_meeting_gets_the_standing_items(self):
        meeting = self.create()
        self.assertEqual(
            [i.title for i in meeting.items.all()],
            [
                "Sammanträdet öppnas",
                "Godkännande av dagordning",
                "Val av justerare",
                "Föregående protokoll",
                "Nästa sammanträde",
                "Sammanträdet avslutas",
            ],
        )
        self.assertEqual(meeting.history.get().history_user, self.office)

    def test_overlapping_meeting_of_the_same_board_is_refused(self):
        self.create()
        count = Meeting.objects.count()
        with self.assertRaises(ValidationError) as caught:
            self.create(starts_at=T(11), ends_at=T(15))
        self.assertIn(
            "Styrelsen har redan ett sammanträde 26 januari 2024 kl. 09.00–12.00.",
            caught.exception.message_dict["starts_at"],
        )
        self.assertEqual(Meeting.objects.count(), count)
        self.create(starts_at=T(13), ends_at=T(15))  # the afternoon is free

    def test_another_forbund_may_meet_at_the_same_time(self):
        self.create()
        services.meeting_create(
            association=self.other,
            by=self.outsider,
            date=D(2024, 1, 26),
            starts_at=T(9),
            ends_at=T(12),
            place="Timrå",
        )

    def test_meeting_ending_before_it_starts_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.create(starts_at=T(12), ends_at=T(9))
        self.assertIn("ends_at", caught.exception.message_dict)

    def test_new_items_go_before_the_closing_items_and_can_be_moved(self):
        meeting = self.create()
        budget = services.agenda_item_add(
            meeting=meeting, by=self.office, title="Budgetuppföljning", kind=ItemKind.DECISION
        )
        plan = services.agenda_item_add(
            meeting=meeting,
            by=self.office,
            title="Sammanträdesplan 2025",
            kind=ItemKind.DECISION,
            case_number="Dnr 24:3",
        )
        titles = [i.title for i in meeting.items.all()]
        self.assertEqual(
            titles[4:],
            [
                "Budgetuppföljning",
                "Sammanträdesplan 2025",
                "Nästa sammanträde",
                "Sammanträdet avslutas",
            ],
        )
        services.agenda_item_move(item=plan, by=self.office, up=True)
        self.assertEqual(
            [i.title for i in meeting.items.all()][4:6],
            ["Sammanträdesplan 2025", "Budgetuppföljning"],
        )
        services.agenda_item_delete(item=budget, by=self.office)
        self.assertEqual([i.position for i in meeting.items.all()], list(range(1, 8)))

    def test_a_standing_item_can_be_deleted_and_the_first_cannot_move_up(self):
        meeting = self.create()
        first = meeting.items.earliest("position")
        with self.assertRaises(ValidationError):
            services.agenda_item_move(item=first, by=self.office, up=True)
        self.assertEqual(meeting.items.count(), 6)
        previous = meeting.items.get(title="Föregående protokoll")
        services.agenda_item_delete(item=previous, by=self.office)
        self.assertEqual([i.position for i in meeting.items.all()], list(range(1, 6)))
        self.assertNotIn("Föregående protokoll", [i.title for i in meeting.items.all()])


class MeetingPageTests(SamordnaTestCase):
    def meeting(self):
        return self.association.meetings.get(date=D(2022, 11, 25))

    def test_plan_lists_the_year_decided_in_a_paragraph(self):
        self.login(self.board)
        response = self.client.get(reverse("meetings:plan", args=["sundsvall"]), {"ar": 2023})
        self.assertContains(response, "Fredag 27 januari 2023")
        self.assertContains(response, "2022-10-21 § 114")
        self.assertContains(response, "Beslut om årsredovisningen")
        self.assertNotContains(response, "Prenumerera i Outlook")  # the address is the kansli's

    def test_a_year_without_meetings_is_an_empty_plan(self):
        self.login(self.office)
        response = self.client.get(reverse("meetings:plan", args=["sundsvall"]), {"ar": 2019})
        self.assertContains(response, "Inga sammanträden är inlagda för 2019.")
        self.assertContains(response, 'href="?ar=2019" aria-current="page"')

    def test_the_current_year_without_meetings_links_the_latest_year_with_them(self):
        # The demo's newest meetings are of 2024; today is later.
        with time_machine.travel(datetime.datetime(2031, 3, 2, 12, tzinfo=STOCKHOLM)):
            self.login(self.board)
            response = self.client.get(reverse("meetings:plan", args=["sundsvall"]))
        latest = self.association.meetings.latest("date").date.year
        self.assertContains(
            response,
            "Inga sammanträden är inlagda för 2031 ännu. Senaste år med sammanträden är "
            f'<a class="anchor" href="?ar={latest}">{latest}</a>.',
        )

    def test_a_year_without_meetings_far_away_is_404(self):
        self.login(self.office)
        response = self.client.get(reverse("meetings:plan", args=["sundsvall"]), {"ar": 1990})
        self.assertEqual(response.status_code, 404)

    def test_access_per_role(self):
        meeting = self.association.meetings.get(date=D(2023, 1, 27))  # not yet held
        item = meeting.items.earliest("position")
        read = [
            reverse("meetings:plan", args=["sundsvall"]),
            reverse("meetings:detail", args=["sundsvall", meeting.pk]),
            reverse("meetings:ics", args=["sundsvall", meeting.pk]),
        ]
        write = [
            reverse("meetings:create", args=["sundsvall"]),
            reverse("meetings:update", args=["sundsvall", meeting.pk]),
            reverse("meetings:item_create", args=["sundsvall", meeting.pk]),
            reverse("meetings:item_update", args=["sundsvall", meeting.pk, item.pk]),
        ]
        action = reverse("meetings:item_action", args=["sundsvall", meeting.pk, item.pk])
        renew = reverse("meetings:feed_renew", args=["sundsvall"])
        for user, read_status, write_status in [
            (self.office, 200, 200),
            (self.board, 200, 403),
            (self.auditor, 200, 403),
            (self.applicant, 403, 403),
            (self.outsider, 404, 404),
        ]:
            self.login(user)
            for url in read:
                with self.subTest(user=user.username, url=url):
                    self.assertEqual(self.client.get(url).status_code, read_status)
            for url in write:
                with self.subTest(user=user.username, url=url):
                    self.assertEqual(self.client.get(url).status_code, write_status)
            if user != self.office:
                for url in (action, renew):
                    with self.subTest(user=user.username, url=url, method="post"):
                        self.assertEqual(self.client.post(url).status_code, write_status)
                self.assertEqual(self.client.get(action).status_code, 405)

    def test_meeting_invitation_is_a_calendar_event_in_stockholm_time(self):
        self.login(self.board)
        response = self.client.get(reverse("meetings:ics", args=["sundsvall", self.meeting().pk]))
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        event = Calendar.from_ical(response.content).walk("VEVENT")[0]
        self.assertEqual(str(event["summary"]), "Styrelsemöte – Samordningsförbundet i Sundsvall")
        start = event.decoded("dtstart")
        self.assertEqual(
            (start.date(), start.hour, str(start.tzinfo)), (D(2022, 11, 25), 9, "Europe/Stockholm")
        )
        self.assertIn("röda konferensen", str(event["location"]))

    def test_the_plan_page_only_reads_and_the_kansli_makes_the_address(self):
        self.login(self.office)
        plan = reverse("meetings:plan", args=["sundsvall"])
        page = self.client.get(plan)
        self.assertIsNone(page.context["feed_url"])
        self.assertContains(page, "Skapa en adress")
        self.assertFalse(CalendarFeed.objects.filter(association=self.association).exists())
        response = self.client.post(reverse("meetings:feed_renew", args=["sundsvall"]))
        self.assertRedirects(response, plan)
        feed = CalendarFeed.objects.get(association=self.association)
        self.assertEqual(feed.history.count(), 1)
        self.assertContains(self.client.get(plan), feed.token)

    def test_feed_address_is_the_key_and_can_be_renewed(self):
        self.login(self.office)
        self.client.post(reverse("meetings:feed_renew", args=["sundsvall"]))
        page = self.client.get(reverse("meetings:plan", args=["sundsvall"]))
        feed_url = page.context["feed_url"]
        self.client.logout()
        response = self.client.get(feed_url)
        self.assertEqual(response.status_code, 200)
        events = Calendar.from_ical(response.content).walk("VEVENT")
        self.assertEqual(len(events), self.association.meetings.count())
        self.login(self.office)
        self.client.post(reverse("meetings:feed_renew", args=["sundsvall"]))
        self.client.logout()
        self.assertEqual(self.client.get(feed_url).status_code, 404)
        self.assertEqual(self.client.get("/kalender/gissning.ics").status_code, 404)

    def test_office_plans_a_meeting_and_adds_an_item(self):
        self.login(self.office)
        response = self.client.post(
            reverse("meetings:create", args=["sundsvall"]),
            {
                "date": "2027-01-29",
                "starts_at": "09:00",
                "ends_at": "12:00",
                "place": "Kommunhuset rum 612",
                "secretary": self.association.people.get(last_name="Andersson").pk,
                "note": "",
                "planned_in": "",
            },
        )
        # The kansli lands on the new meeting, to fill in its agenda.
        meeting = self.association.meetings.get(date=D(2027, 1, 29))
        self.assertRedirects(response, reverse("meetings:detail", args=["sundsvall", meeting.pk]))
        self.assertEqual(str(meeting.secretary), "Jan Andersson")
        response = self.client.post(
            reverse("meetings:item_create", args=["sundsvall", meeting.pk]),
            {
                "title": "Budgetuppföljning per 31 december",
                "kind": "decision",
                "presenter": "Jan Andersson",
                "case_number": "",
            },
        )
        self.assertRedirects(response, reverse("meetings:detail", args=["sundsvall", meeting.pk]))
        item = AgendaItem.objects.get(meeting=meeting, title__startswith="Budget")
        # After the four opening items and the diarium's "Inkomna handlingar", which a
        # meeting planned ahead gets by itself (issue 19).
        self.assertEqual(
            [i.title for i in meeting.items.all()][4:6],
            ["Inkomna handlingar", "Budgetuppföljning per 31 december"],
        )
        self.assertEqual(item.position, 6)
        response = self.client.post(
            reverse("meetings:item_action", args=["sundsvall", meeting.pk, item.pk]),
            {"action": "up"},
            follow=True,
        )
        item.refresh_from_db()
        self.assertEqual(item.position, 5)

    def test_bad_meeting_input_is_refused_and_kept(self):
        self.login(self.office)
        response = self.client.post(
            reverse("meetings:create", args=["sundsvall"]),
            {
                "date": "2022-11-25",
                "starts_at": "10:00",
                "ends_at": "11:00",
                "place": "Skrivet av användaren",
            },
        )
        self.assertContains(response, "Styrelsen har redan ett sammanträde", status_code=400)
        self.assertContains(response, 'value="Skrivet av användaren"', status_code=400)
        response = self.client.post(
            reverse("meetings:create", args=["sundsvall"]),
            {"date": "2027-01-29", "starts_at": "12:00", "ends_at": "09:00", "place": "X"},
        )
        self.assertContains(response, "måste sluta efter att det börjat", status_code=400)

    def test_plan_cost_is_fixed(self):
        self.login(self.board)
        url = reverse("meetings:plan", args=["sundsvall"])
        # The fifth reads the årshjul's items at the year's meetings (control's template tag).
        with self.assertNumQueries(5):
            self.client.get(url, {"ar": 2023})
        meeting = self.meeting()
        # A justerad meeting also reads its anslag; every meeting the grants its §§ decided,
        # the ersättare serving in a § for a jävig ledamot and the delegation decisions
        # reported to it.
        with self.assertNumQueries(20):
            self.client.get(reverse("meetings:detail", args=["sundsvall", meeting.pk]))


class ParagraphActionTests(SamordnaTestCase):
    def test_only_the_actions_that_fit_a_paragraph_are_offered(self):
        meeting = self.association.meetings.get(date=D(2023, 1, 27))
        opening, application, report = (
            proceedings.paragraph_create(meeting=meeting, by=self.office, title=title)
            for title in (
                "Sammanträdet öppnas",
                "Ansökan om medel till Steget vidare",
                "Delårsrapport för insatsen Steget vidare",
            )
        )
        self.login(self.office)
        page = self.client.get(reverse("meetings:detail", args=["sundsvall", meeting.pk]))
        for paragraph, decision, approval in [
            (opening, False, False),
            (application, True, False),
            (report, False, True),
        ]:
            with self.subTest(title=paragraph.title):
                decide = reverse("interventions:decision_create", args=["sundsvall", paragraph.pk])
                approve = reverse("interventions:report_approve", args=["sundsvall", paragraph.pk])
                self.assertEqual(f'href="{decide}"' in page.content.decode(), decision)
                self.assertEqual(f'href="{approve}"' in page.content.decode(), approval)


class SecretaryPickerTests(SamordnaTestCase):
    def test_the_secretary_is_chosen_among_the_forbunds_own_people(self):
        self.login(self.office)
        page = self.client.get(reverse("meetings:create", args=["sundsvall"]))
        self.assertContains(page, "Sekreterare")
        self.assertContains(page, ">Jan Andersson</option>")
        self.assertNotContains(page, ">Ulrika Sahlin</option>")  # Härnösand–Timrå's
        stranger = self.other.people.get(last_name="Sahlin")
        response = self.client.post(
            reverse("meetings:create", args=["sundsvall"]),
            {
                "date": "2027-02-26",
                "starts_at": "09:00",
                "ends_at": "12:00",
                "place": "Kommunhuset",
                "secretary": stranger.pk,
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.association.meetings.filter(date=D(2027, 2, 26)).exists())
