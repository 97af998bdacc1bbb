"""From a DOM selection to W3C selector offsets in the canonical text (code points), in Chromium.

In each case ``{`` and ``}`` mark where the selection starts and ends; they are removed before the
selection is made, wherever they stand (in skipped elements too).
"""

import pytest

pytestmark = pytest.mark.browser

SNAPSHOT_JS = """async ([url, body]) => {
  const { snapshot } = await import(url);
  document.body.innerHTML = body;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (const [ch, set] of [['{', 'setStart'], ['}', 'setEnd']]) {
      const i = n.data.indexOf(ch);
      if (i >= 0) { n.deleteData(i, 1); range[set](n, i); }
    }
  }
  return snapshot(document.querySelector('article'), range);
}"""


@pytest.fixture(scope="module")
def mapping_page(browser, widget_site):
    """One blank page on the publisher's origin for all the cases of this module."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(widget_site.publish("mapping.html", "<!doctype html><title>mapping</title><body></body>"))
    yield page
    context.close()


@pytest.fixture
def dialog_module(widget_site):
    """URL of the built dialog module, which exports ``snapshot``."""
    return f"{widget_site.corrigo}/embed/embed-dialog.js"


@pytest.fixture
def snap(mapping_page, dialog_module):
    """snap(body_html) -> {text, selector} from the built widget's ``snapshot``."""
    return lambda body: mapping_page.evaluate(SNAPSHOT_JS, [dialog_module, body])


def quote(result):
    """(exact, start, end) of a snapshot, checking that exact is the text between the offsets."""
    sel = result["selector"]
    assert sel is not None
    text = result["text"]
    assert text[sel["start"] : sel["end"]] == sel["exact"]
    assert sel["prefix"] == text[max(0, sel["start"] - 32) : sel["start"]]
    assert sel["suffix"] == text[sel["end"] : sel["end"] + 32]
    return sel["exact"], sel["start"], sel["end"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("<article><p>The \U0001f680 {launch} was</p></article>", ("launch", 6, 12), id="emoji_before"),
        pytest.param("<article><p>a <button>cl{ick</button>b}c</p></article>", ("b", 2, 3), id="start_in_skipped"),
        pytest.param("<article><p>a{b <script>x}y</script>c</p></article>", ("b", 1, 2), id="end_in_skipped"),
        pytest.param("<article><p>one  {  two}</p></article>", ("two", 4, 7), id="start_in_collapsed_space"),
        pytest.param("<article><p>{one \u00a0 }two</p></article>", ("one", 0, 3), id="end_in_collapsed_nbsp"),
        pytest.param("<article><p>a{ b}</p></article>", ("b", 2, 3), id="edge_space_left_out"),
        pytest.param("<article><p>Cafe\u0301 {au} lait</p></article>", ("au", 5, 7), id="nfc_before"),
        pytest.param("<article><p>Caf{e}\u0301 x</p></article>", ("\u00e9", 3, 4), id="end_inside_combining_sequence"),
        pytest.param(
            "<article><p>Cafe{\u0301 x}</p></article>", ("\u00e9 x", 3, 6), id="start_inside_combining_sequence"
        ),
        pytest.param("<article><p>e<b>\u0301</b>{x}</p></article>", ("x", 1, 2), id="nfc_across_elements"),
        pytest.param("<article><p>\u1100\u1161\u11a8 {k}</p></article>", ("k", 2, 3), id="nfc_hangul"),
        pytest.param(
            "<article><p>a{b</p><p hidden>zz</p><p></p><p>c}d</p></article>", ("b\nc", 1, 4), id="across_paragraphs"
        ),
        pytest.param("<article><p>a{b</p>}<p>cd</p></article>", ("b", 1, 2), id="end_between_blocks"),
        pytest.param("<article><p>ab</p>{<p>c}d</p></article>", ("c", 3, 4), id="start_between_blocks"),
        pytest.param("<header>Head{line</header><article><p>ab}c</p></article>", ("ab", 0, 2), id="clipped_to_root"),
        pytest.param("<article><p>ab{c</p></article><footer>fo}ot</footer>", ("c", 2, 3), id="clipped_at_end"),
        pytest.param("<article><p>x\r\n{y}</p></article>", ("y", 2, 3), id="crlf"),
    ],
)
def test_selection_maps_to_code_point_offsets(snap, body, expected):
    assert quote(snap(body)) == expected


def test_element_boundaries_map_like_text_boundaries(mapping_page, dialog_module, snap):
    result = snap("<article><p>one</p><p id='two'>two <i>2</i></p></article>")
    assert result["text"] == "one\ntwo 2"
    # selectNodeContents of the second paragraph: boundaries are (p, 0) and (p, 2).
    sel = mapping_page.evaluate(
        """async url => {
        const { snapshot } = await import(url);
        const r = document.createRange();
        r.selectNodeContents(document.getElementById('two'));
        return snapshot(document.querySelector('article'), r).selector;
    }""",
        dialog_module,
    )
    assert (sel["exact"], sel["start"], sel["end"]) == ("two 2", 4, 9)


def test_context_is_32_code_points_on_each_side(snap):
    left, right = "\U0001f600" * 40, "\U0001f680" * 40
    sel = snap(f"<article><p>{left}{{x}}{right}</p></article>")["selector"]
    assert (sel["prefix"], sel["suffix"], sel["start"]) == ("\U0001f600" * 32, "\U0001f680" * 32, 40)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("<article><p>a{ }b</p></article>", id="space_only"),
        pytest.param("<article><p>a<button>{x}</button>b</p></article>", id="skipped_only"),
        pytest.param("<article><p>a{</p><p>}b</p></article>", id="block_break_only"),
        pytest.param("<header>{x}</header><article><p>a</p></article>", id="outside_root"),
    ],
)
def test_selection_without_text_gives_no_selector(snap, body):
    assert snap(body)["selector"] is None
