"""The money pages of insatser: the decision in a §, the agreement, conditions, payments and
the slutreglering, as the kansli, ekonomi, the board and the insatsägare meet them."""

import datetime
import uuid
from typing import Any

import time_machine
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samordna.accounts.models import Role, User
from samordna.attest import services as attest_services
from samordna.attest.models import PaymentOrder, Step
from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions import payable, services
from samordna.interventions.models import (
    Agreement,
    Application,
    ApplicationKind,
    ApplicationStatus,
    ConditionMet,
    GrantAmount,
    GrantDecision,
    Instalment,
    Intervention,
    Payment,
    PaymentPlan,
    Release,
)
from samordna.interventions.services import GoalInput, PartyInput, grants
from samordna.interventions.services.grants import AmountInput
from samordna.interventions.tests.helpers import (
    D,
    at,
    attest_outside_samordna,
    budget,
    complete_fields,
    granted,
    justera,
    paragraph,
    submitted,
)
from samordna.meetings import services as meeting_services
from samordna.meetings.locking import LOCKED_MESSAGE
from samordna.meetings.models import ItemKind
from samordna.meetings.services import proceedings

TWO_YEARS = {2023: 709_000, 2024: 722_000}
CONDITION = "förbundet får bidrag från huvudmännen för 2024"


def decision_data(amounts: dict[int, Any], outcome: str = "granted", **extra: Any) -> dict:
    """The decision form as the kansli sends it."""
    data = {"outcome": outcome, "plan": PaymentPlan.HALF_THEN_REPORT, "write_text": "on"}
    data.update({f"amount_{year}": str(amount) for year, amount in amounts.items()})
    data.update(extra)
    return data


class MoneyTestCase(SamordnaTestCase):
    def decided(self, **kwargs: Any) -> GrantDecision:
        return granted(self.association, self.office, self.applicant, **kwargs)

    def signed(self, **kwargs: Any) -> GrantDecision:
        decision = self.decided(**kwargs)
        agreement = grants.agreement_draw_up(
            decision=decision, by=self.office, drawn_up_on=D(2023, 1, 10)
        )
        grants.agreement_sign(agreement=agreement, by=self.office, signed_on=D(2023, 1, 20))
        return decision

    def messages_of(self, response: Any) -> list[str]:
        return [str(m) for m in get_messages(response.wsgi_request)]

    def other_applicant(self) -> User:
        """Staff at another member: may apply, but not see Sundsvalls kommun's insatser."""
        return User.objects.create(
            username="anna.region",
            role=Role.APPLICANT,
            association=self.association,
            member=self.association.members.get(name="Region Västernorrland"),
        )

    def intervention_of(self, decision: GrantDecision) -> Intervention:
        return Intervention.objects.get(pk=decision.application.intervention_id or 0)

    def detail_url(self, decision: GrantDecision) -> str:
        return self.url(f"insatser/{decision.application.intervention_id}/")


