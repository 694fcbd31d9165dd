"""Reads of the diarium: the register's search (a fixed number of queries whatever it
finds), the gallring a plan allows, and the incoming handlingar for the next meeting."""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet

from samordna.associations.models import Association
from samordna.core.models import ProgressStatus, TaskProgress
from samordna.core.text import format_date
from samordna.meetings.listings import AgendaListing
from samordna.meetings.models import Meeting
from samordna.records.models import (
    ArchivePackage,
    CaseStatus,
    DocumentType,
    Handling,
    HandlingDirection,
    Registry,
    Retention,
)

# The dokumenthanteringsplan every förbund starts from: (code, name, retention, years,
# always kept). Minutes, decisions and årsredovisningar are kept for ever.
DEFAULT_PLAN = [
    ("protokoll", "Protokoll (justerat)", Retention.KEEP, None, True),
    ("beslut", "Beslut (paragraf eller delegationsbeslut)", Retention.KEEP, None, True),
    (
        "arsredovisning",
        "Årsredovisning, delårsrapport och verksamhetsplan",
        Retention.KEEP,
        None,
        True,
    ),
    ("ansokan", "Ansökan om medel med bilagor", Retention.KEEP, None, False),
    ("avtal", "Avtal om insats", Retention.KEEP, None, False),
    ("rapport", "Rapport från insats", Retention.KEEP, None, False),
    ("internkontroll", "Internkontrollplan och uppföljning", Retention.KEEP, None, False),
    ("skrivelse", "Skrivelse, brev eller e-post av betydelse", Retention.YEARS, 2, False),
    ("faktura", "Faktura och verifikation", Retention.YEARS, 7, False),
    ("begaran", "Begäran om allmän handling", Retention.OBSOLETE, None, False),
    ("tillfallig", "Handling av tillfällig eller ringa betydelse", Retention.OBSOLETE, None, False),
]


def registry_of(association: Association) -> Registry:
    """The förbund's diarium settings; the defaults (unsaved) until something is written."""
    return Registry.objects.filter(association=association).first() or Registry(
        association=association
    )


def plan_of(association: Association) -> list[DocumentType]:
    """The förbund's dokumenthanteringsplan; the default plan (unsaved, without ids) until
    the diarium is first written to."""
    types = list(DocumentType.objects.filter(association=association))
    if types:
        return types
    defaults = [
        DocumentType(
            association=association,
            code=code,
            name=name,
            retention=retention,
            years=years,
            always_kept=always,
        )
        for code, name, retention, years, always in DEFAULT_PLAN
    ]
    return sorted(defaults, key=lambda t: t.name)


@dataclass(frozen=True)
class Search:
    dnr: str = ""
    words: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    organisation: str = ""
    direction: str = ""

    @property
    def empty(self) -> bool:
        return not (self.dnr or self.words or self.date_from or self.date_to or self.organisation)


# The register counts its hits up to this many: a count of every match of a common word in
# 200 000 handlingar costs more than the page itself, and no one pages past it.
COUNT_CAP = 1000


