from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Who did what to which object, and when."""

    name = "corrigo.audit"
    label = "corrigo_audit"
    verbose_name = _("Audit")
