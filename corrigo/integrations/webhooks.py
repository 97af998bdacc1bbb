"""Sending one webhook: the body, the Standard Webhooks signature headers, the HTTP request.

A standard endpoint receives the event's JSON with ``webhook-id`` (the same on every retry),
``webhook-timestamp`` and ``webhook-signature`` (``v1,<base64 HMAC-SHA256 of id.timestamp.body>``).
A chat endpoint receives a Slack-compatible ``{"text": ...}`` message in the site's language.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from standardwebhooks.webhooks import Webhook

from corrigo import __version__
from corrigo.integrations.models import WebhookDelivery, WebhookEvent, WebhookFormat

TIMEOUT = 10
"""Seconds to wait for an endpoint's answer."""


@dataclass(frozen=True)
class Attempt:
    """The outcome of one HTTP attempt."""

    ok: bool
    status_code: int | None
    error: str


def body_of(delivery: WebhookDelivery, language: str) -> str:
    """The request body: the signed event, or a chat message for a Slack-compatible endpoint."""
    if delivery.endpoint.format == WebhookFormat.SLACK:
        with translation.override(language):
            return json.dumps({"text": chat_text(delivery.event, delivery.payload["data"])}, ensure_ascii=False)
    return json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":"))


def chat_text(event: str, data: dict[str, Any]) -> str:
    """One line for a chat channel, in the active language."""
    title = data["article"]["title"] or data["article"]["url"]
    link = f"<{data['article']['url']}|{title}>"
    if event == WebhookEvent.CASE_CREATED:
        exact = (data.get("selector") or {}).get("exact", "")
        return _("New report on %(article)s: “%(passage)s”") % {"article": link, "passage": exact}
    if event == WebhookEvent.CASE_ACCEPTED:
        values = {"article": link, "before": data["before"], "after": data["final_wording"]}
        return _("Fix accepted on %(article)s: “%(before)s” → “%(after)s”") % values
    return _("Correction published on %(article)s: %(text)s") % {"article": link, "text": data["correction"]["text"]}


def signed_headers(*, secret: str, message_id: str, when: datetime, body: str) -> dict[str, str]:
    """The Standard Webhooks headers for ``body``."""
    signature = Webhook(secret).sign(message_id, when, body)
    return {"webhook-id": message_id, "webhook-timestamp": str(int(when.timestamp())), "webhook-signature": signature}


def attempt_send(delivery: WebhookDelivery, language: str) -> Attempt:
    """POST the delivery once; any 2xx answer is a success."""
    body = body_of(delivery, language)
    headers = signed_headers(
        secret=delivery.endpoint.secret, message_id=delivery.message_id, when=timezone.now(), body=body
    )
    headers.update({"Content-Type": "application/json", "User-Agent": f"corrigo/{__version__}"})
    request = urllib.request.Request(delivery.endpoint.url, data=body.encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return Attempt(200 <= response.status < 300, response.status, "")
    except urllib.error.HTTPError as exc:
        exc.close()
        return Attempt(False, exc.code, f"HTTP {exc.code}")
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        return Attempt(False, None, str(getattr(exc, "reason", exc))[:500])
