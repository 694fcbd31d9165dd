"""Meetings held before the förbund used Samordna: the kinds of file their signed original
may be, and their §§ as the original says. Registering and correcting them are writes, in
`services/past_meetings.py`."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from samordna.associations.models import BoardSeat
from samordna.meetings.services.papers import ATTACHMENT_MAX_BYTES

# The signed original of a meeting held before Samordna: a PDF, or a scan as an image.
ORIGINAL_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".tif": ("image/tiff", (b"II*\x00", b"MM\x00*")),
    ".tiff": ("image/tiff", (b"II*\x00", b"MM\x00*")),
}
# An imported old protocol keeps the file it was read from as its original, even when the
# förbund kept it as Word or text rather than as a signed PDF (`imports.services`).
IMPORTED_TYPES = {
    **ORIGINAL_TYPES,
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".txt": ("text/plain; charset=utf-8", (b"",)),
}


def original_type(upload: UploadedFile, *, imported: bool = False) -> str:
    """The extension of a signed original (PDF or scanned image), checked by its first bytes;
    an imported protocol may also be the Word or text file it was read from."""
    types = IMPORTED_TYPES if imported else ORIGINAL_TYPES
    name = (upload.name or "").lower()
    extension = next((ext for ext in types if name.endswith(ext)), None)
    if extension is None:
        raise ValidationError(
            {"original": "Originalet måste vara en PDF eller en inskannad bild (JPEG, PNG, TIFF)."}
        )
    if not upload.size:
        raise ValidationError({"original": "Filen är tom."})
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            {"original": f"Filen är för stor ({upload.size // (1024 * 1024)} MB). Högst 20 MB."}
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in types[extension][1]):
        raise ValidationError(
            {"original": f"Filen heter {extension} men innehållet är inte en sådan fil."}
        )
    return extension


def original_content_type(name: str) -> str:
    extension = "." + name.rsplit(".", 1)[-1].lower()
    return IMPORTED_TYPES.get(extension, ("application/pdf", ()))[0]


@dataclass(frozen=True)
class PastParagraph:
    """One § of a meeting held before Samordna, as its signed original says."""

    number: int
    title: str
    case_number: str = ""
    matter: str = ""
    proposal: str = ""
    decision: str = ""
    reservations: str = ""
    minutes_notes: str = ""
    immediately_approved: bool = False
    quorum_override: str = ""
    recusals: tuple[tuple[BoardSeat, str], ...] = ()
