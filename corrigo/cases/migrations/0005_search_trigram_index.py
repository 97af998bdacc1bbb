"""A trigram index for the desk's text search in passages; PostgreSQL only.

The desk searches with ``icontains``, which PostgreSQL runs as ``UPPER(column) LIKE UPPER('%text%')``:
a GIN index of the trigrams of ``UPPER(exact)`` answers it. SQLite has no such index and scans.
``pg_trgm`` is a trusted extension (PostgreSQL 13 and later): the owner of the database may create it.
"""

from django.db import migrations

from corrigo.postgresql.steps import on_postgresql

CREATE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS case_exact_trgm ON corrigo_cases_case USING gin (UPPER("exact") gin_trgm_ops)',
)
DROP = ("DROP INDEX CONCURRENTLY IF EXISTS case_exact_trgm",)


class Migration(migrations.Migration):
    atomic = False  # an index built concurrently does not hold up the writes of a live site

    dependencies = [
        ("corrigo_cases", "0004_machine_fix"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False),
    ]
