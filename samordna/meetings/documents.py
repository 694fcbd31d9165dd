"""The documents a meeting produces: the minutes (PDF, PDF/A for the archive, DOCX), an
extract of one § (utdrag), and the kallelse with its agenda.

The PDFs are the print templates under `meetings/documents/` rendered by WeasyPrint; the
DOCX is built from the same `Minutes` so that both say the same thing.
"""

import datetime
import io

from django.utils import timezone
from django.utils.html import strip_tags
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from samordna.core.documents import docx_field, docx_rows, page_context, render_pdf
from samordna.core.text import format_kronor
from samordna.meetings.listings import listings_for
from samordna.meetings.models import Meeting, Presence
from samordna.meetings.selectors import (
    FrozenRow,
    Minutes,
    ParagraphRow,
    adjustment_line,
    frozen_row,
    open_tasks_for,
)


def _minutes_context(minutes: Minutes, notice_override=None) -> dict:
    meeting = minutes.meeting
    return {
        "minutes": minutes,
        "meeting": meeting,
        "association": minutes.association,
        "notice": notice_override or minutes.notice,
        "adjustment": adjustment_line(meeting),
        **page_context(
            minutes.association.name,
            f"Sammanträdesprotokoll {meeting.date:%Y-%m-%d}",
            minutes.initials,
        ),
    }


def minutes_pdf(minutes: Minutes, *, archival: bool = False, notice=None) -> bytes:
    """The minutes as PDF; `archival` writes PDF/A. `notice` gives the anslag's dates while
    the record is being approved (before the Notice row exists)."""
    return render_pdf(
        "meetings/documents/minutes.html", _minutes_context(minutes, notice), archival=archival
    )


def extract_pdf(
    minutes: Minutes, row: ParagraphRow, *, certified_by: str, certified_on: datetime.date
) -> bytes:
    """Utdrag: one § with the utdragsbestyrkande, for those the decision concerns.

    Of justerade minutes the register's part (names, jäv, who decided, initials) comes from
    the snapshot taken at justering, not from today's register."""
    context = _minutes_context(minutes)
    snapshot = minutes.approved.snapshot if minutes.approved else {}
    printed: ParagraphRow | FrozenRow = row
    association_name, initials = minutes.association.name, minutes.initials
    frozen = frozen_row(snapshot, row.paragraph) if snapshot else None
    if frozen is not None:
        printed = frozen
        association_name, initials = snapshot["association"], snapshot["initials"]
    context.update(
        {
            "row": printed,
            "association": {"name": association_name},
            "certified_by": certified_by,
            "certified_on": certified_on,
            **page_context(
                association_name,
                f"Utdrag ur protokoll {minutes.meeting.date:%Y-%m-%d} § {row.paragraph.number}",
                initials,
            ),
        }
    )
    return render_pdf("meetings/documents/extract.html", context)


def kallelse_pdf(meeting: Meeting) -> bytes:
    """The kallelse with the agenda, its papers and the tasks due at the meeting."""
    items = list(meeting.items.prefetch_related("attachments"))
    context = {
        "meeting": meeting,
        "association": meeting.association,
        "items": items,
        "listings": listings_for(meeting, items),
        "attachments": list(meeting.attachments.all()),
        "tasks": open_tasks_for(meeting),
        **page_context(meeting.association.name, f"Kallelse {meeting.date:%Y-%m-%d}", initials=""),
    }
    return render_pdf("meetings/documents/kallelse.html", context)


def _numbers(minutes: Minutes) -> str:
    return f"§ {minutes.numbers[0]}–{minutes.numbers[1]}" if minutes.numbers else "–"


def _remote(attendance) -> str:
    return ", på distans" if attendance.presence == Presence.REMOTE else ""


def _name(minutes: Minutes, person) -> str:
    """A name as the minutes print it, with the party where the förbund shows it: "Anna Ek (C)"."""
    if minutes.show_party and person.party:
        return f"{person} ({person.party})"
    return str(person)


def _ordinary_line(minutes: Minutes, a) -> str:
    """As the PDF's _header.html prints a ledamot: remote, §-bounds and the upprop note."""
    line = f"{_name(minutes, a.seat.person)}, {a.seat.member}{_remote(a)}"
    bounds = [
        f"från § {a.from_number}" if a.from_number else "",
        f"till och med § {a.until_number}" if a.until_number else "",
    ]
    if any(bounds):
        line += f" ({', '.join(b for b in bounds if b)})"
    if a.note:
        line += f". {a.note}"
    return line


