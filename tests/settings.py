"""Settings for the test suite: the service's settings in test mode."""

import os

os.environ.setdefault("CORRIGO_ENV", "test")
# Playwright runs an event loop in the test thread; the ORM calls of browser tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from corrigo.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CORRIGO_DEMO = True
