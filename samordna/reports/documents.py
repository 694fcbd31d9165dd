"""A report as a document: one list of blocks (headings, paragraphs, list items, tables,
signatures) written both as PDF (WeasyPrint, PDF/A when archived) and as Word, so that the
two carry the same text. A section's rich text (sanitised HTML) is read into blocks here."""

import io
from dataclasses import dataclass, field
from html.parser import HTMLParser

from docx import Document
from docx.shared import Pt

from samordna.core.documents import docx_field, page_context, render_pdf
from samordna.core.richtext import sanitise
from samordna.core.text import format_date
from samordna.reports import selectors
from samordna.reports.models import AssociationReport


@dataclass
class Block:
    kind: str  # title, heading, subheading, paragraph, table, signature, note
    text: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class _Reader(HTMLParser):
    """Sanitised rich text → blocks: p, h3/h4, li and tables; inline markup as text."""

    BLOCKS = {"p": "paragraph", "h3": "subheading", "h4": "subheading", "li": "paragraph"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.kind = "paragraph"
        self.table: Block | None = None
        self.row: list[str] | None = None

    def _flush(self) -> None:
        text = " ".join("".join(self.text).split())
        self.text = []
        if not text:
            return
        if self.row is not None:
            self.row.append(text)
        else:
            self.blocks.append(Block(self.kind, text))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCKS:
            self._flush()
            self.kind = self.BLOCKS[tag]
            if tag == "li":
                self.text.append("– ")
        elif tag == "br":
            self.text.append(" ")
        elif tag == "table":
            self._flush()
            self.table = Block("table")
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th"):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self._flush()
            self.kind = "paragraph"
        elif tag in ("td", "th"):
            self._flush()
        elif tag == "tr" and self.table is not None and self.row is not None:
            self._flush()
            self.table.rows.append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            if self.table.rows:
                self.table.columns = self.table.rows.pop(0)
                self.blocks.append(self.table)
            self.table = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def text_blocks(body: str) -> list[Block]:
    if "<" not in body:
        return [Block("paragraph", " ".join(p.split())) for p in body.split("\n\n") if p.strip()]
    reader = _Reader()
    reader.feed(sanitise(body))
    reader.close()
    return reader.blocks


HIDDEN_NOTE = (
    "– = dolt: färre än tröskeln för små antal i en offentlig rapport, eller en siffra som "
    "tillsammans med summorna skulle avslöja ett sådant antal."
)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"


def report_blocks(report: AssociationReport) -> list[Block]:
    """Everything the report says, in order: the figures as stored (the document says what
    the report says; the page is where stale figures are shown)."""
    state = selectors.figure_state(report, compare=False)
    period = f"{format_date(report.starts_on)} – {format_date(report.ends_on)}"
    blocks = [
        Block("title", report.title),
        Block("paragraph", f"{report.association.name}, perioden {period}."),
    ]
    for section in report.sections.all():
        blocks.append(Block("heading", section.title))
        blocks.extend(text_blocks(section.body))
        table = state.tables.get(section.table) if section.table else None
        if table is not None:
            blocks.append(
                Block(
                    "table",
                    columns=["", *table.columns],
                    rows=[[label, *(cell.text for cell in cells)] for label, cells in table.rows],
                )
            )
            if table.hidden:
                blocks.append(Block("note", HIDDEN_NOTE))
        seeded = sorted(
            {
                f.figure.seed
                for _l, cells in (table.rows if table else [])
                for f in cells
                if f.figure and f.figure.seed
            }
        )
        for source in seeded:
            blocks.append(Block("note", f"Siffrorna är hämtade ur {source}."))
        invented = [
            label
            for label, cells in (table.rows if table else [])
            if any(c.figure.invented for c in cells)
        ]
        if invented:
            blocks.append(Block("note", f"Påhittade i demon: siffrorna för {_listed(invented)}."))
    blocks.append(Block("heading", "Underskrifter"))
    for seat in selectors.signatories(report):
        blocks.append(Block("signature", f"{seat.person}, {seat.member.name}"))
    return blocks


def running_title(report: AssociationReport) -> str:
    return report.title


def report_pdf(report: AssociationReport, *, archival: bool = False) -> bytes:
    context = {
        "association": report.association,
        "report": report,
        "blocks": report_blocks(report),
        **page_context(report.association.name, running_title(report)),
    }
    return render_pdf("reports/documents/report.html", context, archival=archival)


def report_docx(report: AssociationReport) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10)
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{report.association.name}\t{running_title(report)}"
    footer = section.footer.paragraphs[0]
    footer.text = "\t\tSid "
    docx_field(footer, "PAGE")
    footer.add_run(" (")
    docx_field(footer, "NUMPAGES")
    footer.add_run(")")
    for block in report_blocks(report):
        if block.kind == "title":
            document.add_heading(block.text, level=1)
        elif block.kind == "heading":
            document.add_heading(block.text, level=2)
        elif block.kind == "subheading":
            document.add_heading(block.text, level=3)
        elif block.kind == "table":
            table = document.add_table(rows=1, cols=len(block.columns))
            for cell, text in zip(table.rows[0].cells, block.columns, strict=True):
                cell.text = text
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=False):
                    cell.text = text
        elif block.kind == "signature":
            document.add_paragraph("_" * 40)
            document.add_paragraph(block.text)
        else:
            document.add_paragraph(block.text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
