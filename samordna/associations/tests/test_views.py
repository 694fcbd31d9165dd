import datetime

from django.core.cache import cache
from django.urls import reverse

from samordna.associations.models import (
    Association,
    BoardSeat,
    Member,
    Person,
    SeatKind,
    StaffAssignment,
)
from samordna.core.tests.base import SamordnaTestCase

D = datetime.date


class PageAccessTests(SamordnaTestCase):
    """Every förbund page: who gets 200, 403 and 404, and which methods it takes."""

    def pages(self):
        a = self.association
        member = a.members.get(name="Sundsvalls kommun")
        person = a.people.get(last_name="Nordenö")
        seat = a.board_seats.get(person=person)
        staff = a.staff.earliest("pk")
        slug = a.slug
        read = {
            "start": reverse("associations:start", args=[slug]),
            "detail": reverse("associations:detail", args=[slug]),
            "members": reverse("associations:members", args=[slug]),
            "people": reverse("associations:people", args=[slug]),
            "person": reverse("associations:person", args=[slug, person.pk]),
            "board": reverse("associations:board", args=[slug]),
            "seats": reverse("associations:seats", args=[slug]),
            "staff": reverse("associations:staff", args=[slug]),
        }
        write = {
            "settings": reverse("associations:settings", args=[slug]),
            "member_create": reverse("associations:member_create", args=[slug]),
            "member_update": reverse("associations:member_update", args=[slug, member.pk]),
            "member_shares": reverse("associations:member_shares", args=[slug]),
            "person_create": reverse("associations:person_create", args=[slug]),
            "person_update": reverse("associations:person_update", args=[slug, person.pk]),
            "seat_create": reverse("associations:seat_create", args=[slug]),
            "seat_update": reverse("associations:seat_update", args=[slug, seat.pk]),
            "staff_create": reverse("associations:staff_create", args=[slug]),
            "staff_update": reverse("associations:staff_update", args=[slug, staff.pk]),
            "users": reverse("accounts:users", args=[slug]),
            "user_create": reverse("accounts:user_create", args=[slug]),
            "user_update": reverse("accounts:user_update", args=[slug, self.board.pk]),
        }
        history = {
            "history_forbund": reverse("associations:history", args=[slug, "forbund", a.pk]),
            "history_member": reverse("associations:history", args=[slug, "medlem", member.pk]),
            "history_seat": reverse("associations:history", args=[slug, "uppdrag", seat.pk]),
            "history_user": reverse(
                "associations:history", args=[slug, "anvandare", self.board.pk]
            ),
        }
        return read, write, history

    def postable(self, pages):
        return {name: url for name, url in pages.items() if name != "users"}

    def assert_status(self, user, urls, status, method="get"):
        self.login(user)
        for name, url in urls.items():
            with self.subTest(user=user.username, page=name, method=method):
                response = getattr(self.client, method)(url)
                self.assertEqual(response.status_code, status)

    def test_office_opens_every_page(self):
        read, write, history = self.pages()
        self.assert_status(self.office, {**read, **write, **history}, 200)

    def test_board_auditor_and_finance_read_but_get_403_on_writes(self):
        read, write, _ = self.pages()
        for user in (self.chair, self.board, self.auditor, self.finance):
            self.assert_status(user, read, 200)
            self.assert_status(user, write, 403)
            self.assert_status(user, self.postable(write), 403, method="post")

    def test_only_office_and_auditor_see_history(self):
        _, _, history = self.pages()
        self.assert_status(self.auditor, history, 200)
        for user in (self.chair, self.board, self.finance, self.applicant):
            self.assert_status(user, history, 403)

    def test_applicant_sees_only_the_start_page(self):
        read, write, _ = self.pages()
        self.assert_status(self.applicant, {"start": read.pop("start")}, 200)
        self.assert_status(self.applicant, {**read, **write}, 403)

    def test_outsider_gets_404_on_everything(self):
        read, write, history = self.pages()
        pages = {**read, **write, **history}
        self.assert_status(self.outsider, pages, 404)
        self.assert_status(self.outsider, self.postable(write), 404, method="post")
        self.assert_status(self.national, pages, 404)

    def test_anonymous_is_sent_to_login(self):
        read, write, _ = self.pages()
        for name, url in {**read, **write}.items():
            with self.subTest(page=name):
                response = self.client.get(url)
                self.assertRedirects(response, f"{reverse('login')}?next={url}")

    def test_wrong_method_is_405(self):
        read, write, _ = self.pages()
        self.login(self.office)
        for name, url in read.items():
            with self.subTest(page=name):
                self.assertEqual(self.client.post(url).status_code, 405)
        for name, url in write.items():
            with self.subTest(page=name):
                self.assertEqual(self.client.put(url).status_code, 405)

    def test_history_of_a_record_in_another_forbund_is_404(self):
        self.login(self.office)
        foreign = self.other.members.earliest("pk")
        url = reverse("associations:history", args=[self.association.slug, "medlem", foreign.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        url = reverse(
            "associations:history", args=[self.association.slug, "forbund", self.other.pk]
        )
        self.assertEqual(self.client.get(url).status_code, 404)
        url = reverse("associations:history", args=[self.association.slug, "okant", 1])
        self.assertEqual(self.client.get(url).status_code, 404)


class MemberViewTests(SamordnaTestCase):
    def setUp(self):
        self.login(self.office)

    def test_new_member_is_created_and_shown(self):
        response = self.client.post(
            self.url("medlemmar/ny/"),
            {"kind": "kommun", "name": "Timrå kommun", "organisation_number": "2120002395"},
        )
        self.assertRedirects(response, self.url("medlemmar/"))
        member = Member.objects.get(association=self.association, name="Timrå kommun")
        self.assertEqual(member.organisation_number, "212000-2395")
        page = self.client.get(self.url("medlemmar/")).content.decode()
        self.assertIn("Timrå kommun", page)
        self.assertIn("212000-2395", page)

    def test_invalid_organisation_number_is_shown_at_the_field_and_input_kept(self):
        response = self.client.post(
            self.url("medlemmar/ny/"),
            {"kind": "kommun", "name": "Timrå kommun", "organisation_number": "222100-2114"},
        )
        self.assertEqual(response.status_code, 400)
        page = response.content.decode()
        self.assertIn("Organisationsnumret 222100-2114 är inte giltigt", page)
        self.assertIn('value="Timrå kommun"', page)
        self.assertFalse(self.association.members.filter(name="Timrå kommun").exists())

    def test_every_problem_is_shown_at_once(self):
        response = self.client.post(
            self.url("medlemmar/ny/"),
            {"kind": "", "name": "Timrå kommun", "organisation_number": "222100-2114"},
        )
        self.assertContains(response, "Detta fält måste fyllas i.", status_code=400)
        self.assertContains(response, "är inte giltigt", status_code=400)
        self.assertContains(response, '<option value="" selected>Välj</option>', status_code=400)

    def test_duplicate_name_is_refused_in_swedish(self):
        response = self.client.post(
            self.url("medlemmar/ny/"),
            {"kind": "kommun", "name": "Sundsvalls kommun", "organisation_number": "212000-2411"},
        )
        self.assertContains(
            response, "Förbundet har redan en medlem med det namnet.", status_code=400
        )

    def test_shares_not_summing_to_100_are_refused_and_kept(self):
        members = {m.name: m.pk for m in self.association.members.all()}
        data = {
            f"member_{members['Försäkringskassan']}": "50",
            f"member_{members['Arbetsförmedlingen']}": "0",
            f"member_{members['Region Västernorrland']}": "25",
            f"member_{members['Sundsvalls kommun']}": "24,5",
        }
        response = self.client.post(self.url("medlemmar/fordelningsnyckel/"), data)
        self.assertContains(response, "de ska bli 100 %", status_code=400)
        self.assertContains(response, 'value="24,5"', status_code=400)

    def test_shares_with_decimal_comma_are_saved(self):
        self.client.post(
            self.url("medlemmar/ny/"),
            {"kind": "kommun", "name": "Timrå kommun", "organisation_number": "212000-2395"},
        )
        members = {m.name: m.pk for m in self.association.members.all()}
        data = {
            f"member_{members['Försäkringskassan']}": "50",
            f"member_{members['Arbetsförmedlingen']}": "0",
            f"member_{members['Region Västernorrland']}": "25",
            f"member_{members['Sundsvalls kommun']}": "12,5",
            f"member_{members['Timrå kommun']}": "12,5",
        }
        response = self.client.post(self.url("medlemmar/fordelningsnyckel/"), data)
        self.assertRedirects(response, self.url("medlemmar/"))
        self.assertNotContains(self.client.get(self.url("medlemmar/")), "stämmer inte")

    def test_member_list_cost_does_not_grow_with_members(self):
        with self.assertNumQueries(3):
            self.client.get(self.url("medlemmar/"))
        for number in range(5):
            Member.objects.create(
                association=self.association,
                kind="kommun",
                name=f"Kommun {number}",
                organisation_number="212000-2395",
            )
        with self.assertNumQueries(3):
            self.client.get(self.url("medlemmar/"))


class BoardViewTests(SamordnaTestCase):
    def setUp(self):
        self.login(self.office)

    def test_board_as_of_a_date_lists_who_sat(self):
        response = self.client.get(self.url("styrelsen/"), {"datum": "2022-11-25"})
        self.assertContains(response, "Styrelsen den 25 november 2022")
        for name in (
            "Christina Nordenö",
            "Jonas Väst",
            "Peter Pettersson",
            "Lina Kempe",
            "Pia Persbo",
        ):
            self.assertContains(response, name)

    def test_an_invalid_date_is_explained(self):
        response = self.client.get(self.url("styrelsen/"), {"datum": "2022-13-45"})
        self.assertContains(response, "Fyll i ett giltigt datum.")

    def test_seat_is_created(self):
        person = Person.objects.create(
            association=self.association, first_name="Ny", last_name="Ledamot"
        )
        member = self.association.members.get(name="Sundsvalls kommun")
        response = self.client.post(
            self.url("styrelsen/uppdrag/nytt/"),
            {
                "person": person.pk,
                "member": member.pk,
                "kind": SeatKind.ORDINARY,
                "position": "",
                "starts_on": "2023-04-01",
                "ends_on": "2027-03-31",
                "appointed_by": "Kommunfullmäktige 2023-02-27",
                "receives_fee": "on",
            },
        )
        self.assertRedirects(response, self.url("styrelsen/uppdrag/"))
        seat = BoardSeat.objects.get(person=person)
        self.assertEqual(seat.history.get().history_user, self.office)

    def test_seat_ending_before_it_starts_is_refused_and_kept(self):
        person = self.association.people.get(last_name="Väst")
        member = self.association.members.get(name="Sundsvalls kommun")
        count = BoardSeat.objects.count()
        response = self.client.post(
            self.url("styrelsen/uppdrag/nytt/"),
            {
                "person": person.pk,
                "member": member.pk,
                "kind": SeatKind.ORDINARY,
                "starts_on": "2024-04-01",
                "ends_on": "2024-03-31",
                "appointed_by": "Skrivet av användaren",
            },
        )
        self.assertContains(
            response, "Mandatperioden kan inte sluta innan den börjar.", status_code=400
        )
        self.assertContains(response, 'value="Skrivet av användaren"', status_code=400)
        self.assertEqual(BoardSeat.objects.count(), count)

    def test_overlapping_seat_is_refused_at_the_field(self):
        person = self.association.people.get(last_name="Väst")
        member = self.association.members.get(name="Sundsvalls kommun")
        response = self.client.post(
            self.url("styrelsen/uppdrag/nytt/"),
            {
                "person": person.pk,
                "member": member.pk,
                "kind": SeatKind.SUBSTITUTE,
                "starts_on": "2022-01-01",
                "ends_on": "2024-12-31",
            },
        )
        self.assertContains(
            response, "har redan ett uppdrag för Sundsvalls kommun", status_code=400
        )

    def test_a_person_of_another_forbund_cannot_be_chosen(self):
        foreign = self.other.people.earliest("pk")
        member = self.association.members.get(name="Sundsvalls kommun")
        response = self.client.post(
            self.url("styrelsen/uppdrag/nytt/"),
            {
                "person": foreign.pk,
                "member": member.pk,
                "kind": SeatKind.ORDINARY,
                "starts_on": "2023-04-01",
                "ends_on": "2027-03-31",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(BoardSeat.objects.filter(person=foreign, member=member).exists())

    def test_list_pages_cost_a_fixed_number_of_queries(self):
        pages = {
            "styrelsen/": 3,
            "styrelsen/uppdrag/": 3,
            "personer/": 3,
            "kansliet/": 3,
            "anvandare/": 4,  # and which users are locked out, in one query
            # also applications, reports, financial goals, årshjul, risks without control; the
            # user's person comes with the user; the board, read once with the user's own seats
            "": 19,
        }
        counts = {}
        for path in pages:
            cache.clear()  # the goals panel built, not read from the cache
            with self.subTest(page=path), self.assertNumQueries(pages[path]):
                self.client.get(self.url(path))
            counts[path] = pages[path]
        member = self.association.members.get(name="Sundsvalls kommun")
        for number in range(5):
            person = Person.objects.create(
                association=self.association, first_name="Person", last_name=str(number)
            )
            BoardSeat.objects.create(
                association=self.association,
                person=person,
                member=member,
                kind=SeatKind.SUBSTITUTE,
                starts_on=D(2020, 1, 1),
                ends_on=D(2040, 1, 1),
            )
            StaffAssignment.objects.create(
                association=self.association, person=person, role="other", starts_on=D(2020, 1, 1)
            )
        for path, expected in counts.items():
            cache.clear()
            with self.subTest(page=path, more_data=True), self.assertNumQueries(expected):
                self.client.get(self.url(path))


class SettingsViewTests(SamordnaTestCase):
    def setUp(self):
        self.login(self.office)

    def data(self, **overrides):
        a = self.association
        data = {
            "name": a.name,
            "organisation_number": "",
            "seat": a.seat,
            "county": a.county,
            "postal_address": a.postal_address,
            "email": "",
            "quorum_rule": a.quorum_rule,
            "substitute_rule": a.substitute_rule,
            "paragraph_numbering": a.paragraph_numbering,
            "notice_board": a.notice_board,
            "minutes_kept_at": a.minutes_kept_at,
            "opening_style": a.opening_style,
            "fee_short_meeting_percent": "1",
            "fee_long_meeting_percent": "2",
            "fee_long_meeting_after_hours": "4",
        }
        return {**data, **overrides}

    def test_settings_are_saved_with_history(self):
        response = self.client.post(
            self.url("forbundet/andra/"), self.data(quorum_rule="more_than_half")
        )
        self.assertRedirects(response, self.url("forbundet/"))
        self.association.refresh_from_db()
        self.assertEqual(self.association.quorum_rule, "more_than_half")
        history = self.client.get(self.url(f"historik/forbund/{self.association.pk}/"))
        self.assertContains(history, "Minst hälften av ledamöterna → Fler än hälften")
        self.assertContains(history, "Jan Andersson")

    def test_the_rule_for_ersattare_is_a_setting(self):
        response = self.client.post(
            self.url("forbundet/andra/"), self.data(substitute_rule="personal")
        )
        self.assertRedirects(response, self.url("forbundet/"))
        page = self.client.get(self.url("forbundet/"))
        self.assertContains(
            page, "Personliga ersättare: en ersättare tjänstgör bara för sin ledamot"
        )

    def test_invalid_organisation_number_is_refused(self):
        response = self.client.post(
            self.url("forbundet/andra/"), self.data(organisation_number="123456-7890")
        )
        self.assertContains(response, "är inte giltigt", status_code=400)
        self.assertEqual(Association.objects.get(pk=self.association.pk).organisation_number, "")

    def test_half_a_fee_rule_is_refused(self):
        response = self.client.post(
            self.url("forbundet/andra/"), self.data(fee_long_meeting_percent="")
        )
        self.assertContains(response, "Fyll i alla tre delarna", status_code=400)
