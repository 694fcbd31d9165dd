"""The protocols the parser is scored on, and what each should give.

Seeds: the three public protocols the demo holds by hand (`samordna.demo.protocols`), kept
here as text exactly as the seed file has them (Sundsvall's two meetings split out of
`003_…`, which also holds their Bilagor). Their expected values come from the demo modules
(see `expected_from_demo`), so they cannot drift from what the demo shows.

Held out: protocols written for this purpose in layouts the seeds do not use, before the
parser was written, with their expected values beside them in JSON. One is plain text as a
PDF converter gives it, one is built as a Word document, one is rendered as a PDF.
"""

import datetime
import importlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "minutes"


@dataclass(frozen=True)
class Fixture:
    name: str
    layout: str
    source: str  # file name under FIXTURES
    kind: str  # "text" | "docx" | "pdf": what `data()` gives the parser
    demo_module: str = ""  # samordna.demo.protocols.<module> for a seed

    @property
    def held_out(self) -> bool:
        return not self.demo_module

    @property
    def filename(self) -> str:
        stem = self.source.split(".")[0]
        return {"text": f"{stem}.txt", "docx": f"{stem}.docx", "pdf": f"{stem}.pdf"}[self.kind]

    def data(self) -> bytes:
        raw = (FIXTURES / self.source).read_bytes()
        if self.kind == "docx":
            return docx_from_markup(raw.decode("utf-8"))
        if self.kind == "pdf":
            return pdf_from_html(raw.decode("utf-8"))
        return raw

    def expected(self) -> dict[str, Any]:
        if self.demo_module:
            text = (FIXTURES / self.source).read_text(encoding="utf-8")
            return expected_from_demo(self.demo_module, text)
        stem = self.source.split(".")[0]
        return json.loads((FIXTURES / f"{stem}.expected.json").read_text(encoding="utf-8"))


SEEDS = [
    Fixture(
        "Härnösand–Timrå 2023-11-24",
        "Härnösand–Timrå (000)",
        "seed_harnosand_timra_2023_11_24.txt",
        "text",
        "harnosand_timra_2023_11_24",
    ),
    Fixture(
        "Sundsvall 2022-10-21",
        "Sundsvall, tabbar (003)",
        "seed_sundsvall_2022_10_21.txt",
        "text",
        "sundsvall_2022_10_21",
    ),
    Fixture(
        "Sundsvall 2022-11-25",
        "Sundsvall, kolumner (003)",
        "seed_sundsvall_2022_11_25.txt",
        "text",
        "sundsvall_2022_11_25",
    ),
]
HELD_OUT = [
    Fixture(
        "Sjöbygden 2024-03-15",
        "kommunmall, sidhuvud och signaturruta (text)",
        "heldout_sjobygden_2024_03_15.txt",
        "text",
    ),
    Fixture(
        "Västra Dalen 2023-06-09",
        "beslut före ärendet, tabell (Word)",
        "heldout_vastra_dalen_2023_06_09.docx.txt",
        "docx",
    ),
    Fixture(
        "Kustlandet 2022-09-23",
        "förslag och beslut, sidhuvud och sidfot (PDF)",
        "heldout_kustlandet_2022_09_23.html",
        "pdf",
    ),
]
# Written after the parser had been tuned on the first three, and scored untuned (see the
# issue's note for the first figures): the best guess of how it reads a förbund it never saw.
HELD_OUT_LATER = [
    Fixture(
        "Mittskogen 2025-02-14",
        "en rad per uppgift, beslut i löptext (text)",
        "heldout2_mittskogen_2025_02_14.txt",
        "text",
    ),
    Fixture(
        "Norrkusten 2023-10-12",
        "kommunmall i tabell, beslut först (PDF)",
        "heldout2_norrkusten_2023_10_12.html",
        "pdf",
    ),
]
ALL = SEEDS + HELD_OUT + HELD_OUT_LATER


