"""Django's SQLite backend, with writers that queue on a file lock instead of SQLite's busy handler.

SQLite lets one transaction write at a time. A writer that finds the lock taken sleeps in SQLite's
busy handler in growing steps (1, 2, 5, 10, 15, 20, 25 ms, ...) and tries again: under a stream of
short transactions it oversleeps, and under a long one it may miss every gap. Here each write
transaction first takes an exclusive ``flock`` on a file beside the database and keeps it until its
commit or rollback: waiters sleep in the kernel and the next one wakes the moment it is released.
Only then does ``BEGIN IMMEDIATE`` run, so it seldom waits (a writer outside corrigo, such as the
``sqlite3`` shell, still meets SQLite's own handler). The kernel drops the lock of a process that
dies. The wait is bounded by the database's ``timeout`` option, as SQLite's is.

The write-ahead log is copied back into the database (a checkpoint) by each process after a commit,
at most once a second, once the lock is released. SQLite's own checkpoint runs inside the commit that
makes the log 1,000 pages long, which holds the lock: every writer then waited while one request
copied the pages and flushed them to disk. It now comes at ``AUTOCHECKPOINT_PAGES``, when the
processes' checkpoints have copied nearly all of the log already, so it is short. The log then
starts over: it does so only after a checkpoint that left nothing to copy, and under a stream of
writes only the checkpoint inside a commit, with no writer beside it, gets there. The log's file thus
grows to about 40 MB under load (10,000 pages), against 4 MB before.
"""

import fcntl
import logging
import os
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import OperationalError
from django.db.backends.sqlite3 import base

logger = logging.getLogger(__name__)


class WriterLock:
    """An exclusive ``flock`` on ``path``, taken with a timeout."""

    POLL_SECONDS = 0.0005

    def __init__(self, path: str, timeout: float, *, mode: int = 0o644) -> None:
        # A lock needs no write access: whoever may read the database may open it.
        self.fd = os.open(path, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, mode)
        self.timeout = timeout
        self.held = False

    def acquire(self) -> None:
        """Take the lock, or raise ``OperationalError`` ("database is locked") after the timeout."""
        if not self._try():
            if threading.current_thread() is threading.main_thread() and not signal.getitimer(signal.ITIMER_REAL)[0]:
                self._wait_interruptible()
            else:
                self._poll()
        self.held = True

    def release(self) -> None:
        if self.held:
            self.held = False
            fcntl.flock(self.fd, fcntl.LOCK_UN)

    def close(self) -> None:
        self.release()
        os.close(self.fd)

    def _try(self) -> bool:
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _wait_interruptible(self) -> None:
        """Sleep in the kernel until the lock is free; an interval timer ends the wait."""

        def expire(signum, frame):
            raise _Expired

        previous = signal.signal(signal.SIGALRM, expire)
        try:
            signal.setitimer(signal.ITIMER_REAL, self.timeout)
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except _Expired:
            # The lock may have come just as the timer fired: give it back.
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            raise OperationalError("database is locked") from None
        finally:
            signal.signal(signal.SIGALRM, previous)

    def _poll(self) -> None:
        """Try again every half millisecond: outside the main thread, where no timer can interrupt a
        wait, or when the process has a timer of its own running (an alarm it set)."""
        deadline = time.monotonic() + self.timeout
        while not self._try():
            if time.monotonic() >= deadline:
                raise OperationalError("database is locked")
            time.sleep(self.POLL_SECONDS)


class _Expired(Exception):
    pass


CHECKPOINT_SECONDS = 1.0
"""How often at most a process checkpoints the write-ahead log, after a commit, outside the lock."""
AUTOCHECKPOINT_PAGES = 10_000
"""The log's length at which SQLite checkpoints inside the commit (``wal_autocheckpoint``, 1,000 by
default), after which the log starts over; what is left to copy then is what came since the last
checkpoint of a process."""

_checkpoints_due: dict[str, float] = {}
"""When this process next checkpoints each database (by its path). Kept per process, not per
connection: a connection may last a single request (``CONN_MAX_AGE = 0``)."""


class DatabaseWrapper(base.DatabaseWrapper):
    """SQLite whose write transactions queue on ``WriterLock`` before ``BEGIN IMMEDIATE``.

    Only a database named by its path has the lock (as ``DATABASE_URL=sqlite:///…`` names it); an
    in-memory database or a ``file:`` URI is left to SQLite's own handler.
    """

    writer_lock: WriterLock | None = None

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        name = conn_params["database"]
        by_path = not self.creation.is_in_memory_db(name) and not str(name).startswith("file:")
        if self.transaction_mode == "IMMEDIATE" and by_path:
            # Created with the database's permissions, as SQLite creates its -wal and -shm files.
            mode = os.stat(name).st_mode & 0o666
            self.writer_lock = WriterLock(f"{name}.writer-lock", conn_params.get("timeout", 5.0), mode=mode)
            connection.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
        return connection

    @contextmanager
    def writing(self) -> Iterator[bool]:
        """Hold the writer lock, as a write transaction does, around statements run in autocommit;
        gives whether they run alone.

        Each statement is then a transaction of its own, and no other writer of corrigo's commits
        meanwhile: a statement that needs no other is spared ``BEGIN IMMEDIATE``, ``COMMIT`` and
        Django's transaction handling. An in-memory database has one connection: its statements run
        alone without a lock. Any other database without a writer lock (a ``file:`` URI), or a
        connection inside a transaction, gives False: the statements would meet other writers.
        """
        self.ensure_connection()
        if self.writer_lock is None or self.in_atomic_block:
            yield not self.in_atomic_block and self.creation.is_in_memory_db(self.settings_dict["NAME"])
            return
        self.writer_lock.acquire()
        try:
            yield True
        finally:
            self._release_writer_lock()
        self._checkpoint_when_due()

    def _start_transaction_under_autocommit(self):
        if self.writer_lock is not None:
            self.writer_lock.acquire()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_writer_lock()
            raise

    def _commit(self):
        try:
            super()._commit()
        finally:
            if not self.connection.in_transaction:
                self._release_writer_lock()
        self._checkpoint_when_due()

    def _checkpoint_when_due(self):
        """A passive checkpoint, at most every ``CHECKPOINT_SECONDS``: it copies what it can without
        waiting for anyone, beside the next writer, while this process holds no lock."""
        if self.writer_lock is None or self.connection.in_transaction:
            return
        name, now = str(self.settings_dict["NAME"]), time.monotonic()
        if now < _checkpoints_due.get(name, 0.0):
            return
        _checkpoints_due[name] = now + CHECKPOINT_SECONDS
        try:
            self.connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error:
            # The commit stands; the next checkpoint, or SQLite's own, copies what this one did not.
            logger.warning("checkpoint failed", exc_info=True)

    def _rollback(self):
        try:
            super()._rollback()
        finally:
            self._release_writer_lock()

    def _close(self):
        try:
            super()._close()
        finally:
            if self.writer_lock is not None:
                self.writer_lock.close()
                self.writer_lock = None

    def _release_writer_lock(self):
        if self.writer_lock is not None:
            self.writer_lock.release()
