"""Placing stored reports in their cases, in the task worker.

The public endpoint only screens and stores a report, in one short transaction, so that it stays fast
and answers the same when a story goes viral. The report then *waits*, with the article text its
reader saw, until the task worker records that text as a version of the article and groups the report
into its case (``corrigo.cases.anchoring``), in a transaction that holds the article's row lock. One
run of the task places every report waiting when it starts, article by article and oldest first, so a
flood of reports on one story costs a few task runs, not thousands.

A report is never left waiting without a run to place it: the run is enqueued in the transaction that
stores the report, unless a run that has not started yet is already queued (and cannot start before
that transaction ends; see ``_run_queued``). A run starts ``CORRIGO_PLACE_DELAY`` seconds after the
report that asked for it, so that under a stream of reports each run places many of them in few
transactions.
"""

import datetime
import logging
import time
from collections import Counter
from collections.abc import Sequence

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from corrigo.articles.models import Article, ArticleVersion, VersionSource
from corrigo.articles.services import article_version_record
from corrigo.audit.models import AuditEvent
from corrigo.audit.services import audit_event, audit_events_save
from corrigo.cases.anchoring import (
    Passage,
    article_open_cases,
    case_for_passage,
    open_case_for_passage,
    reanchor_article_enqueue,
)
from corrigo.cases.models import Case
from corrigo.cases.priority import cases_reports_added
from corrigo.conf import settings
from corrigo.db import (
    column,
    current,
    db_value,
    execute,
    execute_many,
    first_row,
    insert_if_prepared,
    insert_prepared,
    statement,
    table,
)
from corrigo.reports.models import Report, Verdict

logger = logging.getLogger(__name__)

BATCH = 200
"""How many waiting reports one transaction places (the article's lock is held meanwhile).

Each transaction has a cost of its own whatever its size: the article's row lock, its open cases
read, the first report's copy of the article looked up, the cases' counts and the commit. At 50 per
transaction, that was half the worker's CPU per report under a flood on SQLite. On SQLite the
transaction also holds the database's one write lock; 200 reports hold it for about 20 ms, which a
request waiting for it absorbs (and between two transactions it goes to the requests first)."""
SQLITE_PAUSE_SECONDS = 0.02
"""On SQLite, how long the worker leaves the database's one write lock to the requests between two
transactions. The requests queued for it (``corrigo.sqlite``) wake when it is released, but the
kernel does not serve waiters in turn: back to back, the worker, still running, would take the lock
again first and keep them out for the whole run, up to a second."""


def reports_waiting() -> QuerySet[Report]:
    """Accepted reports that are not in a case yet, oldest first."""
    return Report.objects.filter(verdict=Verdict.ACCEPTED, case__isnull=True).order_by("created_at", "pk")


def report_store_and_place_soon(values: dict[str, object]) -> bool:
    """Store an accepted report (its row's ``values``, as ``corrigo.db.insert_prepared`` takes them) so
    that a run of the task worker will place it. Call outside a transaction; returns whether the
    report was placed already (a backend that runs tasks at once).

    Most reports need no transaction but their insert. On PostgreSQL it is one statement, its own
    transaction, that stores the report only if it finds a queued run and locks it ``FOR SHARE`` (see
    ``_run_queued``): one round trip instead of three (``BEGIN``, the insert, ``COMMIT``). On SQLite
    it runs alone under the writer lock (``corrigo.sqlite``), when this process knows of a run that
    will not start before it ends (``_run_remembered``). Otherwise nothing is stored there, and the
    report takes a transaction that enqueues a run with it (``reports_place_soon``).
    """
    if _stored_beside_queued_run(values):
        return False
    insert = insert_prepared(Report, values)
    with transaction.atomic():
        return reports_place_soon(insert=insert)


def _stored_beside_queued_run(values: dict[str, object]) -> bool:
    """Outside a transaction, store the report by its insert alone when a queued run is sure to place
    it; False, with nothing stored, when none is (or on another database, or in a transaction)."""
    backend, db = reports_place.get_backend(), current()
    if db.in_atomic_block or not isinstance(backend, DatabaseBackend):
        return False
    if db.vendor == "postgresql":
        found = (_run_queued_sql(), _run_queued_params(backend))
        return execute(*insert_if_prepared(Report, values, found=found)) == 1
    if db.vendor == "sqlite":
        insert = insert_prepared(Report, values)
        with db.writing() as alone:
            if not alone or not _run_remembered(db.alias):
                return False
            execute(*insert)
        return True
    return False


