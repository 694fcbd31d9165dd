"""The report pages: the insatsägare writes and hands in; the kansli sends back, registers
signatures, asks for a delrapport and records the board's approval in a §."""

import time_machine
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse

from samordna.accounts.models import Role, User
from samordna.interventions.models import Report, ReportApproval, ReportSignature, ReportStatus
from samordna.interventions.services import reports
from samordna.interventions.tests.helpers import D, justera, paragraph
from samordna.interventions.tests.test_reports import TODAY, ReportCase, two_year_decision
from samordna.meetings.locking import LOCKED_MESSAGE


def other_applicant(case: ReportCase) -> User:
    """Staff at the region: an applicant of this förbund, but not the insats's owner."""
    return User.objects.create(
        username="region.sokande",
        role=Role.APPLICANT,
        association=case.association,
        member=case.association.members.get(name="Region Västernorrland"),
    )


@time_machine.travel(TODAY, tick=False)
class ReportPageTests(ReportCase):
    def setUp(self):
        super().setUp()
        self.address = self.report_url(self.interim)

    def report_url(self, report: Report) -> str:
        return reverse(
            "interventions:report", args=["sundsvall", report.intervention_id, report.pk]
        )

    def form_data(self, action: str = "save", **overrides) -> dict:
        data = {
            "version": str(self.interim.version),
            "results": "Tolv personer har deltagit.",
            "analysis": "Samverkan fungerar.",
            f"goal_{self.first_goal.pk}_forecast": "Målet nås.",
            f"goal_{self.second_goal.pk}_forecast": "Målet nås delvis.",
            "action": action,
        }
        data.update(overrides)
        return data

    def test_the_insatsägare_gets_the_delrapport_form_with_a_fieldset_per_goal(self):
        self.login(self.applicant)
        response = self.client.get(self.address)
        self.assertContains(response, '<h1 class="heading--h1">Redovisning 2023: Arbetsträning')
        self.assertContains(response, "Inga uppgifter om enskilda deltagare.")
        self.assertContains(response, "inga namn och inga beskrivningar av personer")
        self.assertContains(response, "Nulägesanalys")
        self.assertContains(
            response,
            '<legend class="label fieldset__label">'
            "Mål 2: Bättre samverkan mellan parterna</legend>",
            html=False,
        )
        self.assertContains(response, "Indikator: Enkät till parterna")
        self.assertContains(response, 'name="version" value="1"')
        self.assertContains(response, ">Spara utkast</button>")
        self.assertContains(response, ">Spara och lämna in</button>")
        self.assertNotContains(response, "Skicka tillbaka för komplettering")

    def test_a_draft_is_saved(self):
        self.login(self.applicant)
        response = self.client.post(
            self.address, self.form_data(**{f"goal_{self.second_goal.pk}_forecast": ""})
        )
        self.assertRedirects(response, self.address, fetch_redirect_response=False)
        stored = Report.objects.get(pk=self.interim.pk)
        self.assertEqual(
            (stored.status, stored.results, stored.version),
            (ReportStatus.DRAFT, "Tolv personer har deltagit.", 2),
        )
        page = self.client.get(self.address)
        self.assertContains(page, "Utkastet är sparat.")
        self.assertContains(page, "Samverkan fungerar.</textarea>")

    def test_a_hand_in_with_missing_answers_shows_them_at_the_fields_and_saves_nothing(self):
        self.login(self.applicant)
        response = self.client.post(
            self.address,
            self.form_data("submit", analysis="", **{f"goal_{self.second_goal.pk}_forecast": ""}),
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(
            response,
            '<span class="label__message label__message--error" id="id_analysis_error">'
            "Skriv en nulägesanalys.</span>",
            status_code=400,
        )
        self.assertContains(
            response,
            f'<span class="label__message label__message--error" '
            f'id="id_goal_{self.second_goal.pk}_forecast_error">'
            "Ange en prognos för ”Bättre samverkan mellan parterna”.</span>",
            status_code=400,
        )
        self.assertContains(response, "Tolv personer har deltagit.</textarea>", status_code=400)
        stored = Report.objects.get(pk=self.interim.pk)
        self.assertEqual((stored.status, stored.results, stored.version), ("due", "", 1))

    def test_the_report_is_handed_in_and_then_shown_without_the_form(self):
        self.login(self.applicant)
        response = self.client.post(self.address, self.form_data("submit"))
        self.assertRedirects(response, self.address, fetch_redirect_response=False)
        stored = Report.objects.get(pk=self.interim.pk)
        self.assertEqual(
            (stored.status, stored.submitted_by), (ReportStatus.SUBMITTED, self.applicant)
        )
        page = self.client.get(self.address)
        self.assertContains(page, "Redovisning 2023 är inlämnad till förbundet.")
        self.assertContains(page, "15 januari 2024 kl. 10.00 av Denise Wallén")
        self.assertContains(page, "<td>Målet nås delvis.</td>", html=False)
        self.assertNotContains(page, "Spara utkast")

    def test_a_stale_form_is_refused_at_the_top_and_keeps_what_was_typed(self):
        self.save(self.interim, by=self.office)
        self.login(self.applicant)
        response = self.client.post(
            self.address, self.form_data(version="1", results="Denises nya text.")
        )
        self.assertContains(response, "har ändrats av Jan Andersson", status_code=400)
        self.assertContains(response, "Denises nya text.</textarea>", status_code=400)
        self.assertEqual(
            Report.objects.get(pk=self.interim.pk).results, "Insatsen har kommit i gång."
        )

    def test_the_slutrapport_asks_for_goal_fulfilment_and_lists_the_signatures(self):
        self.login(self.office)
        response = self.client.get(self.report_url(self.final))
        self.assertContains(response, f'name="goal_{self.first_goal.pk}_fulfilment"')
        self.assertContains(response, '<option value="partly">Delvis uppnått</option>', html=True)
        self.assertContains(response, f'name="goal_{self.first_goal.pk}_comment"')
        self.assertNotContains(response, "Nulägesanalys")
        self.assertContains(response, "<caption>Parternas underskrifter av slutrapporten</caption>")
        self.assertContains(
            response, '<td>Försäkringskassan</td><td colspan="2">Inte underskriven</td>'
        )
        self.assertContains(response, "Registrera underskrift</a>")

    def test_a_slutrapport_without_a_goals_fulfilment_is_refused_at_that_goal(self):
        self.login(self.applicant)
        response = self.client.post(
            self.report_url(self.final),
            {
                "version": "1",
                "results": "Insatsen är avslutad.",
                f"goal_{self.first_goal.pk}_fulfilment": "reached",
                f"goal_{self.first_goal.pk}_comment": "Tolv av tjugo.",
                f"goal_{self.second_goal.pk}_fulfilment": "",
                f"goal_{self.second_goal.pk}_comment": "",
                "action": "submit",
            },
        )
        self.assertContains(
            response,
            f'id="id_goal_{self.second_goal.pk}_fulfilment_error">'
            "Ange måluppfyllelsen för ”Bättre samverkan mellan parterna”.</span>",
            status_code=400,
        )
        self.assertContains(response, "Tolv av tjugo.</textarea>", status_code=400)
        self.assertEqual(Report.objects.get(pk=self.final.pk).status, ReportStatus.DUE)

    def test_a_form_sent_after_the_report_was_handed_in_is_refused(self):
        self.login(self.applicant)
        stale = self.form_data(results="Från en annan flik.")
        self.hand_in(self.interim)
        response = self.client.post(self.address, {**stale, "version": str(self.interim.version)})
        self.assertContains(
            response, "Redovisning 2023 är inlämnad och kan inte ändras.", status_code=400
        )
        self.assertEqual(
            Report.objects.get(pk=self.interim.pk).results, "Insatsen har kommit i gång."
        )

    def test_the_kansli_may_send_a_handed_in_report_back(self):
        self.hand_in(self.interim)
        self.login(self.office)
        response = self.client.get(self.address)
        self.assertContains(response, "Skicka tillbaka för komplettering</a>")
        self.assertNotContains(response, "Spara utkast")

    def test_an_overdue_report_and_the_boards_approval_are_shown(self):
        with time_machine.travel(D(2024, 2, 5), tick=False):
            self.login(self.board)
            self.assertContains(self.client.get(self.address), "Försenad")
            self.hand_in(self.interim)
            par = paragraph(self.association, self.office, D(2024, 2, 9), "Redovisning 2023")
        reports.report_approve(report=self.interim, paragraph=par, by=self.office)
        response = self.client.get(self.address)
        self.assertNotContains(response, "Försenad")
        self.assertContains(
            response,
            f'<a class="anchor" href="/f/sundsvall/sammantraden/{par.meeting_id}/">'
            f"§ {par.number}, styrelsemöte 9 februari 2024</a>",
        )
        self.assertContains(response, "Godkänd av styrelsen")

    def test_read_only_roles_see_the_report_but_may_not_write_it(self):
        self.hand_in(self.interim)
        for user in (self.auditor, self.board, self.chair, self.finance):
            self.login(user)
            with self.subTest(user=user.username):
                response = self.client.get(self.address)
                self.assertContains(response, "Målet nås.")
                self.assertNotContains(response, "Skicka tillbaka")
                self.assertEqual(self.client.post(self.address, self.form_data()).status_code, 403)

    def test_a_draft_is_not_shown_to_readers(self):
        self.save(self.interim)
        self.login(self.auditor)
        response = self.client.get(self.address)
        self.assertContains(response, "Rapporten är inte inlämnad ännu.")
        self.assertNotContains(response, "Insatsen har kommit i gång.")

    def test_others_get_404(self):
        for user in (self.outsider, other_applicant(self), self.national):
            self.login(user)
            with self.subTest(user=user.username):
                self.assertEqual(self.client.get(self.address).status_code, 404)
                self.assertEqual(self.client.post(self.address, self.form_data()).status_code, 404)

    def test_a_report_of_another_insats_in_the_address_is_404(self):
        other = two_year_decision(self.association, self.office, self.applicant, name="Annan")
        url = reverse(
            "interventions:report",
            args=["sundsvall", other.application.intervention_id, self.interim.pk],
        )
        self.login(self.office)
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_wrong_method(self):
        self.login(self.applicant)
        self.assertEqual(self.client.put(self.address).status_code, 405)


@time_machine.travel(TODAY, tick=False)
class ReturnPageTests(ReportCase):
    def setUp(self):
        super().setUp()
        self.hand_in(self.interim)
        self.address = reverse(
            "interventions:report_return",
            args=["sundsvall", self.interim.intervention_id, self.interim.pk],
        )
        self.report_url = reverse(
            "interventions:report",
            args=["sundsvall", self.interim.intervention_id, self.interim.pk],
        )

    def test_the_kansli_sends_it_back_with_what_is_missing(self):
        self.login(self.office)
        self.assertContains(self.client.get(self.address), "Vad behöver kompletteras?")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                self.address, {"reason": "Prognosen för mål 2 saknar skäl."}
            )
        self.assertRedirects(response, self.report_url)
        self.assertEqual(Report.objects.get(pk=self.interim.pk).status, ReportStatus.DRAFT)
        self.assertIn("Prognosen för mål 2 saknar skäl.", mail.outbox[-1].body)

    def test_an_empty_reason_is_refused_at_the_field(self):
        self.login(self.office)
        response = self.client.post(self.address, {"reason": ""})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(Report.objects.get(pk=self.interim.pk).status, ReportStatus.SUBMITTED)

    def test_a_report_not_handed_in_is_not_sent_back(self):
        self.login(self.office)
        response = self.client.get(
            reverse(
                "interventions:report_return",
                args=["sundsvall", self.final.intervention_id, self.final.pk],
            )
        )
        self.assertEqual(response.status_code, 302)
        self.assertContains(self.client.get(response["Location"]), "Bara en inlämnad rapport")

    def test_access(self):
        for user, status in [
            (self.applicant, 403),
            (self.auditor, 403),
            (self.board, 403),
            (self.outsider, 404),
            (other_applicant(self), 404),
        ]:
            self.login(user)
            with self.subTest(user=user.username):
                self.assertEqual(self.client.get(self.address).status_code, status)
                self.assertEqual(
                    self.client.post(self.address, {"reason": "x"}).status_code, status
                )
        self.assertEqual(Report.objects.get(pk=self.interim.pk).status, ReportStatus.SUBMITTED)
        self.login(self.office)
        self.assertEqual(self.client.delete(self.address).status_code, 405)


