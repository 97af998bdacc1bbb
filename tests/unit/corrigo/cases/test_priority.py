"""The queue's priority: more reports, factual errors, a proposed fix and freshness rank higher."""

from datetime import UTC, datetime, timedelta

import pytest

from corrigo.cases.models import Case
from corrigo.cases.priority import case_priority_refresh, priority_score
from tests.conftest import post_json
from tests.factories import report_payload

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def score(**changes):
    values = {"opened": NOW, "kind": "typo", "report_count": 1, "has_fix": False, **changes}
    return priority_score(**values)


def test_factual_errors_outrank_typos_of_the_same_age():
    assert score(kind="fact") > score(kind="typo")


def test_more_reports_rank_higher():
    assert score(report_count=8) > score(report_count=2) > score(report_count=1)


def test_a_proposed_fix_ranks_higher():
    assert score(has_fix=True) > score(has_fix=False)


def test_a_fresher_case_ranks_higher_at_equal_weight():
    assert score(opened=NOW) > score(opened=NOW - timedelta(hours=1))


def test_a_factual_error_from_yesterday_still_outranks_a_fresh_typo():
    assert score(kind="fact", opened=NOW - timedelta(days=1)) > score(kind="typo")


def test_the_order_does_not_depend_on_when_it_is_computed():
    older_heavy = score(opened=NOW - timedelta(hours=20), report_count=8)
    fresh_light = score(opened=NOW)
    assert older_heavy > fresh_light


@pytest.mark.django_db
def test_a_report_joining_a_case_updates_its_stored_priority(site, api_client):
    post_json(api_client, "/api/v1/reports", report_payload(site, proposed=""))
    case = Case.objects.get()
    case.machine_fix = ""
    case.save()
    before = case_priority_refresh(case_id=case.pk)
    post_json(api_client, "/api/v1/reports", report_payload(site, proposed="received"))
    case.refresh_from_db()
    assert case.report_count == 2
    assert case.priority > before
    assert case_priority_refresh(case_id=case.pk) == case.priority
