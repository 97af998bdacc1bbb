"""The database wrapper of ``corrigo.postgresql`` (see the package's docstring)."""

import select

from django.db.backends.postgresql import base
from psycopg.pq import TransactionStatus


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        """Whether the connection can serve a request: looked at without a query when it is idle."""
        conn = self.connection
        if conn is None or conn.closed or conn.broken:
            return False
        if conn.info.transaction_status == TransactionStatus.IDLE and not _readable(conn.fileno()):
            return True
        return super().is_usable()


def _readable(fd: int) -> bool:
    """Whether the socket ``fd`` has something to read (or its peer closed it), without waiting."""
    readable, _writable, _failed = select.select([fd], [], [], 0)
    return bool(readable)
