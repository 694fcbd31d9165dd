"""Applications: the form's rules on submit, who sees which application, the one-page form
with its budget table, optimistic locking, and the beredning up to the board's agenda."""

import datetime

import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from samordna.accounts.models import Role, User
from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions import services
from samordna.interventions.models import (
    Application,
    ApplicationBudgetLine,
    ApplicationStatus,
    AssessmentCriterion,
    CostType,
    Intervention,
)
from samordna.interventions.rules import giro_problem
from samordna.interventions.selectors import visible_applications
from samordna.interventions.services import BudgetCell, PartyInput
from samordna.interventions.tests.helpers import D, at, complete_fields, draft, refused, submitted
from samordna.meetings.models import Attachment


def problems(application: Application) -> dict[str, list[str]]:
    try:
        services.application_submit(
            application=application, by=application.created_by, version=application.version
        )
    except ValidationError as error:
        return error.message_dict
    return {}


class SubmissionRuleTests(SamordnaTestCase):
    def test_a_complete_application_is_sent_and_becomes_an_insats(self):
        application = submitted(self.association, self.applicant)
        self.assertEqual(application.status, ApplicationStatus.SUBMITTED)
        intervention = application.intervention
        assert intervention is not None
        self.assertEqual(intervention.owner.name, "Sundsvalls kommun")
        self.assertEqual(application.submitted_by, self.applicant)

    def test_two_member_parties_must_take_part(self):
        application = draft(self.association, self.applicant, partners=())
        self.assertIn("Minst två av förbundets medlemmar", problems(application)["parties"][0])
        # A partner from the same member does not count.
        application = draft(
            self.association, self.applicant, name="Samma medlem", partners=("Sundsvalls kommun",)
        )
        self.assertIn("parties", problems(application))

    def test_the_budget_must_cover_the_period_and_nothing_else(self):
        application = draft(
            self.association,
            self.applicant,
            amounts={2023: 100_000, 2025: 50_000},
            starts_on=D(2023, 1, 1),
            ends_on=D(2024, 12, 31),
        )
        messages = problems(application)["budget"]
        self.assertTrue(any("kostnader för 2025, utanför insatsens period" in m for m in messages))
        self.assertTrue(any("pågår 2024 men budgeten har inga kostnader" in m for m in messages))

    def test_other_costs_need_a_specification(self):
        application = draft(self.association, self.applicant)
        services.application_save(
            application=application,
            by=self.applicant,
            version=application.version,
            fields={},
            budget=[BudgetCell(CostType.OTHER, 2023, 2_517)],
        )
        self.assertIn("Ange vilka övriga kostnader", problems(application)["budget"][0])

    def test_numbers_with_check_digits_are_checked(self):
        application = draft(
            self.association,
            self.applicant,
            organisation_number="222100-2114",  # Bilaga 14 as written; should end in 3
            bankgiro="5050-1056",
            plusgiro="90 20 00-8",
        )
        found = problems(application)
        self.assertIn(
            "Organisationsnumret 222100-2114 är inte giltigt", found["organisation_number"][0]
        )
        self.assertIn("Bankgironumret 5050-1056 är inte giltigt", found["bankgiro"][0])
        self.assertIn("Plusgironumret 902000-8 är inte giltigt", found["plusgiro"][0])
        self.assertIsNone(giro_problem("bankgiro", "5050-1055"))
        self.assertIsNone(giro_problem("plusgiro", "90 20 00-9"))
        self.assertIn("fel form", giro_problem("bankgiro", "12") or "")

    def test_required_fields_are_named_in_swedish(self):
        application = services.application_create(
            association=self.association,
            by=self.applicant,
            member=self.applicant.member,  # type: ignore[arg-type]
        )
        found = problems(application)
        self.assertEqual(found["name"], ["Ge insatsen ett namn."])
        self.assertEqual(found["purpose"], ["Beskriv syftet med insatsen."])
        self.assertIn("goals", found)
        application.refresh_from_db()
        self.assertEqual(application.status, ApplicationStatus.DRAFT)
        self.assertFalse(Intervention.objects.filter(name="").exists())

    def test_a_prolongation_continues_the_applicants_own_insats(self):
        earlier = submitted(self.association, self.applicant, name="Första året").intervention
        other = services.intervention_register(
            association=self.association,
            by=self.office,
            name="Försäkringskassans insats",
            owner=self.association.members.get(name="Försäkringskassan"),
        )
        with refused(self, "hör inte till den ansvariga partens organisation"):
            services.application_create(
                association=self.association,
                by=self.applicant,
                member=self.applicant.member,  # type: ignore[arg-type]
                kind="prolongation",
                intervention=other,
            )
        application = draft(self.association, self.applicant, name="Andra året")
        application.kind = "prolongation"
        application.save(update_fields=["kind"])
        self.assertIn("intervention", problems(application))
        services.application_save(
            application=application,
            by=self.applicant,
            version=application.version,
            fields={"intervention": earlier},
        )
        services.application_submit(
            application=application, by=self.applicant, version=application.version
        )
        self.assertEqual(application.intervention, earlier)


