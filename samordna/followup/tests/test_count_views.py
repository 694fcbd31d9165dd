"""The pages of the participant counts: the year's overview, the counts of one insats in one
period from draft to approved (and back, with a reason), the planned number of
participants and the förbund's settings."""

import datetime
from unittest import mock

import time_machine
from django.urls import reverse

from samordna.accounts.models import User
from samordna.associations.cache import association_pages_changed
from samordna.core.tests.base import SamordnaTestCase
from samordna.core.text import swedish_key
from samordna.followup import count_views, services
from samordna.followup.models import (
    FollowupSettings,
    ParticipantReport,
    ParticipantReportStatus,
    PeriodKind,
    PlannedParticipants,
    ReportingPeriod,
    ReportUnlock,
)
from samordna.followup.tests.helpers import approved, balanced, without_tokens
from samordna.interventions import services as intervention_services
from samordna.interventions.models import Intervention
from samordna.interventions.tests.helpers import STOCKHOLM

TODAY = datetime.datetime(2024, 9, 16, 10, tzinfo=STOCKHOLM)
KONSULENT = "Arbetskonsulent för personer med aktivitetsersättning"


def register(
    case: SamordnaTestCase | type[SamordnaTestCase], name: str, owner: str, **fields
) -> Intervention:
    """An insats of the förbund, registered by the kansli, running through 2024."""
    return intervention_services.intervention_register(
        association=case.association,
        by=case.office,
        name=name,
        owner=case.association.members.get(name=owner),
        starts_on=fields.pop("starts_on", datetime.date(2024, 1, 1)),
        ends_on=fields.pop("ends_on", datetime.date(2024, 12, 31)),
        **fields,
    )


def sent(
    intervention: Intervention, period: ReportingPeriod, by: User, **counts
) -> ParticipantReport:
    """Counts entered and sent, waiting for the kansli."""
    report = services.counts_open(intervention=intervention, period=period, by=by)
    services.counts_save(report=report, by=by, version=report.version, values=balanced(**counts))
    return services.counts_submit(report=report, by=by, version=report.version)


def form_data(values: dict[str, int], version: int, action: str = "save") -> dict[str, str]:
    return {"version": str(version), "action": action, **{k: str(v) for k, v in values.items()}}


@time_machine.travel(TODAY, tick=False)
class CountCase(SamordnaTestCase):
    """Sundsvall in September 2024, without the demo's figures: the arbetskonsulent (Sundsvalls
    kommun, the applicant's organisation) and a team of the region run all year."""

    konsulent: Intervention
    region: Intervention
    first: ReportingPeriod
    second: ReportingPeriod

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        ParticipantReport.objects.all().delete()
        cls.konsulent = Intervention.objects.get(association=cls.association, name=KONSULENT)
        cls.region = register(cls, "Samverkansteam i regionen", "Region Västernorrland")
        cls.first, cls.second = services.periods_for_year(association=cls.association, year=2024)

    def overview_url(self, year: int = 2024) -> str:
        return reverse("followup:overview", args=["sundsvall"]) + f"?ar={year}"

    def report_url(self, report: ParticipantReport) -> str:
        return reverse("followup:report", args=["sundsvall", report.pk])

    def start_url(self, intervention: Intervention, period: ReportingPeriod) -> str:
        return reverse(
            "followup:report_start",
            args=["sundsvall", intervention.pk, period.year, period.number],
        )

    def draft(self, intervention: Intervention | None = None) -> ParticipantReport:
        return services.counts_open(
            intervention=intervention or self.konsulent, period=self.first, by=self.applicant
        )


