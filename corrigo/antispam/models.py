"""The block list and the counts of rejected submissions (stored reports carry their own verdict)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from corrigo.antispam.reasons import Reason
from corrigo.sites.models import Site


class BlockedClient(models.Model):
    """A client hash an editor blocked on one site.

    Client hashes rotate every day (only a keyed hash of the address is ever stored), so a block
    lasts until the end of the hash's day: ``expires_at``.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="blocked_clients")
    client_hash = models.CharField(_("client hash"), max_length=64)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("blocked"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))

    class Meta:
        verbose_name = _("blocked client")
        verbose_name_plural = _("blocked clients")
        constraints = [models.UniqueConstraint(fields=["site", "client_hash"], name="blocked_client_unique")]

    def __str__(self) -> str:
        return f"{self.site} · {self.client_hash[:12]}…"


class RejectionCount(models.Model):
    """How many submissions to a site were rejected, per day and reason (they are not stored)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="rejection_counts")
    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=32, choices=Reason.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("rejection count")
        verbose_name_plural = _("rejection counts")
        constraints = [models.UniqueConstraint(fields=["site", "day", "reason"], name="rejection_count_unique")]

    def __str__(self) -> str:
        return f"{self.site} · {self.day} · {self.reason}: {self.count}"