class VisibilityTests(SamordnaTestCase):
    def test_an_applicant_sees_only_their_own_organisations_applications(self):
        own = draft(self.association, self.applicant, name="Kommunens utkast")
        fk = User.objects.create(
            username="fk.sokande",
            role=Role.APPLICANT,
            association=self.association,
            member=self.association.members.get(name="Försäkringskassan"),
        )
        self.assertNotIn(own, visible_applications(fk, self.association))
        self.login(fk)
        response = self.client.get(self.url(f"ansokningar/{own.pk}/"))
        self.assertEqual(response.status_code, 404)
        fk_view = self.client.get(self.url("ansokningar/"))
        self.assertNotContains(fk_view, "Kommunens utkast")

    def test_the_forbund_does_not_see_drafts_until_they_are_sent(self):
        application = draft(self.association, self.applicant, name="Hemligt utkast")
        self.assertNotIn(application, visible_applications(self.office, self.association))
        services.application_submit(
            application=application, by=self.applicant, version=application.version
        )
        self.assertIn(application, visible_applications(self.office, self.association))
        self.assertIn(application, visible_applications(self.auditor, self.association))

    def test_another_forbund_gets_404(self):
        application = submitted(self.association, self.applicant)
        self.login(self.outsider)
        for path in ("", "andra/", "beredning/", "ansokan.pdf"):
            with self.subTest(path=path):
                response = self.client.get(self.url(f"ansokningar/{application.pk}/{path}"))
                self.assertEqual(response.status_code, 404)

    def test_the_list_costs_the_same_whatever_the_number_of_applications(self):
        self.login(self.office)
        submitted(self.association, self.applicant, name="En")
        with self.assertNumQueries(4):
            self.client.get(self.url("ansokningar/"))
        for n in range(5):
            submitted(self.association, self.applicant, name=f"Fler {n}")
        with self.assertNumQueries(4):
            response = self.client.get(self.url("ansokningar/"))
        self.assertContains(response, "Fler 4")


