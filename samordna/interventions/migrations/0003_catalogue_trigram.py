"""The public catalogue's word search (`search_text LIKE '%word%'`) through a trigram index
on PostgreSQL. SQLite has no such index: there the search reads the current entries."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS catalogue_search_trgm ON interventions_catalogueentry "
    "USING gin (search_text gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS catalogue_search_trgm"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0002_target_groups"),
    ]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
