"""The boot's manners: no request and no global but one until the reader acts."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_boot_makes_no_request_until_the_reader_acts(page, widget_site, widget_api):
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(
        widget_site.publish(
            "quiet.html",
            "<!doctype html><title>q</title><article><p>Quiet.</p></article>"
            '<script src="{corrigo}/embed.js" data-site="demo" defer></script>',
        )
    )
    page.wait_for_function("window.Corrigo")
    page.wait_for_timeout(200)
    assert seen == [f"{widget_site.publisher}/quiet.html", f"{widget_site.corrigo}/embed.js"]

    page.evaluate("window.Corrigo.open()")
    expect(page.locator("dialog[open]")).to_be_visible()
    assert [u.split("?")[0] for u in seen[2:]] == [
        f"{widget_site.corrigo}/embed/embed-dialog.js",
        f"{widget_site.corrigo}/api/v1/sites/demo/widget",
    ]


def test_boot_adds_one_global_and_reads_config_from_its_script_tag(page, widget_site, widget_api):
    page.goto(
        widget_site.publish("bare.html", '<!doctype html><html lang="uk-UA"><title>b</title><main><p>Текст.</p></main>')
    )
    before = set(page.evaluate("Object.keys(window)"))
    page.evaluate(
        """corrigo => new Promise(done => {
        const s = document.createElement('script');
        s.src = corrigo + '/embed.js';
        s.dataset.site = 'demo';
        s.dataset.root = 'main';
        s.onload = done;
        document.body.append(s);
    })""",
        widget_site.corrigo,
    )
    assert set(page.evaluate("Object.keys(window)")) - before == {"Corrigo"}
    page.evaluate("window.Corrigo.open()")
    expect(page.locator("dialog[open]")).to_be_visible()
    assert widget_api.config_urls == [f"{widget_site.corrigo}/api/v1/sites/demo/widget?lang=uk"]
