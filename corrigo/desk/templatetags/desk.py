"""Template helpers of the desk."""

from typing import Any

from django import template
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from corrigo.audit.models import AuditEvent
from corrigo.cases.services.privacy import email_masked

register = template.Library()

EVENT_LABELS = {
    "case.accepted": _("Accepted"),
    "case.rejected": _("Rejected"),
    "case.reviewed": _("Reviewed, kept open"),
    "case.reopened": _("Reopened"),
    "case.fixed_confirmed": _("Confirmed as fixed"),
    "case.merged": _("Merged into another case"),
    "case.merged_from": _("Another case was merged into this one"),
    "case.split": _("A report was split off into a new case"),
    "case.split_from": _("Split off from another case"),
    "case.assigned": _("Assigned"),
    "case.moved": _("Moved to a new version of the article"),
    "case.stale": _("The passage changed"),
    "case.orphaned": _("The passage was lost"),
    "case.fixed_in_version": _("A new version carries a proposed fix"),
    "case.fixed": _("Fixed in the article"),
    "report.email_revealed": _("A reader's email was shown"),
}


@register.filter
def masked(email: str) -> str:
    """``reader@example.org`` → ``r•••@example.org``."""
    return email_masked(email)


@register.filter
def get(mapping: dict, key: Any) -> Any:
    """``mapping[key]``, or "" when it is missing."""
    return mapping.get(key, "")


@register.filter
def event_label(event: AuditEvent) -> str:
    """What an audit event says, in the editor's language."""
    label = EVENT_LABELS.get(event.action)
    return str(label) if label is not None else event.label


@register.simple_tag
def query_with(query: str, **changes: Any) -> str:
    """The query string ``query`` with ``changes`` applied (and the page reset unless given)."""
    params = QueryDict(query, mutable=True)
    params.pop("page", None)
    for name, value in changes.items():
        params[name] = str(value)
    return params.urlencode()
