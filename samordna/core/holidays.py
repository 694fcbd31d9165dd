"""Swedish days off, for time limits in law.

Lagen (1930:173) om beräkning av lagstadgad tid: a time limit whose last day is a Sunday or
other allmän helgdag, a Saturday, midsommarafton, julafton or nyårsafton runs on to the
next weekday. Allmänna helgdagar are listed in lagen (1989:253).
"""

import datetime

D = datetime.date


def easter_sunday(year: int) -> datetime.date:
    """Gregorian Easter (the anonymous algorithm in Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return D(year, month, day + 1)


def _saturday_from(day: datetime.date) -> datetime.date:
    """The first Saturday on or after `day`."""
    return day + datetime.timedelta(days=(5 - day.weekday()) % 7)


def days_off(year: int) -> set[datetime.date]:
    """Allmänna helgdagar plus midsommarafton, julafton and nyårsafton (not weekends)."""
    easter = easter_sunday(year)
    midsummer_day = _saturday_from(D(year, 6, 20))
    return {
        D(year, 1, 1),  # nyårsdagen
        D(year, 1, 6),  # trettondedag jul
        easter - datetime.timedelta(days=2),  # långfredagen
        easter,
        easter + datetime.timedelta(days=1),  # annandag påsk
        D(year, 5, 1),
        easter + datetime.timedelta(days=39),  # Kristi himmelsfärdsdag
        easter + datetime.timedelta(days=49),  # pingstdagen
        D(year, 6, 6),  # nationaldagen
        midsummer_day - datetime.timedelta(days=1),  # midsommarafton
        midsummer_day,
        _saturday_from(D(year, 10, 31)),  # alla helgons dag
        D(year, 12, 24),
        D(year, 12, 25),
        D(year, 12, 26),
        D(year, 12, 31),
    }


def is_day_off(day: datetime.date) -> bool:
    return day.weekday() >= 5 or day in days_off(day.year)


def next_weekday(day: datetime.date) -> datetime.date:
    """`day`, or the first following day that is not a weekend or a day off."""
    while is_day_off(day):
        day += datetime.timedelta(days=1)
    return day