def _run_remembered(alias: str) -> bool:
    """On SQLite, whether this process knows of a queued run of database ``alias`` that is not due
    yet, with a margin (see ``_run_queued``); call under the writer lock."""
    due = _queued_runs.get(alias)
    return due is not None and timezone.now() < due - QUEUED_RUN_MARGIN


def reports_place_soon(*, insert: tuple[str, Sequence[object]] | None = None) -> bool:
    """Make sure the task worker will place the report stored in the current transaction.

    Call inside that transaction: the database task backend commits the task with the report, so a
    stored report always has a run coming. Most reports find a run already queued and add nothing.
    Returns whether the reports were placed already (a backend that runs tasks at once).

    ``insert`` (a statement and its parameters, from ``corrigo.db.insert_prepared``) stores the
    report first. On PostgreSQL it runs in the same statement as the look for a queued run: one
    round trip to the database instead of two, for every report.
    """
    if _run_queued(insert):
        return False
    run = reports_place
    run_after = None
    if settings.PLACE_DELAY and run.get_backend().supports_defer:
        run_after = timezone.now() + datetime.timedelta(seconds=settings.PLACE_DELAY)
        run = run.using(run_after=run_after)
    result = run.enqueue()
    if run_after is not None and _remembers_runs():
        alias = connection.alias
        transaction.on_commit(lambda: _queued_runs.__setitem__(alias, run_after), using=alias)
    return result.is_finished


_queued_runs: dict[str, datetime.datetime] = {}
"""On SQLite, per database: when the queued run this process last saw (or enqueued) is due."""

QUEUED_RUN_MARGIN = datetime.timedelta(seconds=1)
"""How long before a queued run is due this process stops relying on it without asking again."""


def queued_runs_forget() -> None:
    """Forget the queued runs this process has seen (for a database emptied under it, as in tests)."""
    _queued_runs.clear()


def _remembers_runs() -> bool:
    return connection.vendor == "sqlite" and isinstance(reports_place.get_backend(), DatabaseBackend)


def _run_queued(insert: tuple[str, Sequence[object]] | None = None) -> bool:
    """Whether a run of ``reports_place`` is queued and cannot start before this transaction ends.

    Such a run looks for waiting reports only after this transaction has committed. On SQLite every
    write transaction runs alone (``BEGIN IMMEDIATE``), and the worker's claim is a write. On
    PostgreSQL the queued run's row is locked ``FOR SHARE`` until the end of this transaction, so the
    worker's ``FOR UPDATE SKIP LOCKED`` claim passes it by until then; a run claimed in the meantime is
    no longer queued and a new one is enqueued. With any other task backend, always enqueue. Runs
    ``insert`` first (see ``reports_place_soon``).

    On SQLite this process also remembers when the run it found is due, and until then does not ask
    again. The worker claims a run only once it is due by its own clock, which is this one: SQLite's
    processes share a machine. So a run not due when this transaction began (and took the write lock)
    is still queued at its end. A second's margin covers a clock set back meanwhile. The query is thus
    made about once per run and process, not once per report inside the write lock.
    """
    backend = reports_place.get_backend()
    vendor = connection.vendor
    asks = isinstance(backend, DatabaseBackend) and connection.in_atomic_block and vendor in ("sqlite", "postgresql")
    insert_with_query = insert is not None and asks and vendor == "postgresql"
    if insert is not None and not insert_with_query:
        execute(*insert)
    if not asks:
        return False
    if vendor == "sqlite" and _run_remembered(connection.alias):
        return True
    sql, params = _run_queued_sql(), _run_queued_params(backend)
    if insert_with_query:
        # A data-modifying WITH runs once and to its end, whatever the query after it reads.
        sql, params = f"WITH stored AS ({insert[0]}) {sql}", [*insert[1], *params]
    row = first_row(sql, params)
    if row is None:
        return False
    if vendor == "sqlite":
        due = connection.ops.convert_datetimefield_value(row[0], None, connection)
        # A run enqueued without a delay is stored as due at the end of time: due now, in truth.
        if due is not None and due != get_date_max():
            _queued_runs[connection.alias] = due
    return True


