"""Reports are stored at once and placed in their cases by the task worker, in batches."""

import datetime
import uuid

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from corrigo.audit.models import AuditEvent
from corrigo.cases.models import Case
from corrigo.cases.priority import case_priority_refresh
from corrigo.problems import Problem
from corrigo.reports import placement, services
from corrigo.reports.models import Report
from corrigo.reports.placement import reports_place, reports_waiting
from corrigo.reports.schemas import ReportIn
from corrigo.reports.selectors import report_reader_status
from corrigo.reports.services import report_submit
from tests.factories import ARTICLE_TEXT, report_payload, site_create
from tests.publishing import report_made

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS
    settings.CORRIGO_PLACE_DELAY = 0


def queued_runs() -> int:
    return DBTaskResult.objects.filter(task_path=reports_place.module_path, status="READY").count()


def run_worker() -> None:
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


def test_a_stored_report_waits_with_its_text_and_one_run_serves_many():
    site = site_create()
    first = report_made(site)
    second = report_made(site)
    assert first.case_id is None and first.waiting and first.article_text == ARTICLE_TEXT
    assert queued_runs() == 1, "the second report found a run already queued"
    assert report_reader_status(report_id=first.pk).state == "received"

    run_worker()

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.case_id == second.case_id and first.case.report_count == 2
    assert first.version.number == 1 and (first.article_text, second.article_text) == ("", "")
    assert not reports_waiting().exists()
    history = list(AuditEvent.objects.order_by("pk").values_list("action", "target_type", "data"))
    assert history == [
        ("case.opened", "case", {"report": str(first.pk)}),
        ("case.report_added", "case", {"report": str(second.pk)}),
    ], "the case's history names its reports; a report placed is not an event of its own"


def test_reports_joining_an_open_case_in_one_run_read_as_one_line_of_its_history():
    site = site_create()
    report_made(site, proposed="")
    run_worker()
    case = Case.objects.get()
    before = case.priority
    for _ in range(3):
        report_made(site, proposed="")
    report_made(site, proposed="received")
    run_worker()

    case.refresh_from_db()
    assert case.report_count == 5 and case.priority > before, "more readers and a proposed fix raise it"
    assert case.priority == case_priority_refresh(case_id=case.pk), "the same as counted from the reports"
    joined = AuditEvent.objects.get(target_type="case", target_id=str(case.pk), action="case.reports_added")
    assert joined.data == {"count": 4}
    assert AuditEvent.objects.count() == 2, "case.opened, then one line for the four that joined"


def test_on_sqlite_the_run_leaves_the_write_lock_to_requests_between_its_transactions(monkeypatch):
    from django.db import connection

    site = site_create()
    report_made(site, url="https://news.example/one")
    report_made(site, url="https://news.example/two")
    pauses = []
    monkeypatch.setattr(placement.time, "sleep", pauses.append)
    assert reports_place.call() == 2
    expected = [placement.SQLITE_PAUSE_SECONDS] if connection.vendor == "sqlite" else []
    assert pauses == expected, "one pause, between the two articles' transactions"


def test_neighbouring_reports_with_the_same_fix_share_a_case_when_placed_in_one_run():
    site = site_create()
    report_made(site, word="recieved", proposed="received last")
    report_made(site, word="last", proposed="received last")
    report_made(site, word="last", proposed="latest")
    assert reports_place.call() == 3
    cases = set(Case.objects.values_list("exact", "report_count"))
    assert cases == {("recieved", 2), ("last", 1)}, "the second joined the first before either was saved"


def test_a_run_places_what_waited_when_it_started_and_leaves_later_reports_to_the_next(monkeypatch):
    site = site_create()
    first = report_made(site)
    real = placement._place_article_reports
    later = []

    def and_meanwhile(**kwargs):
        if not later:
            later.append(report_made(site, word="goverment"))  # a reader sends one during the run
        return real(**kwargs)

    monkeypatch.setattr(placement, "_place_article_reports", and_meanwhile)
    assert reports_place.call() == 1
    assert Report.objects.get(pk=first.pk).case_id is not None
    assert Report.objects.get(pk=later[0].pk).waiting
    monkeypatch.undo()
    run_worker()
    assert not reports_waiting().exists()


def test_the_run_waits_a_moment_to_gather_the_reports_that_follow(settings):
    settings.CORRIGO_PLACE_DELAY = 30
    before = timezone.now()
    report_made(site_create())
    run = DBTaskResult.objects.get(task_path=reports_place.module_path)
    assert run.run_after >= before + datetime.timedelta(seconds=30)
    run_worker()
    assert reports_waiting().count() == 1, "not due yet"


def test_a_report_stored_while_a_run_is_underway_gets_a_run_of_its_own():
    site = site_create()
    report_made(site)
    DBTaskResult.objects.filter(task_path=reports_place.module_path).update(status="RUNNING")
    report_made(site)
    assert queued_runs() == 1


