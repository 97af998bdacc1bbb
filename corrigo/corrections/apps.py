from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrectionsConfig(AppConfig):
    """Corrections and their public notices: the log page, feeds, JSON-LD and the widget's notices."""

    name = "corrigo.corrections"
    label = "corrigo_corrections"
    verbose_name = _("Corrections")