class OverviewTests(CountCase):
    def test_the_kansli_sees_a_row_per_running_insats_and_a_cell_per_period(self):
        sent(self.konsulent, self.first, self.applicant)
        self.login(self.office)
        response = self.client.get(self.overview_url())
        self.assertContains(response, '<h1 class="heading--h1">Uppföljning 2024</h1>')
        self.assertContains(response, '<th scope="col">Halvår 1 2024<br>', html=False)
        self.assertContains(response, f'<th scope="row">{KONSULENT}<br>', html=False)
        self.assertContains(response, "Samverkansteam i regionen")
        self.assertNotContains(response, "Psykolog")  # ended in 2023
        self.assertContains(
            response,
            f'>Inskickad<span class="sr-only">: {KONSULENT}, Halvår 1 2024</span></a>',
            html=False,
        )
        self.assertContains(
            response,
            '>Fyll i<span class="sr-only"> siffror för Samverkansteam i regionen, '
            "Halvår 1 2024</span></button>",
            html=False,
        )
        self.assertContains(response, "Importera siffror från fil")
        self.assertContains(response, "Inställningar för uppföljning")
        # Missing: three insatser's first half-year (over, so flagged), all four in the second.
        self.assertContains(
            response,
            '<th scope="row">Ej inskickade</th><td>3 <span class="warning-text">perioden är slut'
            "</span></td><td>4</td>",
            html=False,
        )
        self.assertContains(
            response, '<th scope="row">Väntar på godkännande</th><td>1</td><td>0</td>', html=False
        )

    def test_a_year_without_periods_is_shown_without_saving_any_until_someone_reports(self):
        ReportingPeriod.objects.filter(association=self.association, year=2025).delete()
        with time_machine.travel(datetime.datetime(2025, 3, 3, 10, tzinfo=datetime.UTC)):
            self.login(self.office)
            response = self.client.get(self.overview_url(2025))
            self.assertContains(response, '<th scope="col">Halvår 1 2025<br>', html=False)
            self.assertFalse(ReportingPeriod.objects.filter(year=2025).exists())
            started = self.client.post(
                reverse("followup:report_start", args=["sundsvall", self.konsulent.pk, 2025, 1])
            )
        self.assertEqual(started.status_code, 302)
        self.assertEqual(
            list(ReportingPeriod.objects.filter(year=2025).values_list("number", flat=True)),
            [1, 2],
        )

    def test_an_applicant_sees_only_their_organisations_insatser(self):
        self.login(self.applicant)
        response = self.client.get(self.overview_url())
        self.assertContains(response, KONSULENT)
        self.assertNotContains(response, "Samverkansteam i regionen")
        self.assertContains(response, "Fyll i")
        self.assertNotContains(response, "Importera siffror från fil")
        self.assertNotContains(response, "Ej inskickade")

    def test_a_board_member_sees_the_grid_read_only(self):
        approved(self.konsulent, self.first, self.applicant, self.office)
        self.login(self.board)
        response = self.client.get(self.overview_url())
        self.assertContains(response, ">Godkänd<span", html=False)
        self.assertContains(response, "Samverkansteam i regionen")
        self.assertNotContains(response, "Fyll i")
        self.assertNotContains(response, ">Ändra<span")
        self.assertNotContains(response, "Inställningar för uppföljning")

    def test_planned_participants_show_with_a_link_to_change_them(self):
        services.planned_set(intervention=self.konsulent, by=self.office, year=2024, planned=24)
        self.login(self.applicant)
        response = self.client.get(self.overview_url())
        planned = reverse("followup:planned", args=["sundsvall", self.konsulent.pk, 2024])
        self.assertContains(
            response,
            f'<td class="numeric">24<br><a class="anchor" href="{planned}">Ändra',
            html=False,
        )

    def test_an_insats_with_counts_in_a_year_it_did_not_run_is_listed(self):
        psykolog = Intervention.objects.get(association=self.association, name="Psykolog")
        services.counts_open(intervention=psykolog, period=self.first, by=self.office)
        self.login(self.office)
        response = self.client.get(self.overview_url())
        self.assertContains(response, '>Utkast<span class="sr-only">: Psykolog', html=False)
        self.assertContains(response, "Insatsen pågår inte under perioden")

    def test_demo_figures_are_marked(self):
        report = approved(self.konsulent, self.first, self.applicant, self.office)
        ParticipantReport.objects.filter(pk=report.pk).update(demo=True)
        self.login(self.board)
        self.assertContains(self.client.get(self.overview_url()), "Demosiffror.")

    def test_the_years_are_those_with_periods_or_insatser(self):
        self.login(self.office)
        response = self.client.get(reverse("followup:overview", args=["sundsvall"]))
        self.assertContains(response, "Uppföljning 2024")  # this year by default
        self.assertContains(response, '<a class="anchor" href="?ar=2016">2016</a>', html=False)
        self.assertEqual(self.client.get(self.overview_url(1990)).status_code, 404)

    def test_the_number_of_queries_does_not_grow_with_insatser_and_periods(self):
        self.login(self.office)
        self.client.get(self.overview_url())  # the session, once
        association_pages_changed(association_id=self.association.pk)  # built anew below
        # The years of the periods and of the insatser, the year's periods, the page (count,
        # its insatser, their counts and planned numbers), the period states over every
        # insats in one query, and the newest year with counts, to point there from a year
        # without.
        with (
            mock.patch.object(count_views, "GRID_PAGE", 3),
            self.assertNumQueries(11),
        ):
            first = self.client.get(self.overview_url())
        # Kept until the förbund's records change: the session and the user only.
        with (
            mock.patch.object(count_views, "GRID_PAGE", 3),
            self.assertNumQueries(2),
        ):
            kept = self.client.get(self.overview_url())
        self.assertEqual(without_tokens(kept), without_tokens(first))
        for number in range(4):
            extra = register(self, f"Extra insats {number}", "Försäkringskassan")
            sent(extra, self.first, self.office)
            services.planned_set(intervention=extra, by=self.office, year=2024, planned=number)
        with (
            mock.patch.object(count_views, "GRID_PAGE", 3),
            self.assertNumQueries(11),
        ):
            more = self.client.get(self.overview_url() + "&sida=2")
        self.assertNotContains(first, "Extra insats 3")
        self.assertContains(more, "Extra insats 1")  # A, E0, E1 on page 1 ... in name order
        self.assertContains(more, "Sida 2 av 3")

    def test_the_grid_is_paged_in_name_order_and_the_states_count_every_insats(self):
        for number in range(4):
            extra = register(self, f"Extra insats {number}", "Försäkringskassan")
            sent(extra, self.first, self.office)
        self.login(self.office)
        with mock.patch.object(count_views, "GRID_PAGE", 3):
            pages = [self.client.get(self.overview_url() + f"&sida={n}") for n in (1, 2, 3)]
        names = [[row.intervention.name for row in page.context["grid"].rows] for page in pages]
        everything = [name for page in names for name in page]
        self.assertEqual(len(everything), 8)  # 4 running in the demo, 4 extra
        self.assertEqual(everything, sorted(everything, key=swedish_key))
        self.assertEqual([len(page) for page in names], [3, 3, 2])
        self.assertContains(pages[0], "8 insatser i bokstavsordning (sida 1 av 3)")
        self.assertContains(pages[0], '<a class="anchor" href="?ar=2024&amp;sida=2">Nästa sida')
        # The states are those of all eight insatser on every page: the four extra sent in
        # the first half-year, the demo's four without counts; all eight missing in the second.
        for page in pages:
            self.assertContains(
                page,
                '<th scope="row">Ej inskickade (alla 8)</th><td>4 <span class="warning-text">'
                "perioden är slut</span></td><td>8</td>",
                html=False,
            )
            self.assertContains(
                page,
                '<th scope="row">Väntar på godkännande</th><td>4</td><td>0</td>',
                html=False,
            )

    def test_a_year_without_counts_says_which_is_the_newest_with_counts(self):
        approved(self.konsulent, self.first, self.applicant, self.office)
        text = "Inga siffror är rapporterade för 2026 ännu. Senaste år med rapporterade siffror"
        with time_machine.travel(datetime.datetime(2026, 3, 3, 10, tzinfo=datetime.UTC)):
            self.login(self.office)
            self.assertContains(self.client.get(self.overview_url(2026)), text)
        self.login(self.office)
        self.assertNotContains(self.client.get(self.overview_url(2024)), "Inga siffror")

    def test_readers_outside_the_forbund_and_wrong_methods(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.overview_url()).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.post(self.overview_url()).status_code, 405)


