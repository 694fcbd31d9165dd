"""Every write to meetings. Here the meeting and its agenda items, the calendar feed and
the tasks given at a meeting; by subject in this package: `agenda` (the agenda typed once:
§ drafts, moving and deleting §§, templates), `proceedings` (upprop, paragraphs, jäv,
guests), `papers` (attachments), `justering` (signers, confirmation, justering and the kept
minutes), `kallelse` (sending the notice) and `past_meetings` (meetings registered
afterwards)."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import (
    Association,
)
from samordna.core import richtext
from samordna.core.services import (
    apply_changes,
    delete_with_history,
    save_with_history,
)
from samordna.core.text import format_date
from samordna.meetings.locking import LOCKED_MESSAGE, MinutesLocked
from samordna.meetings.models import (
    AgendaItem,
    ApprovedMinutes,
    CalendarFeed,
    ItemKind,
    Meeting,
    Paragraph,
    Task,
    new_calendar_token,
)
from samordna.meetings.signals import meeting_planned

# The items every meeting opens and closes with, as in the seed protocols.
OPENING_ITEMS = [
    ("Sammanträdet öppnas", ItemKind.OTHER),
    ("Godkännande av dagordning", ItemKind.DECISION),
    ("Val av justerare", ItemKind.ELECTION),
    ("Föregående protokoll", ItemKind.REPORT),
]


CLOSING_ITEMS = [
    ("Nästa sammanträde", ItemKind.INFORMATION),
    ("Sammanträdet avslutas", ItemKind.OTHER),
]


MEETING_YEARS = 10  # a meeting is planned or recorded within ten years of today


def _check_meeting(meeting: Meeting) -> None:
    today = timezone.localdate()
    span = datetime.timedelta(days=round(365.25 * MEETING_YEARS))
    if not today - span <= meeting.date <= today + span:
        raise ValidationError(
            {
                "date": f"Ett sammanträde ska ligga inom {MEETING_YEARS} år från i dag, "
                f"mellan {format_date(today - span)} och {format_date(today + span)}."
            }
        )
    if meeting.ends_at <= meeting.starts_at:
        raise ValidationError({"ends_at": "Sammanträdet måste sluta efter att det börjat."})
    secretary = meeting.secretary
    if secretary is not None and secretary.association_id != meeting.association_id:
        raise ValidationError({"secretary": f"{secretary} hör inte till förbundet."})
    clash = (
        Meeting.objects.filter(
            association=meeting.association,
            date=meeting.date,
            starts_at__lt=meeting.ends_at,
            ends_at__gt=meeting.starts_at,
        )
        .exclude(pk=meeting.pk)
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "starts_at": f"Styrelsen har redan ett sammanträde {format_date(clash.date)} "
                f"kl. {clash.starts_at:%H.%M}–{clash.ends_at:%H.%M}."
            }
        )


@transaction.atomic
def meeting_create(*, association: Association, by: User, **fields: Any) -> Meeting:
    """Plan a board meeting; its agenda starts with the standing items."""
    meeting = Meeting(association=association, **fields)
    _check_meeting(meeting)
    save_with_history(meeting, by=by)
    standing = OPENING_ITEMS + CLOSING_ITEMS
    for position, (title, kind) in enumerate(standing, start=1):
        item = AgendaItem(meeting=meeting, position=position, title=title, kind=kind, standing=True)
        save_with_history(item, by=by)
    meeting_planned.send(sender=Meeting, meeting=meeting, by=by)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, by: User, **fields: Any) -> Meeting:
    """Move or change a planned meeting."""
    changed = apply_changes(meeting, fields)
    if changed:
        _check_meeting(meeting)
        save_with_history(meeting, by=by, update_fields=changed)
    return meeting


def _renumber(items: list[AgendaItem], *, by: User) -> None:
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            save_with_history(item, by=by, update_fields=["position"])


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, by: User | None, **fields: Any) -> AgendaItem:
    """Add a matter to the agenda, before the closing standing items (`by` is None when
    Samordna adds it by itself, as the diarium does with "Inkomna handlingar")."""
    items = list(meeting.items.select_for_update())
    closing = {title for title, _ in CLOSING_ITEMS}
    index = next(
        (i for i, it in enumerate(items) if it.standing and it.title in closing), len(items)
    )
    for each in items[index:]:
        each.position += 1
        save_with_history(each, by=by, update_fields=["position"])
    item = AgendaItem(meeting=meeting, position=index + 1, **sanitised(fields))
    save_with_history(item, by=by)
    return item


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, by: User, **fields: Any) -> AgendaItem:
    """Change a matter's title, kind, föredragande, Dnr, description or förslag."""
    changed = apply_changes(item, sanitised(fields))
    if changed:
        save_with_history(item, by=by, update_fields=changed)
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, by: User, up: bool) -> None:
    """Move a matter one step up or down the agenda."""
    items = list(item.meeting.items.select_for_update())
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        raise ValidationError("Punkten står redan först." if up else "Punkten står redan sist.")
    items[index], items[other] = items[other], items[index]
    _renumber(items, by=by)


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, by: User) -> None:
    """Take a matter (a standing one too) off the agenda; the positions follow."""
    meeting = item.meeting
    delete_with_history(item, by=by)
    _renumber(list(meeting.items.all()), by=by)


@transaction.atomic
def calendar_feed_renew(*, association: Association, by: User) -> CalendarFeed:
    """Give the calendar a new address (its first one, or instead of the old one)."""
    feed = CalendarFeed.objects.select_for_update().filter(association=association).first()
    if feed is None:
        feed = CalendarFeed(association=association)
        save_with_history(feed, by=by)
        return feed
    feed.token = new_calendar_token()
    save_with_history(feed, by=by, update_fields=["token"])
    return feed


RICH_TEXT_FIELDS = ("matter", "proposal", "description")


def sanitised(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        name: richtext.sanitise(value) if name in RICH_TEXT_FIELDS else value
        for name, value in fields.items()
    }


@transaction.atomic
def task_create(
    *,
    meeting: Meeting,
    by: User,
    text: str,
    responsible: str,
    paragraph: Paragraph | None = None,
    due_meeting: Meeting | None = None,
) -> Task:
    """An assignment given at `meeting`, to be reported at `due_meeting`."""
    if ApprovedMinutes.objects.filter(meeting=meeting).exists():
        raise MinutesLocked(LOCKED_MESSAGE)
    if paragraph is not None and paragraph.meeting_id != meeting.pk:
        raise ValidationError({"paragraph": "Paragrafen hör till ett annat sammanträde."})
    if due_meeting is not None and (
        due_meeting.association_id != meeting.association_id or due_meeting.date <= meeting.date
    ):
        raise ValidationError(
            {"due_meeting": "Uppdraget redovisas vid ett senare sammanträde i samma förbund."}
        )
    task = Task(
        association=meeting.association,
        given_at=meeting,
        paragraph=paragraph,
        text=text,
        responsible=responsible,
        due_meeting=due_meeting,
    )
    save_with_history(task, by=by)
    return task


@transaction.atomic
def task_done(*, task: Task, by: User, done_on: datetime.date, note: str = "") -> Task:
    """Mark an assignment as reported; it leaves the agendas."""
    if done_on < task.given_at.date:
        raise ValidationError({"done_on": "Uppdraget kan inte vara klart innan det gavs."})
    task.done_on = done_on
    task.done_note = note
    save_with_history(task, by=by, update_fields=["done_on", "done_note"])
    return task
