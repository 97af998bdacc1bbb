from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class AntispamConfig(AppConfig):
    """Screening of readers' submissions: challenge, honeypot, content checks, block list, rate limits."""

    name = "corrigo.antispam"
    label = "corrigo_antispam"
    verbose_name = _("Spam and abuse")

    def ready(self) -> None:
        from corrigo.antispam.models import BlockedClient
        from corrigo.antispam.signals import block_list_forget, cache_table_ensure

        post_migrate.connect(cache_table_ensure, sender=self)
        post_save.connect(block_list_forget, sender=BlockedClient)
        post_delete.connect(block_list_forget, sender=BlockedClient)
