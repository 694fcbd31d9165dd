"""The reports drafted from the förbund's own data: a delårsrapport's figures equal the
follow-up's, the budget follow-up's and the upprop's, and say so when the data change; the
figure reads cost the same whatever the number of insatser; the sections carry over with
their history; the årsredovisning balances on the demo ledger and a ledger that does not is
refused with its accounts named."""

import datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samordna.associations.models import BoardSeat, SeatKind
from samordna.core.tests.base import SamordnaTestCase
from samordna.demo import ledger_money
from samordna.followup import services as followup_services
from samordna.followup.models import MeasuredGoal, ParticipantReport
from samordna.followup.selectors import year_figures
from samordna.followup.tests.helpers import approved
from samordna.followup.tests.test_suppression import derivable
from samordna.interventions.models import Intervention
from samordna.interventions.tests.helpers import granted
from samordna.ledger import selectors as ledger_selectors
from samordna.ledger import services as ledger_services
from samordna.ledger.models import LedgerBalance, LedgerImport
from samordna.ledger.tests.helpers import fresh_budget, sie, upload, ver
from samordna.meetings.models import Attendance, Meeting, Presence
from samordna.reports import documents, figures, selectors, services, statements
from samordna.reports.models import AssociationReport, AssociationReportKind

D = datetime.date
YEAR = 2024
FILE = sie(
    "#RAR 0 20240101 20241231",
    "#IB 0 1930 500000.00",
    "#IB 0 2091 -500000.00",
    *ver("A", 1, "20240105", (5010, "5000.00"), (1930, "-5000.00")),
    *ver("B", 1, "20240127", (1930, "920000.00"), (3010, "-920000.00")),
)


