"""Every file of an archive package in its archival form, PDF/A: a PDF/A is kept as it is;
an image, a text, an e-mail, a Word or Excel document, or a PDF that is not PDF/A is read
in Python (Pillow, python-docx, openpyxl, pypdfium2 for the pages of a PDF) and written
again by WeasyPrint as PDF/A-3b. What cannot be read is refused by name, never packed as it
came."""

import datetime
import email
import io
import math
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from typing import Any

import nh3
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from weasyprint import HTML

from samordna.core.documents import ARCHIVAL_VARIANT, DOCUMENT_BASE, fetch_url, page_context

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
# The archival form WeasyPrint writes (see core.documents).
ARCHIVAL_FORMAT = "PDF/A-3b"
# A PDF's pages are rendered at this resolution when the PDF itself is not PDF/A.
PAGE_DPI = 150
MAX_PAGES = 300
MAX_SHEET_CELLS = 60_000
MAX_IMAGE_PIXELS = 60_000_000
# A page is rendered at PAGE_DPI unless that would take more pixels than this (a page may be
# declared 5 m wide): then at the resolution that fits, so memory stays bounded (~100 MB).
MAX_PAGE_PIXELS = 25_000_000
# Where the images of a converted file are found while it is rendered: no host, only a
# prefix this module's url_fetcher serves from memory.
IMAGE_BASE = DOCUMENT_BASE + "bild/"
# Tags an e-mail's HTML body keeps in its archival form (no links, styles or images).
EMAIL_TAGS = {
    "p", "br", "b", "i", "u", "strong", "em", "ul", "ol", "li", "blockquote", "pre",
    "table", "thead", "tbody", "tr", "td", "th", "h1", "h2", "h3", "h4", "div", "span",
}  # fmt: skip


class NotConvertible(Exception):
    """The file cannot be made PDF/A; the message says why, in Swedish."""


@dataclass
class Rendering:
    """What a converted file's print template shows, and the images it embeds."""

    blocks: list[dict[str, Any]] = field(default_factory=list)
    images: list[bytes] = field(default_factory=list)
    landscape: bool = False

    def image(self, data: bytes) -> str:
        self.images.append(data)
        return f"{IMAGE_BASE}{len(self.images) - 1}"


def is_pdfa(data: bytes) -> bool:
    """Whether the PDF declares itself PDF/A in its XMP metadata (pdfaid:part)."""
    if not data.startswith(b"%PDF-"):
        return False
    try:
        xmp = PdfReader(io.BytesIO(data)).xmp_metadata
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError):
        return False
    if xmp is None:
        return False
    stream = xmp.stream.get_data()
    return b"pdfaid" in stream and b"part" in stream


def archival_form(
    data: bytes, content_type: str, *, filename: str, association_name: str
) -> tuple[bytes, bool]:
    """The file as PDF/A and whether it was converted (False: it was PDF/A already).
    Raises NotConvertible with the reason."""
    if content_type == PDF or data.startswith(b"%PDF-"):
        if is_pdfa(data):
            return data, False
        rendering = _pdf_pages(data)
    else:
        reader = READERS.get(content_type)
        if reader is None:
            raise NotConvertible(f"filtypen {content_type or 'okänd'} kan inte göras om")
        rendering = reader(data)
    pdf = _render(rendering, filename=filename, association_name=association_name)
    if not is_pdfa(pdf):  # pragma: no cover - WeasyPrint always writes the variant asked for
        raise NotConvertible("omvandlingen gav ingen PDF/A")
    return pdf, True


def _render(rendering: Rendering, *, filename: str, association_name: str) -> bytes:
    html = render_to_string(
        "records/documents/converted.html",
        {
            "filename": filename,
            "blocks": rendering.blocks,
            "landscape": rendering.landscape,
            "association": {"name": association_name},
            **page_context(association_name, filename),
        },
    )

    def fetcher(url: str) -> dict:
        if url.startswith(IMAGE_BASE):
            index = url.removeprefix(IMAGE_BASE)
            if index.isdigit() and int(index) < len(rendering.images):
                return {"string": rendering.images[int(index)], "mime_type": "image/png"}
        return fetch_url(url)

    document = HTML(string=html, base_url=DOCUMENT_BASE, url_fetcher=fetcher)
    return document.write_pdf(pdf_variant=ARCHIVAL_VARIANT)


def _png(image: Image.Image) -> bytes:
    """An image as opaque RGB PNG: PDF/A wants no transparency to guess at, and the
    orientation a camera recorded is applied."""
    image = ImageOps.exif_transpose(image) or image
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _open_image(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_IMAGE_PIXELS:
            raise NotConvertible("bilden är för stor (fler än 60 miljoner bildpunkter)")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError) as error:
        raise NotConvertible("bilden är skadad eller i ett format som inte kan läsas") from error
    return image


def _image(data: bytes) -> Rendering:
    rendering = Rendering()
    image = _open_image(data)
    rendering.landscape = image.width > image.height
    rendering.blocks.append({"kind": "image", "src": rendering.image(_png(image))})
    return rendering


def _text(data: bytes) -> Rendering:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotConvertible("texten är inte UTF-8") from error
    return Rendering(blocks=[{"kind": "pre", "text": text}])


