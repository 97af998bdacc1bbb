"""Opening the dialog on a selection: the keys, the highlighted passage, the selector sent."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("keys", ["Control+Enter", "Meta+Enter"])
def test_ctrl_or_cmd_enter_on_selected_word_opens_dialog_with_passage(
    page, article_page, widget_api, select_text, keys
):
    select_text("#lead", "launch")
    page.keyboard.press(keys)

    dialog = page.locator("dialog[open]")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_accessible_name("Suggest a correction")
    expect(dialog.locator("mark")).to_have_text("launch")
    expect(dialog.locator("blockquote")).to_contain_text("Rocket launch delayed\nThe \U0001f680 launch was delayed")
    expect(page.get_by_label("Suggested wording")).to_have_value("launch")

    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    (report,) = widget_api.reports
    # The emoji is one code point (two UTF-16 units), so "launch" starts at 28, not 29.
    assert report["selector"] == {
        "exact": "launch",
        "prefix": "Rocket launch delayed\nThe \U0001f680 ",
        "suffix": " was delayed by rain.\nEngineers ",
        "start": 28,
        "end": 34,
    }
    assert report["text"] == article_page.text
    assert article_page.text[28:34] == "launch"


def test_selection_across_paragraphs_gives_quote_with_newline(page, article_page, widget_api):
    page.evaluate(
        """() => {
        const a = document.querySelector('#lead').firstChild, b = document.querySelector('#second').firstChild;
        const r = document.createRange();
        r.setStart(a, a.data.indexOf('rain'));
        r.setEnd(b, 'Engineers'.length);
        getSelection().removeAllRanges();
        getSelection().addRange(r);
    }"""
    )
    page.keyboard.press("Control+Enter")
    expect(page.locator("dialog mark")).to_have_text("rain.\nEngineers")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    selector = widget_api.reports[0]["selector"]
    assert (selector["exact"], selector["start"], selector["end"]) == ("rain.\nEngineers", 50, 65)
    assert article_page.text[50:65] == "rain.\nEngineers"


def test_ctrl_enter_without_selection_or_outside_root_does_nothing(page, article_page, widget_api, select_text):
    page.keyboard.press("Control+Enter")
    select_text("header", "Demo Daily")
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(300)
    expect(page.locator("dialog")).to_have_count(0)
    assert widget_api.requests == []


def test_whitespace_only_selection_is_ignored(page, widget_site, widget_api):
    page.goto(
        widget_site.publish(
            "spaces.html",
            '<!doctype html><title>t</title><article><p id="p">a <b>   </b> b</p></article>'
            '<script src="{corrigo}/embed.js" data-site="demo" defer></script>',
        )
    )
    page.wait_for_function("window.Corrigo")
    page.evaluate(
        """() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('b'));
        getSelection().removeAllRanges(); getSelection().addRange(r); }"""
    )
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(300)
    expect(page.locator("dialog")).to_have_count(0)
    assert widget_api.config_urls == []


def test_ctrl_enter_in_a_page_field_is_left_to_the_page(page, widget_site, widget_api, select_text):
    page.goto(
        widget_site.publish(
            "form.html",
            "<!doctype html><title>t</title><article><p>Some text.</p><textarea id=c></textarea></article>"
            '<script src="{corrigo}/embed.js" data-site="demo" defer></script>',
        )
    )
    page.wait_for_function("window.Corrigo")
    select_text("article p", "Some")
    # The article's selection stays; the keys come from the page's textarea.
    page.evaluate(
        """() => document.getElementById('c').dispatchEvent(
        new KeyboardEvent('keydown', {key: 'Enter', ctrlKey: true, bubbles: true}))"""
    )
    page.wait_for_timeout(300)
    expect(page.locator("dialog")).to_have_count(0)


def test_too_long_selection_says_so_and_reports_without_selector(page, article_page, widget_api, select_text):
    widget_api.config["limits"]["exact"] = 10
    select_text("#lead", "launch was delayed by rain")
    page.keyboard.press("Control+Enter")

    warning = page.locator("dialog .warn")
    expect(warning).to_have_text("The selected passage is too long: at most 10 characters.")
    expect(page.locator("dialog[open]")).to_have_accessible_description(
        "The selected passage is too long: at most 10 characters."
    )
    expect(page.locator("dialog mark")).to_have_count(0)
    page.get_by_label("Comment").fill("The date is wrong.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    (report,) = widget_api.reports
    assert "selector" not in report
    assert report["comment"] == "The date is wrong."
