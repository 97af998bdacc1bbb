"""Reads about corrections: public notices of a site or an article, and fixes the CMS has yet to apply."""

from typing import Any

from django.db.models import QuerySet

from corrigo.articles.addresses import article_url_normalize
from corrigo.articles.models import Article
from corrigo.corrections.models import Correction
from corrigo.sites.models import Site


def notices_of_site(*, site: Site) -> QuerySet[Correction]:
    """The site's published notices, newest first; nothing unpublished, nothing of another site."""
    return (
        Correction.objects.filter(site=site, public=True, published_at__isnull=False)
        .select_related("article")
        .order_by("-published_at", "-pk")
    )


def article_of_site(*, site: Site, url: str) -> Article | None:
    """The site's article at ``url`` (normalised as the report endpoint does), or None."""
    normalized = article_url_normalize(url)
    if normalized is None:
        return None
    return Article.objects.filter(site=site, url=normalized).first()


def notices_of_article(*, article: Article) -> QuerySet[Correction]:
    """The article's published notices, newest first."""
    return notices_of_site(site=article.site).filter(article=article)


def fixes_unapplied(*, site: Site) -> QuerySet[Correction]:
    """The site's corrections whose fix the CMS has not confirmed yet, oldest first."""
    return (
        Correction.objects.filter(site=site, applied_at__isnull=True)
        .select_related("article", "version")
        .prefetch_related("cases")
        .order_by("created_at", "pk")
    )


def fix_of_site(*, site: Site, public_id: str) -> Correction | None:
    """One correction of ``site`` by its public id; another site's answers None."""
    return Correction.objects.filter(site=site, public_id=public_id).select_related("site", "article").first()


def article_jsonld(*, article: Article) -> dict[str, Any]:
    """schema.org markup of the article's corrections: ``correction`` (CorrectionComment) and ``dateModified``."""
    notices = list(notices_of_article(article=article))
    dates = [d for d in [article.modified_at, *(n.published_at for n in notices)] if d is not None]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": article.url,
        "url": article.url,
    }
    if article.title:
        data["headline"] = article.title
    if article.published_at:
        data["datePublished"] = article.published_at.isoformat()
    if dates:
        data["dateModified"] = max(dates).isoformat()
    if notices:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": n.wording, "datePublished": n.published_at.isoformat()}
            for n in notices
        ]
    return data


def site_of_slug(*, slug: str) -> Site | None:
    """The site whose public pages live under ``slug``, or None."""
    return Site.objects.filter(slug=slug).first()
