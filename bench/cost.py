"""Cost bench: where the machine's time goes per report and per no-op at saturation; prints JSON.

Run from the project root: ``.venv/bin/python bench/cost.py [--postgresql] [--no-worker]``.

The server of ``bench/load.py`` (gunicorn with one sync worker per core unless ``--workers``,
production settings, the task worker beside it unless ``--no-worker``) is warmed up at 200
reports/s for ``--warmup`` s, then 64 clients send reports back to back for ``--seconds`` s, then
no-ops (``GET /api/v1/health``) for as long, once every report is placed. For each run it reads the
CPU time (user + system) of gunicorn's processes, of the task worker, of this process (the bench
client) and, with ``--postgresql``, of the database server's processes, and the machine's own
accounting from ``/proc/stat`` (user, niced, system, idle, disk wait, interrupts), all divided by
the requests answered: milliseconds of CPU per request. Linux only (it reads ``/proc``).
"""

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import SATURATED_PER_SECOND, _run
from bench.server import WORKERS, Server, postgres_url, running
from bench.workload import Workload, noop_requests

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
MACHINE = ("user", "nice", "system", "idle", "iowait", "irq", "softirq")


def _processes() -> dict[int, tuple[int, str, int]]:
    """Every process: its parent, its name and its CPU time so far (user + system, in ticks)."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                raw = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            name, fields = raw[raw.index("(") + 1 : raw.rindex(")")], raw[raw.rindex(")") + 2 :].split()
            found[int(entry)] = (int(fields[1]), name, int(fields[11]) + int(fields[12]))
    return found


def _tree_ticks(processes: dict[int, tuple[int, str, int]], root: int | None) -> int:
    """The CPU ticks of ``root`` and all its descendants alive now."""
    if root is None:
        return 0
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, (parent, _, _) in processes.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(processes[pid][2] for pid in tree if pid in processes)


def _snapshot(server: Server) -> dict[str, float]:
    processes = _processes()
    machine = Path("/proc/stat").read_text().splitlines()[0].split()[1:8]
    return {
        "gunicorn": _tree_ticks(processes, server.process.pid),
        "task_worker": _tree_ticks(processes, server.worker.pid if server.worker else None),
        "client": processes[os.getpid()][2],  # this process alone: the servers are its children
        "postgresql": sum(ticks for _, name, ticks in processes.values() if name.startswith("postgres")),
        **{f"machine_{name}": int(value) for name, value in zip(MACHINE, machine, strict=True)},
    }


def _measure(server: Server, make, seconds: float, *, placed: bool = False) -> dict:
    """The run's CPU per request. With ``placed``, the processes' CPU is read once its reports are all
    placed, so the placing of the last few seconds' reports is counted with them and not with the next
    run; the machine's accounting (idle time above all) is read at the end of the run."""
    before = _snapshot(server)
    run = asyncio.run(_run(server.port, make, seconds=seconds, rate=None))
    after = _snapshot(server)
    if placed:
        server.wait_placed()
        after.update({key: value for key, value in _snapshot(server).items() if not key.startswith("machine_")})
    per_request = {key: round((after[key] - before[key]) * TICK_MS / run["requests"], 3) for key in before}
    return {"requests": run["requests"], "per_second": run["per_second"], "cpu_ms_per_request": per_request}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgresql", action="store_true", help="PostgreSQL on 127.0.0.1:5432 instead of SQLite")
    parser.add_argument("--no-worker", action="store_true", help="without the task worker (nothing is placed)")
    parser.add_argument("--warmup", type=float, default=25.0, help="seconds at 200 reports/s first (default 25)")
    parser.add_argument("--workers", type=int, default=WORKERS, help=f"gunicorn sync workers (default {WORKERS})")
    parser.add_argument("--seconds", type=float, default=10.0, help="seconds of each saturated run (default 10)")
    args = parser.parse_args()
    url = ""
    if args.postgresql:
        url = postgres_url("corrigo_bench_cost")
        if url is None:
            print(json.dumps({"bench": "cost", "skipped": "no PostgreSQL on 127.0.0.1:5432"}))
            return 0
    with tempfile.TemporaryDirectory(prefix="corrigo-cost-") as data_dir:
        server = Server(Path(data_dir), workers=args.workers, database_url=url, task_worker=not args.no_worker)
        with running(server):
            work, port = Workload(server), server.port
            warmup = work.report_requests(port, round(200 * args.warmup))
            asyncio.run(_run(port, warmup, seconds=args.warmup, rate=200))
            if server.worker:
                server.wait_placed()
            saturated = work.report_requests(port, round(SATURATED_PER_SECOND * args.seconds))
            reports = _measure(server, saturated, args.seconds, placed=bool(server.worker))
            noops = _measure(server, noop_requests(port), args.seconds)
    result = {
        "bench": "cost",
        "database": "postgresql" if args.postgresql else "sqlite",
        "task_worker": not args.no_worker,
        "report": reports,
        "noop": noops,
        "ratio": round(reports["per_second"] / noops["per_second"], 3),
        "note": f"client and server share this machine's {os.cpu_count()} cores; CPU in ms per request",
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
