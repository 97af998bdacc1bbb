"""The widget configuration endpoint."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_config_has_kinds_limits_and_english_labels(api_client, site):
    response = api_client.get(f"/api/v1/sites/{site.public_key}/widget")
    assert response.status_code == 200
    body = response.json()
    assert [k["value"] for k in body["kinds"]] == ["typo", "fact", "unclear", "other"]
    assert body["limits"]["exact"] == 1000
    assert body["labels"]["send"] == "Send"
    assert body["lang"] == "en"


@pytest.mark.parametrize(("lang", "send"), [("uk", "Надіслати"), ("ru-RU", "Отправить")])
def test_config_labels_follow_the_requested_language(api_client, site, lang, send):
    body = api_client.get(f"/api/v1/sites/{site.public_key}/widget?lang={lang}").json()
    assert body["labels"]["send"] == send
    assert body["lang"] == lang[:2]


def test_unknown_language_falls_back_to_the_sites_language(api_client, site):
    assert api_client.get(f"/api/v1/sites/{site.public_key}/widget?lang=xx").json()["lang"] == "en"


def test_unknown_site_is_a_404_problem(api_client, db):
    response = api_client.get("/api/v1/sites/missing/widget")
    assert response.status_code == 404
    assert json.loads(response.content)["detail"]
