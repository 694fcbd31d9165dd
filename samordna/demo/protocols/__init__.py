"""The seed protocols as data: what each meeting's minutes record, transcribed as written.

One module per protocol holds a `PROTOCOL`; `samordna.demo.minutes` loads them through the
meeting services, so the demo passes the same checks as anything the kansli types.
People are named in full as in `samordna.demo.associations.PEOPLE`.
"""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TaskSeed:
    """An assignment given at the meeting ("Förbundschefen får i uppdrag att …")."""

    text: str
    responsible: str
    # ISO date of the meeting the task is due at, or "" when the § names none.
    due_meeting: str = ""


@dataclass(frozen=True)
class Par:
    number: int
    title: str
    # Plain text; paragraphs of the matter separated by a blank line.
    matter: str = ""
    # Each decision clause as written, starting with "Att".
    decision: tuple[str, ...] = ()
    case_number: str = ""
    proposal: str = ""
    # (full name, "decision" | "discussion"): jäv as the § records it.
    recusals: tuple[tuple[str, str], ...] = ()
    reservations: str = ""
    minutes_notes: str = ""
    immediately_approved: bool = False
    tasks: tuple[TaskSeed, ...] = ()
    # Numbers of the Bilagor the § refers to.
    attachments: tuple[int, ...] = ()


@dataclass(frozen=True)
class Attendee:
    """One board seat in the roll call."""

    name: str
    presence: str  # "present" | "remote" | "absent"
    serves_for: str = ""  # full name of the absent ordinarie ledamot
    from_number: int | None = None
    until_number: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Guest:
    """Others present: staff, auditors, visitors, optionally for a § range."""

    name: str
    role: str
    from_number: int | None = None
    until_number: int | None = None


@dataclass(frozen=True)
class AttachmentSeed:
    number: int
    title: str
    paragraph: int | None = None
    # File name under protocols/bilagor/ holding the Bilaga's text, or "".
    text_file: str = ""


@dataclass(frozen=True)
class Protocol:
    association: str  # demo slug: "sundsvall" | "harnosand-timra"
    date: datetime.date
    place: str
    attendees: tuple[Attendee, ...]
    guests: tuple[Guest, ...]
    chair: str
    adjusters: tuple[str, ...]
    secretary: str
    justified_on: datetime.date
    posted_on: datetime.date
    # The take-down date as the protocol prints it (may be shorter than the law's three weeks).
    taken_down_as_written: datetime.date
    paragraphs: tuple[Par, ...]
    attachments: tuple[AttachmentSeed, ...] = field(default=())
    source: str = ""
