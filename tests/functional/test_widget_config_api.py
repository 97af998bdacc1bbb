"""The widget configuration endpoint."""

import json

import pytest

from corrigo.embed.selectors import widget_catalog

pytestmark = pytest.mark.django_db

TOO_LONG = "The selected passage is too long: at most %(limit)s character."


def test_config_has_kinds_limits_and_an_empty_english_catalogue(api_client, site):
    response = api_client.get(f"/api/v1/sites/{site.public_key}/widget")
    assert response.status_code == 200
    body = response.json()
    assert [k["value"] for k in body["kinds"]] == ["typo", "fact", "unclear", "other"]
    assert body["limits"]["exact"] == 1000
    assert (body["lang"], body["catalog"], body["plural"]) == ("en", {}, None)


@pytest.mark.parametrize(
    ("lang", "send", "kind"), [("uk", "Надіслати", "Друкарська помилка"), ("ru-RU", "Отправить", "Опечатка")]
)
def test_config_catalogue_and_kinds_follow_the_requested_language(api_client, site, lang, send, kind):
    body = api_client.get(f"/api/v1/sites/{site.public_key}/widget?lang={lang}").json()
    assert body["catalog"]["Send"] == send
    assert body["kinds"][0]["label"] == kind
    assert body["lang"] == lang[:2]


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_catalogue_has_four_plural_forms_and_the_plural_rule(api_client, site, lang):
    body = api_client.get(f"/api/v1/sites/{site.public_key}/widget?lang={lang}").json()
    forms = body["catalog"][TOO_LONG]
    assert len(forms) == 4
    assert all("%(limit)s" in form for form in forms)
    assert "n % 10" in body["plural"].replace("n%10", "n % 10")


def test_catalogue_holds_only_the_widgets_strings():
    catalog, _ = widget_catalog(language="uk")
    # Django's admin ships djangojs strings too; the widget must not carry them.
    assert "Choose a time" not in catalog
    assert {"Suggest a correction", "Correction", TOO_LONG} <= catalog.keys()


def test_unknown_language_falls_back_to_the_sites_language(api_client, site):
    assert api_client.get(f"/api/v1/sites/{site.public_key}/widget?lang=xx").json()["lang"] == "en"


def test_unknown_site_is_a_404_problem(api_client, db):
    response = api_client.get("/api/v1/sites/missing/widget")
    assert response.status_code == 404
    assert json.loads(response.content)["detail"]
