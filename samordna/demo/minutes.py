"""Loads the seed protocols (`samordna.demo.protocols`) as the kansli would enter them: the
upprop, the others present, every §, jäv, tasks and papers, then each signer justerar with
their own login on the protocol's justering date, which locks the minutes and posts the
anslag. Härnösand–Timrå's protocol prints a take-down date shorter than three weeks; the
anslag keeps Samordna's three weeks and says so in its note.
"""

import datetime
import io
import re
from collections.abc import Callable
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from docx import Document

from samordna.accounts.models import User
from samordna.associations.models import Association, Person
from samordna.demo.protocols import (
    Protocol,
    harnosand_timra_2023_11_24,
    sundsvall_2022_10_21,
    sundsvall_2022_11_25,
)
from samordna.meetings import selectors, services
from samordna.meetings.models import ApprovedMinutes, Meeting, RecusalKind
from samordna.meetings.selectors import notice_dates
from samordna.meetings.services import agenda, justering, papers, proceedings
from samordna.meetings.services.proceedings import RollCallEntry

PROTOCOLS = [
    sundsvall_2022_10_21.PROTOCOL,
    sundsvall_2022_11_25.PROTOCOL,
    harnosand_timra_2023_11_24.PROTOCOL,
]
BILAGOR = Path(__file__).resolve().parent / "protocols" / "bilagor"
ENTERED_BY = {"sundsvall": "jan.andersson", "harnosand-timra": "ulrika.sahlin"}
RECUSAL_WORDS = {RecusalKind.DECISION: "beslutet", RecusalKind.DISCUSSION: "diskussionen"}


def load_protocols(
    associations: dict[str, Association],
    before_justering: Callable[[Protocol, Meeting], None] | None = None,
) -> None:
    """`before_justering` records what else a meeting decided (grants in its §§) while the
    minutes may still change."""
    for protocol in PROTOCOLS:
        association = associations[protocol.association]
        meeting = association.meetings.get(date=protocol.date)
        if ApprovedMinutes.objects.filter(meeting=meeting).exists():
            continue
        with transaction.atomic():
            _load(protocol, association, meeting)
            if before_justering is not None:
                before_justering(protocol, meeting)
            _justera(protocol, association, meeting)
    _save_template(associations["sundsvall"])


def _save_template(association: Association) -> None:
    """Sundsvall keeps its ordinary agenda as a template a new meeting can start from."""
    if association.agenda_templates.exists():
        return
    meeting = association.meetings.get(date=sundsvall_2022_11_25.PROTOCOL.date)
    office = User.objects.get(username=ENTERED_BY[association.slug])
    agenda.agenda_template_save(
        meeting=meeting, by=office, name="Ordinarie styrelsemöte", association=association
    )


def _people(association: Association) -> dict[str, Person]:
    return {p.full_name: p for p in association.people.all()}


def _without_recusals(matter: str, recusals: tuple[tuple[str, str], ...]) -> str:
    """The protocols write jäv into the text; Samordna records it per § and prints it."""
    for name, kind in recusals:
        matter = matter.replace(f"{name} deltog inte i {RECUSAL_WORDS[RecusalKind(kind)]}.", "")
    blocks = [re.sub(r"[ \t]+", " ", block).strip() for block in matter.split("\n\n")]
    return "\n\n".join(block for block in blocks if block)


