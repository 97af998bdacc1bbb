"""corrigo's own settings, each with a documented default.

Code reads ``corrigo.conf.settings.X`` instead of ``django.conf.settings.CORRIGO_X`` so that every
option and its default stand in one place. Set ``CORRIGO_X`` in the Django settings to change one.
"""

from typing import Any

from django.conf import settings as django_settings
from django.core.signals import setting_changed

DEFAULTS: dict[str, Any] = {
    # Seconds between a report's arrival and the task run that places it in its case: a run then
    # places all the reports that came meanwhile, in few transactions (0 = at once).
    "PLACE_DELAY": 5.0,
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
    # Days a reader's email address is kept after the report; ``corrigo purge_emails`` erases older ones.
    "EMAIL_RETENTION_DAYS": 90,
    # Antispam (corrigo.antispam). Refuse reports without a valid challenge (else they are held).
    "REQUIRE_CHALLENGE": False,
    # Seconds a widget challenge stays valid, and the least seconds between it and the report.
    "CHALLENGE_MAX_AGE": 3600,
    "MIN_FILL_SECONDS": 2.0,
    # ALTCHA-compatible proof of work (off by default) and its difficulty (largest secret number).
    "PROOF_OF_WORK": False,
    "POW_MAX_NUMBER": 50_000,
    # Links a reader may write before the report is held; times one text may repeat in an hour.
    "MAX_LINKS": 1,
    "MAX_REPEATS": 5,
    # Rate limits: (count, seconds) per client hash, per site and per article; None turns one off.
    "RATE_CLIENT": (10, 60),
    "RATE_CLIENT_HOUR": (60, 3600),
    "RATE_SITE": (600, 60),
    "RATE_ARTICLE": (120, 60),
    # Reverse proxies in front of the service that append to X-Forwarded-For (0: use the peer's address).
    "PROXY_COUNT": 0,
}


class _Settings:
    """Attribute access to the corrigo settings, falling back to the defaults.

    A value read is kept as an attribute, and read again after a change of the Django settings
    (``setting_changed``, as ``override_settings`` sends). Reports read a dozen settings each; a
    setting left to its default was looked up again every time, through a failed lookup in the
    Django settings.
    """

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"corrigo has no setting {name!r}")
        value = getattr(django_settings, f"CORRIGO_{name}", DEFAULTS[name])
        self.__dict__[name] = value
        return value

    def forget(self) -> None:
        """Read every setting again on its next use."""
        self.__dict__.clear()


settings = _Settings()


def _setting_changed(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith("CORRIGO_"):
        settings.forget()


setting_changed.connect(_setting_changed, dispatch_uid="corrigo.conf")
