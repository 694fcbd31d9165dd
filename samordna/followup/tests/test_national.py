"""The national view (national readers only: the sharing förbund's approved figures by län,
suppressed) and a förbund's year table exported for publication."""

from django.urls import reverse

from samordna.accounts.models import User
from samordna.associations.cache import association_pages_changed
from samordna.associations.models import Association
from samordna.core.tests.base import SamordnaTestCase
from samordna.followup import services
from samordna.followup.models import ParticipantReport, ParticipantReportStatus
from samordna.followup.national import PublishedTable, Row, national_overview
from samordna.followup.suppression import Cell
from samordna.followup.tests.helpers import approved, balanced
from samordna.interventions.models import Direction, Intervention

# A year before the demo figures (2020–2023): no earlier period binds its start.
YEAR = 2018


def share(association: Association, by: User, *, threshold: int = 5, shared: bool = True) -> None:
    services.settings_update(
        association=association,
        by=by,
        share_nationally=shared,
        suppression_threshold=threshold,
    )


def insats(association: Association, name: str) -> Intervention:
    return Intervention.objects.get(association=association, name=name)


def first_period(association: Association, year: int = YEAR):
    return services.periods_for_year(association=association, year=year)[0]


def country(table: PublishedTable) -> Row:
    """The totals row of a table of län."""
    assert table.totals is not None
    return table.totals


class NationalTestCase(SamordnaTestCase):
    def setUp(self):
        # The demo förbund share their figures; each test chooses who shares.
        share(self.association, self.office, shared=False)
        share(self.other, self.outsider, shared=False)
        self.sundsvall_insats = insats(
            self.association, "Arbetskonsulent för personer med aktivitetsersättning"
        )
        # Sundsvall 2018: 22 participants (12 women, 8 men, 2 other); 4 ended (2 to work,
        # 1 to studies, 1 broke off); the new by income 10 + 6 + 6.
        approved(
            self.sundsvall_insats,
            first_period(self.association),
            self.office,
            self.office,
            new=(12, 8, 2),
            ended=(3, 1, 0),
            to={"work": 2, "studies": 1, "dropout": 1},
            income={"social_assistance": 10, "sickness": 6, "none": 6},
        )
        self.other_insats = insats(self.other, "Arbetsmarknadstorget Härnösand")
        approved(
            self.other_insats,
            first_period(self.other),
            self.outsider,
            self.outsider,
            new=(30, 20, 0),
            ended=(10, 10, 0),
            to={"work": 8, "studies": 6, "job_seeking": 6},
            income={"unemployment": 50},
        )


