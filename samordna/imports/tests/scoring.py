"""Field-by-field precision, recall and F1 of a parse against expected values.

Each value the parser gives or should give counts once: right (true positive), given but
wrong or not expected (false positive), expected but missing or wrong (false negative).
Lists are matched by their key (a person's name, a § number, a meeting's date) and the
fields of each matched item are then scored; an unmatched item counts against every field
it holds. Text is compared after folding case, spaces, dashes and closing punctuation; the
Ärende text, which page breaks and initials split, is right when 90 % of its words match.
"""

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

SCALARS = [
    "association",
    "date",
    "start_time",
    "end_time",
    "place",
    "first_paragraph",
    "last_paragraph",
    "chair",
    "secretary",
    "adjustment_date",
    "notice_posted",
    "notice_removed",
    "minutes_kept_at",
]
ATTENDEE_FIELDS = [
    "role",
    "present",
    "voting",
    "serves_for",
    "organisation",
    "from_paragraph",
    "until_paragraph",
]
PARAGRAPH_FIELDS = ["title", "case_number", "decision", "matter"]
MATTER_SIMILARITY = 0.9


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    fields: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.fields.setdefault(name, Tally())

    def add(self, other: "Score") -> None:
        for name, tally in other.fields.items():
            self.tally(name).add(tally)
        self.misses.extend(other.misses)

    @property
    def overall(self) -> Tally:
        total = Tally()
        for tally in self.fields.values():
            total.add(tally)
        return total


def fold(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value).casefold().replace("\u00a0", " ")
    text = re.sub(r"\s*[-–—]\s*", "-", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:")


def _same(name: str, expected: Any, got: Any) -> bool:
    name = name.rsplit(".", 1)[-1]
    if name == "matter":
        if not expected or not got:
            return expected == got
        a, b = fold(expected).split(), fold(got).split()
        return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= MATTER_SIMILARITY
    if name == "decision" and expected and got:
        return [fold(c) for c in expected.split("\n")] == [fold(c) for c in got.split("\n")]
    return fold(expected) == fold(got)


def _compare(score: Score, name: str, expected: Any, got: Any, where: str) -> None:
    tally = score.tally(name)
    if expected is None and got is None:
        return
    if expected is not None and got is not None and _same(name, expected, got):
        tally.tp += 1
        return
    if got is not None:
        tally.fp += 1
    if expected is not None:
        tally.fn += 1
    score.misses.append(f"{where} {name}: väntat {expected!r}, fick {got!r}")


def _names(score: Score, name: str, expected: list[str], got: list[str], where: str) -> None:
    tally = score.tally(name)
    a, b = Counter(fold(x) for x in expected), Counter(fold(x) for x in got)
    common = sum((a & b).values())
    tally.tp += common
    tally.fp += sum(b.values()) - common
    tally.fn += sum(a.values()) - common
    if a != b:
        score.misses.append(f"{where} {name}: väntat {expected!r}, fick {got!r}")


def _items(
    score: Score,
    name: str,
    key: str,
    fields: list[str],
    expected: list[dict[str, Any]],
    got: list[dict[str, Any]],
    where: str,
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    by_key = {fold(item[key]): item for item in got}
    matched = []
    for item in expected:
        other = by_key.pop(fold(item[key]), None)
        if other is None:
            score.tally(name).fn += 1
            score.misses.append(f"{where} {name}: saknas {item[key]!r}")
            for f in fields:
                if item.get(f) is not None:
                    score.tally(f"{name}.{f}").fn += 1
            continue
        score.tally(name).tp += 1
        matched.append((item, other))
        for f in fields:
            if f in item:
                _compare(score, f"{name}.{f}", item[f], other.get(f), f"{where} {item[key]}")
    for other in by_key.values():
        score.tally(name).fp += 1
        score.misses.append(f"{where} {name}: oväntad {other[key]!r}")
        for f in fields:
            if other.get(f) is not None:
                score.tally(f"{name}.{f}").fp += 1
    return matched


def _grant_key(grant: dict[str, Any]) -> tuple[Any, ...]:
    return (grant["amount"], grant["start"], grant["end"])


def score(expected: dict[str, Any], got: dict[str, Any], where: str = "") -> Score:
    result = Score()
    for name in SCALARS:
        if name in expected:
            _compare(result, name, expected[name], got.get(name), where)
    if "adjusters" in expected:
        _names(result, "adjusters", expected["adjusters"], got["adjusters"], where)
    if "attendance" in expected:
        _items(
            result,
            "attendance",
            "name",
            ATTENDEE_FIELDS,
            expected["attendance"],
            got["attendance"],
            where,
        )
    if "paragraphs" in expected:
        pairs = _items(
            result,
            "paragraph",
            "number",
            PARAGRAPH_FIELDS,
            expected["paragraphs"],
            got["paragraphs"],
            where,
        )
        for item, other in pairs:
            here = f"{where} § {item['number']}"
            if "recused" in item:
                _names(result, "paragraph.recused", item["recused"], other["recused"], here)
            if "grants" in item:
                a = Counter(_grant_key(g) for g in item["grants"])
                b = Counter(_grant_key(g) for g in other["grants"])
                tally = result.tally("paragraph.grants")
                common = sum((a & b).values())
                tally.tp += common
                tally.fp += sum(b.values()) - common
                tally.fn += sum(a.values()) - common
                if a != b:
                    result.misses.append(
                        f"{here} grants: väntat {item['grants']!r}, fick {other['grants']!r}"
                    )
    if "planned_meetings" in expected:
        _items(
            result,
            "planned_meeting",
            "date",
            ["start_time", "end_time"],
            expected["planned_meetings"],
            got["planned_meetings"],
            where,
        )
    return result


def table(score: Score, title: str) -> str:
    rows = [f"{title}", f"{'fält':28} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for name in sorted(score.fields):
        t = score.fields[name]
        rows.append(
            f"{name:28} {t.tp:5} {t.fp:5} {t.fn:5} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}"
        )
    t = score.overall
    rows.append(
        f"{'TOTALT':28} {t.tp:5} {t.fp:5} {t.fn:5} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}"
    )
    return "\n".join(rows)
