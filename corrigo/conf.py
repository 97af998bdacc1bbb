"""corrigo's own settings, each with a documented default.

Code reads ``corrigo.conf.settings.X`` instead of ``django.conf.settings.CORRIGO_X`` so that every
option and its default stand in one place. Set ``CORRIGO_X`` in the Django settings to change one.
"""

from typing import Any

from django.conf import settings as django_settings

DEFAULTS: dict[str, Any] = {
    # Longest reported passage, in Unicode code points.
    "MAX_EXACT": 1000,
    # Longest proposed wording and comment, in code points.
    "MAX_PROPOSED": 1000,
    "MAX_COMMENT": 2000,
    # Longest canonical article text a reader may send, in code points.
    "MAX_TEXT": 300_000,
    # Longest email address (RFC 5321 path limit).
    "MAX_EMAIL": 254,
    # Code points of context kept before and after a passage (W3C prefix and suffix).
    "CONTEXT_LENGTH": 32,
    # Absolute base URL of this service for links in answers and emails ("" = from the request).
    "PUBLIC_URL": "",
    # Serve the demo publication's pages at / and /demo/<slug>/ (on for ``corrigo demo``).
    "DEMO": False,
}


class _Settings:
    """Attribute access to the corrigo settings, falling back to the defaults."""

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"corrigo has no setting {name!r}")
        return getattr(django_settings, f"CORRIGO_{name}", DEFAULTS[name])


settings = _Settings()
