/**
 * Building the widget's UI: elements without innerHTML, and open shadow roots styled by
 * constructable style sheets (allowed by strict page CSPs, out of reach of the page's CSS).
 * @module dom
 */

import CSS from "./dialog.css";

/**
 * Create an element with properties (attributes for role and names with a dash) and children.
 * @param {string} tag
 * @param {object} [props]
 * @param {...(Node|string)} kids text is added as text nodes
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.includes("-") || k === "role") el.setAttribute(k, v);
    else el[k] = v;
  }
  el.append(...kids);
  return el;
}

let sheet = null;

/**
 * A host element (skipped by the canonical text) with an open shadow root that adopts the
 * widget's style sheet, parsed once and shared by every root.
 * @returns {{host: HTMLElement, root: ShadowRoot}}
 */
export function shadowHost() {
  const host = h("div", { "data-corrigo-ignore": "" });
  const root = host.attachShadow({ mode: "open" });
  if ("adoptedStyleSheets" in root) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } // else: unstyled but working, in browsers without constructable style sheets
  return { host, root };
}
