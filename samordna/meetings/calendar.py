"""Meetings as iCalendar, so board members get them in Outlook."""

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from samordna.associations.models import Association
from samordna.meetings.models import Meeting

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def meetings_ics(association: Association, meetings: Iterable[Meeting], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Samordna//Sammanträden//SV")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    stamp = datetime.datetime.now(tz=datetime.UTC)
    for meeting in meetings:
        event = Event()
        event.add("uid", f"sammantrade-{meeting.pk}@samordna")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts.replace(tzinfo=STOCKHOLM))
        event.add("dtend", meeting.ends.replace(tzinfo=STOCKHOLM))
        event.add("summary", f"Styrelsemöte – {association.name}")
        event.add("location", meeting.place)
        if meeting.note:
            event.add("description", meeting.note)
        calendar.add_component(event)
    return calendar.to_ical()
