"""Builders of test data: real rows in the test database, with sensible defaults."""

import itertools
import time
import uuid
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser

from corrigo.antispam.challenge import challenge_issue
from corrigo.sites.models import Membership, Role, Site

_numbers = itertools.count(1)

ARTICLE_TEXT = (
    "Council approves bike lanes\n"
    "The plan, which the council first recieved last spring, replaces parking on Mill Street.\n"
    "Work starts in March and the regional goverment pays half."
)
ORIGIN = "https://news.example"


def site_create(**fields: Any) -> Site:
    """A site with its own key and the origin https://news.example allowed."""
    n = next(_numbers)
    defaults: dict[str, Any] = {
        "name": f"Site {n}",
        "slug": f"site-{n}",
        "public_key": f"key-{n}",
        "allowed_origins": [ORIGIN],
    }
    return Site.objects.create(**{**defaults, **fields})


def user_create(*, site: Site | None = None, role: str = Role.EDITOR, password: str = "pw-Secret-123") -> AbstractUser:
    """A user, member of ``site`` with ``role`` when given."""
    user = get_user_model().objects.create_user(username=f"user{next(_numbers)}", password=password)
    if site is not None:
        Membership.objects.create(user=user, site=site, role=role)
    return user


def report_payload(site: Site, word: str = "recieved", text: str = ARTICLE_TEXT, **fields: Any) -> dict[str, Any]:
    """A valid report body selecting the first occurrence of ``word`` in ``text``."""
    start = text.index(word)
    end = start + len(word)
    body: dict[str, Any] = {
        "site": site.public_key,
        "url": f"{ORIGIN}/2026/bike-lanes",
        "title": "Council approves bike lanes",
        "client_id": str(uuid.uuid4()),
        "kind": "typo",
        "selector": {
            "exact": word,
            "prefix": text[max(0, start - 32) : start],
            "suffix": text[end : end + 32],
            "start": start,
            "end": end,
        },
        "text": text,
        "proposed": "received",
        "comment": "",
        "lang": "en",
        # As the widget does: the challenge from its configuration, fetched when the reader began.
        "challenge": challenge_issue(site=site, now=time.time() - 30)["challenge"],
    }
    return {**body, **fields}
