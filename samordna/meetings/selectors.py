import datetime

from samordna.associations.models import Association
from samordna.meetings.models import Meeting


def meetings_in_year(association: Association, year: int) -> list[Meeting]:
    return list(association.meetings.filter(date__year=year))


def meeting_years(association: Association, today: datetime.date) -> list[int]:
    """From the first year with meetings through next year (for planning), without gaps."""
    years = {day.year for day in association.meetings.dates("date", "year")}
    years |= {today.year, today.year + 1}
    return list(range(min(years), max(years) + 1))


def upcoming_meetings(
    association: Association, today: datetime.date, limit: int = 3
) -> list[Meeting]:
    return list(association.meetings.filter(date__gte=today)[:limit])
