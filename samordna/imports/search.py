"""Search every § of a förbund's protocols by word.

PostgreSQL: full-text search with the Swedish configuration (stemming: "beviljade" finds
"bevilja"), words as prefixes. SQLite: an FTS5 table, each word as a prefix of its stem
("beviljade" -> bevilj*). Both: every word must occur; a year in the question ("Samkraft
2021") matches the meeting's year or the word in the text. Hits show date, §, title and
the matching words.

The index follows the meetings' paragraphs: `connect()` refreshes a § after every save and
drops it after a delete; `rebuild()` builds it anew from the paragraphs.
"""

import datetime
import re
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags

from samordna.imports.models import ParagraphText

FTS_TABLE = "imports_paragraph_fts"
START, STOP = "\ue000", "\ue001"
MAX_WORDS = 8

# Words of the question rather than the matter: "vad beslutade vi om Samkraft 2021?"
FRAME_WORDS = {
    "vad", "vilka", "vilket", "vilken", "när", "hur", "varför", "vi", "ni", "de", "dem",
    "jag", "om", "i", "på", "för", "och", "att", "det", "den", "som", "med", "till", "av",
    "en", "ett", "är", "var", "har", "hade", "blev", "beslutade", "beslutat", "besluta",
    "beslutar", "beslöt", "bestämde", "sa", "sade", "gäller", "angående", "kring", "fick",
    "får", "oss", "vår", "våra", "vårt", "styrelsen", "protokoll", "protokollet",
}  # fmt: skip
SUFFIXES = (
    "arnas", "ernas", "ornas", "heten", "heter", "arna", "erna", "orna", "ande", "ende",
    "aste", "ade", "are", "ast", "ens", "ets", "ar", "er", "or", "en", "et", "na", "as",
    "es", "at", "ad", "s", "a", "e",
)  # fmt: skip
MIN_STEM = 4


def connect() -> None:
    from samordna.meetings.models import Paragraph

    post_save.connect(_saved, sender=Paragraph, dispatch_uid="imports-search-saved")
    post_delete.connect(_deleted, sender=Paragraph, dispatch_uid="imports-search-deleted")


def _saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        refresh(instance)


def _deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [instance.pk])


def body_of(paragraph: Any) -> str:
    parts = [strip_tags(paragraph.matter), strip_tags(paragraph.proposal), paragraph.decision]
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def refresh(paragraph: Any) -> None:
    """Index one § as it now reads."""
    meeting = paragraph.meeting
    entry, _ = ParagraphText.objects.update_or_create(
        paragraph_id=paragraph.pk,
        defaults={
            "association_id": meeting.association_id,
            "meeting_id": meeting.pk,
            "number": paragraph.number,
            "title": paragraph.title,
            "body": body_of(paragraph),
        },
    )
    _write_vector([entry])


def _write_vector(entries: list[ParagraphText]) -> None:
    ids = [entry.pk for entry in entries]
    if connection.vendor == "postgresql":
        ParagraphText.objects.filter(pk__in=ids).update(
            vector=SearchVector("title", weight="A", config="swedish")
            + SearchVector("body", weight="B", config="swedish")
        )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for entry in entries:
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [entry.pk])
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
                    [entry.pk, entry.title, entry.body],
                )


def rebuild() -> int:
    """Index every § anew; returns how many."""
    from samordna.meetings.models import Paragraph

    ParagraphText.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
    entries = [
        ParagraphText(
            paragraph_id=p.pk,
            association_id=p.meeting.association_id,
            meeting_id=p.meeting_id,
            number=p.number,
            title=p.title,
            body=body_of(p),
        )
        for p in Paragraph.objects.select_related("meeting").iterator(chunk_size=500)
    ]
    ParagraphText.objects.bulk_create(entries, batch_size=500)
    _write_vector(entries)
    return len(entries)


# Questions


@dataclass(frozen=True)
class Question:
    words: list[str]
    years: list[int]

    @property
    def empty(self) -> bool:
        return not self.words


def question(text: str) -> Question:
    """Content words and years of what the user typed; everything else is dropped."""
    words, years = [], []
    for token in re.findall(r"\w+", text.casefold())[:40]:
        if re.fullmatch(r"(?:19|20)\d\d", token):
            years.append(int(token))
        elif token not in FRAME_WORDS and (len(token) > 1 or token.isdigit()):
            words.append(token)
    return Question(words[:MAX_WORDS], years[:2])


def stem(word: str) -> str:
    """A light Swedish stem for prefix search on SQLite ("beviljade" -> "bevilj")."""
    if word.isdigit():
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Hit:
    paragraph_id: int
    meeting_id: int
    date: datetime.date
    number: int
    title: list[tuple[str, bool]]
    snippet: list[tuple[str, bool]]
    association: str
    association_slug: str
    notice_id: int | None


def marked(text: str) -> list[tuple[str, bool]]:
    """Split a highlighted string into (text, is a matching word) parts."""
    parts: list[tuple[str, bool]] = []
    for piece in re.split(f"({START}[^{STOP}]*{STOP})", text or ""):
        if piece.startswith(START):
            parts.append((piece.strip(START + STOP), True))
        elif piece:
            parts.append((piece, False))
    return parts


