"""A correction is the published outcome of accepted cases; its notice is what the public reads."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from corrigo.articles.models import Article, ArticleVersion
from corrigo.cases.models import Kind
from corrigo.sites.models import Site


class CorrectionKind(models.TextChoices):
    """What kind of change the notice announces."""

    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    UPDATE = "update", _("Update")


class Severity(models.TextChoices):
    """How much the error mattered; it decides where the notice stands on the article."""

    MINOR = "minor", _("Minor")
    SIGNIFICANT = "significant", _("Significant")
    SERIOUS = "serious", _("Serious")


class Correction(models.Model):
    """A fix of one passage of an article, made from one or more accepted cases.

    ``wording`` is the public notice; ``before_text`` and ``after_text`` are the passage and its final
    wording, placed by W3C selectors in ``version``. ``public_id`` never changes, so feed entries keep
    their ids when the notice is edited. A notice is public while ``public`` is set and
    ``published_at`` is filled; ``applied_at`` is when the CMS confirmed the fix.
    """

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="corrections")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    cases = models.ManyToManyField("corrigo_cases.Case", related_name="corrections", verbose_name=_("cases"))
    kind = models.CharField(_("kind"), max_length=16, choices=CorrectionKind.choices)
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices, default=Severity.MINOR)
    wording = models.TextField(_("notice"), blank=True)
    before_text = models.TextField(_("passage before"), blank=True)
    after_text = models.TextField(_("final wording"), blank=True)
    version = models.ForeignKey(ArticleVersion, on_delete=models.PROTECT, related_name="corrections")
    start = models.PositiveIntegerField(_("start"), null=True, blank=True)
    end = models.PositiveIntegerField(_("end"), null=True, blank=True)
    exact = models.TextField(_("passage"), blank=True)
    prefix = models.CharField(_("text before"), max_length=64, blank=True)
    suffix = models.CharField(_("text after"), max_length=64, blank=True)
    public = models.BooleanField(_("public notice"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    applied_at = models.DateTimeField(_("applied in the CMS"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        indexes = [
            models.Index(fields=["site", "public", "-published_at"], name="correction_site_log"),
            models.Index(fields=["article", "public", "-published_at"], name="correction_article"),
            models.Index(fields=["site", "applied_at"], name="correction_unapplied"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.wording[:60]}"

    @property
    def is_published(self) -> bool:
        """Whether the notice is public now."""
        return self.public and self.published_at is not None


class NoticePolicy(models.Model):
    """A site's rule for which kinds of case need a public notice; factual errors always do."""

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="notice_policy")
    silent_kinds = models.JSONField(
        _("kinds fixed without a notice"),
        default=list,
        blank=True,
        help_text=_("Case kinds whose fixes need no public notice, e.g. typo. Factual errors always get one."),
    )

    class Meta:
        verbose_name = _("notice policy")
        verbose_name_plural = _("notice policies")

    def __str__(self) -> str:
        return f"{self.site}: {', '.join(self.silent_kinds) or '-'}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.silent_kinds = sorted({k for k in self.silent_kinds if k in Kind.values and k != Kind.FACT})
        super().save(*args, **kwargs)


DEFAULT_SILENT_KINDS = [Kind.TYPO.value]
"""A new site's policy: typo fixes are silent, every other kind gets a notice."""
