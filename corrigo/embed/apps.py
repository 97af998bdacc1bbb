from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbedConfig(AppConfig):
    """The reader widget: its script and its configuration."""

    name = "corrigo.embed"
    label = "corrigo_embed"
    verbose_name = _("Widget")