def search(
    question: Question, *, association: Any = None, public_on: datetime.date | None = None
) -> Any:
    """A sliceable, countable result for `Paginator`: the §§ of `association` (or of every
    förbund) that hold every word; with `public_on`, only justerade minutes whose anslag
    has gone up by then."""
    if connection.vendor == "postgresql":
        return _postgres(question, association, public_on)
    return _SqliteHits(question, association, public_on)


def _postgres(
    question: Question, association: Any, public_on: datetime.date | None
) -> "_PostgresHits":
    terms = " & ".join(f"{word}:*" for word in question.words)
    query = SearchQuery(terms, config="swedish", search_type="raw")
    rows: QuerySet[ParagraphText] = ParagraphText.objects.filter(vector=query)
    if association is not None:
        rows = rows.filter(association=association)
    if public_on is not None:
        rows = rows.filter(
            meeting__approved_minutes__isnull=False, meeting__notice__posted_on__lte=public_on
        )
    if question.years:
        year_q = Q(meeting__date__year__in=question.years)
        for year in question.years:
            year_q |= Q(vector=SearchQuery(str(year), config="swedish", search_type="raw"))
        rows = rows.filter(year_q)
    rows = (
        rows.annotate(
            title_marked=SearchHeadline(
                "title",
                query,
                config="swedish",
                start_sel=START,
                stop_sel=STOP,
                highlight_all=True,
            ),
            snippet_marked=SearchHeadline(
                "body",
                query,
                config="swedish",
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
            ),
        )
        .select_related("meeting", "association", "meeting__notice")
        .order_by("-meeting__date", "number")
    )
    return _PostgresHits(rows)


class _PostgresHits:
    def __init__(self, rows: QuerySet[ParagraphText]):
        self.rows = rows

    def count(self) -> int:
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Hit]:
        hits = []
        for row in self.rows[index]:
            notice = getattr(row.meeting, "notice", None)
            hits.append(
                Hit(
                    paragraph_id=row.pk,
                    meeting_id=row.meeting_id,
                    date=row.meeting.date,
                    number=row.number,
                    title=marked(row.title_marked),  # type: ignore[attr-defined]
                    snippet=marked(row.snippet_marked),  # type: ignore[attr-defined]
                    association=row.association.name,
                    association_slug=row.association.slug,
                    notice_id=notice.pk if notice else None,
                )
            )
        return hits


class _SqliteHits:
    def __init__(self, question: Question, association: Any, public_on: datetime.date | None):
        from samordna.associations.models import Association
        from samordna.meetings.models import ApprovedMinutes, Meeting, Notice

        text, meeting = ParagraphText._meta.db_table, Meeting._meta.db_table
        joins = [
            f"JOIN {text} t ON t.paragraph_id = f.rowid",
            f"JOIN {meeting} m ON m.id = t.meeting_id",
            f"JOIN {Association._meta.db_table} a ON a.id = t.association_id",
            f"LEFT JOIN {Notice._meta.db_table} n ON n.meeting_id = m.id",
        ]
        where = [f"{FTS_TABLE} MATCH %s"]
        params: list[Any] = [" AND ".join(f'"{stem(word)}"*' for word in question.words)]
        if association is not None:
            where.append("t.association_id = %s")
            params.append(association.pk)
        if public_on is not None:
            joins.append(f"JOIN {ApprovedMinutes._meta.db_table} am ON am.meeting_id = m.id")
            where.append("n.posted_on <= %s")
            params.append(public_on.isoformat())
        if question.years:
            marks = ", ".join("%s" for _ in question.years)
            where.append(
                f"(CAST(strftime('%%Y', m.date) AS INTEGER) IN ({marks}) OR f.rowid IN "
                f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s))"
            )
            params += [*question.years, " OR ".join(f'"{y}"' for y in question.years)]
        self.sql = f"FROM {FTS_TABLE} f {' '.join(joins)} WHERE {' AND '.join(where)}"
        self.params = params

    def count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) {self.sql}", self.params)
            return int(cursor.fetchone()[0])

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Hit]:
        start = index.start or 0
        limit = (index.stop or start + 20) - start
        columns = (
            f"t.paragraph_id, t.meeting_id, m.date, t.number, "
            f"highlight({FTS_TABLE}, 0, %s, %s), "
            f"snippet({FTS_TABLE}, 1, %s, %s, ' … ', 24), a.name, a.slug, n.id"
        )
        params = [START, STOP, START, STOP, *self.params, limit, start]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {columns} {self.sql} ORDER BY m.date DESC, t.number LIMIT %s OFFSET %s",
                params,
            )
            rows = cursor.fetchall()
        return [
            Hit(
                paragraph_id=row[0],
                meeting_id=row[1],
                date=row[2]
                if isinstance(row[2], datetime.date)
                else datetime.date.fromisoformat(row[2]),
                number=row[3],
                title=marked(row[4]),
                snippet=marked(row[5]),
                association=row[6],
                association_slug=row[7],
                notice_id=row[8],
            )
            for row in rows
        ]