def test_a_report_that_cannot_be_placed_stays_waiting_without_holding_up_the_others(monkeypatch):
    site = site_create()
    broken = report_made(site, word="goverment", comment="This one breaks.")
    fine = report_made(site)
    real = placement.case_for_passage

    def failing(**kwargs):
        if kwargs["passage"].exact == "goverment":
            raise RuntimeError("boom")
        return real(**kwargs)

    monkeypatch.setattr(placement, "case_for_passage", failing)
    assert reports_place.call() == 1
    broken.refresh_from_db()
    fine.refresh_from_db()
    assert broken.waiting and broken.article_text == ARTICLE_TEXT
    assert fine.case is not None and Case.objects.count() == 1
    monkeypatch.setattr(placement, "case_for_passage", real)
    assert reports_place.call() == 1
    assert not Report.objects.filter(case__isnull=True).exists()


def test_a_case_opened_for_a_report_that_failed_is_not_offered_to_the_next(monkeypatch):
    site = site_create()
    broken = report_made(site, comment="This one breaks.")
    fine = report_made(site)
    real = placement.case_for_passage
    calls = []

    def opens_then_fails(**kwargs):
        calls.append(real(**kwargs))
        if len(calls) == 1:  # the broken report: the oldest is placed first
            raise RuntimeError("boom")
        return calls[-1]

    monkeypatch.setattr(placement, "case_for_passage", opens_then_fails)
    assert reports_place.call() == 1
    assert [opened for _case, opened in calls] == [True, True], "the failed one's case was not offered"
    fine.refresh_from_db()
    assert Case.objects.get().pk == fine.case_id and fine.case.report_count == 1
    assert Report.objects.get(pk=broken.pk).waiting


def test_only_a_report_that_records_something_is_placed_in_a_savepoint():
    site = site_create()
    for _ in range(4):
        report_made(site)
    with CaptureQueriesContext(connection) as seen:
        assert reports_place.call() == 4
    savepoints = [q["sql"] for q in seen.captured_queries if q["sql"].startswith("SAVEPOINT")]
    assert len(savepoints) == 1, "the first records the copy and opens the case; the others join it"
    assert Case.objects.get().report_count == 4


def test_a_report_joining_an_open_case_that_fails_stays_waiting_without_holding_up_the_others(monkeypatch):
    site = site_create()
    first = report_made(site)
    broken = report_made(site, comment="This one breaks.")
    last = report_made(site)
    real = placement.open_case_for_passage

    def failing(open_cases, **kwargs):
        if kwargs["passage"].version and open_cases and failing.calls == 0:
            failing.calls += 1
            raise RuntimeError("boom")
        return real(open_cases, **kwargs)

    failing.calls = 0
    monkeypatch.setattr(placement, "open_case_for_passage", failing)
    assert reports_place.call() == 2
    assert Report.objects.get(pk=broken.pk).waiting
    case = Case.objects.get()
    assert {first.pk, last.pk} == set(case.reports.values_list("pk", flat=True)) and case.report_count == 2


def test_place_reports_queues_a_run_when_a_worker_died_in_the_middle_of_one():
    site = site_create()
    report = report_made(site)
    DBTaskResult.objects.filter(task_path=reports_place.module_path).update(status="RUNNING")  # its worker died
    call_command("place_reports")
    assert queued_runs() == 1
    run_worker()
    report.refresh_from_db()
    assert report.case is not None
    call_command("place_reports")
    assert queued_runs() == 0, "nothing waits, nothing is queued"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's planner chooses by the table's statistics")
def test_a_batch_reads_only_the_waiting_reports_of_its_article():
    site = site_create()
    report = report_made(site=site)
    waiting = reports_waiting().filter(created_at__lte=timezone.now())
    plan = placement.article_batch(waiting=waiting, article_id=report.article_id, skip=set()).explain()
    # Not the article's index (every report it ever had) or the case's (every report not in a case).
    assert "USING INDEX report_article_waiting (article_id=? AND case_id=? AND verdict=?" in plan


def task_table_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if DBTaskResult._meta.db_table in q["sql"]]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="only SQLite's processes share one clock with the worker")
def test_on_sqlite_a_process_asks_for_the_queued_run_once_until_it_is_nearly_due(settings, monkeypatch):
    settings.CORRIGO_PLACE_DELAY = 30
    site = site_create()
    report_made(site)
    assert queued_runs() == 1
    with CaptureQueriesContext(connection) as seen:
        report_made(site)
    assert task_table_queries(seen.captured_queries) == [], "the run enqueued by this process is remembered"
    assert queued_runs() == 1

    due = DBTaskResult.objects.get(task_path=reports_place.module_path).run_after
    monkeypatch.setattr(placement.timezone, "now", lambda: due - datetime.timedelta(seconds=0.5))
    with CaptureQueriesContext(connection) as seen:
        report_made(site)
    assert len(task_table_queries(seen.captured_queries)) == 1, "within a second of its start, ask again"
    assert queued_runs() == 1, "it is still queued: nothing more is enqueued"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="only SQLite's processes share one clock with the worker")
