"""One reader's submission about an article."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from corrigo.antispam.reasons import Reason
from corrigo.articles.models import Article, ArticleVersion
from corrigo.cases.models import Case, Kind
from corrigo.sites.models import Site


class Verdict(models.TextChoices):
    """How the service took a submission."""

    ACCEPTED = "accepted", _("Accepted")
    HELD = "held", _("Held")
    REJECTED = "rejected", _("Rejected")


class Report(models.Model):
    """A reader's report: the passage (W3C selectors), what is wrong, and an optional fix.

    ``client_id`` is made by the widget, so a retried submission finds the stored one. ``id`` is the
    public identifier in the reader's status link. The client address is never stored, only a keyed
    hash of it.

    An accepted report is stored first and placed afterwards by the task worker
    (``corrigo.reports.placement``): until then it is *waiting*, without a version or a case, and
    keeps the article text its reader sent in ``article_text``. A *held* report (suspected spam) keeps
    it too, in the desk's held queue, so that releasing it places it as if it had just arrived; the
    text is cleared once the report has its version. ``challenge`` is the nonce of the widget's
    challenge, used once per site.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The foreign keys' own indexes are left out (db_index=False): ``site`` and ``article`` lead
    # indexes of their own below, and ``version`` and ``case`` are empty until the report is placed,
    # so their indexes are partial. Every accepted report is inserted on the public endpoint, and each
    # index is one more B-tree to write in that transaction, which holds SQLite's one write lock.
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="reports", db_index=False)
    client_id = models.UUIDField(_("client id"))
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="reports", db_index=False)
    version = models.ForeignKey(
        ArticleVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="reports", db_index=False
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="reports", db_index=False
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    exact = models.TextField(_("passage"), blank=True)
    prefix = models.CharField(_("text before"), max_length=64, blank=True)
    suffix = models.CharField(_("text after"), max_length=64, blank=True)
    start = models.PositiveIntegerField(_("start"), null=True, blank=True)
    end = models.PositiveIntegerField(_("end"), null=True, blank=True)
    proposed = models.TextField(_("proposed wording"), blank=True)
    comment = models.TextField(_("comment"), blank=True)
    email = models.EmailField(_("reader's email"), max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    client_hash = models.CharField(_("client hash"), max_length=64, blank=True)
    verdict = models.CharField(_("verdict"), max_length=16, choices=Verdict.choices, default=Verdict.ACCEPTED)
    verdict_reason = models.CharField(_("reason"), max_length=32, choices=Reason.choices, blank=True)
    challenge = models.CharField(_("challenge"), max_length=32, null=True, blank=True, editable=False)
    article_text = models.TextField(_("article text the reader saw"), blank=True, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["site", "client_id"], name="report_unique_client_id"),
            models.UniqueConstraint(fields=["site", "challenge"], name="report_unique_challenge"),
        ]
        indexes = [
            models.Index(fields=["site", "verdict", "created_at"], name="report_site_verdict"),
            models.Index(
                fields=["created_at"], name="report_waiting", condition=Q(verdict=Verdict.ACCEPTED, case__isnull=True)
            ),
            # An article's waiting reports, oldest first, for the task worker's batches. Not partial:
            # SQLite uses a partial index only for a query written with its condition's constants,
            # never for bound parameters, and otherwise reads every report of the article.
            models.Index(fields=["article", "case", "verdict", "created_at"], name="report_article_waiting"),
            # A query on ``case = x`` or ``version = x`` implies the column is not null, so both
            # databases use these indexes for it.
            models.Index(fields=["case"], name="report_case", condition=Q(case__isnull=False)),
            models.Index(fields=["version"], name="report_version", condition=Q(version__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.exact[:40]}"

    @property
    def waiting(self) -> bool:
        """Accepted but not yet placed in a case by the task worker."""
        return self.verdict == Verdict.ACCEPTED and self.case_id is None

    @property
    def has_passage(self) -> bool:
        """Whether the reader selected a passage (not a "write to us" message)."""
        return self.start is not None and self.end is not None
