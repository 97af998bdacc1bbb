"""A NUL character in a reader's text is refused with a clear error, on every database."""

import pytest

from tests.conftest import post_json
from tests.factories import report_payload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["comment", "proposed", "title"])
def test_a_nul_character_is_a_422_naming_the_field(api_client, site, field):
    response = post_json(api_client, "/api/v1/reports", report_payload(site, **{field: "a\x00b"}))
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]
