"""The events corrigo announces by webhook, and their payloads.

Each event becomes one delivery per endpoint that wants it, stored in the caller's transaction; the
deliveries are handed to the task worker after the commit, so a rolled-back decision sends nothing.
"""

from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone

from corrigo.articles.models import Article
from corrigo.cases.models import Case
from corrigo.corrections.models import Correction
from corrigo.integrations.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from corrigo.integrations.tasks import webhook_deliver
from corrigo.sites.models import Site


def event_emit(*, site: Site, event: WebhookEvent, data: dict[str, Any]) -> list[WebhookDelivery]:
    """Store a delivery of ``event`` for each of the site's endpoints that wants it; send after commit."""
    endpoints = [e for e in WebhookEndpoint.objects.filter(site=site, active=True) if e.wants(event)]
    payload = {"type": event.value, "timestamp": timezone.now().isoformat(), "data": data}
    deliveries = [
        WebhookDelivery.objects.create(endpoint=e, site=site, event=event, payload=payload) for e in endpoints
    ]
    for delivery in deliveries:
        transaction.on_commit(partial(webhook_deliver.enqueue, delivery_id=delivery.pk, attempt=1))
    return deliveries


def article_data(article: Article) -> dict[str, Any]:
    """An article as webhooks describe it."""
    return {"url": article.url, "cms_id": article.cms_id, "title": article.title}


def selector_data(item: Case | Correction) -> dict[str, Any] | None:
    """The W3C selectors of a passage (quote and position, in code points), or None without one."""
    if item.start is None or item.end is None:
        return None
    return {
        "exact": item.exact,
        "prefix": item.prefix,
        "suffix": item.suffix,
        "start": item.start,
        "end": item.end,
        "version": item.version.number,
    }


def case_data(case: Case) -> dict[str, Any]:
    """A case as webhooks describe it."""
    return {"id": case.pk, "kind": case.kind, "status": case.status}


def case_created_emit(*, case: Case) -> list[WebhookDelivery]:
    """Announce a newly opened case."""
    data = {"case": case_data(case), "article": article_data(case.article), "selector": selector_data(case)}
    return event_emit(site=case.site, event=WebhookEvent.CASE_CREATED, data=data)


def case_accepted_emit(*, correction: Correction, case: Case) -> list[WebhookDelivery]:
    """Announce an accepted case with its selector and final wording, so a CMS can apply the fix."""
    data = {
        "case": case_data(case),
        "article": article_data(correction.article),
        "correction": {"id": str(correction.public_id), "kind": correction.kind, "severity": correction.severity},
        "selector": selector_data(correction),
        "before": correction.before_text,
        "final_wording": correction.after_text,
    }
    return event_emit(site=correction.site, event=WebhookEvent.CASE_ACCEPTED, data=data)


def correction_published_emit(*, correction: Correction) -> list[WebhookDelivery]:
    """Announce a published notice."""
    data = {
        "correction": {
            "id": str(correction.public_id),
            "kind": correction.kind,
            "severity": correction.severity,
            "text": correction.wording,
            "published_at": correction.published_at.isoformat() if correction.published_at else None,
        },
        "article": article_data(correction.article),
    }
    return event_emit(site=correction.site, event=WebhookEvent.CORRECTION_PUBLISHED, data=data)
