"""The dialog's looks: isolated from the page's CSS, themable, and respectful of user preferences."""

import pytest
from playwright.sync_api import expect

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
