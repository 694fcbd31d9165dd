"""What the parser reads from a protocol, and the JSON that `import_minutes --json` prints.

The parse holds more than the JSON (the Ärende text, the förslag, the line each value came
from, arrivals and departures by §); `as_json` gives exactly the keys the command promises.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Line:
    """One line of the extracted text: its number counts every line of the file, page
    headers and footers included, so a problem can name it."""

    number: int
    text: str
    page: int = 1


@dataclass
class Problem:
    field: str
    message: str
    line: int | None = None


@dataclass
class Grant:
    amount: int
    start: datetime.date | None
    end: datetime.date | None
    line: int | None = None


@dataclass
class Recusal:
    name: str
    kind: str  # "decision" | "discussion"
    line: int | None = None


@dataclass
class Attendee:
    name: str
    role: str  # "member" | "substitute" | "other"
    present: bool = True
    voting: bool = False
    serves_for: str | None = None
    organisation: str | None = None
    # What the protocol writes beside the name for others present ("förbundschef").
    description: str | None = None
    remote: bool = False
    from_paragraph: int | None = None
    until_paragraph: int | None = None
    line: int | None = None

    @property
    def written_organisation(self) -> str | None:
        """The member a seat represents; for others, what is written beside the name."""
        if self.role == "other":
            return self.description or self.organisation
        return self.organisation


@dataclass
class Paragraph:
    number: int
    title: str
    line: int
    case_number: str | None = None
    matter: str = ""
    proposal: str = ""
    decision: list[str] = field(default_factory=list)
    recusals: list[Recusal] = field(default_factory=list)
    grants: list[Grant] = field(default_factory=list)
    # The lines of the § in the source, for the preview beside the text.
    first_line: int = 0
    last_line: int = 0

    @property
    def recused(self) -> list[str]:
        return [r.name for r in self.recusals]


@dataclass
class PlannedMeeting:
    date: datetime.date
    start_time: datetime.time | None
    end_time: datetime.time | None
    line: int | None = None


@dataclass
class Parsed:
    filename: str
    association: str | None = None
    date: datetime.date | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    place: str | None = None
    first_paragraph: int | None = None
    last_paragraph: int | None = None
    chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)
    adjustment_date: datetime.date | None = None
    notice_posted: datetime.date | None = None
    notice_removed: datetime.date | None = None
    minutes_kept_at: str | None = None
    attendance: list[Attendee] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    planned_meetings: list[PlannedMeeting] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Where each header value was read: field name -> line number.
    sources: dict[str, int] = field(default_factory=dict)

    def problem(self, field_name: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(field_name, message, line))


JSON_KEYS = (
    "association",
    "date",
    "start_time",
    "end_time",
    "place",
    "first_paragraph",
    "last_paragraph",
    "chair",
    "secretary",
    "adjusters",
    "adjustment_date",
    "notice_posted",
    "notice_removed",
    "minutes_kept_at",
    "attendance",
    "paragraphs",
    "planned_meetings",
    "problems",
)


def _day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: datetime.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def as_json(parsed: Parsed) -> dict[str, Any]:
    """The parse as the command prints it: exactly `JSON_KEYS`, unknown values null."""
    return {
        "association": parsed.association,
        "date": _day(parsed.date),
        "start_time": _time(parsed.start_time),
        "end_time": _time(parsed.end_time),
        "place": parsed.place,
        "first_paragraph": parsed.first_paragraph,
        "last_paragraph": parsed.last_paragraph,
        "chair": parsed.chair,
        "secretary": parsed.secretary,
        "adjusters": list(parsed.adjusters),
        "adjustment_date": _day(parsed.adjustment_date),
        "notice_posted": _day(parsed.notice_posted),
        "notice_removed": _day(parsed.notice_removed),
        "minutes_kept_at": parsed.minutes_kept_at,
        "attendance": [
            {
                "name": a.name,
                "role": a.role,
                "present": a.present,
                "voting": a.voting,
                "serves_for": a.serves_for,
                "organisation": a.written_organisation,
            }
            for a in parsed.attendance
        ],
        "paragraphs": [
            {
                "number": p.number,
                "title": p.title,
                "case_number": p.case_number,
                "decision": "\n".join(p.decision) or None,
                "recused": p.recused,
                "grants": [
                    {"amount": g.amount, "start": _day(g.start), "end": _day(g.end)}
                    for g in p.grants
                ],
            }
            for p in parsed.paragraphs
        ],
        "planned_meetings": [
            {"date": _day(m.date), "start_time": _time(m.start_time), "end_time": _time(m.end_time)}
            for m in parsed.planned_meetings
        ],
        "problems": [
            {"field": p.field, "message": p.message, "line": p.line} for p in parsed.problems
        ],
    }


def as_scored(parsed: Parsed) -> dict[str, Any]:
    """The JSON and what the parse finds beyond it (arrivals and departures by §, the
    Ärende text), for the scoring script."""
    data = as_json(parsed)
    for row, attendee in zip(data["attendance"], parsed.attendance, strict=True):
        row["from_paragraph"] = attendee.from_paragraph
        row["until_paragraph"] = attendee.until_paragraph
    for row, paragraph in zip(data["paragraphs"], parsed.paragraphs, strict=True):
        row["matter"] = paragraph.matter or None
        row["proposal"] = paragraph.proposal or None
    return data
