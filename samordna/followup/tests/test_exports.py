"""The exports: the förbund's tables as XLSX and CSV (small counts hidden outside the
kansli, marked internal for it), and one insats in the shape Uppföljning Finsam asks for."""

import csv
import io
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from samordna.followup import services
from samordna.followup.models import ParticipantReport
from samordna.followup.tests.test_dashboards import FollowupCase
from samordna.interventions.models import Instalment
from samordna.interventions.services import grants
from samordna.interventions.tests.helpers import D, granted


def sheet_rows(content: bytes, title: str) -> list[list[Any]]:
    sheet = load_workbook(io.BytesIO(content))[title]
    assert isinstance(sheet, Worksheet)
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def data_row(rows: list[list[Any]], label: Any) -> list[Any]:
    return next(row for row in rows if row and row[0] == label)


class AssociationExportTests(FollowupCase):
    def setUp(self):
        self.intervention = self.insats("Stöd till arbete")
        self.counts(
            self.intervention,
            2025,
            new=(12, 8, 0),
            ended=(10, 6, 0),
            to={"work": 8, "studies": 2, "job_seeking": 6},
        )
        self.xlsx = self.url("uppfoljning/forbundet/export.xlsx")
        self.csv = self.url("uppfoljning/forbundet/export.csv")

    def test_the_kansli_gets_every_figure_in_a_file_marked_internal(self):
        self.login(self.office)
        response = self.client.get(self.xlsx)
        self.assertEqual(
            response["Content-Type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        self.assertIn("uppfoljning-sundsvall-internt.xlsx", response["Content-Disposition"])
        rows = sheet_rows(response.content, "Deltagare och avslutade")
        self.assertEqual(
            rows[1][0], "Internt – innehåller små tal. Lämna inte ut filen utanför kansliet."
        )
        header = data_row(rows, "År")
        self.assertEqual(
            header,
            [
                "År",
                "Deltagare",
                "Avslutade",
                "Avslutade till arbete",
                "Avslutade till studier",
                "Totalt till arbete eller studier",
                "Andel av de avslutade till arbete eller studier (%)",
            ],
        )
        self.assertEqual(data_row(rows, 2025), [2025, 20, 16, 8, 2, 10, 63])
        gender = sheet_rows(response.content, "Deltagare efter kön")
        self.assertEqual(data_row(gender, 2025), [2025, 12, 8, 0, 20])

    def test_a_board_member_gets_small_counts_hidden(self):
        self.login(self.board)
        response = self.client.get(self.xlsx)
        self.assertIn("uppfoljning-sundsvall.xlsx", response["Content-Disposition"])
        rows = sheet_rows(response.content, "Deltagare och avslutade")
        self.assertTrue(rows[1][0].startswith("Antal under 5 visas inte (–)"))
        figures = data_row(rows, 2025)
        self.assertEqual(figures[:3], [2025, 20, 16])
        self.assertEqual(figures[4], "–")  # two to studies
        self.assertNotIn("Internt", " ".join(str(r[0]) for r in rows if r))

    def test_the_goals_have_a_sheet(self):
        self.own_goal("Fler deltagare avslutas till studier eller arbete")
        self.login(self.office)
        rows = sheet_rows(self.client.get(self.xlsx).content, "Mål")
        line = next(row for row in rows if row and row[4] == 2025)
        self.assertEqual(
            line,
            [
                "Fler deltagare avslutas till studier eller arbete",
                "Förbundets mål",
                "Andel avslutade till arbete eller studier",
                "Högre än föregående år",
                2025,
                "63\u00a0%",
                "–",
                "kan inte bedömas (inga godkända siffror 2024 att jämföra med)",
            ],
        )

    def test_the_csv_holds_the_same_figures(self):
        self.login(self.office)
        response = self.client.get(self.csv)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        text = response.content.decode("utf-8")
        self.assertTrue(text.startswith("\ufeffTabell;Rad;Uppgift;Värde"))
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        self.assertIn(
            [
                "Om uppgifterna",
                "",
                "",
                "Internt – innehåller små tal. Lämna inte ut filen utanför kansliet.",
            ],
            rows,
        )
        self.assertIn(["Deltagare och avslutade", "2025", "Avslutade till studier", "2"], rows)
        self.assertIn(
            [
                "Deltagare och avslutade",
                "2025",
                "Andel av de avslutade till arbete eller studier (%)",
                "63",
            ],
            rows,
        )
        self.assertIn(["Deltagare efter ålder", "2025", "25–29 år", "20"], rows)

    def test_the_csv_of_a_board_member_hides_small_counts(self):
        self.login(self.board)
        text = self.client.get(self.csv).content.decode("utf-8")
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        self.assertIn(["Deltagare och avslutade", "2025", "Avslutade till studier", "–"], rows)
        self.assertIn(["Deltagare och avslutade", "2025", "Deltagare", "20"], rows)
        self.assertNotIn("Internt", text)

    def test_register_readers_only(self):
        self.login(self.applicant)
        self.assertEqual(self.client.get(self.xlsx).status_code, 403)
        self.assertEqual(self.client.get(self.csv).status_code, 403)

    def test_another_forbund_gets_404(self):
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.xlsx).status_code, 404)
        self.assertEqual(self.client.get(self.csv).status_code, 404)

    def test_wrong_method(self):
        self.login(self.office)
        self.assertEqual(self.client.post(self.xlsx).status_code, 405)
        self.assertEqual(self.client.post(self.csv).status_code, 405)


