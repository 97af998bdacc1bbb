"""The whole first slice in real Chromium: a reader reports a typo on a demo article, an editor sees it."""

import re

import pytest
from playwright.sync_api import Page, expect

from corrigo.cases.models import Case
from corrigo.demo.services import DEMO_PASSWORD, DEMO_USERNAME, demo_editor_ensure, demo_site_ensure


@pytest.fixture
def demo(live_server):
    """The demo newsroom, allowing the live server's origin."""
    site = demo_site_ensure(origins=[live_server.url])
    demo_editor_ensure(site=site)
    return site


def select_word(page: Page, word: str) -> None:
    """Select the first occurrence of ``word`` inside the article, as a reader's drag would."""
    page.evaluate(
        """(word) => {
            const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(word);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + word.length);
                    getSelection().removeAllRanges();
                    getSelection().addRange(range);
                    return;
                }
            }
            throw new Error("word not found: " + word);
        }""",
        word,
    )


def report_typo(page: Page, base: str, shortcut: str) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(r.url) if r.status >= 400 else None)
    page.goto(f"{base}/demo/bike-lanes/")
    select_word(page, "recieved")
    page.keyboard.press(shortcut)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("mark")).to_have_text("recieved")
    dialog.get_by_label("Suggested wording").fill("received")
    dialog.get_by_label("Comment").fill("Spelling: i before e.")
    page.wait_for_timeout(2100)  # a person takes a few seconds; the service holds forms sent faster
    dialog.get_by_role("button", name="Send").click()
    expect(dialog.get_by_role("status")).to_contain_text("received")
    expect(dialog.get_by_role("link", name="See what happens to it")).to_have_attribute("href", re.compile("/status/"))
    assert errors == []


def open_case_in_desk(page: Page, base: str) -> None:
    page.goto(f"{base}/desk/")
    page.get_by_label("Username").fill(DEMO_USERNAME)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    # Follow the queue's link by its address: right after a login, headless Chromium drops the first
    # synthetic click on the page (a real reader's mouse has moved long before).
    page.goto(base + page.get_by_role("link", name="recieved").get_attribute("href"))
    expect(page.locator("mark.passage")).to_have_text("recieved")
    expect(page.locator(".article-text")).to_contain_text("The plan, which the council first recieved")
    expect(page.get_by_text("Spelling: i before e.")).to_be_visible()


@pytest.mark.parametrize("shortcut", ["Control+Enter", "Meta+Enter"])
def test_reader_reports_a_typo_and_the_editor_sees_it_highlighted(page: Page, live_server, demo, shortcut):
    report_typo(page, live_server.url, shortcut)
    case = Case.objects.get()
    assert (case.exact, case.report_count) == ("recieved", 1)
    assert case.reports.get().proposed == "received"
    open_case_in_desk(page, live_server.url)


def test_two_readers_on_the_same_passage_make_one_case_counted_twice(page: Page, live_server, demo):
    report_typo(page, live_server.url, "Control+Enter")
    report_typo(page, live_server.url, "Control+Enter")
    assert Case.objects.get().report_count == 2
