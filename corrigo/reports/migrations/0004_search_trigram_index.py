"""Trigram indexes for the desk's text search in readers' comments and proposals; PostgreSQL only.

The desk searches with ``icontains``, which PostgreSQL runs as ``UPPER(column) LIKE UPPER('%text%')``:
GIN indexes of the trigrams of ``UPPER(comment)`` and ``UPPER(proposed)`` answer it. SQLite has no
such index and scans. ``pg_trgm`` is a trusted extension (PostgreSQL 13 and later): the owner of
the database may create it.
"""

from django.db import migrations

from corrigo.postgresql.steps import on_postgresql

CREATE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS report_comment_trgm ON corrigo_reports_report USING gin (UPPER("comment") gin_trgm_ops)',
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS report_proposed_trgm ON corrigo_reports_report USING gin (UPPER("proposed") gin_trgm_ops)',
)
DROP = (
    "DROP INDEX CONCURRENTLY IF EXISTS report_comment_trgm",
    "DROP INDEX CONCURRENTLY IF EXISTS report_proposed_trgm",
)


class Migration(migrations.Migration):
    atomic = False  # an index built concurrently does not hold up the writes of a live site

    dependencies = [
        ("corrigo_reports", "0003_placement"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False),
    ]
