"""The widget speaks English, Ukrainian and Russian, from the server's djangojs catalogue."""

import gettext

import pytest
from playwright.sync_api import expect

from tests.browser.widget.support import ARTICLE, server_config

pytestmark = pytest.mark.browser

LABELS = {
    "en": ("Suggest a correction", "Send", "Factual error", "Your email"),
    "uk": ("Запропонувати виправлення", "Надіслати", "Фактична помилка", "Ваша електронна пошта"),
    "ru": ("Предложить исправление", "Отправить", "Фактическая ошибка", "Ваша электронная почта"),
}


def article(html_lang, data_lang=None):
    html = ARTICLE.replace('<html lang="en">', f'<html lang="{html_lang}">')
    if data_lang:
        html = html.replace('data-site="demo"', f'data-site="demo" data-lang="{data_lang}"')
    return html


def open_on_passage(page, select_text, words="launch"):
    select_text("#lead", words)
    page.keyboard.press("Control+Enter")
    expect(page.locator("dialog[open]")).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_dialog_labels_come_from_the_servers_catalogue(page, widget_site, widget_api, select_text, lang):
    widget_api.config = server_config(lang)
    page.goto(widget_site.publish(f"lang-{lang}.html", article(lang)))
    page.wait_for_function("window.Corrigo")
    open_on_passage(page, select_text)
    title, send, fact, email = LABELS[lang]
    expect(page.locator("dialog[open]")).to_have_accessible_name(title)
    expect(page.get_by_label(fact)).to_be_visible()
    expect(page.get_by_label(email)).to_be_visible()
    page.get_by_role("button", name=send).click()
    expect(page.get_by_role("link")).to_be_visible()
    assert widget_api.reports[0]["lang"] == lang
    assert widget_api.config_urls[0].endswith(f"/widget?lang={lang}")


@pytest.mark.parametrize(
    ("html_lang", "data_lang", "asked"),
    [
        pytest.param("uk-UA", None, "uk", id="html_lang"),
        pytest.param("uk", "ru", "ru", id="data_lang_first"),
        pytest.param("RU", None, "ru", id="case_insensitive"),
        pytest.param("de", None, "en", id="unknown_html_lang"),
        pytest.param("uk", "fr", "en", id="unknown_data_lang"),
        pytest.param("", None, "en", id="no_lang"),
    ],
)
def test_language_is_data_lang_else_html_lang_else_english(page, widget_site, widget_api, html_lang, data_lang, asked):
    page.goto(widget_site.publish("choose.html", article(html_lang, data_lang)))
    page.wait_for_function("window.Corrigo")
    page.evaluate("Corrigo.open()")
    expect(page.locator("dialog[open]")).to_be_visible()
    assert widget_api.config_urls == [f"{widget_site.corrigo}/api/v1/sites/demo/widget?lang={asked}"]


@pytest.mark.parametrize(
    ("lang", "limit", "message"),
    [
        ("en", 1, "The selected passage is too long: at most 1 character."),
        ("en", 21, "The selected passage is too long: at most 21 characters."),
        ("uk", 1, "Виділений фрагмент задовгий: максимум 1 символ."),
        ("uk", 3, "Виділений фрагмент задовгий: максимум 3 символи."),
        ("uk", 11, "Виділений фрагмент задовгий: максимум 11 символів."),
        ("uk", 21, "Виділений фрагмент задовгий: максимум 21 символ."),
        ("ru", 2, "Выделенный фрагмент слишком длинный: максимум 2 символа."),
        ("ru", 5, "Выделенный фрагмент слишком длинный: максимум 5 символов."),
        ("ru", 12, "Выделенный фрагмент слишком длинный: максимум 12 символов."),
        ("ru", 22, "Выделенный фрагмент слишком длинный: максимум 22 символа."),
    ],
)
def test_too_long_message_has_the_right_plural_form(page, widget_site, widget_api, select_text, lang, limit, message):
    widget_api.config = server_config(lang)
    widget_api.config["limits"]["exact"] = limit
    page.goto(widget_site.publish(f"plural-{lang}.html", article(lang)))
    page.wait_for_function("window.Corrigo")
    open_on_passage(page, select_text, "launch was delayed by rain")
    expect(page.locator("dialog .warn")).to_have_text(message)


def test_plural_rule_is_evaluated_like_gettext_for_every_count(page, widget_site):
    """The widget's parser of the catalogue's plural expression agrees with Python's gettext on 0..1000."""
    rules = {lang: server_config(lang)["plural"] for lang in ("uk", "ru")}
    page.goto(widget_site.publish("rule.html", "<!doctype html><title>rule</title>"))
    got = page.evaluate(
        """async ([url, rules]) => {
        const { pluralRule } = await import(url);
        const out = {};
        for (const [lang, rule] of Object.entries(rules)) {
          const f = pluralRule(rule);
          out[lang] = Array.from({ length: 1001 }, (_, n) => f(n));
        }
        return out;
    }""",
        [f"{widget_site.corrigo}/embed/embed-dialog.js", rules],
    )
    for lang, rule in rules.items():
        expected = [gettext.c2py(rule)(n) for n in range(1001)]
        assert got[lang] == expected, lang
