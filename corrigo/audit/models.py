"""The audit trail: one row for every change of state."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from corrigo.sites.models import Site


ACTION_LABELS = {
    "report.received": _("Report received"),
    "case.opened": _("Case opened"),
    "case.report_added": _("Another report joined"),
}


class AuditEvent(models.Model):
    """One thing done to one object; ``actor`` is empty when a reader or the system did it."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(_("action"), max_length=64)
    target_type = models.CharField(_("object type"), max_length=32)
    target_id = models.CharField(_("object id"), max_length=64)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target")]

    def __str__(self) -> str:
        return f"{self.action} {self.target_type}:{self.target_id}"

    @property
    def label(self) -> str:
        """The action in the reader's language; unknown actions show their code."""
        return str(ACTION_LABELS.get(self.action, self.action))