def _email(data: bytes) -> Rendering:
    message = email.message_from_bytes(data, policy=policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise NotConvertible("filen är inget e-postmeddelande")
    rendering = Rendering()
    rows = [
        (label, str(message.get(name, "")))
        for label, name in [
            ("Från", "From"),
            ("Till", "To"),
            ("Kopia", "Cc"),
            ("Datum", "Date"),
            ("Ämne", "Subject"),
        ]
        if message.get(name)
    ]
    rendering.blocks.append({"kind": "fields", "rows": rows})
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        content = body.get_content()
        if body.get_content_subtype() == "html":
            cleaned = nh3.clean(content, tags=EMAIL_TAGS, attributes={}, url_schemes=set())
            rendering.blocks.append({"kind": "html", "html": mark_safe(cleaned)})
        else:
            rendering.blocks.append({"kind": "pre", "text": content})
    attached = [part.get_filename() or "namnlös bilaga" for part in message.iter_attachments()]
    if attached:
        rendering.blocks.append(
            {
                "kind": "note",
                "text": "Bifogade filer (finns inte i denna arkivform; registreras som egna "
                "filer i handlingen): " + ", ".join(attached),
            }
        )
    return rendering


def _docx(data: bytes) -> Rendering:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise NotConvertible("Word-dokumentet är skadat eller inget Word-dokument") from error
    rendering = Rendering()
    part = document.part
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            runs = [(r.text, bool(r.bold), bool(r.italic)) for r in paragraph.runs if r.text]
            for blip in child.iter(qn("a:blip")):
                related = part.related_parts.get(blip.get(qn("r:embed")) or "")
                if related is not None:
                    image = _open_image(related.blob)
                    rendering.blocks.append({"kind": "image", "src": rendering.image(_png(image))})
            if not runs:
                continue
            level = _heading_level(style)
            if level:
                text = "".join(text for text, _, _ in runs)
                rendering.blocks.append({"kind": "heading", "level": level, "text": text})
            else:
                rendering.blocks.append({"kind": "paragraph", "runs": runs})
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            rows = [[cell.text for cell in row.cells] for row in table.rows]
            rendering.blocks.append({"kind": "table", "rows": rows})
    return rendering


def _heading_level(style: str) -> int:
    name = style.lower()
    if name in ("title", "rubrik"):
        return 1
    for prefix in ("heading ", "rubrik "):
        if name.startswith(prefix) and name.removeprefix(prefix).isdigit():
            return min(int(name.removeprefix(prefix)) + 1, 4)
    return 0


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() else f"{value:%Y-%m-%d}"
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float):
        return f"{value:.10g}".replace(".", ",")
    return str(value)


def _xlsx(data: bytes) -> Rendering:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise NotConvertible("Excel-filen är skadad eller ingen Excel-fil") from error
    rendering = Rendering()
    cells = 0
    try:
        for sheet in workbook.worksheets:
            rows = []
            for row in sheet.iter_rows(values_only=True):
                values = [_cell(v) for v in row]
                while values and not values[-1]:
                    values.pop()
                cells += len(values)
                if cells > MAX_SHEET_CELLS:
                    raise NotConvertible(
                        f"arbetsboken har fler än {MAX_SHEET_CELLS} ifyllda celler"
                    )
                rows.append(values)
            while rows and not rows[-1]:
                rows.pop()
            width = max((len(r) for r in rows), default=0)
            rendering.landscape = rendering.landscape or width > 7
            rendering.blocks.append({"kind": "heading", "level": 2, "text": sheet.title})
            rendering.blocks.append(
                {"kind": "table", "rows": [r + [""] * (width - len(r)) for r in rows]}
            )
    finally:
        workbook.close()
    return rendering


def page_scale(width: float, height: float) -> float:
    """Pixels per point for a page of `width` × `height` points: PAGE_DPI, or less for a page
    so large that PAGE_DPI would pass MAX_PAGE_PIXELS."""
    scale = PAGE_DPI / 72
    area = max(width * height, 1.0)
    return min(scale, math.sqrt(MAX_PAGE_PIXELS / area))


def _pdf_pages(data: bytes) -> Rendering:
    """A PDF that is not PDF/A, page by page as images: its look is kept, as PDF/A-b asks."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise NotConvertible("PDF-filen är skadad eller lösenordsskyddad") from error
    try:
        if len(document) > MAX_PAGES:
            raise NotConvertible(f"PDF-filen har fler än {MAX_PAGES} sidor")
        rendering = Rendering()
        for page in document:
            width, height = page.get_size()
            bitmap = page.render(scale=page_scale(width, height))
            rendering.blocks.append(
                {
                    "kind": "page",
                    "src": rendering.image(_png(bitmap.to_pil())),
                    "width": f"{width:.1f}pt",
                    "height": f"{height:.1f}pt",
                }
            )
            page.close()
    finally:
        document.close()
    return rendering


READERS: dict[str, Callable[[bytes], Rendering]] = {
    "image/png": _image,
    "image/jpeg": _image,
    "text/plain": _text,
    "message/rfc822": _email,
    DOCX: _docx,
    XLSX: _xlsx,
}