class DecisionCreateTests(MoneyTestCase):
    def setUp(self):
        self.application = submitted(
            self.association,
            self.applicant,
            name="Arbetskonsulent för personer med aktivitetsersättning",
            amounts=TWO_YEARS,
            starts_on=D(2023, 1, 1),
            ends_on=D(2024, 12, 31),
        )
        self.par = paragraph(self.association, self.office, D(2022, 11, 25))
        self.login(self.office)

    def page(self, application: Application | None = None) -> str:
        query = f"?ansokan={application.pk}" if application else ""
        return self.url(f"insatser/beslut/paragraf/{self.par.pk}/{query}")

    def test_step_one_lists_the_open_applications_those_on_this_agenda_first(self):
        later = submitted(self.association, self.applicant, name="Aktivitetshus på agendan")
        item = meeting_services.agenda_item_add(
            meeting=self.par.meeting, by=self.office, title="Ansökan", kind=ItemKind.DECISION
        )
        Application.objects.filter(pk=later.pk).update(agenda_item=item)
        submitted(self.association, self.applicant, name="Aktivitetshus i Matfors")
        services.application_create(
            association=self.association,
            by=self.applicant,
            member=self.association.members.get(name="Sundsvalls kommun"),
        )
        response = self.client.get(self.page())
        self.assertEqual(response.status_code, 200)
        names = [a.name for a in response.context["applications"]]
        self.assertEqual(names[0], "Aktivitetshus på agendan")
        self.assertIn(self.application.name, names)
        self.assertNotIn("", names)  # the draft is not offered
        self.assertContains(response, f'href="?ansokan={later.pk}"')
        self.assertContains(response, "Det här sammanträdet")

    def test_step_two_shows_the_sought_budget_and_prefills_the_amounts(self):
        response = self.client.get(self.page(self.application))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Sökt belopp per år")
        self.assertContains(response, "709\xa0000\xa0kr")
        self.assertContains(response, 'name="amount_2024" value="722 000"')
        self.assertContains(response, "Beloppet för 2024 gäller under förutsättning att villkoret")
        self.assertContains(response, 'name="preview"')

    def test_the_decision_is_recorded_and_written_as_clauses_into_the_paragraph(self):
        data = decision_data(TWO_YEARS, condition_1=CONDITION, condition_for_2024="1")
        response = self.client.post(self.page(self.application), data)
        self.assertRedirects(
            response,
            self.url(f"sammantraden/{self.par.meeting_id}/") + f"#par-{self.par.pk}",
            fetch_redirect_response=False,
        )
        self.assertIn("är registrerat i § ", self.messages_of(response)[0])
        decision = GrantDecision.objects.get(application=self.application)
        self.assertEqual(decision.paragraph, self.par)
        self.par.refresh_from_db()
        self.assertEqual(
            self.par.clauses[0],
            "Att bevilja medel med 709\xa0000\xa0kr för 2023 och 722\xa0000\xa0kr för 2024 till "
            f"{self.application.name} under förutsättning att {CONDITION}.",
        )
        self.assertEqual(self.par.clauses[-1], "Att förbundschefen upprättar avtal.")
        held = GrantAmount.objects.get(decision=decision, year=2024)
        self.assertEqual(held.condition.text, CONDITION)  # type: ignore[union-attr]
        self.assertIsNone(GrantAmount.objects.get(decision=decision, year=2023).condition)

    def test_the_second_condition_can_hold_a_year_too(self):
        data = decision_data(
            TWO_YEARS, condition_1="insatsen startar", condition_2=CONDITION, condition_for_2024="2"
        )
        self.client.post(self.page(self.application), data)
        held = GrantAmount.objects.get(decision__application=self.application, year=2024)
        self.assertEqual(held.condition.text, CONDITION)  # type: ignore[union-attr]

    def test_a_year_may_not_depend_on_a_condition_not_written(self):
        data = decision_data(TWO_YEARS, condition_for_2024="1")
        response = self.client.post(self.page(self.application), data)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.context["form"].errors["condition_for_2024"], ["Skriv villkor 1 först."]
        )

    def test_part_of_the_money_may_go_to_another_party(self):
        data = decision_data(
            {2023: 649_000, 2024: 722_000},  # § 136: the premises are paid to the host
            other_recipient_1="Individ och arbetsmarknadsförvaltning, Sundsvalls kommun",
            other_purpose_1="lokalkostnader",
            other_year_1="2023",
            other_amount_1="60 000",
            other_plan_1=PaymentPlan.INVOICE,
        )
        response = self.client.post(self.page(self.application), data)
        self.assertEqual(response.status_code, 302)
        other = GrantAmount.objects.get(decision__application=self.application, recipient__gt="")
        self.assertEqual((other.amount, other.year, other.plan), (60_000, 2023, "invoice"))
        self.par.refresh_from_db()
        self.assertIn(
            "Att avsätta 60\xa0000\xa0kr för lokalkostnader till Individ och "
            "arbetsmarknadsförvaltning, Sundsvalls kommun för 2023.",
            self.par.clauses,
        )

    def test_a_line_to_another_party_needs_an_amount_and_a_year(self):
        data = decision_data(TWO_YEARS, other_recipient_1="Fastighetsbolaget")
        response = self.client.post(self.page(self.application), data)
        self.assertEqual(response.status_code, 400)
        errors = response.context["form"].errors
        self.assertEqual(errors["other_amount_1"], ["Ange beloppet till den andra parten."])
        self.assertEqual(errors["other_year_1"], ["Välj vilket år beloppet gäller."])

    def test_a_refusal_grants_nothing_whatever_the_prefilled_amounts(self):
        response = self.client.post(
            self.page(self.application), decision_data(TWO_YEARS, "refused")
        )
        self.assertEqual(response.status_code, 302)
        decision = GrantDecision.objects.get(application=self.application)
        self.assertFalse(decision.amounts.exists())
        self.par.refresh_from_db()
        self.assertEqual(
            self.par.clauses, [f"Att avslå ansökan om medel till {self.application.name}."]
        )

    def test_the_text_is_left_alone_when_the_box_is_not_checked(self):
        proceedings.paragraph_update(
            paragraph=self.par, by=self.office, decision="Att bevilja enligt förslaget."
        )
        page = self.client.get(self.page(self.application))
        self.assertContains(page, "Paragrafen har redan en beslutstext; den ersätts.")
        data = decision_data(TWO_YEARS)
        del data["write_text"]
        self.client.post(self.page(self.application), data)
        self.par.refresh_from_db()
        self.assertEqual(self.par.decision, "Att bevilja enligt förslaget.")
        self.assertTrue(GrantDecision.objects.filter(application=self.application).exists())

    def test_an_omedelbart_justerad_paragraph_keeps_its_text(self):
        proceedings.paragraph_update(
            paragraph=self.par,
            by=self.office,
            decision="Att bevilja ansökan.",
            immediately_approved=True,
        )
        page = self.client.get(self.page(self.application))
        self.assertNotContains(page, "Skriv beslutet som att-satser")
        response = self.client.post(self.page(self.application), decision_data(TWO_YEARS))
        self.assertEqual(response.status_code, 302)
        decision = GrantDecision.objects.get(application=self.application)
        self.assertTrue(payable.decision_in_force(decision))
        self.par.refresh_from_db()
        self.assertEqual(self.par.decision, "Att bevilja ansökan.")

    def test_preview_shows_the_clauses_and_saves_nothing(self):
        data = decision_data(TWO_YEARS, preview="1")
        response = self.client.post(self.page(self.application), data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Förhandsgranskning")
        self.assertContains(
            response,
            "Att bevilja medel med 709\xa0000\xa0kr för 2023 och 722\xa0000\xa0kr för 2024",
        )
        self.assertFalse(GrantDecision.objects.filter(application=self.application).exists())
        self.par.refresh_from_db()
        self.assertEqual(self.par.decision, "")

    def test_preview_runs_the_services_checks(self):
        data = decision_data({2023: 709_000, 2024: 700_000}, preview="1")
        response = self.client.post(self.page(self.application), data)
        self.assertEqual(response.status_code, 400)
        self.assertIn("Välj Delvis beviljad", str(response.context["form"].errors["outcome"]))
        self.assertNotContains(response, "Förhandsgranskning", status_code=400)

    def test_the_services_errors_stand_at_the_year_they_name(self):
        data = decision_data({2023: 800_000, 2024: 722_000})
        response = self.client.post(self.page(self.application), data)
        self.assertEqual(response.status_code, 400)
        self.assertIn("större än det sökta", response.context["form"].errors["amount_2023"][0])
        self.assertFalse(GrantDecision.objects.filter(application=self.application).exists())

    def test_amounts_typed_wrongly_are_refused_in_swedish_and_nothing_is_saved(self):
        cases = {
            "1 000,50": "Skriv beloppet i hela kronor, utan öre.",
            "-5": "Beloppet kan inte vara negativt.",
            "abc": "”abc” är inte ett belopp. Skriv hela kronor, t.ex. 709 000.",
            "200 000 000": "Beloppet är orimligt stort; högst 100\xa0000\xa0000\xa0kr.",
        }
        for typed, message in cases.items():
            with self.subTest(typed=typed):
                data = decision_data({2023: typed, 2024: 722_000})
                response = self.client.post(self.page(self.application), data)
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response.context["form"].errors["amount_2023"], [message])
                self.assertContains(response, "Formuläret innehåller fel", status_code=400)
        self.assertFalse(GrantDecision.objects.filter(application=self.application).exists())

    def test_a_paragraph_of_justerade_minutes_is_refused(self):
        justera(self.par.meeting)
        meeting_page = self.url(f"sammantraden/{self.par.meeting_id}/")
        for response in (
            self.client.get(self.page(self.application)),
            self.client.post(self.page(self.application), decision_data(TWO_YEARS)),
        ):
            self.assertRedirects(response, meeting_page, fetch_redirect_response=False)
            self.assertEqual(self.messages_of(response)[-1], LOCKED_MESSAGE)
        self.assertFalse(GrantDecision.objects.filter(application=self.application).exists())

    def test_a_decided_application_is_not_offered_again(self):
        self.client.post(self.page(self.application), decision_data(TWO_YEARS))
        response = self.client.get(self.page(self.application))
        self.assertRedirects(response, self.page(), fetch_redirect_response=False)
        self.assertEqual(self.messages_of(response)[-1], "Ansökan är beslutad.")

    def test_wrong_method(self):
        self.assertEqual(self.client.put(self.page(self.application)).status_code, 405)

    def test_the_board_may_not_record_a_decision(self):
        self.login(self.board)
        response = self.client.post(self.page(self.application), decision_data(TWO_YEARS))
        self.assertEqual(response.status_code, 403)
        self.assertFalse(GrantDecision.objects.filter(application=self.application).exists())

    def test_outsider_and_another_förbunds_paragraph_are_not_found(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.page(self.application)).status_code, 404)
        theirs = paragraph(self.other, self.outsider, D(2022, 11, 25))
        self.login(self.office)
        url = self.url(f"insatser/beslut/paragraf/{theirs.pk}/")
        self.assertEqual(self.client.get(url).status_code, 404)


