"""End-to-end: every page in a real browser, for every role, checked with axe-core (WCAG 2.1 AA).

Each role logs in through the login form and opens every page its role may see. Together
the roles' page lists must cover every page in the URL configuration, so a new page fails
`test_every_page_is_covered` until it is added here.
"""

import datetime
import io
import re
import threading
import zipfile
from urllib.parse import urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import override_settings
from django.urls import resolve, reverse
from django_tasks_db.management.commands.db_worker import Worker
from playwright.sync_api import Page, expect

from samordna.accounts.tests.browser_data import OperatorPages
from samordna.associations.models import Association
from samordna.attest.tests.browser_data import AttestPages
from samordna.control.tests.browser_data import ControlPages
from samordna.core.tests import browser
from samordna.core.tests.browser_data import TaskPages
from samordna.core.tests.browser_pages import AppPages
from samordna.fees.tests.browser_data import FeePages
from samordna.finance.models import ContributionInstalment
from samordna.finance.tests.browser_data import FinancePages
from samordna.followup.tests.browser_data import FollowupPaths
from samordna.imports.tests.browser_data import ImportPages
from samordna.imports.tests.minutes_fixtures import FIXTURES
from samordna.interventions.tests.browser_data import InterventionPaths
from samordna.ledger.tests.browser_data import LedgerPages
from samordna.meetings import past
from samordna.meetings.services import past_meetings, proceedings
from samordna.records.tests.browser_data import RecordsPages
from samordna.reports.tests.browser_data import ReportPages

# The money apps describe their own pages (`samordna.core.tests.browser_pages`).
APP_PAGES: list[type[AppPages]] = [
    FinancePages,
    LedgerPages,
    FeePages,
    AttestPages,
    ImportPages,
    TaskPages,
    ControlPages,
    OperatorPages,
    ReportPages,
    RecordsPages,
]

