from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    """Publications served by this instance and who works on them."""

    name = "corrigo.sites"
    label = "corrigo_sites"
    verbose_name = _("Sites")

    def ready(self) -> None:
        from corrigo.sites import signals  # noqa: F401  (connects the CORS origin check)
