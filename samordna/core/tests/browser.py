"""Plumbing for the browser tests: a live server with the demo data, one headless Chromium
per test class, log-in through the real form, and axe-core on every page opened, at a
desktop's width and at a phone's (390 × 844 px).

A test collects every accessibility problem, broken link, failed request and page wider than
the phone it meets and reports them all at the end (`assert_no_problems`), so one run shows
everything to fix.

The demo is loaded once per class, not per test: the tests only read, or add records no other
test counts, so the data is flushed once, after the class (a flush and a new demo for every
test cost about 25 s each; so the classes are few).

Everything here is marked `browser`: the PostgreSQL run leaves it out (`-m "not browser"`),
since what it checks, the HTML, CSS and axe-core's verdict, does not depend on the database;
`test_pages.py` still opens every role's pages there through Django's test client.
"""

import functools
import os
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    ViewportSize,
    expect,
    sync_playwright,
)

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.demo.load import demo_associations
from samordna.demo.users import DEMO_PASSWORD

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("SAMORDNA_CHROMIUM", "/usr/bin/chromium")
# The test machine has no network: without these flags Chromium waits on connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AXE_SCRIPT = Axe().axe_script
# Every page is checked at both widths: Playwright's desktop default and an iPhone 12–15.
DESKTOP = ViewportSize(width=1280, height=720)
PHONE = ViewportSize(width=390, height=844)
# On a phone the page itself must not be wider than the screen (a wide table scrolls in its
# own box, `.table-scroll`), and the header's buttons and the menu's links must be on screen.
# Returns what sticks out: the outermost elements past the right edge that no scrolling box
# holds, and any header or menu control off screen.
WIDTH_CHECK = """() => {
  const width = window.innerWidth;
  const name = element => element.tagName.toLowerCase()
    + (element.id ? "#" + element.id : "")
    + (element.classList.length ? "." + [...element.classList].join(".") : "");
  const held = element => {
    if (["absolute", "fixed"].includes(getComputedStyle(element).position)) return false;
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") return true;
    }
    return false;
  };
  const problems = [];
  if (document.documentElement.scrollWidth > width) {
    const wide = [...document.body.querySelectorAll("*")].filter(element =>
      element.getBoundingClientRect().right > width + 1 && !held(element));
    const outermost = wide.filter(element => !wide.includes(element.parentElement));
    problems.push(`sidan är ${document.documentElement.scrollWidth} px bred: `
      + outermost.slice(0, 5).map(name).join(", "));
  }
  const controls = ".page-header a, .page-header button, .site-nav a";
  for (const control of document.querySelectorAll(controls)) {
    const box = control.getBoundingClientRect();
    if (box.width === 0 || box.left < 0 || box.right > width + 1) {
      problems.push(`${control.textContent.trim()} syns inte på skärmen`);
    }
  }
  return problems;
}"""
# URL namespaces that are not Samordna's own pages.
FOREIGN_NAMESPACES = {"admin"}


