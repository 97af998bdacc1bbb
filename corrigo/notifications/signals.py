"""Announce a new case to the editors who want an email per case."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from corrigo.cases.models import Case
from corrigo.notifications.services import case_opened_announce


@receiver(post_save, sender=Case)
def case_saved_announce(sender: type[Case], instance: Case, created: bool, **kwargs: object) -> None:
    """A case opened by a reader's report is announced; one split off by an editor is not."""
    if created and not getattr(instance, "opened_by_editor", False):
        case_opened_announce(case_id=instance.pk)
