"""Statements written in SQL store and find what the ORM would."""

import datetime
import uuid

import pytest
from django.db import connection

from corrigo.articles.models import Article
from corrigo.db import first_row, insert, statement
from corrigo.reports.models import Report, Verdict
from tests.factories import site_create

pytestmark = pytest.mark.django_db


def test_an_inserted_row_reads_back_as_the_orm_would_have_saved_it():
    site = site_create()
    article = Article.objects.create(site=site, url="https://news.example/a")
    received = datetime.datetime(2026, 3, 1, 9, 30, 15, 250000, tzinfo=datetime.UTC)
    values = {
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
        "created_at": received,
    }
    insert(Report, values)
    stored = Report.objects.get(pk=values["id"])
    assert (stored.site_id, stored.article_id, stored.client_id) == (site.pk, article.pk, values["client_id"])
    assert (stored.exact, stored.start, stored.end, stored.email) == ("recieved", 0, 8, "reader@example.org")
    assert stored.created_at == received
    assert stored.case_id is None and stored.version_id is None and stored.challenge is None


def test_a_statement_is_built_once_per_database_vendor():
    built = []

    @statement
    def sql() -> str:
        built.append(connection.vendor)
        return "SELECT 1, 2"

    assert sql() == sql() == "SELECT 1, 2"
    assert built == [connection.vendor]
    assert first_row(sql(), []) == (1, 2)