def _run_queued_params(backend: DatabaseBackend) -> list[object]:
    return ["READY", reports_place.module_path, backend.alias, reports_place.queue_name]


@statement
def _run_queued_sql() -> str:
    lock = " FOR SHARE" if connection.vendor == "postgresql" else ""
    return (
        f"SELECT {column(DBTaskResult, 'run_after')} FROM {table(DBTaskResult)} WHERE status = %s "
        f"AND task_path = %s AND backend_name = %s AND queue_name = %s LIMIT 1{lock}"
    )


@task()
def reports_place() -> int:
    """Place every report that was waiting when the run started; returns how many were placed.

    A report stored after the start has the next run queued for it (``reports_place_soon``): it
    found this one started. So a run under a steady stream of reports ends instead of placing a
    handful at a time as they arrive, and the next gathers ``CORRIGO_PLACE_DELAY`` seconds' worth.
    The bound is the newest ``created_at`` seen at the start: every report visible then is at or
    before it, whatever the clocks of the processes that stored them. A report whose placing fails
    stays waiting (and is logged) for the next run, without holding up the others.
    """
    newest = reports_waiting().order_by("-created_at").values_list("created_at", flat=True).first()
    if newest is None:
        return 0
    waiting = reports_waiting().filter(created_at__lte=newest)
    placed, failed = 0, set()
    pause = SQLITE_PAUSE_SECONDS if connection.vendor == "sqlite" else 0
    while True:
        batch = list(waiting.exclude(pk__in=failed).values_list("article_id", flat=True)[:BATCH])
        if not batch:
            return placed
        for article_id in dict.fromkeys(batch):
            if pause and (placed or failed):
                time.sleep(pause)
            done, errors = _place_article_reports(waiting=waiting, article_id=article_id, skip=failed)
            placed += done
            failed |= errors


def _place_article_reports(*, waiting: QuerySet[Report], article_id: int, skip: set) -> tuple[int, set]:
    """Place up to ``BATCH`` waiting reports of one article under its row lock."""
    placed, failed = 0, set()
    with transaction.atomic():
        article = Article.objects.locked().select_related("site").get(pk=article_id)
        placement = Placement(article)
        for report in article_batch(waiting=waiting, article_id=article_id, skip=skip):
            try:
                placement.place(report)
            except Exception:
                logger.exception("report %s could not be placed; it stays waiting", report.pk)
                failed.add(report.pk)
            else:
                placed += 1
        placement.finish()
    return placed, failed


def article_batch(*, waiting: QuerySet[Report], article_id: int, skip: set) -> QuerySet[Report]:
    """The next ``BATCH`` of the article's waiting reports, oldest first.

    The index ``report_article_waiting`` finds them among the article's reports without reading the
    ones already placed.
    """
    return waiting.filter(article_id=article_id).exclude(pk__in=skip)[:BATCH]


def report_place(*, report: Report) -> Case:
    """Place one report (an editor released it from the held queue) in its case.

    Call inside a transaction that holds the row lock of ``report.article``.
    """
    placement = Placement(report.article)
    case = placement.place(report)
    placement.finish()
    return case


