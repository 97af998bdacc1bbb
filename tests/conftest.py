"""Fixtures shared by the whole suite."""

import json
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client

from corrigo.reports.placement import queued_runs_forget
from tests.factories import ORIGIN, site_create


@pytest.fixture(autouse=True)
def _forget_local_cache():
    """Each test starts without another test's sites in the process-local cache, nor its task runs."""
    caches["local"].clear()
    queued_runs_forget()
    yield
    caches["local"].clear()
    queued_runs_forget()


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
