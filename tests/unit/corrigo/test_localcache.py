"""The process-local cache keeps the objects themselves, with LocMemCache's expiry."""

import pytest

from corrigo.localcache import ProcessLocalCache


@pytest.fixture
def local():
    cache = ProcessLocalCache("test-localcache", {"TIMEOUT": 10})
    yield cache
    cache.clear()


def test_a_get_returns_the_object_stored_not_a_copy(local):
    value = frozenset({"https://news.example"})
    local.set("origins", value)
    assert local.get("origins") is value


def test_add_keeps_the_first_value_and_incr_adds(local):
    assert local.add("n", 1)
    assert not local.add("n", 5)
    assert local.incr("n", 2) == 3
    assert local.get("n") == 3
    with pytest.raises(ValueError):
        local.incr("missing")


def test_an_entry_expires_with_its_timeout(local, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr("django.core.cache.backends.base.time.time", lambda: now[0])
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: now[0])
    local.set("site", object(), timeout=10)
    now[0] += 9
    assert local.get("site") is not None
    now[0] += 2
    assert local.get("site", "gone") == "gone"
