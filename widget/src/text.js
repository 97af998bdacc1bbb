/**
 * Canonical text of an article root and W3C selectors for a reader's selection.
 *
 * The rules are the server's (ARCHITECTURE.md, "Canonical text rules"); both sides pass the
 * shared vectors in tests/vectors/canonical_text.json. Offsets count Unicode code points.
 * @module text
 */

const SKIP = new Set(
  "script style noscript template svg math iframe object button input select textarea".split(" "),
);
const BLOCK = new Set(
  ("address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer " +
    "form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tr ul br td th").split(" "),
);
const WS = /\s/u;
/** A code point that may join the one before it under NFC: a combining mark or a Hangul medial/final jamo. */
const JOINS = /[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]/u;
/** Code points of context kept on each side of the quote. */
export const CONTEXT = 32;

/**
 * @typedef {object} Selector W3C TextQuoteSelector plus TextPositionSelector, in code points.
 * @property {string} exact the quoted passage, `text.slice(start, end)` in code points
 * @property {string} prefix up to 32 code points before it
 * @property {string} suffix up to 32 code points after it
 * @property {number} start code-point offset of the passage in the canonical text
 * @property {number} end code-point offset just past the passage
 */

/**
 * A range boundary to locate while walking.
 * @typedef {{node: Node, offset: number, end: boolean, pos?: number}} Point
 */

/**
 * Whether the walk leaves out an element and everything inside it.
 * @param {Element} el
 * @returns {boolean}
 */
function skipped(el) {
  return (
    SKIP.has(el.localName) ||
    el.hasAttribute("hidden") ||
    el.hasAttribute("data-corrigo-ignore") ||
    el.getAttribute("aria-hidden")?.toLowerCase() === "true"
  );
}

/**
 * Number of code points in a string.
 * @param {string} s
 * @returns {number}
 */
