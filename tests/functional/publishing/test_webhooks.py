"""Signed webhooks: a real receiver on 127.0.0.1 verifies them and sees retries after a failure."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from standardwebhooks.webhooks import Webhook

from corrigo.integrations.models import DeliveryStatus, WebhookDelivery, WebhookFormat
from corrigo.integrations.selectors import webhook_deliveries_of_site
from corrigo.integrations.services import webhook_endpoint_create
from tests.factories import site_create, user_create
from tests.publishing import Receiver, accepted, case_reported, report_made

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> None:
    """Run every task that is due, as ``corrigo db_worker --batch`` does."""
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


def verified(receiver: Receiver, secret: str) -> list[dict]:
    """Every body the receiver got, each checked with the standardwebhooks library."""
    return [Webhook(secret).verify(body, headers) for headers, body in receiver.requests]


@pytest.mark.django_db(transaction=True)
def test_a_failed_delivery_is_retried_later_with_the_same_id_and_a_valid_signature(settings):
    settings.TASKS = DATABASE_TASKS
    settings.CORRIGO_PLACE_DELAY = 0
    site = site_create()
    with Receiver([500]) as receiver:
        endpoint = webhook_endpoint_create(site=site, url=receiver.url, created_by=None, events=["case.accepted"])
        report = report_made(site)
        run_worker()  # places the report in its case
        report.refresh_from_db()
        accepted(report.case, user_create(site=site))
        run_worker()
        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.PENDING, 1, 500)
        assert delivery.next_attempt_at > timezone.now()
        run_worker()
        assert len(receiver.requests) == 1, "the retry waits for its back-off"
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - datetime.timedelta(seconds=1))
        run_worker()
        delivery.refresh_from_db()
        bodies = verified(receiver, endpoint.secret)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.DELIVERED, 2, 200)
    assert len(bodies) == 2 and bodies[0] == bodies[1]
    assert receiver.requests[0][0]["webhook-id"] == receiver.requests[1][0]["webhook-id"] == delivery.message_id
    data = bodies[0]["data"]
    assert bodies[0]["type"] == "case.accepted"
    assert (data["before"], data["final_wording"], data["selector"]["exact"]) == ("recieved", "received", "recieved")


@pytest.mark.django_db
def test_every_event_is_signed_and_logged_for_its_own_site_only(django_capture_on_commit_callbacks):
    site, other = site_create(), site_create()
    with Receiver([]) as receiver:
        endpoint = webhook_endpoint_create(site=site, url=receiver.url, created_by=None)
        webhook_endpoint_create(site=other, url=receiver.url, created_by=None)
        with django_capture_on_commit_callbacks(execute=True):
            case = case_reported(site)
        with django_capture_on_commit_callbacks(execute=True):
            correction = accepted(case, user_create(site=site))
        bodies = verified(receiver, endpoint.secret)
    assert [b["type"] for b in bodies] == ["case.created", "case.accepted", "correction.published"]
    assert bodies[2]["data"]["correction"] == {
        "id": str(correction.public_id),
        "kind": "correction",
        "severity": "minor",
        "text": correction.wording,
        "published_at": correction.published_at.isoformat(),
    }
    log = list(webhook_deliveries_of_site(site=site))
    assert len(log) == 3 and {d.status for d in log} == {DeliveryStatus.DELIVERED}
    assert list(webhook_deliveries_of_site(site=other)) == []


@pytest.mark.django_db
def test_a_rolled_back_decision_sends_nothing(django_capture_on_commit_callbacks):
    site = site_create()
    with Receiver([]) as receiver:
        webhook_endpoint_create(site=site, url=receiver.url, created_by=None, events=["case.accepted"])
        case = case_reported(site)
        with pytest.raises(ValueError), django_capture_on_commit_callbacks(execute=True):
            accepted(case, user_create(site=site), kind="nonsense")
    assert receiver.requests == []
    assert WebhookDelivery.objects.count() == 0


@pytest.mark.django_db
def test_a_chat_endpoint_gets_a_slack_compatible_message(django_capture_on_commit_callbacks):
    site = site_create()
    with Receiver([]) as receiver:
        webhook_endpoint_create(
            site=site, url=receiver.url, created_by=None, events=["correction.published"], format=WebhookFormat.SLACK
        )
        with django_capture_on_commit_callbacks(execute=True):
            correction = accepted(case_reported(site), user_create(site=site))
        bodies = receiver.bodies()
    assert list(bodies[0]) == ["text"]
    assert bodies[0]["text"].startswith("Correction published on <https://news.example/2026/bike-lanes|")
    assert correction.wording in bodies[0]["text"]


@pytest.mark.django_db
def test_without_a_deferring_backend_a_failed_delivery_is_logged_as_failed(django_capture_on_commit_callbacks):
    site = site_create()
    with Receiver([503]) as receiver:
        webhook_endpoint_create(site=site, url=receiver.url, created_by=None, events=["case.accepted"])
        with django_capture_on_commit_callbacks(execute=True):
            accepted(case_reported(site), user_create(site=site))
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (DeliveryStatus.FAILED, 1, "HTTP 503")