@time_machine.travel(TODAY, tick=False)
class SignPageTests(ReportCase):
    def setUp(self):
        super().setUp()
        self.address = reverse(
            "interventions:report_sign",
            args=["sundsvall", self.final.intervention_id, self.final.pk],
        )

    def test_the_kansli_registers_the_signatures_one_party_at_a_time(self):
        self.login(self.office)
        page = self.client.get(self.address)
        self.assertContains(page, '<option value="Försäkringskassan">Försäkringskassan</option>')
        self.assertContains(page, 'value="2024-01-15"')
        response = self.client.post(
            self.address,
            {"party": "Försäkringskassan", "signed_by": "Anna Berg", "signed_on": "2024-01-12"},
        )
        self.assertEqual(response.status_code, 302)
        signature = ReportSignature.objects.get(report=self.final)
        self.assertEqual(
            (signature.party, signature.signed_by, signature.signed_on),
            ("Försäkringskassan", "Anna Berg", D(2024, 1, 12)),
        )
        self.assertNotContains(self.client.get(self.address), '<option value="Försäkringskassan">')

    def test_a_date_in_the_future_is_refused_at_the_field(self):
        self.login(self.office)
        response = self.client.post(
            self.address,
            {"party": "Försäkringskassan", "signed_by": "Anna Berg", "signed_on": "2024-02-01"},
        )
        self.assertContains(response, "Datumet kan inte ligga i framtiden.", status_code=400)
        self.assertFalse(self.final.signatures.exists())

    def test_when_every_party_has_signed_the_page_says_so(self):
        for party in ("Individ- och arbetsmarknadsförvaltningen", "Försäkringskassan"):
            reports.report_sign(
                report=self.final,
                by=self.office,
                party=party,
                signed_by="Firmatecknare",
                signed_on=D(2024, 1, 10),
            )
        self.login(self.office)
        response = self.client.get(self.address)
        self.assertEqual(response.status_code, 302)
        page = self.client.get(response["Location"])
        self.assertContains(page, "Alla parter har skrivit under slutrapporten.")
        self.assertNotContains(page, "Registrera underskrift</a>")

    def test_a_delrapport_has_no_signature_page(self):
        self.login(self.office)
        url = reverse(
            "interventions:report_sign",
            args=["sundsvall", self.interim.intervention_id, self.interim.pk],
        )
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_access(self):
        data = {"party": "Försäkringskassan", "signed_by": "X", "signed_on": "2024-01-12"}
        for user, status in [
            (self.applicant, 403),
            (self.auditor, 403),
            (self.board, 403),
            (self.outsider, 404),
        ]:
            self.login(user)
            with self.subTest(user=user.username):
                self.assertEqual(self.client.get(self.address).status_code, status)
                self.assertEqual(self.client.post(self.address, data).status_code, status)
        self.assertFalse(self.final.signatures.exists())
        self.login(self.office)
        self.assertEqual(self.client.put(self.address).status_code, 405)


