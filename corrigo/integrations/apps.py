from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsConfig(AppConfig):
    """The CMS API's tokens, signed webhooks and their delivery log."""

    name = "corrigo.integrations"
    label = "corrigo_integrations"
    verbose_name = _("Integrations")

    def ready(self) -> None:
        from corrigo.integrations import signals  # noqa: F401  (announces new cases by webhook)
