"""Statements written in SQL, for the path every reader's report takes.

Building a queryset costs Python time on every call: about 1 ms for ``.filter(...).first()`` on a
report and 0.5 ms for an ``.exists()``, against 0.03 ms for the same query written out; and
``Model.objects.create`` builds its insert afresh each time. On the public endpoint, where a viral
story brings hundreds of reports a second, the few lookups and the one insert every report makes are
written here, each statement built once (``statement``); everything else uses the ORM.
"""

import functools
from collections.abc import Callable, Iterable, Sequence

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import CharField, Field, Model, TextField


def current() -> BaseDatabaseWrapper:
    """The default database's connection of this thread, itself.

    ``django.db.connection`` is a proxy that looks the connection up on each use of an attribute;
    on the report's path, where it is used a dozen times per report, a function looks it up once.
    """
    return connections[DEFAULT_DB_ALIAS]


def table(model: type[Model]) -> str:
    """The quoted table name of ``model``."""
    return connection.ops.quote_name(model._meta.db_table)


def column(model: type[Model], field: str) -> str:
    """The quoted column of ``model``'s ``field``."""
    return connection.ops.quote_name(model._meta.get_field(field).column)


def db_value(model: type[Model], field: str, value: object) -> object:
    """``value`` as the database stores ``model``'s ``field`` (a UUID on SQLite is hex text, say)."""
    return model._meta.get_field(field).get_db_prep_value(value, connection)


def first_row(sql: str, params: Sequence[object]) -> tuple | None:
    """The first row of ``sql``, or None when it has none."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def statement(build: Callable[[], str]) -> Callable[[], str]:
    """Decorate a function that writes out an SQL statement: it then runs once per database vendor.

    Quoting names and looking up columns costs more Python than running the query it builds.
    """
    built: dict[str, str] = {}

    @functools.wraps(build)
    def sql() -> str:
        vendor = connection.vendor
        if vendor not in built:
            built[vendor] = build()
        return built[vendor]

    return sql


def execute(sql: str, params: Sequence[object]) -> int:
    """Run one write; returns how many rows it changed."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def execute_many(sql: str, rows: Sequence[Sequence[object]]) -> None:
    """Run one write for each of ``rows``, in one call."""
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)


def insert_many(model: type[Model], rows: Sequence[dict[str, object]]) -> None:
    """Insert ``rows`` of ``model`` with one statement, built once, in one call: each row as
    ``insert_prepared`` takes its values, every row with the same fields."""
    if not rows:
        return
    names, db = tuple(rows[0]), current()
    fields, sql = _insert_statement(model, names, db.vendor)
    execute_many(sql, [_prepared(fields, [row[name] for name in names], db) for row in rows])


def insert_prepared(model: type[Model], values: dict[str, object]) -> tuple[str, list[object]]:
    """The insert of one row of ``model`` and its parameters, to run later with ``execute``: prepared
    before a transaction begins, they leave it only the database's own work.

    ``values`` are by field name or attname (``site_id``), every value given: no defaults are made, no
    signals are sent. The statement is built once per model and set of fields; each value is prepared as the ORM would
    save it (a UUID, an aware datetime, a foreign key's id).
    """
    db = current()
    fields, sql = _insert_statement(model, tuple(values), db.vendor)
    return sql, _prepared(fields, values.values(), db)


def insert_if_prepared(
    model: type[Model], values: dict[str, object], *, found: tuple[str, Sequence[object]]
) -> tuple[str, list[object]]:
    """Like ``insert_prepared``, the insert of one row of ``model``, made only if the query ``found`` (a
    statement and its parameters) returns a row, in the same statement: ``WITH found AS (…) INSERT …
    SELECT … FROM found``. It inserts one row per row found: give ``found`` a ``LIMIT 1``.

    PostgreSQL only. A value in ``SELECT`` has no column to take its type from, so each is cast to its
    column's type, but for text, which would be cut to the column's length by a cast and is checked by
    the insert as it is.
    """
    db = current()
    fields, sql = _insert_select_statement(model, tuple(values), db.vendor)
    return f"WITH found AS ({found[0]}) {sql}", [*found[1], *_prepared(fields, values.values(), db)]


def _prepared(
    fields: tuple[tuple[Field, bool], ...], values: Iterable[object], db: BaseDatabaseWrapper
) -> list[object]:
    """``values`` as the ORM would save them in ``fields`` on ``db``: a text field's text or None as it
    is (preparing it gives it back unchanged), any other value through ``get_db_prep_save``."""
    return [
        value if keeps_text and (value is None or type(value) is str) else field.get_db_prep_save(value, db)
        for (field, keeps_text), value in zip(fields, values, strict=True)
    ]


def _keeps_text(field: Field) -> bool:
    """Whether ``field`` saves a ``str`` or None unchanged: a text field whose preparing is Django's own."""
    kind = type(field)
    return (
        kind.get_db_prep_save is Field.get_db_prep_save
        and kind.get_db_prep_value is Field.get_db_prep_value
        and kind.get_prep_value in (CharField.get_prep_value, TextField.get_prep_value)
        and kind.to_python in (CharField.to_python, TextField.to_python)
    )


@functools.cache
def _insert_statement(
    model: type[Model], names: tuple[str, ...], vendor: str
) -> tuple[tuple[tuple[Field, bool], ...], str]:
    """The fields named, each with whether it keeps text as it is (``_keeps_text``), and their insert
    (``vendor`` keys the cache: each quotes names its own way)."""
    fields = tuple(model._meta.get_field(name) for name in names)
    sql = f"{_insert_into(model, fields)} VALUES ({', '.join(['%s'] * len(fields))})"
    return tuple((field, _keeps_text(field)) for field in fields), sql


@functools.cache
def _insert_select_statement(
    model: type[Model], names: tuple[str, ...], vendor: str
) -> tuple[tuple[tuple[Field, bool], ...], str]:
    """The fields named, as ``_insert_statement`` gives them, and the insert from ``found`` of
    ``insert_if_prepared``."""
    fields, _values = _insert_statement(model, names, vendor)
    values = ", ".join(
        "%s" if keeps_text else f"CAST(%s AS {field.db_type(connection)})" for field, keeps_text in fields
    )
    return fields, f"{_insert_into(model, [field for field, _keeps in fields])} SELECT {values} FROM found"


def _insert_into(model: type[Model], fields: Sequence[Field]) -> str:
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    return f"INSERT INTO {table(model)} ({columns})"
