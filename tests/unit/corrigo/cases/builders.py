"""Builders of desk data straight in the database: an article, its version, a case and its reports."""

import itertools
import uuid
from typing import Any

from corrigo.anchoring import text_sha256
from corrigo.articles.models import Article, ArticleVersion, VersionSource
from corrigo.cases.models import Case
from corrigo.cases.priority import case_priority_refresh
from corrigo.reports.models import Report
from corrigo.sites.models import Site
from tests.factories import ARTICLE_TEXT, ORIGIN

_numbers = itertools.count(1)


def article_build(site: Site, text: str = ARTICLE_TEXT, **fields: Any) -> Article:
    """An article of ``site`` with one version holding ``text``."""
    n = next(_numbers)
    article = Article.objects.create(site=site, url=f"{ORIGIN}/article-{n}", title=f"Article {n}", **fields)
    ArticleVersion.objects.create(
        article=article, number=1, text=text, sha256=text_sha256(text), source=VersionSource.CMS
    )
    return article


def case_build(
    site: Site,
    word: str = "recieved",
    *,
    article: Article | None = None,
    kind: str = "typo",
    proposals: tuple[str, ...] = ("received",),
    email: str = "",
    comment: str = "",
) -> Case:
    """A case on the first ``word`` of the article, with one report per proposal (at least one)."""
    article = article or article_build(site)
    version = article.versions.order_by("-number").first()
    start = version.text.index(word)
    end = start + len(word)
    passage = {
        "exact": word,
        "prefix": version.text[max(0, start - 32) : start],
        "suffix": version.text[end : end + 32],
        "start": start,
        "end": end,
    }
    case = Case.objects.create(site=site, article=article, version=version, kind=kind, **passage)
    for proposed in proposals or ("",):
        Report.objects.create(
            site=site,
            client_id=uuid.uuid4(),
            article=article,
            version=version,
            case=case,
            kind=kind,
            proposed=proposed,
            comment=comment,
            email=email,
            language="en",
            **passage,
        )
    Case.objects.filter(pk=case.pk).update(report_count=len(proposals or ("",)))
    case_priority_refresh(case_id=case.pk)
    case.refresh_from_db()
    return case