class ReportStartTests(CountCase):
    def test_the_insatsagare_starts_the_counts_of_a_period(self):
        self.login(self.applicant)
        response = self.client.post(self.start_url(self.konsulent, self.first))
        report = ParticipantReport.objects.get(intervention=self.konsulent, period=self.first)
        self.assertRedirects(response, self.report_url(report), fetch_redirect_response=False)
        self.assertEqual(report.status, ParticipantReportStatus.DRAFT)
        self.client.post(self.start_url(self.konsulent, self.first))
        self.assertEqual(ParticipantReport.objects.filter(intervention=self.konsulent).count(), 1)

    def test_the_kansli_starts_the_counts_of_any_insats(self):
        self.login(self.office)
        self.client.post(self.start_url(self.region, self.second))
        report = ParticipantReport.objects.get(intervention=self.region)
        self.assertEqual((report.period, report.association), (self.second, self.association))

    def test_a_period_the_insats_does_not_run_in_is_refused(self):
        later = services.periods_for_year(association=self.association, year=2025)[0]
        self.login(self.office)
        response = self.client.post(self.start_url(self.konsulent, later), follow=True)
        self.assertContains(response, f"{KONSULENT} pågår inte under Halvår 1 2025.")
        self.assertFalse(ParticipantReport.objects.filter(period=later).exists())

    def test_an_applicant_cannot_start_another_organisations_insats(self):
        self.login(self.applicant)
        response = self.client.post(self.start_url(self.region, self.first))
        self.assertEqual(response.status_code, 404)

    def test_readers_may_not_start_and_others_see_nothing(self):
        self.login(self.board)
        self.assertEqual(
            self.client.post(self.start_url(self.konsulent, self.first)).status_code, 403
        )
        self.assertEqual(
            self.client.get(self.start_url(self.konsulent, self.first)).status_code, 405
        )
        self.login(self.outsider)
        self.assertEqual(
            self.client.post(self.start_url(self.konsulent, self.first)).status_code, 404
        )
        self.assertFalse(ParticipantReport.objects.filter(intervention=self.konsulent).exists())