class DecisionWithdrawTests(MoneyTestCase):
    def setUp(self):
        self.decision = self.decided(in_force=False)
        par = self.decision.paragraph
        assert par is not None
        self.par = par
        self.url_ = self.url(f"insatser/beslut/{self.decision.pk}/ta-tillbaka/")
        self.login(self.office)

    def test_a_decision_is_taken_back_with_its_text_before_justering(self):
        response = self.client.post(self.url_)
        self.assertRedirects(
            response,
            self.url(f"sammantraden/{self.par.meeting_id}/") + f"#par-{self.par.pk}",
            fetch_redirect_response=False,
        )
        self.assertFalse(GrantDecision.objects.filter(pk=self.decision.pk).exists())
        self.par.refresh_from_db()
        self.assertEqual(self.par.decision, "")
        application = Application.objects.get(pk=self.decision.application_id)
        self.assertEqual(application.status, ApplicationStatus.PREPARATION)
        intervention = Intervention.objects.get(pk=application.intervention_id or 0)
        self.assertIsNone(intervention.starts_on)  # no longer granted for any period

    def test_text_the_kansli_changed_is_kept(self):
        proceedings.paragraph_update(
            paragraph=self.par, by=self.office, decision="Att bevilja 400 000 kr för 2023."
        )
        self.client.post(self.url_)
        self.par.refresh_from_db()
        self.assertEqual(self.par.decision, "Att bevilja 400 000 kr för 2023.")

    def test_a_decision_in_justerade_minutes_stands(self):
        justera(self.par.meeting)
        response = self.client.post(self.url_)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.messages_of(response), [LOCKED_MESSAGE])
        self.assertTrue(GrantDecision.objects.filter(pk=self.decision.pk).exists())

    def test_an_earlier_decision_goes_back_to_the_application(self):
        application = submitted(self.association, self.applicant, name="Tidigare")
        earlier = grants.decision_register_earlier(
            application=application,
            by=self.office,
            reference="Styrelsen 2022-11-18 § 128",
            decided_on=D(2022, 11, 18),
            outcome="granted",
            amounts=[AmountInput(2023, 400_000)],
        )
        response = self.client.post(self.url(f"insatser/beslut/{earlier.pk}/ta-tillbaka/"))
        self.assertRedirects(
            response, self.url(f"ansokningar/{application.pk}/"), fetch_redirect_response=False
        )

    def test_wrong_method(self):
        self.assertEqual(self.client.get(self.url_).status_code, 405)

    def test_the_board_may_not_take_back_a_decision(self):
        self.login(self.chair)
        self.assertEqual(self.client.post(self.url_).status_code, 403)
        self.assertTrue(GrantDecision.objects.filter(pk=self.decision.pk).exists())

    def test_outsider_is_not_found(self):
        self.login(self.outsider)
        self.assertEqual(self.client.post(self.url_).status_code, 404)