def page_names(patterns: list | None = None, prefix: str = "") -> Iterator[str]:
    """The name of every page a browser can GET, e.g. "associations:members".

    Class-based views that do not answer GET (logga-ut) are left out; an unnamed
    pattern yields "<unnamed: route>" so that it cannot go unnoticed.
    """
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in FOREIGN_NAMESPACES:
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from page_names(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None and "get" not in view_class.http_method_names:
                continue
            yield f"{prefix}{pattern.name}" if pattern.name else f"<unnamed: {pattern.pattern}>"


@functools.cache
def view_name(path: str) -> str | None:
    """The URL name of `path`, None when no page answers it. The same links (the menu, the
    header) recur on every page, so each path is resolved once per run."""
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def describe_violations(url: str, violations: list[dict]) -> list[str]:
    """One line per violation with what a developer needs: page, rule, failing elements."""
    lines = []
    for violation in violations:
        targets = "; ".join(
            " ".join(str(part) for part in node["target"]) for node in violation["nodes"]
        )
        lines.append(
            f"{url}: {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f" – {targets} – {violation['helpUrl']}"
        )
    return lines


class BrowserTestCase(StaticLiveServerTestCase):
    pytestmark = [pytest.mark.browser]

    playwright: Playwright
    browser: Browser

    association: Association
    # False: the class starts from an empty database (a new installation), not the demo.
    with_demo = True

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        if cls.with_demo:
            # The live server's data is committed: conftest.py's demo is still there unless
            # an earlier TransactionTestCase flushed it, when this loads it again.
            cls.association = demo_associations()["sundsvall"]
        else:
            for database in cls.databases:
                call_command("flush", verbosity=0, interactive=False, database=database)
        cls.playwright = sync_playwright().start()
        try:
            cls.browser = cls.playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS
            )
        except Exception:
            cls.playwright.stop()
            super().tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls) -> None:
        cls.browser.close()
        cls.playwright.stop()
        # Once for the class what TransactionTestCase does after every test.
        for database in cls.databases:
            call_command("flush", verbosity=0, interactive=False, database=database)
        super().tearDownClass()

    def _fixture_teardown(self) -> None:
        """Keep the demo for the class's next test (see tearDownClass)."""

    def setUp(self) -> None:
        self.problems: list[str] = []
        self.links_seen: set[str] = set()  # URL names of the links on the pages opened
        self.form_posts: list[str] = []  # every form sent (a page's POST), by path

    # Pages and sessions

    def new_page(self) -> Page:
        """A fresh browser context (no cookies), closed when the test ends."""
        context = self.browser.new_context(
            base_url=self.live_server_url, locale="sv-SE", viewport=DESKTOP
        )
        self.addCleanup(context.close)
        # axe-core is put into every document as it is created: Chromium compiles the same
        # script once per renderer instead of receiving half a megabyte per page checked.
        context.add_init_script(AXE_SCRIPT)
        self.watch_requests(context)
        self.watch_content_security_policy(context)
        return context.new_page()

    def log_in(self, username: str, password: str = DEMO_PASSWORD) -> Page:
        """Log in through the form at /logga-in/, as a person would."""
        page = self.new_page()
        page.goto("/logga-in/")  # checked once, in the tests of the public pages
        page.get_by_label("Användarnamn").fill(username)
        page.get_by_label("Lösenord").fill(password)
        page.get_by_role("button", name="Logga in").click()
        expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
        user = User.objects.get(username=username)
        expect(page.locator("header")).to_contain_text(user.get_full_name())
        self.links_seen.clear()  # the login page's links are not the role's
        return page

    def visit(self, page: Page, path: str, *, status: int = 200) -> str:
        """Open `path`, require `status` and no redirect, check the page; its URL name."""
        response = page.goto(path)
        assert response is not None, path
        self.assertEqual(response.status, status, f"{path} svarade {response.status}")
        self.assertEqual(urlsplit(page.url).path, urlsplit(path).path, f"{path} omdirigerades")
        self.check_page(page)
        return resolve(urlsplit(path).path).view_name

    # Checks

    def check_page(self, page: Page) -> None:
        """The page as it is now, at the desktop's width and then at the phone's."""
        self.check_links(page)
        self.check_accessibility(page, page.url)
        page.set_viewport_size(PHONE)
        try:
            where = f"{page.url} ({PHONE['width']} px)"
            self.check_accessibility(page, where)
            self.problems += [f"{where}: {problem}" for problem in page.evaluate(WIDTH_CHECK)]
        finally:
            page.set_viewport_size(DESKTOP)

    def check_accessibility(self, page: Page, where: str) -> None:
        # axe hands back only the violations; a page made by `set_content` has no axe yet.
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(AXE_SCRIPT)
        violations = page.evaluate(
            "options => axe.run(document, options).then(results => results.violations)",
            AXE_OPTIONS,
        )
        self.problems += describe_violations(where, violations)

    def check_links(self, page: Page) -> None:
        """Every link to Samordna from the page leads to a URL that exists."""
        here = urlsplit(page.url)
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            parts = urlsplit(href)
            if parts.netloc != here.netloc or parts.path == here.path:
                continue  # elsewhere, or on this page (skip link, error summary)
            name = view_name(parts.path)
            if name is None:
                self.problems.append(f"{page.url}: länken {href} leder ingenstans")
            else:
                self.links_seen.add(name)

    def watch_requests(self, context: BrowserContext) -> None:
        """Stylesheets and other sub-resources must load; a missing one changes what axe sees.

        Documents are left to `visit`, and /favicon.ico, which Chromium asks for by itself.
        """

        def watched(request: Request) -> bool:
            return (
                request.resource_type != "document" and urlsplit(request.url).path != "/favicon.ico"
            )

        def on_request(request: Request) -> None:
            if request.method == "POST" and request.resource_type == "document":
                self.form_posts.append(urlsplit(request.url).path)

        def on_response(response: Response) -> None:
            if response.status >= 400 and watched(response.request):
                self.problems.append(f"{response.url} svarade {response.status}")

        def on_request_failed(request: Request) -> None:
            # Chromium loads the page's icon last and drops it when the test goes on to the
            # next page: an aborted icon is the test's haste, not a missing file (a 404 of
            # it is still caught above).
            dropped_icon = request.failure == "net::ERR_ABORTED" and urlsplit(
                request.url
            ).path.endswith("/favicon.svg")
            if watched(request) and not dropped_icon:
                self.problems.append(f"{request.url} kunde inte hämtas: {request.failure}")

        context.on("request", on_request)
        context.on("response", on_response)
        context.on("requestfailed", on_request_failed)

    def watch_content_security_policy(self, context: BrowserContext) -> None:
        """Anything the Content-Security-Policy blocks (an inline script or style, a
        stylesheet from elsewhere) is a problem: the page would not work as written.

        Chromium reports a violation both as a `securitypolicyviolation` event, which a
        script added before the page's own records, and as a console error."""
        context.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => console.error("
            "'CSP violation: ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline') + "
            "' at ' + e.sourceFile + ':' + e.lineNumber));"
        )

        def on_console(message: ConsoleMessage) -> None:
            text = message.text
            if "CSP violation" in text or "Content Security Policy" in text:
                self.problems.append(f"{message.location.get('url', '')}: {text}")

        context.on("console", on_console)

    def assert_no_problems(self) -> None:
        if self.problems:
            self.fail(
                f"{len(self.problems)} fel i webbläsaren:\n" + "\n".join(sorted(self.problems))
            )
