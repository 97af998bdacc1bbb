"""Django's PostgreSQL backend, with a health check that costs no round trip.

With ``CONN_HEALTH_CHECKS``, Django checks a connection kept from an earlier request before its first
use in the next one, by sending ``SELECT 1``. On the public endpoint, whose report is one statement
(``corrigo.reports.placement``), that doubled the round trips. An idle connection has nothing to read:
when the server ends it (a restart, ``pg_terminate_backend``, a crash), it sends its last message or
closes the socket, and the socket turns readable. So a connection that psycopg knows as open, outside
a transaction and with nothing to read, is taken as usable without a query; any other is checked with
``SELECT 1``, as by Django. A peer gone without a word (a network cut) fails the first statement, as it
would have failed ``SELECT 1``: the request answers 503 and the connection is closed after it.

``steps`` holds the migration steps only PostgreSQL takes.
"""
