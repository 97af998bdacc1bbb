from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Emails to editors about new cases: one per case, or an hourly or daily digest."""

    name = "corrigo.notifications"
    label = "corrigo_notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from corrigo.notifications import signals  # noqa: F401  (announces new cases)
