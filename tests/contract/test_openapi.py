"""The API contract: the generated OpenAPI document must match the committed snapshot.

After an intended change, rewrite the snapshot with ``UPDATE_SNAPSHOTS=1`` and commit it.
"""

import json
import os
from pathlib import Path

from corrigo.api import api

SNAPSHOT = Path(__file__).with_name("openapi.json")


def test_openapi_document_matches_the_committed_snapshot():
    schema = json.loads(json.dumps(api.get_openapi_schema()))  # as served: every key a string
    current = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(current, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == current, (
        "The API contract changed. If intended, run the tests with UPDATE_SNAPSHOTS=1 and commit openapi.json."
    )


def test_openapi_docs_page_is_served(client):
    assert client.get("/api/v1/docs").status_code == 200
    assert client.get("/api/v1/openapi.json").json()["info"]["title"] == "corrigo"
