"""Documents cannot fetch: user text in a PDF's page margins stays text, and WeasyPrint's
url_fetcher serves Samordna's static files only (issue 12, finding 1)."""

import io
import re
from unittest import mock

from django.test import SimpleTestCase
from pypdf import PdfReader
from weasyprint.urls import URLFetchingError

from samordna.core import documents
from samordna.core.documents import DOCUMENT_BASE, css_string, fetch_url, page_context

# Under the old escaping the newline ended the string, `}}` closed the page rule and
# WeasyPrint fetched the address for the body's background.
HOSTILE = (
    'Ansökan "X"\n}} body { background: url(http://169.254.169.254/latest/meta-data) } '
    '@page { @top-left { content: "x </style><img src=x>'
)


def css_unescaped(value: str) -> str:
    """What a CSS parser reads from a quoted string made by css_string."""
    inner = value[1:-1]
    return re.sub(r"\\([0-9A-F]{1,6}) ", lambda m: chr(int(m.group(1), 16)), inner)


class CssStringTests(SimpleTestCase):
    def test_newlines_quotes_braces_and_url_cannot_leave_the_string(self):
        value = css_string(HOSTILE)
        self.assertTrue(value.startswith('"') and value.endswith('"'))
        inner = value[1:-1]
        for dangerous in ("\n", "\r", '"', "'", "}", "{", "(", ")", "<", ";", "/", ":"):
            self.assertNotIn(dangerous, inner)
        self.assertNotIn("url(", value)
        self.assertEqual(css_unescaped(value), HOSTILE)

    def test_swedish_letters_and_spaces_stay_readable(self):
        self.assertEqual(
            css_string("Samordningsförbundet Östra Åsen"), ('"Samordningsförbundet Östra Åsen"')
        )
        self.assertEqual(css_string('Ansökan: "Steg"'), '"Ansökan\\3A  \\22 Steg\\22 "')


class UrlFetcherTests(SimpleTestCase):
    def test_addresses_and_files_outside_the_static_files_are_refused(self):
        for url in (
            "http://169.254.169.254/latest/meta-data",
            "https://example.com/logo.png",
            "file:///etc/passwd",
            "ftp://intern/fil",
            "data:text/plain,hej",
            f"{DOCUMENT_BASE}static/../../../etc/passwd",
            f"{DOCUMENT_BASE}static/",
            f"{DOCUMENT_BASE}static/finns/inte.png",
            f"{DOCUMENT_BASE}media/ansokan/1.pdf",
        ):
            with self.subTest(url=url), self.assertRaises(URLFetchingError):
                fetch_url(url)

    def test_a_static_file_of_samordna_is_served(self):
        found = fetch_url(f"{DOCUMENT_BASE}static/vendor/README.md")
        self.assertTrue(found["string"])


class HostileNameTests(SimpleTestCase):
    def test_a_hostile_application_name_is_printed_and_nothing_is_fetched(self):
        spy = mock.Mock(side_effect=fetch_url)
        with (
            mock.patch.object(documents, "fetch_url", spy),
            mock.patch("weasyprint.urls.urlopen") as urlopen,
        ):
            pdf = documents.render_pdf(
                "documents/base.html",
                {
                    "association": {"name": HOSTILE},
                    **page_context(HOSTILE, f"Ansökan: {HOSTILE}", initials=HOSTILE),
                },
            )
        spy.assert_not_called()
        urlopen.assert_not_called()
        text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        self.assertIn("169.254.169.254", text)  # printed as the name it is, not obeyed

    def test_an_image_in_a_template_goes_through_the_fetcher_and_is_refused(self):
        spy = mock.Mock(side_effect=fetch_url)
        with (
            mock.patch.object(documents, "fetch_url", spy),
            mock.patch("weasyprint.urls.urlopen") as urlopen,
            mock.patch.object(documents, "render_to_string") as rendered,
        ):
            rendered.return_value = '<img src="http://10.0.0.1/x.png"><p>Text</p>'
            documents.render_pdf("documents/base.html", {})
        spy.assert_called_once_with("http://10.0.0.1/x.png")
        urlopen.assert_not_called()
