"""Writes to the audit trail."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.utils import timezone

from corrigo.audit.models import AuditEvent
from corrigo.db import insert_many
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
    """The event ``audit_record`` stores, unsaved: for writing many at once with ``audit_events_save``."""
    return AuditEvent(
        site=site,
        actor=actor,
        action=action,
        target_type=target._meta.model_name or "",
        target_id=str(target.pk),
        data=data or {},
    )


EVENT_FIELDS = ("site_id", "actor_id", "action", "target_type", "target_id", "data", "created_at")


def audit_events_save(events: list[AuditEvent]) -> None:
    """Store unsaved ``events`` (``audit_event``) in one batch.

    The task worker writes an event for every report it places, so the insert is SQL built once
    (``corrigo.db``) rather than ``bulk_create``, which builds it for every batch. The events get no
    ids back.
    """
    now = timezone.now()
    rows = [{name: getattr(event, name) for name in EVENT_FIELDS} for event in events]
    for row in rows:
        row["created_at"] = row["created_at"] or now
    insert_many(AuditEvent, rows)