class ReportFormTests(CountCase):
    def test_the_form_is_laid_out_as_the_paper_form(self):
        report = self.draft()
        self.login(self.applicant)
        response = self.client.get(self.report_url(report))
        self.assertContains(
            response, "Bara antal. Skriv inga namn eller andra uppgifter om deltagare."
        )
        self.assertContains(
            response,
            '<legend class="label fieldset__label">Nya deltagare under perioden</legend>',
            html=False,
        )
        self.assertContains(
            response,
            '<label class="label" for="id_new_women"><span class="sr-only">Nya deltagare under '
            "perioden, </span>kvinnor</label>",
            html=False,
        )
        self.assertContains(
            response,
            '<label class="label" for="id_end_age_45_64"><span class="sr-only">Pågående vid '
            "periodens slut, </span>45–64 år</label>",
            html=False,
        )
        self.assertContains(response, "Avslutade fördelade på vart de gick")
        self.assertContains(response, "Nya deltagare: försörjning vid start")
        self.assertContains(response, '<input type="hidden" name="version" value="1"', html=False)
        self.assertContains(response, ">Spara utkast</button>")
        self.assertContains(response, ">Spara och skicka in</button>")
        self.assertContains(
            response, "<details>\n  <summary>Strukturövergripande arbete", html=False
        )

    def test_a_structural_insats_shows_its_two_counts_first(self):
        structural = register(self, "Samverkansforum", "Sundsvalls kommun", direction="structural")
        report = self.draft(structural)
        self.login(self.applicant)
        content = self.client.get(self.report_url(report)).content.decode()
        self.assertLess(content.index("Deltagare i aktiviteter"), content.index("<details>"))
        self.assertLess(content.index("<details>"), content.index("Nya deltagare under perioden"))

    def test_a_draft_is_saved(self):
        report = self.draft()
        self.login(self.applicant)
        response = self.client.post(self.report_url(report), form_data(balanced(), 1))
        self.assertRedirects(response, self.report_url(report), fetch_redirect_response=False)
        report.refresh_from_db()
        self.assertEqual((report.status, report.new_women, report.version), ("draft", 6, 2))
        page = self.client.get(self.report_url(report))
        self.assertContains(page, "Utkastet är sparat.")
        self.assertContains(page, '<span class="muted">summa</span><br>10</td>', html=False)

    def test_counts_that_add_up_are_sent(self):
        report = self.draft()
        self.login(self.applicant)
        response = self.client.post(self.report_url(report), form_data(balanced(), 1, "submit"))
        self.assertRedirects(response, self.report_url(report), fetch_redirect_response=False)
        report.refresh_from_db()
        self.assertEqual(
            (report.status, report.submitted_by),
            (ParticipantReportStatus.SUBMITTED, self.applicant),
        )
        page = self.client.get(self.report_url(report))
        self.assertContains(page, "är inskickade till kansliet")
        self.assertNotContains(page, "Spara utkast")

    def test_counts_that_do_not_add_up_are_shown_at_their_fields_and_kept(self):
        report = self.draft()
        values = balanced()
        values["new_age_25_29"] = 7
        self.login(self.applicant)
        response = self.client.post(self.report_url(report), form_data(values, 1, "submit"))
        page = response.content.decode()
        self.assertEqual(response.status_code, 400)
        self.assertIn(
            "Nya deltagare under perioden: fördelningen på kön ger 10 men fördelningen på ålder 7.",
            page,
        )
        self.assertIn('href="#id_new_age_16_19"', page)
        self.assertIn("Siffrorna är sparade som utkast men inte inskickade.", page)
        self.assertIn('name="new_age_25_29" value="7"', page)
        # The draft is saved, and the page goes on from its new version.
        report.refresh_from_db()
        self.assertEqual((report.status, report.new_age_25_29, report.version), ("draft", 7, 2))
        self.assertIn('<input type="hidden" name="version" value="2"', page)

    def test_a_count_must_be_a_whole_number_of_zero_or_more(self):
        report = self.draft()
        values = {**form_data(balanced(), 1), "new_women": "sex", "new_men": "-4"}
        self.login(self.applicant)
        response = self.client.post(self.report_url(report), values)
        page = response.content.decode()
        self.assertEqual(response.status_code, 400)
        self.assertIn("Nya deltagare under perioden, kvinnor: Skriv ett heltal, 0 eller mer.", page)
        self.assertIn("Nya deltagare under perioden, män: Skriv ett heltal, 0 eller mer.", page)
        self.assertIn('name="new_women" value="sex"', page)
        report.refresh_from_db()
        self.assertEqual((report.new_women, report.version), (0, 1))

    def test_a_change_made_meanwhile_is_not_overwritten(self):
        report = self.draft()
        services.counts_save(report=report, by=self.office, version=1, values=balanced())
        self.login(self.applicant)
        response = self.client.post(
            self.report_url(report), form_data(balanced(new=(1, 1, 0), ended=(0, 0, 0)), 1)
        )
        self.assertContains(response, "har ändrats av", status_code=400)

    def test_approved_counts_are_locked(self):
        report = approved(self.konsulent, self.first, self.applicant, self.office)
        self.login(self.applicant)
        page = self.client.get(self.report_url(report))
        self.assertNotContains(page, 'name="new_women"')
        self.assertContains(page, '<span class="muted">kvinnor</span><br>6</td>', html=False)
        response = self.client.post(self.report_url(report), form_data(balanced(), report.version))
        self.assertContains(response, "kan inte ändras.", status_code=400)
        report.refresh_from_db()
        self.assertEqual((report.status, report.version), (ParticipantReportStatus.APPROVED, 4))

    def test_a_board_member_reads_sent_counts_with_small_counts_hidden(self):
        report = sent(self.konsulent, self.first, self.applicant, new=(13, 3, 0), ended=(2, 0, 0))
        self.login(self.board)
        page = self.client.get(self.report_url(report))
        self.assertNotContains(page, 'name="new_women"')
        # Those present during the period: 13 women, 3 men (hidden, and the women with them).
        self.assertContains(
            page, "<caption>Deltagare under perioden (vid början och nya)</caption>"
        )
        self.assertContains(
            page,
            '<span class="muted">män</span><br>–<span class="sr-only"> (färre än 5)</span>',
            html=False,
        )
        self.assertContains(page, "antal från 1 till 4 som – (färre än 5)")
        # The four stocks are not shown: from three of them the fourth could be worked out.
        self.assertNotContains(page, "Nya deltagare under perioden")
        self.assertNotContains(page, "Pågående vid periodens slut")
        self.assertNotContains(page, "Godkänn</button>")
        response = self.client.post(self.report_url(report), form_data(balanced(), 2))
        self.assertEqual(response.status_code, 403)
        self.login(self.office)
        page = self.client.get(self.report_url(report))
        self.assertContains(page, "<caption>Nya deltagare under perioden</caption>")
        self.assertContains(page, '<span class="muted">män</span><br>3</td>', html=False)
        self.assertContains(page, ">Godkänn</button>")
        self.assertContains(page, ">Skicka tillbaka</a>")

    def test_a_draft_is_not_shown_to_readers(self):
        report = self.draft()
        self.login(self.auditor)
        self.assertContains(
            self.client.get(self.report_url(report)), "De visas här när de är inskickade."
        )

    def test_demo_figures_say_so(self):
        report = approved(self.konsulent, self.first, self.applicant, self.office)
        ParticipantReport.objects.filter(pk=report.pk).update(demo=True)
        self.login(self.finance)
        self.assertContains(self.client.get(self.report_url(report)), "Demosiffror.")

    def test_others_see_nothing_and_wrong_methods(self):
        report = self.draft(self.region)
        self.login(self.applicant)
        self.assertEqual(self.client.get(self.report_url(report)).status_code, 404)
        self.assertEqual(
            self.client.post(self.report_url(report), form_data(balanced(), 1)).status_code, 404
        )
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.report_url(report)).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.put(self.report_url(report)).status_code, 405)


