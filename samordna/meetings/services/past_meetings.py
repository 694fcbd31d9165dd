"""Writes of meetings held before the förbund used Samordna: registered afterwards as
already justerade on their own dates, with the signed original as the archival record,
and corrected only with a reason kept in the history. The import of old protocols builds
on `register_past_meeting`."""

import datetime
import hashlib
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association, Person
from samordna.core.services import apply_changes, save_with_history
from samordna.meetings.locking import LOCKED_MESSAGE, MinutesLocked, correcting
from samordna.meetings.models import (
    ApprovedMinutes,
    Meeting,
    MinutesSigner,
    Notice,
    Paragraph,
    SignerRole,
)
from samordna.meetings.past import PastParagraph, original_type
from samordna.meetings.services import _check_meeting
from samordna.meetings.services.proceedings import (
    RollCallEntry,
    guest_add,
    paragraph_create,
    paragraph_update,
    recusal_set,
    roll_call_record,
)


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _check_past_dates(
    *,
    date: datetime.date,
    approved_on: datetime.date,
    posted_on: datetime.date,
    taken_down_on: datetime.date,
    today: datetime.date,
) -> None:
    if date > today:
        raise ValidationError(
            {"date": "Ett sammanträde som ska registreras i efterhand har hållits."}
        )
    if approved_on < date:
        raise ValidationError(
            {"approved_on": "Protokollet kan inte ha justerats före sammanträdet."}
        )
    if approved_on > today:
        raise ValidationError({"approved_on": "Justeringsdatumet kan inte ligga i framtiden."})
    if posted_on < approved_on:
        raise ValidationError({"posted_on": "Anslaget kan inte ha satts upp före justeringen."})
    if taken_down_on < posted_on:
        raise ValidationError(
            {"taken_down_on": "Anslaget kan inte ha tagits ned innan det sattes upp."}
        )


@transaction.atomic
def register_past_meeting(
    *,
    association: Association,
    by: User,
    date: datetime.date,
    starts_at: datetime.time,
    ends_at: datetime.time,
    place: str,
    approved_on: datetime.date,
    posted_on: datetime.date,
    taken_down_on: datetime.date,
    original: UploadedFile,
    paragraphs: list[PastParagraph],
    attendance: list[RollCallEntry] | None = None,
    guests: list[dict[str, Any]] | None = None,
    secretary: Person | None = None,
    chair: Person | None = None,
    adjusters: list[Person] | None = None,
    note: str = "",
    notice_note: str = "",
    today: datetime.date | None = None,
    imported: bool = False,
    in_paragraphs: Callable[[dict[int, Paragraph]], None] | None = None,
) -> ApprovedMinutes:
    """Register a meeting held before the förbund used Samordna as already justerad, on its
    own dates, with the signed original (PDF or scan) kept as the archival original.

    Its §§, upprop and jäv are recorded as the original says; its anslag goes to the public
    archive with its own dates and is never a current notice. The import of old protocols
    calls this (`imported`: the original may be the Word or text file the protocol was read
    from); the kansli's page "Registrera tidigare sammanträde" too.

    `in_paragraphs` is called with the saved §§ by number before the minutes are justerade
    and locked: what another app records in them as the original says (the import's grant
    decisions), in the same transaction."""
    today = today or timezone.localdate()
    _check_past_dates(
        date=date,
        approved_on=approved_on,
        posted_on=posted_on,
        taken_down_on=taken_down_on,
        today=today,
    )
    if not paragraphs:
        raise ValidationError({"paragraphs": "Ange protokollets paragrafer."})
    extension = original_type(original, imported=imported)
    meeting = Meeting(
        association=association,
        date=date,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        note=note,
        secretary=secretary,
    )
    _check_meeting(meeting)
    save_with_history(meeting, by=by)
    numbers = [p.number for p in paragraphs]
    if len(set(numbers)) != len(numbers):
        raise ValidationError({"paragraphs": "Samma paragrafnummer står två gånger."})
    for past in sorted(paragraphs, key=lambda p: p.number):
        paragraph = paragraph_create(
            meeting=meeting,
            by=by,
            number=past.number,
            title=past.title,
            case_number=past.case_number,
            matter=past.matter,
            proposal=past.proposal,
        )
    if attendance:
        roll_call_record(meeting=meeting, by=by, entries=attendance)
    for guest in guests or []:
        guest_add(meeting=meeting, by=by, **guest)
    by_number = {p.number: p for p in meeting.paragraphs.all()}
    for past in paragraphs:
        paragraph = by_number[past.number]
        for seat, kind in past.recusals:
            recusal_set(paragraph=paragraph, seat=seat, kind=kind, by=by)
        paragraph_update(
            paragraph=paragraph,
            by=by,
            decision=past.decision,
            reservations=past.reservations,
            minutes_notes=past.minutes_notes,
            quorum_override=past.quorum_override,
        )
    signers = [(chair, SignerRole.CHAIR)] if chair else []
    signers += [(person, SignerRole.ADJUSTER) for person in adjusters or []]
    for person, role in signers:
        if person.association_id != association.pk:
            raise ValidationError({"adjusters": f"{person} hör inte till förbundet."})
        # Justerat on paper: the original carries the signatures, so no digital time.
        save_with_history(MinutesSigner(meeting=meeting, person=person, role=role), by=by)
    if in_paragraphs is not None:
        in_paragraphs(by_number)
    for past in paragraphs:
        if past.immediately_approved:
            paragraph_update(paragraph=by_number[past.number], by=by, immediately_approved=True)
    first, last = min(numbers), max(numbers)
    notice = Notice(
        meeting=meeting,
        association=association,
        posted_on=posted_on,
        taken_down_on=taken_down_on,
        first_number=first,
        last_number=last,
        kept_at=association.minutes_kept_at or association.name,
        posted_at_place=association.notice_board or "Samordnas anslagstavla",
        note=notice_note
        or "Sammanträdet hölls innan förbundet använde Samordna och är "
        "registrerat i efterhand med sina egna datum.",
    )
    save_with_history(notice, by=by)
    approved = ApprovedMinutes(
        meeting=meeting,
        approved_on=approved_on,
        sha256=_sha256(original),
        first_number=first,
        last_number=last,
        registered_afterwards=True,
    )
    approved.pdf.save(f"original{extension}", original, save=False)
    try:
        save_with_history(approved, by=by)
    except ValidationError:
        approved.pdf.delete(save=False)
        raise
    return approved


