"""Every route of the service, found by walking the URL configuration and the OpenAPI document, so that
the security tests cover endpoints added later without being edited."""

import re
import uuid
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from corrigo.api import api

DUMMY = {"int": "1", "slug": "x", "str": "x", "path": "x", "uuid": str(uuid.UUID(int=1))}


def _route_of(pattern: object) -> str:
    """A concrete path for one pattern, its parameters filled with values of the right type."""
    if isinstance(pattern, RoutePattern):
        return re.sub(r"<(?:(\w+):)?\w+>", lambda m: DUMMY.get(m.group(1) or "str", "x"), str(pattern))
    regex = str(pattern).lstrip("^").rstrip("$").replace("\\Z", "")
    regex = re.sub(r"\(\?P<\w+>[^)]*\)", "1", regex)
    return re.sub(r"[\\?^$]", "", regex)


def site_paths() -> Iterator[tuple[str, str]]:
    """(path, name) of every non-API route; API routes are listed from the OpenAPI document."""

    def walk(patterns: list, prefix: str, namespace: str) -> Iterator[tuple[str, str]]:
        for entry in patterns:
            route = prefix + _route_of(entry.pattern)
            if isinstance(entry, URLResolver):
                if route.startswith("api/"):
                    continue
                space = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, route, space)
            elif isinstance(entry, URLPattern):
                yield "/" + route, f"{namespace}{entry.name or entry.lookup_str}"

    yield from walk(get_resolver().url_patterns, "", "")


def api_operations() -> Iterator[tuple[str, str]]:
    """(method, path) of every operation in the OpenAPI document, parameters filled in."""
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        concrete = re.sub(r"\{\w+\}", "x", path)
        for method in operations:
            if method in {"get", "post", "put", "patch", "delete"}:
                yield method.upper(), concrete
