"""Background delivery of webhooks, retried with back-off by the task worker."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from corrigo.integrations.models import DeliveryStatus, WebhookDelivery
from corrigo.integrations.webhooks import attempt_send

logger = logging.getLogger(__name__)

RETRY_DELAYS = (5, 300, 1800, 7200, 18000, 36000)
"""Seconds before each retry after a failed attempt (the Standard Webhooks schedule); then it gives up."""


@task()
def webhook_deliver(*, delivery_id: int, attempt: int) -> str:
    """Make attempt number ``attempt`` of a delivery; a repeated or outdated run does nothing."""
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update()
            .select_related("endpoint", "site")
            .filter(pk=delivery_id, status=DeliveryStatus.PENDING, attempts=attempt - 1)
            .first()
        )
        if delivery is None:
            return "skipped"
        # Claim the attempt before the request, so that a second worker with the same task skips it.
        delivery.attempts = attempt
        delivery.next_attempt_at = None
        delivery.save(update_fields=["attempts", "next_attempt_at"])
    outcome = attempt_send(delivery, delivery.site.default_language)
    delivery.last_status_code, delivery.last_error = outcome.status_code, outcome.error
    if outcome.ok:
        delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED, timezone.now()
    elif attempt <= len(RETRY_DELAYS) and webhook_deliver.get_backend().supports_defer:
        delivery.next_attempt_at = timezone.now() + datetime.timedelta(seconds=RETRY_DELAYS[attempt - 1])
    else:
        delivery.status = DeliveryStatus.FAILED
    delivery.save(update_fields=["status", "delivered_at", "last_status_code", "last_error", "next_attempt_at"])
    if delivery.next_attempt_at is not None:
        webhook_deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery_id=delivery.pk, attempt=attempt + 1)
        logger.info(
            "webhook %s failed (%s); retry %s at %s",
            delivery.message_id,
            outcome.error,
            attempt,
            delivery.next_attempt_at,
        )
    return delivery.status