MEETING_CORRECTABLE = ("date", "starts_at", "ends_at", "place", "note", "secretary")
NOTICE_CORRECTABLE = ("posted_on", "taken_down_on")


@transaction.atomic
def past_meeting_correct(
    *,
    meeting: Meeting,
    by: User,
    reason: str,
    original: UploadedFile | None = None,
    **fields: Any,
) -> ApprovedMinutes:
    """Correct a meeting registered afterwards (its facts, dates or the original file); the
    reason is kept in the history of every row changed. Minutes justerade in Samordna are
    never changed: they are corrected in a later §."""
    approved = ApprovedMinutes.objects.select_for_update().filter(meeting=meeting).first()
    if approved is None or not approved.registered_afterwards:
        raise MinutesLocked(LOCKED_MESSAGE)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Ange skälet till rättelsen; det sparas i historiken."})
    unknown = set(fields) - set(MEETING_CORRECTABLE) - set(NOTICE_CORRECTABLE) - {"approved_on"}
    if unknown:
        raise ValidationError(f"Kan inte rättas här: {', '.join(sorted(unknown))}.")
    notice = Notice.objects.get(meeting=meeting)
    meeting_fields = {k: v for k, v in fields.items() if k in MEETING_CORRECTABLE}
    notice_fields = {k: v for k, v in fields.items() if k in NOTICE_CORRECTABLE}
    _check_past_dates(
        date=meeting_fields.get("date", meeting.date),
        approved_on=fields.get("approved_on", approved.approved_on),
        posted_on=notice_fields.get("posted_on", notice.posted_on),
        taken_down_on=notice_fields.get("taken_down_on", notice.taken_down_on),
        today=timezone.localdate(),
    )
    with correcting(meeting.pk):
        changed = apply_changes(meeting, meeting_fields)
        if changed:
            _check_meeting(meeting)
            meeting._change_reason = reason  # type: ignore[attr-defined]
            save_with_history(meeting, by=by, update_fields=changed)
        changed = apply_changes(notice, notice_fields)
        if changed:
            notice._change_reason = reason  # type: ignore[attr-defined]
            save_with_history(notice, by=by, update_fields=changed)
        changed = (
            apply_changes(approved, {"approved_on": fields["approved_on"]})
            if ("approved_on" in fields)
            else []
        )
        if original is not None:
            extension = original_type(original)
            approved.sha256 = _sha256(original)
            approved.pdf.save(f"original{extension}", original, save=False)
            changed += ["pdf", "sha256"]
        if changed:
            approved._change_reason = reason
            save_with_history(approved, by=by, update_fields=changed)
    # An earlier original stays in storage: its history row still points at it.
    return approved
