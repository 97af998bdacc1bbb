"""The dialog's looks: isolated from the page's CSS, themable, and respectful of user preferences."""

import pytest
from playwright.sync_api import expect

from tests.browser.widget.support import SELECT_JS

pytestmark = pytest.mark.browser

HOSTILE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Styled page</title>
<style>
:root { --corrigo-accent: rgb(1, 2, 3); --corrigo-font: serif; }
div { display: none !important; }
* { color: rgb(255, 0, 0) !important; font-size: 40px !important; letter-spacing: 9px; }
</style></head>
<body><article><p>Text.</p></article>
<script src="{corrigo}/embed.js" data-site="demo" defer></script></body></html>
"""


def open_dialog(page, widget_site, **media):
    if media:
        page.emulate_media(**media)
    page.goto(widget_site.publish("styled.html", HOSTILE))
    page.wait_for_function("window.Corrigo")
    page.evaluate("window.Corrigo.open()")
    dialog = page.locator("dialog[open]")
    expect(dialog).to_be_visible()
    return dialog


def style(locator, prop):
    return locator.evaluate(f"e => getComputedStyle(e).{prop}")


def test_page_css_does_not_leak_in_but_custom_properties_do(page, widget_site, widget_api):
    dialog = open_dialog(page, widget_site)
    send = page.get_by_role("button", name="Send")
    assert style(send, "backgroundColor") == "rgb(1, 2, 3)"
    assert style(dialog, "fontFamily") == "serif"
    assert style(dialog, "fontSize") == "16px"
    assert style(dialog, "letterSpacing") == "normal"
    assert style(dialog, "color") != "rgb(255, 0, 0)"


def test_dark_color_scheme_gives_dark_dialog(page, widget_site, widget_api):
    dialog = open_dialog(page, widget_site, color_scheme="dark")
    assert style(dialog, "backgroundColor") == "rgb(31, 31, 31)"
    light = open_dialog(page, widget_site, color_scheme="light")
    assert style(light, "backgroundColor") == "rgb(255, 255, 255)"


def test_reduced_motion_turns_off_the_opening_animation(page, widget_site, widget_api):
    assert style(open_dialog(page, widget_site, reduced_motion="reduce"), "animationName") == "none"
    assert style(open_dialog(page, widget_site, reduced_motion="no-preference"), "animationName") == "corrigo-in"


HOSTILE_ALL = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile page</title>
<link rel="stylesheet" href="/hostile.css"></head>
<body>
<div class="overlay"></div>
<header><div>Masthead</div></header>
<article><h1>Rocket launch delayed</h1>
<p id="lead">The launch was delayed by rain.</p><div id="inside">Inside.</div></article>
<script src="{corrigo}/embed.js" data-site="demo" data-show-corrections defer></script></body></html>
"""

HOSTILE_CSS = """
* { all: unset; }
head, style, script { display: none; }
div:not(article div) { display: none !important; }
* { z-index: 2147483647 !important; position: relative; }
.overlay { display: block !important; position: fixed !important; inset: 0; background: rgb(0 0 0 / 0.01); }
"""


def test_dialog_works_and_looks_right_on_a_hostile_page(page, widget_site, widget_api, select_text, console_errors):
    widget_api.notices = [
        {
            "id": "n",
            "kind": "correction",
            "severity": "serious",
            "text": "Fixed.",
            "published_at": "2026-01-02T00:00:00Z",
        }
    ]
    widget_site.pages["/hostile.css"] = (HOSTILE_CSS, {"Content-Type": "text/css"})
    page.goto(widget_site.publish("hostile.html", HOSTILE_ALL))
    page.wait_for_function("window.Corrigo")
    assert page.evaluate("getComputedStyle(document.querySelector('.overlay')).zIndex") == "2147483647"

    # The notice shows at the top of the article although the page unsets everything.
    notice = page.locator(".corrigo-notices [role=note]")
    expect(notice).to_be_visible()
    assert style(page.locator(".corrigo-notices"), "display") == "block"

    select_text("#lead", "launch")
    page.keyboard.press("Control+Enter")
    dialog = page.locator("dialog[open]")
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    assert 500 < box["width"] < 560 and box["height"] > 300, box
    assert style(dialog, "fontSize") == "16px"
    assert style(dialog, "backgroundColor") == "rgb(255, 255, 255)"
    assert style(page.get_by_label("Comment"), "display") == "block"
    # The modal dialog is in the top layer, above the page's overlay and z-indexes.
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y) === document.querySelector('body > [data-corrigo-ignore]')",
        [box["x"] + box["width"] / 2, box["y"] + 20],
    )
    assert on_top

    page.get_by_label("Comment").fill("Still works.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    assert widget_api.reports[0]["comment"] == "Still works."
    assert console_errors == []


def test_touch_button_stays_on_top_of_a_hostile_page(phone, widget_site):
    widget_site.pages["/hostile.css"] = (HOSTILE_CSS, {"Content-Type": "text/css"})
    phone.goto(widget_site.publish("hostile-touch.html", HOSTILE_ALL))
    phone.wait_for_function("window.Corrigo")
    phone.evaluate(SELECT_JS, ["#lead", "launch"])
    button = phone.get_by_role("button", name="Suggest a correction")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["height"] >= 44
    button.tap()
    expect(phone.locator("dialog[open] mark")).to_have_text("launch")
