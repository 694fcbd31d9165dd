"""Every write to meetings and their agendas."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.text import format_date
from samordna.meetings.models import AgendaItem, CalendarFeed, ItemKind, Meeting, new_calendar_token

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


def _save(instance, *, by: User, update_fields: list[str] | None = None) -> None:
    instance.full_clean()
    instance._history_user = by
    instance.save(update_fields=update_fields)


def _check_meeting(meeting: Meeting) -> None:
    if meeting.ends_at <= meeting.starts_at:
        raise ValidationError({"ends_at": "Sammanträdet måste sluta efter att det börjat."})
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
    _save(meeting, by=by)
    standing = OPENING_ITEMS + CLOSING_ITEMS
    for position, (title, kind) in enumerate(standing, start=1):
        item = AgendaItem(meeting=meeting, position=position, title=title, kind=kind, standing=True)
        _save(item, by=by)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, by: User, **fields: Any) -> Meeting:
    """Move or change a planned meeting."""
    changed = [name for name, value in fields.items() if getattr(meeting, name) != value]
    for name in changed:
        setattr(meeting, name, fields[name])
    if changed:
        _check_meeting(meeting)
        _save(meeting, by=by, update_fields=changed)
    return meeting


def _renumber(items: list[AgendaItem], *, by: User) -> None:
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            _save(item, by=by, update_fields=["position"])


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, by: User, **fields: Any) -> AgendaItem:
    """Add a matter to the agenda, before the closing standing items."""
    items = list(meeting.items.select_for_update())
    closing = {title for title, _ in CLOSING_ITEMS}
    index = next(
        (i for i, it in enumerate(items) if it.standing and it.title in closing), len(items)
    )
    for each in items[index:]:
        each.position += 1
        _save(each, by=by, update_fields=["position"])
    item = AgendaItem(meeting=meeting, position=index + 1, **fields)
    _save(item, by=by)
    return item


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, by: User, **fields: Any) -> AgendaItem:
    """Change a matter's title, kind, föredragande or Dnr."""
    changed = [name for name, value in fields.items() if getattr(item, name) != value]
    for name in changed:
        setattr(item, name, fields[name])
    if changed:
        _save(item, by=by, update_fields=changed)
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
    """Take a matter off the agenda; the standing items stay."""
    if item.standing:
        raise ValidationError("Stående punkter kan inte tas bort från dagordningen.")
    meeting = item.meeting
    item._history_user = by  # type: ignore[attr-defined]
    item.delete()
    _renumber(list(meeting.items.all()), by=by)


@transaction.atomic
def calendar_feed_for(*, association: Association) -> CalendarFeed:
    """The förbund's calendar address, created on first use."""
    feed, _ = CalendarFeed.objects.get_or_create(association=association)
    return feed


@transaction.atomic
def calendar_feed_renew(*, association: Association, by: User) -> CalendarFeed:
    """Give the calendar a new address; the old one stops working."""
    feed = calendar_feed_for(association=association)
    feed.token = new_calendar_token()
    _save(feed, by=by, update_fields=["token"])
    return feed
