"""Template tags for Django and Wagtail sites that install corrigo's apps.

``{% load corrigo %}``, then in the article template::

    {% corrigo_widget "SITE-KEY" root="article" %}      the widget's script tag, notices shown
    {% corrigo_jsonld "SITE-KEY" request.build_absolute_uri %}   schema.org corrections of the page
    <a href="{% corrigo_log_url "SITE-KEY" %}">Corrections</a>    the site's public corrections log
"""

import json

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from corrigo.conf import settings
from corrigo.corrections.selectors import article_jsonld, article_of_site
from corrigo.sites.selectors import site_by_public_key

register = template.Library()

_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag
def corrigo_widget(site_key: str, root: str = "article", show_corrections: bool = True, lang: str = "") -> SafeString:
    """The widget's script tag; with ``show_corrections`` the widget shows the article's notices."""
    src = settings.PUBLIC_URL.rstrip("/") + "/embed.js"
    extra = format_html(' data-lang="{}"', lang) if lang else ""
    flag = mark_safe(" data-show-corrections") if show_corrections else ""
    return format_html(
        '<script src="{}" data-site="{}" data-root="{}"{}{} defer></script>', src, site_key, root, extra, flag
    )


@register.simple_tag
def corrigo_jsonld(site_key: str, url: str) -> SafeString:
    """A ``<script type="application/ld+json">`` with the page's published corrections; nothing without any."""
    site = site_by_public_key(key=site_key)
    article = article_of_site(site=site, url=url) if site is not None else None
    data = article_jsonld(article=article) if article is not None else None
    if data is None or "correction" not in data:
        return mark_safe("")
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag
def corrigo_log_url(site_key: str) -> str:
    """The address of the site's public corrections log ("" for an unknown key)."""
    site = site_by_public_key(key=site_key)
    if site is None:
        return ""
    return settings.PUBLIC_URL.rstrip("/") + reverse("corrections:log", kwargs={"slug": site.slug})
