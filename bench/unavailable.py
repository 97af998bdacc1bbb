"""Database locked or down: every affected request is answered 503 with Retry-After, none falsely succeeds.

Run from the project root: ``.venv/bin/python bench/unavailable.py``; prints JSON and exits 1 when a
target is missed.

1. ``sqlite_locked``: gunicorn (4 workers) on SQLite with ``CORRIGO_SQLITE_TIMEOUT=1``; another
   process holds the write lock (``BEGIN IMMEDIATE``) while reports arrive, longer than the busy
   timeout. Each report must get 503 + Retry-After and none may be stored once the lock is gone.
2. ``postgresql_down``: gunicorn with ``DATABASE_URL`` pointing to a closed port on 127.0.0.1: every
   API operation (reports, widget configuration, CORS preflight) must get 503 + Retry-After.
"""

import asyncio
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.client import request
from bench.server import ORIGIN, SITE_KEY, Server, free_port, running
from bench.workload import Workload

REQUESTS = 40


def _tally(answers: list) -> dict:
    busy = [a for a in answers if a.status == 503 and a.headers.get("retry-after", "").isdigit()]
    return {
        "requests": len(answers),
        "answered_503_with_retry_after": len(busy),
        "false_successes": sum(1 for a in answers if a.status < 300),
        "other": sorted({a.status for a in answers if a not in busy}),
        "problem_json": all(a.headers.get("content-type") == "application/problem+json" for a in busy),
    }


async def _many(port: int, items: list[tuple[str, str, object, dict]]) -> list:
    return await asyncio.gather(*(request(port, m, p, body=b, headers=h, timeout=60) for m, p, b, h in items))


def sqlite_locked() -> dict:
    with tempfile.TemporaryDirectory(prefix="corrigo-locked-") as data_dir:
        server = Server(Path(data_dir), workers=4, extra_env={"CORRIGO_SQLITE_TIMEOUT": "1"})
        with running(server):
            work = Workload(server)
            bodies = [work.body() for _ in range(REQUESTS)]
            lock = sqlite3.connect(Path(data_dir) / "corrigo.sqlite3", isolation_level=None, timeout=10)
            lock.execute("BEGIN IMMEDIATE")
            try:
                answers = asyncio.run(
                    _many(server.port, [("POST", "/api/v1/reports", b, {"Origin": ORIGIN}) for b in bodies])
                )
            finally:
                lock.execute("ROLLBACK")
                lock.close()
            from corrigo.reports.models import Report

            rows = Report.objects.filter(client_id__in=[b["client_id"] for b in bodies]).count()
            after = asyncio.run(_many(server.port, [("POST", "/api/v1/reports", bodies[0], {"Origin": ORIGIN})]))
    return {**_tally(answers), "stored_while_locked": rows, "after_unlock": after[0].status}


def postgresql_down() -> dict:
    with tempfile.TemporaryDirectory(prefix="corrigo-down-") as data_dir:
        url = f"postgres://postgres@127.0.0.1:{free_port()}/gone"
        server = Server(Path(data_dir), workers=2, database_url=url)
        server.start()
        try:
            body = {
                "site": SITE_KEY,
                "url": f"{ORIGIN}/a",
                "client_id": "00000000-0000-4000-8000-000000000001",
                "kind": "other",
                "comment": "The date is wrong.",
            }
            items = [("POST", "/api/v1/reports", body, {"Origin": ORIGIN})] * (REQUESTS // 2)
            items += [("GET", f"/api/v1/sites/{SITE_KEY}/widget", None, {"Origin": ORIGIN})] * (REQUESTS // 4)
            items += [
                ("OPTIONS", "/api/v1/reports", None, {"Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
            ] * (REQUESTS // 4)
            answers = asyncio.run(_many(server.port, items))
        finally:
            server.stop()
    return _tally(answers)


def main() -> int:
    locked = sqlite_locked()
    down = postgresql_down()
    print(json.dumps({"bench": "unavailable", "sqlite_locked": locked, "postgresql_down": down}, indent=2))
    ok = all(r["answered_503_with_retry_after"] == r["requests"] and r["false_successes"] == 0 for r in (locked, down))
    return 0 if ok and locked["stored_while_locked"] == 0 and locked["after_unlock"] == 202 else 1


if __name__ == "__main__":
    sys.exit(main())
