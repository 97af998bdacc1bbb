"""Settings of the bench servers: the service's production settings over plain HTTP on loopback, with
the rate limits relaxed (all bench clients share 127.0.0.1) unless ``BENCH_RATE_LIMITS=1``."""

import os

from corrigo.settings import *  # noqa: F403

if os.environ.get("BENCH_RATE_LIMITS") != "1":
    CORRIGO_RATE_CLIENT = CORRIGO_RATE_CLIENT_HOUR = CORRIGO_RATE_ARTICLE = CORRIGO_RATE_SITE = None
    CORRIGO_MAX_REPEATS = 10**9
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"handlers": [], "level": "CRITICAL"}}