class Placement:
    """Reports placed in their cases under one hold of their article's row lock.

    What the next report must find is recorded at once (a new version of the article, a new case);
    the reports' own rows, their cases' counts and priorities and the audit events are written once
    for the batch by ``finish``. A report that fails leaves nothing behind, here or in the database
    (``place``). The audit events are the cases': opened, and the reports that joined; a report's own
    row says when it came and which case it is in, so placing it is not an event of its own (a flood
    of a thousand reports does not write a thousand rows to the audit trail).
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self._open_cases = article_open_cases(article=article)
        self._versions: dict[str, ArticleVersion] = {}
        self._counts: Counter[int] = Counter()
        self._with_fix: set[int] = set()
        self._joined: dict[int, tuple[Case, list[str]]] = {}
        self._placed: list[Report] = []
        self._proposals: dict[int, set[str]] = {}
        self._events: list[AuditEvent] = []

    def place(self, report: Report) -> Case:
        """Record the reader's copy of the article, find or open the report's case, and put it there.

        A report that records something (a copy of the article not seen in this batch, a new case) is
        placed in a savepoint, so that if it fails it leaves nothing behind. Most reports under a
        stream join an open case with a copy already recorded: they write nothing until ``finish``
        and need no savepoint, which on PostgreSQL costs two round trips.
        """
        version = self._versions.get(report.article_text)
        if version is not None and report.has_passage:
            case = open_case_for_passage(
                self._open_cases,
                passage=_passage(report, version),
                proposed=report.proposed,
                unsaved_proposals=self._proposals,
            )
            if case is not None:
                return self._put(report, version, case, opened=False)
        known_cases = len(self._open_cases)
        try:
            with transaction.atomic():
                return self._place(report)
        except Exception:
            del self._open_cases[known_cases:]  # a case opened for it was rolled back with the savepoint
            raise

    def _place(self, report: Report) -> Case:
        article, text = self.article, report.article_text
        version = self._versions.get(text)
        if version is None:
            version, new_version = article_version_record(article=article, text=text, source=VersionSource.READER)
            if new_version:
                reanchor_article_enqueue(article_id=article.pk, version_id=version.pk)
        case, opened = case_for_passage(
            article=article,
            passage=_passage(report, version) if report.has_passage else None,
            kind=report.kind,
            proposed=report.proposed,
            open_cases=self._open_cases,
            unsaved_proposals=self._proposals,
        )
        return self._put(report, version, case, opened=opened)

    def _put(self, report: Report, version: ArticleVersion, case: Case, *, opened: bool) -> Case:
        """Put ``report`` in ``case``, to be saved with the batch; nothing here can fail."""
        article, text = self.article, report.article_text
        report.article, report.version, report.case, report.article_text = article, version, case, ""
        self._placed.append(report)
        if report.proposed.strip():
            self._proposals.setdefault(case.pk, set()).add(report.proposed.strip())
        self._versions[text] = version
        self._counts[case.pk] += 1
        if report.proposed:
            self._with_fix.add(case.pk)
        if opened:
            self._events.append(
                audit_event(site=article.site, action="case.opened", target=case, data={"report": str(report.pk)})
            )
        else:
            self._joined.setdefault(case.pk, (case, []))[1].append(str(report.pk))
        return case

    def finish(self) -> None:
        """Add the placed reports to their cases' counts and priorities, and record the events.

        The reports that joined a case already open get one event per case: a flood of a thousand
        reports reads as a few lines in the case's history, not a thousand.
        """
        _save_placed(self._placed)
        cases_reports_added(added=self._counts, with_fix=self._with_fix)
        site = self.article.site
        for case, reports in self._joined.values():
            if len(reports) == 1:
                event = audit_event(site=site, action="case.report_added", target=case, data={"report": reports[0]})
            else:
                event = audit_event(site=site, action="case.reports_added", target=case, data={"count": len(reports)})
            self._events.append(event)
        audit_events_save(self._events)
        self._counts.clear()
        self._with_fix.clear()
        self._joined.clear()
        self._placed.clear()
        self._proposals.clear()
        self._events.clear()


def _passage(report: Report, version: ArticleVersion) -> Passage:
    return Passage(version, report.start, report.end, report.exact, report.prefix, report.suffix)


def _save_placed(reports: list[Report]) -> None:
    """Store that ``reports`` are in their cases: ``save(update_fields=...)`` written in SQL and sent as
    one batch (``corrigo.db``), since every report passes here."""
    rows = [[r.version_id, r.case_id, "", r.verdict, r.verdict_reason, db_value(Report, "id", r.pk)] for r in reports]
    execute_many(_placed_sql(), rows)


@statement
def _placed_sql() -> str:
    """The update of ``_save_placed``."""
    columns = ("version", "case", "article_text", "verdict", "verdict_reason")
    assignments = ", ".join(f"{column(Report, name)} = %s" for name in columns)
    return f"UPDATE {table(Report)} SET {assignments} WHERE {column(Report, 'id')} = %s"
