"""A webhook's body and signature headers, checked with the standardwebhooks library."""

import json

import pytest
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from corrigo.integrations.models import WebhookDelivery, WebhookFormat
from corrigo.integrations.services import webhook_endpoint_create
from corrigo.integrations.webhooks import body_of, chat_text, signed_headers

pytestmark = pytest.mark.django_db


def test_signed_headers_verify_with_the_standard_library():
    secret = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = json.dumps({"type": "case.accepted"})
    headers = signed_headers(secret=secret, message_id="msg_1", when=timezone.now(), body=body)
    assert Webhook(secret).verify(body, headers) == {"type": "case.accepted"}
    assert headers["webhook-id"] == "msg_1"


def test_a_chat_endpoint_gets_one_line_in_the_sites_language(site):
    site.default_language = "uk"
    endpoint = webhook_endpoint_create(
        site=site, url="https://chat.example/hook", created_by=None, format=WebhookFormat.SLACK
    )
    data = {
        "article": {"url": "https://news.example/a", "title": "Bike lanes", "cms_id": ""},
        "correction": {"text": "Notice."},
    }
    delivery = WebhookDelivery(endpoint=endpoint, site=site, event="correction.published", payload={"data": data})
    text = json.loads(body_of(delivery, "uk"))["text"]
    assert text.startswith("Виправлення опубліковано") and "<https://news.example/a|Bike lanes>" in text


def test_chat_text_of_an_accepted_fix_shows_both_wordings():
    data = {
        "article": {"url": "https://news.example/a", "title": ""},
        "before": "recieved",
        "final_wording": "received",
    }
    assert "“recieved” → “received”" in chat_text("case.accepted", data)