# What each role may open (URL names), beyond what is public. Arguments come from
# `BrowserTests.paths`, which picks real demo objects of Sundsvall.
REGISTER_PAGES = [
    "associations:start",
    "associations:detail",
    "associations:members",
    "associations:people",
    "associations:person",
    "associations:board",
    "associations:seats",
    "associations:staff",
    "meetings:plan",
    "meetings:detail",
    # Insatser: the förbund's readers see applications sent in, the beredning, every insats.
    "interventions:applications",
    "interventions:application",
    "interventions:preparation",
    "interventions:criteria",
    "interventions:register",
    "interventions:detail",
    "interventions:goals",
    "interventions:report",
    "interventions:agreement",
    # Follow-up: counts, results with small counts hidden, surveys' rounds and results.
    "followup:overview",
    "followup:report",
    "followup:association",
    "followup:intervention",
    "followup:surveys",
    "followup:round",
    "followup:survey_results",
]
# Board members justera in the app: the chair and Peter Pettersson signed 2022-11-25.
SIGNER_PAGES = [*REGISTER_PAGES, "meetings:approve"]
OFFICE_PAGES = [
    *REGISTER_PAGES,
    "associations:settings",
    "associations:member_create",
    "associations:member_update",
    "associations:member_shares",
    "associations:person_create",
    "associations:person_update",
    "associations:seat_create",
    "associations:seat_update",
    "associations:board_enter",
    "associations:staff_create",
    "associations:staff_update",
    "associations:history",
    "accounts:users",
    "accounts:user_create",
    "accounts:user_update",
    "meetings:create",
    "meetings:past_create",
    "meetings:past_correct",
    "meetings:update",
    "meetings:item_create",
    "meetings:item_update",
    "meetings:agenda_start",
    "meetings:agenda_template",
    "meetings:roll_call",
    "meetings:paragraph_create",
    "meetings:paragraph_update",
    "meetings:recusals",
    "meetings:guest_create",
    "meetings:attachment_create",
    "meetings:signers",
    "meetings:task_create",
    "meetings:task_done",
    "interventions:application_create",
    "interventions:application_edit",
    "interventions:application_attachment_create",
    "interventions:assessment",
    "interventions:opinion",
    "interventions:agenda",
    "interventions:criterion_update",
    "interventions:preparation_group",
    "interventions:intervention_create",
    "interventions:settings",
    "interventions:decision_create",
    "interventions:decision_earlier",
    "interventions:agreement_sign",
    "interventions:condition_met",
    "attest:instalment_pay",
    "interventions:close",
    "interventions:report_return",
    "interventions:report_sign",
    "interventions:report_request",
    "interventions:report_approve",
    "interventions:catalogue_edit",
    "followup:planned",
    "followup:report_reopen",
    "followup:settings",
    "followup:import",
    "followup:import_detail",
    "followup:goals",
    "followup:goal_create",
    "followup:goal_update",
    "followup:scales",
    "followup:questionnaire_create",
    "followup:questionnaire",
    "followup:questionnaire_update",
    "followup:statement_create",
    "followup:statement_update",
    "followup:round_create",
    "followup:round_paper",
    "followup:round_expected",
]
# The applicant writes and sends applications and reports for their own organisation.
APPLICANT_PAGES = [
    "associations:start",
    "interventions:applications",
    "interventions:application_create",
    "interventions:application",
    "interventions:application_edit",
    "interventions:application_attachment_create",
    "interventions:register",
    "interventions:detail",
    "interventions:report",
    "interventions:agreement",
    "followup:overview",
    "followup:report",
    "followup:planned",
    "followup:intervention",
    "followup:surveys",
    "followup:round",
    "followup:survey_results",
]
ROLE_PAGES = {
    "jan.andersson": OFFICE_PAGES,  # kansli
    "christina.nordeno": SIGNER_PAGES,  # ordförande
    "peter.pettersson": SIGNER_PAGES,  # ledamot
    "eva.sonidsson": [*REGISTER_PAGES, "associations:history"],  # revisor
    "ekonomi.sundsvall": [*REGISTER_PAGES, "attest:instalment_pay"],  # ekonomi
    "denise.wallen": APPLICANT_PAGES,  # sökande
    "nationell": ["finance:national", "finance:allocation_table", "national:overview"],
    "drift": [],  # the operator's pages: OperatorPages
}
for _app in APP_PAGES:
    for _username, _names in _app.role_pages.items():
        ROLE_PAGES[_username] = [*ROLE_PAGES[_username], *_names]
PUBLIC_PAGES = [
    "home",
    "login",
    "finance:allocation_table",
    "public:notices",
    "public:archive",
    "catalogue:search",
    "catalogue:detail",
    "survey:answer",
    "survey:thanks",
    *(name for app in APP_PAGES for name in app.public_pages),
]
# Files the pages link to (calendar, PDF, Word, papers); their own tests in
# samordna/meetings/tests open them.
FILES = {
    "meetings:ics",
    "calendar_feed",
    "meetings:kallelse_pdf",
    "meetings:minutes_pdf",
    "meetings:minutes_docx",
    "meetings:extract",
    "meetings:attachment",
    "public:minutes_pdf",
    "public:feed",
    "interventions:application_pdf",
    "interventions:application_attachment",
    "interventions:agreement_pdf",
    "interventions:agreement_docx",
    "followup:association_csv",
    "followup:association_xlsx",
    "followup:intervention_finsam",
    "followup:import_template",
    "followup:import_template_csv",
    "followup:public_export",
    "followup:round_qr",
    *(name for app in APP_PAGES for name in app.files),
}
# Links every logged-in page may carry: the header's "Samordna" goes to the start page, and
# any page may link to what is open to all (a published insats, a survey's public link).
ALWAYS_LINKED = {"home", *PUBLIC_PAGES, *FILES}
# Addresses that are not pages: files and POST-only actions.
NOT_PAGES = {
    *FILES,
    "meetings:feed_renew",
    "meetings:item_action",
    "meetings:agenda_draft",
    "meetings:paragraph_action",
    "meetings:kallelse_send",
    "meetings:confirm",
    "meetings:guest_delete",
    "interventions:application_submit",
    "interventions:application_withdraw",
    "interventions:application_attachment_delete",
    "interventions:decision_withdraw",
    "followup:report_start",
    "followup:report_approve",
    "followup:goal_delete",
    "followup:statement_action",
    "followup:round_close",
    "accounts:user_unlock",
    *(name for app in APP_PAGES for name in app.not_pages),
}

