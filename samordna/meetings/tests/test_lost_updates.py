import datetime

from samordna.accounts.models import User
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.tests.concurrency import StaleSaveMixin, resave
from samordna.meetings import services
from samordna.meetings.models import Meeting


class MeetingLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def setUp(self):
        self.colleague = User.objects.get(username="emil.ulander")
        self.meeting = services.meeting_create(
            association=self.association,
            by=self.office,
            date=datetime.date(2031, 3, 14),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Stadshuset",
        )

    def test_the_second_save_of_a_meeting_from_a_stale_form_is_refused(self):
        url = self.url(f"sammantraden/{self.meeting.pk}/andra/")
        page = self.assert_stale_save_refused(
            url,
            first_user=self.office,
            second_user=self.colleague,
            first={"place": "Kommunhuset rum 612"},
            second={"note": "Fika från 08.30"},
            shows=["Plats: Kommunhuset rum 612"],
        )
        self.assertIn("Sammanträde", page)
        meeting = Meeting.objects.get(pk=self.meeting.pk)
        self.assertEqual(meeting.place, "Kommunhuset rum 612")  # the first change stayed
        self.assertEqual(meeting.note, "")
        # Saved again from the refused page, the second user's values win, knowingly.
        again = resave(self.second_client, url, page, {"place": "Kommunhuset rum 612"})
        self.assertEqual(again.status_code, 302)
        meeting.refresh_from_db()
        self.assertEqual(meeting.note, "Fika från 08.30")

    def test_a_stale_agenda_item_is_refused(self):
        item = self.meeting.items.order_by("position")[0]
        url = self.url(f"sammantraden/{self.meeting.pk}/dagordning/{item.pk}/andra/")
        self.assert_stale_save_refused(
            url,
            first_user=self.office,
            second_user=self.colleague,
            first={"title": "Mötet öppnas"},
            second={"presenter": "Jan Andersson"},
            shows=["Mötet öppnas"],
        )


class RollCallLostUpdateTests(StaleSaveMixin, SamordnaTestCase):
    def test_a_roll_call_from_a_stale_page_is_refused(self):
        meeting = self.association.meetings.get(date=datetime.date(2023, 1, 27))
        seat = meeting.association.board_seats.filter(
            starts_on__lte=meeting.date, ends_on__gte=meeting.date
        ).earliest("pk")
        self.assert_stale_save_refused(
            self.url(f"sammantraden/{meeting.pk}/upprop/"),
            first_user=self.office,
            second_user=User.objects.get(username="emil.ulander"),
            first={f"note_{seat.pk}": "Kom 09.30"},
            second={f"note_{seat.pk}": "Via Teams"},
            shows=["Kom 09.30"],
        )
