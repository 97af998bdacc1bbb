"""The spam checks on a generated corpus: ≥ 1,000 bots of six kinds, ≥ 500 readers in six languages.

Targets: ≥ 95 % of bots held or rejected, ≤ 1 % of readers held, 0 replays accepted. Rate limits are
off here (every sender would share the article's and site's limits); they are measured on their own
in ``bench/ratelimit.py``.
"""

import json
import random

import pytest
from django.test import override_settings

from corrigo.reports.models import Report, Verdict
from tests.security.corpus import bots, humans
from tests.security.support import send

pytestmark = [pytest.mark.django_db, pytest.mark.long]
RELAXED = {f"CORRIGO_RATE_{name}": None for name in ("CLIENT", "CLIENT_HOUR", "ARTICLE", "SITE")}


def outcome(response) -> str:
    if response.status_code != 202:
        return f"rejected:{response.status_code}"
    report = Report.objects.get(pk=response.json()["id"])
    return f"{report.verdict}:{report.verdict_reason}" if report.verdict != Verdict.ACCEPTED else "accepted"


@override_settings(**RELAXED)
def test_bots_are_held_or_rejected_and_readers_are_not(site, capsys):
    rng = random.Random(20261126)
    corpus = bots(site, 200, rng) + humans(site, 600, rng)
    rng.shuffle(corpus)
    tally: dict[str, dict[str, int]] = {}
    replays_accepted = 0
    used: set[str] = set()
    for item in corpus:
        body = item.ready(site)
        result = outcome(send(body, address=item.address))
        tally.setdefault(item.kind, {}).setdefault(result, 0)
        tally[item.kind][result] += 1
        token = body.get("challenge")
        replays_accepted += bool(token) and token in used and result == "accepted"
        used.add(token)
    bot_total = sum(sum(v.values()) for k, v in tally.items() if k != "human")
    bot_passed = sum(v.get("accepted", 0) for k, v in tally.items() if k != "human")
    human_total = sum(tally["human"].values())
    human_held = human_total - tally["human"].get("accepted", 0)
    figures = {
        "bots": bot_total,
        "bots_caught_share": round(1 - bot_passed / bot_total, 4),
        "humans": human_total,
        "humans_held_share": round(human_held / human_total, 4),
        "replays_accepted": replays_accepted,
        "by_kind": tally,
    }
    with capsys.disabled():
        print("\nspam corpus:", json.dumps(figures, ensure_ascii=False))
    assert bot_total >= 1000 and human_total >= 500
    assert figures["bots_caught_share"] >= 0.95
    assert figures["humans_held_share"] <= 0.01
    assert replays_accepted == 0
