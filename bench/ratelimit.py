"""Rate limits across 4 worker processes: gunicorn -w 4 with the database cache, default limits.

Run from the project root: ``.venv/bin/python bench/ratelimit.py``; prints JSON and exits 1 when a target is
missed (≥ 99 % of the excess refused, 0 honest reporters refused).

Clients are told apart by ``X-Forwarded-For`` (the server trusts one proxy: ``CORRIGO_PROXY_COUNT=1``).
``--flooders`` clients send ``--burst`` reports each, all at once; ``--honest`` readers send one report
each meanwhile. The run starts early in a rate-limit window (60 s) so that it stays inside one.
"""

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.client import request
from bench.server import ORIGIN, Server, running
from bench.workload import Workload

CLIENT_LIMIT = 10  # CORRIGO_RATE_CLIENT's default: 10 per 60 s


async def _send(port: int, body: dict, address: str) -> int:
    for _ in range(5):
        try:
            answer = await request(
                port, "POST", "/api/v1/reports", body=body, headers={"Origin": ORIGIN, "X-Forwarded-For": address}
            )
            return answer.status
        except OSError:
            await asyncio.sleep(0.2)
    return 0


async def _flood(port: int, work: Workload, args: argparse.Namespace) -> tuple[list[int], list[int]]:
    semaphore = asyncio.Semaphore(64)

    async def limited(body: dict, address: str) -> int:
        async with semaphore:
            return await _send(port, body, address)

    flood = [limited(work.body(), f"198.51.100.{f}") for f in range(args.flooders) for _ in range(args.burst)]
    honest = [
        limited(work.body(), f"203.0.113.{h % 250}") if h < 250 else limited(work.body(), f"192.0.2.{h % 250}")
        for h in range(args.honest)
    ]
    results = await asyncio.gather(*flood, *honest)
    return list(results[: len(flood)]), list(results[len(flood) :])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flooders", type=int, default=5)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--honest", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="corrigo-rate-") as data_dir:
        server = Server(Path(data_dir), workers=4, extra_env={"BENCH_RATE_LIMITS": "1", "CORRIGO_PROXY_COUNT": "1"})
        with running(server):
            work = Workload(server, articles=20)
            if 60 - time.time() % 60 < 20:
                time.sleep(60 - time.time() % 60 + 0.5)
            started = time.time()
            flood, honest = asyncio.run(_flood(server.port, work, args))
            seconds = time.time() - started
    excess = args.flooders * (args.burst - CLIENT_LIMIT)
    refused = sum(1 for s in flood if s == 429)
    figures = {
        "bench": "ratelimit",
        "workers": 4,
        "cache": "database (corrigo.antispam.cache.AtomicDatabaseCache on SQLite)",
        "seconds": round(seconds, 1),
        "flooders": args.flooders,
        "requests_per_flooder": args.burst,
        "flood_accepted": sum(1 for s in flood if s == 202),
        "excess": excess,
        "excess_refused": refused,
        "excess_refused_share": round(refused / excess, 4),
        "flood_other_statuses": sorted({s for s in flood if s not in (202, 429)}),
        "honest": args.honest,
        "honest_refused": sum(1 for s in honest if s != 202),
    }
    print(json.dumps(figures, indent=2))
    ok = (
        figures["excess_refused_share"] >= 0.99
        and figures["honest_refused"] == 0
        and figures["flood_accepted"] <= args.flooders * CLIENT_LIMIT
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
