"""Widget browser tests without the Django server.

Two small HTTP servers on loopback stand in for the two sides of a real install: the publisher
(serves test pages, optionally with a CSP header) and corrigo (serves the built widget files at
/embed.js and /embed/<name>, as the real service will). They are different origins, so the
widget's cross-origin behaviour is real. The corrigo API itself is faked per test with
Playwright's page.route (see ``widget_api``).
"""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
BUILD = REPO / "corrigo" / "embed" / "static" / "corrigo"

WIDGET_CONFIG = {
    "site": "demo",
    "name": "Demo Daily",
    "lang": "en",
    "labels": {},
    "kinds": [
        {"value": "typo", "label": "Typo"},
        {"value": "fact", "label": "Factual error"},
        {"value": "unclear", "label": "Unclear"},
        {"value": "other", "label": "Other"},
    ],
    "limits": {"exact": 1000, "proposed": 1000, "comment": 2000, "email": 254, "text": 300000},
}

ARTICLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rocket launch delayed</title></head>
<body>
<header><p>Demo Daily</p></header>
<article>
  <h1>Rocket launch delayed</h1>
  <p id="lead">The \U0001f680 launch was delayed by rain.</p>
  <p id="second">Engineers will try again on Friday.</p>
</article>
<footer><button type="button" id="write" data-corrigo-open>Write to us</button></footer>
<script src="{corrigo}/embed.js" data-site="demo" data-root="article" defer></script>
</body></html>
"""
# Canonical text of ARTICLE's root, for the assertions.
ARTICLE_TEXT = "Rocket launch delayed\nThe \U0001f680 launch was delayed by rain.\nEngineers will try again on Friday."


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


@dataclass
class FakeApi:
    """The corrigo API as the widget sees it; records what the widget sends.

    ``answers`` is a queue for POST /api/v1/reports: each item is (status, body) or "abort"
    (a network failure); when it is empty the report is accepted with 202.
    """

    corrigo: str
    config: dict | None = field(default_factory=lambda: json.loads(json.dumps(WIDGET_CONFIG)))
    answers: list = field(default_factory=list)
    reports: list = field(default_factory=list)
    config_urls: list = field(default_factory=list)
    requests: list = field(default_factory=list)

    def handle(self, route):
        request = route.request
        self.requests.append((request.method, request.url))
        cors = {"Access-Control-Allow-Origin": "*"}
        if request.method == "OPTIONS":
            return route.fulfill(
                status=204,
                headers={
                    **cors,
                    "Access-Control-Allow-Methods": "GET, POST",
                    "Access-Control-Allow-Headers": "Content-Type",
                },
            )
        if request.method == "GET" and "/widget" in request.url:
            self.config_urls.append(request.url)
            if self.config is None:
                return route.fulfill(status=500, headers=cors, body="")
            return route.fulfill(status=200, headers=cors, json=self.config)
        if request.method == "POST" and request.url == f"{self.corrigo}/api/v1/reports":
            report = request.post_data_json
            self.reports.append(report)
            answer = self.answers.pop(0) if self.answers else None
            if answer == "abort":
                return route.abort("internetdisconnected")
            if answer is None:
                n = len(self.reports)
                answer = (202, {"id": f"r{n}", "status_url": f"https://corrigo.example/r/{report['client_id']}"})
            status, body = answer
            kind = "application/json" if status < 400 else "application/problem+json"
            return route.fulfill(status=status, headers={**cors, "Content-Type": kind}, body=json.dumps(body))
        return route.fulfill(status=404, headers=cors, body="")


@pytest.fixture
def widget_api(page, widget_site):
    """Fake corrigo API on ``page``, for requests to the corrigo test origin."""
    api = FakeApi(corrigo=widget_site.corrigo)
    page.route(f"{widget_site.corrigo}/api/v1/**", api.handle)
    return api


@pytest.fixture
def console_errors(page):
    """Console errors and uncaught exceptions of ``page`` (the widget must cause none)."""
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


SELECT_JS = """([css, word]) => {
  const root = document.querySelector(css);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.data.indexOf(word);
    if (i < 0) continue;
    const r = document.createRange();
    r.setStart(n, i);
    r.setEnd(n, i + word.length);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    return true;
  }
  return false;
}"""


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
