"""Report bodies for the benches: realistic articles and typo selections, with genuine challenges
minted with the server's key (the widget would fetch them from its configuration)."""

import os
import random
import time
import uuid
from collections import deque
from collections.abc import Callable
from typing import Any

from bench.client import encode
from bench.server import ORIGIN, SITE_KEY, Server

WORDS = (
    "council plan street budget mayor school river bridge season report market station library hospital "
    "election housing transport police weather festival museum harbour factory stadium theatre"
).split()
TYPOS = ["recieved", "goverment", "seperate", "occured", "definately", "accomodate", "untill", "wich"]


def article_text(rng: random.Random, paragraphs: int = 12) -> str:
    """A news-like article of about 3 KB containing a few typos."""
    blocks = []
    for _ in range(paragraphs):
        words = [rng.choice(WORDS) for _ in range(rng.randint(25, 45))]
        words[rng.randrange(len(words))] = rng.choice(TYPOS)
        blocks.append(" ".join(words).capitalize() + ".")
    return "\n".join(blocks)


HEADERS = {"Origin": ORIGIN}


class Prepared:
    """Requests encoded before a run (``bench.client.encode``), taken one by one during it.

    During the run the client then only sends and receives, and its own work takes less of the cores
    it shares with the server. A run that outlasts them gets more, made on the way.
    """

    def __init__(self, make: Callable[[], bytes], count: int) -> None:
        self._make = make
        self._ready = deque(make() for _ in range(count))

    def __call__(self) -> bytes:
        return self._ready.popleft() if self._ready else self._make()


def noop_requests(port: int) -> Callable[[], bytes]:
    """The server's no-op (``GET /api/v1/health``, no database), the yardstick of a report's cost."""
    data = encode(port, "GET", "/api/v1/health", headers=HEADERS)
    return lambda: data


class Workload:
    """Bodies for ``POST /api/v1/reports`` on ``articles`` articles of the bench site."""

    def __init__(self, server: Server, *, articles: int = 40, seed: int = 8) -> None:
        os.environ.update(server.env)
        import django

        django.setup()
        from corrigo.antispam.challenge import challenge_issue
        from corrigo.sites.models import Site

        self._issue = challenge_issue
        self.site = Site.objects.get(public_key=SITE_KEY)
        self.rng = random.Random(seed)
        self.articles = [(f"{ORIGIN}/2026/story-{n}", article_text(self.rng)) for n in range(articles)]

    def report_requests(self, port: int, count: int) -> Prepared:
        """New reports as the bench client sends them, ``count`` of them encoded at once."""
        return Prepared(lambda: encode(port, "POST", "/api/v1/reports", body=self.body(), headers=HEADERS), count)

    def body(self, **fields: Any) -> dict[str, Any]:
        """A new report on a random typo of a random article."""
        url, text = self.rng.choice(self.articles)
        word = self.rng.choice([t for t in TYPOS if t in text])
        start = text.index(word)
        end = start + len(word)
        body = {
            "site": SITE_KEY,
            "url": url,
            "title": "Bench story",
            "client_id": str(uuid.uuid4()),
            "kind": "typo",
            "selector": {
                "exact": word,
                "prefix": text[max(0, start - 32) : start],
                "suffix": text[end : end + 32],
                "start": start,
                "end": end,
            },
            "text": text,
            "proposed": "received",
            "comment": "",
            "lang": "en",
            "challenge": self._issue(site=self.site, now=time.time() - 20)["challenge"],
        }
        return {**body, **fields}

    def stored(self, ids: list[str]) -> set[str]:
        """Which of the acknowledged report ids are in the database."""
        return self._found(ids)

    def placed(self, ids: list[str]) -> set[str]:
        """Which of the acknowledged report ids are in the database and in a case."""
        return self._found(ids, case__isnull=False)

    def _found(self, ids: list[str], **conditions: Any) -> set[str]:
        from django.db import close_old_connections

        from corrigo.reports.models import Report

        close_old_connections()
        found: set[str] = set()
        for chunk in range(0, len(ids), 500):
            rows = Report.objects.filter(pk__in=ids[chunk : chunk + 500], **conditions).values_list("pk", flat=True)
            found.update(str(pk) for pk in rows)
        return found