@time_machine.travel(TODAY, tick=False)
class RequestPageTests(ReportCase):
    def setUp(self):
        super().setUp()
        self.address = reverse("interventions:report_request", args=["sundsvall", self.decision.pk])

    def test_the_kansli_asks_for_a_delrapport(self):
        self.login(self.office)
        self.assertContains(self.client.get(self.address), 'value="Delrapport halvår 2024"')
        response = self.client.post(
            self.address, {"title": "Delrapport halvår 2024", "due_on": "2024-08-31"}
        )
        intervention = self.intervention
        self.assertRedirects(
            response,
            reverse("interventions:detail", args=["sundsvall", intervention.pk]),
            fetch_redirect_response=False,
        )
        report = intervention.reports.get(title="Delrapport halvår 2024")
        self.assertEqual((report.due_on, report.kind), (D(2024, 8, 31), "interim"))

    def test_a_last_day_in_the_past_is_refused_at_the_field(self):
        self.login(self.office)
        response = self.client.post(self.address, {"title": "Delrapport", "due_on": "2024-01-01"})
        self.assertContains(response, "Sista dagen kan inte ha passerat.", status_code=400)

    def test_access(self):
        data = {"title": "Delrapport", "due_on": "2024-08-31"}
        elsewhere = two_year_decision(self.other, self.outsider, self.outsider_applicant())
        cases: list[tuple[User, str, int]] = [
            (self.applicant, self.address, 403),
            (self.auditor, self.address, 403),
            (self.board, self.address, 403),
            (self.outsider, self.address, 404),
            (
                self.office,
                reverse("interventions:report_request", args=["sundsvall", elsewhere.pk]),
                404,
            ),
        ]
        for user, url, status in cases:
            self.login(user)
            with self.subTest(user=user.username):
                self.assertEqual(self.client.get(url).status_code, status)
                self.assertEqual(self.client.post(url, data).status_code, status)
        self.assertFalse(Report.objects.filter(title="Delrapport").exists())
        self.login(self.office)
        self.assertEqual(self.client.put(self.address).status_code, 405)

    def outsider_applicant(self) -> User:
        return User.objects.create(
            username="timra.sokande",
            role=Role.APPLICANT,
            association=self.other,
            member=self.other.members.get(name="Timrå kommun"),
        )


