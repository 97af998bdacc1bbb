"""Benchmark of the editors' desk on a large newsroom; prints one JSON object.

Run from the project root: ``.venv/bin/python bench/desk.py [--backends sqlite,postgres] [--repeat N]``.
Each backend runs in its own process, in a database made for the run and dropped afterwards (SQLite:
a file in the temporary folder; PostgreSQL: ``corrigo_bench`` on the server of ``--postgres``, by
Django's test-database machinery). The method is in ``bench/README.md`` (section Desk).
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SITES = 2
CASES = 20_000
REPORTS = 100_000
ARTICLES_PER_SITE = 2_000
DAYS = 90
WORDS = "council plan parking street budget school river bridge mayor election hospital station".split()


def article_text(rng: random.Random) -> str:
    """About 1,500 characters in paragraphs, with words the cases can point at."""
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(6)]
    return "\n".join(paragraphs)


def build(rng: random.Random) -> dict:
    """Create the sites, an editor of both, articles, cases and reports with bulk inserts."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from corrigo.anchoring import text_sha256
    from corrigo.articles.models import Article, ArticleVersion, VersionSource
    from corrigo.cases.models import Case, CaseStatus, Kind
    from corrigo.cases.priority import priority_score
    from corrigo.reports.models import Report
    from corrigo.sites.models import Membership, Role, Site

    for model in (Case, Report):
        model._meta.get_field("created_at").auto_now_add = False  # the bench dates rows over 90 days
    now = timezone.now()
    editor = get_user_model().objects.create_user(username="bench", password="bench-pw-123")
    sites = [Site.objects.create(name=f"Bench {n}", slug=f"bench-{n}", public_key=f"bench-{n}") for n in range(SITES)]
    Membership.objects.bulk_create([Membership(user=editor, site=s, role=Role.EDITOR) for s in sites])
    articles = Article.objects.bulk_create(
        [
            Article(site=s, url=f"https://news.example/{s.slug}/{n}", title=f"Article {n}")
            for s in sites
            for n in range(ARTICLES_PER_SITE)
        ]
    )
    texts = {a.pk: article_text(rng) for a in articles}
    versions = ArticleVersion.objects.bulk_create(
        [
            ArticleVersion(
                article=a, number=1, text=texts[a.pk], sha256=text_sha256(texts[a.pk]), source=VersionSource.CMS
            )
            for a in articles
        ],
        batch_size=2_000,
    )
    by_article = {v.article_id: v for v in versions}
    counts = [1] * CASES
    for _ in range(REPORTS - CASES):
        counts[min(int(rng.paretovariate(1.3)) - 1, CASES - 1) if rng.random() < 0.3 else rng.randrange(CASES)] += 1
    kinds = [Kind.TYPO] * 6 + [Kind.FACT] * 2 + [Kind.UNCLEAR, Kind.OTHER]
    statuses = (
        [CaseStatus.NEW] * 5 + [CaseStatus.IN_REVIEW] * 2 + [CaseStatus.ACCEPTED, CaseStatus.REJECTED, CaseStatus.FIXED]
    )
    cases = []
    for n in range(CASES):
        article = articles[rng.randrange(len(articles))]
        text = texts[article.pk]
        start = rng.randrange(0, len(text) - 20)
        end = start + rng.randint(4, 15)
        opened = now - timedelta(minutes=rng.randrange(DAYS * 24 * 60))
        status, kind = rng.choice(statuses), rng.choice(kinds)
        decided = (
            opened + timedelta(hours=rng.expovariate(1 / 20))
            if status not in (CaseStatus.NEW, CaseStatus.IN_REVIEW)
            else None
        )
        cases.append(
            Case(
                site_id=article.site_id,
                article=article,
                version=by_article[article.pk],
                start=start,
                end=end,
                exact=text[start:end],
                prefix=text[max(0, start - 32) : start],
                suffix=text[end : end + 32],
                kind=kind,
                status=status,
                report_count=counts[n],
                created_at=opened,
                decided_at=decided,
                priority=priority_score(opened=opened, kind=kind, report_count=counts[n], has_fix=True),
            )
        )
    cases = Case.objects.bulk_create(cases, batch_size=2_000)
    reports = []
    for case, count in zip(cases, counts, strict=True):
        for k in range(count):
            reports.append(
                Report(
                    site_id=case.site_id,
                    client_id=uuid.uuid4(),
                    article_id=case.article_id,
                    version_id=case.version_id,
                    case=case,
                    kind=case.kind,
                    exact=case.exact,
                    prefix=case.prefix,
                    suffix=case.suffix,
                    start=case.start,
                    end=case.end,
                    proposed=case.exact.upper() if k % 2 == 0 else "",
                    comment=f"Comment {k} on {case.exact}",
                    email=f"reader{k}@example.org" if k % 3 == 0 else "",
                    language="en",
                    created_at=case.created_at + timedelta(minutes=k * 7),
                )
            )
    Report.objects.bulk_create(reports, batch_size=5_000)
    return {"editor": editor, "sites": sites, "cases": [c.pk for c in cases]}


