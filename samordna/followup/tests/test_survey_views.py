"""The survey pages: the anonymous answer page (no login, no session, nothing about the
visitor kept), and the kansli's pages for scales, questionnaires, rounds, paper answers and
results, with results hidden below the threshold for readers outside the kansli."""

import re

import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

from samordna.core.tests.base import SamordnaTestCase
from samordna.followup.models import (
    Questionnaire,
    Scale,
    Statement,
    SurveyAnswer,
    SurveyResponse,
    SurveyRound,
    UsedFormKey,
)
from samordna.followup.services import surveys
from samordna.followup.tests.helpers import without_demo_surveys
from samordna.followup.tests.test_surveys import answered, insats, questionnaire, survey_round
from samordna.interventions.tests.helpers import D, at

TODAY = D(2024, 3, 15)
ANONYMOUS = (
    "Enkäten är anonym. Vi sparar inte ditt namn, din e-post eller din IP-adress, "
    "och inte när du svarade."
)


def form_key(content: bytes) -> str:
    found = re.search(r'name="key" value="([^"]+)"', content.decode())
    assert found is not None
    return found.group(1)


class SurveyCase(SamordnaTestCase):
    """A questionnaire with two statements and a round for the kansli's own insats, open
    through March 2024."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        without_demo_surveys()

    def setUp(self):
        self.built = questionnaire(self.association, self.office)
        surveys.questionnaire_update(
            questionnaire=self.built,
            by=self.office,
            introduction="Vi vill veta vad du tycker om insatsen.",
        )
        self.first, self.second = self.built.statements.all()
        self.survey = survey_round(
            self.association,
            self.office,
            self.built,
            intervention=insats(self.association),
            opens_on=D(2024, 3, 1),
            closes_on=D(2024, 3, 31),
        )

    def page(self, name: str, *args) -> str:
        return reverse(f"followup:{name}", args=[self.association.slug, *args])


@time_machine.travel(at(TODAY), tick=False)
class PublicAnswerTests(SurveyCase):
    def setUp(self):
        super().setUp()
        self.address = reverse("survey:answer", args=[self.survey.token])

    def send(self, client: Client | None = None, key: str | None = None, meta: dict | None = None):
        """Answer the first statement (4) and skip the second, as a visitor whose browser
        sends what `meta` says (REMOTE_ADDR, HTTP_USER_AGENT...)."""
        client = client or self.client
        meta = meta or {}
        if key is None:
            key = form_key(client.get(self.address, **meta).content)
        data = {"key": key, f"statement_{self.first.pk}": "4", f"statement_{self.second.pk}": ""}
        return client.post(self.address, data, **meta)

    def test_the_form_opens_without_login_and_starts_no_session(self):
        response = self.client.get(self.address)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, ANONYMOUS)
        self.assertContains(response, "Vi vill veta vad du tycker om insatsen.")
        self.assertContains(
            response,
            '<legend class="label fieldset__label">1. Jag har blivit bemött med respekt.</legend>',
            html=True,
        )
        self.assertContains(response, 'type="radio"', count=2 * 5)
        self.assertContains(response, "Hoppa över", count=2 + 1)  # one per statement, and the text
        self.assertGreaterEqual(len(form_key(response.content)), 40)
        self.assertNotIn(settings.SESSION_COOKIE_NAME, response.cookies)
        self.assertIn("no-store", response["Cache-Control"])

    def test_answering_with_csrf_checks_and_no_login(self):
        client = Client(enforce_csrf_checks=True)
        page = client.get(self.address)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
        assert token is not None
        response = client.post(
            self.address,
            {
                "csrfmiddlewaretoken": token.group(1),
                "key": form_key(page.content),
                f"statement_{self.first.pk}": "3",
            },
        )
        self.assertRedirects(response, reverse("survey:thanks", args=[self.survey.token]))
        self.assertNotIn(settings.SESSION_COOKIE_NAME, response.cookies)
        self.assertEqual(
            dict(SurveyAnswer.objects.values_list("statement_id", "value")),
            {self.first.pk: 3, self.second.pk: None},
        )

    def test_answering_leads_to_thanks_and_leaves_a_cookie_that_only_says_answered(self):
        response = self.send()
        self.assertRedirects(response, reverse("survey:thanks", args=[self.survey.token]))
        cookie = response.cookies[f"enkat-{self.survey.pk}"]
        self.assertEqual(cookie.value, "besvarad")
        self.assertEqual(cookie["path"], self.address)
        self.assertEqual(cookie["samesite"], "Lax")
        self.assertTrue(cookie["httponly"])
        # Until the end of 31 March: 16 days and 14 hours from 10.00 on 15 March, less the
        # hour summer time takes that night.
        self.assertEqual(cookie["max-age"], (16 * 24 + 13) * 3600)
        self.assertNotIn(settings.SESSION_COOKIE_NAME, response.cookies)
        thanks = self.client.get(response["Location"])
        self.assertContains(thanks, "Tack för ditt svar!")
        self.assertEqual(SurveyResponse.objects.get(round=self.survey).on_paper, False)

    def test_a_visitor_who_answered_is_told_so_and_may_answer_again(self):
        self.send()
        again = self.client.get(self.address)
        self.assertContains(again, "Du har redan svarat på den här enkäten. Tack!")
        self.assertContains(again, "Svara igen (t.ex. om ni delar dator)")
        self.assertNotContains(again, 'type="radio"')
        shared = self.client.get(self.address, {"igen": "1"})
        self.assertContains(shared, 'type="radio"', count=10)
        self.send(key=form_key(shared.content))
        self.assertEqual(SurveyResponse.objects.filter(round=self.survey).count(), 2)

    def test_the_same_form_sent_twice_is_counted_once(self):
        key = form_key(self.client.get(self.address).content)
        self.send(key=key)
        second = self.send(client=Client(), key=key)
        self.assertRedirects(second, reverse("survey:thanks", args=[self.survey.token]))
        self.assertEqual(SurveyResponse.objects.filter(round=self.survey).count(), 1)
        self.assertEqual(UsedFormKey.objects.filter(round=self.survey).count(), 1)

    def test_nothing_about_the_visitor_is_stored(self):
        visitor = {
            "REMOTE_ADDR": "198.51.100.23",
            "HTTP_X_FORWARDED_FOR": "203.0.113.99",
            "HTTP_USER_AGENT": "Testläsare/7.3 (unik-agent-5521)",
            "HTTP_ACCEPT_LANGUAGE": "sv-SE",
        }
        with self.assertNoLogs(level="INFO"):
            self.send(meta=visitor)
        traces = ["198.51.100", "203.0.113", "unik-agent-5521", "Testläsare", "sv-SE"]
        rows = 0
        for model in (SurveyResponse, SurveyAnswer, UsedFormKey):
            for row in model.objects.all():
                rows += 1
                for field in model._meta.concrete_fields:
                    value = str(field.value_from_object(row))
                    for trace in traces:
                        self.assertNotIn(trace, value, f"{model.__name__}.{field.name}")
        self.assertEqual(rows, 1 + 2 + 1)

    def test_a_closed_round_says_so_without_a_form(self):
        surveys.round_close(round=self.survey, by=self.office, today=TODAY)
        response = self.client.get(self.address)
        self.assertContains(response, "Enkäten är stängd. Det går inte att svara på den längre.")
        self.assertNotContains(response, '<form method="post" class="form-wide"')
        refused = self.client.post(self.address, {"key": "x", f"statement_{self.first.pk}": "4"})
        self.assertEqual(refused.status_code, 200)
        self.assertFalse(SurveyResponse.objects.exists())

    def test_a_round_not_yet_open_says_when_it_opens(self):
        later = survey_round(
            self.association,
            self.office,
            self.built,
            opens_on=D(2024, 4, 2),
            closes_on=D(2024, 4, 30),
        )
        response = self.client.get(reverse("survey:answer", args=[later.token]))
        self.assertContains(
            response, "Enkäten har inte öppnat än. Du kan svara från och med 2 april 2024."
        )
        self.assertNotContains(response, 'type="radio"')

    def test_an_unknown_address_is_not_found(self):
        self.assertEqual(self.client.get("/enkat/finns-inte/").status_code, 404)
        self.assertEqual(self.client.get("/enkat/finns-inte/tack/").status_code, 404)

    def test_a_value_off_the_scale_shows_the_form_again(self):
        key = form_key(self.client.get(self.address).content)
        response = self.client.post(self.address, {"key": key, f"statement_{self.first.pk}": "9"})
        self.assertContains(response, "Välj ett av svaren.", status_code=400)
        self.assertFalse(SurveyResponse.objects.exists())
        empty = self.client.post(self.address, {"key": key})
        self.assertContains(empty, "Du har inte svarat på något påstående", status_code=400)

    def test_wrong_method(self):
        self.assertEqual(self.client.put(self.address).status_code, 405)
        thanks = reverse("survey:thanks", args=[self.survey.token])
        self.assertEqual(self.client.post(thanks).status_code, 405)


@time_machine.travel(at(TODAY), tick=False)
class SurveyListTests(SurveyCase):
    def test_the_kansli_sees_questionnaires_and_rounds_with_answers(self):
        answered(self.survey, (4, 3), (1, None))
        self.login(self.office)
        response = self.client.get(self.page("surveys"))
        self.assertContains(response, "Förbundets enkäter")
        self.assertContains(response, self.page("questionnaire", self.built.pk))
        self.assertContains(response, self.survey.title)
        self.assertContains(response, '<td class="numeric">2</td>', html=True)
        self.assertContains(response, "<td>Öppen</td>", html=True)
        self.assertContains(response, "Ny omgång")

    def test_the_board_reads_the_rounds_only(self):
        self.login(self.board)
        response = self.client.get(self.page("surveys"))
        self.assertContains(response, self.survey.title)
        self.assertNotContains(response, "Förbundets enkäter")
        self.assertNotContains(response, "Ny omgång")

    def test_an_insatsagare_sees_the_rounds_of_its_own_insatser(self):
        theirs = survey_round(
            self.association,
            self.office,
            self.built,
            intervention=insats(self.association, "Arbetsförmedlingen"),
        )
        whole = survey_round(self.association, self.office, self.built)
        self.login(self.applicant)
        response = self.client.get(self.page("surveys"))
        self.assertContains(response, self.survey.title)
        self.assertNotContains(response, theirs.title)
        self.assertNotContains(response, whole.title)

    def test_the_page_costs_the_same_with_more_rounds(self):
        self.login(self.office)
        self.client.get(self.page("surveys"))
        with self.assertNumQueries(4):
            self.client.get(self.page("surveys"))
        for year in (2021, 2022, 2023):
            answered(survey_round(self.association, self.office, self.built, year=year), (4, 4))
        questionnaire(self.association, self.office, name="Personal")
        with self.assertNumQueries(4):
            response = self.client.get(self.page("surveys"))
        self.assertContains(response, "hela förbundet 2021")

    def test_outsider_and_wrong_method(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.page("surveys")).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.post(self.page("surveys")).status_code, 405)


class QuestionnairePageTests(SurveyCase):
    def test_a_new_questionnaire_gets_the_default_scales_to_choose_from(self):
        SurveyRound.objects.filter(association=self.association).delete()
        Questionnaire.objects.filter(association=self.association).delete()
        Scale.objects.filter(association=self.association).delete()
        self.login(self.office)
        form = self.client.get(self.page("questionnaire_create"))
        self.assertContains(form, "Fyrgradig skala")
        self.assertContains(form, "Femgradig skala")
        scale = Scale.objects.get(association=self.association, name="Femgradig skala")
        response = self.client.post(
            self.page("questionnaire_create"),
            {"name": "Chefer 2024", "audience": "managers", "scale": scale.pk, "introduction": ""},
        )
        created = Questionnaire.objects.get(name="Chefer 2024")
        self.assertRedirects(response, self.page("questionnaire", created.pk))
        self.assertEqual(created.history.get().history_user, self.office)

    def test_a_scale_of_another_forbund_cannot_be_chosen(self):
        theirs = surveys.default_scales(self.other, by=self.outsider)[0]
        self.login(self.office)
        response = self.client.post(
            self.page("questionnaire_create"),
            {"name": "X", "audience": "staff", "scale": theirs.pk},
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Questionnaire.objects.filter(name="X").exists())

    def test_the_questionnaire_lists_its_statements_with_their_actions(self):
        answered(self.survey, (4, None))
        self.login(self.office)
        response = self.client.get(self.page("questionnaire", self.built.pk))
        self.assertContains(response, "Jag har blivit bemött med respekt.")
        self.assertContains(response, "Stämmer ganska bra")
        self.assertContains(response, "Besvarat, kan inte tas bort", count=2)
        self.assertContains(response, 'Flytta ned<span class="sr-only"> påstående 1</span>')
        self.assertContains(response, self.survey.title)

    def test_update_and_statements(self):
        self.login(self.office)
        response = self.client.post(
            self.page("questionnaire_update", self.built.pk),
            {
                "name": "Avslut",
                "audience": "end",
                "scale": self.built.scale_id,
                "introduction": "Ny text.",
            },
        )
        self.assertRedirects(response, self.page("questionnaire", self.built.pk))
        self.assertEqual(Questionnaire.objects.get(pk=self.built.pk).introduction, "Ny text.")
        self.client.post(
            self.page("statement_create", self.built.pk), {"text": "Jag vet vad jag vill göra nu."}
        )
        third = Statement.objects.get(text="Jag vet vad jag vill göra nu.")
        self.assertEqual(third.position, 3)
        response = self.client.post(
            self.page("statement_update", third.pk), {"text": "Jag vet mer nu."}
        )
        self.assertRedirects(response, self.page("questionnaire", self.built.pk))
        self.client.post(self.page("statement_action", third.pk), {"action": "up"})
        self.assertEqual(
            list(self.built.statements.values_list("text", flat=True))[1], "Jag vet mer nu."
        )
        self.client.post(self.page("statement_action", third.pk), {"action": "remove"})
        self.assertFalse(Statement.objects.filter(pk=third.pk).exists())

    def test_removing_an_answered_statement_says_why_not(self):
        answered(self.survey, (4, None))
        self.login(self.office)
        response = self.client.post(
            self.page("statement_action", self.first.pk), {"action": "remove"}, follow=True
        )
        self.assertContains(response, "har besvarats och kan inte tas bort")
        self.assertTrue(Statement.objects.filter(pk=self.first.pk).exists())

    def test_readers_may_not_build_questionnaires(self):
        self.login(self.board)
        for address in (
            self.page("questionnaire_create"),
            self.page("questionnaire", self.built.pk),
            self.page("questionnaire_update", self.built.pk),
            self.page("statement_create", self.built.pk),
            self.page("statement_update", self.first.pk),
            self.page("scales"),
        ):
            with self.subTest(address=address):
                self.assertEqual(self.client.get(address).status_code, 403)
        response = self.client.post(
            self.page("statement_action", self.first.pk), {"action": "down"}
        )
        self.assertEqual(response.status_code, 403)

    def test_outsiders_and_wrong_methods(self):
        self.login(self.outsider)
        self.assertEqual(
            self.client.get(self.page("questionnaire", self.built.pk)).status_code, 404
        )
        self.assertEqual(
            self.client.post(
                self.page("statement_action", self.first.pk), {"action": "up"}
            ).status_code,
            404,
        )
        self.login(self.office)
        mine = self.page("questionnaire", self.built.pk)
        other = questionnaire(self.other, self.outsider, name="Härnösand")
        self.assertEqual(self.client.get(self.page("questionnaire", other.pk)).status_code, 404)
        self.assertEqual(self.client.post(mine).status_code, 405)
        self.assertEqual(
            self.client.get(self.page("statement_action", self.first.pk)).status_code, 405
        )
        self.assertEqual(
            self.client.delete(self.page("statement_create", self.built.pk)).status_code, 405
        )


class ScalePageTests(SurveyCase):
    def test_the_scales_are_listed_and_a_new_one_is_typed_as_lines(self):
        self.login(self.office)
        page = self.client.get(self.page("scales"))
        self.assertContains(page, "<caption>Fyrgradig skala</caption>", html=True)
        response = self.client.post(
            self.page("scales"),
            {"name": "Tregradig", "steps": "1 Nej\n2. Delvis\n\n3 Ja, helt", "agreeing": "3"},
        )
        self.assertRedirects(response, self.page("scales"))
        scale = Scale.objects.get(association=self.association, name="Tregradig")
        self.assertEqual(
            [(s.value, s.label, s.agrees) for s in scale.steps.all()],
            [(1, "Nej", False), (2, "Delvis", False), (3, "Ja, helt", True)],
        )

    def test_lines_and_agreeing_values_are_checked(self):
        self.login(self.office)
        response = self.client.post(
            self.page("scales"), {"name": "Fel", "steps": "Nej\n2 Ja", "agreeing": "2"}
        )
        self.assertContains(response, "Rad 1 ska börja med stegets värde", status_code=400)
        response = self.client.post(
            self.page("scales"), {"name": "Fel", "steps": "1 Nej\n2 Ja", "agreeing": "5"}
        )
        self.assertContains(response, "Det finns inget steg med värdet 5.", status_code=400)
        response = self.client.post(
            self.page("scales"), {"name": "Fel", "steps": "1 Nej", "agreeing": "1"}
        )
        self.assertContains(response, "minst två steg", status_code=400)
        self.assertFalse(Scale.objects.filter(name="Fel").exists())

    def test_outsider_and_wrong_method(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.page("scales")).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.put(self.page("scales")).status_code, 405)


@time_machine.travel(at(TODAY), tick=False)
class RoundPageTests(SurveyCase):
    def test_a_new_round_starts_from_the_questionnaire(self):
        self.login(self.office)
        form = self.client.get(self.page("round_create"), {"enkat": self.built.pk})
        self.assertContains(form, f'<option value="{self.built.pk}" selected>')
        self.assertContains(form, "Hela förbundet")
        self.assertContains(form, 'value="2024-03-15"')
        response = self.client.post(
            self.page("round_create"),
            {
                "questionnaire": self.built.pk,
                "intervention": "",
                "year": "2024",
                "title": "Styrelsen 2024",
                "opens_on": "2024-03-15",
                "closes_on": "2024-04-15",
                "expected_respondents": "12",
            },
        )
        created = SurveyRound.objects.get(title="Styrelsen 2024")
        self.assertRedirects(response, self.page("round", created.pk))
        self.assertIsNone(created.intervention)

    def test_a_round_must_not_end_before_it_opens(self):
        self.login(self.office)
        response = self.client.post(
            self.page("round_create"),
            {
                "questionnaire": self.built.pk,
                "year": "2024",
                "opens_on": "2024-03-15",
                "closes_on": "2024-03-01",
            },
        )
        self.assertContains(response, "Sista svarsdagen kan inte vara före", status_code=400)

    def test_the_kansli_sees_link_qr_code_and_every_figure(self):
        answered(self.survey, (4, 3), (1, None))
        answered(self.survey, (3, 3), on_paper=True)
        self.login(self.office)
        response = self.client.get(self.page("round", self.survey.pk))
        link = f"http://testserver/enkat/{self.survey.token}/"
        self.assertContains(response, f'<a class="anchor" href="{link}">{link}</a>', html=True)
        self.assertContains(response, 'src="data:image/svg+xml')
        self.assertContains(
            response, f'alt="QR-kod till enkäten {self.survey.title}. Den leder till {link}"'
        )
        self.assertContains(response, "3, varav 1 från papper")
        self.assertContains(response, "Stäng omgången")
        self.assertContains(response, self.page("round_paper", self.survey.pk))
        # First statement: 1, 0, 1, 1 of three answers; two agree.
        self.assertContains(response, '<td class="numeric">67\xa0%</td>', html=True)
        self.assertContains(response, '<td class="numeric">1 (33\xa0%)</td>', html=True, count=3)
        self.assertContains(response, '<td class="numeric">100\xa0%</td>', html=True)

    def test_the_board_sees_results_per_insats_and_year_not_per_round(self):
        answered(self.survey, (4, 3), (1, None))
        self.login(self.board)
        response = self.client.get(self.page("round", self.survey.pk))
        self.assertContains(response, "Resultaten visas per insats och år, inte per omgång")
        self.assertNotContains(response, "Andel som instämmer")
        results = self.client.get(
            self.page("survey_results"),
            {"ar": str(self.survey.year), "insats": str(self.survey.intervention_id)},
        )
        self.assertContains(results, "För få svar")
        self.assertNotContains(response, "Stäng omgången")
        self.assertNotContains(response, self.page("round_paper", self.survey.pk))

    def test_the_board_sees_small_counts_hidden(self):
        answered(self.survey, *[(4, 4)] * 5, (1, 4))
        self.login(self.board)
        response = self.client.get(
            self.page("survey_results"),
            {"ar": str(self.survey.year), "insats": str(self.survey.intervention_id)},
        )
        self.assertContains(response, "Andel som instämmer")
        self.assertContains(response, '<td class="numeric">83\xa0%</td>', html=True)
        self.assertContains(response, '–<span class="sr-only"> dolt</span>', count=4)
        self.assertContains(response, '<td class="numeric">6 (100\xa0%)</td>', html=True)
        self.assertContains(response, "Ett streck (–) betyder att talet är dolt")
        # The kansli sees the 1 and the 5.
        self.login(self.office)
        response = self.client.get(self.page("round", self.survey.pk))
        self.assertContains(response, '<td class="numeric">1 (17\xa0%)</td>', html=True)
        self.assertContains(response, '<td class="numeric">5 (83\xa0%)</td>', html=True)

    def test_an_insatsagare_sees_the_rounds_of_its_own_insatser_only(self):
        theirs = survey_round(
            self.association,
            self.office,
            self.built,
            intervention=insats(self.association, "Arbetsförmedlingen"),
        )
        self.login(self.applicant)
        self.assertContains(self.client.get(self.page("round", self.survey.pk)), self.survey.title)
        self.assertEqual(self.client.get(self.page("round", theirs.pk)).status_code, 404)
        self.assertEqual(self.client.get(self.page("round_qr", theirs.pk)).status_code, 404)

    def test_the_poster_has_the_qr_code_and_the_address(self):
        self.login(self.applicant)
        response = self.client.get(self.page("round", self.survey.pk), {"affisch": "1"})
        self.assertContains(response, "Vad tycker du?")
        self.assertContains(response, f"http://testserver/enkat/{self.survey.token}/", count=2)
        self.assertContains(response, "/static/core/poster.css")  # prints only the poster

    def test_the_qr_code_as_svg(self):
        self.login(self.board)
        response = self.client.get(self.page("round_qr", self.survey.pk))
        self.assertEqual(response["Content-Type"], "image/svg+xml")
        self.assertIn(f'filename="enkat-{self.survey.pk}-qr.svg"', response["Content-Disposition"])
        svg = response.content.decode()
        self.assertTrue(svg.startswith("<svg"))
        self.assertIn(f"<title>QR-kod till enkäten {self.survey.title}</title>", svg)

    def test_closing_the_round(self):
        self.login(self.office)
        response = self.client.post(self.page("round_close", self.survey.pk), follow=True)
        self.assertContains(response, "Omgången är stängd.")
        self.assertContains(
            response, '<dd class="definition-list__definition">Stängd</dd>', html=True
        )
        self.assertEqual(SurveyRound.objects.get(pk=self.survey.pk).closes_on, D(2024, 3, 14))

    def test_paper_sheets_are_typed_in_one_at_a_time(self):
        self.login(self.office)
        page = self.client.get(self.page("round_paper", self.survey.pk))
        self.assertContains(page, "Spara och nästa")
        self.assertContains(page, "Inget svar", count=2 + 1)  # per statement, and the text
        data = {
            "key": form_key(page.content),
            f"statement_{self.first.pk}": "2",
            f"statement_{self.second.pk}": "",
        }
        response = self.client.post(self.page("round_paper", self.survey.pk), data)
        self.assertRedirects(response, self.page("round_paper", self.survey.pk))
        again = self.client.post(self.page("round_paper", self.survey.pk), data, follow=True)
        self.assertContains(again, "Det svaret var redan sparat.")
        self.assertContains(again, "Inskrivna pappersenkäter hittills: 1.")
        sheet = SurveyResponse.objects.get(round=self.survey)
        self.assertTrue(sheet.on_paper)
        self.assertEqual(sheet.answers.get(statement=self.first).value, 2)

    def test_readers_may_not_run_the_round(self):
        self.login(self.board)
        self.assertEqual(self.client.get(self.page("round_create")).status_code, 403)
        self.assertEqual(self.client.get(self.page("round_paper", self.survey.pk)).status_code, 403)
        self.assertEqual(
            self.client.post(self.page("round_close", self.survey.pk)).status_code, 403
        )
        self.login(self.applicant)
        self.assertEqual(
            self.client.post(self.page("round_close", self.survey.pk)).status_code, 403
        )

    def test_outsiders_and_wrong_methods(self):
        self.login(self.outsider)
        for name in ("round", "round_qr", "round_paper"):
            with self.subTest(name=name):
                self.assertEqual(self.client.get(self.page(name, self.survey.pk)).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.post(self.page("round", self.survey.pk)).status_code, 405)
        self.assertEqual(self.client.post(self.page("round_qr", self.survey.pk)).status_code, 405)
        self.assertEqual(self.client.get(self.page("round_close", self.survey.pk)).status_code, 405)
        self.assertEqual(self.client.put(self.page("round_paper", self.survey.pk)).status_code, 405)


@time_machine.travel(at(TODAY), tick=False)
class ResultsPageTests(SurveyCase):
    def setUp(self):
        super().setUp()
        answered(self.survey, *[(4, 3)] * 4, (2, 2))
        self.theirs = survey_round(
            self.association,
            self.office,
            self.built,
            intervention=insats(self.association, "Arbetsförmedlingen"),
        )
        answered(self.theirs, *[(1, 4)] * 5)
        answered(survey_round(self.association, self.office, self.built, year=2023), (4, 4))

    def test_the_kansli_sees_every_round_of_the_year_together(self):
        self.login(self.office)
        response = self.client.get(self.page("survey_results"))
        self.assertContains(response, "Resultat av indikatorenkäter 2024")
        self.assertContains(response, "2 omgångar, 10 svarande")
        self.assertContains(response, '<td class="numeric">10</td>', html=True, count=2)
        self.assertContains(response, '<td class="numeric">40\xa0%</td>', html=True)  # 4 of 10

    def test_filters_by_insats_and_year(self):
        self.login(self.office)
        own = insats(self.association)
        response = self.client.get(
            self.page("survey_results"), {"ar": "2024", "insats": str(own.pk)}
        )
        self.assertContains(response, "1 omgång, 5 svarande")
        self.assertContains(response, '<td class="numeric">80\xa0%</td>', html=True)
        earlier = self.client.get(self.page("survey_results"), {"ar": "2023"})
        self.assertContains(earlier, "1 omgång, 1 svarande")
        unknown = self.client.get(self.page("survey_results"), {"ar": "1999"})
        self.assertContains(unknown, "Resultat av indikatorenkäter 2024")

    def test_an_insatsagare_sees_its_own_insatser_with_small_counts_hidden(self):
        self.login(self.applicant)
        response = self.client.get(self.page("survey_results"))
        self.assertContains(response, "1 omgång, 5 svarande")
        self.assertContains(response, '<td class="numeric">80\xa0%</td>', html=True)
        self.assertContains(response, '–<span class="sr-only"> dolt</span>')
        self.assertNotContains(response, "Arbetsförmedlare på Arbetsmarknadstorget")

    def test_the_board_sees_too_few_answers_hidden(self):
        self.login(self.board)
        response = self.client.get(self.page("survey_results"), {"ar": "2023"})
        self.assertContains(response, "För få svar för att visa resultat (färre än 5)")
        self.assertNotContains(response, "1 svarande")

    def test_the_page_costs_the_same_with_more_questionnaires_and_rounds(self):
        self.login(self.office)
        self.client.get(self.page("survey_results"))
        with self.assertNumQueries(9):
            self.client.get(self.page("survey_results"))
        other = questionnaire(self.association, self.office, "Tydligt?", name="Personal")
        answered(survey_round(self.association, self.office, other), (4,), (3,))
        answered(survey_round(self.association, self.office, self.built), (4, 4))
        with self.assertNumQueries(9):
            response = self.client.get(self.page("survey_results"))
        self.assertContains(response, "Tydligt?")

    def test_outsider_and_wrong_method(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.page("survey_results")).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.post(self.page("survey_results")).status_code, 405)
