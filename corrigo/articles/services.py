"""Writes about articles: find or record an article, the version a reader saw, the CMS's copy."""

import datetime
import hashlib
from dataclasses import dataclass, field
from html import escape

from django.core.cache import caches
from django.db import transaction
from django.db.models import Max

from corrigo.anchoring import canonical_text, text_sha256
from corrigo.articles.models import Article, ArticleVersion, VersionSource
from corrigo.articles.vocabulary import vocabulary_learn_enqueue
from corrigo.audit.services import audit_record
from corrigo.cases.anchoring import reanchor_article_enqueue
from corrigo.sites.models import Site


def article_get_or_create(*, site: Site, url: str, title: str = "") -> Article:
    """The site's article at ``url``, created on first sight; a later title fills an empty one."""
    article, created = Article.objects.get_or_create(site=site, url=url, defaults={"title": title})
    if not created and title and not article.title:
        article.title = title
        article.save(update_fields=["title"])
    return article


def article_id_for_url(*, site: Site, url: str, title: str = "") -> int:
    """The id of the site's article at ``url``, created on first sight (see ``article_get_or_create``).

    Reports arrive in bursts on the same few articles, so each process keeps the id for a few
    seconds in its local cache; an article's id never changes.
    """
    key = f"corrigo:articles:id:{site.pk}:{hashlib.sha256(url.encode()).hexdigest()}"
    article_id = caches["local"].get(key)
    if article_id is None:
        article_id = article_get_or_create(site=site, url=url, title=title).pk
        caches["local"].set(key, article_id)
    return article_id


def article_version_record(*, article: Article, text: str, source: VersionSource) -> tuple[ArticleVersion, bool]:
    """The version of ``article`` whose canonical text is ``text``, and whether it was recorded now.

    Call inside a transaction that holds the article's row lock, so version numbers stay dense.
    """
    digest = text_sha256(text)
    existing = ArticleVersion.objects.filter(article=article, sha256=digest).first()
    if existing is not None:
        return existing, False
    last = ArticleVersion.objects.filter(article=article).aggregate(n=Max("number"))["n"] or 0
    version = ArticleVersion.objects.create(article=article, number=last + 1, text=text, sha256=digest, source=source)
    vocabulary_learn_enqueue(version_id=version.pk)
    return version, True


def text_to_canonical(text: str) -> str:
    """The canonical text of plain text: each line is one block, by the same rules as HTML."""
    return canonical_text("".join(f"<p>{escape(line)}</p>" for line in text.splitlines()))


@dataclass(frozen=True)
class ArticlePush:
    """An article as a CMS sends it: ``html`` (the article body) or ``text`` (plain, one block per line)."""

    url: str
    cms_id: str = ""
    title: str = ""
    html: str | None = None
    text: str | None = None
    section: str = ""
    authors: list[str] = field(default_factory=list)
    published_at: datetime.datetime | None = None
    modified_at: datetime.datetime | None = None


@transaction.atomic
def article_push(*, site: Site, push: ArticlePush) -> tuple[ArticleVersion, bool]:
    """Store the CMS's copy of an article as a version (source: CMS); returns it and whether it is new.

    The article is found by its CMS id, else by its URL, and its details are updated. A new version
    asks the task worker to re-anchor the article's open cases, in this transaction.
    """
    article = _article_for_push(site=site, push=push)
    article = Article.objects.locked().get(pk=article.pk)
    text = canonical_text(push.html) if push.html is not None else text_to_canonical(push.text or "")
    version, created = article_version_record(article=article, text=text, source=VersionSource.CMS)
    audit_record(site=site, action="article.pushed", target=article, data={"version": version.number, "new": created})
    if created:
        reanchor_article_enqueue(article_id=article.pk, version_id=version.pk)
    return version, created


def _article_for_push(*, site: Site, push: ArticlePush) -> Article:
    article = Article.objects.filter(site=site, cms_id=push.cms_id).first() if push.cms_id else None
    if article is None:
        article, _created = Article.objects.get_or_create(site=site, url=push.url)
    elif article.url != push.url and not Article.objects.filter(site=site, url=push.url).exists():
        article.url = push.url
    article.cms_id = push.cms_id or article.cms_id
    article.title = push.title or article.title
    article.section = push.section or article.section
    article.authors = push.authors or article.authors
    article.published_at = push.published_at or article.published_at
    article.modified_at = push.modified_at or article.modified_at
    article.save()
    return article
