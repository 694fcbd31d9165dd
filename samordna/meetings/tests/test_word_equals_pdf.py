"""The Word minutes say what the PDF says: the text of both, for the three seed meetings,
compared section by section (the first page, Underskrifter, ANSLAG/BEVIS and each §)."""

import datetime
import io
import re

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph
from pypdf import PdfReader

from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import documents
from samordna.meetings.selectors import Minutes, minutes_of

D = datetime.date
SEEDS = [
    ("sundsvall", D(2022, 10, 21)),
    ("sundsvall", D(2022, 11, 25)),
    ("harnosand-timra", D(2023, 11, 24)),
]


def words(text: str) -> str:
    text = re.sub(r"_{5,}", " ", text)  # the signature line drawn in Word
    return " ".join(text.split())


def without_furniture(text: str, minutes: Minutes) -> str:
    """Without the page margins (förbund, running title, initials, page numbers), which the
    PDF repeats on each page and Word keeps in its header and footer; taken out of both."""
    for item in (
        minutes.association.name,
        f"Sammanträdesprotokoll {minutes.meeting.date:%Y-%m-%d}",
        f"Justerare: {minutes.initials}",
    ):
        text = text.replace(item, " ")
    return words(re.sub(r"Sid \d+ \(\d+\)", " ", text))


def pdf_text(minutes: Minutes) -> str:
    reader = PdfReader(io.BytesIO(documents.minutes_pdf(minutes)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return without_furniture(text, minutes)


def docx_text(minutes: Minutes) -> str:
    document = docx.Document(io.BytesIO(documents.minutes_docx(minutes)))
    parts = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            parts.append(DocxParagraph(block, document).text)
        elif block.tag == qn("w:tbl"):
            for row in Table(block, document).rows:
                parts.extend(cell.text for cell in row.cells)
    return without_furniture("\n".join(parts), minutes)


def sections(text: str, minutes: Minutes) -> dict[str, str]:
    """The text cut at the headings both documents share, in order."""
    headings = ["Sammanträdesprotokoll – styrelsen", "Underskrifter", "ANSLAG/BEVIS"]
    headings += [f"§ {row.paragraph.number} {row.paragraph.title}" for row in minutes.rows]
    found: dict[str, str] = {}
    start = 0
    positions = []
    for heading in headings:
        at = text.find(heading, start)
        assert at >= 0, f"{heading!r} missing"
        positions.append(at)
        start = at + len(heading)
    for index, heading in enumerate(headings):
        end = positions[index + 1] if index + 1 < len(headings) else len(text)
        found[heading] = text[positions[index] : end].strip()
    return found


class WordEqualsPdfTests(SamordnaTestCase):
    maxDiff = None

    def test_the_seed_minutes_say_the_same_in_word_and_pdf(self):
        for slug, day in SEEDS:
            meeting = self.association.meetings.model.objects.get(association__slug=slug, date=day)
            minutes = minutes_of(meeting)
            approved = minutes.approved
            assert approved is not None
            pdf = pdf_text(minutes).removesuffix(f"Justerat {approved.approved_on:%Y-%m-%d}.")
            word = docx_text(minutes).removesuffix(
                f"SHA-256 för det justerade protokollet: {approved.sha256}"
            )
            pdf_sections, word_sections = sections(pdf, minutes), sections(word, minutes)
            self.assertEqual(list(pdf_sections), list(word_sections))
            for heading, pdf_part in pdf_sections.items():
                with self.subTest(meeting=f"{slug} {day}", section=heading):
                    self.assertEqual(word_sections[heading], pdf_part)
