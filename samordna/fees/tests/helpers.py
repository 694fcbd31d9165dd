"""Shared set-ups: a roll call for a planned meeting, the demo's lists reopened."""

import datetime

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.fees import services
from samordna.meetings import services as meeting_services
from samordna.meetings.models import Meeting
from samordna.meetings.selectors import board_seats_at
from samordna.meetings.services import proceedings


def meeting_on(association: Association, day: str) -> Meeting:
    return Meeting.objects.get(association=association, date=day)


def roll_call(meeting: Meeting, by: User, presence: dict[str, str]) -> None:
    """Record the roll call: surname → present/remote/absent; everyone else absent."""
    entries = [
        proceedings.RollCallEntry(seat=seat, presence=presence.get(seat.person.last_name, "absent"))
        for seat in board_seats_at(meeting)
    ]
    proceedings.roll_call_record(meeting=meeting, by=by, entries=entries)


def set_times(meeting: Meeting, by: User, starts: datetime.time, ends: datetime.time) -> Meeting:
    return meeting_services.meeting_update(meeting=meeting, by=by, starts_at=starts, ends_at=ends)


def reopened(association: Association, by: User, day: str = "2022-11-25") -> Meeting:
    meeting = meeting_on(association, day)
    services.fee_list_reopen(meeting=meeting, by=by, reason="Ett anspråk saknades.")
    return meeting
