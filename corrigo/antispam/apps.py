from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from corrigo.antispam.signals import cache_table_ensure


class AntispamConfig(AppConfig):
    """Screening of readers' submissions: challenge, honeypot, content checks, block list, rate limits."""

    name = "corrigo.antispam"
    label = "corrigo_antispam"
    verbose_name = _("Spam and abuse")

    def ready(self) -> None:
        post_migrate.connect(cache_table_ensure, sender=self)
