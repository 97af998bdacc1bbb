"""'Write to us': opening without a selection, and closing the dialog."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_data_corrigo_open_opens_without_selection_and_posts_no_selector(page, article_page, widget_api):
    page.get_by_role("button", name="Write to us").click()
    dialog = page.locator("dialog[open]")
    expect(dialog).to_contain_text("Tell us what is wrong on this page.")
    expect(dialog.locator("mark")).to_have_count(0)
    expect(page.get_by_label("Suggested wording")).to_have_count(0)

    page.get_by_label("Other").check()
    page.get_by_label("Comment").fill("The map is missing.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    (report,) = widget_api.reports
    assert "selector" not in report
    assert (report["kind"], report["comment"], report["text"]) == ("other", "The map is missing.", article_page.text)


def test_corrigo_open_opens_without_selection(page, article_page, widget_api):
    page.evaluate("window.Corrigo.open()")
    expect(page.locator("dialog[open]")).to_contain_text("Tell us what is wrong on this page.")
    assert page.evaluate("window.Corrigo.version") == "0.1.0"


def test_escape_closes_and_focus_returns(page, article_page, widget_api):
    opener = page.get_by_role("button", name="Write to us")
    opener.focus()
    page.keyboard.press("Enter")
    expect(page.locator("dialog[open]")).to_be_visible()
    expect(page.get_by_label("Typo")).to_be_focused()

    page.keyboard.press("Escape")
    expect(page.locator("dialog")).to_have_count(0)
    expect(opener).to_be_focused()


def test_cancel_closes_and_focus_returns(page, article_page, widget_api):
    opener = page.get_by_role("button", name="Write to us")
    opener.click()
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator("dialog")).to_have_count(0)
    expect(opener).to_be_focused()