class DecisionEarlierTests(MoneyTestCase):
    def setUp(self):
        self.application = submitted(
            self.association, self.applicant, name="Före Samordna", amounts={2023: 400_000}
        )
        self.url_ = self.url(f"ansokningar/{self.application.pk}/tidigare-beslut/")
        self.login(self.office)

    def data(self, **extra: Any) -> dict:
        data = decision_data(
            {2023: 400_000},
            reference="Styrelsen 2022-11-18 § 128",
            decided_on="2022-11-18",
            plan=PaymentPlan.FINAL_REPORT,
        )
        data.update(extra)
        return data

    def test_an_earlier_decision_is_registered_and_leads_to_the_insats(self):
        page = self.client.get(self.url_)
        self.assertContains(page, "Beslutet finns i")
        self.assertNotContains(page, "Skriv beslutet som att-satser")
        response = self.client.post(self.url_, self.data())
        self.assertRedirects(
            response,
            self.url(f"insatser/{self.application.intervention_id}/"),
            fetch_redirect_response=False,
        )
        decision = GrantDecision.objects.get(application=self.application)
        self.assertEqual(
            (decision.earlier_reference, decision.decided_on, decision.paragraph),
            ("Styrelsen 2022-11-18 § 128", D(2022, 11, 18), None),
        )
        self.assertEqual(decision.amounts.get().plan, PaymentPlan.FINAL_REPORT)

    def test_a_date_ahead_is_refused_at_the_date(self):
        future = timezone.localdate() + datetime.timedelta(days=1)
        response = self.client.post(self.url_, self.data(decided_on=future.isoformat()))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.context["form"].errors["decided_on"],
            ["Ett tidigare beslut kan inte ha ett datum framåt."],
        )
        self.assertFalse(GrantDecision.objects.filter(application=self.application).exists())

    def test_wrong_method(self):
        self.assertEqual(self.client.delete(self.url_).status_code, 405)

    def test_the_auditor_may_not_register_a_decision(self):
        self.login(self.auditor)
        self.assertEqual(self.client.post(self.url_, self.data()).status_code, 403)

    def test_outsider_is_not_found(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url_).status_code, 404)


class AgreementTests(MoneyTestCase):
    def setUp(self):
        self.decision = self.decided(amounts={2023: 400_000}, conditions=[CONDITION])
        self.url_ = self.url(f"insatser/beslut/{self.decision.pk}/avtal/")
        self.login(self.office)

    def test_the_kansli_draws_up_the_agreement(self):
        page = self.client.get(self.url_)
        self.assertContains(page, "Upprätta avtal")
        response = self.client.post(self.url_)
        self.assertRedirects(response, self.url_, fetch_redirect_response=False)
        agreement = Agreement.objects.get(decision=self.decision)
        self.assertEqual(self.messages_of(response), [f"Avtal {agreement.number} är upprättat."])
        page = self.client.get(self.url_)
        self.assertContains(page, f'<dd class="definition-list__definition">{agreement.number}')
        self.assertContains(page, "Inte undertecknat ännu")
        self.assertContains(page, "Registrera att avtalet är undertecknat")
        self.assertContains(page, "200\xa0000\xa0kr av medlen för 2023")
        self.assertContains(page, f"Under förutsättning att {CONDITION}.")
        self.assertContains(page, "Slutrapport: senast 29 februari 2024")
        self.assertContains(page, "Jan Andersson")  # the förbundschef signs for the förbund

    def test_no_agreement_before_the_minutes_are_justerade(self):
        decision = self.decided(name="Inte justerad", in_force=False)
        url = self.url(f"insatser/beslut/{decision.pk}/avtal/")
        self.assertContains(self.client.get(url), "Avtal upprättas när protokollet")
        response = self.client.post(url)
        self.assertEqual(
            self.messages_of(response),
            ["Avtal upprättas när protokollet med beslutet är justerat."],
        )
        self.assertFalse(Agreement.objects.filter(decision=decision).exists())

    def test_the_insatsägare_reads_the_agreement(self):
        grants.agreement_draw_up(decision=self.decision, by=self.office)
        self.login(self.applicant)
        page = self.client.get(self.url_)
        self.assertContains(page, "Vad avtalet säger")
        self.assertContains(page, "400\xa0000\xa0kr")
        self.assertNotContains(page, "Registrera att avtalet är undertecknat")

    def test_the_board_reads_but_may_not_draw_up(self):
        self.login(self.board)
        self.assertContains(self.client.get(self.url_), "Avtalet är inte upprättat ännu.")
        self.assertEqual(self.client.post(self.url_).status_code, 403)
        self.assertFalse(Agreement.objects.filter(decision=self.decision).exists())

    def test_another_organisation_and_the_outsider_do_not_find_it(self):
        for user in (self.other_applicant(), self.outsider):
            with self.subTest(user=user.username):
                self.login(user)
                self.assertEqual(self.client.get(self.url_).status_code, 404)

    def test_wrong_method(self):
        self.assertEqual(self.client.put(self.url_).status_code, 405)


