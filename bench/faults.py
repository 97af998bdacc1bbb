"""Fault bench: kill -9 the server three times under load and restart it; nothing acknowledged is lost.

Run from the project root: ``.venv/bin/python bench/faults.py [--kills 3] [--interval 6]``; prints JSON and
exits 1 when a target is missed.

32 clients send reports like the widget: on an error or a dropped connection they retry the same body
(same ``client_id``) until it is acknowledged. The server (gunicorn, 4 workers, SQLite) is killed with
SIGKILL, master and workers at once (and the task worker that places reports in their cases), every
``--interval`` seconds, and restarted. Afterwards: every acknowledged id is in the database and, once
the restarted task worker has caught up, in a case; ``PRAGMA integrity_check`` says ok; no
``client_id`` is stored twice; and re-sending each acknowledged body answers with the id first given.
"""

import argparse
import asyncio
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.client import request
from bench.server import ORIGIN, Server
from bench.workload import Workload

CLIENTS = 32


async def _post(port: int, body: dict) -> tuple[int, str]:
    answer = await request(port, "POST", "/api/v1/reports", body=body, headers={"Origin": ORIGIN}, timeout=15)
    return answer.status, answer.json().get("id", "") if answer.status == 202 else ""


async def _clients(server: Server, work: Workload, stop: asyncio.Event, acked: dict, retries: list) -> None:
    async def client() -> None:
        while not stop.is_set():
            body = work.body()
            while True:
                try:
                    status, report_id = await _post(server.port, body)
                    if status == 202:
                        acked[body["client_id"]] = (report_id, body)
                        break
                except (TimeoutError, OSError, ValueError) as exc:
                    status = type(exc).__name__
                retries.append(status)
                await asyncio.sleep(0.2)

    await asyncio.gather(*(client() for _ in range(CLIENTS)))


async def _chaos(server: Server, stop: asyncio.Event, kills: int, interval: float) -> list[float]:
    downtimes = []
    for _ in range(kills):
        await asyncio.sleep(interval)
        server.kill()
        killed = time.monotonic()
        await asyncio.sleep(0.5)
        server.start(wait=False)
        await asyncio.to_thread(server.wait_ready)
        downtimes.append(round(time.monotonic() - killed, 2))
    await asyncio.sleep(interval)
    stop.set()
    return downtimes


async def _run(server: Server, work: Workload, args: argparse.Namespace) -> dict:
    stop = asyncio.Event()
    acked: dict = {}
    retries: list = []
    load = asyncio.create_task(_clients(server, work, stop, acked, retries))
    downtimes = await _chaos(server, stop, args.kills, args.interval)
    try:
        await asyncio.wait_for(load, 240)
    except TimeoutError:
        print(json.dumps({"stuck_retries": retries[-20:]}), file=sys.stderr)
        raise
    same = 0
    for report_id, body in acked.values():
        status, again = await _post(server.port, body)
        same += status == 202 and again == report_id
    kinds: dict[str, int] = {}
    for status in retries:
        kinds[str(status)] = kinds.get(str(status), 0) + 1
    return {"acked": acked, "retries": kinds, "downtimes": downtimes, "resent_same_id": same}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--interval", type=float, default=6.0, help="seconds of load between kills")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="corrigo-faults-") as data_dir:
        server = Server(Path(data_dir), workers=4, task_worker=True)
        server.setup()
        server.start()
        try:
            work = Workload(server)
            result = asyncio.run(_run(server, work, args))
            drain = server.wait_placed()
        finally:
            server.stop()
        acked = result["acked"]
        ids = [report_id for report_id, _body in acked.values()]
        stored = work.stored(ids)
        placed = work.placed(ids)
        with sqlite3.connect(Path(data_dir) / "corrigo.sqlite3") as db:
            integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
            rows, distinct = db.execute(
                "SELECT COUNT(*), COUNT(DISTINCT site_id || ':' || client_id) FROM corrigo_reports_report"
            ).fetchone()
    figures = {
        "bench": "faults",
        "kills": args.kills,
        "downtime_seconds": result["downtimes"],
        "acknowledged": len(ids),
        "lost": len(ids) - len(stored),
        "unplaced": len(stored) - len(placed),
        "placement_drain_seconds": round(drain, 1),
        "integrity_check": integrity,
        "rows": rows,
        "duplicate_client_ids": rows - distinct,
        "retries_after_errors": result["retries"],
        "resent_answered_with_same_id": result["resent_same_id"],
    }
    print(json.dumps(figures, indent=2))
    ok = (
        figures["lost"] == 0
        and figures["unplaced"] == 0
        and integrity == "ok"
        and figures["duplicate_client_ids"] == 0
        and figures["resent_answered_with_same_id"] == len(ids)
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
