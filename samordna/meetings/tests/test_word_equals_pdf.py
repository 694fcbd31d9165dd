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

from samordna.associations.models import OpeningStyle
from samordna.core.tests.base import SamordnaTestCase
from samordna.meetings import documents, services
from samordna.meetings.selectors import Minutes, minutes_of
from samordna.meetings.services import justering
from samordna.meetings.tests.helpers import unapproved_copy

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


def sections(text: str, minutes: Minutes, frame: list[str] | None = None) -> dict[str, str]:
    """The text cut at the headings both documents share, in order (`frame`: "Inledning"
    before the §§ and "Nästa sammanträde" after them, where the förbund prints them)."""
    frame = frame or []
    headings = ["Sammanträdesprotokoll – styrelsen", "Underskrifter", "ANSLAG/BEVIS"]
    headings += frame[:1]
    headings += [f"§ {row.paragraph.number} {row.paragraph.title}" for row in minutes.rows]
    headings += frame[1:]
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


class FrameTests(SamordnaTestCase):
    """A förbund that writes the opening formalities unnumbered and shows party labels: the
    frame (Inledning, the day and place of justering, Nästa sammanträde) prints alike."""

    maxDiff = None

    def setUp(self):
        november = self.association.meetings.get(date=D(2022, 11, 25))
        self.meeting = unapproved_copy(november, D(2022, 12, 16), by=self.office)
        people = self.association.people
        justering.signers_set(
            meeting=self.meeting,
            by=self.office,
            chair=people.get(last_name="Nordenö"),
            adjusters=[people.get(last_name="Pettersson")],
        )
        services.meeting_update(
            meeting=self.meeting,
            by=self.office,
            adjustment_on=D(2022, 12, 19),
            adjustment_place="Kommunhuset rum 612",
        )
        self.association.opening_style = OpeningStyle.UNNUMBERED
        self.association.show_party = True
        self.association.save()
        people.filter(last_name="Nordenö").update(party="C")
        people.filter(last_name="Burman").update(party="S")
        self.meeting.refresh_from_db()

    def test_the_frame_prints_the_same_in_word_and_pdf(self):
        minutes = minutes_of(self.meeting)
        following = self.association.meetings.filter(date__gt=self.meeting.date).first()
        assert following is not None
        pdf, word = pdf_text(minutes), docx_text(minutes)
        for text in (pdf, word):
            with self.subTest(document=text[:40]):
                for line in (
                    "Christina Nordenö (C), Region Västernorrland",
                    "Thomas Burman (S), Sundsvalls kommun",
                    "Justering 2022-12-19, Kommunhuset rum 612",
                    "Mötets öppnande. Ordföranden Christina Nordenö förklarade sammanträdet "
                    "öppnat.",
                    "Val av justerare. Peter Pettersson utsågs att jämte ordföranden justera "
                    "protokollet. Justering 2022-12-19, Kommunhuset rum 612.",
                    "Föregående protokoll. Protokollet från sammanträdet 2022-11-25 lades till "
                    "handlingarna.",
                    f"Nästa sammanträde {following.date:%Y-%m-%d} kl. "
                    f"{following.starts_at:%H.%M}, {following.place}.",
                ):
                    self.assertIn(line, text)
        extra = ["Inledning", "Nästa sammanträde"]
        pdf_sections = sections(pdf, minutes, extra)
        word_sections = sections(word, minutes, extra)
        self.assertEqual(list(pdf_sections), list(word_sections))
        for heading, pdf_part in pdf_sections.items():
            with self.subTest(section=heading):
                self.assertEqual(word_sections[heading], pdf_part)

    def test_a_forbund_that_numbers_its_formalities_prints_no_frame(self):
        self.association.opening_style = OpeningStyle.PARAGRAPHS
        self.association.show_party = False
        self.association.save()
        pdf = pdf_text(minutes_of(self.meeting))
        self.assertNotIn("Inledning", pdf)
        self.assertNotIn("(C)", pdf)
        self.assertIn("Justering 2022-12-19, Kommunhuset rum 612", pdf)
