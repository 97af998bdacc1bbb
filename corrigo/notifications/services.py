"""Writes about notifications: an editor's choice, and the announcement of a new case."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from corrigo.notifications.models import DEFAULT_MODE, Mode, Preference
from corrigo.notifications.tasks import case_opened_notify


def preference_of(*, user: AbstractBaseUser) -> str:
    """The editor's chosen mode, or the default when they never chose."""
    row = Preference.objects.filter(user=user).values_list("mode", flat=True).first()
    return row or DEFAULT_MODE


@transaction.atomic
def preference_set(*, user: AbstractBaseUser, mode: str) -> Preference:
    """Store how ``user`` wants to hear about new cases."""
    preference, _created = Preference.objects.update_or_create(user=user, defaults={"mode": Mode(mode)})
    return preference


def case_opened_announce(*, case_id: int) -> None:
    """After the commit, have the worker email the editors who want one email per case."""
    transaction.on_commit(lambda: case_opened_notify.enqueue(case_id=case_id))
