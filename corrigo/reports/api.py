"""The public endpoint that receives readers' reports, and a no-op health check."""

import functools
import json
import uuid
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext as _
from ninja import Router

from corrigo.antispam.challenge import challenge_issue
from corrigo.conf import settings
from corrigo.problems import Problem
from corrigo.reports.schemas import HealthOut, ReportAck, ReportIn
from corrigo.reports.services import client_hash, report_submit
from corrigo.sites.selectors import site_by_public_key

router = Router(tags=["reports"])


@router.post(
    "/reports",
    response={202: ReportAck},
    summary="Submit a report",
    by_alias=True,
    openapi_extra={
        "responses": {
            403: {"description": "Refused: origin not allowed, blocked client, invalid or replayed challenge."},
            404: {"description": "No site with this key."},
            422: {"description": "Invalid input."},
            429: {"description": "Too many reports; see Retry-After."},
            503: {"description": "Busy (database locked or down); nothing stored; see Retry-After."},
        }
    },
)
def report_create(request: HttpRequest, payload: ReportIn) -> HttpResponse:
    """Store a reader's report; sending the same ``client_id`` again gives the same answer.

    A suspicious report is held for the editors (the answer is the same 202); a refused one is a
    problem document: 403 (blocked, invalid or replayed challenge), 429 (rate limit, with
    ``Retry-After``), 503 (the database is busy or down: nothing stored, with ``Retry-After``).
    """
    site = site_by_public_key(key=payload.site)
    if site is None:
        raise Problem(404, _("There is no site with this key."))
    if not site.allows_origin(request.headers.get("Origin", "")):
        raise Problem(403, _("This site accepts reports only from its own pages."))
    if not site.allows_origin(_origin_of(payload.url)):
        url_error = {"field": "url", "message": _("This page is not on this site.")}
        raise Problem(422, _("Some fields are not valid."), errors=[url_error])
    report = report_submit(site=site, data=payload, client_hash=client_hash(request))
    status_path = _status_path(get_script_prefix()).replace(str(_PLACEHOLDER), str(report.id))
    base = settings.PUBLIC_URL.rstrip("/")
    status_url = f"{base}{status_path}" if base else request.build_absolute_uri(status_path)
    return _accepted({"id": str(report.id), "status_url": status_url, "challenge": challenge_issue(site=site)})


@router.get("/health", response=HealthOut, summary="Health check", tags=["service"])
def health(request: HttpRequest) -> dict[str, str]:
    """Answers without touching the database: for load balancers and to measure the server itself."""
    return {"status": "ok"}


_PLACEHOLDER = uuid.UUID(int=0)


@functools.cache
def _status_path(script_prefix: str) -> str:
    """The path of a report's status page with ``_PLACEHOLDER`` for its id: reversed once, not per report."""
    return reverse("reports:status", kwargs={"report_id": _PLACEHOLDER})


def _accepted(answer: dict[str, object]) -> HttpResponse:
    """The 202 answer, ``answer`` as JSON: a ``ReportAck`` written out.

    Every report is answered here. The three fields were just made by the view, of the types the
    schema gives; running them through the schema again, as ninja does with a returned dict, cost 4 %
    of a report's instructions. The OpenAPI document still describes the answer by ``ReportAck``, and
    the contract tests check the answer against it.
    """
    return HttpResponse(json.dumps(answer), status=202, content_type="application/json; charset=utf-8")


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
