from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Readers' reports and the public API that receives them."""

    name = "corrigo.reports"
    label = "corrigo_reports"
    verbose_name = _("Reports")
