"""Rate limits per client, article and site: 429 with Retry-After, counted, and expiring."""

import json
import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from corrigo.antispam.ratelimit import Limit, RateLimited, hit, limits_enforce
from tests.security.support import send, submission

pytestmark = pytest.mark.django_db


@override_settings(CORRIGO_RATE_CLIENT=(3, 60))
def test_a_client_over_its_limit_gets_429_with_retry_after_and_others_are_not_affected(site):
    answers = [send(submission(site), address="192.0.2.1") for _ in range(5)]
    assert [r.status_code for r in answers] == [202, 202, 202, 429, 429]
    refused = answers[-1]
    assert refused["Content-Type"] == "application/problem+json"
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert json.loads(refused.content)["status"] == 429
    assert send(submission(site), address="192.0.2.2").status_code == 202


@override_settings(CORRIGO_RATE_CLIENT=(1, 60))
def test_a_retry_over_the_limit_gets_the_stored_report_not_429(site):
    body = submission(site)
    first = send(body, address="192.0.2.1")
    retry = send(body, address="192.0.2.1")
    assert retry.status_code == 202
    assert retry.json()["id"] == first.json()["id"]
    assert send(submission(site), address="192.0.2.1").status_code == 429


@override_settings(CORRIGO_RATE_ARTICLE=(4, 60), CORRIGO_RATE_SITE=(6, 60))
def test_article_and_site_limits_count_every_client(site):
    article = [send(submission(site), address=f"192.0.2.{n}").status_code for n in range(5)]
    assert article == [202, 202, 202, 202, 429]
    other_article = [
        send(submission(site, url=f"https://news.example/other-{n}"), address=f"192.0.2.{50 + n}").status_code
        for n in range(3)
    ]
    assert other_article == [202, 202, 429]


def test_a_window_expires_by_itself():
    limits = [Limit("test", "x", 2, 60)]
    start = 1_000_020.0
    limits_enforce(limits, now=start)
    limits_enforce(limits, now=start + 1)
    with pytest.raises(RateLimited) as refused:
        limits_enforce(limits, now=start + 2)
    assert refused.value.retry_after == 58
    limits_enforce(limits, now=start + 61)


def test_counters_are_stored_with_an_expiry():
    key = "rl:test:expiry"
    assert hit(key, 1) == 1
    assert hit(key, 1) == 2
    time.sleep(2.1)
    assert cache.get(key) is None
    assert hit(key, 1) == 1