def _bilaga_docx(text_file: str, title: str, number: int) -> bytes:
    """A Bilaga's transcribed text as the Word file a member organisation would send."""
    document = Document()
    document.add_heading(f"Bilaga {number}: {title}", level=1)
    text = (BILAGOR / text_file).read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        if block.strip():
            document.add_paragraph(block.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _load(protocol: Protocol, association: Association, meeting: Meeting) -> None:
    director = User.objects.get(username=ENTERED_BY[protocol.association])
    people = _people(association)
    seats = {s.person.full_name: s for s in selectors.board_seats_at(meeting)}
    services.meeting_update(
        meeting=meeting, by=director, place=protocol.place, secretary=people[protocol.secretary]
    )
    # The §§ first, so that the upprop's "deltog ej vid § 125–138" has §§ to point at.
    for seed in protocol.paragraphs:
        proceedings.paragraph_create(
            meeting=meeting,
            by=director,
            number=seed.number,
            title=seed.title,
            case_number=seed.case_number,
            matter=_without_recusals(seed.matter, seed.recusals),
            proposal=seed.proposal,
        )
    proceedings.roll_call_record(
        meeting=meeting,
        by=director,
        entries=[
            RollCallEntry(
                seat=seats[a.name],
                presence=a.presence,
                serves_for=seats[a.serves_for] if a.serves_for else None,
                from_number=a.from_number,
                until_number=a.until_number,
                note=a.note,
            )
            for a in protocol.attendees
        ],
    )
    for guest in protocol.guests:
        proceedings.guest_add(
            meeting=meeting,
            by=director,
            name=guest.name,
            role=guest.role,
            from_number=guest.from_number,
            until_number=guest.until_number,
        )
    paragraphs = {p.number: p for p in meeting.paragraphs.all()}
    for seed in protocol.paragraphs:
        paragraph = paragraphs[seed.number]
        for name, kind in seed.recusals:
            proceedings.recusal_set(paragraph=paragraph, seat=seats[name], kind=kind, by=director)
        proceedings.paragraph_update(
            paragraph=paragraph,
            by=director,
            decision="\n".join(seed.decision),
            reservations=seed.reservations,
            minutes_notes=seed.minutes_notes,
            immediately_approved=seed.immediately_approved,
        )
        for task in seed.tasks:
            due = (
                association.meetings.filter(
                    date=datetime.date.fromisoformat(task.due_meeting)
                ).first()
                if task.due_meeting
                else None
            )
            services.task_create(
                meeting=meeting,
                by=director,
                paragraph=paragraph,
                text=task.text,
                responsible=task.responsible,
                due_meeting=due,
            )
    for attachment in protocol.attachments:
        if not attachment.text_file:
            continue
        content = _bilaga_docx(attachment.text_file, attachment.title, attachment.number)
        papers.attachment_add(
            meeting=meeting,
            by=director,
            title=attachment.title,
            file=SimpleUploadedFile(f"bilaga-{attachment.number}.docx", content),
        )


def _justera(protocol: Protocol, association: Association, meeting: Meeting) -> None:
    """The kansli names the signers; the sekreterare confirms the text, then each signer
    justerar at 10.00, 10.05 … on the justering date."""
    director = User.objects.get(username=ENTERED_BY[protocol.association])
    people = _people(association)
    justering.signers_set(
        meeting=meeting,
        by=director,
        chair=people[protocol.chair],
        adjusters=[people[name] for name in protocol.adjusters],
    )
    note = ""
    law = notice_dates(protocol.posted_on).taken_down_on
    if protocol.taken_down_as_written < law:
        note = (
            f"Protokollet anger att anslaget tas ned {protocol.taken_down_as_written:%Y-%m-%d}, "
            "före tre veckor; Samordna håller anslaget uppe i tre veckor."
        )
    # The sekreterare (with their own login) confirms the text first, at 09.55.
    secretary = User.objects.get(association=association, person=people[protocol.secretary])
    justering.minutes_confirm(
        meeting=meeting,
        by=secretary,
        now=timezone.make_aware(
            datetime.datetime.combine(protocol.justified_on, datetime.time(9, 55))
        ),
    )
    signers = list(meeting.signers.select_related("person"))
    for index, signer in enumerate(signers):
        user = User.objects.get(association=association, person=signer.person)
        at = timezone.make_aware(
            datetime.datetime.combine(protocol.justified_on, datetime.time(10, 5 * index))
        )
        justering.minutes_approve(meeting=meeting, by=user, now=at, notice_note=note)