class AgreementSignTests(MoneyTestCase):
    def setUp(self):
        self.decision = self.decided()
        self.agreement = grants.agreement_draw_up(
            decision=self.decision, by=self.office, drawn_up_on=D(2023, 1, 10)
        )
        self.url_ = self.url(f"insatser/beslut/{self.decision.pk}/avtal/undertecknat/")
        self.login(self.office)

    def test_the_kansli_records_the_signing(self):
        data = {"signed_on": "2023-01-20", "signed_note": "Jan Andersson och Denise Wallén"}
        response = self.client.post(self.url_, data)
        self.assertRedirects(
            response,
            self.url(f"insatser/beslut/{self.decision.pk}/avtal/"),
            fetch_redirect_response=False,
        )
        self.agreement.refresh_from_db()
        self.assertEqual(self.agreement.signed_on, D(2023, 1, 20))
        self.assertEqual(self.agreement.signed_note, "Jan Andersson och Denise Wallén")

    def test_a_day_before_the_agreement_is_refused_at_the_date(self):
        response = self.client.post(self.url_, {"signed_on": "2023-01-01"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.context["form"].errors["signed_on"], ["Avtalet upprättades 10 januari 2023."]
        )

    def test_wrong_method(self):
        self.assertEqual(self.client.delete(self.url_).status_code, 405)

    def test_ekonomi_may_not_record_the_signing(self):
        self.login(self.finance)
        self.assertEqual(self.client.post(self.url_, {"signed_on": "2023-01-20"}).status_code, 403)

    def test_outsider_is_not_found(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url_).status_code, 404)


class AgreementDownloadTests(MoneyTestCase):
    def setUp(self):
        self.decision = self.decided()
        self.agreement = grants.agreement_draw_up(
            decision=self.decision, by=self.office, drawn_up_on=D(2023, 1, 10)
        )
        self.base = self.url(f"insatser/beslut/{self.decision.pk}/")

    def test_the_insatsägare_downloads_the_pdf_and_the_word_file(self):
        self.login(self.applicant)
        pdf = self.client.get(self.base + "avtal.pdf")
        self.assertEqual(pdf["Content-Type"], "application/pdf")
        self.assertEqual(
            pdf["Content-Disposition"], f'attachment; filename="avtal-{self.agreement.number}.pdf"'
        )
        self.assertTrue(pdf.content.startswith(b"%PDF"))
        docx = self.client.get(self.base + "avtal.docx")
        self.assertEqual(
            docx["Content-Disposition"],
            f'attachment; filename="avtal-{self.agreement.number}.docx"',
        )
        self.assertTrue(docx.content.startswith(b"PK"))

    def test_nothing_to_download_before_the_agreement(self):
        decision = self.decided(name="Utan avtal")
        self.login(self.office)
        url = self.url(f"insatser/beslut/{decision.pk}/avtal.docx")
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_wrong_method(self):
        self.login(self.office)
        self.assertEqual(self.client.post(self.base + "avtal.docx").status_code, 405)

    def test_outsider_is_not_found(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.base + "avtal.docx").status_code, 404)


class ConditionMetTests(MoneyTestCase):
    def setUp(self):
        self.decision = self.decided(conditions=[CONDITION])
        self.condition = self.decision.conditions.get()
        self.url_ = self.url(f"insatser/villkor/{self.condition.pk}/uppfyllt/")
        self.login(self.office)

    def test_the_kansli_marks_a_condition_met(self):
        self.assertContains(self.client.get(self.url_), f"under förutsättning att {CONDITION}")
        data = {"met_on": "2023-11-20", "note": "Huvudmännen har beslutat om bidragen."}
        response = self.client.post(self.url_, data)
        self.assertRedirects(
            response, self.detail_url(self.decision), fetch_redirect_response=False
        )
        met = ConditionMet.objects.get(condition=self.condition)
        self.assertEqual((met.met_on, met.note), (D(2023, 11, 20), data["note"]))

    def test_wrong_method(self):
        self.assertEqual(self.client.put(self.url_).status_code, 405)

    def test_the_board_may_not_mark_it(self):
        self.login(self.board)
        self.assertEqual(self.client.post(self.url_, {"met_on": "2023-11-20"}).status_code, 403)
        self.assertFalse(ConditionMet.objects.filter(condition=self.condition).exists())

    def test_outsider_is_not_found(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url_).status_code, 404)


