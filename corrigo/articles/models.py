"""An article of a site and the versions of its canonical text."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from corrigo.sites.models import Site


class ArticleQuerySet(models.QuerySet):
    def locked(self) -> "ArticleQuerySet":
        """The articles, their rows locked until the end of the transaction.

        Placing reports, re-anchoring cases, merging and releasing serialize on an article's lock. The
        lock is PostgreSQL's ``FOR NO KEY UPDATE``: a report stored meanwhile checks its foreign key
        with ``FOR KEY SHARE``, which ``FOR UPDATE`` would block until the lock's transaction ends.
        """
        return self.select_for_update(no_key=True, of=("self",))


class Article(models.Model):
    """One article page of a site, known by its canonical URL."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="articles")
    url = models.URLField(_("URL"), max_length=2000)
    cms_id = models.CharField(_("CMS id"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    section = models.CharField(_("section"), max_length=200, blank=True)
    authors = models.JSONField(_("authors"), default=list, blank=True)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    modified_at = models.DateTimeField(_("last modified"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [models.UniqueConstraint(fields=["site", "url"], name="article_unique_site_url")]
        indexes = [models.Index(fields=["site", "cms_id"], name="article_site_cms_id")]

    def __str__(self) -> str:
        return self.title or self.url


class VersionSource(models.TextChoices):
    """Where a version's text came from."""

    READER = "reader", _("Reader's page")
    CMS = "cms", _("CMS")
    DESK = "desk", _("Desk")


class ArticleVersion(models.Model):
    """The canonical text of an article at one time; its SHA-256 identifies it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("number"))
    text = models.TextField(_("canonical text"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    source = models.CharField(_("source"), max_length=16, choices=VersionSource.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="version_unique_number"),
            models.UniqueConstraint(fields=["article", "sha256"], name="version_unique_text"),
        ]

    def __str__(self) -> str:
        return f"{self.article} v{self.number}"


class SiteVocabulary(models.Model):
    """How often each word appears in a site's articles (their newest known versions).

    Spelling suggestions read it so that the names a newsroom writes every day are not typos.
    ``learned`` maps each article's id to the version counted for it.
    """

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="vocabulary")
    counts = models.JSONField(_("word counts"), default=dict, blank=True)
    learned = models.JSONField(_("versions counted"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("site vocabulary")
        verbose_name_plural = _("site vocabularies")

    def __str__(self) -> str:
        return f"{self.site}: {len(self.counts)} words"
