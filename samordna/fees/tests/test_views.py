"""The fees pages: who may open and change what, the forms with their errors, the pages'
fixed cost in queries, and the payroll XLSX."""

import datetime
import io
from decimal import Decimal

import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from samordna.accounts.models import User
from samordna.associations.models import Person
from samordna.core.tests.base import SamordnaTestCase
from samordna.fees import services
from samordna.fees.models import ClaimKind, ExpenseClaim, FeeList, FeeSettings
from samordna.fees.tests.helpers import meeting_on, reopened, roll_call

LOSS = "forlorad-arbetsfortjanst"
TRAVEL = "resa"


class FeeViewCase(SamordnaTestCase):
    def setUp(self):
        self.fixed = meeting_on(self.association, "2022-10-21")
        self.meeting = reopened(self.association, self.office)  # 2022-11-25, open
        self.burman_loss = ExpenseClaim.objects.get(meeting=self.meeting, kind=ClaimKind.LOSS)

    def u(self, name: str, *args) -> str:
        return reverse(f"fees:{name}", args=[self.association.slug, *args])

    def read_pages(self) -> list[str]:
        return [
            self.u("index"),
            self.u("index") + "?ar=2022",
            self.u("meeting", self.fixed.pk),
            self.u("meeting", self.meeting.pk),
            self.u("year") + "?ar=2022",
            self.u("year_xlsx") + "?ar=2022",
        ]

    def write_pages(self) -> list[str]:
        return [
            self.u("claim_create", self.meeting.pk, LOSS),
            self.u("claim_update", self.burman_loss.pk),
            self.u("reopen", self.fixed.pk),
            self.u("settings"),
            self.u("base_amount_create"),
        ]

    def post_only(self) -> list[str]:
        return [self.u("claim_delete", self.burman_loss.pk), self.u("fix", self.meeting.pk)]

    def assert_status(self, user: User, urls: list[str], status: int, method: str = "get"):
        self.login(user)
        for url in urls:
            with self.subTest(user=user.username, url=url, method=method):
                response = getattr(self.client, method)(url)
                self.assertEqual(response.status_code, status)


class AccessTests(FeeViewCase):
    def test_office_opens_every_page(self):
        self.assert_status(self.office, self.read_pages() + self.write_pages(), 200)

    def test_readers_read_and_get_403_on_the_kansli_pages(self):
        office_only = self.write_pages()[2:]  # reopen, settings, grundbelopp
        for user in (self.auditor, self.finance, self.chair, self.board):
            self.assert_status(user, self.read_pages(), 200)
            self.assert_status(user, office_only, 403)
            self.assert_status(user, office_only, 403, method="post")
            self.assert_status(user, [self.u("fix", self.meeting.pk)], 403, method="post")

    def test_the_auditor_and_ekonomi_cannot_claim(self):
        for user in (self.auditor, self.finance):
            self.assert_status(user, self.write_pages()[:2], 403)
            self.assert_status(user, self.post_only(), 403, method="post")

    def test_applicant_gets_403(self):
        self.assert_status(self.applicant, self.read_pages() + self.write_pages()[:1], 403)

    def test_outsider_gets_404_on_everything(self):
        self.assert_status(self.outsider, self.read_pages() + self.write_pages(), 404)
        self.assert_status(self.outsider, self.post_only(), 404, method="post")

    def test_another_förbunds_meeting_is_404(self):
        theirs = self.other.meetings.get(date="2023-11-24")
        self.assert_status(self.office, [self.u("meeting", theirs.pk)], 404)

    def test_wrong_method_is_405(self):
        self.assert_status(self.office, self.post_only(), 405)
        self.assert_status(self.office, [self.u("index")], 405, method="post")

    def test_unknown_claim_kind_is_404(self):
        self.assert_status(self.office, [self.u("claim_create", self.meeting.pk, "middag")], 404)

    def test_history_links_only_for_office_and_auditor(self):
        history = reverse(
            "associations:history",
            args=[self.association.slug, "ersattning", self.burman_loss.pk],
        )
        for user, shown in [(self.office, True), (self.auditor, True), (self.board, False)]:
            self.login(user)
            page = self.client.get(self.u("meeting", self.meeting.pk)).content.decode()
            self.assertEqual(history in page, shown, user.username)
        self.login(self.auditor)
        self.assertEqual(self.client.get(history).status_code, 200)


