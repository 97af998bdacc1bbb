"""The demo newsroom's pages: an index and three articles that embed the widget."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from corrigo.conf import settings
from corrigo.demo.articles import ARTICLES, BY_SLUG


def _require_demo() -> None:
    if not settings.DEMO:
        raise Http404


def index(request: HttpRequest) -> HttpResponse:
    """The demo publication's front page."""
    _require_demo()
    return render(request, "demo/index.html", {"articles": ARTICLES})


def article(request: HttpRequest, slug: str) -> HttpResponse:
    """One demo article, with the widget's script tag as a publisher would add it."""
    _require_demo()
    if slug not in BY_SLUG:
        raise Http404
    return render(request, "demo/article.html", {"article": BY_SLUG[slug]})
