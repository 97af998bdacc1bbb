"""A site's vocabulary, learnt from its articles as their versions arrive."""

from collections import Counter

from django.db import transaction
from django_tasks import task

from corrigo.articles.models import ArticleVersion, SiteVocabulary
from corrigo.sites.models import Site
from corrigo.spelling import Vocabulary
from corrigo.spelling.tokens import words


def vocabulary_learn_enqueue(*, version_id: int) -> None:
    """Ask the task worker to count a new version's words; call in the transaction that stored it."""
    vocabulary_learn.enqueue(version_id=version_id)


@task()
def vocabulary_learn(*, version_id: int) -> bool:
    """Count the words of a version in place of its article's previous one; idempotent.

    Only the newest counted version of each article contributes, so an article edited ten times
    counts once. Returns whether the vocabulary changed.
    """
    version = ArticleVersion.objects.select_related("article").filter(pk=version_id).first()
    if version is None:
        return False
    with transaction.atomic():
        vocabulary, _created = SiteVocabulary.objects.get_or_create(site_id=version.article.site_id)
        vocabulary = SiteVocabulary.objects.select_for_update().get(pk=vocabulary.pk)
        key = str(version.article_id)
        previous = ArticleVersion.objects.filter(pk=vocabulary.learned.get(key)).first()
        if previous is not None and previous.number >= version.number:
            return False
        delta = Counter(words(version.text))
        delta.subtract(words(previous.text) if previous else [])
        vocabulary.counts = _apply(vocabulary.counts, delta)
        vocabulary.learned[key] = version.pk
        vocabulary.save()
    return True


def _apply(counts: dict[str, int], delta: Counter[str]) -> dict[str, int]:
    updated = dict(counts)
    for word, change in delta.items():
        total = updated.get(word, 0) + change
        if total > 0:
            updated[word] = total
        else:
            updated.pop(word, None)
    return updated


def site_vocabulary(*, site: Site) -> Vocabulary:
    """The site's vocabulary for the spelling suggester (empty until an article was counted)."""
    counts = SiteVocabulary.objects.filter(site=site).values_list("counts", flat=True).first()
    return Vocabulary.from_dict(counts or {})