class ApprovalTests(CountCase):
    def approve_url(self, report: ParticipantReport) -> str:
        return reverse("followup:report_approve", args=["sundsvall", report.pk])

    def reopen_url(self, report: ParticipantReport) -> str:
        return reverse("followup:report_reopen", args=["sundsvall", report.pk])

    def test_the_kansli_approves_sent_counts(self):
        report = sent(self.konsulent, self.first, self.applicant)
        self.login(self.office)
        response = self.client.post(self.approve_url(report), follow=True)
        self.assertContains(response, "Siffrorna för Halvår 1 2024 är godkända och låsta.")
        self.assertContains(response, ">Lås upp</a>")
        report.refresh_from_db()
        self.assertEqual(
            (report.status, report.approved_by), (ParticipantReportStatus.APPROVED, self.office)
        )

    def test_a_draft_cannot_be_approved(self):
        report = self.draft()
        self.login(self.office)
        response = self.client.post(self.approve_url(report), follow=True)
        self.assertContains(response, "Bara inskickade siffror kan godkännas.")

    def test_only_the_kansli_approves(self):
        report = sent(self.konsulent, self.first, self.applicant)
        for user in (self.applicant, self.board):
            self.login(user)
            self.assertEqual(self.client.post(self.approve_url(report)).status_code, 403)
        self.login(self.office)
        self.assertEqual(self.client.get(self.approve_url(report)).status_code, 405)
        self.login(self.outsider)
        self.assertEqual(self.client.post(self.approve_url(report)).status_code, 404)
        report.refresh_from_db()
        self.assertEqual(report.status, ParticipantReportStatus.SUBMITTED)

    def test_unlocking_needs_a_reason_and_logs_it(self):
        report = approved(self.konsulent, self.first, self.applicant, self.office)
        self.login(self.office)
        form = self.client.get(self.reopen_url(report))
        self.assertContains(form, f"Lås upp godkända siffror: {KONSULENT}, Halvår 1 2024")
        self.assertContains(
            self.client.post(self.reopen_url(report), {"reason": ""}),
            "Skriv varför",
            status_code=400,
        )
        response = self.client.post(
            self.reopen_url(report), {"reason": "Två avslut hade fel kön."}, follow=True
        )
        self.assertContains(response, "Siffrorna är ett utkast igen och kan rättas.")
        self.assertContains(response, "<td>Två avslut hade fel kön.</td>", html=False)
        self.assertContains(response, "Jan Andersson")
        report.refresh_from_db()
        self.assertEqual(report.status, ParticipantReportStatus.DRAFT)
        self.assertEqual(ReportUnlock.objects.get(report=report).reason, "Två avslut hade fel kön.")

    def test_sent_counts_are_sent_back(self):
        report = sent(self.konsulent, self.first, self.applicant)
        self.login(self.office)
        self.assertContains(self.client.get(self.reopen_url(report)), "Skicka tillbaka siffrorna")
        self.client.post(self.reopen_url(report), {"reason": "Försörjningen saknas."})
        report.refresh_from_db()
        self.assertEqual(report.status, ParticipantReportStatus.DRAFT)

    def test_a_draft_is_not_reopened(self):
        report = self.draft()
        self.login(self.office)
        response = self.client.get(self.reopen_url(report), follow=True)
        self.assertContains(response, "Siffrorna är redan ett utkast")

    def test_only_the_kansli_reopens(self):
        report = approved(self.konsulent, self.first, self.applicant, self.office)
        for user in (self.applicant, self.auditor):
            self.login(user)
            self.assertEqual(
                self.client.post(self.reopen_url(report), {"reason": "x"}).status_code, 403
            )
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.reopen_url(report)).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.delete(self.reopen_url(report)).status_code, 405)
        self.assertFalse(ReportUnlock.objects.exists())


