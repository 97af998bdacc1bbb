"""The demo in real Chromium: the editor accepts a reader's typo report with a notice in the desk, and
the article shows the notice, carries it in its JSON-LD, and the corrections log lists it."""

import json

import pytest
from playwright.sync_api import Page, expect

from corrigo.cases.models import Case, CaseStatus
from corrigo.demo.articles import BY_SLUG
from corrigo.demo.services import DEMO_PASSWORD, DEMO_USERNAME, demo_editor_ensure, demo_site_ensure
from corrigo.sites.models import Site
from tests.publishing import report_made

NOTICE = "An earlier version of this article misspelled “received”."


@pytest.fixture
def demo(live_server):
    """The demo newsroom, allowing the live server's origin."""
    site = demo_site_ensure(origins=[live_server.url])
    demo_editor_ensure(site=site)
    return site


def report_typo(base: str, site: Site) -> Case:
    """A reader's report of "recieved" in the demo article, proposing "received" (the widget's own
    path from selection to report is tested in tests/browser/test_reader_to_desk.py)."""
    demo_article = BY_SLUG["bike-lanes"]
    text = "\n".join([demo_article.title, demo_article.standfirst, *demo_article.paragraphs])
    report = report_made(site, text=text, url=f"{base}/demo/bike-lanes/", title=demo_article.title)
    return Case.objects.get(pk=report.case_id)


def accept_in_desk(page: Page, base: str, case: Case) -> None:
    """The editor logs in, opens the case and accepts it with the standard public notice."""
    page.goto(f"{base}/desk/")
    page.get_by_label("Username").fill(DEMO_USERNAME)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{base}/desk/")
    page.goto(f"{base}/desk/cases/{case.pk}/")
    accept = page.locator("details#accept")
    accept.locator("summary").click()
    expect(accept.get_by_label("Final wording")).to_have_value("received")
    accept.get_by_label("Publish a correction notice").check()
    accept.get_by_role("button", name="Accept").click()
    expect(page.get_by_role("button", name="Accept")).to_have_count(0)


def test_an_accepted_typo_shows_its_notice_on_the_demo_article_and_in_the_log(page: Page, live_server, demo):
    base = live_server.url
    case = report_typo(base, demo)
    accept_in_desk(page, base, case)
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED

    page.goto(f"{base}/demo/bike-lanes/")
    expect(page.locator(".corrigo-notices")).to_contain_text(NOTICE)
    jsonld = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert jsonld["correction"][0]["@type"] == "CorrectionComment"
    assert jsonld["correction"][0]["text"] == NOTICE

    page.get_by_role("link", name="All corrections").click()
    expect(page).to_have_url(f"{base}/corrections/{demo.slug}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Corrections")
    entry = page.locator("ol.corrections-log li")
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text(NOTICE)
    expect(entry.get_by_role("link")).to_have_attribute("href", f"{base}/demo/bike-lanes/")
