"""Spam screening over HTTP: the challenge, honeypot, fill time, proof of work, content and block list."""

import base64
import datetime
import json
import time

import pytest
from altcha import solve_challenge_v1
from django.test import RequestFactory, override_settings
from django.utils import timezone

from corrigo.antispam.challenge import challenge_issue
from corrigo.antispam.models import BlockedClient, RejectionCount
from corrigo.antispam.reasons import Reason
from corrigo.antispam.services import client_block
from corrigo.reports.models import Report, Verdict
from corrigo.reports.services import client_hash
from tests.factories import site_create
from tests.security.support import challenge_aged, send, submission

pytestmark = pytest.mark.django_db


def verdict_of(response) -> tuple[str, str]:
    assert response.status_code == 202, response.content
    report = Report.objects.get(pk=response.json()["id"])
    return report.verdict, report.verdict_reason


def test_a_report_with_a_genuine_challenge_is_accepted_into_a_case(site):
    response = send(submission(site))
    assert verdict_of(response) == (Verdict.ACCEPTED, "")
    assert Report.objects.get().case is not None


def test_a_report_without_a_challenge_is_held_not_dropped(site):
    response = send(submission(site, age=None))
    assert verdict_of(response) == (Verdict.HELD, Reason.NO_CHALLENGE)
    report = Report.objects.get()
    assert (report.case, report.version) == (None, None)


@override_settings(CORRIGO_REQUIRE_CHALLENGE=True)
def test_with_the_challenge_required_a_report_without_one_is_refused_and_counted(site):
    response = send(submission(site, age=None))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert not Report.objects.exists()
    assert RejectionCount.objects.get(site=site).reason == Reason.NO_CHALLENGE


def test_the_acknowledgement_carries_a_fresh_challenge_for_the_next_report(site):
    first = send(submission(site)).json()
    assert first["challenge"]["challenge"]
    assert first["challenge"]["pow"] is None


def test_a_replayed_challenge_is_refused_and_a_retry_with_the_same_id_is_not_a_replay(site):
    body = submission(site)
    assert send(body).status_code == 202
    assert send(body).status_code == 202  # the widget's retry: same client_id, same answer
    replay = submission(site, challenge=body["challenge"])
    response = send(replay)
    assert response.status_code == 403
    assert Report.objects.count() == 1
    assert RejectionCount.objects.get(site=site, reason=Reason.REPLAYED_CHALLENGE).count == 1


def test_a_retry_refused_now_gets_the_stored_report_and_counts_no_rejection(site):
    body = submission(site)
    first = send(body, address="203.0.113.99")
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.99")
    client_block(site=site, client_hash=client_hash(request), editor=None)
    retry = send(body, address="203.0.113.99")  # blocked since, and its answer was lost
    assert retry.status_code == 202
    assert retry.json()["id"] == first.json()["id"]
    assert not RejectionCount.objects.exists()
    assert send(submission(site), address="203.0.113.99").status_code == 403  # a new report is refused


@override_settings(CORRIGO_REQUIRE_CHALLENGE=True)
def test_a_retry_whose_challenge_is_refused_now_gets_the_stored_report(site):
    body = submission(site)
    first = send(body).json()["id"]
    assert send({**body, "challenge": ""}).json()["id"] == first
    assert Report.objects.count() == 1
    assert not RejectionCount.objects.exists()


