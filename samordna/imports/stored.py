"""The parse as stored on a pending import: everything the preview shows, the source lines
included, as JSON, so the file is read once (at upload) and never again."""

from typing import Any

from samordna.imports.extract import Extracted
from samordna.imports.minutes.model import Parsed, as_json


def _time(value: Any) -> str | None:
    return value.strftime("%H:%M") if value else None


def stored(parsed: Parsed, extracted: Extracted) -> dict[str, Any]:
    data = as_json(parsed)
    for row, attendee in zip(data["attendance"], parsed.attendance, strict=True):
        row["from_paragraph"] = attendee.from_paragraph
        row["until_paragraph"] = attendee.until_paragraph
        row["remote"] = attendee.remote
        row["line"] = attendee.line
    for row, paragraph in zip(data["paragraphs"], parsed.paragraphs, strict=True):
        row["matter"] = paragraph.matter or ""
        row["proposal"] = paragraph.proposal or ""
        row["line"] = paragraph.line
        row["first_line"] = paragraph.first_line
        row["last_line"] = paragraph.last_line
        row["recusals"] = [
            {"name": r.name, "kind": r.kind, "line": r.line} for r in paragraph.recusals
        ]
        for grant_row, grant in zip(row["grants"], paragraph.grants, strict=True):
            grant_row["line"] = grant.line
    data["sources"] = dict(parsed.sources)
    data["kind"] = extracted.kind
    lines = [(line.number, line.text, False) for line in extracted.lines]
    # A line whose page number was set aside stays in the body: one row per line number.
    in_body = {line.number for line in extracted.lines}
    lines += [
        (line.number, line.text, True) for line in extracted.furniture if line.number not in in_body
    ]
    data["lines"] = [
        {"number": number, "text": text, "furniture": furniture}
        for number, text, furniture in sorted(lines, key=lambda row: row[0])
    ]
    return data
