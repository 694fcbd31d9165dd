import datetime
import re
import zlib

from samordna.accounts.models import User
from samordna.meetings import services
from samordna.meetings.models import Meeting
from samordna.meetings.services import proceedings
from samordna.meetings.services.proceedings import RollCallEntry


def unapproved_copy(meeting: Meeting, day: datetime.date, *, by: User) -> Meeting:
    """A meeting on `day` whose minutes say what `meeting`'s say, not yet justerade.

    The demo's seed meetings are justerade and locked; tests that change an upprop or a §
    work on a copy with the same §§ (same numbers), roll call and jäv.
    """
    copy = services.meeting_create(
        association=meeting.association,
        by=by,
        date=day,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        secretary=meeting.secretary,
    )
    paragraphs = list(meeting.paragraphs.prefetch_related("recusals__seat"))
    copies = {
        p.number: proceedings.paragraph_create(
            meeting=copy, by=by, number=p.number, title=p.title, matter=p.matter
        )
        for p in paragraphs
    }
    proceedings.roll_call_record(
        meeting=copy,
        by=by,
        entries=[
            RollCallEntry(
                seat=a.seat,
                presence=a.presence,
                serves_for=a.serves_for,
                from_number=a.from_number,
                until_number=a.until_number,
                note=a.note,
            )
            for a in meeting.attendances.select_related("seat__person", "serves_for")
        ],
    )
    for paragraph in paragraphs:
        target = copies[paragraph.number]
        for recusal in paragraph.recusals.all():
            proceedings.recusal_set(paragraph=target, seat=recusal.seat, kind=recusal.kind, by=by)
        proceedings.paragraph_update(paragraph=target, by=by, decision=paragraph.decision)
    return copy


_STREAM = re.compile(rb"stream\r?\n")
_PAGE = re.compile(rb"/Type\s*/Page\b")


def pdf_inflated(data: bytes) -> bytes:
    """The PDF's streams inflated and joined: WeasyPrint compresses its objects (the pages, the
    XMP metadata with the PDF/A marker) into streams, so the raw bytes do not show them."""
    chunks = [data]
    for match in _STREAM.finditer(data):
        try:
            chunks.append(zlib.decompressobj().decompress(data[match.end() :]))
        except zlib.error:
            continue  # a stream that is not Flate (an image, a font subset stored raw)
    return b"".join(chunks)


def pdf_page_count(data: bytes) -> int:
    """Page objects (`/Type /Page`, not `/Pages`) in the PDF."""
    return len(_PAGE.findall(pdf_inflated(data)))


_TITLE = re.compile(rb"/Title\s*(?:<([0-9a-fA-F]*)>|\(((?:[^()\\]|\\.)*)\))")


def pdf_outline(data: bytes) -> list[str]:
    """The titles of the PDF's bookmarks (and of the document), in the order written:
    WeasyPrint makes a bookmark of each heading, so this is how a test reads the §§."""
    titles = []
    for hexa, literal in _TITLE.findall(pdf_inflated(data)):
        if hexa:
            titles.append(bytes.fromhex(hexa.decode()).decode("utf-16"))
        else:
            titles.append(literal.decode("latin-1"))
    return titles
