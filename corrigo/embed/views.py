"""Serves the widget's script files at stable URLs (``/embed.js``, ``/embed/<name>``)."""

import hashlib
from functools import lru_cache
from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.views.decorators.http import require_GET

BUILD_DIR = Path(__file__).resolve().parent / "static" / "corrigo"


@lru_cache(maxsize=16)
def _script(name: str) -> tuple[bytes, str]:
    path = BUILD_DIR / name
    if not name.endswith(".js") or "/" in name or not path.is_file():
        raise Http404
    body = path.read_bytes()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@require_GET
def embed_script(request: HttpRequest, name: str = "embed.js") -> HttpResponse:
    """A widget script: cached briefly because its URL never changes, revalidated by ETag."""
    body, etag = _script(name)
    if request.headers.get("If-None-Match") == etag:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=300"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Access-Control-Allow-Origin"] = "*"
    return response
