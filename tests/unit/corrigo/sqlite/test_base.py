"""The SQLite backend's writer lock: write transactions queue on a file lock, with SQLite's timeout."""

import fcntl
import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import OperationalError

from corrigo.sqlite import base
from corrigo.sqlite.base import DatabaseWrapper

_aliases = itertools.count()


def database(path: Path | str, *, timeout: float = 5.0) -> DatabaseWrapper:
    """A connection of corrigo's SQLite backend to ``path``, outside Django's connection handler."""
    settings = {
        "ENGINE": "corrigo.sqlite",
        "NAME": str(path),
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": timeout},
        "ATOMIC_REQUESTS": False,
        "AUTOCOMMIT": True,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "TIME_ZONE": None,
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
        "TEST": {},
    }
    wrapper = DatabaseWrapper(settings, alias=f"writer-lock-{next(_aliases)}")
    wrapper.inc_thread_sharing()  # some tests write from another thread
    wrapper.ensure_connection()
    return wrapper


def begin(db: DatabaseWrapper) -> None:
    """Open a write transaction as ``transaction.atomic`` does."""
    db.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)


def end(db: DatabaseWrapper, *, commit: bool = True) -> None:
    db.commit() if commit else db.rollback()
    db.set_autocommit(True)


def lock_is_free(path: Path) -> bool:
    """Whether another open file could take the writer lock now (it is given back at once)."""
    fd = os.open(f"{path}.writer-lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


@pytest.fixture(autouse=True)
def _own_databases(django_db_blocker):
    """These tests open their own database files, not the test database."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "corrigo.sqlite3"


@pytest.fixture
def holder(path: Path):
    """Holds the writer lock from another open file until ``release`` is called."""

    class Holder:
        def __init__(self) -> None:
            self.fd = os.open(f"{path}.writer-lock", os.O_RDWR | os.O_CREAT)
            fcntl.flock(self.fd, fcntl.LOCK_EX)

        def release(self) -> None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)

    held = Holder()
    yield held
    held.release()
    os.close(held.fd)


@pytest.mark.parametrize("commit", [True, False], ids=["commit", "rollback"])
def test_a_write_transaction_holds_the_lock_until_it_ends(path: Path, commit: bool) -> None:
    db = database(path)
    begin(db)
    db.cursor().execute("CREATE TABLE t (x INTEGER)")
    assert not lock_is_free(path)
    end(db, commit=commit)
    assert lock_is_free(path)
    db.close()


def test_statements_written_alone_hold_the_lock_each_commits_at_once(path: Path, monkeypatch) -> None:
    monkeypatch.setitem(base._checkpoints_due, str(path), 0.0)
    db, other = database(path), database(path)
    db.cursor().execute("CREATE TABLE t (x INTEGER)")
    db.cursor().execute("CREATE TABLE u (x INTEGER CHECK (x > 1))")
    with db.writing() as alone:
        assert alone and not lock_is_free(path)
        db.cursor().execute("INSERT INTO t VALUES (1)")
        assert other.cursor().execute("SELECT count(*) FROM t").fetchone() == (1,), "committed by itself"
    assert lock_is_free(path)
    assert base._checkpoints_due[str(path)] > 0.0, "checkpointed once the lock was released"
    with pytest.raises(sqlite3.IntegrityError), db.writing():
        db.connection.execute("INSERT INTO u VALUES (1)")
    assert lock_is_free(path), "given back when the block fails"
    db.close()
    other.close()


def test_reads_outside_a_transaction_take_no_lock(path: Path, holder) -> None:
    db = database(path)
    assert db.cursor().execute("SELECT 1").fetchone() == (1,)
    db.close()


@pytest.mark.parametrize("in_thread", [False, True], ids=["main-thread", "other-thread"])
def test_a_writer_waits_for_the_lock_and_begins_when_it_is_released(path: Path, holder, in_thread: bool) -> None:
    db = database(path)
    begun = threading.Event()

    def write() -> None:
        begin(db)
        begun.set()
        db.cursor().execute("CREATE TABLE t (x INTEGER)")
        end(db)

    if in_thread:
        writer = threading.Thread(target=write)
        writer.start()
        assert not begun.wait(0.3)  # still queued behind the holder
        holder.release()
        writer.join(10)
        assert begun.is_set()
    else:
        threading.Timer(0.3, holder.release).start()
        write()
    assert db.cursor().execute("SELECT count(*) FROM t").fetchone() == (0,)
    db.close()


@pytest.mark.parametrize("in_thread", [False, True], ids=["main-thread", "other-thread"])
def test_the_wait_ends_with_database_is_locked_after_the_timeout(path: Path, holder, in_thread: bool) -> None:
    db = database(path, timeout=0.2)
    errors: list[Exception] = []

    def write() -> None:
        try:
            begin(db)
        except OperationalError as error:
            errors.append(error)

    previous = signal.getsignal(signal.SIGALRM)
    if in_thread:
        writer = threading.Thread(target=write)
        writer.start()
        writer.join(10)
    else:
        write()
    assert [str(e) for e in errors] == ["database is locked"]
    assert signal.getsignal(signal.SIGALRM) is previous
    assert not db.in_atomic_block
    holder.release()
    assert lock_is_free(path)  # the failed writer kept nothing
    db.set_autocommit(True)
    begin(db)
    end(db)
    db.close()


def test_a_wait_leaves_an_alarm_of_the_process_running(path: Path, holder) -> None:
    db = database(path, timeout=0.2)
    rang: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: rang.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        with pytest.raises(OperationalError, match="database is locked"):
            begin(db)
        remaining, _interval = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < remaining <= 30, "the process's own timer is still set"
        assert rang == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    db.set_autocommit(True)
    db.close()


def test_the_lock_of_a_killed_process_is_freed(path: Path) -> None:
    code = (
        "import fcntl, os, sys, time\n"
        "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    other = subprocess.Popen([sys.executable, "-c", code, f"{path}.writer-lock"], stdout=subprocess.PIPE, text=True)
    assert other.stdout.readline().strip() == "held"
    assert not lock_is_free(path)
    other.kill()
    other.wait(10)
    other.stdout.close()
    db = database(path, timeout=2)
    begin(db)
    end(db)
    db.close()


def test_the_lock_file_has_the_database_files_permissions(path: Path) -> None:
    path.touch(mode=0o640)
    path.chmod(0o640)  # whatever the umask
    previous = os.umask(0o002)
    try:
        db = database(path)
    finally:
        os.umask(previous)
    assert Path(f"{path}.writer-lock").stat().st_mode & 0o777 == 0o640
    begin(db)
    end(db)
    db.close()


@pytest.mark.parametrize("name", [":memory:", "file:{tmp}/uri.sqlite3?cache=private"], ids=["memory", "uri"])
def test_a_database_not_named_by_its_path_has_no_writer_lock(tmp_path: Path, name: str) -> None:
    db = database(name.format(tmp=tmp_path))
    assert db.writer_lock is None
    begin(db)
    end(db)
    with db.writing() as alone:
        assert alone == (name == ":memory:"), "only an in-memory database has no other connection"
    db.close()


def wal_database(path: Path) -> DatabaseWrapper:
    db = database(path)
    db.cursor().execute("PRAGMA journal_mode=WAL")
    return db


def write_rows(db: DatabaseWrapper, count: int = 200) -> None:
    begin(db)
    cursor = db.cursor()
    cursor.execute("CREATE TABLE IF NOT EXISTS t (x TEXT)")
    cursor.executemany("INSERT INTO t VALUES (%s)", [("x" * 1000,)] * count)
    end(db)


def test_sqlites_own_checkpoint_waits_for_a_long_log(path: Path) -> None:
    db = wal_database(path)
    assert db.cursor().execute("PRAGMA wal_autocheckpoint").fetchone() == (base.AUTOCHECKPOINT_PAGES,)
    db.close()


def test_the_log_is_checkpointed_after_a_commit_once_due_and_outside_the_lock(path: Path, monkeypatch) -> None:
    monkeypatch.setitem(base._checkpoints_due, str(path), float("inf"))
    db = wal_database(path)
    write_rows(db)
    assert path.stat().st_size < 100_000, "not due: the rows are still only in the log"
    free_when_checkpointing = []
    checkpoint = base.DatabaseWrapper._checkpoint_when_due

    def watched(self):
        free_when_checkpointing.append(lock_is_free(path))
        checkpoint(self)

    monkeypatch.setattr(base.DatabaseWrapper, "_checkpoint_when_due", watched)
    base._checkpoints_due[str(path)] = 0.0
    write_rows(db)
    assert free_when_checkpointing == [True]
    assert path.stat().st_size > 400_000, "the log was copied into the database"
    assert base._checkpoints_due[str(path)] > 0.0
    db.close()


def test_a_process_checkpoints_once_a_second_whatever_its_connections_last(path: Path, monkeypatch) -> None:
    monkeypatch.setitem(base._checkpoints_due, str(path), 0.0)
    first = wal_database(path)
    write_rows(first)  # due: checkpointed
    first.close()
    size = path.stat().st_size
    second = wal_database(path)  # a new connection, as with CONN_MAX_AGE = 0
    write_rows(second)
    assert path.stat().st_size == size, "not due again within the second, though the connection is new"
    base._checkpoints_due[str(path)] = 0.0
    write_rows(second)
    assert path.stat().st_size > size
    second.close()