def measure(client, url: str, repeat: int) -> dict:
    """Median and 90th percentile of the server time (ms) and the number of queries of ``url``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times, database_times, queries = [], [], set()
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.add(len(captured))
        database_times.append(sum(float(query["time"]) for query in captured.captured_queries) * 1000)
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 1),
        "p90_ms": round(times[int(len(times) * 0.9) - 1], 1),
        "database_median_ms": round(statistics.median(database_times), 1),
        "queries": sorted(queries),
    }


def run_backend(backend: str, postgres: str, repeat: int, seed: int) -> dict:
    """Set up Django on ``backend``, make the bench database, fill it, measure, drop it."""
    os.environ["CORRIGO_ENV"] = "test"
    os.environ["DJANGO_SETTINGS_MODULE"] = "corrigo.settings"
    if backend == "postgres":
        os.environ["DATABASE_URL"] = postgres
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["CORRIGO_DATA_DIR"] = tempfile.mkdtemp(prefix="corrigo-bench-")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    bench_name = (
        "corrigo_bench" if backend == "postgres" else os.path.join(os.environ["CORRIGO_DATA_DIR"], "bench.sqlite3")
    )
    connection.settings_dict.setdefault("TEST", {})["NAME"] = bench_name
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        started = time.perf_counter()
        data = build(random.Random(seed))
        if backend == "postgres":
            # What autovacuum does after a bulk insert: statistics, and the visibility map that lets
            # counts read an index alone (the bench's server may run with autovacuum off).
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        build_seconds = round(time.perf_counter() - started, 1)
        client = Client()
        client.force_login(data["editor"])
        picks = random.Random(seed + 1).sample(data["cases"], 5)
        case_figures = [measure(client, f"/desk/cases/{pk}/", repeat) for pk in picks]
        figures = {
            "build_seconds": build_seconds,
            "queue": measure(client, "/desk/", repeat),
            "queue_size_200": measure(client, "/desk/?size=200", repeat),
            "queue_page_100": measure(client, "/desk/?page=100", repeat),
            "queue_fact_filter": measure(client, "/desk/?kind=fact&since=week", repeat),
            "queue_search": measure(client, "/desk/?q=bridge", max(3, repeat // 4)),
            "case_page": {
                "median_ms": round(statistics.median(f["median_ms"] for f in case_figures), 1),
                "p90_ms": round(max(f["p90_ms"] for f in case_figures), 1),
                "database_median_ms": round(statistics.median(f["database_median_ms"] for f in case_figures), 1),
                "queries": sorted({q for f in case_figures for q in f["queries"]}),
            },
            "numbers_page": measure(client, f"/desk/sites/{data['sites'][0].slug}/numbers/", max(3, repeat // 4)),
        }
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/test")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_backend(args.one, args.postgres, args.repeat, args.seed)))
        return
    result = {"reports": REPORTS, "cases": CASES, "sites": SITES, "repeat": args.repeat}
    for backend in args.backends.split(","):
        command = [
            sys.executable,
            __file__,
            "--one",
            backend,
            "--postgres",
            args.postgres,
            "--repeat",
            str(args.repeat),
            "--seed",
            str(args.seed),
        ]
        output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
        result[backend] = json.loads(output.strip().splitlines()[-1])
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