class PlannedTests(CountCase):
    def planned_url(self, intervention: Intervention, year: int = 2024) -> str:
        return reverse("followup:planned", args=["sundsvall", intervention.pk, year])

    def test_the_insatsagare_sets_and_clears_the_plan(self):
        self.login(self.applicant)
        self.assertContains(
            self.client.get(self.planned_url(self.konsulent)), "Planerat antal deltagare 2024"
        )
        response = self.client.post(self.planned_url(self.konsulent), {"planned": "24"})
        self.assertRedirects(response, self.overview_url(), fetch_redirect_response=False)
        self.assertEqual(
            PlannedParticipants.objects.get(intervention=self.konsulent, year=2024).planned, 24
        )
        self.client.post(self.planned_url(self.konsulent), {"planned": ""})
        self.assertFalse(
            PlannedParticipants.objects.filter(intervention=self.konsulent, year=2024).exists()
        )

    def test_the_plan_is_a_whole_number(self):
        self.login(self.office)
        response = self.client.post(self.planned_url(self.region), {"planned": "-3"})
        self.assertContains(response, "Skriv ett heltal, 0 eller mer.", status_code=400)

    def test_others_may_not_plan(self):
        self.login(self.applicant)
        self.assertEqual(self.client.get(self.planned_url(self.region)).status_code, 404)
        self.login(self.board)
        self.assertEqual(
            self.client.post(self.planned_url(self.konsulent), {"planned": "3"}).status_code, 403
        )
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.planned_url(self.konsulent)).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.put(self.planned_url(self.konsulent)).status_code, 405)
        self.assertEqual(self.client.get(self.planned_url(self.konsulent, 1066)).status_code, 404)
        self.assertFalse(
            PlannedParticipants.objects.filter(intervention=self.konsulent, year=2024).exists()
        )


