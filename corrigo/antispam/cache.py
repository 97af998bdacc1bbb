"""Django's database cache with an atomic ``incr``, so that rate-limit counters shared by all worker
processes do not lose counts under concurrency.

Django's own ``DatabaseCache.incr`` reads and writes in two statements outside one transaction (two
workers can both read 4 and write 5) and resets the entry's expiry. This one reads the row under a
write lock (SQLite's IMMEDIATE transaction; ``SELECT … FOR UPDATE`` elsewhere), keeps the expiry and
writes the new value in the same transaction.
"""

import base64
import pickle
from typing import Any

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now as tz_now


class AtomicDatabaseCache(DatabaseCache):
    """The database cache whose ``incr`` is atomic and keeps the entry's expiry."""

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        """Add ``delta`` to the stored number; ``ValueError`` when the key is missing or expired."""
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table = quote(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('value')}, {quote('expires')} FROM {table} WHERE {quote('cache_key')} = %s{lock}",
                [key],
            )
            row = cursor.fetchone()
            if row is None or self._expires(connection, row[1]) < tz_now():
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode())) + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET {quote('value')} = %s WHERE {quote('cache_key')} = %s", [encoded, key])
        return value

    @staticmethod
    def _expires(connection: Any, value: Any) -> Any:
        """The stored expiry as an aware datetime, converted as the ORM would."""
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
            value = converter(value, expression, connection)
        return value
