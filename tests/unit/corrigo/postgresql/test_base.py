"""The PostgreSQL backend's health check: no query for an idle connection, a real check otherwise."""

import select

import psycopg
import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL backend"),
]


NAMES = {"host": "HOST", "port": "PORT", "user": "USER", "password": "PASSWORD", "dbname": "NAME"}


def kept_from_an_earlier_request() -> None:
    """As Django leaves a connection for the next request: open, idle, its health not yet checked."""
    connection.ensure_connection()
    connection.health_check_done = False


def test_an_idle_connection_is_usable_without_a_query(monkeypatch):
    kept_from_an_earlier_request()

    def no_query(*args, **kwargs):
        raise AssertionError("a query was sent")

    monkeypatch.setattr(connection.connection, "cursor", no_query)
    assert connection.is_usable()


def test_a_connection_the_server_ended_is_closed_before_the_request_uses_it():
    kept_from_an_earlier_request()
    ended = connection.connection
    place = {name: connection.settings_dict[key] for name, key in NAMES.items() if connection.settings_dict[key]}
    with psycopg.connect(**place, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [ended.info.backend_pid])
    select.select([ended.fileno()], [], [], 10)  # the server's last word arrives
    assert not connection.is_usable()
    connection.close_if_health_check_failed()
    assert connection.connection is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert connection.connection is not ended


def test_a_connection_in_a_transaction_is_checked_with_a_query(monkeypatch):
    kept_from_an_earlier_request()
    connection.connection.execute("BEGIN")
    sent = []
    cursor = connection.connection.cursor

    def counted(*args, **kwargs):
        sent.append(True)
        return cursor(*args, **kwargs)

    monkeypatch.setattr(connection.connection, "cursor", counted)
    assert connection.is_usable() and sent
    connection.connection.execute("ROLLBACK")
