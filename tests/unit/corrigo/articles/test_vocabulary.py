"""A site's vocabulary follows the newest version of each of its articles."""

import pytest

from corrigo.articles.models import Article, SiteVocabulary, VersionSource
from corrigo.articles.services import article_version_record
from corrigo.articles.vocabulary import site_vocabulary, vocabulary_learn
from tests.factories import site_create

pytestmark = pytest.mark.django_db


def record(article: Article, text: str):
    version, created = article_version_record(article=article, text=text, source=VersionSource.CMS)
    assert created
    return version


def test_each_new_version_replaces_its_articles_previous_words():
    site = site_create()
    article = Article.objects.create(site=site, url="https://news.example/a")
    record(article, "Prigozhin spoke. Prigozhin left.")
    second = record(article, "Prigozhin spoke.")
    counts = SiteVocabulary.objects.get(site=site).counts
    assert sum(n for w, n in counts.items() if w.lower() == "prigozhin") == 1
    assert not vocabulary_learn.call(version_id=second.pk)  # already counted: nothing changes


def test_articles_add_up_and_other_sites_are_apart():
    site, other = site_create(), site_create()
    record(Article.objects.create(site=site, url="https://news.example/a"), "Chasiv Yar")
    record(Article.objects.create(site=site, url="https://news.example/b"), "Chasiv Yar again")
    record(Article.objects.create(site=other, url="https://news.example/c"), "Navalny")
    vocabulary = site_vocabulary(site=site)
    assert vocabulary.count("chasiv") == 2
    assert vocabulary.count("navalny") == 0


def test_an_older_version_arriving_late_is_not_counted():
    site = site_create()
    article = Article.objects.create(site=site, url="https://news.example/a")
    first = record(article, "Zaporizhzhia")
    record(article, "Kharkiv")
    assert not vocabulary_learn.call(version_id=first.pk)
    assert site_vocabulary(site=site).count("zaporizhzhia") == 0
