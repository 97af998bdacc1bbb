"""Automated accessibility check of the open dialog with axe-core (a dev dependency in widget/)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.widget.support import ARTICLE, SELECT_JS, server_config

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[3] / "widget" / "node_modules" / "axe-core" / "axe.min.js"

RUN_AXE = """async (css) => {
  const host = document.querySelector(css);
  const result = await axe.run(host, { resultTypes: ['violations'] });
  return result.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
}"""


@pytest.fixture
def axe(page):
    """Inject axe-core into the page; skip (fail on CI) when widget/node_modules is missing."""
    if not AXE.is_file():
        message = "widget/node_modules/axe-core is missing: run `npm ci` in widget/"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    def run(css="body > [data-corrigo-ignore]", on=page):
        on.add_script_tag(path=str(AXE))
        return on.evaluate(RUN_AXE, css)

    return run


def test_dialog_on_selection_has_no_axe_violations(page, article_page, widget_api, select_text, axe):
    select_text("#lead", "launch")
    page.keyboard.press("Control+Enter")
    expect(page.locator("dialog[open] mark")).to_be_visible()
    assert axe() == []


def test_dialog_with_field_errors_and_confirmation_has_no_axe_violations(page, article_page, widget_api, axe):
    widget_api.answers.append(
        (422, {"detail": "Some fields are not valid.", "errors": [{"field": "email", "message": "Not an address."}]})
    )
    page.get_by_role("button", name="Write to us").click()
    page.get_by_label("Your email").fill("nope")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_label("Your email")).to_have_accessible_description(
        "Only to tell you what we did; erased afterwards. Not an address."
    )
    assert axe() == []

    page.get_by_label("Comment").fill("The map is missing.")
    page.get_by_label("Your email").fill("")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("link", name="See what happens to it")).to_be_visible()
    assert axe() == []


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_dialog_has_no_axe_violations_in_each_language(page, widget_site, widget_api, select_text, axe, lang):
    widget_api.config = server_config(lang)
    widget_api.config["limits"]["exact"] = 5
    page.goto(widget_site.publish(f"axe-{lang}.html", ARTICLE.replace('lang="en"', f'lang="{lang}"')))
    page.wait_for_function("window.Corrigo")
    select_text("#lead", "launch was delayed")
    page.keyboard.press("Control+Enter")
    expect(page.locator("dialog[open] .warn")).to_be_visible()
    assert axe() == []
    page.get_by_role("button", name=widget_api.config["catalog"].get("Send", "Send")).click()
    expect(page.get_by_role("link")).to_be_visible()
    assert axe() == []


def test_notices_and_touch_button_have_no_axe_violations(phone, widget_site, axe):
    phone.api.notices = [
        {
            "id": "a",
            "kind": "correction",
            "severity": "serious",
            "text": "Fixed.",
            "published_at": "2026-01-02T00:00:00Z",
        },
        {"id": "b", "kind": "update", "severity": "minor", "text": "Updated.", "published_at": "2026-01-03T00:00:00Z"},
    ]
    html = ARTICLE.replace('data-root="article"', 'data-root="article" data-show-corrections')
    phone.goto(widget_site.publish("axe-extras.html", html))
    phone.wait_for_function("document.querySelectorAll('.corrigo-notices').length === 2")
    assert axe("article > .corrigo-notices", on=phone) == []
    phone.evaluate(SELECT_JS, ["#lead", "rain"])
    expect(phone.get_by_role("button", name="Suggest a correction")).to_be_visible()
    assert axe("body > [data-corrigo-ignore]", on=phone) == []
