"""The widget's configuration endpoint."""

from django.conf import settings as django_settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router

from corrigo.embed.schemas import WidgetConfigOut
from corrigo.embed.selectors import widget_config
from corrigo.problems import Problem
from corrigo.sites.selectors import site_by_public_key

router = Router(tags=["widget"])


@router.get("/sites/{key}/widget", response=WidgetConfigOut, summary="Widget configuration")
def widget_config_read(request: HttpRequest, response: HttpResponse, key: str, lang: str = "") -> dict[str, object]:
    """The widget's strings in the reader's language, the kinds of problem, the limits and a challenge.

    Never cached: the challenge in it is good for one report.
    """
    response["Cache-Control"] = "no-store"
    site = site_by_public_key(key=key)
    if site is None:
        raise Problem(404, _("There is no site with this key."))
    language = lang.split("-")[0].lower() or site.default_language
    if language not in dict(django_settings.LANGUAGES):
        language = site.default_language
    with translation.override(language):
        return widget_config(site=site, language=language)