# Change history: the office sees every kind of record, the auditor what its pages link to.
OFFICE_HISTORY = [
    "forbund",
    "grundbelopp",
    "medlem",
    "person",
    "uppdrag",
    "kansli",
    "anvandare",
    "insats",
    "ansokan",
    "beslut",
    "avtal",
    "utbetalning",
    "rapport",
    # Any tracked model by app.model on the one generic page (issue 12).
    "meetings.meeting",
    "meetings.paragraph",
    "finance.contributioninstalment",
    *(kind for app in APP_PAGES for kind in sorted(app.history_kinds)),
]
AUDITOR_HISTORY = ["forbund", "person", "insats", "ansokan"]

# The office opens most pages: its pages are split in parts by URL namespace, one test each,
# so that the two workers of pytest-xdist finish at about the same time. Each page is still
# opened once; the last part takes what the others do not.
OFFICE_PARTS = {
    "registers_and_meetings": ("associations:", "accounts:", "meetings:"),
    "insatser": ("interventions:", "catalogue:"),
    "followup": ("followup:", "survey:", "national:"),
    "control": ("control:",),
    "records_and_reports": ("records:", "reports:", "imports:"),
}

ALLOCATION_PAGES = {"finance:national", "finance:allocation_table"}
BOARD_IN_OFFICE_ON = "2023-01-01"
BAD_ORGANISATION_NUMBER = "222100-2114"  # the check digit should be 3


def office_part(part: str | None) -> list[str]:
    """The office's pages in `part` of OFFICE_PARTS; None: those in no part."""
    if part is not None:
        return [name for name in ROLE_PAGES["jan.andersson"] if name.startswith(OFFICE_PARTS[part])]
    every_part = tuple(prefix for prefixes in OFFICE_PARTS.values() for prefix in prefixes)
    return [name for name in ROLE_PAGES["jan.andersson"] if not name.startswith(every_part)]


