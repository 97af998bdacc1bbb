"""The public notices endpoint that the widget reads to show corrections on an article."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from corrigo.corrections.schemas import NoticesOut
from corrigo.corrections.selectors import article_of_site, notices_of_article
from corrigo.problems import Problem
from corrigo.sites.selectors import site_by_public_key

router = Router(tags=["corrections"])

CACHE_SECONDS = 60


class NoticesQuery(Schema):
    """Which article's notices."""

    url: str


@router.get("/sites/{key}/notices", response=NoticesOut, summary="Published notices of an article")
def notices_read(request: HttpRequest, response: HttpResponse, key: str, query: Query[NoticesQuery]) -> dict:
    """The article's public correction notices, newest first; an unknown article has none."""
    site = site_by_public_key(key=key)
    if site is None:
        raise Problem(404, _("There is no site with this key."))
    article = article_of_site(site=site, url=query.url)
    notices = notices_of_article(article=article) if article is not None else []
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return {
        "notices": [
            {
                "id": n.public_id,
                "kind": n.kind,
                "severity": n.severity,
                "text": n.wording,
                "published_at": n.published_at,
            }
            for n in notices
        ]
    }