class NationalOverviewTests(NationalTestCase):
    page = reverse("national:overview")

    def test_a_national_reader_sees_the_sharing_forbunds_figures_with_small_counts_hidden(self):
        share(self.association, self.office)
        self.login(self.national)

        response = self.client.get(self.page, {"ar": YEAR})

        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn(f"Deltagare {YEAR} per län och kön", html)
        # Västernorrland holds only Sundsvall's figures: 12 women shown, 8 men hidden to
        # protect the 2 others, 22 in all.
        self.assertInHTML(
            '<tr><th scope="row">Västernorrlands län</th><td class="numeric">12</td>'
            '<td class="numeric"><span aria-hidden="true">–</span><span class="sr-only">dolt, '
            "färre än 5 eller skyddar ett litet tal</span></td>"
            '<td class="numeric"><span aria-hidden="true">–</span><span class="sr-only">dolt, '
            "färre än 5 eller skyddar ett litet tal</span></td>"
            '<td class="numeric">22</td></tr>',
            html,
        )
        self.assertIn("Antal under 5 visas inte", html)
        self.assertIn("Ett förbund delar sina siffror", html)
        self.assertIn("<li>Samordningsförbundet i Sundsvall (Västernorrlands län)</li>", html)
        self.assertNotIn("Härnösand", html)

    def test_only_sharing_forbund_are_counted(self):
        share(self.association, self.office)
        self.other.county = "01"
        self.other.save(update_fields=["county"])

        found = national_overview(YEAR)
        self.assertEqual([r.label for r in found.tables[0].rows], ["Västernorrlands län"])
        self.assertEqual(country(found.tables[0]).total.value, 22)

        share(self.other, self.outsider)
        found = national_overview(YEAR)
        participants = found.tables[0]
        self.assertEqual(
            [r.label for r in participants.rows], ["Stockholms län", "Västernorrlands län"]
        )
        self.assertEqual(
            [c.value for c in participants.rows[0].cells] + [participants.rows[0].total.value],
            [30, 20, 0, 50],
        )
        self.assertEqual(country(participants).total.value, 72)
        self.assertEqual(
            [s.name for s in found.sharing],
            ["Samordningsförbundet Härnösand–Timrå", "Samordningsförbundet i Sundsvall"],
        )

    def test_only_approved_counts_are_counted(self):
        share(self.association, self.office)
        sent = services.counts_open(
            intervention=insats(self.association, "Psykolog"),
            period=first_period(self.association),
            by=self.office,
        )
        services.counts_save(
            report=sent, by=self.office, version=sent.version, values=balanced(new=(40, 40, 0))
        )
        services.counts_submit(report=sent, by=self.office, version=sent.version)
        self.assertEqual(sent.status, ParticipantReportStatus.SUBMITTED)

        found = national_overview(YEAR)

        self.assertEqual(country(found.tables[0]).total.value, 22)
        self.assertEqual(found.reports, 1)

    def test_the_ended_by_destination_show_work_or_studies_only_when_both_are_shown(self):
        share(self.association, self.office)
        share(self.other, self.outsider)
        self.other.county = "01"
        self.other.save(update_fields=["county"])

        ended = national_overview(YEAR).tables[1]

        stockholm, vasternorrland = ended.rows
        # Sundsvall's 2 to work, 1 to studies and 1 other are all small; Stockholm's 8, 6 and
        # 6 are hidden with them, so the columns do not give them away.
        self.assertTrue(all(c.hidden for c in vasternorrland.cells + stockholm.cells))
        # With two län, the country's 24 would give Västernorrland's 4 away from Stockholm's 20.
        self.assertEqual((vasternorrland.total.value, stockholm.total.value), (None, None))
        self.assertEqual(country(ended).total, Cell(24, False))
        self.assertTrue(vasternorrland.extra and vasternorrland.extra.hidden)
        self.assertTrue(stockholm.extra and stockholm.extra.hidden)
        # The country: 10 to work and 7 to studies are shown, so 17 to either is too.
        self.assertEqual([c.value for c in country(ended).cells], [10, 7, 7])
        self.assertEqual(country(ended).extra, Cell(17, False))
        self.assertEqual(ended.extra_heading, "Därav till arbete eller studier")

    def test_the_threshold_is_the_highest_any_sharing_forbund_chose_and_at_least_5(self):
        share(self.association, self.office, threshold=3)
        self.assertEqual(national_overview(YEAR).threshold, 5)

        share(self.other, self.outsider, threshold=13)
        self.assertEqual(national_overview(YEAR).threshold, 13)

    def test_a_higher_threshold_hides_more(self):
        share(self.association, self.office, threshold=13)

        found = national_overview(YEAR)

        # Sundsvall's 12 women are below 13.
        self.assertEqual(found.tables[0].rows[0].cells[0], Cell(None, True))
        self.assertEqual(found.tables[0].rows[0].total, Cell(22, False))

    def test_the_latest_year_is_shown_unless_another_is_asked_for(self):
        share(self.association, self.office)
        later = Intervention.objects.create(
            association=self.association,
            name="Ny insats",
            owner=self.sundsvall_insats.owner,
            direction=Direction.INDIVIDUAL,
        )
        approved(later, first_period(self.association, 2031), self.office, self.office)
        self.login(self.national)

        response = self.client.get(self.page)

        self.assertEqual(response.context["overview"].year, 2031)
        self.assertContains(response, '<h1 class="heading--h1">Nationell uppföljning 2031</h1>')
        self.assertContains(response, f'<a class="anchor" href="?ar={YEAR}">{YEAR}</a>', html=True)
        self.assertEqual(self.client.get(self.page, {"ar": "x"}).context["overview"].year, 2031)
        self.assertEqual(self.client.get(self.page, {"ar": "1999"}).context["overview"].year, 2031)

    def test_demo_figures_are_marked(self):
        share(self.association, self.office)
        self.login(self.national)
        self.assertNotContains(self.client.get(self.page, {"ar": YEAR}), "Demosiffror")

        ParticipantReport.objects.filter(intervention=self.sundsvall_insats).update(demo=True)
        association_pages_changed(association_id=self.association.pk)  # a write without signals

        self.assertContains(self.client.get(self.page, {"ar": YEAR}), "Demosiffror")

    def test_without_sharing_forbund_the_page_says_so(self):
        self.login(self.national)

        response = self.client.get(self.page)

        self.assertContains(response, "Inget förbund delar ännu sina siffror")
        self.assertNotContains(response, "<table")

    def test_the_query_count_does_not_grow_with_forbund_or_years(self):
        share(self.association, self.office)
        self.login(self.national)
        # Session, user, every förbund's version, the settings, the years, the sums.
        with self.assertNumQueries(6):
            self.assertEqual(self.client.get(self.page, {"ar": YEAR}).status_code, 200)
        with self.assertNumQueries(3):  # kept: session, user, every förbund's version
            self.assertEqual(self.client.get(self.page, {"ar": YEAR}).status_code, 200)

        share(self.other, self.outsider)
        approved(
            self.other_insats,
            first_period(self.other, YEAR - 1),
            self.outsider,
            self.outsider,
            new=(7, 7, 7),
        )
        with self.assertNumQueries(6):
            response = self.client.get(self.page, {"ar": YEAR})
        self.assertEqual(country(response.context["overview"].tables[0]).total.value, 72)
        self.assertIn(YEAR - 1, response.context["overview"].years)

    def test_everyone_but_national_readers_gets_404(self):
        share(self.association, self.office)
        for user in (self.office, self.chair, self.auditor, self.applicant, self.outsider):
            self.login(user)
            self.assertEqual(self.client.get(self.page).status_code, 404, user)

    def test_anonymous_visitors_are_sent_to_log_in(self):
        response = self.client.get(self.page)

        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("login"), response["Location"])

    def test_the_page_only_reads(self):
        self.login(self.national)

        self.assertEqual(self.client.post(self.page).status_code, 405)

    def test_the_finance_overview_links_here(self):
        self.login(self.national)

        response = self.client.get(reverse("finance:national"))

        self.assertContains(response, f'href="{self.page}"')


