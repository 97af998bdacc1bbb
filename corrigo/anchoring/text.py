"""Canonical text: the one plain text that every position and quote refers to.

The widget (JavaScript, walking the live DOM) and the server (this module) must turn the same article
HTML into the same string, so the rules are spelled out here exactly as both sides implement them.

Parsing. The input is the inner HTML of the article root. It is parsed by the HTML Standard's
fragment-parsing algorithm with an ``article`` context element and the scripting flag on, which is what
``article.innerHTML = html`` does in a browser page (so ``<noscript>`` content is raw text, implied end
tags split paragraphs, text in tables is foster-parented, ``<template>`` content is not a child).
The parser is Lexbor (through selectolax), a C implementation of the HTML Standard's tokenizer and tree
builder.

Walking. Nodes are visited in document order. Comments are ignored. An element is skipped together with
everything inside it, and without producing a block boundary, when its tag name is in ``SKIP_TAGS``, or it
has a ``hidden`` attribute (any value), or its ``aria-hidden`` attribute equals ``true`` ignoring ASCII case
(``aria-hidden="false"`` is kept), or it has a ``data-corrigo-ignore`` attribute (the widget also puts this
on its own host element). An element whose tag name is in ``BLOCK_TAGS`` (which includes ``br``, ``td`` and
``th``) ends the current block when it starts and again when it ends. Text nodes append to the current block.

Normalising. Each block is put in Unicode NFC, then every run of white space becomes one U+0020 space,
then the block is trimmed of leading and trailing spaces. Non-empty blocks are joined with ``\\n``.

White space is exactly the set that JavaScript's ``\\s`` matches (the widget uses ``/\\s+/gu``): U+0009,
U+000A, U+000B, U+000C, U+000D, U+0020, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F,
U+205F, U+3000 and U+FEFF. It is not Python's ``str.isspace`` (which adds U+001C to U+001F and U+0085).

Known limits shared with the widget: NFC follows the Unicode version of the running Python (3.11: Unicode
14) and of the browser, so characters newer than both may normalise differently; lone surrogates cannot be
encoded as UTF-8 and are dropped here, whereas a browser keeps them.
"""

import hashlib
import re
import unicodedata
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

SKIP_TAGS: frozenset[str] = frozenset(
    "script style noscript template svg math iframe object button input select textarea".split()
)
BLOCK_TAGS: frozenset[str] = frozenset(
    (
        "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer "
        "form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tr ul br td th"
    ).split()
)
WHITESPACE_CHARS: str = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_WHITESPACE_RUN = re.compile("[" + re.escape(WHITESPACE_CHARS) + "]+")
_BLOCK_BOUNDARY = None


def canonical_text(html: str) -> str:
    """Return the canonical text of an article, given the inner HTML of its root element."""
    parser = LexborHTMLParser(html, is_fragment=True, fragment_tag="article", scripting=True)
    blocks = (normalize_block(raw) for raw in _raw_blocks(parser.root))
    return "\n".join(block for block in blocks if block)


def normalize_block(raw: str) -> str:
    """Apply NFC, collapse white-space runs to one space and trim: the per-block text rule."""
    return _WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFC", raw)).strip(" ")


def collapse_whitespace(text: str) -> str:
    """Replace every run of canonical white space by one space (no trimming, no NFC)."""
    return _WHITESPACE_RUN.sub(" ", text)


def text_sha256(text: str) -> str:
    """Return the hex SHA-256 of the UTF-8 encoded text: the identity of an article version."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _raw_blocks(first: LexborNode | None) -> Iterator[str]:
    """Yield the unnormalised text of every block, walking the tree iteratively (depth is unbounded)."""
    stack: list[LexborNode | None] = list(_siblings_reversed(first))
    current: list[str] = []
    while stack:
        node = stack.pop()
        if node is _BLOCK_BOUNDARY:
            yield "".join(current)
            current = []
        elif node.is_text_node:
            current.append(node.text_content or "")
        elif node.is_element_node and _kept(node):
            if node.tag in BLOCK_TAGS:
                yield "".join(current)
                current = []
                stack.append(_BLOCK_BOUNDARY)
            stack.extend(_siblings_reversed(node.first_child))
    yield "".join(current)


def _siblings_reversed(first: LexborNode | None) -> list[LexborNode]:
    """Return a node and its following siblings, last first (ready to push on a stack)."""
    nodes: list[LexborNode] = []
    node = first
    while node is not None:
        nodes.append(node)
        node = node.next
    nodes.reverse()
    return nodes


def _kept(element: LexborNode) -> bool:
    """Tell whether an element and its content belong to the canonical text."""
    if element.tag in SKIP_TAGS:
        return False
    attributes = element.attributes
    if "hidden" in attributes or "data-corrigo-ignore" in attributes:
        return False
    aria_hidden = attributes.get("aria-hidden")
    return not (aria_hidden is not None and aria_hidden.isascii() and aria_hidden.lower() == "true")
