"""What every document Samordna writes shares: PDF from a print template by WeasyPrint
(PDF/A for the archive), page headers and footers, and Word fields and tables.

Print templates extend `documents/base.html`, which sets the A4 page with the förbund's
name, a running title and the page number on every page.
"""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from weasyprint import HTML
from weasyprint.urls import URLFetchingError

# PDF/A-3b: the archival form WeasyPrint writes; fonts are embedded, no external references.
ARCHIVAL_VARIANT = "pdf/a-3b"
# Where a print template's "/static/…" resolves: a name that is no host, only a prefix the
# url_fetcher knows.
DOCUMENT_BASE = "https://samordna.invalid/"


def css_string(text: str) -> SafeString:
    """`text` as a quoted CSS string for the page margins (headers, footers).

    The only way user text reaches CSS. Every character but a letter, a digit or a space
    becomes a CSS hex escape (`\\7D `), so no newline, quote, brace, `url(` or `</style>`
    can end the string or the rule: what the user wrote is only ever text.
    """
    escaped = "".join(
        char if char.isalnum() or char == " " else f"\\{ord(char):X} " for char in text
    )
    return mark_safe(f'"{escaped}"')


def page_context(association_name: str, running: str, initials: str = "") -> dict:
    """The page margins of `documents/base.html`: förbund, running title, initials."""
    return {
        "css_association": css_string(association_name),
        "css_running": css_string(running),
        # No initials, no margin box: an empty string would still make a box on every page
        # for WeasyPrint to lay out (a few per cent of a long report's rendering).
        "css_initials": css_string(f"Justerare: {initials}") if initials else mark_safe("none"),
    }


def fetch_url(url: str) -> dict:
    """WeasyPrint's url_fetcher: Samordna's own static files and nothing else.

    A document never fetches from the network or reads a file outside the static files, so
    no text in a record can make the server request an address (SSRF) or leak a local file.
    The print templates embed nothing today; the static files are here for a logo or a font
    a template may add (`{% static %}` gives the path).
    """
    static = DOCUMENT_BASE + settings.STATIC_URL.lstrip("/")
    if url.startswith(static):
        relative = url.removeprefix(static).split("?", 1)[0].split("#", 1)[0]
        if relative and ".." not in relative.split("/"):
            path = finders.find(relative)
            if isinstance(path, str):
                with open(path, "rb") as handle:
                    return {"string": handle.read(), "filename": relative}
    raise URLFetchingError(f"Dokumentet får inte hämta {url[:200]!r}.")


def render_pdf(template: str, context: dict, *, archival: bool = False) -> bytes:
    html = render_to_string(template, context)
    variant = ARCHIVAL_VARIANT if archival else None
    document = HTML(string=html, base_url=DOCUMENT_BASE, url_fetcher=fetch_url)
    return document.write_pdf(pdf_variant=variant)


def docx_field(paragraph: DocxParagraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = code
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instruction)
    run._r.append(end)


def docx_rows(document, rows: list[tuple[str, str]]) -> None:
    """A two-column table of labels (bold) and values."""
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[0].paragraphs[0].runs[0].bold = True
        cells[1].text = value
