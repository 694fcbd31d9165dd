"""Done-when of issue 13: a new installation with no demo. The operator signs in, creates a
förbund that is not in the demo with four members; its kansli enters the board of ledamöter
and ersättare in one form, gives the signers their logins and takes a meeting of seven §§
through kallelse, upprop, §§ drafted from the agenda, an opening section, jäv with a
stand-in, sekreterare, justering with the signers' own logins and anslag; the PDF and
Word minutes then say what happened.

Every page met is checked with axe and the phone's width, and the forms sent are counted:
the number says how much work a new förbund's first meeting is."""

import datetime
import io
import re

import docx
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from samordna.accounts.models import Role, User
from samordna.associations.models import Association
from samordna.core.tests import browser
from samordna.demo.users import DEMO_PASSWORD
from samordna.meetings.models import ApprovedMinutes, Meeting

KANSLI_PASSWORD = "Tjugotre-ljusa-kvällar-7"
SIGNER_PASSWORD = "Norrsken-över-Torneälven-9"
BOARD = [
    # first, last, member row, kind, position, personal ersättare for row
    ("Olle", "Pekkari", "Försäkringskassan", "ordinary", "", ""),
    ("Maria", "Lind", "Arbetsförmedlingen", "ordinary", "", ""),
    ("Karin", "Aho", "Region Norrbotten", "ordinary", "chair", ""),
    ("Tomas", "Vaara", "Haparanda kommun", "ordinary", "vice_chair", ""),
    ("Leena", "Niemi", "Region Norrbotten", "substitute", "", "3"),
    ("Pekka", "Rova", "Haparanda kommun", "substitute", "", "4"),
]
# The matters of the meeting: (title, kind, description, förslag, beslut). The opening
# formalities are the förbund's unnumbered Inledning, so these are §§ 1–7.
MATTERS = [
    (
        "Verksamhetsplan och budget 2027",
        "decision",
        "Förbundschefen presenterar förslaget till verksamhetsplan och budget.",
        "Att fastställa verksamhetsplan och budget för 2027.",
        "Att fastställa verksamhetsplan och budget för 2027 enligt förslaget.",
    ),
    (
        "Sammanträdesplan 2027",
        "decision",
        "Fyra sammanträden föreslås.",
        "Att fastställa sammanträdesplanen.",
        "Att fastställa sammanträdesplanen för 2027.",
    ),
    (
        "Ansökan från Haparanda kommun: Steget vidare",
        "decision",
        "Haparanda kommun söker medel för en förrehabiliterande insats.",
        "Att bevilja 450 000 kr för 2027.",
        "Att bevilja 450 000 kr för 2027.",
    ),
    (
        "Förbundschefens rapport",
        "report",
        "Rapport om verksamheten sedan förra sammanträdet.",
        "Att lägga rapporten till handlingarna.",
        "Att lägga rapporten till handlingarna.",
    ),
    (
        "Ekonomisk uppföljning per oktober",
        "report",
        "Utfallet mot budget per den 31 oktober.",
        "Att godkänna uppföljningen.",
        "Att godkänna uppföljningen.",
    ),
    (
        "Internkontrollplan 2027",
        "decision",
        "Kontrollpunkter efter riskanalysen.",
        "Att fastställa internkontrollplanen.",
        "Att fastställa internkontrollplanen för 2027.",
    ),
    (
        "Information från medlemmarna",
        "information",
        "Medlemmarna berättar om aktuella frågor.",
        "",
        "Att notera informationen.",
    ),
]
JAV_PARAGRAPH = 3  # Haparanda kommun's application: its ledamot is jävig