class FormPageTests(SamordnaTestCase):
    def post_data(self, application: Application, **overrides: str) -> dict[str, str]:
        fields = complete_fields()
        data = {
            name: value.isoformat() if isinstance(value, datetime.date) else value
            for name, value in fields.items()
        }
        fk = self.association.members.get(name="Försäkringskassan")
        data.update(
            {
                "version": str(application.version),
                "parter-TOTAL_FORMS": "1",
                "parter-INITIAL_FORMS": "0",
                "parter-0-member": str(fk.pk),
                "parter-0-organisation_name": "Försäkringskassan",
                "mal-TOTAL_FORMS": "1",
                "mal-INITIAL_FORMS": "0",
                "mal-0-text": "Fler avslutas till arbete eller studier",
                "mal-0-indicator": "Uppföljning Finsam",
                "budget-amount_salaries_2023": "664 000",
                "budget-amount_premises_2023": "30 000 kr",
            }
        )
        data.update(overrides)
        return data

    def new(self) -> Application:
        return services.application_create(
            association=self.association,
            by=self.applicant,
            member=self.applicant.member,  # type: ignore[arg-type]
        )

    def test_the_applicant_fills_in_and_sends_the_form(self):
        application = self.new()
        self.login(self.applicant)
        url = self.url(f"ansokningar/{application.pk}/andra/")
        self.assertContains(self.client.get(url), "Sökta medel per kostnadsslag och år")
        response = self.client.post(url, self.post_data(application, submit="1"))
        self.assertRedirects(response, self.url(f"ansokningar/{application.pk}/"))
        application.refresh_from_db()
        self.assertEqual(application.status, ApplicationStatus.SUBMITTED)
        self.assertEqual(
            sorted(application.budget_lines.values_list("cost_type", "amount")),
            [("premises", 30_000), ("salaries", 664_000)],
        )
        page = self.client.get(self.url(f"ansokningar/{application.pk}/"))
        self.assertContains(page, "694\xa0000\xa0kr")

    def test_a_failed_submission_keeps_the_draft_and_shows_each_problem(self):
        application = self.new()
        self.login(self.applicant)
        data = self.post_data(
            application,
            submit="1",
            organisation_number="222100-2114",
            **{"parter-0-member": "", "parter-0-organisation_name": ""},
        )
        response = self.client.post(self.url(f"ansokningar/{application.pk}/andra/"), data)
        self.assertEqual(response.status_code, 400)
        self.assertContains(
            response, "Organisationsnumret 222100-2114 är inte giltigt", status_code=400
        )
        self.assertContains(
            response, "Minst två av förbundets medlemmar ska samverka", status_code=400
        )
        self.assertContains(
            response, 'value="222100-2114"', status_code=400
        )  # what was typed is kept
        application.refresh_from_db()
        self.assertEqual(application.status, ApplicationStatus.DRAFT)
        self.assertEqual(application.name, "Arbetsträning i samverkan")  # saved as a draft
        # The form carries the saved version, so the next save is not taken for a stale one.
        self.assertContains(
            response, f'name="version" value="{application.version}"', status_code=400
        )

    def test_bad_amounts_are_refused_and_nothing_is_saved(self):
        application = self.new()
        self.login(self.applicant)
        for typed, message in [
            ("abc", "”abc” är inte ett belopp"),
            ("-5", "Beloppet kan inte vara negativt."),
            ("12,50", "Skriv beloppet i hela kronor, utan öre."),
            ("200 000 000", "Beloppet är orimligt stort"),
        ]:
            with self.subTest(typed=typed):
                data = self.post_data(application, **{"budget-amount_salaries_2023": typed})
                response = self.client.post(self.url(f"ansokningar/{application.pk}/andra/"), data)
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, message, status_code=400)
                self.assertFalse(
                    ApplicationBudgetLine.objects.filter(application=application).exists()
                )

    def test_two_people_editing_do_not_overwrite_each_other(self):
        application = submitted(self.association, self.applicant)
        other_office = User.objects.get(username="emil.ulander")
        opened = application.version
        services.application_save(
            application=application,
            by=other_office,
            version=opened,
            fields={"summary": "Rättad av Emil."},
        )
        self.login(self.office)
        data = self.post_data(application, version=str(opened), summary="Jans version.")
        response = self.client.post(self.url(f"ansokningar/{application.pk}/andra/"), data)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Ansökan har ändrats av Emil Ulander", status_code=400)
        self.assertContains(response, "Jans version.", status_code=400)  # kept in the form
        application.refresh_from_db()
        self.assertEqual(application.summary, "Rättad av Emil.")

    def test_the_budget_table_is_redrawn_with_the_years_and_sums_as_typed(self):
        application = self.new()
        self.login(self.applicant)
        data = self.post_data(
            application,
            _budget="1",
            starts_on="2023-01-01",
            ends_on="2024-12-31",
            **{"budget-amount_salaries_2024": "677 000"},
        )
        response = self.client.post(
            self.url(f"ansokningar/{application.pk}/andra/"), data, HTTP_HX_REQUEST="true"
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "694\xa0000\xa0kr")  # 2023
        self.assertContains(response, "677\xa0000\xa0kr")  # 2024
        self.assertContains(response, "1\xa0371\xa0000\xa0kr")  # both years
        self.assertNotContains(response, "<html")
        self.assertFalse(ApplicationBudgetLine.objects.filter(application=application).exists())

    def test_who_may_edit(self):
        application = submitted(self.association, self.applicant)
        url = self.url(f"ansokningar/{application.pk}/andra/")
        self.login(self.applicant)  # sent: no longer the applicant's to change
        self.assertEqual(self.client.get(url).status_code, 403)
        self.login(self.auditor)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.login(self.office)  # corrections in the beredning
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertEqual(self.client.put(url).status_code, 405)

    def test_withdrawing_an_application(self):
        application = submitted(self.association, self.applicant)
        intervention_id = application.intervention_id
        self.login(self.applicant)
        url = self.url(f"ansokningar/{application.pk}/ta-tillbaka/")
        self.assertEqual(self.client.get(url).status_code, 405)
        self.client.post(url)
        application.refresh_from_db()
        self.assertEqual(application.status, ApplicationStatus.WITHDRAWN)
        self.assertFalse(Intervention.objects.filter(pk=intervention_id).exists())  # type: ignore[misc]

    def test_the_kansli_enters_a_paper_application_for_a_member(self):
        self.login(self.office)
        fk = self.association.members.get(name="Försäkringskassan")
        response = self.client.post(self.url("ansokningar/ny/"), {"member": fk.pk, "kind": "new"})
        application = Application.objects.latest("pk")
        self.assertRedirects(response, self.url(f"ansokningar/{application.pk}/andra/"))
        self.assertTrue(application.received_on_paper)
        self.assertEqual(application.member, fk)
        self.login(self.board)
        self.assertEqual(self.client.get(self.url("ansokningar/ny/")).status_code, 403)


