import datetime

from django.urls import reverse

from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings.models import Attendance, Paragraph
from samordna.meetings.tests.helpers import unapproved_copy

D = datetime.date


class MinutesPageTests(SamordnaTestCase):
    def setUp(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)
        self.paragraph = self.meeting.paragraphs.get(number=132)

    def urls(self):
        args = ["sundsvall", self.meeting.pk]
        return [
            reverse("meetings:roll_call", args=args),
            reverse("meetings:paragraph_create", args=args),
            reverse("meetings:paragraph_update", args=[*args, self.paragraph.pk]),
            reverse("meetings:recusals", args=[*args, self.paragraph.pk]),
        ]

    def test_meeting_page_shows_roll_call_jav_and_quorum_of_paragraph_132(self):
        self.login(self.board)
        response = self.client.get(reverse("meetings:detail", args=["sundsvall", self.meeting.pk]))
        self.assertContains(response, "Jonas Väst deltog inte i beslutet.")
        self.assertContains(response, "Thomas Burman deltog inte i diskussionen.")
        self.assertContains(response, "Beslutför: 3 beslutande av 4 ledamöter (minst 2).")
        self.assertContains(response, "Att bevilja medel med 709 000 kr")
        self.assertNotContains(response, "Registrera upprop")

    def test_access_per_role(self):
        for user, status in [
            (self.office, 200),
            (self.chair, 403),
            (self.auditor, 403),
            (self.outsider, 404),
        ]:
            self.login(user)
            for url in self.urls():
                with self.subTest(user=user.username, url=url):
                    self.assertEqual(self.client.get(url).status_code, status)
                    if user != self.office:
                        self.assertEqual(self.client.post(url).status_code, status)
            self.assertEqual(self.client.put(self.urls()[0]).status_code, 405)

    def roll_call_data(self, **overrides):
        data = {}
        for attendance in self.meeting.attendances.select_related("seat"):
            pk = attendance.seat_id
            data[f"presence_{pk}"] = attendance.presence
            data[f"from_{pk}"] = ""
            data[f"until_{pk}"] = ""
            data[f"note_{pk}"] = ""
            if attendance.seat.kind == "substitute":
                data[f"serves_for_{pk}"] = ""
        data.update(overrides)
        return data

    def test_departure_is_recorded_and_changes_the_quorum(self):
        self.login(self.office)
        kempe = self.association.board_seats.get(person__last_name="Kempe").pk
        response = self.client.post(
            self.urls()[0],
            self.roll_call_data(**{f"until_{kempe}": "131", f"note_{kempe}": "Avvek kl. 11.00"}),
        )
        self.assertRedirects(
            response, reverse("meetings:detail", args=["sundsvall", self.meeting.pk])
        )
        attendance = Attendance.objects.get(meeting=self.meeting, seat_id=kempe)
        self.assertEqual(
            (attendance.until_number, attendance.history.latest().history_user), (131, self.office)
        )
        page = self.client.get(reverse("meetings:detail", args=["sundsvall", self.meeting.pk]))
        self.assertContains(page, "Beslutför: 2 beslutande av 4 ledamöter (minst 2).")

    def test_departure_before_arrival_is_refused_and_input_kept(self):
        self.login(self.office)
        kempe = self.association.board_seats.get(person__last_name="Kempe").pk
        response = self.client.post(
            self.urls()[0],
            self.roll_call_data(
                **{
                    f"from_{kempe}": "130",
                    f"until_{kempe}": "125",
                    f"note_{kempe}": "Skrivet av användaren",
                }
            ),
        )
        self.assertContains(response, "avvek före ankomsten", status_code=400)
        self.assertContains(response, 'value="Skrivet av användaren"', status_code=400)
        self.assertIsNone(Attendance.objects.get(meeting=self.meeting, seat_id=kempe).until_number)

    def test_new_paragraph_gets_the_next_number(self):
        self.login(self.office)
        response = self.client.post(
            self.urls()[1],
            {"number": "", "title": "Övriga frågor", "decision": "Att notera informationen."},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Paragraph.objects.filter(meeting=self.meeting, number=147).exists())

    def test_jav_is_set_and_cleared(self):
        self.login(self.office)
        seats = {s.person.last_name: s.pk for s in self.association.board_seats.all()}
        data = {f"seat_{pk}": "" for pk in seats.values()}
        data[f"seat_{seats['Nordenö']}"] = "decision"
        data[f"seat_{seats['Väst']}"] = ""
        # only seats on the board that day are in the form; extra keys are ignored
        response = self.client.post(self.urls()[3], data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            sorted(r.seat.person.last_name for r in self.paragraph.recusals.all()),
            ["Nordenö"],
        )

    def test_meeting_page_cost_is_fixed(self):
        self.login(self.board)
        url = reverse("meetings:detail", args=["sundsvall", self.meeting.pk])
        with self.assertNumQueries(11):
            self.client.get(url)
