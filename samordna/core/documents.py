"""What every document Samordna writes shares: PDF from a print template by WeasyPrint
(PDF/A for the archive), page headers and footers, and Word fields and tables.

Print templates extend `documents/base.html`, which sets the A4 page with the förbund's
name, a running title and the page number on every page.
"""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from weasyprint import HTML

# PDF/A-3b: the archival form WeasyPrint writes; fonts are embedded, no external references.
ARCHIVAL_VARIANT = "pdf/a-3b"


def css_string(text: str) -> SafeString:
    """`text` as a quoted CSS string for the page margins (headers, footers)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ")
    return mark_safe(f'"{escaped}"')


def page_context(association_name: str, running: str, initials: str = "") -> dict:
    """The page margins of `documents/base.html`: förbund, running title, initials."""
    return {
        "css_association": css_string(association_name),
        "css_running": css_string(running),
        "css_initials": css_string(f"Justerare: {initials}" if initials else ""),
    }


def render_pdf(template: str, context: dict, *, archival: bool = False) -> bytes:
    html = render_to_string(template, context)
    variant = ARCHIVAL_VARIANT if archival else None
    return HTML(string=html).write_pdf(pdf_variant=variant)


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
