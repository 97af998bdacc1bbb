"""Fixtures shared by the whole suite."""

import json
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client

from tests.factories import ORIGIN, site_create


@pytest.fixture(autouse=True)
def _forget_local_cache():
    """Each test starts without another test's sites in the process-local cache."""
    caches["local"].clear()
    yield
    caches["local"].clear()


@pytest.fixture
def site(db: None):
    """A site allowing https://news.example."""
    return site_create()


@pytest.fixture
def api_client() -> Client:
    """A client for the public API that sends JSON from the site's origin."""
    return Client(HTTP_ORIGIN=ORIGIN)


def post_json(client: Client, path: str, body: Any, **headers: Any):
    """POST ``body`` as JSON."""
    return client.post(path, data=json.dumps(body), content_type="application/json", **headers)
