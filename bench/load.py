"""Load bench: 64 concurrent clients against gunicorn + SQLite, then + PostgreSQL; prints JSON figures.

Run from the project root: ``.venv/bin/python bench/load.py [--duration 60] [--rate 200] [--saturation 15]``.

For each database: a fresh server (gunicorn with ``--workers`` sync workers, one per core unless told, as
the README advises; production settings over HTTP on 127.0.0.1, rate limits relaxed by
``bench/settings.py`` because every client is 127.0.0.1), then
0. ``warmup``: ``--warmup`` s paced like the next run, reported apart: the workers' first requests, the
   task worker's first run and its first suggestions (which load the spelling lexicons) and the cases
   the workload opens happen here, as they would in a server's first minute, not in every minute;
1. ``paced``: 64 clients send reports at ``--rate`` reports/s in all for ``--duration`` s; latency is
   measured from each report's scheduled moment (a late server is not hidden by late clients);
2. ``saturation``: 64 clients send reports back to back for ``--saturation`` s (the most it takes);
3. ``noop``: the same clients call ``GET /api/v1/health`` (no database) back to back for as long;
and 2 and 3 again, ``--rounds`` times in all, alternately.
A task worker runs beside gunicorn, as in production, and places the stored reports in their cases
while the clients send (on the same cores). After each saturated run the bench waits until it has
placed every report (``placement.drain_seconds``, the longest wait), so that the no-op run does not
share the cores with the placing of reports. Every acknowledged report id is then looked up in the
database: ``lost`` counts the missing, ``placement.unplaced`` those stored but not in a case.
``ratio`` = saturated reports/s ÷ no-op requests/s, each over all its rounds (every round's own is in
``rounds``). The speed of a shared machine drifts by a fifth or more over minutes; measured in
alternation, both rates see the same drift. Client and server share the machine's cores.
"""

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.client import send
from bench.server import WORKERS, Server, postgres_url, running
from bench.workload import Workload, noop_requests

CLIENTS = 64
SATURATED_PER_SECOND = 1000
"""How many reports per second of a saturated run are encoded before it (more are made if it takes them)."""


async def _run(port: int, make, *, seconds: float, rate: float | None) -> dict:
    """``CLIENTS`` tasks sending the requests ``make()`` gives (``bench.client.encode``); paced at ``rate``
    in all, or back to back. The answers of accepted reports are read after the run. Besides the figures,
    the result holds the accepted ids (``acked``), the run's seconds (``elapsed``) and every latency."""
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    accepted: list[bytes] = []
    start = time.perf_counter() + 0.2
    end = start + seconds

    async def client(index: int) -> None:
        slot = index
        while True:
            scheduled = start + slot / rate if rate else time.perf_counter()
            if scheduled >= end or time.perf_counter() >= end:
                # The run lasts its time: slots a slow server left unsent are not sent late.
                return
            await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
            data = make()
            try:
                answer = await send(port, data)
                key = str(answer.status)
                if answer.status == 202:
                    accepted.append(answer.body)
            except OSError as exc:
                key = type(exc).__name__
            latencies.append(time.perf_counter() - scheduled)
            statuses[key] = statuses.get(key, 0) + 1
            slot += CLIENTS

    await asyncio.gather(*(client(i) for i in range(CLIENTS)))
    elapsed = time.perf_counter() - start
    return {
        "requests": len(latencies),
        "unsent_slots": max(0, int(rate * seconds) - len(latencies)) if rate else 0,
        "per_second": round(len(latencies) / elapsed, 1),
        **_percentiles(latencies),
        "statuses": statuses,
        "acked": [json.loads(body)["id"] for body in accepted],
        "elapsed": elapsed,
        "latencies": latencies,
    }


def _figures(run: dict) -> dict:
    """A run of ``_run`` as the bench prints it: without the ids, the seconds and the latencies."""
    return {key: value for key, value in run.items() if key not in ("acked", "elapsed", "latencies")}


def _merged(runs: list[dict]) -> dict:
    """Runs of ``_run`` as one, printed as ``_figures``: requests and statuses summed, the rate over their
    time together, the latencies' percentiles over all their requests."""
    requests = sum(run["requests"] for run in runs)
    statuses: dict[str, int] = {}
    for run in runs:
        for key, count in run["statuses"].items():
            statuses[key] = statuses.get(key, 0) + count
    return {
        "requests": requests,
        "unsent_slots": sum(run["unsent_slots"] for run in runs),
        "per_second": round(requests / sum(run["elapsed"] for run in runs), 1),
        **_percentiles([latency for run in runs for latency in run["latencies"]]),
        "statuses": statuses,
    }