class PaymentCreateTests(MoneyTestCase):
    def setUp(self):
        attest_outside_samordna(self.association)
        self.decision = self.signed()
        self.grant = self.decision.amounts.get()
        self.first, self.rest = Instalment.objects.filter(grant=self.grant).order_by("position")
        self.url_ = self.url(f"attest/insatser/{self.first.pk}/betala/")
        self.login(self.finance)

    def data(self, amount: str = "200 000", **extra: Any) -> dict:
        token = (
            extra.pop("token", None) or self.client.get(self.url_).context["form"]["token"].value()
        )
        return {
            "amount": amount,
            "paid_on": "2023-02-01",
            "reference": "Ver 2023-114",
            "token": token,
            **extra,
        }

    def test_the_form_offers_what_remains_of_the_part_with_a_token(self):
        response = self.client.get(self.url_)
        self.assertContains(response, 'name="amount" value="200 000"')
        self.assertContains(
            response, "200\xa0000\xa0kr av medlen för 2023 när avtalet är undertecknat"
        )
        token = response.context["form"]["token"].value()
        self.assertRegex(token, r"^[0-9a-f]{32}$")
        self.assertContains(response, f'type="hidden" name="token" value="{token}"')
        again = self.client.get(self.url_).context["form"]["token"].value()
        self.assertNotEqual(token, again)

    def test_ekonomi_records_a_payment(self):
        response = self.client.post(self.url_, self.data())
        self.assertRedirects(
            response, self.detail_url(self.decision), fetch_redirect_response=False
        )
        self.assertEqual(
            self.messages_of(response), ["Utbetalningen på 200\xa0000\xa0kr är registrerad."]
        )
        payment = Payment.objects.get(grant=self.grant)
        self.assertEqual(
            (payment.amount, payment.paid_on, payment.reference, payment.recorded_by),
            (200_000, D(2023, 2, 1), "Ver 2023-114", self.finance),
        )

    def test_the_same_form_sent_twice_records_one_payment(self):
        data = self.data()
        first = self.client.post(self.url_, data)
        second = self.client.post(self.url_, data)
        self.assertEqual(Payment.objects.filter(grant=self.grant).count(), 1)
        self.assertEqual(second.status_code, 302)
        self.assertEqual(
            self.messages_of(first), ["Utbetalningen på 200\xa0000\xa0kr är registrerad."]
        )
        self.assertEqual(self.messages_of(second)[-1], "Utbetalningen var redan registrerad.")

    def test_a_second_form_for_the_paid_part_is_refused_at_the_form(self):
        first, second = self.data(), self.data()
        self.assertNotEqual(first["token"], second["token"])
        self.client.post(self.url_, first)
        response = self.client.post(self.url_, second)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.context["form"].non_field_errors(), ["Den här delen är redan utbetald."]
        )
        self.assertContains(response, "Den här delen är redan utbetald.", status_code=400)
        self.assertEqual(Payment.objects.filter(grant=self.grant).count(), 1)

    def test_more_than_remains_is_refused_at_the_amount(self):
        response = self.client.post(self.url_, self.data("200 001"))
        self.assertEqual(response.status_code, 400)
        self.assertIn(
            "Högst 200\xa0000\xa0kr återstår", response.context["form"].errors["amount"][0]
        )

    def test_amounts_typed_wrongly_are_refused_in_swedish_and_nothing_is_saved(self):
        cases = {
            "1 000,50": "Skriv beloppet i hela kronor, utan öre.",
            "-5": "Beloppet kan inte vara negativt.",
            "abc": "”abc” är inte ett belopp. Skriv hela kronor, t.ex. 709 000.",
            "200 000 000": "Beloppet är orimligt stort; högst 100\xa0000\xa0000\xa0kr.",
            "0": "Beloppet ska vara minst 1 kr.",
        }
        for typed, message in cases.items():
            with self.subTest(typed=typed):
                response = self.client.post(self.url_, self.data(typed))
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response.context["form"].errors["amount"], [message])
        self.assertFalse(Payment.objects.filter(grant=self.grant).exists())

    def test_a_form_without_its_token_is_refused(self):
        response = self.client.post(self.url_, self.data(token="x"))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Ladda om sidan", status_code=400)
        self.assertFalse(Payment.objects.filter(grant=self.grant).exists())

    def test_what_the_part_waits_for_is_shown_instead_of_the_form(self):
        response = self.client.get(self.url(f"attest/insatser/{self.rest.pk}/betala/"))
        self.assertContains(response, "Delen kan inte betalas ut i dag")
        self.assertContains(response, "Styrelsen har inte godkänt slutrapport ännu.")
        self.assertNotContains(response, 'name="amount"')

    def test_a_paid_part_says_so(self):
        self.client.post(self.url_, self.data())
        response = self.client.get(self.url_)
        self.assertContains(response, "Den här delen är utbetald.")
        self.assertNotContains(response, 'name="amount"')

    def test_wrong_method(self):
        self.assertEqual(self.client.put(self.url_).status_code, 405)

    def test_readers_may_not_pay(self):
        data = self.data()
        for user in (self.board, self.auditor, self.chair, self.applicant):
            with self.subTest(user=user.username):
                self.login(user)
                self.assertEqual(self.client.post(self.url_, data).status_code, 403)
        self.assertFalse(Payment.objects.filter(grant=self.grant).exists())

    def test_outsider_and_another_organisation_are_not_found(self):
        for user in (self.outsider, self.other_applicant()):
            with self.subTest(user=user.username):
                self.login(user)
                self.assertEqual(self.client.get(self.url_).status_code, 404)


