/**
 * The boot (built as embed.js): a few hundred bytes that wait for the reader.
 *
 * It reads its configuration from its own script tag, listens for Ctrl/Cmd+Enter and clicks on
 * `[data-corrigo-open]`, and defines `window.Corrigo`. It makes no request and does no layout
 * work until the reader acts, except one localStorage read; when a report is waiting there, it
 * loads the dialog module to send it.
 * @module boot
 */

import { hasPending } from "./pending.js";

/* global __DIALOG__, __VERSION__ */

/**
 * The page's language for the widget: data-lang, else `<html lang>` when it is one we speak.
 * @param {DOMStringMap} data the script tag's dataset
 * @param {Document} doc
 * @returns {string}
 */
export function language(data, doc = document) {
  if (data.lang) return data.lang.toLowerCase();
  const m = /^(en|uk|ru)\b/i.exec(doc.documentElement.lang);
  return m ? m[1].toLowerCase() : "en";
}

/**
 * Start the widget for the script tag that loads it: one global, listeners, nothing else.
 * @param {HTMLScriptElement | null} script `document.currentScript`
 * @param {Window} win
 */
export function boot(script, win = window) {
  const doc = win.document;
  if (!script?.src || !script.dataset.site || win.Corrigo) return;
  const data = script.dataset;
  const origin = new URL(script.src).origin;
  let mod = null;
  const load = () => (mod ||= import(`${origin}/embed/${__DIALOG__}`).catch((e) => ((mod = null), Promise.reject(e))));
  const root = () => {
    try {
      return doc.querySelector(data.root || "article") || doc.body;
    } catch {
      return doc.body; // an invalid data-root selector
    }
  };
  const ctx = () => ({ origin, site: data.site, lang: language(data, doc), root: root() });
  const open = (range, back) => {
    load()
      .then((m) => m.open(ctx(), range, back))
      .catch(() => {}); // offline or blocked: nothing to show, nothing to log on the publisher's page
  };
  const flush = () => {
    if (hasPending(win)) {
      load()
        .then((m) => m.flush(ctx()))
        .catch(() => {});
    }
  };

  win.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.isComposing) return;
    // Ctrl+Enter in the page's own fields (a comment form, a search box) is theirs.
    const t = e.target;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    const sel = win.getSelection();
    if (!sel?.rangeCount || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!range.intersectsNode(root())) return;
    e.preventDefault();
    open(range.cloneRange(), doc.activeElement);
  });
  win.addEventListener("click", (e) => {
    const el = e.target?.closest?.("[data-corrigo-open]");
    if (!el) return;
    e.preventDefault();
    open(null, el);
  });
  win.addEventListener("online", flush);
  win.Corrigo = Object.freeze({
    version: __VERSION__,
    /** Open the dialog about the whole page ("write to us"). */
    open() {
      open(null, doc.activeElement);
    },
  });
  flush();
}

boot(document.currentScript);
