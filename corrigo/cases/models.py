"""A case groups the reports about one problem in one passage of an article."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from corrigo.articles.models import Article, ArticleVersion
from corrigo.sites.models import Site


class Kind(models.TextChoices):
    """What a reader says is wrong."""

    TYPO = "typo", _("Typo")
    FACT = "fact", _("Factual error")
    UNCLEAR = "unclear", _("Unclear")
    OTHER = "other", _("Other")


class CaseStatus(models.TextChoices):
    """Where a case stands; readers never see these, only received / corrected / no change needed."""

    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    ACCEPTED = "accepted", _("Accepted")
    FIXED = "fixed", _("Fixed")
    REJECTED = "rejected", _("Rejected")
    DUPLICATE = "duplicate", _("Duplicate")
    STALE = "stale", _("Stale")


OPEN_STATUSES = (CaseStatus.NEW, CaseStatus.IN_REVIEW)
QUEUE_STATUSES = (CaseStatus.NEW, CaseStatus.IN_REVIEW, CaseStatus.STALE)
"""What the desk's queue shows by default: every case still waiting for an editor's decision."""


class Case(models.Model):
    """The reports about one problem; its anchor is a passage of one article version.

    A case opened by a "write to us" report has no passage: ``start`` and ``end`` are empty.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="cases")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="cases")
    version = models.ForeignKey(ArticleVersion, on_delete=models.PROTECT, related_name="cases")
    start = models.PositiveIntegerField(_("start"), null=True, blank=True)
    end = models.PositiveIntegerField(_("end"), null=True, blank=True)
    exact = models.TextField(_("passage"), blank=True)
    prefix = models.CharField(_("text before"), max_length=64, blank=True)
    suffix = models.CharField(_("text after"), max_length=64, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.NEW)
    status_reason = models.CharField(_("status reason"), max_length=500, blank=True)
    fixed_in = models.ForeignKey(
        ArticleVersion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The version whose text at the passage equals a reader's proposed fix."),
    )
    orphaned = models.BooleanField(
        _("passage lost"), default=False, help_text=_("The passage could not be found in the latest version.")
    )
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    suggested_fix = models.TextField(_("suggested fix"), blank=True)
    machine_fix = models.TextField(
        _("spelling suggestion"), blank=True, help_text=_("The likely fix of a typo, computed from the passage.")
    )
    machine_fix_score = models.FloatField(_("spelling suggestion score"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_cases"
    )
    priority = models.IntegerField(
        _("priority"), default=0, help_text=_("Higher first; kept current by corrigo.cases.priority.")
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_cases",
        verbose_name=_("merged into"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["site", "status", "-created_at"], name="case_queue"),
            models.Index(fields=["article", "status"], name="case_article_status"),
            models.Index(fields=["site", "status", "-priority", "-id"], name="case_site_priority"),
            models.Index(
                fields=["-priority", "-id"], condition=models.Q(status__in=QUEUE_STATUSES), name="case_queue_priority"
            ),
            models.Index(fields=["site", "created_at"], name="case_site_created"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.exact[:40]}"

    @property
    def is_open(self) -> bool:
        """Whether the case still waits for a decision."""
        return self.status in OPEN_STATUSES

    @property
    def has_passage(self) -> bool:
        """Whether the case points at a passage (not a "write to us" message)."""
        return self.start is not None and self.end is not None
