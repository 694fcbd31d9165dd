"""Insatskatalogen: the public search and page of an insats, and the kansli's entry.

Only current insatser are public: published, granted (a start date), not slutreglerade and
not ended before today. Everything is found regardless of case, å, ä and ö included, and
listed in Swedish order.
"""

import datetime
import html
import re
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django import forms
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import SimpleTestCase
from django.urls import reverse

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.tests.base import SamordnaTestCase
from samordna.interventions import catalogue, services
from samordna.interventions.catalogue import CatalogueFilters
from samordna.interventions.models import CatalogueEntry, Direction, Intervention, TargetGroup
from samordna.interventions.services import grants
from samordna.interventions.tests.helpers import D, granted
from samordna.interventions.widgets import QuickSelect

SEARCH = reverse("catalogue:search")
MIDSUMMER = D(2023, 6, 15)  # "today" in most tests: the 2023 insatser run
NEW_YEAR_2023 = D(2023, 1, 1)
NEW_YEARS_EVE_2023 = D(2023, 12, 31)


def on(day: datetime.date) -> time_machine.travel:
    """Today is `day`, at noon in Sweden."""
    noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=ZoneInfo("Europe/Stockholm"))
    return time_machine.travel(noon, tick=False)


def detail_url(intervention: Intervention) -> str:
    return reverse("catalogue:detail", args=[intervention.pk])


def entry_fields(**overrides: Any) -> dict[str, Any]:
    """What the kansli writes about an insats, on the words of the demo applications."""
    fields = {
        "published": True,
        "what": "Arbetsträning med stöd av en arbetskonsulent.",
        "for_whom": "Unga vuxna med aktivitetsersättning.",
        "where": "Norrmalmsgatan 4, Sundsvall",
        "referral": "Via handläggare på Försäkringskassan eller Arbetsförmedlingen.",
        "contact_name": "Denise Wallén",
        "contact_phone": "060-19 22 79",
        "contact_email": "denise.wallen@sundsvall.se",
    }
    fields.update(overrides)
    return fields


def register(
    association: Association,
    by: User,
    name: str,
    *,
    owner: str = "",
    direction: str = Direction.INDIVIDUAL,
    starts_on: datetime.date | None = NEW_YEAR_2023,
    ends_on: datetime.date | None = NEW_YEARS_EVE_2023,
) -> Intervention:
    """An insats the kansli registers with its period (as one granted before Samordna)."""
    kommun = association.members.filter(kind="kommun").order_by("name").first()
    assert kommun is not None
    return services.intervention_register(
        association=association,
        by=by,
        name=name,
        owner=association.members.get(name=owner) if owner else kommun,
        owner_unit="Arbetsmarknadsavdelningen",
        direction=direction,
        starts_on=starts_on,
        ends_on=ends_on,
    )


def publish(
    intervention: Intervention,
    by: User,
    *,
    target_groups: Sequence[str] = (),
    kommuner: Sequence[str] = (),
    **fields: Any,
) -> CatalogueEntry:
    """The kansli's entry for the insats, through the service the edit page calls."""
    association = intervention.association
    return services.catalogue_save(
        intervention=intervention,
        by=by,
        target_groups=list(TargetGroup.objects.filter(code__in=target_groups)),
        municipalities=[association.members.get(name=name) for name in kommuner],
        **entry_fields(**fields),
    )


def listed_names(response: Any) -> list[str]:
    """The insatser a search page lists, in the order shown."""
    return [
        html.unescape(name)
        for name in re.findall(
            r'<h2 class="heading--h2" id="insats-\d+"><a [^>]*>([^<]+)<span',
            response.content.decode(),
        )
    ]