def docx_from_markup(markup: str) -> bytes:
    """A Word document from a small markup: "#HEADER"/"#FOOTER" lines go to the page
    header and footer, "| a | b |" rows to a table, every other line to a paragraph."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    table_rows: list[list[str]] = []

    def flush() -> None:
        if not table_rows:
            return
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for r, row in enumerate(table_rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        table_rows.clear()

    for line in markup.splitlines():
        if line.startswith("#HEADER "):
            section.header.paragraphs[0].text = line[len("#HEADER ") :]
        elif line.startswith("#FOOTER "):
            section.footer.paragraphs[0].text = line[len("#FOOTER ") :]
        elif line.startswith("|"):
            table_rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        else:
            flush()
            document.add_paragraph(line)
    flush()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_from_html(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


# Expected values from the demo's hand-written protocols


def _front(text: str) -> str:
    """The protocol before its first §: what its roll call names."""
    match = re.search(r"^\W*§\s*\d", text, re.MULTILINE)
    return text[: match.start()] if match else text


def expected_from_demo(module: str, source: str) -> dict[str, Any]:
    """What the demo holds for this protocol, in the shape of the parser's JSON.

    Two rules keep it to what the protocol itself says: the demo's roll call also holds
    the absent seats and whom an ersättare served for, taken from the board register; a
    name the protocol's own roll call does not contain is not expected of the parser. The
    seeds state no meeting times (`samordna.demo.meetings` marks its times as assumed).
    """
    from samordna.demo import interventions
    from samordna.demo.associations import ASSOCIATIONS, SEATS
    from samordna.demo.meetings import MEETINGS

    protocol = importlib.import_module(f"samordna.demo.protocols.{module}").PROTOCOL
    slug = protocol.association
    seats = {seat.person: seat for seat in SEATS[slug]}
    front = _front(source)
    day = protocol.date.isoformat()
    numbers = [p.number for p in protocol.paragraphs]
    attendance: list[dict[str, Any]] = []
    for attendee in protocol.attendees:
        present = attendee.presence != "absent"
        if not present and attendee.name not in front:
            continue
        seat = seats[attendee.name]
        member = seat.kind == "ordinary"
        serves_for = (
            attendee.serves_for if attendee.serves_for and attendee.serves_for in front else None
        )
        attendance.append(
            {
                "name": attendee.name,
                "role": "member" if member else "substitute",
                "present": present,
                "voting": present and (member or bool(attendee.serves_for)),
                "serves_for": serves_for,
                "organisation": seat.member,
                "from_paragraph": attendee.from_number,
                "until_paragraph": attendee.until_number,
            }
        )
    for guest in protocol.guests:
        attendance.append(
            {
                "name": guest.name,
                "role": "other",
                "present": True,
                "voting": False,
                "serves_for": None,
                "organisation": guest.role,
                "from_paragraph": guest.from_number,
                "until_paragraph": guest.until_number,
            }
        )
    grants = _demo_grants(protocol, interventions)
    rows = [row for row in MEETINGS[slug] if row[0] == protocol.date]
    assumed = not rows or "antagen" in rows[0][4]
    planned = [
        {
            "date": row[0].isoformat(),
            "start_time": row[1].strftime("%H:%M"),
            "end_time": row[2].strftime("%H:%M"),
        }
        for row in MEETINGS[slug]
        if any(row[5] == f"{day} § {n}" for n in numbers)
    ]
    return {
        "association": ASSOCIATIONS[slug]["name"],
        "date": day,
        "start_time": None if assumed else rows[0][1].strftime("%H:%M"),
        "end_time": None if assumed else rows[0][2].strftime("%H:%M"),
        "place": protocol.place,
        "first_paragraph": min(numbers),
        "last_paragraph": max(numbers),
        "chair": protocol.chair,
        "secretary": protocol.secretary,
        "adjusters": list(protocol.adjusters),
        "adjustment_date": protocol.justified_on.isoformat(),
        "notice_posted": protocol.posted_on.isoformat(),
        "notice_removed": protocol.taken_down_as_written.isoformat(),
        "minutes_kept_at": ASSOCIATIONS[slug]["minutes_kept_at"],
        "attendance": attendance,
        "paragraphs": [
            {
                "number": p.number,
                "title": p.title,
                "case_number": p.case_number or None,
                "decision": "\n".join(p.decision) or None,
                "recused": [name for name, _ in p.recusals],
                "grants": grants.get(p.number, []),
                "matter": p.matter or None,
            }
            for p in protocol.paragraphs
        ],
        "planned_meetings": planned,
    }


def _year(year: int) -> tuple[str, str]:
    return datetime.date(year, 1, 1).isoformat(), datetime.date(year, 12, 31).isoformat()


# Grants the demo does not register as an insats, though the protocol decides them.
NOT_IN_DEMO = {
    # Sundsvall 2022-10-21 § 107: the förstudie's 32 500 kr, on a condition and no period.
    datetime.date(2022, 10, 21): {107: [{"amount": 32_500, "start": None, "end": None}]},
}


def _demo_grants(protocol: Any, interventions: Any) -> dict[int, list[dict[str, Any]]]:
    grants: dict[int, list[dict[str, Any]]] = {}
    if protocol.association == "sundsvall":
        for bilaga, (own, set_aside) in interventions.SUNDSVALL_DECISIONS.items():
            # The § that decided this Bilaga's application: it names the amount granted.
            amount = f"{own[0][1]:,}".replace(",", " ")
            number = next(
                (
                    p.number
                    for p in protocol.paragraphs
                    if bilaga in p.attachments and any(amount in c for c in p.decision)
                ),
                None,
            )
            if number is None:
                continue
            for year, amount in [*own, *([set_aside] if set_aside else [])]:
                start, end = _year(year)
                grants.setdefault(number, []).append({"amount": amount, "start": start, "end": end})
    else:
        for paper in interventions.HT_2024:
            start, end = _year(2024)
            grants.setdefault(paper.paragraph, []).append(
                {"amount": paper.amount, "start": start, "end": end}
            )
    for number, extra in NOT_IN_DEMO.get(protocol.date, {}).items():
        grants.setdefault(number, []).extend(extra)
    return grants
