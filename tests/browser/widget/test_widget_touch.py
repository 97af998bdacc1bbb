"""The touch button: on a touch screen, a selection in the article offers "Suggest a correction"."""

import pytest
from playwright.sync_api import expect

from tests.browser.widget.support import ARTICLE, server_config
from tests.browser.widget.support import SELECT_JS as SELECT

pytestmark = pytest.mark.browser


def load_article(page, widget_site, html=ARTICLE):
    page.goto(widget_site.publish("touch.html", html))
    page.wait_for_function("window.Corrigo")


def test_tap_on_the_button_next_to_a_selection_opens_the_dialog_and_sends(phone, widget_site):
    load_article(phone, widget_site)
    assert phone.evaluate("matchMedia('(pointer: coarse)').matches")
    assert phone.api.requests == []
    phone.evaluate(SELECT, ["#lead", "launch"])

    button = phone.get_by_role("button", name="Suggest a correction")
    expect(button).to_be_visible()
    box, word = button.bounding_box(), phone.locator("#lead").bounding_box()
    assert box["y"] >= word["y"] + word["height"] - 1, "the button is below the selected line"
    assert box["height"] >= 44 and 0 <= box["x"] and box["x"] + box["width"] <= 390

    button.tap()
    dialog = phone.locator("dialog[open]")
    expect(dialog.locator("mark")).to_have_text("launch")
    expect(button).to_have_count(0)
    phone.get_by_role("button", name="Send").tap()
    expect(phone.get_by_role("status")).to_contain_text("Thank you")
    assert phone.api.reports[0]["selector"]["exact"] == "launch"


def test_button_goes_when_the_selection_does(phone, widget_site):
    load_article(phone, widget_site)
    phone.evaluate(SELECT, ["#lead", "rain"])
    button = phone.get_by_role("button", name="Suggest a correction")
    expect(button).to_be_visible()
    phone.evaluate("getSelection().removeAllRanges()")
    expect(button).to_have_count(0)


def test_no_button_for_a_selection_outside_the_article(phone, widget_site):
    load_article(phone, widget_site)
    phone.evaluate(SELECT, ["header", "Demo Daily"])
    phone.wait_for_timeout(600)
    expect(phone.get_by_role("button", name="Suggest a correction")).to_have_count(0)
    assert phone.api.requests == []


def test_button_works_from_the_keyboard_and_speaks_the_page_language(phone, widget_site):
    phone.api.config = server_config("uk")
    load_article(phone, widget_site, ARTICLE.replace('<html lang="en">', '<html lang="uk">'))
    phone.evaluate(SELECT, ["#second", "Friday"])
    button = phone.get_by_role("button", name="Запропонувати виправлення")
    expect(button).to_be_visible()
    button.focus()
    phone.keyboard.press("Enter")
    expect(phone.locator("dialog[open] mark")).to_have_text("Friday")


def test_escape_hides_the_button(phone, widget_site):
    load_article(phone, widget_site)
    phone.evaluate(SELECT, ["#lead", "rain"])
    button = phone.get_by_role("button", name="Suggest a correction")
    button.focus()
    phone.keyboard.press("Escape")
    expect(button).to_have_count(0)


def test_no_button_with_a_mouse(page, article_page, widget_api, select_text):
    select_text("#lead", "launch")
    page.wait_for_timeout(600)
    expect(page.get_by_role("button", name="Suggest a correction")).to_have_count(0)
    assert widget_api.requests == []


def test_no_button_for_text_the_widget_ignores(phone, widget_site):
    html = ARTICLE.replace("<p id=\"second\">", '<p id="ad" data-corrigo-ignore>Buy rockets now.</p><p id="second">')
    load_article(phone, widget_site, html)
    phone.evaluate(SELECT, ["#ad", "rockets"])
    phone.wait_for_timeout(600)
    expect(phone.get_by_role("button", name="Suggest a correction")).to_have_count(0)
