"""What the widget's browser tests share besides fixtures: the test article, the fake corrigo API,
the widget configuration (fake or the server's own), and a script that selects a word."""

import json
from dataclasses import dataclass, field

from django.utils import translation

from corrigo.embed.selectors import widget_config
from corrigo.sites.models import Site

WIDGET_CONFIG = {
    "site": "demo",
    "name": "Demo Daily",
    "lang": "en",
    "catalog": {},
    "plural": None,
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


def server_config(lang):
    """The widget configuration the server gives in ``lang``, with its real gettext catalogue."""
    with translation.override(lang):
        config = widget_config(site=Site(public_key="demo", name="Demo Daily"), language=lang)
    return json.loads(json.dumps(config))


@dataclass
class FakeApi:
    """The corrigo API as the widget sees it; records what the widget sends.

    ``answers`` is a queue for POST /api/v1/reports: each item is (status, body), (status, body,
    headers) or "abort" (a network failure); when it is empty the report is accepted with 202.
    ``notices`` is what GET /api/v1/sites/demo/notices answers (None: 404). With ``offline`` every
    request fails as without a network (page.route answers even under Playwright's offline emulation).
    """

    corrigo: str
    config: dict | None = field(default_factory=lambda: json.loads(json.dumps(WIDGET_CONFIG)))
    answers: list = field(default_factory=list)
    reports: list = field(default_factory=list)
    config_urls: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    notices: list | None = field(default_factory=list)
    notice_urls: list = field(default_factory=list)
    offline: bool = False

    def handle(self, route):
        request = route.request
        self.requests.append((request.method, request.url))
        if self.offline:
            return route.abort("internetdisconnected")
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
        if request.method == "GET" and "/notices?" in request.url:
            self.notice_urls.append(request.url)
            if self.notices is None:
                return route.fulfill(status=404, headers=cors, json={"status": 404})
            return route.fulfill(status=200, headers=cors, json={"notices": self.notices})
        if request.method == "POST" and request.url == f"{self.corrigo}/api/v1/reports":
            report = request.post_data_json
            self.reports.append(report)
            answer = self.answers.pop(0) if self.answers else None
            if answer == "abort":
                return route.abort("internetdisconnected")
            if answer is None:
                n = len(self.reports)
                answer = (202, {"id": f"r{n}", "status_url": f"https://corrigo.example/r/{report['client_id']}"})
            status, body, *extra = answer
            kind = "application/json" if status < 400 else "application/problem+json"
            headers = {**cors, "Access-Control-Expose-Headers": "Retry-After", "Content-Type": kind}
            return route.fulfill(
                status=status, headers={**headers, **(extra[0] if extra else {})}, body=json.dumps(body)
            )
        return route.fulfill(status=404, headers=cors, body="")


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
