/**
 * The touch button: on touch screens, where Ctrl+Enter is out of reach, a small "Suggest a
 * correction" button floats next to a selection inside the article root. The boot calls `touch`
 * when such a selection settles, and again with null when it is gone.
 *
 * It is a real <button> with its name in the reader's language: reachable by Tab, pressed with
 * Enter or Space, announced by screen readers; Escape hides it. It never takes focus by itself.
 * Where the browser has popovers it sits in the top layer, above any z-index of the page.
 * @module touch
 */

import { configure } from "./config.js";
import { open } from "./dialog.js";
import { h, shadowHost } from "./dom.js";
import { gettext } from "./i18n.js";

/** Gap between the selection and the button, and between the button and the viewport's edge. */
const GAP = 8;

let ui = null;
let shown = null;
let calls = 0;

/**
 * Show the button next to a selection in the article, or hide it.
 * @param {import("./config.js").Context} ctx
 * @param {Range | null} range the reader's selection (inside the root), or null to hide the button
 * @returns {Promise<void>}
 */
export async function touch(ctx, range) {
  const call = ++calls;
  const node = range?.commonAncestorContainer;
  // No text, or text in the widget's own UI (the dialog, the notices): no button.
  if (!range?.toString().trim() || (node.closest ? node : node.parentElement).closest("[data-corrigo-ignore]")) {
    return hideTouch();
  }
  await configure(ctx);
  if (call !== calls) return; // another selection came meanwhile
  ui ||= make();
  shown = { ctx, range };
  if (!ui.host.isConnected) ctx.root.ownerDocument.body.append(ui.host);
  ui.button.showPopover?.();
  place(range);
}

/** Hide the button (when the selection is gone or the dialog opens). */
export function hideTouch() {
  shown = null;
  ui?.host.remove();
}

/**
 * Build the button in its own shadow root.
 * @returns {{host: HTMLElement, button: HTMLButtonElement, at: CSSStyleSheet | null}}
 */
function make() {
  const { host, root } = shadowHost();
  const button = h("button", { type: "button", className: "fab", popover: "manual" }, gettext("Suggest a correction"));
  let at = null;
  if (root.adoptedStyleSheets) {
    at = new CSSStyleSheet();
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, at];
  }
  button.addEventListener("click", () => {
    const { ctx, range } = shown || {};
    hideTouch();
    if (range) open(ctx, range, null);
  });
  button.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hideTouch();
  });
  root.append(button);
  return { host, button, at };
}

/**
 * Put the button below the selection, or above it when there is no room below, in page
 * coordinates (so it scrolls with the text).
 * @param {Range} range
 */
function place(range) {
  if (!ui.at) return;
  const r = range.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = ui.button;
  let top = r.bottom + GAP;
  if (top + height > innerHeight) top = Math.max(GAP, r.top - GAP - height);
  const left = Math.max(GAP, Math.min(r.left, innerWidth - GAP - width));
  ui.at.replaceSync(`.fab{top:${Math.round(top + scrollY)}px;left:${Math.round(left + scrollX)}px}`);
}
