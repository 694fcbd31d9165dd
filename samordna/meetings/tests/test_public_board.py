import datetime
import hashlib
import re
from unittest import mock
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import FileResponse
from django.urls import reverse

from samordna.associations.models import Association
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import past, public_views
from samordna.meetings.models import Meeting, Notice
from samordna.meetings.services import past_meetings

D = datetime.date
BOARD = reverse("public:notices")
ARCHIVE = reverse("public:archive")
ATOM = "{http://www.w3.org/2005/Atom}"


def on(day: datetime.date) -> time_machine.travel:
    """Today is `day`, at noon in Sweden."""
    noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=ZoneInfo("Europe/Stockholm"))
    return time_machine.travel(noon, tick=False)


def content_of(response: object) -> bytes:
    assert isinstance(response, FileResponse)
    return b"".join(response.streaming_content)  # type: ignore[arg-type]


class PublicBoardTests(SamordnaTestCase):
    def setUp(self):
        notices = Notice.objects.select_related("meeting", "association")
        self.october, self.november = (
            notices.get(association=self.association, meeting__date=D(2022, 10, 21)),
            notices.get(association=self.association, meeting__date=D(2022, 11, 25)),
        )
        self.harnosand = notices.get(association=self.other)

    def put_all_three_up(self) -> None:
        """Move every anslag so that all three are up on 1 June 2024.

        An anslag is kept for ever and the store refuses changes to it (`locking`); only raw
        SQL gets past, which is what a test needs to put more than one anslag up at once.
        """
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Notice._meta.db_table} SET posted_on = %s, taken_down_on = %s",
                [D(2024, 5, 20), D(2024, 6, 10)],
            )

    def test_board_on_10_december_2022_shows_sundsvalls_november_notice(self):
        with on(D(2022, 12, 10)):
            response = self.client.get(BOARD)
        self.assertContains(response, '<h1 class="heading--h1">Anslagstavla</h1>', html=True)
        self.assertContains(response, "Samordningsförbundet i Sundsvall</h2>")
        self.assertContains(response, "Styrelsens sammanträde 25 november 2022")
        self.assertContains(response, "§ 120–146")
        self.assertContains(response, "5 december 2022")
        self.assertContains(response, "26 december 2022")
        # Three weeks end on annandag jul; the time runs on to the next weekday (1930:173).
        self.assertContains(response, "Sista dag att överklaga: 27 december 2022")
        self.assertContains(response, "Samordningsförbundet i Sundsvall, Kommunhuset rum 612")
        self.assertContains(response, "inom tre veckor från den dag då anslaget sattes upp")
        self.assertContains(response, reverse("public:minutes_pdf", args=[self.november.pk]))
        self.assertContains(response, self.november.meeting.approved_minutes.sha256)
        self.assertContains(response, ARCHIVE)
        self.assertNotContains(response, "21 oktober 2022")
        self.assertNotContains(response, "§ 98–119")
        self.assertNotContains(response, "Härnösand")

    def test_the_october_notice_taken_down_on_22_november_is_in_the_archive(self):
        with on(D(2022, 12, 10)):
            response = self.client.get(ARCHIVE)
        self.assertContains(response, "1 nedtaget anslag")
        self.assertContains(response, "21 oktober 2022")
        self.assertContains(response, "§ 98–119")
        self.assertContains(response, "22 november 2022")
        self.assertContains(response, reverse("public:minutes_pdf", args=[self.october.pk]))
        self.assertNotContains(response, "§ 120–146")

    def test_a_notice_is_up_through_the_day_it_is_taken_down(self):
        for day, shown in [(D(2022, 12, 26), True), (D(2022, 12, 27), False)]:
            with self.subTest(day=day), on(day):
                response = self.client.get(BOARD)
                self.assertEqual("§ 120–146" in response.content.decode(), shown)

    def test_board_shows_the_note_of_harnosand_timra(self):
        with on(D(2023, 12, 20)):
            response = self.client.get(BOARD)
        self.assertContains(response, "Samordningsförbundet Härnösand–Timrå</h2>")
        self.assertContains(response, "§ 108–138")
        self.assertContains(response, "Sista dag att överklaga: 2 januari 2024")
        self.assertContains(response, self.harnosand.note)

    def test_on_1_june_2024_nothing_is_up_and_all_three_are_archived_newest_first(self):
        with on(D(2024, 6, 1)):
            board = self.client.get(BOARD)
            archive = self.client.get(ARCHIVE)
        self.assertContains(board, "Det finns inga anslag på anslagstavlan i dag.")
        self.assertNotContains(board, "Sista dag att överklaga")
        self.assertContains(archive, "3 nedtagna anslag, de senaste först")
        self.assertEqual(
            re.findall(r"/anslagstavla/(\d+)/protokoll\.pdf", archive.content.decode()),
            [str(n.pk) for n in (self.harnosand, self.november, self.october)],
        )

    def test_board_groups_notices_per_forbund_in_swedish_order(self):
        self.put_all_three_up()
        with on(D(2024, 6, 1)):
            content = self.client.get(BOARD).content.decode()
        headings = re.findall(r'<h2 class="heading--h2"[^>]*>([^<]+)</h2>', content)
        self.assertEqual(
            headings, ["Samordningsförbundet Härnösand–Timrå", "Samordningsförbundet i Sundsvall"]
        )
        # Sundsvall's two: the newest first.
        self.assertLess(content.index("§ 120–146"), content.index("§ 98–119"))

    def test_the_minutes_link_gives_the_pdf_with_the_shown_checksum(self):
        with on(D(2022, 12, 10)):
            page = self.client.get(BOARD).content.decode()
        shown = re.search(r'<code class="digest">([0-9a-f]{64})</code>', page)
        assert shown is not None
        response = self.client.get(reverse("public:minutes_pdf", args=[self.november.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(
            response["Content-Disposition"],
            'inline; filename="protokoll-sundsvall-2022-11-25.pdf"',
        )
        data = content_of(response)
        self.assertTrue(data.startswith(b"%PDF-"))
        self.assertEqual(hashlib.sha256(data).hexdigest(), shown.group(1))

    def test_archived_minutes_stay_public(self):
        with on(D(2030, 1, 1)):
            response = self.client.get(reverse("public:minutes_pdf", args=[self.october.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            hashlib.sha256(content_of(response)).hexdigest(),
            self.october.meeting.approved_minutes.sha256,
        )

    def test_an_unknown_notice_is_404(self):
        response = self.client.get(reverse("public:minutes_pdf", args=[999_999]))
        self.assertEqual(response.status_code, 404)

    def test_minutes_that_are_not_justerade_are_never_shown(self):
        meeting = Meeting.objects.create(
            association=self.association,
            date=D(2022, 12, 16),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kommunhuset",
        )
        notice = Notice.objects.create(
            meeting=meeting,
            association=self.association,
            posted_on=D(2022, 12, 20),
            taken_down_on=D(2023, 1, 10),
            first_number=147,
            last_number=150,
            kept_at="Kansliet",
            posted_at_place="Anslagstavlan",
        )
        with on(D(2022, 12, 21)):
            self.assertNotContains(self.client.get(BOARD), "§ 147–150")
        with on(D(2023, 2, 1)):
            self.assertNotContains(self.client.get(ARCHIVE), "§ 147–150")
        response = self.client.get(reverse("public:minutes_pdf", args=[notice.pk]))
        self.assertEqual(response.status_code, 404)

    def test_no_login_is_needed_and_logged_in_users_see_the_same(self):
        pdf = reverse("public:minutes_pdf", args=[self.november.pk])
        for user in (None, self.office, self.outsider):
            if user is not None:
                self.login(user)
            for url in (BOARD, ARCHIVE, pdf):
                with self.subTest(user=user, url=url), on(D(2022, 12, 10)):
                    self.assertEqual(self.client.get(url).status_code, 200)

    def test_wrong_method_is_405(self):
        pdf = reverse("public:minutes_pdf", args=[self.november.pk])
        for url in (BOARD, ARCHIVE, pdf):
            with self.subTest(url=url):
                self.assertEqual(self.client.post(url).status_code, 405)

    def test_board_cost_is_fixed_with_one_or_three_notices(self):
        with on(D(2022, 12, 10)), self.assertNumQueries(1):
            self.assertContains(self.client.get(BOARD), "Sista dag att överklaga", count=1)
        self.put_all_three_up()
        with on(D(2024, 6, 1)), self.assertNumQueries(1):
            self.assertContains(self.client.get(BOARD), "Sista dag att överklaga", count=3)

    def test_archive_cost_is_fixed_with_one_or_three_notices(self):
        # Built: every förbund's version, the count and the page; kept: the versions only.
        with on(D(2022, 12, 10)), self.assertNumQueries(3):
            self.assertContains(self.client.get(ARCHIVE), "1 nedtaget anslag")
        with on(D(2022, 12, 10)), self.assertNumQueries(1):
            self.assertContains(self.client.get(ARCHIVE), "1 nedtaget anslag")
        with on(D(2024, 6, 1)), self.assertNumQueries(3):
            self.assertContains(self.client.get(ARCHIVE), "3 nedtagna anslag")

    def test_the_kept_archive_follows_the_day_and_the_forbund(self):
        with on(D(2024, 6, 1)):
            self.assertContains(self.client.get(ARCHIVE), "3 nedtagna anslag")
        # Another day is another page: the November anslag was still up on 10 December 2022.
        with on(D(2022, 12, 10)):
            self.assertContains(self.client.get(ARCHIVE), "1 nedtaget anslag")
        association = Association.objects.get(pk=self.association.pk)
        association.name = "Samordningsförbundet Sundsvall med omnejd"
        association.save()
        with on(D(2022, 12, 10)):
            self.assertContains(
                self.client.get(ARCHIVE), "Samordningsförbundet Sundsvall med omnejd"
            )

    def test_archive_is_paged_newest_first(self):
        with on(D(2024, 6, 1)), mock.patch.object(public_views, "ARCHIVE_PAGE_SIZE", 2):
            first = self.client.get(ARCHIVE)
            second = self.client.get(ARCHIVE, {"sida": 2})
            beyond = self.client.get(ARCHIVE, {"sida": "x"})
        self.assertContains(first, "(sida 1 av 2)")
        self.assertContains(first, "§ 108–138")
        self.assertContains(first, "§ 120–146")
        self.assertNotContains(first, "§ 98–119")
        self.assertContains(first, 'href="?sida=2">Äldre anslag</a>', html=False)
        self.assertContains(second, "§ 98–119")
        self.assertNotContains(second, "§ 120–146")
        self.assertContains(second, 'href="?sida=1">Nyare anslag</a>', html=False)
        self.assertContains(beyond, "(sida 1 av 2)")

    def test_the_public_start_page_links_to_the_board(self):
        response = self.client.get(reverse("home"))
        self.assertContains(response, f'<a class="anchor" href="{BOARD}">Anslagstavla</a>')


class NoticeFeedTests(SamordnaTestCase):
    """Each förbund's anslag as Atom, for a member's anslagstavla or website to follow."""

    def feed(self, slug: str, day: datetime.date) -> ElementTree.Element:
        with on(day):
            response = self.client.get(reverse("public:feed", args=[slug]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/atom+xml; charset=utf-8")
        return ElementTree.fromstring(response.content)

    def entries(self, root: ElementTree.Element) -> list[dict[str, str]]:
        return [
            {
                "title": entry.findtext(f"{ATOM}title") or "",
                "summary": entry.findtext(f"{ATOM}summary") or "",
                "link": entry.find(f"{ATOM}link").get("href") or "",  # type: ignore[union-attr]
            }
            for entry in root.findall(f"{ATOM}entry")
        ]

    def test_the_feed_holds_the_forbunds_own_notices_as_posted(self):
        root = self.feed("sundsvall", D(2022, 12, 10))
        self.assertEqual(root.findtext(f"{ATOM}title"), "Anslag – Samordningsförbundet i Sundsvall")
        entries = self.entries(root)
        self.assertEqual(
            [e["title"] for e in entries],
            [
                "Protokoll från styrelsens sammanträde 25 november 2022",
                "Protokoll från styrelsens sammanträde 21 oktober 2022",
            ],
        )
        november = Notice.objects.get(association=self.association, meeting__date=D(2022, 11, 25))
        self.assertIn("Paragrafer: § 120–146.", entries[0]["summary"])
        self.assertIn(f"på {november.posted_at_place}", entries[0]["summary"])
        self.assertIn("Sista dag att överklaga: 27 december 2022.", entries[0]["summary"])
        self.assertTrue(
            entries[0]["link"].endswith(reverse("public:minutes_pdf", args=[november.pk]))
        )

    def test_a_notice_not_yet_posted_is_not_in_the_feed(self):
        entries = self.entries(self.feed("sundsvall", D(2022, 11, 1)))
        self.assertEqual(len(entries), 1)  # October's, posted before 1 November

    def test_a_meeting_registered_afterwards_is_no_notice(self):
        past_meetings.register_past_meeting(
            association=self.association,
            by=self.office,
            date=D(2019, 6, 14),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kommunhuset",
            approved_on=D(2019, 6, 24),
            posted_on=D(2019, 6, 25),
            taken_down_on=D(2019, 7, 16),
            original=SimpleUploadedFile("original.pdf", b"%PDF-1.4\n%%EOF\n"),
            paragraphs=[past.PastParagraph(number=1, title="Sammanträdet öppnas")],
        )
        entries = self.entries(self.feed("sundsvall", D(2024, 6, 1)))
        self.assertEqual(len(entries), 2)

    def test_an_unknown_forbund_is_404_and_the_board_links_each_feed(self):
        self.assertEqual(
            self.client.get(reverse("public:feed", args=["finns-inte"])).status_code, 404
        )
        PublicBoardTests.put_all_three_up(self)  # type: ignore[arg-type]
        with on(D(2024, 6, 1)):
            response = self.client.get(BOARD)
        for slug in ("sundsvall", "harnosand-timra"):
            self.assertContains(
                response,
                f'<link rel="alternate" type="application/atom+xml" '
                f'title="Anslag – {Association.objects.get(slug=slug).name}" '
                f'href="{reverse("public:feed", args=[slug])}">',
            )
        self.assertContains(response, "Protokollen anslås på")

    def test_feed_cost_is_fixed(self):
        with on(D(2022, 11, 1)), self.assertNumQueries(2):
            self.client.get(reverse("public:feed", args=["sundsvall"]))
        with on(D(2024, 6, 1)), self.assertNumQueries(2):
            self.client.get(reverse("public:feed", args=["sundsvall"]))