@time_machine.travel(TODAY, tick=False)
class ApprovePageTests(ReportCase):
    def setUp(self):
        super().setUp()
        self.hand_in(self.interim)
        self.par = paragraph(self.association, self.office, D(2024, 2, 9), "Redovisning 2023")
        self.address = reverse("interventions:report_approve", args=["sundsvall", self.par.pk])
        self.meeting_url = reverse("meetings:detail", args=["sundsvall", self.par.meeting_id])

    def test_the_kansli_records_the_approval_in_the_paragraph(self):
        self.login(self.office)
        page = self.client.get(self.address)
        self.assertContains(page, f'value="{self.interim.pk}"')
        self.assertContains(
            page,
            "Arbetsträning i samverkan – Redovisning 2023 (att-sats: Att godkänna redovisningen "
            "för 2023 och betala ut resterande del av de beviljade medlen för 2023.)",
        )
        self.assertContains(page, 'id="id_write_text" checked')
        response = self.client.post(self.address, {"report": self.interim.pk, "write_text": "on"})
        self.assertRedirects(response, self.meeting_url, fetch_redirect_response=False)
        approval = ReportApproval.objects.get(report=self.interim)
        self.assertEqual(approval.paragraph, self.par)
        self.par.refresh_from_db()
        self.assertEqual(self.par.clauses, [reports.approval_clause(self.interim)])

    def test_without_a_choice_nothing_is_recorded(self):
        self.login(self.office)
        response = self.client.post(self.address, {"write_text": "on"})
        self.assertContains(response, "Välj en rapport.", status_code=400)
        self.assertEqual(Report.objects.get(pk=self.interim.pk).status, ReportStatus.SUBMITTED)

    def test_a_meeting_before_the_report_came_in_is_refused_on_the_page(self):
        earlier = paragraph(self.association, self.office, D(2024, 1, 12))
        self.login(self.office)
        response = self.client.post(
            reverse("interventions:report_approve", args=["sundsvall", earlier.pk]),
            {"report": self.interim.pk, "write_text": "on"},
        )
        self.assertContains(
            response, "Sammanträdet hölls innan rapporten lämnades in.", status_code=400
        )
        self.assertFalse(ReportApproval.objects.filter(report=self.interim).exists())

    def test_justerade_minutes_send_the_kansli_back_to_the_meeting(self):
        justera(self.par.meeting)
        self.login(self.office)
        response = self.client.post(self.address, {"report": self.interim.pk})
        self.assertRedirects(response, self.meeting_url, fetch_redirect_response=False)
        self.assertFalse(ReportApproval.objects.filter(report=self.interim).exists())
        response = self.client.get(self.address, follow=True)
        self.assertContains(response, LOCKED_MESSAGE)

    def test_access(self):
        elsewhere = paragraph(self.other, self.outsider, D(2024, 2, 9))
        cases: list[tuple[User, str, int]] = [
            (self.applicant, self.address, 403),
            (self.auditor, self.address, 403),
            (self.board, self.address, 403),
            (self.outsider, self.address, 404),
            (
                self.office,
                reverse("interventions:report_approve", args=["sundsvall", elsewhere.pk]),
                404,
            ),
        ]
        for user, url, status in cases:
            self.login(user)
            with self.subTest(user=user.username):
                self.assertEqual(self.client.get(url).status_code, status)
                self.assertEqual(
                    self.client.post(url, {"report": self.interim.pk}).status_code, status
                )
        self.assertFalse(ReportApproval.objects.filter(report=self.interim).exists())
        self.login(self.office)
        self.assertEqual(self.client.put(self.address).status_code, 405)


