"""The audit trail: one row for every change of state."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from corrigo.sites.models import Site

ACTION_LABELS = {
    "report.received": _("Report received"),
    "report.held": _("Report held for review"),
    "report.released": _("Held report released"),
    "report.discarded": _("Held report discarded"),
    "report.email_revealed": _("Reader's email revealed"),
    "report.outcome_emailed": _("Reader told the outcome by email"),
    "reports.email_erased_on_request": _("Reader's email erased on request"),
    "reports.emails_erased": _("Reader emails erased after the retention period"),
    "case.opened": _("Case opened"),
    "case.report_added": _("Another report joined"),
    "case.reports_added": _("More reports joined"),
    "case.moved": _("Passage found in a new version"),
    "case.fixed_in_version": _("Passage fixed in a new version"),
    "case.stale": _("Passage changed in a new version"),
    "case.orphaned": _("Passage not found in a new version"),
    "case.accepted": _("Accepted"),
    "case.rejected": _("Rejected"),
    "case.assigned": _("Assigned"),
    "case.reviewed": _("Reviewed, kept open"),
    "case.reopened": _("Reopened"),
    "case.merged": _("Merged into another case"),
    "case.merged_from": _("Another case merged in"),
    "case.split": _("Report split out"),
    "case.split_from": _("Split from another case"),
    "case.fixed": _("Fix confirmed"),
    "case.fixed_confirmed": _("Fix confirmed"),
    "correction.created": _("Correction recorded"),
    "correction.published": _("Notice published"),
    "correction.edited": _("Notice edited"),
    "correction.unpublished": _("Notice withdrawn"),
    "correction.applied": _("Fix applied in the CMS"),
    "article.pushed": _("Version pushed by the CMS"),
    "api_token.created": _("API token created"),
    "api_token.revoked": _("API token revoked"),
    "webhook.created": _("Webhook added"),
    "webhook.deactivated": _("Webhook switched off"),
    "notice_policy.updated": _("Notice policy changed"),
    "client.blocked": _("Client blocked"),
    "site.created": _("Site created"),
    "site.updated": _("Site settings changed"),
    "invitation.sent": _("Invitation sent"),
    "invitation.accepted": _("Invitation accepted"),
    "invitation.revoked": _("Invitation withdrawn"),
    "membership.changed": _("Role changed"),
    "membership.removed": _("Member removed"),
}


class AuditEvent(models.Model):
    """One thing done to one object; ``actor`` is empty when a reader or the system did it."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="audit_events")
    # Most events are the system's (a report placed, a case opened): the index of ``actor`` is
    # partial, so that those rows do not write it.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, db_index=False
    )
    action = models.CharField(_("action"), max_length=64)
    target_type = models.CharField(_("object type"), max_length=32)
    target_id = models.CharField(_("object id"), max_length=64)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target"),
            models.Index(fields=["actor"], name="audit_actor", condition=Q(actor__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.target_type}:{self.target_id}"

    @property
    def label(self) -> str:
        """The action in the reader's language; unknown actions show their code."""
        return str(ACTION_LABELS.get(self.action, self.action))
