"""The shared canonical-text vectors, run through the built widget in Chromium."""

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

VECTORS_FILE = Path(__file__).resolve().parents[2] / "vectors" / "canonical_text.json"
VECTORS = json.loads(VECTORS_FILE.read_text(encoding="utf-8")) if VECTORS_FILE.exists() else []

# Each vector's html becomes the innerHTML of an <article> in an inert document (no scripts run,
# nothing loads), and the widget's canonicalText reads it.
RUN_JS = """async ([url, vectors]) => {
  const { canonicalText } = await import(url);
  const doc = document.implementation.createHTMLDocument('');
  return vectors.map(v => {
    const root = doc.createElement('article');
    doc.body.replaceChildren(root);
    root.innerHTML = v.html;
    return canonicalText(root);
  });
}"""


@pytest.fixture(scope="module")
def widget_texts(browser, widget_site):
    """The widget's canonical text of every vector, by name (one page for all)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(widget_site.publish("vectors.html", "<!doctype html><title>vectors</title>"))
    texts = page.evaluate(RUN_JS, [f"{widget_site.corrigo}/embed/embed-dialog.js", VECTORS])
    context.close()
    return dict(zip([v["name"] for v in VECTORS], texts, strict=True))


def test_vectors_exist():
    assert VECTORS, f"{VECTORS_FILE} is missing or empty"


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_widget_canonical_text_matches_vector(widget_texts, vector):
    assert widget_texts[vector["name"]] == vector["text"]