@time_machine.travel(TODAY, tick=False)
class ReportsPartialTests(ReportCase):
    """The table of reports on the insats page (the page itself passes the context)."""

    def render(self, user: User, *, can_write: bool, can_manage: bool) -> str:
        intervention = self.intervention
        rows = list(
            intervention.reports.select_related("approval__paragraph__meeting").order_by(
                "due_on", "pk"
            )
        )
        with self.assertNumQueries(0):
            return render_to_string(
                "interventions/_reports.html",
                {
                    "reports": rows,
                    "intervention": intervention,
                    "association": self.association,
                    "can_write_reports": can_write,
                    "can_manage": can_manage,
                    "user": user,
                },
            )

    def test_each_report_with_its_state_and_a_link_to_open_it(self):
        with time_machine.travel(D(2024, 2, 5), tick=False):
            html = self.render(self.applicant, can_write=True, can_manage=False)
        self.assertIn("<caption>Rapporter</caption>", html)
        self.assertIn('31 januari 2024 <strong class="warning-text">Försenad</strong>', html)
        self.assertIn(
            'Skriv rapporten<span class="sr-only">: Redovisning 2023, lämnas senast '
            "31 januari 2024</span>",
            html,
        )
        self.assertNotIn("Begär en delrapport", html)

    def test_the_approval_links_to_the_meeting_and_the_kansli_may_ask_for_more(self):
        self.hand_in(self.interim)
        par = paragraph(self.association, self.office, D(2024, 2, 9), "Redovisning 2023")
        reports.report_approve(report=self.interim, paragraph=par, by=self.office)
        reports.report_request(
            decision=self.decision,
            by=self.office,
            title="Delrapport halvår 2024",
            due_on=D(2024, 8, 31),
        )
        html = self.render(self.office, can_write=True, can_manage=True)
        self.assertIn(
            f'href="/f/sundsvall/sammantraden/{par.meeting_id}/">'
            f"§ {par.number}, 9 februari 2024</a>",
            html,
        )
        self.assertIn('Visa rapporten<span class="sr-only">: Redovisning 2023', html)
        self.assertIn("Delrapport halvår 2024", html)
        self.assertIn(
            f'href="/f/sundsvall/insatser/beslut/{self.decision.pk}/rapport/ny/">'
            "Begär en delrapport",
            html,
        )

    def test_the_applicant_sees_the_approval_without_a_link_to_the_minutes(self):
        self.hand_in(self.interim)
        par = paragraph(self.association, self.office, D(2024, 2, 9), "Redovisning 2023")
        reports.report_approve(report=self.interim, paragraph=par, by=self.office)
        html = self.render(self.applicant, can_write=True, can_manage=False)
        self.assertIn(f"§ {par.number}, 9 februari 2024", html)
        self.assertNotIn("/sammantraden/", html)
