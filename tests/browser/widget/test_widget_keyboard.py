"""A keyboard-only run: from the page to a sent report and back, never touching the mouse."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# The focused element, looking into the widget's shadow root.
FOCUSED_JS = """() => {
  const a = document.activeElement;
  const inner = a?.shadowRoot?.activeElement;
  const el = inner || a;
  const name = el === document.body ? 'BODY' : el?.name || el?.textContent?.trim();
  return { inDialog: !!inner?.closest('dialog'), name };
}"""


def focused(page):
    return page.evaluate(FOCUSED_JS)


def test_keyboard_only_report_from_write_to_us(page, article_page, widget_api):
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "Write to us"
    page.keyboard.press("Enter")
    expect(page.locator("dialog[open]")).to_be_visible()
    expect(page.get_by_label("Typo")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Factual error")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Comment")).to_be_focused()
    page.keyboard.type("The date is wrong.")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Your email")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send")).to_be_focused()

    # Tab cycles in the modal dialog, whichever way it goes: past the last control focus leaves
    # the document for the browser's own controls (headless: nobody), never the page behind.
    names = []
    for key in ["Tab"] * 7 + ["Shift+Tab"] * 7:
        page.keyboard.press(key)
        where = focused(page)
        assert where["inDialog"] or where["name"] == "BODY", where
        names.append(where["name"])
    forward = ["Cancel", "BODY", "kind", "comment", "email", "Send", "Cancel"]
    backward = ["Send", "email", "comment", "kind", "Cancel", "Send", "email"]
    assert names == forward + backward
    page.get_by_role("button", name="Send").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("Thank you")
    expect(page.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("dialog")).to_have_count(0)
    assert focused(page)["name"] == "Write to us"
    (report,) = widget_api.reports
    assert (report["kind"], report["comment"]) == ("fact", "The date is wrong.")


def test_keyboard_only_report_on_a_selection_sent_with_ctrl_enter(page, article_page, widget_api, select_text):
    select_text("#lead", "rain")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_label("Typo")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Suggested wording")).to_be_focused()
    page.keyboard.press("Control+a")
    page.keyboard.type("snow")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    page.keyboard.press("Escape")
    expect(page.locator("dialog")).to_have_count(0)
    assert widget_api.reports[0]["proposed"] == "snow"
