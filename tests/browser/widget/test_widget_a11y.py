"""Automated accessibility check of the open dialog with axe-core (a dev dependency in widget/)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[3] / "widget" / "node_modules" / "axe-core" / "axe.min.js"

RUN_AXE = """async () => {
  const host = document.querySelector('[data-corrigo-ignore]');
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

    def run():
        page.add_script_tag(path=str(AXE))
        return page.evaluate(RUN_AXE)

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
