"""Announces every newly opened case by webhook, whichever service opened it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from corrigo.cases.models import Case
from corrigo.integrations.events import case_created_emit


@receiver(post_save, sender=Case, dispatch_uid="corrigo.integrations.case_created")
def case_created_announce(
    sender: type[Case], instance: Case, created: bool, raw: bool = False, **kwargs: object
) -> None:
    """A case was opened: store its ``case.created`` deliveries in the same transaction."""
    if created and not raw:
        case_created_emit(case=instance)
