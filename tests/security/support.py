"""Helpers of the security tests: submissions with a chosen challenge age, and a JSON poster."""

import json
import time
import uuid
from typing import Any

from django.test import Client

from corrigo.antispam.challenge import challenge_issue
from corrigo.sites.models import Site
from tests.factories import ORIGIN, report_payload

URL = "/api/v1/reports"


def challenge_aged(site: Site, seconds: float) -> str:
    """A genuine challenge of ``site`` issued ``seconds`` ago."""
    return str(challenge_issue(site=site, now=time.time() - seconds)["challenge"])


def submission(site: Site, *, age: float | None = 30.0, **fields: Any) -> dict[str, Any]:
    """A valid report body whose challenge was issued ``age`` seconds ago (None: no challenge)."""
    body = report_payload(site, client_id=str(uuid.uuid4()), **fields)
    if age is None:
        body.pop("challenge")
    elif "challenge" not in fields:
        body["challenge"] = challenge_aged(site, age)
    return body


def send(body: dict[str, Any], *, address: str = "203.0.113.7", origin: str = ORIGIN):
    """POST a report from ``address`` on ``origin``."""
    client = Client(HTTP_ORIGIN=origin, REMOTE_ADDR=address)
    return client.post(URL, data=json.dumps(body), content_type="application/json")