class DelarsrapportTests(SamordnaTestCase):
    """A förbund with two insatser counted in 2024, a 2024 budget and ledger, and a board
    meeting with its upprop."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        MeasuredGoal.objects.filter(association=cls.association).delete()

    def setUp(self):
        self.lines = fresh_budget(self.association, YEAR)
        pending = ledger_services.import_upload(
            association=self.association, year=YEAR, by=self.finance, file=upload("a.se", FILE)
        )
        ledger_services.import_confirm(
            ledger_import=pending,
            by=self.finance,
            choices={
                3010: f"line:{self.lines['Försäkringskassan/Arbetsförmedlingen'].pk}",
                5010: f"line:{self.lines['Lokalkostnader'].pk}",
            },
        )
        self.insatser = [self.insats("Första insatsen"), self.insats("Andra insatsen")]
        self.period = followup_services.periods_for_year(association=self.association, year=YEAR)[0]
        self.counts = [
            approved(self.insatser[0], self.period, self.applicant, self.office, new=(5, 3, 1)),
            approved(self.insatser[1], self.period, self.applicant, self.office, new=(2, 2, 0)),
        ]
        self.meeting = Meeting.objects.create(
            association=self.association,
            date=D(YEAR, 3, 15),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kansliet",
        )
        seats = list(
            BoardSeat.objects.filter(
                association=self.association,
                kind=SeatKind.ORDINARY,
                starts_on__lte=D(2022, 11, 25),
                ends_on__gte=D(2022, 11, 25),
            )
        )
        self.assertGreater(len(seats), 1)
        for index, seat in enumerate(seats):
            Attendance.objects.create(
                meeting=self.meeting,
                seat=seat,
                presence=Presence.ABSENT if index == 0 else Presence.PRESENT,
            )
        self.seats = seats

    def insats(self, name: str) -> Intervention:
        decision = granted(
            self.association,
            self.office,
            self.applicant,
            name=name,
            direction="individual",
            amounts={YEAR: 100_000},
        )
        intervention = decision.application.intervention
        assert intervention is not None
        return intervention

    def draft(self):
        return services.report_create(
            association=self.association,
            kind=AssociationReportKind.INTERIM,
            year=YEAR,
            by=self.office,
        )

    def figure(self, report, key: str) -> str:
        return report.figures.get(key=key).value

    def test_figures_equal_the_followup_the_budget_followup_and_the_upprop(self):
        report = self.draft()
        for insats in self.insatser:
            counted = year_figures(ParticipantReport.objects.filter(intervention=insats))[YEAR]
            self.assertEqual(
                self.figure(report, f"followup:{insats.pk}:participants"), str(counted.participants)
            )
            self.assertEqual(
                self.figure(report, f"followup:{insats.pk}:women"),
                str(counted.participants_by_gender["women"]),
            )
            self.assertEqual(self.figure(report, f"followup:{insats.pk}:ended"), str(counted.ended))
        self.assertEqual(self.figure(report, f"followup:{self.insatser[0].pk}:participants"), "9")

        followup = ledger_selectors.followup(
            self.association, self.lines["Psykolog"].budget, report.ends_on
        )
        self.assertEqual(
            self.figure(report, "budget_followup:result:Utfall"), str(int(followup.result.outcome))
        )
        self.assertEqual(self.figure(report, "budget_followup:result:Utfall"), "915000")
        for group in followup.groups:
            self.assertEqual(
                self.figure(report, f"budget_followup:{group.key}:Budget"),
                str(group.figures.budget),
            )

        self.assertEqual(self.figure(report, "meetings:held"), "1")
        by_member: dict[int, list[int]] = {}
        for attendance in Attendance.objects.filter(meeting=self.meeting).select_related("seat"):
            counted_ = by_member.setdefault(attendance.seat.member_id, [0, 0])
            counted_[0] += attendance.is_present
            counted_[1] += 1
        for member, (present, called) in by_member.items():
            self.assertEqual(self.figure(report, f"meetings:member:{member}:present"), str(present))
            self.assertEqual(self.figure(report, f"meetings:member:{member}:called"), str(called))
        self.assertEqual(selectors.figure_state(report).stale, [])

    def test_a_changed_count_marks_the_figure_stale_and_refresh_takes_it(self):
        report = self.draft()
        report.public = False  # the kansli's own view: no small counts hidden
        key = f"followup:{self.insatser[1].pk}:participants"
        self.assertEqual(self.figure(report, key), "4")
        ParticipantReport.objects.filter(pk=self.counts[1].pk).update(new_women=5, end_women=5)
        state = selectors.figure_state(report)
        stale = {figure.key: now for figure, now in state.stale}
        self.assertEqual(stale[key], "7")
        self.assertIn(f"followup:{self.insatser[1].pk}:women", stale)
        self.assertNotIn(f"followup:{self.insatser[0].pk}:participants", stale)
        cell = next(
            cell
            for label, cells in state.tables["deltagare"].rows
            if label == "Andra insatsen"
            for cell in cells
            if cell.figure and cell.figure.key == key
        )
        self.assertTrue(cell.stale)
        self.assertEqual(cell.now, "7")

        self.assertGreater(services.figures_refresh(report=report, by=self.office), 0)
        self.assertEqual(self.figure(report, key), "7")
        self.assertEqual(selectors.figure_state(report).stale, [])
        self.assertEqual(report.figures.get(key=key).history.first().history_user, self.office)

    def test_an_attendance_changed_in_the_upprop_is_stale(self):
        report = self.draft()
        Attendance.objects.filter(meeting=self.meeting, seat=self.seats[0]).update(
            presence=Presence.PRESENT
        )
        member = self.seats[0].member_id
        stale = {figure.key for figure, _ in selectors.figure_state(report).stale}
        self.assertIn(f"meetings:member:{member}:present", stale)

    def test_small_counts_are_hidden_when_public(self):
        report = self.draft()
        table = selectors.figure_state(report).tables["deltagare"]
        self.assertTrue(table.hidden)
        texts = [
            cell.text for label, cells in table.rows for cell in cells if label == "Första insatsen"
        ]
        self.assertIn("–", texts)  # the one "annat" participant
        report.public = False
        report.save()
        table = selectors.figure_state(report).tables["deltagare"]
        self.assertFalse(table.hidden)

    def grids(self, report, parts):
        """The participants table as the reader sees it, one grid per part of columns that
        add up: each row's cells and its row total (None where it is not published), the
        totals row last; the true values beside (None = hidden in what is seen)."""
        table = selectors.figure_state(report).tables["deltagare"]
        by_row = {
            label: {cell.figure.params["count"]: cell for cell in cells}
            for label, cells in table.rows
        }
        labels = [label for label, _ in table.rows]
        self.assertEqual(labels[-1], figures.TOTAL_ROW)
        out = []
        for columns, total in parts:
            full, seen = [], []
            for label in labels:
                cells = [by_row[label][c] for c in columns]
                values = [int(c.figure.value) for c in cells]
                full.append([*values, sum(values)])
                shown = [None if c.hidden else int(c.figure.value) for c in cells]
                if total is None:
                    seen.append([*shown, None])
                else:
                    cell = by_row[label][total]
                    self.assertEqual(int(cell.figure.value), sum(values))
                    seen.append([*shown, None if cell.hidden else int(cell.figure.value)])
            out.append((full, seen))
        return out

    def test_the_totals_row_is_the_sum_of_the_insatser(self):
        report = self.draft()
        for code in ("participants", "women", "men", "other", "new", "ended"):
            total = self.figure(report, f"followup:total:{code}")
            parts = [self.figure(report, f"followup:{i.pk}:{code}") for i in self.insatser]
            self.assertEqual(int(total), sum(int(p) for p in parts))

    def test_no_hidden_count_can_be_worked_out_from_the_totals(self):
        """Secondary suppression: the participants (row totals) and the totals row must not
        give a hidden count away. Checked by the follow-up's search, which knows nothing of
        how the cells were chosen; the same table with only the small counts hidden is
        shown to leak, so the check has teeth."""
        report = self.draft()
        self.assertEqual(self.figure(report, f"followup:{self.insatser[0].pk}:participants"), "9")
        parts = selectors.SUPPRESSED_TABLES["deltagare"]
        for (columns, total), (full, seen) in zip(parts, self.grids(report, parts), strict=True):
            found = derivable(full, seen)
            if total is None:  # the row totals the table does not show are no leak
                found = [(i, j) for i, j in found if j < len(columns)]
            self.assertEqual(found, [])
        # Women 5, men 3, other 1 (9) and women 2, men 2, other 0 (4): with only the
        # small counts hidden the reader works some of them out again.
        (full, seen), *_ = self.grids(report, selectors.SUPPRESSED_TABLES["deltagare"])
        primary = [[None if 0 < value < 5 else value for value in row] for row in full]
        self.assertNotEqual(derivable(full, primary), [])
        hidden = sum(value is None for row in seen for value in row)
        self.assertGreater(hidden, sum(value is None for row in primary for value in row))
        # The document hides the same cells as the page.
        state = selectors.figure_state(report)
        on_page = [
            [label, *("–" if cell.hidden else cell.text for cell in cells)]
            for label, cells in state.tables["deltagare"].rows
        ]
        blocks = documents.report_blocks(report)
        table = next(b for b in blocks if b.kind == "table" and "Kvinnor" in b.columns)
        self.assertEqual(table.rows, on_page)
        self.assertIn(documents.HIDDEN_NOTE, [b.text for b in blocks])

    def test_a_row_missing_a_count_still_hides_its_small_counts(self):
        report = self.draft()
        report.figures.filter(key=f"followup:{self.insatser[0].pk}:women").delete()
        table = selectors.figure_state(report).tables["deltagare"]
        cells = dict(table.rows)["Första insatsen"]
        other = next(c for c in cells if c.figure.params["count"] == "other")
        self.assertEqual((other.figure.value, other.text), ("1", "–"))

    def test_figure_reads_cost_the_same_whatever_the_number_of_insatser(self):
        report = self.draft()
        cache.clear()  # the goals panel built, not read from the cache, both times
        with CaptureQueriesContext(connection) as few:
            selectors.figure_state(report)
        for name in ("Tredje insatsen", "Fjärde insatsen", "Femte insatsen"):
            approved(self.insats(name), self.period, self.applicant, self.office)
        services.figures_refresh(report=report, by=self.office)
        per_insats = report.figures.filter(key__endswith=":participants").exclude(
            key__startswith="followup:total:"
        )
        self.assertEqual(per_insats.count(), 5)
        cache.clear()
        with self.assertNumQueries(len(few.captured_queries)):
            selectors.figure_state(report)

    def test_sections_carry_over_from_last_year_with_history(self):
        last = services.report_create(
            association=self.association,
            kind=AssociationReportKind.INTERIM,
            year=YEAR - 1,
            by=self.office,
        )
        section = last.sections.get(key="forvaltningsberattelse")
        services.section_update(
            section=section,
            by=self.office,
            title=section.title,
            body="<h3>Året</h3><p>Förbundet <script>alert(1)</script>arbetade.</p>",
        )
        section.refresh_from_db()
        self.assertNotIn("script", section.body)
        self.assertEqual(section.history.count(), 2)
        report = self.draft()
        self.assertEqual(report.carried_from, last)
        carried = report.sections.get(key="forvaltningsberattelse")
        self.assertEqual(carried.body, section.body)
        self.assertEqual(carried.history.first().history_user, self.office)

    def test_a_second_report_of_the_kind_and_year_is_refused(self):
        self.draft()
        with self.assertRaises(ValidationError):
            self.draft()


class ArsredovisningTests(SamordnaTestCase):
    """The årsredovisning from the demo ledger (Sundsvall 2023) balances."""

    def test_the_demo_ledger_balances(self):
        found = statements.build(self.association, 2023)
        for column in (0, 1):
            assets = found.value("balansrakning", "assets", column)
            total = found.value("balansrakning", "equity_and_liabilities", column)
            self.assertEqual(assets, total)
        self.assertGreater(found.value("balansrakning", "assets"), 0)
        result = found.value("resultatrakning", "result")
        equity_end = found.value("balansrakning", "equity")
        equity_start = found.value("balansrakning", "equity", 1)
        self.assertEqual(equity_end - equity_start, result)
        self.assertEqual(
            found.value("kassaflode", "start") + found.value("kassaflode", "flow"),
            found.value("kassaflode", "end"),
        )
        self.assertEqual(found.value("kassaflode", "end"), found.value("balansrakning", "cash"))
        self.assertEqual(found.value("resultatrakning", "result", 1), -102706)

    def test_the_report_is_drafted_with_its_statements(self):
        AssociationReport.objects.filter(association=self.association).delete()
        report = services.report_create(
            association=self.association,
            kind=AssociationReportKind.ANNUAL,
            year=2023,
            by=self.office,
        )
        state = selectors.figure_state(report)
        self.assertEqual(state.refused, "")
        self.assertEqual(state.tables["balansrakning"].columns, ["2023", "2022"])
        self.assertIn("resultatrakning", state.tables)
        self.assertIn("kassaflode", state.tables)

    def imported(self, *lines: str):
        ledger_import = LedgerImport.objects.get(
            association=self.association, year=2023, status="imported"
        )
        LedgerBalance.objects.filter(ledger_import=ledger_import).delete()
        for line in lines:
            kind, year, account, amount = line.split()
            LedgerBalance.objects.create(
                ledger_import=ledger_import,
                year_index=int(year),
                kind=kind,
                account=int(account),
                amount=amount,
            )

    def test_opening_balances_that_do_not_add_up_are_refused_naming_the_accounts(self):
        AssociationReport.objects.filter(association=self.association).delete()
        self.imported("#IB 0 1930 1055000.00", "#IB 0 2091 -755000.00", "#IB 0 2440 -290000.00")
        with self.assertRaisesMessage(statements.Refused, "1930 Företagskonto, 2091"):
            statements.build(self.association, 2023)
        with self.assertRaisesMessage(ValidationError, "2440 Leverantörsskulder"):
            services.report_create(
                association=self.association,
                kind=AssociationReportKind.ANNUAL,
                year=2023,
                by=self.office,
            )

    def test_a_closing_balance_that_is_not_the_verifications_is_refused(self):
        self.imported(
            "#IB 0 1930 1055000.00", "#IB 0 2091 -755000.00", "#IB 0 2440 -300000.00",
            "#UB 0 1930 1055000.00",
        )  # fmt: skip
        with self.assertRaisesMessage(statements.Refused, "konto 1930 Företagskonto"):
            statements.build(self.association, 2023)

    def test_equity_booked_during_the_year_is_refused(self):
        lines = fresh_budget(self.association, 2023)
        data = sie(
            "#RAR 0 20230101 20231231",
            "#IB 0 1930 500000.00",
            "#IB 0 2091 -500000.00",
            *ver("A", 1, "20230105", (5010, "5000.00"), (1930, "-5000.00")),
            *ver("A", 2, "20230106", (2091, "1000.00"), (1930, "-1000.00")),
        )
        pending = ledger_services.import_upload(
            association=self.association, year=2023, by=self.finance, file=upload("b.se", data)
        )
        ledger_services.import_confirm(
            ledger_import=pending,
            by=self.finance,
            choices={5010: f"line:{lines['Lokalkostnader'].pk}"},
        )
        with self.assertRaisesMessage(statements.Refused, "konto 2091"):
            statements.build(self.association, 2023)
        self.assertTrue(ledger_money)  # the demo ledger is what the other tests read


class BalanskravTests(SamordnaTestCase):
    """The balanskravsutredning of the förvaltningsberättelse, computed from the ledger."""

    def test_the_demo_ledger_gives_its_balanskravsresultat_with_no_reserve(self):
        found = statements.build(self.association, 2023)
        result = found.value("resultatrakning", "result")
        self.assertEqual(found.value("balanskrav", "result"), result)
        self.assertEqual(found.value("balanskrav", "realisation_gains"), 0)
        self.assertEqual(found.value("balanskrav", "to_reserve"), 0)
        self.assertEqual(found.value("balanskrav", "from_reserve"), 0)
        self.assertIn("förbundet har ingen", found.row("balanskrav", "to_reserve").label)
        self.assertEqual(found.value("balanskrav", "requirement_result"), result)
        # Last year's result (−102 706 kr in the demo file) was negative: to be restored.
        self.assertEqual(found.value("balanskrav", "to_restore", 1), 102706)
        self.assertEqual(
            found.row("balanskrav", "verdict").values[1][1],
            "inte uppfyllt: 102\u00a0706\u00a0kr ska återställas senast 2025",
        )

    def ledger(self, *rows: tuple[int, str]) -> None:
        lines = fresh_budget(self.association, 2024)
        data = sie(
            "#RAR 0 20240101 20241231",
            '#KONTO 3973 "Vinst vid avyttring av inventarier"',
            '#KONTO 8291 "Orealiserade värdeförändringar"',
            "#IB 0 1930 500000.00",
            "#IB 0 2091 -500000.00",
            *ver("A", 1, "20240105", *rows),
        )
        pending = ledger_services.import_upload(
            association=self.association, year=2024, by=self.finance, file=upload("c.se", data)
        )
        ledger_services.import_confirm(
            ledger_import=pending,
            by=self.finance,
            choices={
                3010: f"line:{lines['Försäkringskassan/Arbetsförmedlingen'].pk}",
                5010: f"line:{lines['Lokalkostnader'].pk}",
                3973: "not_counted",
                8291: "not_counted",
            },
        )

    def test_realisation_gains_and_unrealised_gains_are_taken_out(self):
        # Income 100 000, a gain on a sale 50 000, an unrealised gain 10 000, costs 120 000:
        # årets resultat 40 000, balanskravsresultat −20 000, to be restored by 2027.
        self.ledger(
            (3010, "-100000.00"), (3973, "-50000.00"), (8291, "-10000.00"),
            (5010, "120000.00"), (1930, "40000.00"),
        )  # fmt: skip
        found = statements.build(self.association, 2024)
        self.assertEqual(found.value("resultatrakning", "result"), 40000)
        self.assertEqual(found.value("balanskrav", "realisation_gains"), -50000)
        self.assertEqual(found.value("balanskrav", "unrealised"), -10000)
        self.assertEqual(found.value("balanskrav", "adjusted"), -20000)
        self.assertEqual(found.value("balanskrav", "requirement_result"), -20000)
        self.assertEqual(found.value("balanskrav", "to_restore"), 20000)
        self.assertIn("senast 2027", str(found.row("balanskrav", "verdict").values[0][1]))

        AssociationReport.objects.filter(association=self.association).delete()
        report = services.report_create(
            association=self.association,
            kind=AssociationReportKind.ANNUAL,
            year=2024,
            by=self.office,
        )
        section = report.sections.get(key="balanskrav")
        self.assertEqual(section.table, "balanskrav")
        figure = report.figures.get(key="statements:balanskrav:requirement_result:2024")
        self.assertEqual((figure.value, figure.source), ("-20000", "statements"))
        self.assertEqual(figure.params, {"year": 2024, "line": "requirement_result"})
        table = selectors.figure_state(report).tables["balanskrav"]
        self.assertEqual(table.title, "Balanskravsutredning")
        rows = dict(table.rows)
        self.assertEqual(rows["Balanskravsresultat"][0].text, "−20\u00a0000\u00a0kr")

        # A realisation loss stays in the result; the data changed, the figure is stale.
        self.ledger(
            (3010, "-100000.00"), (3973, "5000.00"), (5010, "90000.00"), (1930, "5000.00"),
        )  # fmt: skip
        stale = {f.key: now for f, now in selectors.figure_state(report).stale}
        self.assertEqual(stale["statements:balanskrav:requirement_result:2024"], "5000")
        self.assertEqual(stale["statements:balanskrav:realisation_gains:2024"], "0")