def _percentiles(latencies: list[float]) -> dict[str, float | None]:
    """The median and the 99th percentile of ``latencies`` (seconds), in milliseconds."""
    ordered = sorted(latencies)
    if not ordered:
        return {"p50_ms": None, "p99_ms": None}
    return {
        "p50_ms": round(1000 * statistics.median(ordered), 1),
        "p99_ms": round(1000 * ordered[int(0.99 * (len(ordered) - 1))], 1),
    }


def bench_database(name: str, *, database_url: str, args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory(prefix="corrigo-load-") as data_dir:
        server = Server(Path(data_dir), workers=args.workers, database_url=database_url, task_worker=True)
        with running(server):
            work, port = Workload(server), server.port

            def reports(seconds: float, rate: float | None):
                return work.report_requests(port, round(seconds * (rate or SATURATED_PER_SECOND)))

            warmup = asyncio.run(_run(port, reports(args.warmup, args.rate), seconds=args.warmup, rate=args.rate))
            paced = asyncio.run(_run(port, reports(args.duration, args.rate), seconds=args.duration, rate=args.rate))
            saturated_runs, noop_runs, drains = [], [], []
            for _ in range(args.rounds):
                saturated_runs.append(
                    asyncio.run(_run(port, reports(args.saturation, None), seconds=args.saturation, rate=None))
                )
                # The no-op runs on a quiet server: the reports left to place would take the cores from it.
                drains.append(server.wait_placed())
                noop_runs.append(asyncio.run(_run(port, noop_requests(port), seconds=args.saturation, rate=None)))
        saturated, baseline = _merged(saturated_runs), _merged(noop_runs)
        acked = [id_ for run in (warmup, paced, *saturated_runs) for id_ in run["acked"]]
        warmup, paced = _figures(warmup), _figures(paced)
        lost = len(acked) - len(work.stored(acked))
        unplaced = len(acked) - lost - len(work.placed(acked))
        ratio = saturated["per_second"] / baseline["per_second"] if baseline["per_second"] else None
        from django.db import connections

        connections.close_all()
    return {
        "database": name,
        "workers": args.workers,
        "clients": CLIENTS,
        "warmup": {"offered_per_second": args.rate, "seconds": args.warmup, **warmup},
        "paced": {"offered_per_second": args.rate, "seconds": args.duration, **paced},
        "saturation": {"seconds": args.saturation * args.rounds, **saturated},
        "noop": {"seconds": args.saturation * args.rounds, **baseline},
        "rounds": [
            {
                "reports_per_second": r["per_second"],
                "noop_per_second": n["per_second"],
                "ratio": round(r["per_second"] / n["per_second"], 3) if n["per_second"] else None,
            }
            for r, n in zip(saturated_runs, noop_runs, strict=True)
        ],
        "reports_per_second": saturated["per_second"],
        "p50_ms": paced["p50_ms"],
        "p99_ms": paced["p99_ms"],
        "acknowledged": len(acked),
        "lost": lost,
        "placement": {"drain_seconds": round(max(drains), 1), "unplaced": unplaced},
        "ratio_to_noop": round(ratio, 3) if ratio else None,
        "targets_met": {
            "lost_0": lost == 0,
            "all_placed": unplaced == 0,
            "p99_le_100ms_at_rate": paced["p99_ms"] is not None and paced["p99_ms"] <= 100,
            "ratio_ge_0_5": ratio is not None and ratio >= 0.5,
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of the paced run (default 60)")
    parser.add_argument("--warmup", type=float, default=10.0, help="seconds of the unmeasured paced run (default 10)")
    parser.add_argument("--rate", type=float, default=200.0, help="reports/s offered in the paced run (default 200)")
    parser.add_argument("--saturation", type=float, default=15.0, help="seconds of each saturated run (default 15)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="saturated and no-op runs, alternately, of each kind (default 3)"
    )
    parser.add_argument(
        "--workers", type=int, default=WORKERS, help=f"gunicorn sync workers (default {WORKERS}, one per core)"
    )
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="bench one database only")
    args = parser.parse_args()
    if args.only is None:
        # One process per database: Django reads its database settings once per process.
        results = []
        for name in ("sqlite", "postgresql"):
            command = [sys.executable, __file__, "--only", name, *sys.argv[1:]]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            sys.stderr.write(done.stderr)
            results += json.loads(done.stdout)["results"]
    elif args.only == "sqlite":
        results = [bench_database("sqlite", database_url="", args=args)]
    else:
        url = postgres_url("corrigo_bench_load")
        results = [
            bench_database("postgresql", database_url=url, args=args)
            if url
            else {"database": "postgresql", "skipped": "no PostgreSQL on 127.0.0.1:5432"}
        ]
    note = f"client and server share this machine's {os.cpu_count()} cores; figures are for loopback only"
    print(json.dumps({"bench": "load", "note": note, "results": results}, indent=2))
    return 0 if all(r.get("lost", 0) == 0 and r.get("placement", {}).get("unplaced", 0) == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
