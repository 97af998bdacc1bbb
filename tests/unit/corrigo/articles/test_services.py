"""The CMS's copy of an article: found by CMS id or URL, stored as a version from canonical text."""

import datetime

import pytest

from corrigo.articles.models import Article, VersionSource
from corrigo.articles.services import ArticlePush, article_push, text_to_canonical
from corrigo.audit.models import AuditEvent
from tests.factories import site_create

pytestmark = pytest.mark.django_db

URL = "https://news.example/a"


def test_plain_text_follows_the_canonical_rules_line_by_line():
    assert text_to_canonical("Title\n\n  One\u00a0 two  <b>\r\nthree") == "Title\nOne two <b>\nthree"


def test_html_is_stored_as_its_canonical_text(site):
    version, created = article_push(
        site=site, push=ArticlePush(url=URL, html="<h1>T</h1><p>a <em>b</em></p><script>x</script>")
    )
    assert created and version.text == "T\na b" and version.source == VersionSource.CMS


def test_an_article_is_found_by_its_cms_id_even_at_a_new_url(site):
    article_push(site=site, push=ArticlePush(url=URL, cms_id="7", text="One"))
    version, _created = article_push(site=site, push=ArticlePush(url=URL + "-renamed", cms_id="7", text="Two"))
    article = Article.objects.get()
    assert (article.url, version.number) == (URL + "-renamed", 2)


def test_details_are_updated_and_empty_ones_keep_what_was_known(site):
    when = datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)
    article_push(site=site, push=ArticlePush(url=URL, text="One", section="City", authors=["Ann"], published_at=when))
    article_push(site=site, push=ArticlePush(url=URL, text="One", title="Title", modified_at=when))
    article = Article.objects.get()
    assert (article.title, article.section, article.authors) == ("Title", "City", ["Ann"])
    assert article.published_at == when == article.modified_at


def test_the_same_text_again_is_no_new_version_and_each_push_is_audited(site):
    article_push(site=site, push=ArticlePush(url=URL, text="One"))
    version, created = article_push(site=site, push=ArticlePush(url=URL, text="One"))
    assert (version.number, created) == (1, False)
    assert AuditEvent.objects.filter(action="article.pushed").count() == 2


def test_another_sites_article_at_the_same_url_is_another_article(site):
    article_push(site=site, push=ArticlePush(url=URL, cms_id="7", text="One"))
    article_push(site=site_create(), push=ArticlePush(url=URL, cms_id="7", text="Two"))
    assert Article.objects.count() == 2
