"""Writes about articles: find or record an article and the version a reader saw."""

from django.db.models import Max

from corrigo.anchoring import text_sha256
from corrigo.articles.models import Article, ArticleVersion, VersionSource
from corrigo.sites.models import Site


def article_get_or_create(*, site: Site, url: str, title: str = "") -> Article:
    """The site's article at ``url``, created on first sight; a later title fills an empty one."""
    article, created = Article.objects.get_or_create(site=site, url=url, defaults={"title": title})
    if not created and title and not article.title:
        article.title = title
        article.save(update_fields=["title"])
    return article


def article_version_record(*, article: Article, text: str, source: VersionSource) -> ArticleVersion:
    """The version of ``article`` whose canonical text is ``text``, recorded if new.

    Call inside a transaction that holds the article's row lock, so version numbers stay dense.
    """
    digest = text_sha256(text)
    existing = ArticleVersion.objects.filter(article=article, sha256=digest).first()
    if existing is not None:
        return existing
    last = ArticleVersion.objects.filter(article=article).aggregate(n=Max("number"))["n"] or 0
    return ArticleVersion.objects.create(article=article, number=last + 1, text=text, sha256=digest, source=source)
