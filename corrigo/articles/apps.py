from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    """Articles and every version of their canonical text."""

    name = "corrigo.articles"
    label = "corrigo_articles"
    verbose_name = _("Articles")
