"""Justering: who signs, the sekreterare's confirmation of the text, each signer's
justering, and the justerade minutes kept as PDF/A and Word."""

import datetime
import hashlib
import json
from dataclasses import replace

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import (
    Person,
)
from samordna.core.services import (
    delete_with_history,
    save_with_history,
)
from samordna.meetings.documents import minutes_docx, minutes_pdf
from samordna.meetings.locking import LOCKED_MESSAGE, MinutesLocked
from samordna.meetings.models import (
    ApprovedMinutes,
    Meeting,
    MinutesSigner,
    Notice,
    Presence,
    SignerRole,
)
from samordna.meetings.selectors import (
    minutes_of,
    minutes_snapshot,
    notice_dates,
)
from samordna.meetings.signals import minutes_justerade, minutes_kept


def _present_at(meeting: Meeting, person: Person) -> bool:
    return meeting.attendances.filter(
        seat__person=person, presence__in=[Presence.PRESENT, Presence.REMOTE]
    ).exists()


@transaction.atomic
def signers_set(
    *, meeting: Meeting, by: User, chair: Person, adjusters: list[Person]
) -> list[MinutesSigner]:
    """Who justerar: the chair of the meeting and the justerare chosen at it."""
    if meeting.signers.filter(approved_at__isnull=False).exists():
        raise ValidationError("Justeringen har börjat; justerarna kan inte bytas.")
    if not adjusters:
        raise ValidationError({"adjusters": "Välj minst en justerare."})
    if chair in adjusters:
        raise ValidationError({"adjusters": f"{chair} är ordförande och justerar redan."})
    for person, field in [(chair, "chair")] + [(p, "adjusters") for p in adjusters]:
        if person.association_id != meeting.association_id:
            raise ValidationError({field: f"{person} hör inte till förbundet."})
        if not _present_at(meeting, person):
            raise ValidationError(
                {field: f"{person} var inte närvarande vid sammanträdet och kan inte justera."}
            )
    for signer in meeting.signers.all():
        delete_with_history(signer, by=by)
    signers = [MinutesSigner(meeting=meeting, person=chair, role=SignerRole.CHAIR)]
    signers += [
        MinutesSigner(meeting=meeting, person=p, role=SignerRole.ADJUSTER) for p in adjusters
    ]
    for signer in signers:
        save_with_history(signer, by=by)
    return signers


def minutes_fingerprint(meeting: Meeting) -> str:
    """SHA-256 of what the minutes say (not who has signed when): the text the sekreterare
    confirms. Any later change to the upprop, a §, jäv or the signers changes it."""
    minutes = minutes_of(meeting)
    content = {
        "meeting": [
            str(meeting.date),
            str(meeting.starts_at),
            str(meeting.ends_at),
            meeting.place,
            meeting.secretary_id,
        ],
        "upprop": sorted(
            [a.seat_id, a.presence, a.serves_for_id, a.from_number, a.until_number, a.note]
            for a in meeting.attendances.all()
        ),
        "guests": [[g.name, g.role, g.from_number, g.until_number] for g in minutes.guests],
        "paragraphs": [
            [
                row.paragraph.number,
                row.paragraph.title,
                row.paragraph.case_number,
                row.paragraph.matter,
                row.paragraph.proposal,
                row.paragraph.decision,
                row.paragraph.reservations,
                row.paragraph.minutes_notes,
                row.paragraph.immediately_approved,
                row.paragraph.quorum_override,
                sorted([r.seat_id, r.kind] for r in row.recusals),
                sorted([s.seat_id, s.serves_for_id] for s in row.stand_ins),
            ]
            for row in minutes.rows
        ],
        "signers": sorted([s.person_id, s.role] for s in minutes.signers),
    }
    if meeting.adjustment_on or meeting.adjustment_place:  # only when given: older stay valid
        content["adjustment"] = [str(meeting.adjustment_on), meeting.adjustment_place]
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()


def may_confirm(meeting: Meeting, user: User) -> bool:
    """The sekreterare confirms with their own login; for a sekreterare without one, the
    förbund's kansli confirms on their behalf."""
    secretary = meeting.secretary
    if secretary is None or user.association_id != meeting.association_id:
        return False
    if user.person_id == secretary.pk:
        return True
    return user.is_office and not User.objects.filter(person=secretary, is_active=True).exists()