def test_on_sqlite_a_report_with_a_run_remembered_is_its_insert_alone(settings):
    settings.CORRIGO_PLACE_DELAY = 30
    settings.CORRIGO_RATE_ARTICLE = settings.CORRIGO_RATE_SITE = None  # their counters are transactions of their own
    site = site_create()
    report_made(site)
    with CaptureQueriesContext(connection) as seen:
        second = report_made(site)
    statements = [q["sql"].split(" ", 1)[0] for q in seen.captured_queries]
    assert statements == ["INSERT"], "no BEGIN, no COMMIT, no look for the run"
    assert Report.objects.filter(pk=second.pk, case=None).exists() and queued_runs() == 1


@pytest.mark.parametrize("place_delay", [0, 30], ids=["in-a-transaction", "insert-alone"])
def test_a_retry_gets_the_stored_report_and_a_replayed_challenge_is_refused_however_stored(settings, place_delay):
    settings.CORRIGO_PLACE_DELAY = place_delay
    site = site_create()
    report_made(site)  # the run the next ones find queued (or remembered, on SQLite)
    body = report_payload(site)
    first = report_submit(site=site, data=ReportIn(**body), client_hash="")
    again = report_submit(site=site, data=ReportIn(**body), client_hash="")
    assert again.pk == first.pk and Report.objects.filter(client_id=body["client_id"]).count() == 1
    replay = {**body, "client_id": str(uuid.uuid4())}
    with pytest.raises(Problem) as refused:
        report_submit(site=site, data=ReportIn(**replay), client_hash="")
    assert refused.value.status == 403 and Report.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "sqlite", reason="only SQLite's processes share one clock with the worker")
def test_a_run_found_queued_by_another_process_is_remembered_until_it_is_nearly_due(settings):
    settings.CORRIGO_PLACE_DELAY = 30
    site = site_create()
    report_made(site)
    placement.queued_runs_forget()  # as another process, which has not seen this run
    with CaptureQueriesContext(connection) as seen:
        report_made(site)
        report_made(site)
    assert len(task_table_queries(seen.captured_queries)) == 1
    assert queued_runs() == 1


def test_a_run_enqueued_in_a_transaction_that_rolls_back_is_not_remembered(settings, monkeypatch):
    settings.CORRIGO_PLACE_DELAY = 30
    site = site_create()

    enqueue = placement.reports_place_soon

    def enqueue_then_fail(**stored) -> bool:
        enqueue(**stored)
        raise OperationalError("disk I/O error")  # as a commit that fails

    with monkeypatch.context() as patched:
        patched.setattr(placement, "reports_place_soon", enqueue_then_fail)
        with pytest.raises(OperationalError):
            report_made(site)
    assert queued_runs() == 0 and not Report.objects.exists()
    report_made(site)
    assert queued_runs() == 1, "the next report does not rely on the run that was rolled back"


def test_a_run_due_at_once_is_never_relied_on_without_asking(settings):
    settings.CORRIGO_PLACE_DELAY = 0
    site = site_create()
    report_made(site)
    with CaptureQueriesContext(connection) as seen:
        report_made(site)
    assert len(task_table_queries(seen.captured_queries)) == 1
    assert queued_runs() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's statements make no round trips")
def test_on_postgresql_a_report_with_a_run_queued_is_one_statement_that_finds_the_run_and_stores_it(settings):
    settings.CORRIGO_RATE_ARTICLE = settings.CORRIGO_RATE_SITE = None  # their counters are transactions of their own
    site = site_create()
    report_made(site)
    with CaptureQueriesContext(connection) as seen:
        second = report_made(site)
    [statement] = task_table_queries(seen.captured_queries)
    assert statement.startswith("WITH found AS (SELECT") and "FOR SHARE) INSERT INTO" in statement
    assert [q["sql"] for q in seen.captured_queries if q["sql"] in ("BEGIN", "COMMIT")] == []
    assert Report.objects.filter(pk=second.pk, case=None).exists() and queued_runs() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's statements make no round trips")
def test_on_postgresql_a_report_with_no_run_queued_is_stored_with_a_run_in_one_transaction():
    site = site_create()
    with CaptureQueriesContext(connection) as seen:
        first = report_made(site)
    found, stored, _enqueued = task_table_queries(seen.captured_queries)
    assert found.startswith("WITH found AS (SELECT"), "nothing stored: no run is queued"
    assert stored.startswith("WITH stored AS (INSERT INTO") and stored.rstrip().endswith("FOR SHARE")
    assert Report.objects.filter(pk=first.pk, case=None).count() == 1 and queued_runs() == 1


def test_a_report_whose_transaction_fails_leaves_no_unknown_article_behind_for_the_next(monkeypatch):
    """The article is created in a transaction of its own: the process caches its id, so a rolled
    back article would make the next reports on that page fail their foreign key."""
    site = site_create()

    def fail(values) -> bool:
        raise OperationalError("disk I/O error")

    with monkeypatch.context() as patched:
        patched.setattr(services, "report_store_and_place_soon", fail)
        with pytest.raises(OperationalError):
            report_made(site)
    second = report_made(site)
    assert Report.objects.filter(pk=second.pk).exists()
    assert second.article.url.startswith("https://")
