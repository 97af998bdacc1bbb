"""Guest manners under a publisher's strict Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

from tests.browser.widget.support import SELECT_JS

pytestmark = pytest.mark.browser

STRICT = "default-src 'self'; script-src {corrigo}; connect-src {corrigo}; style-src 'self'"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict page</title></head>
<body>
<article><h1>Strict</h1><p id="lead">The \U0001f680 launch was delayed by rain.</p></article>
<script src="{corrigo}/embed.js" data-site="demo" defer></script>
</body></html>
"""


def test_widget_works_under_strict_csp_without_console_errors(
    page, widget_site, widget_api, console_errors, select_text
):
    response = page.goto(widget_site.publish("strict.html", PAGE, csp=STRICT))
    assert response.headers["content-security-policy"] == STRICT.format(corrigo=widget_site.corrigo)
    page.wait_for_function("window.Corrigo")
    select_text("#lead", "launch")
    page.keyboard.press("Control+Enter")

    dialog = page.locator("dialog[open]")
    expect(dialog.locator("mark")).to_have_text("launch")
    # The adopted (constructable) style sheet applies: style-src 'self' does not block it.
    assert dialog.evaluate("d => getComputedStyle(d).borderTopLeftRadius") == "8px"
    assert dialog.evaluate("d => d.getRootNode().adoptedStyleSheets.length") == 1
    assert page.evaluate("document.querySelectorAll('style, [style]').length") == 0

    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    assert len(widget_api.reports) == 1
    assert console_errors == []


def test_notices_and_touch_button_work_under_strict_csp(phone, widget_site):
    errors = []
    phone.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    phone.on("pageerror", lambda e: errors.append(str(e)))
    phone.api.notices = [
        {"id": "a", "kind": "correction", "severity": "minor", "text": "Fixed.", "published_at": "2026-01-02T00:00:00Z"}
    ]
    html = PAGE.replace('data-site="demo"', 'data-site="demo" data-show-corrections')
    phone.goto(widget_site.publish("strict-phone.html", html, csp=STRICT))
    expect(phone.locator("article > .corrigo-notices [role=note]")).to_contain_text("Fixed.")

    phone.evaluate(SELECT_JS, ["#lead", "launch"])
    button = phone.get_by_role("button", name="Suggest a correction")
    expect(button).to_be_visible()
    assert button.evaluate("b => getComputedStyle(b).position") == "absolute"
    button.tap()
    expect(phone.locator("dialog[open] mark")).to_have_text("launch")
    assert phone.evaluate("document.querySelectorAll('style, [style]').length") == 0
    assert errors == []
