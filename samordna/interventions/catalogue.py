"""Reads of the public Insatskatalogen: current, published insatser of every förbund,
searched by free text and filtered by kommun, target group, inriktning and förbund.

An insats is *current* when it is published, not slutreglerad, granted (it has a start
date, which the decision sets) and has not ended before today. One about to start is shown,
so that staff can refer people to it. `_catalogue_status.html` tells the kansli the same.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.db.models import Count, Prefetch, Q, QuerySet, Value
from django.utils.text import Truncator

from samordna.associations.models import Member
from samordna.core.text import exact_swedish_order, swedish_key, swedish_order
from samordna.interventions.models import CatalogueEntry, Direction, Intervention, TargetGroup
from samordna.interventions.selectors import CountedPaginator

PER_PAGE = 20
# A visitor's text is cut here: the words become LIKE conditions, and a page's cost should
# not depend on what someone pastes into the box.
MAX_QUERY_CHARS = 200
MAX_WORDS = 10


def _current(today: datetime.date) -> QuerySet[CatalogueEntry]:
    """Published insatser that run now or are granted and about to start."""
    return CatalogueEntry.objects.filter(
        published=True,
        intervention__closed_on__isnull=True,
        intervention__starts_on__isnull=False,
    ).filter(Q(intervention__ends_on__isnull=True) | Q(intervention__ends_on__gte=today))


def _with_details(entries: QuerySet[CatalogueEntry]) -> QuerySet[CatalogueEntry]:
    return entries.select_related(
        "intervention__association", "intervention__owner"
    ).prefetch_related(
        Prefetch("municipalities", queryset=Member.objects.order_by("name")), "target_groups"
    )


@dataclass(frozen=True)
class CatalogueFilters:
    """What a visitor searches for; an empty value means no filter."""

    q: str = ""
    kommun: str = ""  # a member's name: one kommun may be the same in several förbund
    target_group: str = ""  # TargetGroup.code
    direction: str = ""  # Direction value
    association: str = ""  # Association.slug

    @property
    def words(self) -> list[str]:
        """The free text as words, case-folded the way `services.catalogue_save` folds
        `CatalogueEntry.search_text`."""
        return self.q[:MAX_QUERY_CHARS].casefold().split()[:MAX_WORDS]

    @property
    def is_empty(self) -> bool:
        return not (
            self.words or self.kommun or self.target_group or self.direction or self.association
        )


def _matching(filters: CatalogueFilters, today: datetime.date) -> QuerySet[CatalogueEntry]:
    entries = _current(today)
    for word in filters.words:
        entries = entries.filter(search_text__contains=word)
    # Through a subquery, not a join: a match stays one row, so no DISTINCT over them all.
    if filters.kommun:
        entries = entries.filter(
            pk__in=CatalogueEntry.objects.filter(municipalities__name=filters.kommun).values("pk")
        )
    if filters.target_group:
        entries = entries.filter(
            pk__in=CatalogueEntry.objects.filter(target_groups__code=filters.target_group).values(
                "pk"
            )
        )
    if filters.direction:
        entries = entries.filter(intervention__direction=filters.direction)
    if filters.association:
        entries = entries.filter(intervention__association__slug=filters.association)
    return entries


@dataclass(frozen=True)
class CatalogueCard:
    """One insats in the search results, as the page shows it."""

    pk: int  # the insats
    url: str
    name: str
    association: str
    owner: str  # "Sundsvalls kommun, Arbetsmarknadsavdelningen"
    what: str  # the first 40 words
    for_whom: str  # the first 40 words
    where: str
    municipalities: str  # "Sundsvalls kommun, Timrå kommun", or "Ej angivet"
    target_groups: str
    direction: str


def _first_words(text: str) -> str:
    """What the template's `truncatewords:40` shows."""
    return Truncator(text).words(40, truncate=" …")


def catalogue_search(
    filters: CatalogueFilters,
    today: datetime.date,
    page: str | int | None,
    per_page: int = PER_PAGE,
    *,
    count: int | None = None,
    link: Callable[[int], str] = str,
) -> Page:
    """One page of the current insatser that match every word and each chosen filter, in
    Swedish order of their names, as `CatalogueCard`s.

    Sorted and cut in the database (`swedish_order`: PostgreSQL's Swedish collation;
    on SQLite the page's rows are then put in the Swedish order), the count by one query
    (none when the caller knows it: `count`), the words found through the trigram index on
    PostgreSQL, the page's kommuner and target groups by one more: three queries, however
    many insatser there are. A page number out of range gives the last page. `url` is
    the address of an insats in the catalogue with `{}` for its pk.
    """
    matching = _matching(filters, today)
    rows = (
        matching
        # By name, then förbund (two förbund may run insatser of the same name).
        .order_by(
            *swedish_order("intervention__name"),
            *swedish_order("intervention__association__name"),
            "pk",
        ).values_list(
            "pk",
            "intervention_id",
            "intervention__name",
            "intervention__association__name",
            "intervention__owner__name",
            "intervention__owner_unit",
            "intervention__direction",
            "what",
            "for_whom",
            "where",
        )
    )
    paginator = CountedPaginator(rows, per_page, matching.count() if count is None else count)
    numbered = paginator.get_page(page)
    items = list(numbered.object_list)
    if not exact_swedish_order():
        items.sort(key=lambda row: (swedish_key(row[2]), swedish_key(row[3]), row[0]))
    listed = _listed_with([row[0] for row in items])
    directions = dict(Direction.choices)
    cards = [
        CatalogueCard(
            pk=intervention_id,
            url=link(intervention_id),
            name=name,
            association=association,
            owner=f"{owner}, {unit}" if unit else owner,
            what=_first_words(what),
            for_whom=_first_words(for_whom),
            where=where,
            municipalities=", ".join(listed["kommun"][pk]) or "Ej angivet",
            target_groups=", ".join(listed["group"][pk]) or "Ej angivet",
            direction=directions.get(direction, direction),
        )
        for (
            pk,
            intervention_id,
            name,
            association,
            owner,
            unit,
            direction,
            what,
            for_whom,
            where,
        ) in items
    ]
    return Page(cards, numbered.number, paginator)


