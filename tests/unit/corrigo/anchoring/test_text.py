"""Canonical text: the shared vectors and properties of the output."""

import html
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corrigo.anchoring import canonical_text, text_sha256
from corrigo.anchoring.text import WHITESPACE_CHARS

VECTORS_PATH = Path(__file__).parents[3] / "vectors" / "canonical_text.json"
VECTORS: list[dict[str, Any]] = json.loads(VECTORS_PATH.read_text(encoding="utf-8"))

# Text without NUL (the HTML parser drops it) and without surrogates (not encodable).
PLAIN_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=80,
)
TAGS = ["p", "div", "span", "b", "li", "td", "br", "pre", "script", "button", "h2", "blockquote"]
FRAGMENT = st.recursive(
    PLAIN_TEXT.map(html.escape),
    lambda inner: st.tuples(st.sampled_from(TAGS), st.lists(inner, max_size=4)).map(
        lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0]}>"
    ),
    max_leaves=12,
)


def test_vectors_file_has_enough_unique_cases() -> None:
    names = [vector["name"] for vector in VECTORS]
    assert len(names) >= 50
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("vector", VECTORS, ids=[vector["name"] for vector in VECTORS])
def test_canonical_text_matches_shared_vector(vector: dict[str, Any]) -> None:
    assert canonical_text(vector["html"]) == vector["text"]


def test_whitespace_set_is_javascript_backslash_s() -> None:
    # ECMAScript: WhiteSpace is TAB, VT, FF, ZWNBSP and every Zs character; LineTerminator is LF, CR, LS, PS.
    space_separators = {chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Zs"}
    assert set(WHITESPACE_CHARS) == {"\t", "\v", "\f", "\ufeff", "\n", "\r", "\u2028", "\u2029"} | space_separators
    assert "\x85" not in WHITESPACE_CHARS and "\x1f" not in WHITESPACE_CHARS and "\u200b" not in WHITESPACE_CHARS


def test_text_sha256_is_hex_digest_of_utf8() -> None:
    assert text_sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert text_sha256("Київ é") == "7ecc159f39f3bd9b61ba0a506d31da812c9a278b198b79528ddec8f9686ae7c6"
    assert text_sha256("\u00e9") != text_sha256("e\u0301")


@given(FRAGMENT)
def test_output_lines_are_trimmed_nonempty_single_spaced_nfc(fragment: str) -> None:
    text = canonical_text(fragment)
    assert unicodedata.is_normalized("NFC", text)
    if not text:
        return
    for line in text.split("\n"):
        assert line
        assert line == line.strip(" ")
        assert "  " not in line
        assert not set(line) & (set(WHITESPACE_CHARS) - {" "})


@given(FRAGMENT)
def test_canonical_text_is_idempotent_when_rewrapped_in_paragraphs(fragment: str) -> None:
    text = canonical_text(fragment)
    rewrapped = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    assert canonical_text(rewrapped) == text


@given(PLAIN_TEXT)
def test_plain_text_in_a_paragraph_is_a_fixed_point(plain: str) -> None:
    once = canonical_text(f"<p>{html.escape(plain)}</p>")
    assert canonical_text(f"<p>{html.escape(once)}</p>") == once
