"""Sending a report: the JSON posted, the confirmation, errors, and delivery after a failure."""

import json
import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def open_on(page, select_text, word="launch"):
    select_text("#lead", word)
    page.keyboard.press("Control+Enter")
    expect(page.locator("dialog[open]")).to_be_visible()


def test_filled_report_posts_json_and_shows_confirmation_with_status_link(page, article_page, widget_api, select_text):
    page.goto(article_page.url + "#section")
    page.wait_for_function("window.Corrigo")
    open_on(page, select_text)
    page.get_by_label("Factual error").check()
    page.get_by_label("Suggested wording").fill("lift-off")
    page.get_by_label("Comment").fill("It was the lift-off.")
    page.get_by_label("Your email").fill("reader@example.org")
    page.get_by_role("button", name="Send").click()

    status = page.get_by_role("status")
    expect(status).to_contain_text("Thank you. Your report has been received.")
    (report,) = widget_api.reports
    link = page.get_by_role("link", name="See what happens to it")
    expect(link).to_have_attribute("href", f"https://corrigo.example/r/{report['client_id']}")
    expect(page.get_by_role("button", name="Close")).to_be_focused()
    assert UUID.match(report.pop("client_id"))
    assert report.pop("selector")["exact"] == "launch"
    assert report == {
        "site": "demo",
        "url": article_page.url,
        "title": "Rocket launch delayed",
        "kind": "fact",
        "text": article_page.text,
        "proposed": "lift-off",
        "comment": "It was the lift-off.",
        "email": "reader@example.org",
        "lang": "en",
    }
    assert widget_api.config_urls == [f"{widget_api.corrigo}/api/v1/sites/demo/widget?lang=en"]


def test_unchanged_wording_and_empty_fields_are_not_sent(page, article_page, widget_api, select_text):
    open_on(page, select_text)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    (report,) = widget_api.reports
    assert report["kind"] == "typo"
    assert not {"proposed", "comment", "email"} & report.keys()


def test_problem_json_shows_detail_and_field_error(page, article_page, widget_api, select_text):
    widget_api.answers.append(
        (
            422,
            {
                "type": "https://corrigo.example/problems/validation",
                "title": "Invalid report",
                "status": 422,
                "detail": "Some fields need another look.",
                "errors": [{"field": "comment", "message": "Too long: at most 2000 characters."}],
            },
        )
    )
    open_on(page, select_text)
    page.get_by_label("Comment").fill("x" * 50)
    page.get_by_role("button", name="Send").click()

    expect(page.get_by_role("status")).to_have_text("Some fields need another look.")
    comment = page.get_by_label("Comment")
    expect(comment).to_have_attribute("aria-invalid", "true")
    expect(comment).to_have_accessible_description("Too long: at most 2000 characters.")
    expect(comment).to_be_focused()

    comment.fill("Shorter.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    expect(page.locator("dialog .err:visible")).to_have_count(0)
    first, second = widget_api.reports
    assert first["client_id"] == second["client_id"]


def test_report_refused_with_503_is_saved_and_delivered_on_next_page_view(page, article_page, widget_api, select_text):
    widget_api.answers.append((503, {"type": "about:blank", "title": "Busy", "status": 503}))
    open_on(page, select_text)
    page.get_by_label("Comment").fill("Saved for later.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text("Saved: we will send it when the connection is back.")
    assert page.evaluate("localStorage.getItem('corrigo:pending')")

    page.reload()
    page.wait_for_function("localStorage.getItem('corrigo:pending') === null")
    first, second = widget_api.reports
    assert second == first
    assert second["comment"] == "Saved for later."


def test_report_lost_to_network_is_sent_when_back_online(page, article_page, widget_api, select_text):
    widget_api.answers.append("abort")
    open_on(page, select_text)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text("Saved: we will send it when the connection is back.")
    page.keyboard.press("Escape")

    page.evaluate("dispatchEvent(new Event('online'))")
    page.wait_for_function("localStorage.getItem('corrigo:pending') === null")
    first, second = widget_api.reports
    assert second["client_id"] == first["client_id"]


def test_config_failure_falls_back_to_english(page, article_page, widget_api, select_text):
    widget_api.config = None
    open_on(page, select_text)
    expect(page.get_by_role("heading", name="Suggest a correction")).to_be_visible()
    expect(page.get_by_label("Factual error")).to_be_visible()


def test_client_id_is_a_uuid_where_crypto_random_uuid_is_missing(page, article_page, widget_api, select_text):
    # Plain-http pages are not secure contexts: there crypto.randomUUID does not exist.
    page.evaluate("delete Crypto.prototype.randomUUID")
    open_on(page, select_text)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    assert UUID.match(widget_api.reports[0]["client_id"])


def test_report_written_offline_is_delivered_at_the_next_page_view(page, article_page, widget_api, select_text):
    open_on(page, select_text)
    context = page.context
    context.set_offline(True)
    widget_api.offline = True
    page.get_by_label("Comment").fill("Written in a tunnel.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text("Saved: we will send it when the connection is back.")
    assert widget_api.reports == []
    assert page.evaluate("navigator.onLine") is False
    page.close()

    # Back online, the reader opens the article again (another page view, not the 'online' event).
    context.set_offline(False)
    widget_api.offline = False
    again = context.new_page()
    again.route(f"{widget_api.corrigo}/api/v1/**", widget_api.handle)
    again.goto(article_page.url)
    again.wait_for_function("localStorage.getItem('corrigo:pending') === null")
    (report,) = widget_api.reports
    assert report["comment"] == "Written in a tunnel."
    assert report["selector"]["exact"] == "launch"


def test_retry_after_is_waited_out_then_the_report_is_sent_again(page, article_page, widget_api, select_text):
    widget_api.answers.append((503, {"title": "Busy", "status": 503}, {"Retry-After": "2"}))
    open_on(page, select_text)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text("Saved: we will send it when the connection is back.")
    saved_at = time.monotonic()

    page.wait_for_function("localStorage.getItem('corrigo:pending') === null", timeout=10_000)
    assert time.monotonic() - saved_at >= 1.5
    first, second = widget_api.reports
    assert second == first


def test_long_retry_after_holds_the_report_over_page_views_and_online(page, article_page, widget_api, select_text):
    widget_api.answers.append((429, {"title": "Too many", "status": 429}, {"Retry-After": "3600"}))
    open_on(page, select_text)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text("Saved: we will send it when the connection is back.")

    page.reload()
    page.wait_for_function("window.Corrigo")
    page.evaluate("dispatchEvent(new Event('online'))")
    page.wait_for_timeout(800)
    assert len(widget_api.reports) == 1
    (entry,) = json.loads(page.evaluate("localStorage.getItem('corrigo:pending')"))
    assert entry["t"] / 1000 - time.time() > 3500


def test_failures_without_retry_after_back_off(page, article_page, widget_api, select_text):
    widget_api.answers += [(502, {}), (502, {})]
    open_on(page, select_text)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text("Saved: we will send it when the connection is back.")
    page.wait_for_function("JSON.parse(localStorage.getItem('corrigo:pending'))?.[0]?.n === 2", timeout=10_000)
    (entry,) = json.loads(page.evaluate("localStorage.getItem('corrigo:pending')"))
    # Two failures: the next attempt waits 4 seconds (2, 4, 8 ... up to ten minutes).
    assert 3 < entry["t"] / 1000 - time.time() <= 4
    page.wait_for_function("localStorage.getItem('corrigo:pending') === null", timeout=10_000)
    assert len(widget_api.reports) == 3
