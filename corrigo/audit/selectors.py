"""Reads of the audit trail."""

from django.db import models
from django.db.models import QuerySet

from corrigo.audit.models import AuditEvent


def audit_history(*, target: models.Model) -> QuerySet[AuditEvent]:
    """Every event about ``target``, oldest first, with its actor."""
    return AuditEvent.objects.filter(
        target_type=target._meta.model_name, target_id=str(target.pk)
    ).select_related("actor")