class PreparationTests(SamordnaTestCase):
    def setUp(self):
        self.application = submitted(self.association, self.applicant)

    def test_comments_and_assessment_start_the_beredning(self):
        criterion = services.criterion_add(
            association=self.association, by=self.office, text="Minst två parter samverkar"
        )
        self.login(self.office)
        url = self.url(f"ansokningar/{self.application.pk}/beredning/")
        self.client.post(url, {"text": "Ser bra ut."})
        self.application.refresh_from_db()
        self.assertEqual(self.application.status, ApplicationStatus.PREPARATION)
        self.client.post(
            self.url(f"ansokningar/{self.application.pk}/beredning/bedomning/"),
            {f"verdict_{criterion.pk}": "met", f"comment_{criterion.pk}": "FK och kommunen"},
        )
        page = self.client.get(url)
        self.assertContains(page, "Ser bra ut.")
        self.assertContains(page, "Uppfyllt")
        self.assertContains(page, "FK och kommunen")

    def test_the_beredningsgrupp_may_comment_but_the_applicant_may_not_read_it(self):
        url = self.url(f"ansokningar/{self.application.pk}/beredning/")
        self.login(self.board)
        self.assertEqual(self.client.post(url, {"text": "Hej"}).status_code, 403)
        services.preparation_group_set(
            association=self.association, by=self.office, users=[self.board]
        )
        self.assertEqual(self.client.post(url, {"text": "Hej"}).status_code, 302)
        self.login(self.applicant)
        self.assertEqual(self.client.get(url).status_code, 403)

    def test_putting_the_application_on_the_agenda_with_its_papers(self):
        meeting = self.association.meetings.get(date=D(2023, 1, 27))
        with time_machine.travel(at(D(2023, 1, 10)), tick=False):
            with refused(self, "Skriv tjänsteutlåtandet"):
                services.agenda_place(application=self.application, by=self.office, meeting=meeting)
            services.opinion_save(
                application=self.application,
                by=self.office,
                version=self.application.version,
                officer_opinion="Beredningen tillstyrker ansökan.",
                recommendation="granted",
            )
            with self.captureOnCommitCallbacks(execute=True):
                services.agenda_place(
                    application=self.application,
                    by=self.office,
                    meeting=meeting,
                    presenter="Denise Wallén",
                )
        item = self.application.agenda_item
        assert item is not None
        self.assertEqual(item.title, "Ansökan – Arbetsträning i samverkan")
        self.assertEqual(item.presenter, "Denise Wallén")
        paper = Attachment.objects.get(item=item)
        self.assertEqual(paper.content_type, "application/pdf")
        self.assertEqual(mail.outbox[-1].to, ["denise.wallen@sundsvall.se"])
        self.assertIn("presentera ansökan", mail.outbox[-1].subject)

    def test_criteria_are_the_forbunds_own(self):
        self.login(self.office)
        self.client.post(self.url("ansokningar/kriterier/"), {"text": "Insatsen är ny"})
        criterion = AssessmentCriterion.objects.get(text="Insatsen är ny")
        self.assertEqual(criterion.association, self.association)
        self.login(self.outsider)
        response = self.client.get(self.url(f"ansokningar/kriterier/{criterion.pk}/andra/"))
        self.assertEqual(response.status_code, 404)
        self.login(self.auditor)
        self.assertEqual(
            self.client.post(self.url("ansokningar/kriterier/"), {"text": "x"}).status_code, 403
        )

    def test_parties_of_another_forbund_are_refused(self):
        foreign = self.other.members.get(name="Timrå kommun")
        application = draft(self.association, self.applicant, name="Fel part")
        with refused(self, "hör inte till förbundet"):
            services.application_save(
                application=application,
                by=self.applicant,
                version=application.version,
                fields={},
                parties=[PartyInput(member=foreign)],
            )