def _listed_with(entry_ids: list[int]) -> dict[str, dict[int, list[str]]]:
    """The kommuner (by name) and target groups (in their order) of the entries, by one
    query: {"kommun": {entry: [name, …]}, "group": {entry: [name, …]}}."""
    listed: dict[str, dict[int, list[str]]] = {
        "kommun": defaultdict(list),
        "group": defaultdict(list),
    }
    if not entry_ids:
        return listed
    kommuner = CatalogueEntry.municipalities.through.objects.filter(
        catalogueentry_id__in=entry_ids
    ).values_list("catalogueentry_id", Value("kommun"), Value(0), "member__name")
    groups = CatalogueEntry.target_groups.through.objects.filter(
        catalogueentry_id__in=entry_ids
    ).values_list("catalogueentry_id", Value("group"), "targetgroup__position", "targetgroup__name")
    # Kommuner by name and target groups by position, as the models order them.
    for entry_id, kind, _position, name in sorted(
        kommuner.union(groups, all=True), key=lambda row: (row[2], row[3])
    ):
        listed[kind][entry_id].append(name)
    return listed


@dataclass(frozen=True)
class CatalogueChoices:
    """The values the search form offers, as (value, label) pairs in Swedish order, and
    the number of current insatser."""

    kommuner: list[tuple[str, str]]
    target_groups: list[tuple[str, str]]
    directions: list[tuple[str, str]]
    associations: list[tuple[str, str]]
    current: int = 0


def catalogue_choices(today: datetime.date) -> CatalogueChoices:
    """Kommuner and förbund that some current insats has; every target group and
    inriktning (a fixed list); and the number of current insatser: one query, a union of
    the kommuner, the förbund with their count of insatser, and the target groups."""
    current = _current(today)
    kommuner = (
        CatalogueEntry.municipalities.through.objects.filter(
            catalogueentry_id__in=current.values("pk")
        )
        .values_list(Value("kommun"), "member__name", "member__name", Value(0))
        .distinct()
    )
    associations = (
        current.order_by()
        .values_list(
            Value("förbund"), "intervention__association__slug", "intervention__association__name"
        )
        .annotate(count=Count("pk"))
    )
    groups = TargetGroup.objects.order_by().values_list(
        Value("målgrupp"), "code", "name", "position"
    )
    found: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for kind, value, label, number in kommuner.union(associations, groups, all=True):
        found[kind].append((value, label, number))
    return CatalogueChoices(
        kommuner=sorted(
            ((value, label) for value, label, _ in found["kommun"]), key=lambda p: swedish_key(p[1])
        ),
        # In the order the förbund keeps them.
        target_groups=[
            (value, label) for value, label, _ in sorted(found["målgrupp"], key=lambda g: g[2])
        ],
        directions=list(Direction.choices),
        associations=sorted(
            ((value, label) for value, label, _ in found["förbund"]),
            key=lambda pair: swedish_key(pair[1]),
        ),
        current=sum(count for _, _, count in found["förbund"]),
    )


def public_entry(pk: int, today: datetime.date) -> CatalogueEntry | None:
    """The catalogue entry of insats `pk` if it is current; None otherwise."""
    return _with_details(_current(today)).filter(intervention_id=pk).first()


def entry_of(intervention: Intervention) -> CatalogueEntry | None:
    """The förbund's entry for the insats, published or not."""
    return (
        CatalogueEntry.objects.filter(intervention=intervention)
        .prefetch_related("municipalities", "target_groups")
        .first()
    )


def entry_initial(intervention: Intervention) -> dict[str, Any]:
    """A first draft of the entry from the insats's latest application, so that the
    kansli only edits what the applicant already wrote."""
    application = (
        intervention.applications.exclude(submitted_at__isnull=True)
        .order_by("-submitted_at", "-pk")
        .first()
    )
    if application is None:
        return {}
    return {
        "what": application.summary,
        "for_whom": application.target_group,
        "contact_name": application.contact_name,
        "contact_phone": application.contact_phone,
        "contact_email": application.contact_email,
    }