class CloseTests(MoneyTestCase):
    def setUp(self):
        attest_outside_samordna(self.association)
        self.decision = self.signed()
        first = Instalment.objects.get(grant__decision=self.decision, position=1)
        grants.payment_record(
            instalment=first,
            by=self.finance,
            amount=170_000,
            paid_on=D(2023, 2, 1),
            token="a" * 32,
        )
        self.intervention_id = self.decision.application.intervention_id
        self.url_ = self.url(f"insatser/{self.intervention_id}/slutreglering/")
        self.login(self.office)

    def test_the_kansli_closes_the_insats_and_hears_what_returns(self):
        page = self.client.get(self.url_)
        self.assertContains(page, "230\xa0000\xa0kr återförs till förbundet.")
        data = {"closed_on": "2023-12-31", "note": "Slutrapport godkänd 2024-03-08 § 20."}
        response = self.client.post(self.url_, data)
        self.assertRedirects(
            response, self.detail_url(self.decision), fetch_redirect_response=False
        )
        self.assertEqual(
            self.messages_of(response),
            ["Insatsen är slutreglerad. 230\xa0000\xa0kr återförs till förbundets eget kapital."],
        )
        self.assertEqual(Release.objects.get(grant__decision=self.decision).amount, 230_000)
        closed = self.client.get(self.url_)
        self.assertContains(closed, "Insatsen slutreglerades 31 december 2023")
        self.assertNotContains(closed, "Slutreglera insatsen</button>")

    def test_the_note_is_required(self):
        response = self.client.post(self.url_, {"closed_on": "2023-12-31", "note": ""})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.context["form"].errors["note"], ["Skriv varför insatsen slutregleras."]
        )
        self.assertFalse(Release.objects.filter(grant__decision=self.decision).exists())

    def test_wrong_method(self):
        self.assertEqual(self.client.put(self.url_).status_code, 405)

    def test_ekonomi_may_not_close(self):
        self.login(self.finance)
        data = {"closed_on": "2023-12-31", "note": "Klar."}
        self.assertEqual(self.client.post(self.url_, data).status_code, 403)

    def test_outsider_is_not_found(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url_).status_code, 404)


def supplement(test: MoneyTestCase, intervention: Intervention, amounts: dict[int, int]) -> Any:
    """A tilläggsansökan for `intervention`, sent in."""
    application = services.application_create(
        association=test.association,
        by=test.applicant,
        member=intervention.owner,
        kind=ApplicationKind.SUPPLEMENT,
        intervention=intervention,
    )
    years = sorted(amounts)
    application = services.application_save(
        application=application,
        by=test.applicant,
        version=application.version,
        fields=complete_fields(
            "Tillägg", starts_on=D(years[0], 1, 1), ends_on=D(years[-1], 12, 31)
        ),
        parties=[PartyInput(member=test.association.members.get(name="Försäkringskassan"))],
        goals=[GoalInput("Fler i arbete", "Uppföljning Finsam")],
        budget=budget(amounts),
    )
    return services.application_submit(
        application=application,
        by=test.applicant,
        version=application.version,
        now=at(D(2023, 3, 1)),
    )


class MoneyPartialTests(MoneyTestCase):
    """The "Beslut och pengar" part of the insats page (`interventions/_money.html`)."""

    def render(self, user: User, intervention: Intervention) -> str:
        """The insats page as `user` sees it."""
        if self.client.session.get("_auth_user_id") != str(user.pk):
            self.client.force_login(user)
        response = self.client.get(self.url(f"insatser/{intervention.pk}/"))
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_each_decision_shows_its_money_plan_and_payments(self):
        attest_outside_samordna(self.association)
        decision = self.signed(conditions=[CONDITION])
        first = Instalment.objects.get(grant__decision=decision, position=1)
        grants.payment_record(
            instalment=first,
            by=self.finance,
            amount=200_000,
            paid_on=D(2023, 2, 1),
            token="b" * 32,
            reference="Ver 114",
        )
        intervention = self.intervention_of(decision)
        html = self.render(self.office, intervention)
        self.assertIn('<h2 class="heading--h2">Beslut och pengar</h2>', html)
        self.assertIn(f"#par-{decision.paragraph_id}", html)
        number = Agreement.objects.get(decision=decision).number
        self.assertIn(f"Avtal {number}</a>, undertecknat 20 januari 2023", html)
        self.assertIn(f"Under förutsättning att {CONDITION}: inte uppfyllt", html)
        self.assertIn("Markera som uppfyllt", html)
        self.assertIn("1 februari 2023: 200\xa0000\xa0kr, Ver 114 (Servicecenter Ekonomi)", html)
        self.assertIn("Väntar: Styrelsen har inte godkänt slutrapport ännu.", html)
        cells = ["400\xa0000\xa0kr", "200\xa0000\xa0kr", "0\xa0kr", "200\xa0000\xa0kr"]
        self.assertIn(
            'Summa</th><td class="numeric">'
            + '</td><td class="numeric">'.join(cells)
            + "</td></tr></tfoot>",
            html,
        )
        self.assertIn("Slutreglera insatsen", html)

    def test_a_payable_part_offers_ekonomi_the_payment_and_readers_only_the_status(self):
        decision = self.signed()
        intervention = self.intervention_of(decision)
        first = Instalment.objects.get(grant__decision=decision, position=1)
        link = f"/attest/insatser/{first.pk}/betala/"
        self.assertIn(link, self.render(self.finance, intervention))
        board = self.render(self.board, intervention)
        self.assertIn("Kan betalas ut", board)
        self.assertNotIn(link, board)
        self.assertNotIn("Slutreglera insatsen", board)

    def test_a_closed_insats_shows_what_returned(self):
        decision = self.signed()
        intervention = self.intervention_of(decision)
        grants.intervention_close(
            intervention=intervention, by=self.office, closed_on=D(2023, 12, 31), note="Avslutad."
        )
        html = self.render(self.office, intervention)
        self.assertIn("Insatsen slutreglerades 31 december 2023: Avslutad.", html)
        self.assertIn(
            "Återfört till förbundets eget kapital av beslutet 25 november 2022: 400\xa0000\xa0kr.",
            html,
        )
        self.assertNotIn("Registrera utbetalning", html)

    def test_the_money_is_read_in_a_fixed_number_of_queries(self):
        small = self.signed(amounts={2023: 100_000}, conditions=[CONDITION], name="Liten")
        large = self.signed(
            amounts={2023: 100_000, 2024: 100_000},
            conditions=[CONDITION],
            name="Stor",
            starts_on=D(2023, 1, 1),
            ends_on=D(2024, 12, 31),
        )
        intervention = self.intervention_of(large)
        extra = supplement(self, intervention, {2024: 50_000})
        par = paragraph(self.association, self.office, D(2023, 3, 10))
        added = grants.decision_record(
            application=extra,
            paragraph=par,
            by=self.office,
            outcome="granted",
            amounts=[AmountInput(2024, 50_000, PaymentPlan.INVOICE)],
        )
        counts = []
        self.render(self.office, intervention)  # logged in before counting
        for decision in (small, large):
            target = self.intervention_of(decision)
            with CaptureQueriesContext(connection) as queries:
                self.render(self.office, target)
            counts.append(len(queries))
        self.assertEqual(counts[0], counts[1])
        with self.assertNumQueries(counts[0]):
            html = self.render(self.office, intervention)
        self.assertEqual(html.count('<h3 class="heading--h3"'), 2)
        self.assertLess(
            html.index(f'id="decision-{large.pk}"'), html.index(f'id="decision-{added.pk}"')
        )


