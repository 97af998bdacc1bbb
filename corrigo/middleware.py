"""Middleware of the standalone service."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

PUBLIC_PREFIXES = ("/api/v1/", "/embed.js", "/embed/")


class CookielessPublicMiddleware:
    """The public endpoints neither read nor set cookies: a reader's browser sends none that matter.

    Cookies are dropped from the request before the session and CSRF middleware see them, and any
    ``Set-Cookie`` is removed from the response.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        public = request.path.startswith(PUBLIC_PREFIXES)
        if public:
            request.META.pop("HTTP_COOKIE", None)
            request.COOKIES = {}
        response = self.get_response(request)
        if public:
            response.cookies.clear()
        return response