@transaction.atomic
def minutes_confirm(*, meeting: Meeting, by: User, now: datetime.datetime | None = None) -> Meeting:
    """The sekreterare confirms (bestyrker) the text; then the signers may justera."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        raise MinutesLocked(LOCKED_MESSAGE)
    if meeting.secretary is None:
        raise ValidationError("Välj sekreterare för sammanträdet först (Ändra sammanträdet).")
    if not may_confirm(meeting, by):
        raise ValidationError(
            f"Bara sekreteraren {meeting.secretary} kan bestyrka protokollet med sin egen "
            "inloggning. Kansliet bestyrker bara för en sekreterare utan inloggning."
        )
    if meeting.signers.filter(approved_at__isnull=False).exists():
        raise ValidationError("Justeringen har börjat; texten är redan bestyrkt.")
    if not meeting.paragraphs.exists():
        raise ValidationError("Protokollet har inga paragrafer.")
    if not meeting.attendances.exists():
        raise ValidationError("Protokollet saknar upprop.")
    if not meeting.signers.exists():
        raise ValidationError("Välj ordförande och justerare innan texten bestyrks.")
    meeting.text_confirmed_at = now or timezone.now()
    meeting.text_confirmed_by = by
    meeting.text_fingerprint = minutes_fingerprint(meeting)
    save_with_history(
        meeting,
        by=by,
        update_fields=["text_confirmed_at", "text_confirmed_by", "text_fingerprint"],
    )
    return meeting


def _check_confirmed(meeting: Meeting) -> None:
    if meeting.secretary is None:
        raise ValidationError(
            "Sammanträdet har ingen sekreterare. Kansliet väljer sekreterare, som bestyrker "
            "texten innan protokollet justeras."
        )
    if meeting.text_confirmed_at is None:
        raise ValidationError(
            f"Sekreteraren {meeting.secretary} har inte bestyrkt protokollets text ännu."
        )
    if meeting.text_fingerprint != minutes_fingerprint(meeting):
        raise ValidationError(
            "Protokollet har ändrats sedan sekreteraren bestyrkte texten. "
            f"{meeting.secretary} behöver bestyrka den på nytt."
        )


@transaction.atomic
def minutes_approve(
    *,
    meeting: Meeting,
    by: User,
    now: datetime.datetime | None = None,
    notice_note: str = "",
) -> ApprovedMinutes | None:
    """Justera with one's own login. When the last signer has approved, the minutes are
    written as PDF/A, hashed, stored, locked, and the anslag goes up."""
    now = now or timezone.now()
    meeting = Meeting.objects.select_for_update().select_related("association").get(pk=meeting.pk)
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        raise MinutesLocked(LOCKED_MESSAGE)
    signer = meeting.signers.filter(person_id=by.person_id).first() if by.person_id else None
    if signer is None:
        raise ValidationError("Du är inte utsedd att justera det här protokollet.")
    if signer.approved_at is not None:
        when = timezone.localtime(signer.approved_at)
        raise ValidationError(f"Du har redan justerat protokollet {when:%Y-%m-%d %H.%M}.")
    if timezone.localtime(now).date() < meeting.date:
        raise ValidationError("Sammanträdet har inte hållits ännu.")
    if not meeting.paragraphs.exists():
        raise ValidationError("Protokollet har inga paragrafer.")
    if not meeting.attendances.exists():
        raise ValidationError("Protokollet saknar upprop.")
    _check_confirmed(meeting)
    signer.approved_at = now
    signer.approved_by = by
    save_with_history(signer, by=by, update_fields=["approved_at", "approved_by"])
    if meeting.signers.filter(approved_at__isnull=True).exists():
        return None
    return _keep_minutes(
        meeting, by=by, approved_on=timezone.localtime(now).date(), note=notice_note
    )


def _keep_minutes(
    meeting: Meeting, *, by: User, approved_on: datetime.date, note: str
) -> ApprovedMinutes:
    minutes = minutes_of(meeting)
    minutes_justerade.send(sender=Meeting, meeting=meeting, by=by)
    numbers = minutes.numbers
    assert numbers is not None  # checked by minutes_approve
    dates = notice_dates(approved_on)
    pdf = minutes_pdf(minutes, archival=True, notice=dates)
    association = meeting.association
    notice = Notice(
        meeting=meeting,
        association=association,
        posted_on=dates.posted_on,
        taken_down_on=dates.taken_down_on,
        first_number=numbers[0],
        last_number=numbers[1],
        kept_at=association.minutes_kept_at or association.name,
        posted_at_place=association.notice_board or "Samordnas anslagstavla",
        note=note,
    )
    save_with_history(notice, by=by)
    approved = ApprovedMinutes(
        meeting=meeting,
        approved_on=approved_on,
        sha256=hashlib.sha256(pdf).hexdigest(),
        first_number=numbers[0],
        last_number=numbers[1],
        snapshot=minutes_snapshot(minutes),
    )
    # The Word copy is written once, as justerad, and served as stored from then on.
    docx = minutes_docx(replace(minutes, approved=approved, notice=notice))
    approved.docx_sha256 = hashlib.sha256(docx).hexdigest()
    approved.pdf.save(f"protokoll-{meeting.date:%Y-%m-%d}.pdf", ContentFile(pdf), save=False)
    approved.docx.save(f"protokoll-{meeting.date:%Y-%m-%d}.docx", ContentFile(docx), save=False)
    save_with_history(approved, by=by)
    minutes_kept.send(sender=Meeting, approved=approved, by=by)
    return approved