APPEAL_NOTE = (
    "Den som är medlem i en kommun eller region som är medlem i förbundet kan överklaga ett "
    "beslut genom laglighetsprövning. Överklagandet ska ha kommit in till förvaltningsrätten "
    "inom tre veckor från den dag då anslaget sattes upp."
)


def _delegation_docx(document, minutes: Minutes) -> None:
    """The decisions taken under delegation, one line each, as the PDF lists them."""
    if not minutes.delegation_decisions:
        document.add_paragraph(
            "Inga beslut har fattats på delegation sedan föregående sammanträde."
        )
        return
    document.add_paragraph().add_run(
        "Beslut fattade på delegation sedan föregående sammanträde"
    ).bold = True
    for d in minutes.delegation_decisions:
        amount = f", {format_kronor(d.amount)}" if d.amount is not None else ""
        document.add_paragraph(
            f"{d.decided_on:%Y-%m-%d} {d.matter} ({d.decided_by}, punkt {d.point.number}){amount}"
        )


def minutes_docx(minutes: Minutes) -> bytes:
    """The minutes as a Word document in the same layout as the PDF."""
    meeting = minutes.meeting
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10)

    section = document.sections[0]
    section.header.paragraphs[
        0
    ].text = f"{minutes.association.name}\tSammanträdesprotokoll {meeting.date:%Y-%m-%d}"
    footer = section.footer.paragraphs[0]
    footer.text = f"Justerare: {minutes.initials}\t\tSid " if minutes.initials else "\t\tSid "
    docx_field(footer, "PAGE")
    footer.add_run(" (")
    docx_field(footer, "NUMPAGES")
    footer.add_run(")")

    document.add_heading("Sammanträdesprotokoll – styrelsen", level=1)
    rows = [
        ("Förbund", minutes.association.name),
        (
            "Sammanträdesdatum",
            f"{meeting.date:%Y-%m-%d}, kl. {meeting.starts_at:%H.%M}–{meeting.ends_at:%H.%M}",
        ),
        ("Plats", meeting.place),
        (
            "Närvarande ordinarie ledamöter",
            "\n".join(_ordinary_line(minutes, a) for a in minutes.ordinary) or "–",
        ),
    ]
    if minutes.serving:
        rows.append(
            (
                "Tjänstgörande ersättare",
                "\n".join(
                    f"{_name(minutes, a.seat.person)}, {a.seat.member}, "
                    f"för {a.serves_for.person}{_remote(a)}"
                    for a in minutes.serving
                    if a.serves_for is not None
                ),
            )
        )
    if minutes.substitutes:
        rows.append(
            (
                "Närvarande ersättare",
                "\n".join(
                    f"{_name(minutes, a.seat.person)}, {a.seat.member}{_remote(a)}"
                    for a in minutes.substitutes
                ),
            )
        )
    if minutes.guests:
        rows.append(
            (
                "Övriga närvarande",
                "\n".join(
                    " ".join(filter(None, [f"{g.name}, {g.role}" if g.role else g.name, g.numbers]))
                    for g in minutes.guests
                ),
            )
        )
    if minutes.absent:
        rows.append(("Frånvarande", ", ".join(str(a.seat.person) for a in minutes.absent)))
    rows += [
        ("Protokollet omfattar", _numbers(minutes)),
        ("Justerare", ", ".join(str(s.person) for s in minutes.adjusters) or "Inte utsedd"),
    ]
    if adjustment := adjustment_line(meeting):
        rows.append(("Justering", adjustment))
    docx_rows(document, rows)

    document.add_heading("Underskrifter", level=2)
    signers = [
        (_justerat(s.approved_at), f"{s.person}, {s.get_role_display().lower()}")
        for s in minutes.signers
    ]
    if meeting.secretary:
        confirmed = meeting.text_confirmed_at
        line = f"Bestyrkt digitalt {_local(confirmed)}" if confirmed else ""
        signers.append((line, f"{meeting.secretary}, sekreterare"))
    for line, who in signers:
        document.add_paragraph(f"{line}\n______________________________\n{who}")

    document.add_heading("ANSLAG/BEVIS", level=2)
    notice = minutes.notice
    document.add_paragraph(
        "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."
        if notice
        else "Protokollet är inte justerat."
    )
    docx_rows(
        document,
        [
            ("Organ", f"Styrelsen, {minutes.association.name}"),
            ("Sammanträdesdatum", f"{meeting.date:%Y-%m-%d}"),
            ("Paragrafer", _numbers(minutes)),
            (
                "Justeringsdatum",
                f"{minutes.approved.approved_on:%Y-%m-%d}" if minutes.approved else "–",
            ),
            ("Anslaget uppsatt", f"{notice.posted_on:%Y-%m-%d}" if notice else "–"),
            ("Anslaget tas ned", f"{notice.taken_down_on:%Y-%m-%d}" if notice else "–"),
            (
                "Anslaget på",
                notice.posted_at_place if notice else minutes.association.notice_board or "–",
            ),
            ("Förvaringsplats för protokollet", minutes.association.minutes_kept_at or "–"),
        ],
    )
    document.add_paragraph(APPEAL_NOTE)

    if minutes.opening:
        document.add_heading("Inledning", level=2)
        for item in minutes.opening:
            written = document.add_paragraph()
            written.add_run(f"{item.title}.").bold = True
            written.add_run(f" {item.text}")

    for row in minutes.rows:
        paragraph = row.paragraph
        title = f"§ {paragraph.number} {paragraph.title}"
        if paragraph.case_number:
            title += f" ({paragraph.case_number})"
        document.add_heading(title, level=2)
        for block in _plain(paragraph.matter):
            document.add_paragraph(block)
        if paragraph.proposal:
            document.add_paragraph().add_run("Förslag till beslut").bold = True
            for block in _plain(paragraph.proposal):
                document.add_paragraph(block)
        if paragraph.clauses:
            document.add_paragraph().add_run("Styrelsen beslutar").bold = True
            for clause in paragraph.clauses:
                document.add_paragraph(clause)
        for recusal in row.recusals:
            document.add_paragraph(f"{recusal.seat.person} {recusal.get_kind_display().lower()}.")
        for stand_in in row.stand_ins:
            document.add_paragraph(
                f"{stand_in.seat.person} tjänstgjorde för {stand_in.serves_for.person}."
            )
        if paragraph.reservations:
            document.add_paragraph(f"Reservation: {paragraph.reservations}")
        if paragraph.minutes_notes:
            document.add_paragraph(f"Protokollsanteckning: {paragraph.minutes_notes}")
        if paragraph.pk == minutes.delegation_paragraph_id:
            _delegation_docx(document, minutes)
        if paragraph.immediately_approved:
            document.add_paragraph("Paragrafen förklarades omedelbart justerad.")
        if paragraph.clauses and row.quorum:
            deciding = ", ".join(str(seat.person) for seat in row.quorum.deciding)
            line = f"Beslutande: {deciding} ({len(row.quorum.deciding)} av {row.quorum.seats})."
            if paragraph.quorum_override:
                line += f" Beslutet fattades utan beslutförhet: {paragraph.quorum_override}"
            document.add_paragraph(line)
    if minutes.delegation_decisions and minutes.delegation_paragraph_id is None:
        document.add_heading("Anmälan av delegationsbeslut", level=2)
        _delegation_docx(document, minutes)
    for item in minutes.closing:
        document.add_heading(item.title, level=2)
        document.add_paragraph(item.text)
    if minutes.approved:
        last = document.add_paragraph(
            f"SHA-256 för det justerade protokollet: {minutes.approved.sha256}"
        )
        last.alignment = WD_ALIGN_PARAGRAPH.LEFT

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _local(moment: datetime.datetime) -> str:
    """A time as the PDF prints it: in Europe/Stockholm, not in UTC as stored."""
    return f"{timezone.localtime(moment):%Y-%m-%d %H.%M}"


def _justerat(approved_at: datetime.datetime | None) -> str:
    return f"Justerat digitalt {_local(approved_at)}" if approved_at else ""


def _plain(text: str) -> list[str]:
    """Paragraphs of a stored rich text as plain text, for Word."""
    return [block.strip() for block in strip_tags(text).split("\n\n") if block.strip()]
