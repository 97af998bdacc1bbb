"""Absolute links for emails, which are written outside any request."""

from corrigo.conf import settings

FALLBACK_BASE = "http://localhost:8000"
"""Used when ``CORRIGO_PUBLIC_URL`` is not set: right for the demo, wrong anywhere else (see the README)."""


def absolute_url(path: str) -> str:
    """``path`` under the service's public base URL."""
    return (settings.PUBLIC_URL or FALLBACK_BASE).rstrip("/") + path
