"""The search index for each database: an FTS5 table on SQLite, a GIN index on the Swedish
tsvector on PostgreSQL; then every § already written is indexed."""

from django.db import migrations
from django.utils.html import strip_tags

FTS = "imports_paragraph_fts"
GIN = "imports_paragraphtext_vector_gin"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
            "title, body, tokenize = 'unicode61 remove_diacritics 0')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN} ON imports_paragraphtext USING gin (vector)"
        )
    Paragraph = apps.get_model("meetings", "Paragraph")
    ParagraphText = apps.get_model("imports", "ParagraphText")
    for paragraph in Paragraph.objects.select_related("meeting").iterator(chunk_size=500):
        parts = [strip_tags(paragraph.matter), strip_tags(paragraph.proposal), paragraph.decision]
        body = "\n\n".join(p.strip() for p in parts if p and p.strip())
        ParagraphText.objects.create(
            paragraph_id=paragraph.pk,
            association_id=paragraph.meeting.association_id,
            meeting_id=paragraph.meeting_id,
            number=paragraph.number,
            title=paragraph.title,
            body=body,
        )
        if vendor == "sqlite":
            schema_editor.execute(
                f"INSERT INTO {FTS} (rowid, title, body) VALUES (%s, %s, %s)",
                [paragraph.pk, paragraph.title, body],
            )
    if vendor == "postgresql":
        schema_editor.execute(
            "UPDATE imports_paragraphtext SET vector = "
            "setweight(to_tsvector('swedish', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('swedish', coalesce(body, '')), 'B')"
        )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN}")


class Migration(migrations.Migration):
    dependencies = [("imports", "0001_paragraph_text")]

    operations = [migrations.RunPython(create, drop)]