class RegisterPaginator(Paginator):
    """Pages of the register whose count stops at `COUNT_CAP` + 1 (one bounded query)."""

    @cached_property
    def count(self) -> int:
        found: QuerySet = self.object_list  # type: ignore[assignment]
        return found[: COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > COUNT_CAP


def handlings_found(association: Association, search: Search, *, public: bool) -> QuerySet:
    """The handlingar matching `search`, newest first. For the public, words and sender are
    looked for only in what is public, so a secret part is never revealed by a match."""
    found = Handling.objects.filter(association=association).select_related("case", "document_type")
    text = "public_text" if public else "search_text"
    for word in search.words.lower().split()[:8]:
        found = found.filter(**{f"{text}__contains": word})
    if search.dnr:
        dnr = search.dnr.strip()
        case_dnr = dnr.rsplit("-", 1)[0] if "-" in dnr else dnr
        # Exact (the unique index of the Dnr), as written or in capitals ("p19/8").
        found = found.filter(case__dnr__in={case_dnr, case_dnr.upper()})
        if "-" in dnr and dnr.rsplit("-", 1)[1].isdigit():
            found = found.filter(sequence=int(dnr.rsplit("-", 1)[1]))
    if search.organisation:
        found = found.filter(organisation__icontains=search.organisation.strip())
        if public:
            found = found.filter(secret_organisation=False)
    if search.date_from:
        found = found.filter(date__gte=search.date_from)
    if search.date_to:
        found = found.filter(date__lte=search.date_to)
    if search.direction:
        found = found.filter(direction=search.direction)
    return found.order_by("-date", "-pk")


def weeding_candidates(association: Association, year: int) -> list[Handling]:
    """What the dokumenthanteringsplan lets be weeded in `year`: handlingar whose type is
    weeded after N years that have passed by the end of the year before, and those weeded
    vid inaktualitet whose ärende is closed. Never a type that is always kept (minutes,
    decisions), never one the plan keeps."""
    cutoff = datetime.date(year - 1, 12, 31)
    found = (
        Handling.objects.filter(association=association, document_type__always_kept=False)
        .exclude(document_type__retention=Retention.KEEP)
        .filter(
            Q(document_type__retention=Retention.OBSOLETE, case__status=CaseStatus.CLOSED)
            | Q(document_type__retention=Retention.YEARS)
        )
        .select_related("case", "document_type")
        .prefetch_related("files")
        .order_by("date", "pk")
    )
    return [
        h
        for h in found
        if h.document_type.retention == Retention.OBSOLETE
        or _add_years(h.date, h.document_type.years or 0) <= cutoff
    ]


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Incoming:
    """The "Inkomna handlingar" of the next meeting: what came in since the last one."""

    meeting: Meeting | None
    since: datetime.date | None
    handlings: list[Handling]


INCOMING_LIMIT = 200


def next_meeting(association: Association, today: datetime.date) -> Meeting | None:
    """The next meeting from `today` whose minutes are not justerade."""
    return (
        Meeting.objects.filter(
            association=association, date__gte=today, approved_minutes__isnull=True
        )
        .order_by("date", "starts_at")
        .first()
    )


def incoming_for_meeting(meeting: Meeting) -> Incoming:
    """What came in (incoming handlingar dated from the meeting before, up to this one)."""
    previous = (
        Meeting.objects.filter(association_id=meeting.association_id, date__lt=meeting.date)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    handlings = Handling.objects.filter(
        association_id=meeting.association_id,
        direction=HandlingDirection.INCOMING,
        date__lte=meeting.date,
    ).select_related("case", "document_type")
    if previous is not None:
        handlings = handlings.filter(date__gte=previous)
    return Incoming(
        meeting=meeting,
        since=previous,
        handlings=list(handlings.order_by("date", "pk")[:INCOMING_LIMIT]),
    )


def incoming_for_next_meeting(association: Association, today: datetime.date) -> Incoming:
    upcoming = Meeting.objects.filter(association=association, date__gte=today)
    meeting = upcoming.order_by("date", "starts_at").first()
    if meeting is not None:
        return incoming_for_meeting(meeting)
    previous = (
        Meeting.objects.filter(association=association, date__lt=today)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    handlings = Handling.objects.filter(
        association=association, direction=HandlingDirection.INCOMING
    ).select_related("case", "document_type")
    if previous is not None:
        handlings = handlings.filter(date__gte=previous)
    return Incoming(
        meeting=None,
        since=previous,
        handlings=list(handlings.order_by("date", "pk")[:INCOMING_LIMIT]),
    )


INCOMING_TITLE = "Inkomna handlingar"


def incoming_listing(meeting: Meeting) -> AgendaListing:
    """The agenda's "Inkomna handlingar": each by its number, date, description and sender
    as the public register shows them (secret parts masked, a private person never named)."""
    incoming = incoming_for_meeting(meeting)
    since = f" sedan föregående sammanträde {format_date(incoming.since)}" if incoming.since else ""
    more = (
        f" Listan visar de {INCOMING_LIMIT} första; resten finns i diariet."
        if len(incoming.handlings) >= INCOMING_LIMIT
        else ""
    )
    rows = [
        (
            h.number,
            f"{h.date:%Y-%m-%d}",
            h.public_description + (f" ({h.osl})" if h.secret_description and h.osl else ""),
            h.public_organisation or "–",
        )
        for h in incoming.handlings
    ]
    return AgendaListing(
        item_title=INCOMING_TITLE,
        caption=f"Inkomna handlingar{since}",
        columns=("Nummer", "Inkom", "Beskrivning", "Avsändare"),
        rows=rows,
        empty=f"Inga handlingar har kommit in{since}.",
        note=f"Ur diariet: inkomna handlingar registrerade{since}. Uppgifter under sekretess "
        f"visas maskerade.{more}",
    )


ARCHIVE_TASK = "samordna.records.tasks.archive_build"


def archive_refusals(association: Association, *, limit: int = 5) -> list[TaskProgress]:
    """The archive packages that could not be made since the newest one that was (a file
    that cannot be made PDF/A, named in the error), newest first."""
    failed = TaskProgress.objects.filter(
        association=association, task_path=ARCHIVE_TASK, status=ProgressStatus.FAILED
    )
    newest = (
        ArchivePackage.objects.filter(association=association)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if newest is not None:
        failed = failed.filter(created_at__gt=newest)
    return list(failed.order_by("-created_at", "-pk")[:limit])