class SettingsTests(CountCase):
    address = "/f/sundsvall/uppfoljning/installningar/"

    def test_a_new_period_kind_applies_to_years_without_figures(self):
        sent(self.konsulent, self.first, self.applicant)
        services.periods_for_year(association=self.association, year=2025)
        self.login(self.office)
        page = self.client.get(self.address)
        self.assertContains(page, "Gäller år som ännu inte har några siffror.")
        self.assertContains(page, "År som har siffror behåller sina perioder (2024).")
        response = self.client.post(
            self.address,
            {"period_kind": "tertial", "suppression_threshold": "7", "share_nationally": "on"},
        )
        self.assertRedirects(
            response,
            reverse("followup:overview", args=["sundsvall"]),
            fetch_redirect_response=False,
        )
        settings = FollowupSettings.objects.get(association=self.association)
        self.assertEqual(
            (settings.period_kind, settings.suppression_threshold, settings.share_nationally),
            (PeriodKind.TERTIAL, 7, True),
        )
        self.assertEqual(
            [p.label for p in services.periods_for_year(association=self.association, year=2025)],
            ["Tertial 1 2025", "Tertial 2 2025", "Tertial 3 2025"],
        )
        self.assertEqual(len(services.periods_for_year(association=self.association, year=2024)), 2)

    def test_pages_read_the_defaults_without_saving_them(self):
        FollowupSettings.objects.filter(association=self.association).delete()
        self.login(self.office)
        for address in (self.address, reverse("followup:association", args=["sundsvall"])):
            self.assertEqual(self.client.get(address).status_code, 200, address)
        self.assertFalse(FollowupSettings.objects.filter(association=self.association).exists())
        self.client.post(self.address, {"period_kind": "year", "suppression_threshold": "6"})
        settings = FollowupSettings.objects.get(association=self.association)
        self.assertEqual((settings.period_kind, settings.suppression_threshold), ("year", 6))
        self.assertEqual(settings.history.get().history_user, self.office)

    def test_the_threshold_is_between_2_and_20(self):
        self.login(self.office)
        response = self.client.post(
            self.address, {"period_kind": "year", "suppression_threshold": "1"}
        )
        self.assertContains(response, "Skriv ett heltal mellan 2 och 20.", status_code=400)

    def test_only_the_kansli_changes_the_settings(self):
        for user in (self.applicant, self.chair):
            self.login(user)
            self.assertEqual(self.client.get(self.address).status_code, 403)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.address).status_code, 404)
        self.login(self.office)
        self.assertEqual(self.client.put(self.address).status_code, 405)