class FinsamExportTests(FollowupCase):
    def setUp(self):
        decision = granted(
            self.association,
            self.office,
            self.applicant,
            name="Stöd till arbete",
            amounts={2024: 300_000, 2025: 320_000},
        )
        agreement = grants.agreement_draw_up(
            decision=decision, by=self.office, drawn_up_on=D(2024, 1, 10)
        )
        grants.agreement_sign(agreement=agreement, by=self.office, signed_on=D(2024, 1, 20))
        grants.payment_record(
            instalment=Instalment.objects.get(
                grant__decision=decision, grant__year=2024, position=1
            ),
            by=self.finance,
            amount=150_000,
            paid_on=D(2024, 2, 1),
            token="f" * 32,
        )
        intervention = decision.application.intervention
        assert intervention is not None
        self.intervention = intervention
        self.counts(intervention, 2024, new=(3, 2, 1), ended=(1, 1, 0))
        self.counts(intervention, 2025, new=(6, 4, 1), ended=(2, 1, 1), to={"studies": 4})
        services.planned_set(intervention=intervention, by=self.office, year=2025, planned=12)
        self.url_ = self.url(f"uppfoljning/insatser/{intervention.pk}/uppfoljning-finsam.xlsx")

    def test_per_year_budget_outcome_plan_and_counts_by_gender(self):
        self.login(self.office)
        response = self.client.get(self.url_)
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            f"uppfoljning-finsam-{self.intervention.pk}.xlsx", response["Content-Disposition"]
        )
        rows = sheet_rows(response.content, "Uppföljning Finsam")
        self.assertEqual(rows[0][0], "Uppföljning Finsam – Stöd till arbete")
        self.assertIn("Internt – innehåller små tal", rows[1][0])
        self.assertEqual(rows[2][0], "Insatsägare: Sundsvalls kommun")
        header = data_row(rows, "År")
        self.assertEqual(
            header[:8],
            [
                "År",
                "Inriktning",
                "Budget (kr)",
                "Utfall (kr)",
                "Planerat antal deltagare",
                "Deltagare, kvinnor",
                "Deltagare, män",
                "Deltagare, annat/ej angivet",
            ],
        )
        self.assertEqual(
            header[-4:],
            [
                "Avslutade, kvinnor",
                "Avslutade, män",
                "Avslutade, annat/ej angivet",
                "Avslutade, totalt",
            ],
        )
        # Small counts are the förbund's own to report: nothing is hidden here.
        self.assertEqual(
            data_row(rows, 2024),
            [2024, "Individinriktad", 300_000, 150_000, "–", 3, 2, 1, 6, 3, 2, 1, 6, 1, 1, 0, 2],
        )
        self.assertEqual(
            data_row(rows, 2025),
            [2025, "Individinriktad", 320_000, 0, 12, 6, 4, 1, 11, 6, 4, 1, 11, 2, 1, 1, 4],
        )

    def test_demo_figures_are_marked(self):
        ParticipantReport.objects.filter(intervention=self.intervention).update(demo=True)
        self.login(self.office)
        rows = sheet_rows(self.client.get(self.url_).content, "Uppföljning Finsam")
        self.assertTrue(any(row and str(row[0]).startswith("Demosiffror") for row in rows))

    def test_the_kansli_only(self):
        for user in (self.board, self.chair, self.finance, self.applicant):
            self.login(user)
            self.assertEqual(self.client.get(self.url_).status_code, 403, user)

    def test_another_organisation_or_forbund_gets_404(self):
        self.login(self.other_applicant())
        self.assertEqual(self.client.get(self.url_).status_code, 404)
        self.login(self.outsider)
        self.assertEqual(self.client.get(self.url_).status_code, 404)

    def test_wrong_method(self):
        self.login(self.office)
        self.assertEqual(self.client.post(self.url_).status_code, 405)
