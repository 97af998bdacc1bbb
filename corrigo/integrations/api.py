"""The CMS API: a site's CMS pushes article versions, reads accepted fixes and confirms them applied.

Every call carries ``Authorization: Bearer <token>``; a token opens its own site's objects only, and
another site's object answers 404.
"""

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.security import HttpBearer

from corrigo.articles.services import ArticlePush, article_push
from corrigo.corrections.models import Correction
from corrigo.corrections.selectors import fix_of_site, fixes_unapplied
from corrigo.corrections.services import correction_applied_confirm
from corrigo.integrations.annotations import site_annotations
from corrigo.integrations.models import ApiToken
from corrigo.integrations.schemas import ArticleIn, ArticlePushOut, FixAppliedOut, FixesOut
from corrigo.integrations.services import api_token_authenticate
from corrigo.problems import Problem


class CmsToken(HttpBearer):
    """A site's CMS API token."""

    openapi_description = "A CMS API token of one site, created by the site's owner in the desk."

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        """The active token, or a 401 problem."""
        api_token = api_token_authenticate(plain=token)
        if api_token is None:
            raise Problem(
                401, _("The API token is missing, unknown or revoked."), headers={"WWW-Authenticate": "Bearer"}
            )
        return api_token


router = Router(tags=["cms"], auth=CmsToken())


@router.post("/cms/articles", response={200: ArticlePushOut, 201: ArticlePushOut}, summary="Push an article version")
def article_push_endpoint(request: HttpRequest, payload: ArticleIn) -> Status:
    """Store the article's current text as a version; open cases are re-anchored to a new one."""
    site = request.auth.site
    push = ArticlePush(**payload.dict())
    version, created = article_push(site=site, push=push)
    body = {
        "article": {"url": version.article.url, "cms_id": version.article.cms_id},
        "version": {"number": version.number, "sha256": version.sha256, "created": created},
    }
    return Status(201 if created else 200, body)


@router.get("/cms/fixes", response=FixesOut, summary="Accepted fixes not yet applied")
def fixes_list(request: HttpRequest) -> dict[str, Any]:
    """The accepted fixes the CMS has not confirmed, with their selectors and final wording."""
    return {"fixes": [_fix(c) for c in fixes_unapplied(site=request.auth.site)]}


@router.post("/cms/fixes/{fix_id}/applied", response=FixAppliedOut, summary="Confirm a fix as applied")
def fix_applied(request: HttpRequest, fix_id: uuid.UUID) -> dict[str, Any]:
    """Say the fix is in the article now; its accepted cases become fixed. Repeating it is harmless."""
    correction = fix_of_site(site=request.auth.site, public_id=str(fix_id))
    if correction is None:
        raise Problem(404, _("There is no such fix on this site."))
    correction = correction_applied_confirm(correction=correction)
    return {"id": correction.public_id, "applied_at": correction.applied_at}


class PageQuery(Schema):
    """Which page of a long list."""

    page: int = Field(1, ge=1)


@router.get("/cms/annotations", summary="Reports as W3C Web Annotations", response={200: dict})
def annotations_export(request: HttpRequest, query: Query[PageQuery]) -> HttpResponse:
    """One page of the site's reports as a W3C AnnotationPage (JSON-LD, 500 a page)."""
    page = query.page
    page_url = request.build_absolute_uri(request.path) + "?page={page}"
    data = site_annotations(site=request.auth.site, page=page, page_url=page_url)
    profile = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
    return JsonResponse(data, content_type=profile, json_dumps_params={"ensure_ascii": False})


def _fix(correction: Correction) -> dict[str, Any]:
    selector = None
    if correction.start is not None and correction.end is not None:
        selector = {
            "exact": correction.exact,
            "prefix": correction.prefix,
            "suffix": correction.suffix,
            "start": correction.start,
            "end": correction.end,
            "version": correction.version.number,
        }
    return {
        "id": correction.public_id,
        "article": {"url": correction.article.url, "cms_id": correction.article.cms_id},
        "kind": correction.kind,
        "selector": selector,
        "before": correction.before_text,
        "final_wording": correction.after_text,
        "notice": correction.wording if correction.is_published else None,
        "accepted_at": correction.created_at,
        "cases": [c.pk for c in correction.cases.all()],
    }
