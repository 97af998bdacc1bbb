"""A site's public corrections log: every published notice, newest first, a page at a time."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from corrigo.corrections.selectors import notices_of_site, site_of_slug

PAGE_SIZE = 20


def corrections_log(request: HttpRequest, slug: str) -> HttpResponse:
    """The corrections log page, in the site's language, each notice linking its article."""
    site = site_of_slug(slug=slug)
    if site is None:
        raise Http404
    page = Paginator(notices_of_site(site=site), PAGE_SIZE).get_page(request.GET.get("page"))
    with translation.override(site.default_language):
        response = render(request, "corrections/log.html", {"site": site, "page": page})
    response["Cache-Control"] = "public, max-age=60"
    return response
