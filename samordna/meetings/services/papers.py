"""Writes of a meeting's papers: attachments as PDF or Word, told by their content."""

import zipfile

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from samordna.accounts.models import User
from samordna.core.services import (
    save_with_history,
)
from samordna.meetings.models import (
    AgendaItem,
    Attachment,
    Meeting,
)

# Papers are PDF or Word. What a file is, is told by its content (filetype's detection of
# the format), whatever the file is called; the name must agree with it.
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


ATTACHMENT_TYPES = {".pdf": "application/pdf", ".docx": DOCX_TYPE}


KIND_NAMES = {"application/pdf": "en PDF-fil", DOCX_TYPE: "ett Word-dokument"}


ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


def _detected(upload: UploadedFile) -> str | None:
    """The content type the file's content shows, or None for one filetype does not know
    (text, HTML, scripts)."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind is not None else None


def attachment_type(upload: UploadedFile) -> str:
    """The content type of a PDF or Word upload, checked by name and detected content."""
    name = (upload.name or "").lower()
    extension = next((ext for ext in ATTACHMENT_TYPES if name.endswith(ext)), None)
    if extension is None:
        raise ValidationError({"file": "Bilagan måste vara en PDF- eller Word-fil (.pdf, .docx)."})
    if upload.size is None or upload.size == 0:
        raise ValidationError({"file": "Filen är tom."})
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            {"file": f"Filen är för stor ({upload.size // (1024 * 1024)} MB). Högst 20 MB."}
        )
    content_type = ATTACHMENT_TYPES[extension]
    detected = _detected(upload)
    # A Word file is a zip; whether it holds a Word document is checked below.
    accepted = {content_type, "application/zip"} if extension == ".docx" else {content_type}
    if detected not in accepted:
        expected = KIND_NAMES[content_type]
        if detected is None:
            found = f"är inte {expected}"
        else:
            found = f"är {KIND_NAMES.get(detected, 'en annan sorts fil')}, inte {expected}"
        raise ValidationError(
            {
                "file": f"Filen heter {extension} men innehållet {found}. "
                "Välj rätt fil, eller spara den som PDF eller Word och försök igen."
            }
        )
    if extension == ".docx":
        try:
            with zipfile.ZipFile(upload) as archive:
                if "word/document.xml" not in archive.namelist():
                    raise ValidationError({"file": "Filen är inte ett Word-dokument."})
        except zipfile.BadZipFile as error:
            raise ValidationError({"file": "Filen är inte ett Word-dokument."}) from error
        finally:
            upload.seek(0)
    return content_type


@transaction.atomic
def attachment_add(
    *, meeting: Meeting, by: User, title: str, file: UploadedFile, item: AgendaItem | None = None
) -> Attachment:
    """Add a paper to the meeting as the next Bilaga N."""
    Meeting.objects.select_for_update().get(pk=meeting.pk)
    content_type = attachment_type(file)
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError({"item": "Punkten hör till ett annat sammanträde."})
    top = meeting.attachments.aggregate(top=Max("number"))["top"] or 0
    attachment = Attachment(
        meeting=meeting,
        item=item,
        number=top + 1,
        title=title,
        content_type=content_type,
        size=file.size or 0,
    )
    attachment.file.save(file.name or "bilaga", file, save=False)
    try:
        save_with_history(attachment, by=by)
    except ValidationError:  # MinutesLocked too: the file must not stay behind in storage
        attachment.file.delete(save=False)
        raise
    return attachment
