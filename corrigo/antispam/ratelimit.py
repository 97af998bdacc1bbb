"""Fixed-window rate limits in Django's cache, shared by all worker processes and always expiring.

Each limit counts in a key named after its window (``rl:client:<hash>:60:<window number>``) that
expires with the window, so a counter never outlives it, whatever the cache backend.
"""

import math
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    """At most ``count`` hits per ``seconds`` for one subject (a client hash, a site, an article)."""

    scope: str
    subject: str
    count: int
    seconds: int


class RateLimited(Exception):
    """A limit is exhausted; the client may try again after ``retry_after`` seconds."""

    def __init__(self, limit: Limit, retry_after: int) -> None:
        super().__init__(f"rate limit {limit.scope} exceeded")
        self.limit = limit
        self.retry_after = retry_after


def hit(key: str, seconds: int) -> int:
    """Count one hit in ``key`` (created with a lifetime of ``seconds``); returns the new count."""
    try:
        return cache.incr(key)
    except ValueError:
        if cache.add(key, 1, timeout=seconds):
            return 1
    try:
        return cache.incr(key)
    except ValueError:
        # The entry expired between add and incr: this hit opens the next window.
        cache.set(key, 1, timeout=seconds)
        return 1


def limits_enforce(limits: list[Limit], *, now: float | None = None) -> None:
    """Count one hit against each limit in order; raise ``RateLimited`` at the first one exceeded.

    The limits after it are not counted: put the client's own limits first, so that one client's
    flood fills only its own windows and not those of the site and article it shares with others.
    """
    current = time.time() if now is None else now
    for limit in limits:
        window = int(current // limit.seconds)
        count = hit(f"rl:{limit.scope}:{limit.subject}:{limit.seconds}:{window}", limit.seconds + 1)
        if count > limit.count:
            raise RateLimited(limit, max(1, math.ceil((window + 1) * limit.seconds - current)))
