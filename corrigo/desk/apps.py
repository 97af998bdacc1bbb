from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The editors' desk."""

    name = "corrigo.desk"
    label = "corrigo_desk"
    verbose_name = _("Desk")
