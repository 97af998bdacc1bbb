"""A site's corrections as an Atom feed and a JSON Feed 1.1; entry ids come from the never-changing public id."""

import re
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from corrigo.corrections.models import Correction
from corrigo.corrections.selectors import notices_of_site, site_of_slug
from corrigo.sites.models import Site

FEED_SIZE = 50
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot carry at all, not even escaped: readers' words may hold them."""
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def xml_safe(text: str) -> str:
    """``text`` without the control characters that XML cannot carry (the rest is escaped by the feed)."""
    return XML_FORBIDDEN.sub("", text)


def entry_id(correction: Correction) -> str:
    """The feed id of a notice: it never changes, whatever happens to the notice's words."""
    return f"urn:uuid:{correction.public_id}"


def feed_title(site: Site) -> str:
    """The feeds' title, in the site's language."""
    with translation.override(site.default_language):
        return _("Corrections · %(site)s") % {"site": site.name}


def entry_title(correction: Correction) -> str:
    """An entry's title: the kind of notice and the article's title, in the notice's language."""
    with translation.override(correction.language):
        return f"{correction.get_kind_display()}: {correction.article.title or correction.article.url}"


class CorrectionsAtomFeed(Feed):
    """The site's published notices, newest first, as Atom."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str) -> Site:
        site = site_of_slug(slug=slug)
        if site is None:
            raise Http404
        return site

    def title(self, site: Site) -> str:
        return xml_safe(feed_title(site))

    def link(self, site: Site) -> str:
        return reverse("corrections:log", kwargs={"slug": site.slug})

    def feed_url(self, site: Site) -> str:
        return reverse("corrections:atom", kwargs={"slug": site.slug})

    def feed_guid(self, site: Site) -> str:
        return f"urn:corrigo:site:{site.public_key}:corrections"

    def subtitle(self, site: Site) -> str:
        with translation.override(site.default_language):
            return xml_safe(_("Corrections, clarifications and updates published by %(site)s.") % {"site": site.name})

    def language(self, site: Site) -> str:
        return site.default_language

    def items(self, site: Site) -> list[Correction]:
        return list(notices_of_site(site=site)[:FEED_SIZE])

    def item_title(self, item: Correction) -> str:
        return xml_safe(entry_title(item))

    def item_description(self, item: Correction) -> str:
        return xml_safe(item.wording)

    def item_link(self, item: Correction) -> str:
        return item.article.url

    def item_guid(self, item: Correction) -> str:
        return entry_id(item)

    item_guid_is_permalink = False

    def item_pubdate(self, item: Correction) -> Any:
        return item.published_at

    def item_updateddate(self, item: Correction) -> Any:
        return max(item.updated_at, item.published_at)

    def item_categories(self, item: Correction) -> tuple[str, str]:
        return (item.kind, item.severity)


def json_feed(request: HttpRequest, slug: str) -> JsonResponse:
    """The site's published notices, newest first, as JSON Feed 1.1."""
    site = site_of_slug(slug=slug)
    if site is None:
        raise Http404
    log_url = request.build_absolute_uri(reverse("corrections:log", kwargs={"slug": site.slug}))
    feed_url = request.build_absolute_uri(reverse("corrections:json", kwargs={"slug": site.slug}))
    items = [
        {
            "id": entry_id(c),
            "url": c.article.url,
            "title": entry_title(c),
            "content_text": c.wording,
            "date_published": c.published_at.isoformat(),
            "date_modified": max(c.updated_at, c.published_at).isoformat(),
            "language": c.language,
            "tags": [c.kind, c.severity],
        }
        for c in notices_of_site(site=site)[:FEED_SIZE]
    ]
    body = {
        "version": JSON_FEED_VERSION,
        "title": feed_title(site),
        "home_page_url": log_url,
        "feed_url": feed_url,
        "language": site.default_language,
        "items": items,
    }
    return JsonResponse(body, content_type="application/feed+json", json_dumps_params={"ensure_ascii": False})
