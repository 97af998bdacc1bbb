"""In-process bench: the CPU one report and one no-op cost through Django's WSGI handler; prints JSON.

Run from the project root: ``.venv/bin/python bench/inprocess.py [--reports 3000] [--postgresql]``.

No server and no sockets: the requests of ``bench/load.py`` (the same bodies, production settings of
``bench/settings.py``, SQLite in a temporary directory) are handed to ``WSGIHandler`` in this
process, so the figures are the service's own Python and SQLite, without gunicorn, the kernel or a
client. With ``--postgresql`` the database is a fresh one on 127.0.0.1:5432 instead, and the figures
are this process's share: the server's own work is not counted. ``CORRIGO_PLACE_DELAY`` is an hour:
nothing is placed, and each report finds the run that would place it queued. After 200 of each as a
warm-up, the reports and no-ops are served in five alternating rounds; the figure is the least CPU
per request of a round (``time.process_time``).

``--only-reports N`` serves the warm-up and N reports and prints nothing: run it under
``PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no`` for two values of N, and the difference of the
instruction counts divided by the difference of N is a report's instructions, a figure that barely
moves between runs where timings on a shared machine vary by a tenth or more.
"""

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.server import ORIGIN, Server, postgres_url

WARMUP = 200
ROUNDS = 5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=3000, help="reports (and no-ops) measured (default 3000)")
    parser.add_argument(
        "--only-reports", type=int, help="serve the warm-up and this many of the reports, print nothing"
    )
    parser.add_argument("--postgresql", action="store_true", help="PostgreSQL on 127.0.0.1:5432 instead of SQLite")
    args = parser.parse_args()
    database_url = ""
    if args.postgresql:
        database_url = postgres_url("corrigo_bench_inprocess")
        if database_url is None:
            print("no PostgreSQL server on 127.0.0.1:5432", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="corrigo-inprocess-") as data_dir:
        server = Server(Path(data_dir), database_url=database_url, extra_env={"CORRIGO_PLACE_DELAY": "3600"})
        server.setup()
        from bench.workload import Workload

        work = Workload(server)
        from django.core.handlers.wsgi import WSGIHandler

        app = WSGIHandler()
        # As many bodies whatever --only-reports says, so that two counts differ only by the reports served.
        bodies = [json.dumps(work.body()).encode() for _ in range(WARMUP + args.reports)]
        for body in bodies[:WARMUP]:
            _serve(app, "POST", "/api/v1/reports", body)
            _serve(app, "GET", "/api/v1/health")
        if args.only_reports is not None:
            for body in bodies[WARMUP : WARMUP + args.only_reports]:
                _serve(app, "POST", "/api/v1/reports", body)
            return 0
        reports, noops = [], []
        for round_ in range(ROUNDS):
            chunk = bodies[WARMUP + round_ :: ROUNDS]
            started = time.process_time()
            for body in chunk:
                _serve(app, "POST", "/api/v1/reports", body)
            reports.append((time.process_time() - started) / len(chunk))
            started = time.process_time()
            for _ in chunk:
                _serve(app, "GET", "/api/v1/health")
            noops.append((time.process_time() - started) / len(chunk))
        from django.db import connections

        connections.close_all()
    result = {
        "bench": "inprocess",
        "database": "postgresql" if args.postgresql else "sqlite",
        "requests": args.reports,
        "report_cpu_ms": round(1000 * min(reports), 3),
        "noop_cpu_ms": round(1000 * min(noops), 3),
        "rounds_report_cpu_ms": [round(1000 * r, 3) for r in reports],
    }
    print(json.dumps(result, indent=2))
    return 0


def _serve(app, method: str, path: str, body: bytes = b"") -> None:
    """One request through ``app``; anything but 202 (a report) or 200 (the no-op) stops the bench."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_ORIGIN": ORIGIN,
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
    }
    statuses = []
    answer = app(environ, lambda status, headers, exc_info=None: statuses.append(status))
    content = b"".join(answer)
    answer.close()
    if not statuses[0].startswith(("200", "202")):
        raise RuntimeError(f"{method} {path} answered {statuses[0]}: {content[:300]!r}")


if __name__ == "__main__":
    sys.exit(main())
