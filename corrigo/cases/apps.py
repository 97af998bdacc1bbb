from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """Cases: the reports about one problem, grouped for the desk."""

    name = "corrigo.cases"
    label = "corrigo_cases"
    verbose_name = _("Cases")
