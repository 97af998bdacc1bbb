"""The login lockout's authentication backend."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class LoginLockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check for logins over HTTP.

    ``authenticate()`` called by code without a request (a management command, a test) is no login
    attempt an attacker can make, so it is left to the next backend instead of being refused.
    """

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> None:
        """Refuse a locked-out client; otherwise let the next backend check the password."""
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
