"""A flood of reports on one sentence: does it stay one case with an exact count, and lose nothing?

Starts corrigo under gunicorn on 127.0.0.1 with a fresh SQLite database (the default set-up; see
bench/server.py), sends ``--reports`` reports on the same sentence from ``--clients`` concurrent
clients, each report with its own client id and a genuine challenge (as from different readers), then
waits until the task worker has placed them all and reads the database, and prints one JSON object:
reports accepted (202), cases created, the case's count, failures, the rate, and how long placing
took after the last report was acknowledged. Rate limits are relaxed as in every bench (bench/settings.py), since
all clients share 127.0.0.1.

    python bench/flood.py [--reports 10000] [--clients 64] [--workers 4] [--postgres]
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.client import request
from bench.server import ORIGIN, SITE_KEY, Server, postgres_url, running

TEXT = (
    "Election night\n"
    "The governer conceded shortly after midnight, according to the campaign.\n"
    "Turnout was the highest in two decades."
)
WORD = "governer"


def make_body(issue: Callable[[], dict]) -> dict:
    start = TEXT.index(WORD)
    end = start + len(WORD)
    return {
        "site": SITE_KEY,
        "url": f"{ORIGIN}/election",
        "client_id": str(uuid.uuid4()),
        "kind": "typo",
        "selector": {"exact": WORD, "prefix": TEXT[max(0, start - 32) : start], "suffix": TEXT[end : end + 32],
                     "start": start, "end": end},
        "text": TEXT,
        "proposed": "governor",
        "lang": "en",
        "challenge": issue()["challenge"],
    }


async def flood(port: int, bodies: list[dict], clients: int) -> list[tuple[int, float]]:
    queue: asyncio.Queue[dict] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)
    results: list[tuple[int, float]] = []
    headers = {"Origin": ORIGIN}

    async def client() -> None:
        while not queue.empty():
            body = queue.get_nowait()
            try:
                answer = await request(port, "POST", "/api/v1/reports", body=body, headers=headers, timeout=60)
                results.append((answer.status, answer.seconds))
            except (TimeoutError, OSError):
                results.append((0, 0.0))

    await asyncio.gather(*(client() for _ in range(clients)))
    return results


def minted_bodies(server: Server, count: int) -> list[dict]:
    """Report bodies with challenges minted by the server's key, 20 s old (past the minimum fill time)."""
    os.environ.update(server.env)
    import django

    django.setup()
    from corrigo.antispam.challenge import challenge_issue
    from corrigo.sites.models import Site

    site = Site.objects.get(public_key=SITE_KEY)
    return [make_body(lambda: challenge_issue(site=site, now=time.time() - 20)) for _ in range(count)]


def rows() -> dict:
    from django.db import close_old_connections

    from corrigo.cases.models import Case
    from corrigo.reports.models import Report

    close_old_connections()
    return {
        "reports_stored": Report.objects.count(),
        "reports_not_in_a_case": Report.objects.filter(case__isnull=True).count(),
        "cases_created": Case.objects.count(),
        "case_report_count": list(Case.objects.values_list("report_count", flat=True)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432 instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="corrigo-flood-") as data_dir:
        url = postgres_url("corrigo_flood") if args.postgres else ""
        server = Server(Path(data_dir), workers=args.workers, database_url=url or "", task_worker=True)
        with running(server):
            bodies = minted_bodies(server, args.reports)
            began = time.perf_counter()
            results = asyncio.run(flood(server.port, bodies, args.clients))
            elapsed = time.perf_counter() - began
            drain = server.wait_placed()
        found = rows()
    accepted = sum(1 for status, _ in results if status == 202)
    latencies = sorted(seconds * 1000 for status, seconds in results if status == 202)
    statuses: dict[str, int] = {}
    for status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    print(json.dumps({
        "database": "postgresql" if args.postgres else "sqlite (default: WAL, IMMEDIATE transactions)",
        "gunicorn_workers": args.workers,
        "clients": args.clients,
        "reports_sent": len(results),
        "reports_accepted": accepted,
        "failures": len(results) - accepted,
        "statuses": statuses,
        **found,
        "seconds": round(elapsed, 1),
        "reports_per_second": round(accepted / elapsed, 1),
        "placement_drain_seconds": round(drain, 1),
        "latency_ms_p50": round(statistics.median(latencies), 1) if latencies else None,
        "latency_ms_p99": round(latencies[max(0, int(len(latencies) * 0.99) - 1)], 1) if latencies else None,
        "note": "the clients and the server share the machine's 2 cores",
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