class NewAssociationJourneyTests(browser.BrowserTestCase):
    with_demo = False

    def submit(self, page: Page, button: str) -> None:
        with page.expect_navigation():
            page.get_by_role("button", name=button).click()
        self.check_page(page)

    def test_a_new_forbund_from_an_empty_installation_to_its_first_justerade_minutes(self):
        self.assertFalse(Association.objects.exists())
        operator = User(username="drift", first_name="Drift", last_name="Samordna")
        operator.role = Role.OPERATOR
        operator.set_password(DEMO_PASSWORD)
        operator.save()
        today = timezone.localdate()

        # The operator: the förbund, its four members and shares, the kansli's login.
        page = self.log_in("drift")
        expect(page.get_by_role("heading", level=1)).to_have_text("Förbund i Samordna")
        self.check_page(page)
        page.get_by_role("link", name="Nytt förbund").click()
        self.check_page(page)
        page.fill("#id_name", "Samordningsförbundet Gränsland")
        page.fill("#id_slug", "gransland")
        page.fill("#id_seat", "Haparanda")
        page.select_option("#id_county", label="Norrbottens län")
        page.select_option("#id_substitute_rule", "personal")
        page.select_option("#id_paragraph_numbering", "per_meeting")
        page.select_option("#id_opening_style", "unnumbered")
        page.fill("#id_notice_board", "Förbundets, kommunernas och regionens anslagstavlor")
        page.fill("#id_minutes_kept_at", "Förbundets kansli, Haparanda stadshus")
        page.fill("#id_medlem-2-name", "Region Norrbotten")
        page.fill("#id_medlem-2-share_percent", "25")
        page.select_option("#id_medlem-3-kind", "kommun")
        page.fill("#id_medlem-3-name", "Haparanda kommun")
        page.fill("#id_medlem-3-share_percent", "25")
        page.fill("#id_office_username", "kansli.gransland")
        page.fill("#id_office_first_name", "Aino")
        page.fill("#id_office_last_name", "Kallio")
        page.fill("#id_office_password", KANSLI_PASSWORD)
        self.submit(page, "Lägg upp förbundet")
        expect(page.get_by_role("status")).to_contain_text(
            "Samordningsförbundet Gränsland är upplagt med 4 medlemmar"
        )
        expect(page.locator("main")).to_contain_text("Förbundets organisationsnummer saknas.")
        association = Association.objects.get(slug="gransland")
        slug = association.slug

        # The kansli: its own place in the register, the board in one form, two logins.
        kansli = self.log_in("kansli.gransland", KANSLI_PASSWORD)
        self.check_page(kansli)
        self.visit(kansli, f"/f/{slug}/personer/ny/")
        kansli.fill("#id_first_name", "Aino")
        kansli.fill("#id_last_name", "Kallio")
        kansli.fill("#id_note", "Förbundschef")
        self.submit(kansli, "Spara")
        me = User.objects.get(username="kansli.gransland")
        self.visit(kansli, f"/f/{slug}/anvandare/{me.pk}/andra/")
        kansli.select_option("#id_person", label="Aino Kallio")
        self.submit(kansli, "Spara")

        self.visit(kansli, f"/f/{slug}/styrelsen/ny/")
        kansli.fill("#id_starts_on", (today - datetime.timedelta(days=60)).isoformat())
        kansli.fill("#id_ends_on", (today + datetime.timedelta(days=4 * 365)).isoformat())
        kansli.fill("#id_appointed_by", "Medlemmarnas val till styrelsen")
        for row, (first, last, member, kind, position, ledamot_row) in enumerate(BOARD):
            kansli.fill(f"#id_plats-{row}-first_name", first)
            kansli.fill(f"#id_plats-{row}-last_name", last)
            kansli.fill(f"#id_plats-{row}-email", f"{first}.{last}@gransland.se".lower())
            kansli.select_option(f"#id_plats-{row}-member", label=member)
            kansli.select_option(f"#id_plats-{row}-kind", kind)
            if position:
                kansli.select_option(f"#id_plats-{row}-position", position)
            if ledamot_row:
                kansli.select_option(f"#id_plats-{row}-substitute_for_row", ledamot_row)
        self.submit(kansli, "Registrera styrelsen")
        expect(kansli.get_by_role("status")).to_contain_text("Styrelsen är registrerad: 6 uppdrag")

        for username, first, last, role in [
            ("karin.aho", "Karin", "Aho", Role.CHAIR),
            ("olle.pekkari", "Olle", "Pekkari", Role.BOARD),
        ]:
            self.visit(kansli, f"/f/{slug}/anvandare/ny/")
            kansli.fill("#id_username", username)
            kansli.fill("#id_first_name", first)
            kansli.fill("#id_last_name", last)
            kansli.select_option("#id_role", role)
            kansli.select_option("#id_person", label=f"{first} {last}")
            kansli.fill("#id_password", SIGNER_PASSWORD)
            self.submit(kansli, "Spara")
            expect(kansli.get_by_role("status")).to_contain_text("Användaren är upplagd")

        # The meeting: planned with its sekreterare, kallelse sent.
        self.visit(kansli, f"/f/{slug}/sammantraden/nytt/")
        kansli.fill("#id_date", today.isoformat())
        kansli.fill("#id_starts_at", "09:00")
        kansli.fill("#id_ends_at", "11:30")
        kansli.fill("#id_place", "Stadshuset, Haparanda")
        kansli.select_option("#id_secretary", label="Aino Kallio")
        self.submit(kansli, "Spara")
        meeting = Meeting.objects.get(association=association)
        detail = reverse("meetings:detail", args=[slug, meeting.pk])
        self.assertEqual(kansli.url, f"{self.live_server_url}{detail}")
        # The agenda, typed once: seven matters with description and förslag become the §§
        # (the opening formalities stay in the unnumbered opening section); the meeting then
        # writes each decision.
        for title, kind, description, proposal, _ in MATTERS:
            self.visit(kansli, reverse("meetings:item_create", args=[slug, meeting.pk]))
            kansli.fill("#id_title", title)
            kansli.select_option("#id_kind", kind)
            kansli.fill("#id_description", description)
            kansli.fill("#id_proposal", proposal)
            self.submit(kansli, "Spara")
        self.visit(kansli, detail)
        self.submit(kansli, "Skicka kallelsen")
        expect(kansli.locator("progress")).to_have_attribute("value", "100")
        expect(kansli.get_by_role("status")).to_be_visible()

        # Upprop: Arbetsförmedlingen's ledamot is away; the ersättare are there, not serving.
        seats = {s.person.last_name: s for s in association.board_seats.select_related("person")}
        self.visit(kansli, reverse("meetings:roll_call", args=[slug, meeting.pk]))
        for last in ("Niemi", "Rova"):
            expect(kansli.locator(f"#id_serves_for_{seats[last].pk}")).to_have_value("")
        kansli.select_option(f"#id_presence_{seats['Lind'].pk}", "absent")
        self.submit(kansli, "Spara uppropet")

        # After the upprop the agenda becomes the §§ the meeting completes.
        self.visit(kansli, detail)
        self.submit(kansli, "Gör dagordningen till paragrafer")
        expect(kansli.get_by_role("status")).to_contain_text(
            "Dagordningen är gjord till paragrafer: § 1–7"
        )
        paragraphs = list(meeting.paragraphs.order_by("number"))
        self.assertEqual([p.number for p in paragraphs], [1, 2, 3, 4, 5, 6, 7])
        self.assertEqual([p.title for p in paragraphs], [m[0] for m in MATTERS])
        for paragraph, (*_, decision) in zip(paragraphs, MATTERS, strict=True):
            self.visit(
                kansli, reverse("meetings:paragraph_update", args=[slug, meeting.pk, paragraph.pk])
            )
            kansli.fill("#id_decision", decision)
            self.submit(kansli, "Spara")

        # Jäv in § 3: Tomas Vaara leaves the decision, his personal ersättare serves.
        jav = meeting.paragraphs.get(number=JAV_PARAGRAPH)
        self.visit(kansli, reverse("meetings:recusals", args=[slug, meeting.pk, jav.pk]))
        kansli.select_option(f"#id_seat_{seats['Vaara'].pk}", "decision")
        kansli.select_option(f"#id_stand_in_{seats['Vaara'].pk}", label="Pekka Rova")
        self.submit(kansli, "Spara")

        self.visit(kansli, reverse("meetings:signers", args=[slug, meeting.pk]))
        kansli.select_option("#id_chair", label="Karin Aho")
        # The design system draws the box over the input: a person clicks its label.
        kansli.locator("label.checkbox__label", has_text="Olle Pekkari").click()
        expect(kansli.get_by_label("Olle Pekkari")).to_be_checked()
        self.submit(kansli, "Spara")

        # The sekreterare confirms the text with her own login; then the two justera.
        self.visit(kansli, detail)
        self.submit(kansli, "Bestyrk protokollets text")
        expect(kansli.get_by_role("status")).to_contain_text("Protokollets text är bestyrkt")
        for username in ("karin.aho", "olle.pekkari"):
            signer = self.log_in(username, SIGNER_PASSWORD)
            self.visit(signer, reverse("meetings:approve", args=[slug, meeting.pk]))
            self.submit(signer, "Justera protokollet")
        expect(signer.get_by_role("status")).to_contain_text("Anslaget är uppsatt")
        approved = ApprovedMinutes.objects.get(meeting=meeting)
        self.assertEqual(approved.approved_on, today)

        # Anslag: the public board shows the notice of the new förbund.
        public = self.new_page()
        self.visit(public, reverse("public:notices"))
        expect(public.locator("main")).to_contain_text("Samordningsförbundet Gränsland")

        # The minutes, as PDF and as Word, say what happened.
        pdf = kansli.request.get(reverse("meetings:minutes_pdf", args=[slug, meeting.pk]))
        word = kansli.request.get(reverse("meetings:minutes_docx", args=[slug, meeting.pk]))
        pdf_text = " ".join(
            (p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf.body())).pages
        )
        document = docx.Document(io.BytesIO(word.body()))
        word_text = "\n".join(
            [p.text for p in document.paragraphs]
            + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        )
        for text in (pdf_text, word_text):
            flat = re.sub(r"\s+", " ", text)
            for expected in [
                "Samordningsförbundet Gränsland",
                "Stadshuset, Haparanda",
                "Karin Aho",
                "Olle Pekkari",
                "Aino Kallio",
                "Maria Lind",
                "Pekka Rova",
                "Inledning",
                "Mötets öppnande",
                "Ordföranden Karin Aho förklarade sammanträdet öppnat.",
                "Olle Pekkari utsågs att jämte ordföranden justera protokollet.",
                "§ 3",
                "§ 7",
                *(matter[0] for matter in MATTERS),
            ]:
                self.assertIn(expected, flat)
        self.assert_no_problems()

        # The count of forms sent: logins (5) and the work itself.
        print(f"\nFormulär som skickades: {len(self.form_posts)}", *self.form_posts, sep="\n  ")
        self.assertEqual(len(self.form_posts), EXPECTED_FORMS)


# 4 logins (operator, kansli, the two signers); 1 förbund with members and login; 2 for the
# kansli's own place in the register; 1 board; 2 signers' logins; 1 meeting; 1 kallelse;
# 1 upprop; 7 agenda items, 1 to make them §§, 7 decisions; 1 jäv; 1 justerare;
# 1 bestyrkande; 2 justeringar.
EXPECTED_FORMS = 4 + 1 + 2 + 1 + 2 + 1 + 1 + 1 + 7 + 1 + 7 + 1 + 1 + 1 + 2