class MeetingPageTests(MoneyTestCase):
    def test_the_meeting_page_shows_what_each_paragraph_decided(self):
        decision = self.decided(in_force=False)
        assert decision.paragraph is not None
        paragraph = decision.paragraph
        self.login(self.office)
        page = self.client.get(self.url(f"sammantraden/{paragraph.meeting_id}/"))
        application = f"/f/sundsvall/ansokningar/{decision.application_id}/"
        self.assertContains(page, f'Beslut om ansökan: <a class="anchor" href="{application}">')
        self.assertContains(page, f"/insatser/beslut/{decision.pk}/ta-tillbaka/")
        self.assertContains(page, f"/insatser/beslut/paragraf/{paragraph.pk}/")
        # Only the actions that fit the §: it is about an application, not a report.
        self.assertNotContains(page, f"/insatser/rapporter/godkann/{paragraph.pk}/")


class PaymentThroughOrderTests(MoneyTestCase):
    """With an adopted signature list for the year (the demo's Sundsvall 2023), the payment
    page asks for the payment as an order; only the second utanordning records it."""

    def setUp(self):
        self.decision = self.signed()
        self.first = Instalment.objects.get(grant__decision=self.decision, position=1)
        self.url_ = self.url(f"attest/insatser/{self.first.pk}/betala/")
        self.login(self.finance)

    def test_the_payment_is_requested_attested_and_authorised_by_two_before_it_is_paid(self):
        with time_machine.travel(at(D(2023, 1, 24)), tick=False):
            page = self.client.get(self.url_)
            self.assertContains(page, "Förbundet har antagit en signaturlista för 2023.")
            self.assertContains(page, "Begär utbetalning")
            self.assertNotContains(page, 'name="paid_on"')
            token = page.context["form"]["token"].value()
            data = {"amount": "200 000", "reference": "Ver 2023-120", "token": token}
            response = self.client.post(self.url_, data)
            order = PaymentOrder.objects.get(instalment=self.first)
            self.assertRedirects(
                response, self.url(f"attest/ordrar/{order.pk}/"), fetch_redirect_response=False
            )
            self.client.post(self.url_, data)
            self.assertEqual(PaymentOrder.objects.filter(instalment=self.first).count(), 1)
            self.assertContains(self.client.get(self.url_), "Hela delen är begärd")
        self.assertFalse(Payment.objects.filter(instalment=self.first).exists())
        for username, step in (
            ("christina.nordeno", Step.ATTEST),
            ("ekonomi.sundsvall", Step.AUTHORISE),
            ("ekonomi2.sundsvall", Step.AUTHORISE),
        ):
            self.assertFalse(Payment.objects.filter(instalment=self.first).exists())
            attest_services.order_approve(
                order=order,
                step=step,
                by=User.objects.get(username=username),
                token=uuid.uuid4().hex,
                at=at(D(2023, 1, 31)),
            )
        payment = Payment.objects.get(instalment=self.first)
        self.assertEqual((payment.amount, payment.paid_on), (200_000, D(2023, 1, 31)))

    def test_direct_recording_of_a_payment_in_a_year_with_a_list_is_refused(self):
        page = self.client.get(self.url_)
        self.assertContains(page, "ingen antagen signaturlista för")
        token = page.context["form"]["token"].value()
        data = {"amount": "200 000", "paid_on": "2023-02-01", "reference": "", "token": token}
        response = self.client.post(self.url_, data)
        self.assertEqual(response.status_code, 400)
        self.assertIn(
            "Förbundet har antagit en signaturlista för 2023",
            response.context["form"].errors["paid_on"][0],
        )
        self.assertFalse(Payment.objects.filter(instalment=self.first).exists())
