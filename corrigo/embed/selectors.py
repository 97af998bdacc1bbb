"""Reads for the widget."""

from functools import lru_cache

from django.conf import settings as django_settings
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog

from corrigo.antispam.challenge import challenge_issue
from corrigo.cases.models import Kind
from corrigo.conf import settings
from corrigo.sites.models import Site


def widget_config(*, site: Site, language: str) -> dict[str, object]:
    """The widget's configuration for ``site``: kinds in the active language, limits, the catalogue,
    and a fresh anti-spam challenge for the reader's first report (each answer brings the next one)."""
    catalog, plural = widget_catalog(language=language)
    return {
        "site": site.public_key,
        "name": site.name,
        "lang": language,
        "catalog": catalog,
        "plural": plural,
        "challenge": challenge_issue(site=site),
        "kinds": [{"value": kind.value, "label": str(kind.label)} for kind in Kind],
        "limits": {
            "exact": settings.MAX_EXACT,
            "proposed": settings.MAX_PROPOSED,
            "comment": settings.MAX_COMMENT,
            "email": settings.MAX_EMAIL,
            "text": settings.MAX_TEXT,
        },
    }


@lru_cache(maxsize=8)
def widget_catalog(*, language: str) -> tuple[dict[str, str | list[str]], str | None]:
    """The widget's strings in ``language``, from corrigo's ``djangojs`` catalogue, and its plural rule.

    The same data as Django's ``JSONCatalog`` view (msgid to translation, or to the list of plural
    forms; the ``plural=`` expression of ``n``), limited to corrigo's own catalogue so that the
    admin's JavaScript strings stay out. English has no catalogue: the msgids are the text.
    """
    view = JavaScriptCatalog()
    view.translation = DjangoTranslation(
        language, domain="djangojs", localedirs=[str(path) for path in django_settings.LOCALE_PATHS]
    )
    return view.get_catalog(), view.get_plural()
