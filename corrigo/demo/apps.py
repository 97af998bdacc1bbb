from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """A demo newsroom: a publication, three article pages with the widget, an editor."""

    name = "corrigo.demo"
    label = "corrigo_demo"
    verbose_name = _("Demo")
