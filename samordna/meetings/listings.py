"""What an app above meetings lists under one of a meeting's agenda items ("Inkomna
handlingar" from the diarium), asked through the `agenda_listed` signal so that meetings
never imports it. Reads only: a receiver computes its list when the agenda is shown."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from samordna.meetings.models import AgendaItem, Meeting
from samordna.meetings.signals import agenda_listed


@dataclass(frozen=True)
class AgendaListing:
    """A table under the agenda item titled `item_title`."""

    item_title: str
    caption: str
    columns: tuple[str, ...]
    rows: Sequence[tuple[str, ...]] = field(default_factory=list)
    empty: str = "Inget att anmäla."
    note: str = ""


def listings_for(meeting: Meeting, items: list[AgendaItem]) -> list[AgendaListing]:
    """The listings of the meeting's items, in the agenda's order; none for an item no app
    fills (and no query when no item is filled)."""
    titles = {item.title.strip().lower() for item in items}
    found: dict[str, AgendaListing] = {}
    answers: list[tuple[Any, Any]] = agenda_listed.send(
        sender=Meeting, meeting=meeting, titles=titles
    )
    for _receiver, answer in answers:
        listing: AgendaListing
        for listing in answer or []:
            found[listing.item_title.strip().lower()] = listing
    return [found[t] for t in (i.title.strip().lower() for i in items) if t in found]
