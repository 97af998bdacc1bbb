"""One error shape for every API answer that is not a success: RFC 9457 ``application/problem+json``.

A problem has a ``title`` (the HTTP status phrase), a ``detail`` a person can read, and, for invalid
input, ``errors``: one ``{"field", "message"}`` per field, with dotted field paths (``selector.exact``).
"""

import json
import sys
from http import HTTPStatus
from typing import Any

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.translation import gettext as _
from ninja import NinjaAPI

CONTENT_TYPE = "application/problem+json"


class Problem(Exception):
    """Raised by endpoints and services to answer with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}


def problem_response(
    status: int,
    detail: str,
    *,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """An ``application/problem+json`` response."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def from_problem(problem: Problem) -> HttpResponse:
    """The response for a raised ``Problem``."""
    return problem_response(problem.status, problem.detail, errors=problem.errors, headers=problem.headers)


def field_message(error: dict[str, Any]) -> str:
    """A translated, human message for one pydantic validation error."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    messages = {
        "missing": _("This field is required."),
        "string_too_long": _("At most %(limit)s characters are allowed.") % {"limit": ctx.get("max_length")},
        "string_too_short": _("At least %(limit)s characters are needed.") % {"limit": ctx.get("min_length")},
        "uuid_parsing": _("This must be a UUID."),
        "uuid_type": _("This must be a UUID."),
        "string_type": _("This must be a string."),
        "int_parsing": _("This must be a whole number."),
        "int_type": _("This must be a whole number."),
        "greater_than_equal": _("This must be at least %(limit)s.") % {"limit": ctx.get("ge")},
        "enum": _("This must be one of: %(choices)s.") % {"choices": ctx.get("expected", "")},
        "literal_error": _("This must be one of: %(choices)s.") % {"choices": ctx.get("expected", "")},
        "model_attributes_type": _("This must be a JSON object."),
        "dict_type": _("This must be a JSON object."),
        "extra_forbidden": _("This field is not known."),
    }
    if kind in messages:
        return messages[kind]
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    return str(error.get("msg", _("This value is not valid.")))


def field_path(location: tuple[Any, ...] | list[Any]) -> str:
    """``("body", "payload", "selector", "exact")`` → ``"selector.exact"``."""
    parts = [str(p) for p in location]
    if parts[:1] in (["body"], ["query"], ["path"]):
        parts = parts[1:]
    if parts[:1] == ["payload"]:
        parts = parts[1:]
    return ".".join(parts) or "body"


RETRY_AFTER_BUSY = "5"
"""Seconds a client is asked to wait when the database is locked or down."""


def database_unavailable() -> HttpResponse:
    """503 for the API when the database is locked or down: nothing was stored, try again shortly."""
    return problem_response(
        503,
        _("The service is busy. Nothing was stored; please try again shortly."),
        headers={"Retry-After": RETRY_AFTER_BUSY},
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's ``handler500``: never a traceback; a locked or unreachable database is a 503 with
    ``Retry-After``; under the API a problem document, elsewhere a plain page.

    Django calls it while handling the exception, so ``sys.exc_info()`` names the error, also one
    raised by a middleware (the CORS check reads the sites) before any view ran.
    """
    error = sys.exc_info()[1]
    busy = isinstance(error, OperationalError)
    if request.path.startswith("/api/"):
        if busy:
            return database_unavailable()
        return problem_response(500, _("Something went wrong on our side. Nothing was stored."))
    template = "503.html" if busy else "500.html"
    response = HttpResponseServerError(loader.get_template(template).render())
    if busy:
        response.status_code = 503
        response["Retry-After"] = RETRY_AFTER_BUSY
    return response


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details: every error answer of the API.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


def openapi_with_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """Document on every operation that any error is a problem document (the ``default`` response),
    with ``Retry-After`` on 429 and 503."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    default = {
        "description": "An error, as application/problem+json (429 and 503 carry Retry-After).",
        "headers": {"Retry-After": {"description": "Seconds to wait (429, 503).", "schema": {"type": "string"}}},
        "content": {CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault("default", default)
    return schema


class ProblemAPI(NinjaAPI):
    """The NinjaAPI whose OpenAPI document says that every error is a problem document."""

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None) -> Any:
        """The generated document, with the problem responses added to each operation."""
        return openapi_with_problems(super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params))
