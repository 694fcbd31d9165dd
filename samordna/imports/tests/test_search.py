"""Searching the protocols, on whichever database the suite runs (SQLite or PostgreSQL)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samordna.core.tests.base import SamordnaTestCase
from samordna.imports import search
from samordna.imports.models import ParagraphText
from samordna.meetings.models import Paragraph
from samordna.meetings.services import proceedings

TODAY = datetime.date(2026, 12, 1)
PUBLIC = reverse("protocol_search:search")


class SearchTests(SamordnaTestCase):
    def hits(self, text: str, **scope: object) -> list[tuple[datetime.date, int]]:
        found = search.search(search.question(text), **scope)  # type: ignore[arg-type]
        return [(hit.date, hit.number) for hit in found[0:50]]

    def test_finds_a_paragraph_by_a_word_of_its_decision(self):
        # § 137 of 2022-11-25: "Att bevilja medel med 912 000 kr till psykologtjänst för 2022".
        self.assertIn(
            (datetime.date(2022, 11, 25), 137),
            self.hits("vad beslutade vi om psykologtjänsten 2022?", association=self.association),
        )

    def test_every_word_must_occur_and_inflections_match(self):
        found = self.hits("beviljade arbetsterapeut", association=self.association)
        self.assertEqual(found, [(datetime.date(2022, 11, 25), 135)])
        self.assertEqual(self.hits("arbetsterapeut Halmstad", association=self.association), [])

    def test_a_year_limits_to_that_years_meetings_or_the_word(self):
        self.assertEqual(self.hits("psykolog 2021", association=self.association), [])
        self.assertTrue(self.hits("psykolog 2022", association=self.association))

    def test_a_new_or_changed_paragraph_is_found_at_once_and_a_deleted_one_not(self):
        meeting = self.association.meetings.get(date=datetime.date(2023, 1, 27))
        paragraph = proceedings.paragraph_create(
            meeting=meeting,
            by=self.office,
            title="Ansökan om medel för Samkraft",
            decision="Att bevilja Samkraft 630 000 kr för 2023.",
        )
        self.assertEqual(
            self.hits("vad beslutade vi om Samkraft 2023?", association=self.association),
            [(meeting.date, paragraph.number)],
        )
        proceedings.paragraph_update(
            paragraph=paragraph, by=self.office, title="Ansökan om medel för Framsteg"
        )
        self.assertEqual(
            self.hits("Framsteg", association=self.association), [(meeting.date, paragraph.number)]
        )
        paragraph.delete()
        self.assertEqual(self.hits("Samkraft", association=self.association), [])

    def test_another_forbunds_paragraphs_are_not_found(self):
        # Härnösand–Timrå § 122 grants Arbetsmarknadstorget Härnösand.
        self.assertEqual(self.hits("Köpmangatan Coompanion", association=self.association), [])
        self.assertTrue(self.hits("Coompanion", association=self.other))

    def test_the_public_finds_only_justerade_minutes_whose_anslag_is_up(self):
        meeting = self.association.meetings.get(date=datetime.date(2023, 1, 27))
        proceedings.paragraph_create(meeting=meeting, by=self.office, title="Psykolog, utkast")
        found = self.hits("psykolog", public_on=TODAY)
        self.assertIn((datetime.date(2022, 11, 25), 137), found)
        self.assertNotIn(meeting.date, [day for day, _ in found])
        self.assertEqual(self.hits("psykolog", public_on=datetime.date(2022, 10, 31)), [])

    def test_rebuild_indexes_every_paragraph(self):
        ParagraphText.objects.all().delete()
        self.assertEqual(search.rebuild(), Paragraph.objects.count())
        self.assertTrue(self.hits("psykologtjänst", association=self.association))

    def test_questions_keep_content_words_and_years(self):
        question = search.question("Vad beslutade vi om Samkraft 2021?")
        self.assertEqual((question.words, question.years), (["samkraft"], [2021]))
        self.assertTrue(search.question("vad beslutade vi 2021").empty)
        self.assertEqual(search.stem("beviljade"), "bevilj")


class SearchPageTests(SamordnaTestCase):
    def page(self) -> str:
        return self.url("protokoll/sok/")

    def test_the_board_sees_hits_with_the_words_marked(self):
        self.login(self.board)
        response = self.client.get(self.page(), {"q": "psykologtjänst"})
        self.assertContains(response, "<mark>psykologtjänst</mark>", html=False)
        self.assertContains(response, "§ 137")
        paragraph = Paragraph.objects.get(
            meeting__association=self.association, meeting__date="2022-11-25", number=137
        )
        self.assertContains(response, f"#par-{paragraph.pk}")

    def test_without_a_question_it_says_what_it_searches(self):
        self.login(self.auditor)
        response = self.client.get(self.page())
        self.assertContains(response, "Sökningen omfattar")
        self.assertContains(response, "21 oktober 2022")

    def test_only_frame_words_get_a_message(self):
        self.login(self.chair)
        response = self.client.get(self.page(), {"q": "vad beslutade vi 2021?"})
        self.assertContains(response, "Skriv minst ett ord")

    def test_no_hit_says_so(self):
        self.login(self.chair)
        response = self.client.get(self.page(), {"q": "zebra"})
        self.assertContains(response, "Ingen paragraf innehåller ”zebra”.")

    def test_an_applicant_gets_403_and_an_outsider_404(self):
        self.login(self.applicant)
        self.assertEqual(self.client.get(self.page()).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.page()).status_code, 404)

    def test_post_is_not_allowed(self):
        self.login(self.office)
        self.assertEqual(self.client.post(self.page(), {"q": "x"}).status_code, 405)

    def test_query_count_does_not_grow_with_hits(self):
        self.login(self.office)
        counts = []
        for question in ("psykologtjänst", "handlingarna"):
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(self.page(), {"q": question}).status_code, 200)
            counts.append(len(queries))
        self.assertEqual(counts[0], counts[1])
        with self.assertNumQueries(counts[0]):
            self.client.get(self.page(), {"q": "handlingarna", "sida": "2"})


class PublicSearchPageTests(SamordnaTestCase):
    def test_anyone_finds_justerade_paragraphs_and_their_pdf(self):
        response = self.client.get(PUBLIC, {"q": "psykologtjänst"})
        self.assertContains(response, "Samordningsförbundet i Sundsvall, 25 november 2022 § 137")
        self.assertContains(response, "/protokoll.pdf")

    def test_a_forbund_can_be_chosen(self):
        response = self.client.get(PUBLIC, {"q": "Coompanion", "forbund": self.association.slug})
        self.assertContains(response, "Ingen paragraf innehåller")
        response = self.client.get(PUBLIC, {"q": "Coompanion", "forbund": self.other.slug})
        self.assertContains(response, "§ 111")

    def test_query_count_is_fixed(self):
        with CaptureQueriesContext(connection) as first:
            self.client.get(PUBLIC, {"q": "psykolog"})
        with self.assertNumQueries(len(first.captured_queries)):
            self.client.get(PUBLIC, {"q": "handlingarna"})
