"""The report pages: the kansli writes, the board and the auditors read (403 on a write),
another förbund gets 404; bad input is refused at the field with nothing saved; the list is
paged and costs the same whatever the number of reports."""

from django.db import connection
from django.test import SimpleTestCase
from django.test.utils import CaptureQueriesContext

from samordna.accounts.models import Role, User
from samordna.core.tests.base import SamordnaTestCase
from samordna.reports import services
from samordna.reports.models import AssociationReport, AssociationReportKind
from samordna.reports.permissions import can_read_reports, can_write_reports


class ReportPagesTests(SamordnaTestCase):
    def setUp(self):
        self.annual = AssociationReport.objects.get(
            association=self.association, kind=AssociationReportKind.ANNUAL, year=2023
        )
        self.section = self.annual.sections.get(key="forvaltningsberattelse")

    def test_readers_see_the_list_and_the_report_with_its_statements(self):
        for user in (self.office, self.chair, self.board, self.auditor):
            self.login(user)
            self.assertContains(self.client.get(self.url("rapporter/")), "Årsredovisning 2023")
            page = self.client.get(self.url(f"rapporter/{self.annual.pk}/"))
            self.assertContains(page, "Balansräkning")
            self.assertContains(page, "Summa tillgångar")
            self.assertContains(page, "Alla siffror stämmer")
        for user in (self.applicant, self.finance):
            self.login(user)
            self.assertEqual(self.client.get(self.url("rapporter/")).status_code, 403)

    def test_another_forbund_gets_404(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url("rapporter/")).status_code, 404)
        self.assertEqual(
            self.client.get(f"/f/{self.other.slug}/rapporter/{self.annual.pk}/").status_code, 404
        )

    def test_readers_may_not_write(self):
        self.login(self.board)
        for path in (
            "rapporter/ny/",
            f"rapporter/{self.annual.pk}/avsnitt/{self.section.pk}/",
            f"rapporter/{self.annual.pk}/bilaga/",
        ):
            self.assertEqual(self.client.get(self.url(path)).status_code, 403, path)
        self.assertEqual(
            self.client.post(self.url(f"rapporter/{self.annual.pk}/uppdatera/")).status_code, 403
        )

    def test_wrong_method(self):
        self.login(self.office)
        self.assertEqual(
            self.client.get(self.url(f"rapporter/{self.annual.pk}/uppdatera/")).status_code, 405
        )
        self.assertEqual(
            self.client.post(self.url(f"rapporter/{self.annual.pk}/rapport.pdf")).status_code,
            405,
        )

    def test_the_kansli_writes_a_section(self):
        self.login(self.office)
        path = self.url(f"rapporter/{self.annual.pk}/avsnitt/{self.section.pk}/")
        response = self.client.post(
            path, {"title": "Förvaltningsberättelse", "body": "<p>Året <em>gick</em> bra.</p>"}
        )
        self.assertEqual(response.status_code, 302)
        self.section.refresh_from_db()
        self.assertEqual(self.section.body, "<p>Året <em>gick</em> bra.</p>")
        response = self.client.post(path, {"title": "", "body": "Behålls"})
        self.assertContains(response, "Behålls", status_code=400)
        self.section.refresh_from_db()
        self.assertEqual(self.section.body, "<p>Året <em>gick</em> bra.</p>")

    def test_drafting_a_second_report_of_the_year_is_refused_at_the_field(self):
        self.login(self.office)
        response = self.client.post(
            self.url("rapporter/ny/"),
            {"kind": AssociationReportKind.ANNUAL, "year": "2023", "public": "on"},
        )
        self.assertContains(response, "Det finns redan en årsredovisning för 2023", status_code=400)
        response = self.client.post(self.url("rapporter/ny/"), {"kind": "x", "year": "tjugo"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Skriv året med fyra siffror", status_code=400)

    def test_files(self):
        self.login(self.auditor)
        pdf = self.client.get(self.url(f"rapporter/{self.annual.pk}/rapport.pdf"))
        self.assertTrue(pdf.content.startswith(b"%PDF"))
        docx = self.client.get(self.url(f"rapporter/{self.annual.pk}/rapport.docx"))
        self.assertEqual(docx.status_code, 200)

    def test_the_list_costs_the_same_whatever_the_number_of_reports(self):
        self.login(self.office)
        self.client.get(self.url("rapporter/"))
        with CaptureQueriesContext(connection) as few:
            self.client.get(self.url("rapporter/"))
        for year in (2021, 2022):
            services.report_create(
                association=self.association,
                kind=AssociationReportKind.PLAN,
                year=year,
                by=self.office,
            )
        with self.assertNumQueries(len(few.captured_queries)):
            self.client.get(self.url("rapporter/"))


class WritersReadTests(SimpleTestCase):
    def test_every_role_that_may_write_the_reports_may_read_them(self):
        # The write pages check only `can_write_reports`; they rely on this.
        for role in Role:
            if can_write_reports(User(role=role)):
                self.assertTrue(can_read_reports(User(role=role)), role)
