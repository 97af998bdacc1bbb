"""Widget browser tests without the Django server.

Two small HTTP servers on loopback stand in for the two sides of a real install: the publisher
(serves test pages, optionally with a CSP header) and corrigo (serves the built widget files at
/embed.js and /embed/<name>, as the real service will). They are different origins, so the
widget's cross-origin behaviour is real. The corrigo API itself is faked per test with
Playwright's page.route (see ``widget_api``); its widget configuration can be the one the real
server makes, with the real catalogues (see ``server_config``).
"""

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser.widget.support import ARTICLE, ARTICLE_TEXT, SELECT_JS, FakeApi

REPO = Path(__file__).resolve().parents[3]
BUILD = REPO / "corrigo" / "embed" / "static" / "corrigo"


class _Handler(BaseHTTPRequestHandler):
    """Serve registered pages and the built widget files; nothing else."""

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        pages = self.server.pages
        if path in pages:
            body, headers = pages[path]
            return self._send(200, body.encode(), {"Content-Type": "text/html; charset=utf-8", **headers})
        name = "embed.js" if path == "/embed.js" else path.removeprefix("/embed/")
        file = BUILD / name
        if path.startswith(("/embed.js", "/embed/")) and "/" not in name and file.is_file():
            # As whitenoise does for static files: any origin may load them (the dialog is an ES module).
            return self._send(
                200,
                file.read_bytes(),
                {"Content-Type": "text/javascript; charset=utf-8", "Access-Control-Allow-Origin": "*"},
            )
        return self._send(404, b"not found", {"Content-Type": "text/plain"})

    def _send(self, status, body, headers):
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        """Keep test output quiet."""


@dataclass
class WidgetSite:
    """The publisher's and corrigo's origins, and a way to put pages on the publisher's."""

    publisher: str
    corrigo: str
    pages: dict

    def publish(self, name, html, csp=None):
        """Serve ``html`` (``{corrigo}`` filled in) at /<name> on the publisher; return its URL."""
        headers = {"Content-Security-Policy": csp.format(corrigo=self.corrigo)} if csp else {}
        self.pages[f"/{name}"] = (html.replace("{corrigo}", self.corrigo), headers)
        return f"{self.publisher}/{name}"


def _serve(pages):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.pages = pages
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def widget_site():
    """Publisher and corrigo test servers on two loopback ports (two origins)."""
    if not (BUILD / "embed.js").is_file():
        pytest.fail(f"{BUILD}/embed.js is missing: run `npm ci && npm run build` in widget/")
    pages = {}
    servers = [_serve(pages), _serve(pages)]
    publisher, corrigo = (f"http://127.0.0.1:{s.server_address[1]}" for s in servers)
    yield WidgetSite(publisher=publisher, corrigo=corrigo, pages=pages)
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture
def widget_api(page, widget_site):
    """Fake corrigo API on ``page``, for requests to the corrigo test origin."""
    api = FakeApi(corrigo=widget_site.corrigo)
    page.route(f"{widget_site.corrigo}/api/v1/**", api.handle)
    return api


@pytest.fixture
def phone(browser, widget_site):
    """A page in a mobile-emulated touch context (a phone's viewport), with its own fake API as ``phone.api``."""
    context = browser.new_context(
        viewport={"width": 390, "height": 700}, has_touch=True, is_mobile=True, device_scale_factor=2
    )
    page = context.new_page()
    page.api = FakeApi(corrigo=widget_site.corrigo)
    page.route(f"{widget_site.corrigo}/api/v1/**", page.api.handle)
    yield page
    context.close()


@pytest.fixture
def console_errors(page):
    """Console errors and uncaught exceptions of ``page`` (the widget must cause none)."""
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.fixture
def select_text(page):
    """Select the first occurrence of a word in the element matching a CSS selector."""

    def select(css, word):
        assert page.evaluate(SELECT_JS, [css, word]), f"{word!r} not found in {css}"

    return select


@dataclass
class ArticlePage:
    """The test article as loaded: its URL and the canonical text of its root."""

    url: str
    text: str = ARTICLE_TEXT


@pytest.fixture
def article_page(page, widget_site, widget_api):
    """The test article, loaded with the widget and the fake API."""
    url = widget_site.publish("article.html", ARTICLE)
    page.goto(url)
    page.wait_for_function("window.Corrigo")
    return ArticlePage(url=url)