class PublicExportTests(NationalTestCase):
    def setUp(self):
        super().setUp()
        self.url_export = reverse("followup:public_export", args=[self.association.slug])

    def lines(self, user: User) -> list[str]:
        self.login(user)
        response = self.client.get(self.url_export)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("offentlig.csv", response["Content-Disposition"])
        self.assertTrue(response.content.startswith("\ufeff".encode()))
        return response.content.decode("utf-8-sig").splitlines()

    def test_the_kansli_downloads_the_year_table_with_small_counts_hidden(self):
        lines = self.lines(self.office)

        self.assertEqual(
            lines[0],
            "Uppföljning av insatser, Samordningsförbundet i Sundsvall: offentlig sammanställning",
        )
        self.assertTrue(lines[1].startswith("Antal under 5 visas inte (–)"))
        participants = lines.index("Deltagare per år och kön")
        self.assertEqual(lines[participants + 1], "År;Kvinnor;Män;Annat/ej angivet;Totalt")
        # 2 others are hidden, and the 8 men with them; the year's 22 stays.
        self.assertEqual(lines[participants + 2], f"{YEAR};12;–;–;22")
        ended = lines.index("Avslutade per år och kön")
        self.assertEqual(lines[ended + 2], f"{YEAR};–;–;0;–")
        where = lines.index("Avslutade per år och vart de gick")
        self.assertEqual(
            lines[where + 1],
            "År;Arbete;Studier;Övriga avslut;Totalt;Därav till arbete eller studier",
        )
        self.assertEqual(lines[where + 2], f"{YEAR};–;–;–;–;–")
        # Later years follow, one line each, with no sum over the years.
        years = ParticipantReport.objects.filter(
            association=self.association, status=ParticipantReportStatus.APPROVED
        ).values_list("period__year", flat=True)
        later = sorted({str(y) for y in years} - {str(YEAR)})
        following = lines[participants + 3 : participants + 3 + len(later)]
        self.assertEqual([line[:4] for line in following], later)
        self.assertEqual(lines[participants + 3 + len(later)], "")

    def test_demo_figures_are_marked(self):
        ParticipantReport.objects.filter(intervention=self.sundsvall_insats).update(demo=True)
        association_pages_changed(association_id=self.association.pk)  # a write without signals

        lines = self.lines(self.office)

        self.assertIn("Demosiffror: påhittade siffror i demodata, inte verkliga deltagare.", lines)

    def test_the_threshold_is_the_forbunds_own(self):
        share(self.association, self.office, threshold=13, shared=False)

        lines = self.lines(self.board)

        self.assertTrue(lines[1].startswith("Antal under 13 visas inte"))
        participants = lines.index("Deltagare per år och kön")
        self.assertEqual(lines[participants + 2], f"{YEAR};–;–;–;22")

    def test_counts_not_yet_approved_are_left_out(self):
        ParticipantReport.objects.filter(intervention=self.sundsvall_insats).filter(
            period__year=YEAR
        ).update(status=ParticipantReportStatus.SUBMITTED)

        lines = self.lines(self.office)

        self.assertFalse(any(line.startswith(f"{YEAR};") for line in lines))

    def test_an_applicant_may_not_download_it(self):
        self.login(self.applicant)

        self.assertEqual(self.client.get(self.url_export).status_code, 403)

    def test_another_forbund_gets_404(self):
        self.login(self.outsider)

        self.assertEqual(self.client.get(self.url_export).status_code, 404)

    def test_the_export_only_reads(self):
        self.login(self.office)

        self.assertEqual(self.client.post(self.url_export).status_code, 405)