class RolePaths:
    """The paths of each page with arguments from Sundsvall's demo data, for the browser tests
    and for `test_pages.py`, which opens the same pages through Django's test client."""

    association: Association

    def set_up_paths(self) -> None:
        self.interventions = InterventionPaths(self.association)
        self.followup = FollowupPaths(self.association)
        self.apps = [app(self.association) for app in APP_PAGES]

    def paths(self, name: str, username: str) -> list[str]:
        """The paths to open for the page `name`, with arguments from the demo data."""
        association = self.association
        slug = association.slug
        if name.startswith(("interventions:", "catalogue:")) or name == "attest:instalment_pay":
            # The payment of an insats (attest's page) opens on the insats's own records.
            return self.interventions.paths(name, username)
        if name.startswith(("followup:", "survey:", "national:")):
            return self.followup.paths(name, username)
        for app in self.apps:
            if name.startswith(app.prefixes) and name not in ALLOCATION_PAGES:
                return app.paths(name, username)
        if name in {"home", "login", "finance:national", "public:notices", "public:archive"}:
            return [reverse(name)]
        if name == "finance:allocation_table":
            return [reverse(name, args=[2023])]
        if name == "associations:history":
            kinds = OFFICE_HISTORY if username == "jan.andersson" else AUDITOR_HISTORY
            return [reverse(name, args=[slug, kind, self.history_pk(kind)]) for kind in kinds]
        objects = {
            "associations:member_update": association.members.get(name="Sundsvalls kommun"),
            "associations:person": association.people.get(last_name="Nordenö"),
            "associations:person_update": association.people.get(last_name="Andersson"),
            "associations:seat_update": association.board_seats.earliest("starts_on", "pk"),
            "associations:staff_update": association.staff.earliest("starts_on", "pk"),
            "accounts:user_update": association.users.get(username="peter.pettersson"),
        }
        if name in objects:
            return [reverse(name, args=[slug, objects[name].pk])]
        # The seed meetings are justerade; forms open on the next meeting, 2023-01-27.
        justerad = association.meetings.get(date="2022-11-25")
        planned = association.meetings.get(date="2023-01-27")
        if name in {"meetings:paragraph_update", "meetings:recusals"}:
            paragraph = self.draft_paragraph(planned)
            return [reverse(name, args=[slug, planned.pk, paragraph.pk])]
        if name in {"meetings:detail", "meetings:approve"}:
            return [reverse(name, args=[slug, justerad.pk])]
        if name in {
            "meetings:update",
            "meetings:item_create",
            "meetings:agenda_start",
            "meetings:agenda_template",
            "meetings:roll_call",
            "meetings:paragraph_create",
            "meetings:guest_create",
            "meetings:attachment_create",
            "meetings:signers",
            "meetings:task_create",
        }:
            return [reverse(name, args=[slug, planned.pk])]
        if name == "meetings:past_correct":
            return [reverse(name, args=[slug, self.past_meeting().pk])]
        if name == "meetings:item_update":
            item = planned.items.earliest("position")
            return [reverse(name, args=[slug, planned.pk, item.pk])]
        if name == "meetings:task_done":
            task = association.tasks.filter(due_meeting=planned).earliest("pk")
            return [reverse(name, args=[slug, planned.pk, task.pk])]
        if name == "meetings:plan":
            plan = reverse(name, args=[slug])
            return [plan, f"{plan}?ar=2023"]
        if name == "associations:board":
            # Sundsvall's demo board ended on 2023-03-31: today it is empty, before full.
            board = reverse(name, args=[slug])
            return [board, f"{board}?datum={BOARD_IN_OFFICE_ON}"]
        return [reverse(name, args=[slug])]

    def past_meeting(self):
        """A meeting held before Samordna, registered afterwards, to open its correction."""
        registered = self.association.meetings.filter(
            approved_minutes__registered_afterwards=True
        ).first()
        if registered is not None:
            return registered
        office = self.association.users.get(username="jan.andersson")
        approved = past_meetings.register_past_meeting(
            association=self.association,
            by=office,
            date=datetime.date(2019, 6, 14),
            starts_at=datetime.time(9),
            ends_at=datetime.time(12),
            place="Kommunhuset",
            approved_on=datetime.date(2019, 6, 24),
            posted_on=datetime.date(2019, 6, 25),
            taken_down_on=datetime.date(2019, 7, 16),
            original=SimpleUploadedFile("original.pdf", b"%PDF-1.4\n%%EOF\n"),
            paragraphs=[past.PastParagraph(number=1, title="Sammanträdet öppnas")],
        )
        return approved.meeting

    def draft_paragraph(self, meeting):
        """A § in a meeting not yet justerad, to open its forms."""
        paragraph = meeting.paragraphs.first()
        if paragraph is None:
            office = self.association.users.get(username="jan.andersson")
            paragraph = proceedings.paragraph_create(
                meeting=meeting, by=office, title="Sammanträdet öppnas"
            )
        return paragraph

    def history_pk(self, kind: str) -> int:
        association = self.association
        if kind in self.interventions.history_kinds:
            return self.interventions.history_pk(kind)
        for app in self.apps:
            if kind in app.history_kinds:
                return app.history_pk(kind)
        records = {
            "forbund": association,
            "grundbelopp": association.fee_base_amounts.earliest("valid_from"),
            "medlem": association.members.get(name="Region Västernorrland"),
            "person": association.people.get(last_name="Nordenö"),
            "uppdrag": association.board_seats.earliest("starts_on", "pk"),
            "kansli": association.staff.earliest("starts_on", "pk"),
            "anvandare": association.users.get(username="christina.nordeno"),
            "meetings.meeting": association.meetings.get(date="2022-11-25"),
            "meetings.paragraph": association.meetings.get(date="2022-11-25")
            .paragraphs.order_by("number")
            .earliest("number"),
            "finance.contributioninstalment": ContributionInstalment.objects.filter(
                schedule__association=association
            ).earliest("pk"),
        }
        return records[kind].pk

    def url(self, path: str) -> str:
        return f"/f/{self.association.slug}/{path}"