class BoardMemberClaimTests(FeeViewCase):
    """Peter Pettersson (ledamot) claims for himself only."""

    def test_a_board_member_claims_travel_for_himself(self):
        self.login(self.board)
        burman = Person.objects.get(association=self.association, last_name="Burman")
        response = self.client.post(
            self.u("claim_create", self.meeting.pk, TRAVEL),
            {"person": burman.pk, "from_place": "Kovland", "to_place": "Sundsvall", "km": "24"},
        )
        self.assertEqual(response.status_code, 302)
        claim = ExpenseClaim.objects.get(meeting=self.meeting, kind=ClaimKind.TRAVEL, km=24)
        self.assertEqual(
            (claim.person, claim.amount, claim.entered_by), (self.board.person, 60, self.board)
        )

    def test_a_board_member_cannot_change_anothers_claim(self):
        self.assert_status(self.board, [self.u("claim_update", self.burman_loss.pk)], 403)
        self.assert_status(self.board, [self.u("claim_delete", self.burman_loss.pk)], 403, "post")
        self.assertTrue(ExpenseClaim.objects.filter(pk=self.burman_loss.pk).exists())

    def test_the_claim_links_show_only_to_those_present(self):
        vast = User.objects.get(username="jonas.vast")
        meeting_page = self.u("meeting", self.meeting.pk)
        create = self.u("claim_create", self.meeting.pk, LOSS)
        self.login(self.board)
        self.assertContains(self.client.get(meeting_page), create)
        # Jonas Väst was absent on 2022-10-21: no links, and a claim is refused at the field.
        older = reopened(self.association, self.office, "2022-10-21")
        self.login(vast)
        self.assertNotContains(
            self.client.get(self.u("meeting", older.pk)), self.u("claim_create", older.pk, LOSS)
        )
        response = self.client.post(
            self.u("claim_create", older.pk, LOSS), {"amount": "500", "basis": "Intyg"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "var inte närvarande", status_code=400)

    def test_a_fastställd_list_shows_no_claim_links(self):
        self.login(self.board)
        page = self.client.get(self.u("meeting", self.fixed.pk))
        self.assertNotContains(page, "/ny/")
        self.assertContains(page, "Fastställd")


class FormTests(FeeViewCase):
    def test_office_enters_a_claim_for_someone_present(self):
        self.login(self.office)
        vast = Person.objects.get(association=self.association, last_name="Väst")
        response = self.client.post(
            self.u("claim_create", self.meeting.pk, LOSS),
            {"person": vast.pk, "hours": "3,5", "hourly_rate": "250", "basis": "Lönebesked"},
        )
        self.assertRedirects(response, self.u("meeting", self.meeting.pk))
        claim = ExpenseClaim.objects.get(person=vast, meeting=self.meeting)
        self.assertEqual((claim.hours, claim.amount), (Decimal("3.5"), 875))

    def test_the_kansli_only_chooses_among_those_present(self):
        self.login(self.office)
        page = self.client.get(self.u("claim_create", self.meeting.pk, LOSS)).content.decode()
        self.assertIn("Jonas Väst", page)
        self.assertNotIn("Pia Persbo", page)  # absent on 2022-11-25

    def test_errors_are_shown_at_the_field_and_the_input_kept(self):
        self.login(self.office)
        vast = Person.objects.get(association=self.association, last_name="Väst")
        response = self.client.post(
            self.u("claim_create", self.meeting.pk, LOSS),
            {"person": vast.pk, "hours": "30", "hourly_rate": "-5", "basis": ""},
        )
        self.assertEqual(response.status_code, 400)
        form = response.context["form"]
        self.assertIn("Beloppet kan inte vara negativt.", form.errors["hourly_rate"])
        self.assertIn("basis", form.errors)
        self.assertContains(response, 'value="30"', status_code=400)
        response = self.client.post(
            self.u("claim_create", self.meeting.pk, LOSS),
            {"person": vast.pk, "hours": "30", "hourly_rate": "200", "basis": "Intyg"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Högst 8 timmar", response.context["form"].errors["hours"][0])
        self.assertFalse(ExpenseClaim.objects.filter(person=vast, meeting=self.meeting).exists())

    def test_updating_and_deleting_a_claim(self):
        self.login(self.office)
        response = self.client.post(
            self.u("claim_update", self.burman_loss.pk),
            {"hours": "", "hourly_rate": "", "amount": "1 200", "basis": "Nytt intyg"},
        )
        self.assertEqual(response.status_code, 302)
        self.burman_loss.refresh_from_db()
        self.assertEqual((self.burman_loss.amount, self.burman_loss.hours), (1200, None))
        self.client.post(self.u("claim_delete", self.burman_loss.pk))
        self.assertFalse(ExpenseClaim.objects.filter(pk=self.burman_loss.pk).exists())

    def test_fix_and_reopen_through_the_pages(self):
        self.login(self.office)
        self.client.post(self.u("fix", self.meeting.pk))
        fee_list = FeeList.objects.get(meeting=self.meeting)
        self.assertTrue(fee_list.is_fixed)
        response = self.client.post(self.u("claim_delete", self.burman_loss.pk), follow=True)
        self.assertContains(response, "Arvodeslistan är fastställd")
        self.assertTrue(ExpenseClaim.objects.filter(pk=self.burman_loss.pk).exists())
        response = self.client.post(self.u("reopen", self.meeting.pk), {"reason": ""})
        self.assertEqual(response.status_code, 400)
        response = self.client.post(self.u("reopen", self.meeting.pk), {"reason": "Fel timlön."})
        self.assertEqual(response.status_code, 302)
        fee_list.refresh_from_db()
        self.assertEqual((fee_list.is_fixed, fee_list.reopen_reason), (False, "Fel timlön."))
        self.assertContains(self.client.get(self.u("meeting", self.meeting.pk)), "Fel timlön.")

    def test_settings_and_a_new_grundbelopp(self):
        self.login(self.office)
        response = self.client.post(
            self.u("settings"),
            {"km_rate": "3,10", "loss_max_per_hour": "650", "loss_max_hours": "7,5", "note": ""},
        )
        self.assertEqual(response.status_code, 302)
        saved = FeeSettings.objects.get(association=self.association)
        self.assertEqual((saved.km_rate, saved.loss_max_hours), (Decimal("3.10"), Decimal("7.5")))
        response = self.client.post(
            self.u("settings"),
            {"km_rate": "-1", "loss_max_per_hour": "0", "loss_max_hours": "30", "note": ""},
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            set(response.context["form"].errors), {"km_rate", "loss_max_per_hour", "loss_max_hours"}
        )
        response = self.client.post(
            self.u("base_amount_create"),
            {"valid_from": "2023-04-01", "amount": "71 000", "decided_by": "HR-direktören"},
        )
        self.assertRedirects(response, self.u("settings"))
        self.assertTrue(self.association.fee_base_amounts.filter(amount=71_000).exists())
        response = self.client.post(
            self.u("base_amount_create"), {"valid_from": "2022-05-01", "amount": "70 000"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("fastställda arvodeslistor", str(response.context["form"].errors))

    def test_the_förbund_without_a_rule_says_so(self):
        ulrika = self.outsider
        self.client.force_login(ulrika)
        theirs = self.other.meetings.get(date="2023-11-24")
        for url in [
            reverse("fees:index", args=[self.other.slug]) + "?ar=2023",
            reverse("fees:meeting", args=[self.other.slug, theirs.pk]),
        ]:
            self.assertContains(self.client.get(url), "ingen regel för sammanträdesarvoden")


class QueryCountTests(FeeViewCase):
    def test_list_pages_cost_a_fixed_number_of_queries(self):
        self.login(self.office)
        pages = {
            self.u("index") + "?ar=2022": 9,
            self.u("index") + "?ar=2023": 9,
            self.u("meeting", self.meeting.pk): 9,
            self.u("year") + "?ar=2022": 9,
            self.u("year_xlsx") + "?ar=2022": 9,
        }
        for path, expected in pages.items():
            with self.subTest(page=path), self.assertNumQueries(expected):
                self.assertEqual(self.client.get(path).status_code, 200)
        # More people present and more claims do not cost more.
        for number, day in enumerate(["2023-01-27", "2023-02-21", "2023-03-17"]):
            planned = meeting_on(self.association, day)
            roll_call(
                planned, self.office, {"Nordenö": "present", "Väst": "present", "Burman": "present"}
            )
            services.claim_create(
                meeting=planned,
                person=Person.objects.get(association=self.association, last_name="Väst"),
                kind=ClaimKind.TRAVEL,
                by=self.office,
                from_place="A",
                to_place="B",
                km=Decimal(10 + number),
            )
            services.fee_list_fix(meeting=planned, by=self.office)
        for path, expected in pages.items():
            path = path.replace("2022", "2023") if "ar=" in path else path
            with self.subTest(page=path, more_data=True), self.assertNumQueries(expected):
                self.assertEqual(self.client.get(path).status_code, 200)


class ExportTests(FeeViewCase):
    def test_the_payroll_xlsx_per_meeting_and_person(self):
        services.fee_list_fix(meeting=self.meeting, by=self.office)
        self.login(self.finance)
        response = self.client.get(self.u("year_xlsx") + "?ar=2022")
        self.assertEqual(
            response["Content-Disposition"], 'attachment; filename="arvoden-sundsvall-2022.xlsx"'
        )
        book = load_workbook(io.BytesIO(response.content))
        sheet = book["Per sammanträde 2022"]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        header = rows.index(
            [
                "Namn",
                "Utsedd av",
                "Sammanträde",
                "Sammanträdesarvode (kr)",
                "Förlorad arbetsförtjänst (kr)",
                "Reseersättning (kr)",
                "Summa (kr)",
            ]
        )
        body = rows[header + 1 :]
        self.assertEqual(body[0][:2], ["Thomas Burman", "Sundsvalls kommun"])
        self.assertEqual(body[0][3:], [681, 0, 0, 681])
        self.assertEqual(body[1][3:], [681, 1140, 0, 1821])
        self.assertEqual(body[2], ["Summa Thomas Burman", None, None, 1362, 1140, 0, 2502])
        self.assertEqual(body[-1], ["Totalt", None, None, 4086, 1140, 356, 5582])
        names = [r[0] for r in body if r[0] and not r[0].startswith(("Summa", "Totalt"))]
        self.assertEqual(
            list(dict.fromkeys(names)),
            ["Thomas Burman", "Sanna Jonsson", "Christina Nordenö", "Jonas Väst"],
        )
        summary = [list(r) for r in book["Per person 2022"].iter_rows(values_only=True)]
        self.assertIn(["Sanna Jonsson", "Region Västernorrland", 1, 681, 0, 260, 941], summary)
        # No column for personal identity numbers: payroll adds them.
        flat = " ".join(str(c) for r in rows for c in r if c)
        self.assertNotIn("personnummer", flat.lower())

    def test_an_open_list_is_left_out_and_named(self):
        self.login(self.office)
        response = self.client.get(self.u("year") + "?ar=2022")
        self.assertContains(response, "Ingår inte")
        self.assertEqual(response.context["year_list"].total, 681 * 3 + 260)


class EmptyYearTests(SamordnaTestCase):
    """The demo's meetings end years before today: this year's page says so and links the
    latest year that has meetings."""

    def test_this_year_without_meetings_links_the_latest_year(self):
        latest = self.association.meetings.latest("date").date.year
        with time_machine.travel(datetime.datetime(latest + 2, 6, 1, 12), tick=False):
            self.login(self.office)
            response = self.client.get(reverse("fees:index", args=[self.association.slug]))
        self.assertContains(
            response,
            f"Förbundet har inga sammanträden {latest + 2} ännu. Senaste år med sammanträden "
            f'är <a class="anchor" href="?ar={latest}">{latest}</a>.',
            html=False,
        )
        self.login(self.office)
        response = self.client.get(
            reverse("fees:index", args=[self.association.slug]), {"ar": latest}
        )
        self.assertNotContains(response, "Senaste år med sammanträden")