def test_an_accepted_report_reads_nothing_of_the_reports_before_its_insert(site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    send(submission(site))  # the site, its article and the task run are known now
    with CaptureQueriesContext(connection) as queries:
        assert send(submission(site)).status_code == 202
    statements = [q["sql"] for q in queries.captured_queries if Report._meta.db_table in q["sql"]]
    assert statements[0].startswith("INSERT"), statements  # placing it (at once, in tests) reads after


def test_a_block_or_its_removal_applies_at_once_whoever_makes_it(site):
    send(submission(site), address="203.0.113.99")  # the site's block list is now kept by this process
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.99")
    block = BlockedClient.objects.create(
        site=site, client_hash=client_hash(request), expires_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert send(submission(site), address="203.0.113.99").status_code == 403
    block.delete()
    assert send(submission(site), address="203.0.113.99").status_code == 202


def test_a_challenge_of_another_site_or_tampered_is_refused(site):
    other = site_create()
    foreign = submission(site, challenge=challenge_aged(other, 30))
    assert send(foreign).status_code == 403
    token = challenge_aged(site, 30)
    tampered = submission(site, challenge=token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    assert send(tampered).status_code == 403
    assert not Report.objects.exists()


def test_a_report_sent_faster_than_a_person_can_is_held(site):
    assert verdict_of(send(submission(site, age=0.2))) == (Verdict.HELD, Reason.TOO_FAST)


def test_an_expired_challenge_is_held(site):
    assert verdict_of(send(submission(site, age=2 * 3600))) == (Verdict.HELD, Reason.EXPIRED_CHALLENGE)


def test_a_filled_honeypot_is_held(site):
    assert verdict_of(send(submission(site, website="http://spam.example"))) == (Verdict.HELD, Reason.HONEYPOT)


@pytest.mark.parametrize(
    "comment",
    [
        "Cheap pills http://a.example/x and https://b.example/y",
        'Great <a href="http://spam.example">site</a>',
        "[url=http://spam.example]click[/url]",
    ],
)
def test_links_are_held(site, comment):
    assert verdict_of(send(submission(site, comment=comment))) == (Verdict.HELD, Reason.LINKS)


def test_one_source_link_is_fine(site):
    body = submission(site, kind="fact", comment="The council minutes say otherwise: https://council.example/minutes")
    assert verdict_of(send(body)) == (Verdict.ACCEPTED, "")


@pytest.mark.parametrize("comment", ["!" * 40, "buy buy buy buy buy now", " ".join(["spam", "eggs"] * 20)])
def test_repetitive_text_is_held(site, comment):
    assert verdict_of(send(submission(site, comment=comment))) == (Verdict.HELD, Reason.REPEATED_TEXT)


def test_the_same_text_from_many_senders_is_held_after_a_few(site):
    comment = "Visit our wonderful store for the best deals of the season"
    verdicts = [verdict_of(send(submission(site, comment=comment), address=f"198.51.100.{n}")) for n in range(8)]
    assert verdicts[:5] == [(Verdict.ACCEPTED, "")] * 5
    assert verdicts[5:] == [(Verdict.HELD, Reason.REPEATED_TEXT)] * 3


def test_a_blocked_client_is_refused_on_that_site_only(site):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.99")
    client_block(site=site, client_hash=client_hash(request), editor=None)
    assert send(submission(site), address="203.0.113.99").status_code == 403
    other = site_create()
    assert send(submission(other), address="203.0.113.99").status_code == 202
    assert send(submission(site), address="203.0.113.100").status_code == 202


def test_a_block_that_has_expired_no_longer_refuses(site):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.99")
    block = client_block(site=site, client_hash=client_hash(request), editor=None)
    BlockedClient.objects.filter(pk=block.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert send(submission(site), address="203.0.113.99").status_code == 202


def solve(pow_challenge: dict) -> str:
    solution = solve_challenge_v1(
        pow_challenge["challenge"], pow_challenge["salt"], pow_challenge["algorithm"], pow_challenge["maxnumber"]
    )
    payload = {
        "algorithm": pow_challenge["algorithm"],
        "challenge": pow_challenge["challenge"],
        "number": solution.number,
        "salt": pow_challenge["salt"],
        "signature": pow_challenge["signature"],
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()


@override_settings(CORRIGO_PROOF_OF_WORK=True, CORRIGO_POW_MAX_NUMBER=2000)
def test_proof_of_work_when_on_is_altcha_compatible_and_bound_to_the_challenge(site):
    issued = challenge_issue(site=site, now=time.time() - 30)
    other = challenge_issue(site=site, now=time.time() - 30)
    assert set(issued["pow"]) == {"algorithm", "challenge", "maxnumber", "salt", "signature"}
    solved = submission(site, challenge=issued["challenge"], pow=solve(issued["pow"]))
    assert verdict_of(send(solved)) == (Verdict.ACCEPTED, "")
    assert verdict_of(send(submission(site))) == (Verdict.HELD, Reason.NO_PROOF_OF_WORK)
    mismatched = submission(site, challenge=other["challenge"], pow=solve(issued["pow"]))
    assert send(mismatched).status_code == 403
    garbage = submission(site, challenge=challenge_issue(site=site, now=time.time() - 30)["challenge"], pow="%%%")
    assert send(garbage).status_code == 403
