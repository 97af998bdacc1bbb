"""Writes to the audit trail."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import models

from corrigo.audit.models import AuditEvent
from corrigo.sites.models import Site


def audit_record(
    *,
    site: Site,
    action: str,
    target: models.Model,
    actor: AbstractBaseUser | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record that ``actor`` (None: a reader or the system) did ``action`` to ``target``."""
    event = audit_event(site=site, action=action, target=target, actor=actor, data=data)
    event.save()
    return event


def audit_event(
    *,
    site: Site,
    action: str,
    target: models.Model,
    actor: AbstractBaseUser | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """The event ``audit_record`` stores, unsaved: for writing many at once with ``bulk_create``."""
    return AuditEvent(
        site=site,
        actor=actor,
        action=action,
        target_type=target._meta.model_name or "",
        target_id=str(target.pk),
        data=data or {},
    )