class CatalogueTestCase(SamordnaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # The demo publishes insatser of its own; these tests start from an empty catalogue.
        for entry in CatalogueEntry.objects.filter(published=True).select_related("intervention"):
            services.catalogue_save(
                intervention=entry.intervention,
                by=cls.office,
                target_groups=list(entry.target_groups.all()),
                municipalities=list(entry.municipalities.all()),
                published=False,
            )

    def publish_in_sundsvall(self, name: str, **kwargs: Any) -> Intervention:
        register_args = {
            key: kwargs.pop(key)
            for key in ("owner", "direction", "starts_on", "ends_on")
            if key in kwargs
        }
        intervention = register(self.association, self.office, name, **register_args)
        kwargs.setdefault("kommuner", ["Sundsvalls kommun"])
        publish(intervention, self.office, **kwargs)
        return intervention

    def publish_in_harnosand_timra(self, name: str, **kwargs: Any) -> Intervention:
        register_args = {
            key: kwargs.pop(key) for key in ("owner", "direction", "ends_on") if key in kwargs
        }
        intervention = register(self.other, self.outsider, name, **register_args)
        kwargs.setdefault("kommuner", ["Härnösands kommun", "Timrå kommun"])
        kwargs.setdefault("where", "Nybrogatan 3, Härnösand")
        publish(intervention, self.outsider, **kwargs)
        return intervention

    def search(self, day: datetime.date = MIDSUMMER, **params: Any) -> Any:
        with on(day):
            response = self.client.get(SEARCH, params)
        self.assertEqual(response.status_code, 200)
        return response


class CatalogueVisibilityTests(CatalogueTestCase):
    def test_anyone_without_login_finds_a_published_granted_insats(self):
        decision = granted(self.association, self.office, self.applicant)
        intervention = decision.application.intervention
        assert intervention is not None
        publish(
            intervention,
            self.office,
            target_groups=["unga-vuxna"],
            kommuner=["Sundsvalls kommun"],
        )
        response = self.search()
        self.assertContains(response, '<h1 class="heading--h1">Insatskatalogen</h1>', html=True)
        self.assertContains(response, "1 insats")
        self.assertEqual(listed_names(response), ["Arbetsträning i samverkan"])
        self.assertContains(response, detail_url(intervention))
        self.assertContains(response, "Samordningsförbundet i Sundsvall")
        self.assertContains(response, "Unga vuxna 16–29 år")
        self.assertContains(response, "Individinriktad")
        with on(MIDSUMMER):
            page = self.client.get(detail_url(intervention))
        self.assertContains(page, '<h1 class="heading--h1">Arbetsträning i samverkan</h1>')
        self.assertContains(page, "1 januari 2023 – 31 december 2023")

    def test_unpublished_closed_ungranted_and_other_förbunds_unpublished_are_hidden(self):
        shown = self.publish_in_sundsvall("Synlig insats")
        unpublished = self.publish_in_sundsvall("Opublicerad insats", published=False)
        closed = self.publish_in_sundsvall("Slutreglerad insats")
        with on(MIDSUMMER):
            grants.intervention_close(
                intervention=closed, by=self.office, closed_on=D(2023, 6, 1), note="Avbruten."
            )
        not_granted = self.publish_in_sundsvall("Ej beviljad insats", starts_on=None)
        theirs = self.publish_in_harnosand_timra("Härnösands opublicerade", published=False)
        response = self.search()
        self.assertEqual(listed_names(response), ["Synlig insats"])
        with on(MIDSUMMER):
            self.assertEqual(self.client.get(detail_url(shown)).status_code, 200)
            for hidden in (unpublished, closed, not_granted, theirs):
                with self.subTest(hidden.name):
                    self.assertEqual(self.client.get(detail_url(hidden)).status_code, 404)
                    self.assertNotContains(response, hidden.name)

    def test_an_insats_that_ended_yesterday_disappears_and_one_without_end_stays(self):
        ended = self.publish_in_sundsvall("Slutade i går", ends_on=D(2023, 6, 14))
        today = self.publish_in_sundsvall("Slutar i dag", ends_on=MIDSUMMER)
        open_ended = self.publish_in_sundsvall("Tills vidare", ends_on=None)
        response = self.search()
        self.assertEqual(listed_names(response), ["Slutar i dag", "Tills vidare"])
        with on(MIDSUMMER):
            self.assertEqual(self.client.get(detail_url(ended)).status_code, 404)
            self.assertEqual(self.client.get(detail_url(today)).status_code, 200)
            page = self.client.get(detail_url(open_ended))
        self.assertContains(page, "Från 1 januari 2023, tills vidare")
        # Years later the insats without an end date is still there.
        self.assertEqual(listed_names(self.search(D(2030, 1, 1))), ["Tills vidare"])

    def test_a_granted_insats_about_to_start_is_listed(self):
        self.publish_in_sundsvall("Börjar i höst", starts_on=D(2023, 9, 1))
        self.assertEqual(listed_names(self.search()), ["Börjar i höst"])

    def test_another_förbunds_published_insats_is_public_too(self):
        self.publish_in_harnosand_timra("Steget vidare")
        response = self.search()
        self.assertEqual(listed_names(response), ["Steget vidare"])
        self.assertContains(response, "Samordningsförbundet Härnösand–Timrå")
        self.assertContains(response, "Härnösands kommun, Timrå kommun")

    def test_the_catalogue_and_its_pages_are_only_read(self):
        intervention = self.publish_in_sundsvall("Synlig insats")
        with on(MIDSUMMER):
            self.assertEqual(self.client.post(SEARCH).status_code, 405)
            self.assertEqual(self.client.post(detail_url(intervention)).status_code, 405)

    def test_an_empty_catalogue_says_so(self):
        response = self.search()
        self.assertContains(response, "Det finns inga insatser i katalogen just nu.")
        self.assertNotContains(response, "Inga insatser matchar")


class CatalogueSearchTests(CatalogueTestCase):
    def test_free_text_ignores_case_of_å_ä_ö(self):
        self.publish_in_sundsvall("Jobbspåret", where="Östersundsgatan 3, Sundsvall")
        self.publish_in_sundsvall("Arbetsträning i samverkan")
        for q in ("öst", "ÖST", "Öst", "ÖSTERSUNDSGATAN", "jobbspåret", "SPÅRET"):
            with self.subTest(q=q):
                self.assertEqual(listed_names(self.search(q=q)), ["Jobbspåret"])

    def test_free_text_finds_the_place_of_the_insats_in_lower_case(self):
        self.publish_in_sundsvall("Jobbspåret", where="Arbetsmarknadstorget, Sundsvall")
        self.publish_in_sundsvall("Arbetsträning i samverkan")
        response = self.search(q="arbetsmarknadstorget")
        self.assertEqual(listed_names(response), ["Jobbspåret"])
        self.assertContains(response, "1 insats")

    def test_every_word_must_match(self):
        self.publish_in_sundsvall("Jobbspåret", for_whom="Unga vuxna i Sundsvall.")
        self.publish_in_sundsvall("Föräldrastöd", for_whom="Föräldrar i Sundsvall.")
        self.assertEqual(listed_names(self.search(q="unga sundsvall")), ["Jobbspåret"])
        self.assertEqual(listed_names(self.search(q="  FÖRÄLDRAR   sundsvall ")), ["Föräldrastöd"])
        response = self.search(q="unga föräldrar")
        self.assertEqual(listed_names(response), [])
        self.assertContains(
            response,
            "Inga insatser matchar sökningen. Prova färre ord eller ta bort ett filter.",
        )

    def test_search_for_a_target_group_or_kommun_by_name(self):
        self.publish_in_sundsvall("Jobbspåret", target_groups=["nyanlanda"])
        self.publish_in_harnosand_timra("Steget vidare")
        self.assertEqual(listed_names(self.search(q="nyanlända")), ["Jobbspåret"])
        self.assertEqual(listed_names(self.search(q="timrå")), ["Steget vidare"])

    def test_filter_by_kommun(self):
        self.publish_in_sundsvall("Jobbspåret")
        self.publish_in_harnosand_timra("Steget vidare")
        self.publish_in_harnosand_timra("Timråspåret", kommuner=["Timrå kommun"])
        response = self.search(kommun="Timrå kommun")
        self.assertEqual(listed_names(response), ["Steget vidare", "Timråspåret"])
        self.assertContains(response, "2 insatser")
        self.assertContains(response, '<option value="Timrå kommun" selected>', html=False)
        self.assertEqual(listed_names(self.search(kommun="Sundsvalls kommun")), ["Jobbspåret"])

    def test_filter_by_target_group(self):
        self.publish_in_sundsvall("Jobbspåret", target_groups=["unga-vuxna", "nyanlanda"])
        self.publish_in_sundsvall("Föräldrastöd", target_groups=["forraldrar"])
        self.publish_in_harnosand_timra("Steget vidare", target_groups=["unga-vuxna"])
        self.assertEqual(
            listed_names(self.search(malgrupp="unga-vuxna")), ["Jobbspåret", "Steget vidare"]
        )
        self.assertEqual(listed_names(self.search(malgrupp="forraldrar")), ["Föräldrastöd"])

    def test_filter_by_direction(self):
        self.publish_in_sundsvall("Jobbspåret")
        self.publish_in_sundsvall("Samverkansforum", direction=Direction.STRUCTURAL)
        response = self.search(inriktning="structural")
        self.assertEqual(listed_names(response), ["Samverkansforum"])
        self.assertContains(response, "Strukturövergripande")
        self.assertEqual(listed_names(self.search(inriktning="individual")), ["Jobbspåret"])

    def test_filter_by_förbund_offers_only_förbund_with_current_insatser(self):
        self.publish_in_sundsvall("Jobbspåret")
        self.publish_in_harnosand_timra("Opublicerad", published=False)
        response = self.search()
        self.assertContains(response, '<option value="sundsvall">Samordningsförbundet i Sundsvall')
        self.assertNotContains(response, 'value="harnosand-timra"')
        self.publish_in_harnosand_timra("Steget vidare")
        self.assertEqual(listed_names(self.search(forbund="harnosand-timra")), ["Steget vidare"])
        self.assertEqual(listed_names(self.search(forbund="sundsvall")), ["Jobbspåret"])

    def test_filters_combine_with_free_text(self):
        self.publish_in_sundsvall("Jobbspåret", target_groups=["unga-vuxna"])
        self.publish_in_harnosand_timra("Steget vidare", target_groups=["unga-vuxna"])
        self.publish_in_harnosand_timra("Unga i Timrå", kommuner=["Timrå kommun"])
        response = self.search(q="unga", kommun="Timrå kommun", malgrupp="unga-vuxna")
        self.assertEqual(listed_names(response), ["Steget vidare"])

    def test_unknown_filter_values_are_ignored(self):
        self.publish_in_sundsvall("Jobbspåret")
        self.publish_in_harnosand_timra("Steget vidare")
        response = self.search(
            kommun="Östersunds kommun",
            malgrupp="finns-inte",
            inriktning="'; DROP TABLE",
            forbund="<script>",
            sida="tre",
        )
        self.assertEqual(listed_names(response), ["Jobbspåret", "Steget vidare"])
        self.assertNotContains(response, "<script>")
        self.assertNotContains(response, "selected")

    def test_a_very_long_text_is_cut_not_refused(self):
        self.publish_in_sundsvall("Jobbspåret")
        response = self.search(q="jobbspåret " + "x" * 5000)
        self.assertContains(response, "Inga insatser matchar")
        self.assertEqual(listed_names(self.search(q="jobbspåret " * 50)), ["Jobbspåret"])

    def test_insatser_are_listed_in_swedish_order(self):
        for name in ("Ödevata", "Zeta", "Ärlig väg", "alfa", "Åter i arbete", "Beta"):
            self.publish_in_sundsvall(name)
        self.assertEqual(
            listed_names(self.search()),
            ["alfa", "Beta", "Zeta", "Åter i arbete", "Ärlig väg", "Ödevata"],
        )

    def test_the_list_shows_a_short_what_and_the_page_all_of_it(self):
        long_what = " ".join(f"ord{n}" for n in range(1, 61))
        intervention = self.publish_in_sundsvall("Jobbspåret", what=long_what)
        response = self.search()
        self.assertContains(response, "ord40 …")
        self.assertNotContains(response, "ord41")
        with on(MIDSUMMER):
            page = self.client.get(detail_url(intervention))
        self.assertContains(page, "ord60")


class CataloguePaginationTests(CatalogueTestCase):
    def test_pages_of_twenty_keep_the_filters(self):
        for n in range(1, 26):
            self.publish_in_sundsvall(f"Forum {n:02}", direction=Direction.STRUCTURAL)
        self.publish_in_sundsvall("Jobbspåret")
        first = self.search(inriktning="structural")
        self.assertContains(first, "25 insatser")
        self.assertEqual(listed_names(first), [f"Forum {n:02}" for n in range(1, 21)])
        self.assertContains(first, "Sida 1 av 2")
        next_href = re.search(r'href="([^"]*)">Nästa sida', first.content.decode())
        assert next_href is not None
        link = html.unescape(next_href.group(1))
        self.assertIn("inriktning=structural", link)
        self.assertIn("sida=2", link)
        with on(MIDSUMMER):
            second = self.client.get(SEARCH + link)
        self.assertEqual(listed_names(second), [f"Forum {n:02}" for n in range(21, 26)])
        self.assertContains(second, "Föregående sida")
        self.assertNotContains(second, "Nästa sida")
        previous = re.search(r'href="([^"]*)">Föregående sida', second.content.decode())
        assert previous is not None
        self.assertIn("inriktning=structural", html.unescape(previous.group(1)))

    def test_a_page_number_past_the_end_gives_the_last_page(self):
        for n in range(1, 22):
            self.publish_in_sundsvall(f"Forum {n:02}")
        self.assertEqual(listed_names(self.search(sida="99")), ["Forum 21"])

    def test_the_query_count_does_not_grow_with_the_number_of_insatser(self):
        for n in range(1, 4):
            self.publish_in_sundsvall(f"Forum {n:02}", target_groups=["unga-vuxna"])
        # Built anew: the national version, then the choices, the count, the page and its
        # kommuner and target groups.
        with on(MIDSUMMER), self.assertNumQueries(5):
            response = self.client.get(SEARCH, {"q": "forum"})
        self.assertEqual(len(listed_names(response)), 3)
        with on(MIDSUMMER), self.assertNumQueries(1):  # kept: the national version only
            self.client.get(SEARCH, {"q": "forum"})
        for n in range(4, 26):
            self.publish_in_harnosand_timra(f"Forum {n:02}", target_groups=["personal"])
        with on(MIDSUMMER), self.assertNumQueries(5):
            response = self.client.get(SEARCH, {"q": "forum"})
        self.assertEqual(len(listed_names(response)), 20)
        self.assertContains(response, "25 insatser")


class CatalogueKeptTests(CatalogueTestCase):
    """The search page is kept nationally (`shared_nationally`) under every förbund's
    version, the day and the address: a change in any förbund shows at once."""

    def test_a_newly_published_entry_shows_in_the_kept_catalogue(self):
        self.publish_in_sundsvall("Första insatsen")
        self.assertEqual(listed_names(self.search()), ["Första insatsen"])
        self.publish_in_harnosand_timra("Andra insatsen")  # another förbund's change
        response = self.search()
        self.assertEqual(listed_names(response), ["Andra insatsen", "Första insatsen"])
        self.assertContains(response, "2 insatser")
        self.assertContains(response, '<option value="harnosand-timra">')

    def test_an_entry_taken_out_of_the_catalogue_leaves_the_kept_page(self):
        intervention = self.publish_in_sundsvall("Tillfällig insats")
        self.assertEqual(listed_names(self.search(q="tillfällig")), ["Tillfällig insats"])
        publish(intervention, self.office, published=False)
        self.assertEqual(listed_names(self.search(q="tillfällig")), [])

    def test_a_renamed_förbund_shows_its_new_name(self):
        self.publish_in_sundsvall("Jobbspåret")
        self.assertContains(self.search(), "Samordningsförbundet i Sundsvall")
        self.association.name = "Finsam Sundsvall"
        self.association.save()
        self.assertContains(self.search(), "Finsam Sundsvall")

    def test_each_address_and_day_is_kept_apart(self):
        self.publish_in_sundsvall("Jobbspåret", ends_on=MIDSUMMER)
        self.publish_in_sundsvall("Studiespåret", ends_on=None)
        self.assertEqual(listed_names(self.search(q="jobb")), ["Jobbspåret"])
        self.assertEqual(listed_names(self.search(q="studie")), ["Studiespåret"])
        # Ten minutes apart, so that the kept part has not expired by the clock.
        before_midnight = datetime.datetime(
            2023, 6, 15, 23, 55, tzinfo=ZoneInfo("Europe/Stockholm")
        )
        with time_machine.travel(before_midnight, tick=False):
            response = self.client.get(SEARCH)
        self.assertEqual(listed_names(response), ["Jobbspåret", "Studiespåret"])
        after_midnight = before_midnight + datetime.timedelta(minutes=10)
        with time_machine.travel(after_midnight, tick=False):
            response = self.client.get(SEARCH)
        self.assertEqual(listed_names(response), ["Studiespåret"])


class CatalogueDetailTests(CatalogueTestCase):
    def test_the_page_shows_what_for_whom_where_referral_and_contact(self):
        intervention = self.publish_in_sundsvall(
            "Jobbspåret",
            target_groups=["unga-vuxna", "funktionsnedsattning"],
            referral="Kontakta Arbetsmarknadstorget direkt.",
        )
        with on(MIDSUMMER), self.assertNumQueries(3):
            response = self.client.get(detail_url(intervention))
        for text in (
            '<h1 class="heading--h1">Jobbspåret</h1>',
            "Samordningsförbundet i Sundsvall",
            "Sundsvalls kommun, Arbetsmarknadsavdelningen",
            "Individinriktad",
            "1 januari 2023 – 31 december 2023",
            "Vad insatsen erbjuder",
            "Arbetsträning med stöd av en arbetskonsulent.",
            "För vem",
            "Unga vuxna med aktivitetsersättning.",
            "Norrmalmsgatan 4, Sundsvall",
            "Så kommer du till insatsen",
            "Kontakta Arbetsmarknadstorget direkt.",
            "Denise Wallén",
            "060-19 22 79",
            'href="mailto:denise.wallen@sundsvall.se"',
            "Unga vuxna 16–29 år, Personer med funktionsnedsättning",
            f'href="{SEARCH}"',
        ):
            with self.subTest(text=text):
                self.assertContains(response, text)

    def test_an_insats_that_does_not_exist_is_404(self):
        with on(MIDSUMMER):
            self.assertEqual(
                self.client.get(reverse("catalogue:detail", args=[0])).status_code, 404
            )

    def test_the_home_page_links_to_the_catalogue(self):
        response = self.client.get(reverse("home"))
        self.assertContains(response, f'href="{SEARCH}"')
        self.assertContains(response, "Insatskatalogen – sök insatser")


class CatalogueEditTests(CatalogueTestCase):
    def setUp(self):
        decision = granted(self.association, self.office, self.applicant)
        intervention = decision.application.intervention
        assert intervention is not None
        self.intervention = intervention
        self.edit = reverse("interventions:catalogue_edit", args=["sundsvall", intervention.pk])
        self.sundsvall = self.association.members.get(name="Sundsvalls kommun")

    def post_data(self, **overrides: Any) -> dict[str, Any]:
        data = entry_fields(
            published="on",
            target_groups=[TargetGroup.objects.get(code="unga-vuxna").pk],
            municipalities=[self.sundsvall.pk],
        )
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    def test_a_new_entry_is_prefilled_from_the_latest_application(self):
        self.login(self.office)
        response = self.client.get(self.edit)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Insatskatalogen: Arbetsträning i samverkan</h1>")
        self.assertContains(response, "Arbetsträning med stöd av arbetskonsulent.</textarea>")
        self.assertContains(response, "Unga vuxna med aktivitetsersättning.</textarea>")
        self.assertContains(response, 'value="denise.wallen@sundsvall.se"')
        self.assertContains(response, "Texterna är hämtade från den senaste ansökan.")
        # Only the förbund's own kommun is offered.
        self.assertContains(response, "Sundsvalls kommun</label>")
        self.assertNotContains(response, "Timrå kommun")
        self.assertNotContains(response, "Försäkringskassan</label>")

    def test_the_kansli_publishes_the_insats(self):
        self.login(self.office)
        with on(MIDSUMMER):
            response = self.client.post(self.edit, self.post_data())
        self.assertRedirects(
            response,
            reverse("interventions:detail", args=["sundsvall", self.intervention.pk]),
            fetch_redirect_response=False,
        )
        self.assertEqual(
            [str(m) for m in get_messages(response.wsgi_request)],
            ["Insatsen är publicerad i insatskatalogen."],
        )
        entry = CatalogueEntry.objects.get(intervention=self.intervention)
        self.assertTrue(entry.published)
        self.assertEqual(list(entry.municipalities.all()), [self.sundsvall])
        self.assertEqual([g.code for g in entry.target_groups.all()], ["unga-vuxna"])
        self.assertEqual(entry.history.latest().history_user, self.office)
        self.client.logout()
        self.assertEqual(listed_names(self.search(q="denise")), ["Arbetsträning i samverkan"])

    def test_an_entry_saved_unpublished_stays_out_of_the_catalogue(self):
        self.login(self.office)
        response = self.client.post(self.edit, self.post_data(published=None))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            [str(m) for m in get_messages(response.wsgi_request)],
            ["Insatsen är sparad men inte publicerad i insatskatalogen."],
        )
        self.assertFalse(CatalogueEntry.objects.get(intervention=self.intervention).published)
        self.assertEqual(listed_names(self.search()), [])

    def test_an_existing_entry_is_edited_not_prefilled_again(self):
        publish(self.intervention, self.office, what="Egen text från kansliet.")
        self.login(self.office)
        response = self.client.get(self.edit)
        self.assertContains(response, "Egen text från kansliet.</textarea>")
        self.assertNotContains(response, "Texterna är hämtade från den senaste ansökan.")
        self.client.post(self.edit, self.post_data(what="Ny text."))
        self.assertEqual(
            CatalogueEntry.objects.get(intervention=self.intervention).what, "Ny text."
        )

    def test_a_missing_text_is_shown_at_its_field(self):
        self.login(self.office)
        response = self.client.post(self.edit, self.post_data(referral=""))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Formuläret innehåller fel", status_code=400)
        self.assertFalse(CatalogueEntry.objects.filter(intervention=self.intervention).exists())

    def test_a_kommun_of_another_förbund_is_refused(self):
        timra = self.other.members.get(name="Timrå kommun")
        self.login(self.office)
        response = self.client.post(self.edit, self.post_data(municipalities=[timra.pk]))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Kommuner:", status_code=400)
        self.assertFalse(CatalogueEntry.objects.filter(intervention=self.intervention).exists())

    def test_a_member_that_is_not_a_kommun_is_refused(self):
        region = self.association.members.get(name="Region Västernorrland")
        self.login(self.office)
        response = self.client.post(self.edit, self.post_data(municipalities=[region.pk]))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(CatalogueEntry.objects.filter(intervention=self.intervention).exists())

    def test_a_board_member_and_the_applicant_may_not_edit(self):
        for user in (self.board, self.chair, self.applicant, self.finance):
            with self.subTest(user=user.username):
                self.login(user)
                self.assertEqual(self.client.get(self.edit).status_code, 403)
                self.assertEqual(self.client.post(self.edit, self.post_data()).status_code, 403)
        self.assertFalse(CatalogueEntry.objects.filter(intervention=self.intervention).exists())

    def test_the_outsider_gets_404(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.edit).status_code, 404)
        self.assertEqual(self.client.post(self.edit, self.post_data()).status_code, 404)

    def test_another_förbunds_insats_is_404_for_the_kansli(self):
        theirs = register(self.other, self.outsider, "Steget vidare")
        self.login(self.office)
        url = reverse("interventions:catalogue_edit", args=["sundsvall", theirs.pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_login_is_needed(self):
        response = self.client.get(self.edit)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("login"), response["Location"])

    def test_wrong_method_is_405(self):
        self.login(self.office)
        self.assertEqual(self.client.put(self.edit).status_code, 405)
        self.assertEqual(self.client.delete(self.edit).status_code, 405)


class CatalogueStatusTests(CatalogueTestCase):
    """The insats page's section on the catalogue agrees with what the catalogue shows."""

    def status(self, intervention: Intervention, *, can_manage: bool = True) -> str:
        intervention.refresh_from_db()
        return render_to_string(
            "interventions/_catalogue_status.html",
            {
                "catalogue": CatalogueEntry.objects.filter(intervention=intervention).first(),
                "intervention": intervention,
                "association": intervention.association,
                "can_manage": can_manage,
                "today": MIDSUMMER,
            },
        )

    def test_each_state_is_told_and_agrees_with_the_catalogue(self):
        not_in = register(self.association, self.office, "Inte i katalogen")
        closed = self.publish_in_sundsvall("Slutreglerad")
        with on(MIDSUMMER):
            grants.intervention_close(
                intervention=closed, by=self.office, closed_on=D(2023, 6, 1), note="Avbruten."
            )
        cases = [
            (not_in, "Insatsen finns inte i Insatskatalogen."),
            (
                self.publish_in_sundsvall("Opublicerad", published=False),
                "sparade men inte publicerade",
            ),
            (closed, "slutreglerades 1 juni 2023"),
            (
                self.publish_in_sundsvall("Ej beviljad", starts_on=None),
                "förrän insatsen har beviljats",
            ),
            (
                self.publish_in_sundsvall("Slutade", ends_on=D(2023, 6, 14)),
                "slutade 14 juni 2023",
            ),
            (
                self.publish_in_sundsvall("Pågår", ends_on=MIDSUMMER),
                "Publicerad och syns i Insatskatalogen till och med 15 juni 2023.",
            ),
            (
                self.publish_in_sundsvall("Börjar", starts_on=D(2023, 9, 1), ends_on=None),
                "Publicerad och syns i Insatskatalogen (insatsen börjar 1 september 2023).",
            ),
        ]
        for intervention, text in cases:
            with self.subTest(intervention.name):
                section = self.status(intervention)
                self.assertIn("<h2", section)
                self.assertIn(text, section)
                visible = catalogue.public_entry(intervention.pk, MIDSUMMER) is not None
                self.assertEqual(f'href="{detail_url(intervention)}"' in section, visible)
                self.assertEqual(
                    visible, intervention.name in ("Pågår", "Börjar"), "the rule changed"
                )

    def test_only_the_kansli_gets_the_edit_link(self):
        intervention = self.publish_in_sundsvall("Pågår")
        edit = reverse("interventions:catalogue_edit", args=["sundsvall", intervention.pk])
        self.assertIn(edit, self.status(intervention))
        self.assertIn("Ändra uppgifterna i Insatskatalogen", self.status(intervention))
        self.assertNotIn(edit, self.status(intervention, can_manage=False))
        new = register(self.association, self.office, "Ny")
        self.assertIn("Lägg till insatsen i Insatskatalogen", self.status(new))


class CatalogueReadTests(CatalogueTestCase):
    def test_search_reads_fold_the_query_like_the_stored_text(self):
        self.publish_in_sundsvall("ÅTERSTART")
        with on(MIDSUMMER):
            page = catalogue.catalogue_search(CatalogueFilters(q="återstart"), MIDSUMMER, 1)
        self.assertEqual([e.name for e in page.object_list], ["ÅTERSTART"])

    def test_choices_hold_only_kommuner_of_current_insatser_in_swedish_order(self):
        self.publish_in_harnosand_timra("Steget vidare")
        self.publish_in_sundsvall("Slutade", ends_on=D(2023, 1, 31))
        choices = catalogue.catalogue_choices(MIDSUMMER)
        self.assertEqual(
            choices.kommuner,
            [("Härnösands kommun", "Härnösands kommun"), ("Timrå kommun", "Timrå kommun")],
        )
        self.assertEqual(
            choices.associations, [("harnosand-timra", "Samordningsförbundet Härnösand–Timrå")]
        )
        self.assertEqual(len(choices.target_groups), TargetGroup.objects.count())
        # The current insatser are counted with the förbund: the one that has not ended.
        self.assertEqual(choices.current, 1)


class QuickSelectTests(SimpleTestCase):
    def test_it_draws_the_same_html_as_djangos_select(self):
        choices = [("", "Alla"), ("a&b", "Förbund <A & B>"), ('"q"', "Citat 'x'")]
        attrs = {"class": "select-field__select", "id": "id_f", "required": True}
        for value in ("", "a&b", '"q"', "saknas"):
            with self.subTest(value=value):
                self.assertHTMLEqual(
                    QuickSelect(choices=choices).render("f", value, attrs),
                    forms.Select(choices=choices).render("f", value, attrs),
                )
                self.assertEqual(
                    QuickSelect(choices=choices).render("f", value, attrs),
                    forms.Select(choices=choices).render("f", value, attrs),
                )

    def test_grouped_choices_are_drawn_by_djangos_templates(self):
        choices = [("", "Alla"), ("Västernorrland", [("22", "Sundsvall"), ("23", "Timrå")])]
        self.assertEqual(
            QuickSelect(choices=choices).render("f", "23"),
            forms.Select(choices=choices).render("f", "23"),
        )
