"""≥ 700 XSS payloads in every reader field, shown everywhere a reader's words appear, in real Chromium:
the desk (queue, case pages, held queue), the reader's status pages, the public corrections log and its
feeds, and the widget's notices on the article; none may run.

A payload that runs calls ``__xss``, ``alert``, ``confirm`` or ``prompt`` (all hooked before any page
script) or opens a dialog; besides, no page may contain markup a payload could have injected (an
``on…`` attribute, a ``javascript:`` URL, an inline script) anywhere, shadow roots included.
"""

import time
import uuid

import pytest
from django.core import mail
from playwright.sync_api import Page

from corrigo.antispam.challenge import challenge_issue
from corrigo.cases.models import Case
from corrigo.demo.services import DEMO_PASSWORD, DEMO_USERNAME, demo_editor_ensure, demo_site_ensure
from corrigo.reports.models import Report, Verdict
from corrigo.reports.schemas import ReportIn
from corrigo.reports.services import report_submit
from tests.browser.security.payloads import payloads
from tests.publishing import accepted

pytestmark = [pytest.mark.browser, pytest.mark.long]
GROUP = 50
HOOK = """
window.__xssHits = [];
window.__xss = (n) => window.__xssHits.push("__xss:" + n);
for (const name of ["alert", "confirm", "prompt"]) window[name] = (m) => window.__xssHits.push(name + ":" + m);
"""
INJECTED = """() => {
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        const value = attr.value.replace(/[\\s\\x00-\\x1f]/g, "").toLowerCase();
        if (attr.name.startsWith("on") || value.startsWith("javascript:")) found.push(el.tagName + " " + attr.name);
      }
      if (el.tagName === "SCRIPT" && !el.src && !/json/.test(el.type)) found.push("inline script");
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return found.concat(window.__xssHits || []);
}"""


def body(site, text: str, passage: str, *, url: str, title: str, challenge: bool, **fields) -> ReportIn:
    start = text.index(passage)
    end = start + len(passage)
    data = {
        "site": site.public_key,
        "url": url,
        "title": title,
        "client_id": str(uuid.uuid4()),
        "kind": "typo",
        "selector": {
            "exact": passage,
            "prefix": text[max(0, start - 32) : start],
            "suffix": text[end : end + 32],
            "start": start,
            "end": end,
        },
        "text": text,
        "lang": "en",
        "challenge": challenge_issue(site=site, now=time.time() - 30)["challenge"] if challenge else "",
        **fields,
    }
    return ReportIn(**data)


@pytest.fixture
def world(live_server, settings):
    """Every payload as a held report (passage, comment, proposal, title) and in accepted cases whose
    corrections are published with the payloads as wording and notice."""
    settings.CORRIGO_RATE_ARTICLE = settings.CORRIGO_RATE_SITE = None
    site = demo_site_ensure(origins=[live_server.url])
    editor = demo_editor_ensure(site=site)
    found = payloads()
    text = "\n".join(found)
    url = f"{live_server.url}/demo/bike-lanes/"
    for payload in found:
        report_submit(
            site=site,
            client_hash="",
            data=body(
                site,
                text,
                payload,
                url=url,
                title=payload[:500],
                challenge=False,
                comment=payload,
                proposed=f"{payload} ·",
            ),
        )
    cases = []
    for first in range(0, len(found), GROUP):
        group = found[first : first + GROUP]
        case_ids = set()
        for n, payload in enumerate(group):
            email = {"email": f"reader{first + n}@example.org"} if n == 0 else {}
            report = report_submit(
                site=site,
                client_hash="",
                data=body(
                    site,
                    text,
                    group[0],
                    url=url,
                    title=payload[:500],
                    challenge=True,
                    comment=payload,
                    proposed=f"{payload} ·",
                    **email,
                ),
            )
            case_ids.add(report.case_id)
        case = Case.objects.get(pk=max(pk for pk in case_ids if pk))
        accepted(case, editor, wording=f"{group[0]} ·", notice_text=" ".join(group)[:1500])
        cases.append(case)
    return {"site": site, "payloads": found, "cases": cases}


def visit(page: Page, url: str) -> list[str]:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, url
    page.wait_for_timeout(150)
    return [f"{url}: {hit}" for hit in page.evaluate(INJECTED)]


def test_no_payload_runs_anywhere_a_readers_words_are_shown(page: Page, live_server, world):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.add_init_script(HOOK)
    site, cases = world["site"], world["cases"]
    base = live_server.url
    held = Report.objects.filter(verdict=Verdict.HELD).count()
    assert held >= len(world["payloads"]) >= 700
    page.goto(f"{base}/desk/login/")
    page.get_by_label("Username").fill(DEMO_USERNAME)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/desk/")
    urls = [f"{base}/desk/?status=all&size=200"]
    urls += [f"{base}/desk/cases/{case.pk}/" for case in cases]
    held_pages = -(-held // 50)
    urls += [f"{base}/desk/sites/{site.slug}/held/?page={n}" for n in range(1, held_pages + 1)]
    urls += [f"{base}/status/{case.reports.first().pk}/" for case in cases]
    urls += [
        f"{base}/corrections/{site.slug}/",
        f"{base}/corrections/{site.slug}/feed.atom",
        f"{base}/corrections/{site.slug}/feed.json",
        f"{base}/demo/bike-lanes/",
    ]
    executed = [hit for url in urls for hit in visit(page, url)]
    page.wait_for_timeout(1500)  # the widget shows its notices once the page is idle
    executed += visit(page, f"{base}/demo/bike-lanes/")
    page.goto(f"{base}/desk/sites/{site.slug}/held/")
    assert page.get_by_text(world["payloads"][0], exact=True).first.is_visible()
    assert executed == [] and dialogs == []
    assert mail.outbox and all(m.content_subtype == "plain" and not getattr(m, "alternatives", []) for m in mail.outbox)