class BrowserTests(RolePaths, browser.BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.set_up_paths()

    def open_role_pages(self, username: str, names: list[str] | None = None) -> None:
        """Log in as `username` and open every page of the role (or those of `names`); links
        must stay inside the role's pages."""
        page = self.log_in(username)
        planned = ROLE_PAGES[username] if names is None else names
        visited = {
            self.visit(page, path) for name in planned for path in self.paths(name, username)
        }
        self.assertEqual(visited, set(planned))
        self.assertLessEqual(
            self.links_seen,
            set(ROLE_PAGES[username]) | ALWAYS_LINKED,
            f"{username} ser länkar till sidor som inte öppnas för rollen här",
        )
        self.assert_no_problems()

    # One test per role (the office's in parts), so that pytest-xdist can spread them over
    # the cores.

    def test_office_registers_and_meetings(self) -> None:
        self.open_role_pages("jan.andersson", office_part("registers_and_meetings"))

    def test_office_insatser(self) -> None:
        self.open_role_pages("jan.andersson", office_part("insatser"))

    def test_office_followup(self) -> None:
        self.open_role_pages("jan.andersson", office_part("followup"))

    def test_office_control(self) -> None:
        self.open_role_pages("jan.andersson", office_part("control"))

    def test_office_records_and_reports(self) -> None:
        self.open_role_pages("jan.andersson", office_part("records_and_reports"))

    def test_office_money(self) -> None:
        self.open_role_pages("jan.andersson", office_part(None))

    def test_chair(self) -> None:
        self.open_role_pages("christina.nordeno")

    def test_board_member(self) -> None:
        self.open_role_pages("peter.pettersson")

    def test_auditor(self) -> None:
        self.open_role_pages("eva.sonidsson")

    def test_finance(self) -> None:
        self.open_role_pages("ekonomi.sundsvall")

    def test_applicant(self) -> None:
        self.open_role_pages("denise.wallen")

    def test_national_reader(self) -> None:
        self.open_role_pages("nationell")

    def test_operator(self) -> None:
        self.open_role_pages("drift")

    def test_public_pages_and_errors(self) -> None:
        page = self.new_page()
        visited = {self.visit(page, path) for name in PUBLIC_PAGES for path in self.paths(name, "")}
        self.assertEqual(visited, set(PUBLIC_PAGES))
        self.assertLessEqual(self.links_seen, set(PUBLIC_PAGES) | {"public:minutes_pdf"})

        self.open_error(page, "/finns-inte/", 404, "Sidan finns inte")

        # A wrong password keeps the user name and says so in Swedish.
        self.visit(page, "/logga-in/")
        page.get_by_label("Användarnamn").fill("jan.andersson")
        page.get_by_label("Lösenord").fill("fel-lösenord")
        page.get_by_role("button", name="Logga in").click()
        expect(page.get_by_role("alert")).to_contain_text("Formuläret innehåller fel")
        expect(page.get_by_label("Användarnamn")).to_have_value("jan.andersson")
        self.check_page(page)

        # A role without access gets the Swedish 403 page.
        chair = self.log_in("christina.nordeno")
        self.open_error(chair, self.url("medlemmar/ny/"), 403, "Ingen behörighet")
        self.assert_no_problems()

    def test_outsider_gets_404(self) -> None:
        """A user of Härnösand–Timrå cannot tell Sundsvall's registers exist."""
        page = self.log_in("ulrika.sahlin")
        self.open_error(page, self.url("medlemmar/"), 404, "Sidan finns inte")
        expect(page.locator("main")).not_to_contain_text("Sundsvall")
        self.assert_no_problems()

    def test_form_errors_keep_input(self) -> None:
        page = self.log_in("jan.andersson")
        self.visit(page, self.url("medlemmar/ny/"))
        page.get_by_label("Slag").select_option(label="Kommun")
        page.get_by_label("Namn").fill("Ånge kommun")
        page.get_by_label("Organisationsnummer").fill(BAD_ORGANISATION_NUMBER)
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            page.get_by_role("button", name="Spara").click()
        self.assertEqual(answer.value.status, 400)

        number = page.get_by_label("Organisationsnummer")
        expect(number).to_have_value(BAD_ORGANISATION_NUMBER)
        expect(page.get_by_label("Namn")).to_have_value("Ånge kommun")
        expect(page.get_by_label("Slag")).to_have_value("kommun")
        error = f"Organisationsnumret {BAD_ORGANISATION_NUMBER} är inte giltigt"
        expect(page.locator(".text-field--error").filter(has=number)).to_contain_text(error)
        # The message is in the field's label, so a screen reader reads it with the field.
        expect(number).to_have_accessible_name(re.compile(error))
        expect(page.get_by_role("alert")).to_contain_text(
            "Organisationsnummer: Organisationsnumret"
        )
        self.check_page(page)

        # Corrected, it saves and the list confirms it.
        number.fill("212000-2262")
        page.get_by_role("button", name="Spara").click()
        expect(page.get_by_role("status")).to_contain_text("Medlemmen är tillagd")
        self.assertEqual(urlsplit(page.url).path, self.url("medlemmar/"))
        expect(page.get_by_role("table")).to_contain_text("Ånge kommun")
        self.check_page(page)

        # A date the board page cannot read is explained in Swedish, next to the field.
        self.visit(page, self.url("styrelsen/?datum=2023-02-30"))
        expect(page.locator(".text-field--error")).to_contain_text("giltigt datum")
        self.assert_no_problems()

    def test_every_page_is_covered(self) -> None:
        """Every page in the URL configuration is opened by one of the tests above."""
        covered = set(PUBLIC_PAGES).union(*ROLE_PAGES.values())
        self.assertEqual(covered, set(browser.page_names()) - NOT_PAGES)
        parts = [office_part(part) for part in [*OFFICE_PARTS, None]]
        office = ROLE_PAGES["jan.andersson"]
        self.assertEqual(sorted(name for part in parts for name in part), sorted(office))
        # And every listed page is reachable with the demo data.
        for username, names in ROLE_PAGES.items():
            for name in names:
                for path in self.paths(name, username):
                    self.assertEqual(resolve(urlsplit(path).path).view_name, name)

    def test_the_phone_check_finds_what_sticks_out(self) -> None:
        """The width check itself: a page wider than the phone and a header control off screen
        are reported; a wide table in its own scrolling box is not."""
        page = self.new_page()
        page.set_viewport_size(browser.PHONE)
        page.set_content(
            '<header class="page-header"><button style="margin-left:500px">Logga ut</button>'
            '</header><main><div class="too-wide" style="width:800px">x</div></main>'
        )
        problems = page.evaluate(browser.WIDTH_CHECK)
        self.assertEqual(len(problems), 2, problems)
        self.assertIn("div.too-wide", problems[0])
        self.assertIn("Logga ut syns inte på skärmen", problems[1])
        page.set_content(
            '<main><div style="overflow-x:auto"><table><tr><td style="width:800px">x</td></tr>'
            "</table></div></main>"
        )
        self.assertEqual(page.evaluate(browser.WIDTH_CHECK), [])

    # Helpers

    def open_error(self, page: Page, path: str, status: int, heading: str) -> None:
        response = page.goto(path)
        assert response is not None, path
        self.assertEqual(response.status, status, path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        self.check_page(page)


class BackgroundWorker:
    """The database worker (`manage.py db_worker`) in a thread of the test, sharing the live
    server's in-memory SQLite connection the way the server thread does."""

    def __init__(self) -> None:
        self.shared = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()  # type: ignore[attr-defined]
        }
        self.worker = Worker(
            queue_names=["*"],
            interval=0.2,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="browser-test",
            excluded_queue_names=[],
        )
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.error: BaseException | None = None

    def run(self) -> None:
        for alias, conn in self.shared.items():
            connections[alias] = conn
        try:
            self.worker.run()
        except BaseException as error:
            self.error = error
            raise
        finally:
            if not self.shared:
                connections.close_all()

    def __enter__(self) -> "BackgroundWorker":
        for conn in self.shared.values():
            conn.inc_thread_sharing()
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.worker.running = False
        self.thread.join(timeout=30)
        for conn in self.shared.values():
            conn.dec_thread_sharing()
        if self.error is not None:
            raise AssertionError("Bakgrundsarbetaren föll") from self.error


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
class BackgroundTaskBrowserTests(browser.BrowserTestCase):
    """Long work queued by a page and run by the worker, watched from its progress page."""

    def test_an_import_is_queued_run_by_the_worker_and_its_page_reaches_100_percent(self):
        ledger = LedgerPages(self.association)
        pending = ledger.pending_import
        page = self.log_in("ekonomi.sundsvall")
        self.visit(page, reverse("ledger:import_detail", args=[self.association.slug, pending.pk]))
        page.get_by_role("button", name="Importera bokföringen").click()

        # The request only queued the import: the page shows it waiting, at 0 %.
        bar = page.get_by_role("progressbar", name=re.compile("Import av bokföringen för 2023"))
        expect(bar).to_have_attribute("value", "0")
        expect(page.locator(".task-progress")).to_contain_text("i kö")
        self.assertEqual(resolve(urlsplit(page.url).path).view_name, "core:progress")
        self.check_page(page)
        url = page.url

        # The worker runs it; htmx asks every second and the bar fills without a reload.
        with BackgroundWorker():
            expect(bar).to_have_attribute("value", "100", timeout=30_000)
        expect(page.get_by_role("status")).to_contain_text("Bokföringen för 2023 är importerad")
        self.assertEqual(page.url, url)
        pending.refresh_from_db()
        self.assertEqual(pending.status, "imported")
        self.check_page(page)
        page.get_by_role("link", name="Gå vidare").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Budgetuppföljning")
        self.assert_no_problems()

    def test_a_zip_of_protocols_is_read_in_the_background_and_each_waits_for_its_preview(self):
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zipped:
            for name in ("heldout_sjobygden_2024_03_15.txt", "heldout2_mittskogen_2025_02_14.txt"):
                zipped.writestr(f"2024/{name}", (FIXTURES / name).read_bytes())
            zipped.writestr("inkop.txt", "Inköpslista\nMjölk\n")
        page = self.log_in("jan.andersson")
        self.visit(page, reverse("imports:upload", args=[self.association.slug]))
        page.get_by_label("Protokoll").set_input_files(
            {"name": "protokoll.zip", "mimeType": "application/zip", "buffer": archive.getvalue()}
        )
        page.get_by_role("button", name="Läs in").click()

        bar = page.get_by_role("progressbar", name=re.compile("Inläsning av protokollen"))
        expect(page.locator(".task-progress")).to_contain_text("i kö")
        self.assertEqual(resolve(urlsplit(page.url).path).view_name, "core:progress")
        self.check_page(page)
        with BackgroundWorker():
            expect(bar).to_have_attribute("value", "100", timeout=60_000)
        expect(page.get_by_role("status")).to_contain_text("2 protokoll är inlästa")
        self.check_page(page)
        page.get_by_role("link", name="Gå vidare").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Importera tidigare protokoll")
        expect(page.locator("main")).to_contain_text("protokoll.zip/inkop.txt:")
        link = page.get_by_role("link", name="protokoll.zip/2024/heldout_sjobygden_2024_03_15.txt")
        expect(link).to_be_visible()
        self.check_page(page)
        link.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Granska importerat protokoll")
        self.assert_no_problems()
