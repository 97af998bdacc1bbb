"""The public HTTP API under ``/api/v1/``: each app's router, one error shape, OpenAPI docs."""

import json
import logging
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError, ValidationError
from ninja.parser import Parser

from corrigo import __version__
from corrigo.corrections.api import router as corrections_router
from corrigo.embed.api import router as widget_router
from corrigo.integrations.api import router as cms_router
from corrigo.problems import Problem, ProblemAPI, field_message, field_path, from_problem, problem_response
from corrigo.reports.api import router as reports_router

logger = logging.getLogger(__name__)


class JsonBodyParser(Parser):
    """Parses JSON bodies and says in plain words what is wrong with a broken one."""

    def parse_body(self, request: HttpRequest) -> Any:
        try:
            return json.loads(request.body)
        except UnicodeDecodeError as exc:
            raise Problem(400, _("The request body is not UTF-8 text.")) from exc
        except json.JSONDecodeError as exc:
            raise Problem(
                400,
                _("The request body is not valid JSON: %(error)s at line %(line)s, column %(column)s.")
                % {"error": exc.msg, "line": exc.lineno, "column": exc.colno},
            ) from exc


api = ProblemAPI(
    title="corrigo",
    version=__version__,
    description="Reader corrections for news publishers: the widget's public API.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    parser=JsonBodyParser(),
)
api.add_router("/", widget_router)
api.add_router("/", reports_router)
api.add_router("/", corrections_router)
api.add_router("/", cms_router)


@api.exception_handler(Problem)
def on_problem(request: HttpRequest, exc: Problem) -> HttpResponse:
    """A problem raised by an endpoint or a service."""
    return from_problem(exc)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Invalid input: 422 with one message per field."""
    errors = [{"field": field_path(e.get("loc", ())), "message": field_message(e)} for e in exc.errors]
    return problem_response(422, _("Some fields are not valid."), errors=errors)


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """An HTTP error raised by django-ninja itself; a body it could not parse keeps our reason."""
    if isinstance(exc.__cause__, Problem):
        return from_problem(exc.__cause__)
    return problem_response(exc.status_code, str(exc))


@api.exception_handler(RequestDataTooBig)
def on_body_too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    """A body over Django's limit (``DATA_UPLOAD_MAX_MEMORY_SIZE``): 413; it was not read, nothing was stored."""
    return problem_response(413, _("The request is too large. Nothing was stored."))


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    """Anything not found."""
    return problem_response(404, _("Not found."))


@api.exception_handler(OperationalError)
def on_database_unavailable(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    """The database is locked or down: nothing was stored, so the client must retry later."""
    logger.warning("database unavailable: %s", exc)
    return problem_response(
        503, _("The service is busy. Nothing was stored; please try again shortly."), headers={"Retry-After": "5"}
    )


@api.exception_handler(Exception)
def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A bug: logged with its traceback, answered without one."""
    logger.exception("unexpected error in %s %s", request.method, request.path)
    return problem_response(500, _("Something went wrong on our side. Nothing was stored."))
