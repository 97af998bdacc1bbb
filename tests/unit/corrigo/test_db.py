"""Statements written in SQL store and find what the ORM would."""

import datetime
import uuid

import pytest
from django.db import DataError, connection, transaction

from corrigo.articles.models import Article
from corrigo.audit.models import AuditEvent
from corrigo.db import execute, first_row, insert_if_prepared, insert_many, insert_prepared, statement
from corrigo.reports.models import Report, Verdict
from tests.factories import site_create

pytestmark = pytest.mark.django_db


RECEIVED = datetime.datetime(2026, 3, 1, 9, 30, 15, 250000, tzinfo=datetime.UTC)


def report_values() -> dict[str, object]:
    site = site_create()
    article = Article.objects.create(site=site, url="https://news.example/a")
    return {
        "id": uuid.uuid4(),
        "site_id": site.pk,
        "article": article.pk,
        "client_id": uuid.uuid4(),
        "kind": "typo",
        "exact": "recieved",
        "prefix": "",
        "suffix": " it",
        "start": 0,
        "end": 8,
        "proposed": "received",
        "comment": "",
        "email": "reader@example.org",
        "language": "en",
        "client_hash": "",
        "verdict": Verdict.ACCEPTED,
        "verdict_reason": "",
        "article_text": "recieved it",
        "created_at": RECEIVED,
    }


def assert_stored_as_given(values: dict[str, object]) -> None:
    stored = Report.objects.get(pk=values["id"])
    assert (stored.site_id, stored.article_id, stored.client_id) == (
        values["site_id"],
        values["article"],
        values["client_id"],
    )
    assert (stored.exact, stored.start, stored.end, stored.email) == ("recieved", 0, 8, "reader@example.org")
    assert stored.created_at == RECEIVED
    assert stored.case_id is None and stored.version_id is None and stored.challenge is None


def test_an_inserted_row_reads_back_as_the_orm_would_have_saved_it():
    values = report_values()
    execute(*insert_prepared(Report, values))
    assert_stored_as_given(values)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement")
def test_an_insert_made_if_a_row_is_found_stores_the_row_only_when_one_is_found():
    values = report_values()
    assert execute(*insert_if_prepared(Report, values, found=("SELECT 1 WHERE %s", [False]))) == 0
    assert not Report.objects.exists()
    values["start"] = values["end"] = None
    with pytest.raises(DataError), transaction.atomic():  # too long: refused, not cut by a cast
        execute(*insert_if_prepared(Report, {**values, "kind": "x" * 33}, found=("SELECT 1 WHERE %s", [True])))
    assert execute(*insert_if_prepared(Report, values, found=("SELECT 1 WHERE %s", [True]))) == 1
    stored = Report.objects.get(pk=values["id"])
    assert (stored.client_id, stored.start, stored.created_at, stored.challenge) == (
        values["client_id"],
        None,
        RECEIVED,
        None,
    )


def test_a_statement_is_built_once_per_database_vendor():
    built = []

    @statement
    def sql() -> str:
        built.append(connection.vendor)
        return "SELECT 1, 2"

    assert sql() == sql() == "SELECT 1, 2"
    assert built == [connection.vendor]
    assert first_row(sql(), []) == (1, 2)


def test_rows_inserted_at_once_read_back_as_the_orm_would_have_saved_them():
    site = site_create()
    when = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
    rows = [
        {
            "site_id": site.pk,
            "actor_id": None,
            "action": "report.received",
            "target_type": "report",
            "target_id": str(n),
            "data": {"case": n, "note": '«quoted» "text"'},
            "created_at": when,
        }
        for n in range(3)
    ]
    insert_many(AuditEvent, rows)
    insert_many(AuditEvent, [])
    stored = list(AuditEvent.objects.order_by("target_id"))
    assert [e.target_id for e in stored] == ["0", "1", "2"]
    assert stored[2].data == {"case": 2, "note": '«quoted» "text"'} and stored[2].created_at == when
    assert stored[0].actor_id is None and stored[0].site_id == site.pk


def test_a_prepared_insert_runs_later_as_insert_would():
    site = site_create()
    row = {"site_id": site.pk, "actor_id": None, "action": "site.updated", "target_type": "site"}
    row |= {"target_id": str(site.pk), "data": {}, "created_at": datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)}
    sql, params = insert_prepared(AuditEvent, row)
    assert not AuditEvent.objects.exists(), "preparing writes nothing"
    execute(sql, params)
    assert AuditEvent.objects.get().action == "site.updated"


def test_prepared_values_are_those_the_orm_would_save_field_by_field():
    from django.utils.translation import gettext_lazy

    from corrigo.cases.models import Kind

    site = site_create()
    values = {
        "id": uuid.uuid4(),
        "site_id": site.pk,
        "client_id": uuid.uuid4(),
        "kind": Kind.TYPO,
        "exact": "recieved",
        "prefix": gettext_lazy("Received"),
        "suffix": None,
        "start": 3,
        "end": None,
        "comment": 42,
        "challenge": None,
        "created_at": datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC),
    }
    _sql, params = insert_prepared(Report, values)
    fields = [Report._meta.get_field(name) for name in values]
    expected = [field.get_db_prep_save(value, connection) for field, value in zip(fields, values.values(), strict=True)]
    assert params == expected
    assert [type(p) for p in params] == [type(e) for e in expected]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="only PostgreSQL prepares statements")
def test_on_postgresql_a_statement_run_again_and_again_is_prepared_by_the_server():
    sql = "SELECT %s::integer + 1"
    for n in range(6):
        assert first_row(sql, [n]) == (n + 1,)
    prepared = first_row(
        "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", ["SELECT $1::integer + 1%"]
    )
    assert prepared == (1,)
