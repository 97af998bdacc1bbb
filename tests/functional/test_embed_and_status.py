"""The widget's script URLs and the reader's status page."""

import pytest

from tests.conftest import post_json
from tests.factories import report_payload

pytestmark = pytest.mark.django_db


def test_embed_js_is_served_at_a_stable_url_with_revalidation(client):
    response = client.get("/embed.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "public, max-age=300"
    assert client.get("/embed.js", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_dialog_chunk_is_served_and_other_names_are_not(client):
    assert client.get("/embed/embed-dialog.js").status_code == 200
    assert client.get("/embed/../settings.py").status_code == 404
    assert client.get("/embed/missing.js").status_code == 404


def test_status_page_tells_the_reader_it_was_received(api_client, site, client):
    ack = post_json(api_client, "/api/v1/reports", report_payload(site)).json()
    page = client.get(ack["status_url"].split("testserver", 1)[1])
    assert page.status_code == 200
    assert "Received" in page.content.decode()


def test_status_page_of_an_unknown_report_is_404(client):
    assert client.get("/status/00000000-0000-4000-8000-000000000000/").status_code == 404


def test_api_lets_the_widget_read_retry_after(api_client, site):
    response = api_client.get(f"/api/v1/sites/{site.public_key}/widget")
    assert "Retry-After" in response["Access-Control-Expose-Headers"]
