"""One error shape for every API answer that is not a success: RFC 9457 ``application/problem+json``.

A problem has a ``title`` (the HTTP status phrase), a ``detail`` a person can read, and, for invalid
input, ``errors``: one ``{"field", "message"}`` per field, with dotted field paths (``selector.exact``).
"""

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _

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