export function cpLength(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 === s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/**
 * Slice a string by code-point offsets.
 * @param {string} s
 * @param {number} from first code point
 * @param {number} [to] code point just past the end (default: the end)
 * @returns {string}
 */
export function cpSlice(s, from, to = Infinity) {
  let i = 0;
  let n = 0;
  let a = s.length;
  for (; i < s.length && n < to; n++) {
    if (n === from) a = i;
    i += s.codePointAt(i) > 0xffff ? 2 : 1;
  }
  if (n === from) a = i;
  return a < i ? s.slice(a, i) : "";
}

/**
 * Turn one block's raw text into its canonical form, mapping the given raw UTF-16 positions to
 * code-point offsets within the result.
 * @param {string} raw the block's text nodes, concatenated
 * @param {{raw: number, p: Point}[]} marks positions to map; each gets `at` (code points)
 * @returns {{text: string, length: number}} the block text and its length in code points
 */
function block(raw, marks) {
  if (!marks.length) {
    const text = raw.normalize("NFC").replace(/\s+/gu, " ").trim();
    return { text, length: cpLength(text) };
  }
  // Raw -> NFC. Normalise chunk by chunk, each chunk starting at a code point that cannot join the
  // one before it, so a raw position inside a chunk rounds outwards (start down, end up).
  let norm = raw.normalize("NFC");
  const normAt = new Map();
  if (norm === raw) for (const m of marks) normAt.set(m, m.raw);
  else {
    norm = "";
    let s = 0;
    for (let i = 0; i <= raw.length; ) {
      const cp = raw.codePointAt(i);
      if (i === raw.length || (i > s && !JOINS.test(String.fromCodePoint(cp)))) {
        const from = norm.length;
        norm += raw.slice(s, i).normalize("NFC");
        for (const m of marks) {
          if (m.raw === s) normAt.set(m, from);
          else if (m.raw > s && m.raw < i) normAt.set(m, m.p.end ? norm.length : from);
          else if (m.raw === i) normAt.set(m, norm.length);
        }
        s = i;
        if (i === raw.length) break;
      }
      i += cp > 0xffff ? 2 : 1;
    }
  }
  // NFC -> collapsed and trimmed, counting code points. Inside a white-space run a position maps
  // to just before the single space that stands for it; at the next word, just after it.
  const at = new Int32Array(norm.length + 1);
  let text = "";
  let n = 0;
  let pending = false;
  let i = 0;
  for (const ch of norm) {
    if (WS.test(ch)) {
      if (n) pending = true;
      at[i] = n;
    } else {
      if (pending) {
        text += " ";
        n++;
        pending = false;
      }
      at[i] = n;
      if (ch.length === 2) at[i + 1] = n;
      text += ch;
      n++;
    }
    i += ch.length;
  }
  at[norm.length] = n;
  for (const m of marks) m.p.at = at[normAt.get(m)];
  return { text, length: n };
}

/**
 * Walk the root in document order and build its canonical text, locating the given points.
 * @param {Element} root
 * @param {Point[]} points each gets `pos`, its code-point offset in the text
 * @returns {string} the canonical text
 */
function walk(root, points) {
  const blocks = [];
  let total = 0;
  let raw = "";
  let marks = [];
  const mark = (p, at) => {
    if (p.pos === undefined && !marks.some((m) => m.p === p)) marks.push({ raw: at, p });
  };
  const flush = () => {
    if (!raw && !marks.length) return;
    const b = block(raw, marks);
    const base = b.length && total ? total + 1 : total;
    for (const m of marks) m.p.pos = b.length ? base + m.p.at : total;
    if (b.length) {
      blocks.push(b.text);
      total = base + b.length;
    }
    raw = "";
    marks = [];
  };
  const at = (node, k) => {
    for (const p of points) if (p.node === node && p.offset === k) mark(p, raw.length);
  };
  const children = (el) => {
    const kids = el.childNodes;
    for (let k = 0; k < kids.length; k++) {
      if (points.length) at(el, k);
      visit(kids[k]);
    }
    if (points.length) at(el, kids.length);
  };
  const visit = (node) => {
    if (node.nodeType === 3 || node.nodeType === 4) {
      for (const p of points) if (p.node === node) mark(p, raw.length + Math.min(p.offset, node.data.length));
      raw += node.data;
    } else if (node.nodeType === 1) {
      if (skipped(node)) {
        for (const p of points) if (node.contains(p.node)) mark(p, raw.length);
      } else if (BLOCK.has(node.localName)) {
        flush();
        children(node);
        flush();
      } else children(node);
    } else for (const p of points) if (p.node === node) mark(p, raw.length);
  };
  children(root);
  flush();
  for (const p of points) if (p.pos === undefined) p.pos = total;
  return blocks.join("\n");
}

/**
 * The canonical text of an article root, by the same rules as the server.
 * @param {Element} root the article element (its own tag and attributes do not count)
 * @returns {string}
 */
export function canonicalText(root) {
  return walk(root, []);
}

/**
 * The canonical text of a root and the selector of a range within it.
 *
 * A range that reaches outside the root is clipped to it; white space at either edge of the quote is
 * left out. The selector is null when nothing but white space (or skipped content) is selected.
 * @param {Element} root the article element
 * @param {Range} range the reader's selection
 * @returns {{text: string, selector: Selector | null}}
 */
export function snapshot(root, range) {
  const doc = root.ownerDocument;
  const all = doc.createRange();
  all.selectNodeContents(root);
  if (!range.intersectsNode(root)) return { text: canonicalText(root), selector: null };
  const r = range.cloneRange();
  if (r.compareBoundaryPoints(Range.START_TO_START, all) < 0) r.setStart(root, 0);
  if (r.compareBoundaryPoints(Range.END_TO_END, all) > 0) r.setEnd(root, root.childNodes.length);
  const a = { node: r.startContainer, offset: r.startOffset, end: false };
  const b = { node: r.endContainer, offset: r.endOffset, end: true };
  const text = walk(root, [a, b]);
  const quote = cpSlice(text, a.pos, b.pos);
  const start = a.pos + cpLength(quote) - cpLength(quote.trimStart());
  const exact = quote.trim();
  const end = start + cpLength(exact);
  if (!exact) return { text, selector: null };
  return {
    text,
    selector: {
      exact,
      prefix: cpSlice(text, Math.max(0, start - CONTEXT), start),
      suffix: cpSlice(text, end, end + CONTEXT),
      start,
      end,
    },
  };
}
