"""Reads for notifications: who wants which emails, and which cases a digest lists."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet, Value
from django.db.models.functions import Coalesce

from corrigo.cases.models import Case
from corrigo.notifications.models import DEFAULT_MODE
from corrigo.sites.models import Role

ACTING_ROLES = (Role.OWNER, Role.EDITOR)


def editors_wanting(*, mode: str, site_id: int | None = None) -> QuerySet[AbstractBaseUser]:
    """Users with an email address who edit or own a site (``site_id``, or any) and chose ``mode``."""
    users = get_user_model().objects.filter(is_active=True, memberships__role__in=ACTING_ROLES).exclude(email="")
    if site_id is not None:
        users = users.filter(memberships__site_id=site_id)
    return (
        users.annotate(mode=Coalesce("notification_preference__mode", Value(DEFAULT_MODE.value)))
        .filter(mode=mode)
        .distinct()
        .order_by("pk")
    )


def digest_cases(*, user: AbstractBaseUser, start: datetime, end: datetime) -> list[Case]:
    """The cases opened in ``[start, end)`` on the sites ``user`` edits or owns, by site and priority."""
    return list(
        Case.objects.filter(
            site__memberships__user=user,
            site__memberships__role__in=ACTING_ROLES,
            created_at__gte=start,
            created_at__lt=end,
        )
        .select_related("site", "article")
        .order_by("site__name", "-priority", "-id")
    )
