"""Correction notices on the article, with data-show-corrections on the script tag."""

import pytest
from playwright.sync_api import expect

from tests.browser.widget.support import ARTICLE, server_config

pytestmark = pytest.mark.browser

NOTICES = [
    {
        "id": "n1",
        "kind": "clarification",
        "severity": "minor",
        "text": "An earlier version named the wrong <b>day</b>.",
        "published_at": "2026-03-02T10:00:00+00:00",
    },
    {
        "id": "n2",
        "kind": "correction",
        "severity": "serious",
        "text": "The launch was not cancelled.",
        "published_at": "2026-03-01T09:30:00Z",
    },
    {
        "id": "n3",
        "kind": "update",
        "severity": "significant",
        "text": "The new date is Friday.",
        "published_at": "2026-03-03T08:00:00Z",
    },
]

# The notices of each box, as the reader sees them (the boxes are shadow hosts in the article).
BOXES_JS = """() => [...document.querySelectorAll('article > .corrigo-notices')].map(host => ({
    first: host === host.parentNode.firstElementChild,
    last: host === host.parentNode.lastElementChild,
    notes: [...host.shadowRoot.querySelectorAll('[role=note]')].map(n => n.textContent),
    elements: host.shadowRoot.querySelectorAll('[role=note] *:not(strong, time)').length,
}))"""


def with_notices(html=ARTICLE, lang="en"):
    return html.replace('data-root="article"', 'data-root="article" data-show-corrections').replace(
        '<html lang="en">', f'<html lang="{lang}">'
    )


def test_serious_notice_goes_first_and_the_others_last(page, widget_site, widget_api, console_errors):
    widget_api.notices = NOTICES
    url = widget_site.publish("notices.html", with_notices())
    page.goto(url + "#comments")
    page.wait_for_function("document.querySelectorAll('.corrigo-notices').length === 2")
    top, end = page.evaluate(BOXES_JS)
    assert (top["first"], end["last"]) == (True, True)
    assert top["notes"] == ["Correction \u00b7 March 1, 2026 The launch was not cancelled."]
    assert end["notes"] == [
        "Clarification \u00b7 March 2, 2026 An earlier version named the wrong <b>day</b>.",
        "Update \u00b7 March 3, 2026 The new date is Friday.",
    ]
    assert top["elements"] == end["elements"] == 0, "the text is text, never markup"
    # Asked only once the page had loaded (then when idle).
    asked, loaded = page.evaluate(
        """() => [performance.getEntriesByType('resource').find(e => e.name.includes('/notices?')).startTime,
                  performance.getEntriesByType('navigation')[0].loadEventEnd]"""
    )
    assert asked >= loaded > 0
    assert widget_api.notice_urls == [
        f"{widget_site.corrigo}/api/v1/sites/demo/notices?url={url.replace(':', '%3A').replace('/', '%2F')}"
    ]
    assert console_errors == []


def test_notices_speak_the_readers_language(page, widget_site, widget_api):
    widget_api.notices = NOTICES[1:2]
    widget_api.config = server_config("uk")
    page.goto(widget_site.publish("notices-uk.html", with_notices(lang="uk")))
    page.wait_for_function("document.querySelector('.corrigo-notices')")
    (top,) = page.evaluate(BOXES_JS)
    (note,) = top["notes"]
    # The date is Intl's, in Ukrainian ("1 березня 2026 р."; the space before "р." depends on ICU's data).
    assert note.startswith("Виправлення \u00b7 1 березня 2026")
    assert note.endswith(" The launch was not cancelled.")


def test_notices_are_left_out_of_the_reported_text(page, widget_site, widget_api, select_text):
    widget_api.notices = NOTICES
    page.goto(widget_site.publish("notices-text.html", with_notices()))
    page.wait_for_function("document.querySelectorAll('.corrigo-notices').length === 2")
    select_text("#lead", "launch")
    page.keyboard.press("Control+Enter")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    report = widget_api.reports[0]
    assert report["selector"]["start"] == 28
    assert "cancelled" not in report["text"]


def test_no_notices_means_no_dialog_code_and_no_config(page, widget_site, widget_api):
    seen = []
    page.on("request", lambda r: seen.append(r.url.split("?")[0]))
    page.goto(widget_site.publish("no-notices.html", with_notices()))
    page.wait_for_function("window.Corrigo")
    page.wait_for_timeout(1500)
    assert len(widget_api.notice_urls) == 1
    assert f"{widget_site.corrigo}/embed/embed-dialog.js" not in seen
    assert widget_api.config_urls == []
    expect(page.locator(".corrigo-notices")).to_have_count(0)


def test_without_the_attribute_nothing_is_asked(page, article_page, widget_api):
    page.wait_for_timeout(1500)
    assert widget_api.requests == []


def test_a_failing_notices_call_leaves_the_page_alone(page, widget_site, widget_api):
    widget_api.notices = None
    page.goto(widget_site.publish("notices-404.html", with_notices()))
    page.wait_for_function("window.Corrigo")
    page.wait_for_timeout(1500)
    assert len(widget_api.notice_urls) == 1
    expect(page.locator(".corrigo-notices")).to_have_count(0)
