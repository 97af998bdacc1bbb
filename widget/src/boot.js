/**
 * The boot (built as embed.js): a few hundred bytes that wait for the reader.
 *
 * It reads its configuration from its own script tag, listens for Ctrl/Cmd+Enter, clicks on
 * `[data-corrigo-open]` and (on touch screens) selections in the article, and defines
 * `window.Corrigo`. It makes no request and does no layout work until the reader acts. Once the page
 * is loaded and idle it reads localStorage once; when a report is waiting there, it loads the dialog
 * module to send it. With `data-show-corrections` it then asks for the article's correction notices.
 * @module boot
 */

import { hasPending } from "./pending.js";

/* global __DIALOG__, __VERSION__ */

/**
 * The widget's language: data-lang, else the page's `<html lang>`, when it is one we speak; else English.
 * @param {DOMStringMap} data the script tag's dataset
 * @param {Document} doc
 * @returns {"en" | "uk" | "ru"}
 */
export function language(data, doc = document) {
  const m = /^(en|uk|ru)\b/i.exec(data.lang || doc.documentElement.lang);
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
  // Offline or blocked: nothing to show, nothing to log on the publisher's page.
  const call = (name, ...args) =>
    load()
      .then((m) => m[name](ctx(), ...args))
      .catch(() => {});
  const flush = (e) => hasPending(win) && call("flush", !!e);
  const selected = () => {
    const sel = win.getSelection();
    return sel?.rangeCount && !sel.isCollapsed ? sel.getRangeAt(0) : null;
  };
  // Touch screens (a coarse primary pointer): a selection that settles inside the root gets the touch button.
  let timer = 0;
  doc.addEventListener("selectionchange", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const range = selected();
      if (range && root().contains(range.commonAncestorContainer) && win.matchMedia("(pointer: coarse)").matches) {
        call("touch", range.cloneRange());
      } else if (mod) call("touch", null);
    }, 250);
  });
  win.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.isComposing) return;
    // Ctrl+Enter in the page's own fields (a comment form, a search box) is theirs.
    const t = e.target;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    const range = selected();
    if (!range?.intersectsNode(root())) return;
    e.preventDefault();
    call("open", range.cloneRange(), doc.activeElement);
  });
  win.addEventListener("click", (e) => {
    const el = e.target?.closest?.("[data-corrigo-open]");
    if (!el) return;
    e.preventDefault();
    call("open", null, el);
  });
  win.addEventListener("online", flush);
  // Work that can wait runs once the page has loaded and the main thread is idle: even the one
  // localStorage read (a synchronous call to the browser process, sometimes slow) stays out of the load.
  const idle = (fn) => {
    const go = () => (win.requestIdleCallback ? win.requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 500));
    if (doc.readyState === "complete") go();
    else win.addEventListener("load", go, { once: true });
  };
  idle(() => flush());
  if (data.showCorrections !== undefined) {
    idle(() =>
      fetch(`${origin}/api/v1/sites/${encodeURIComponent(data.site)}/notices?url=${encodeURIComponent(doc.location.href.split("#")[0])}`, {
        credentials: "omit",
      })
        .then((r) => (r.ok ? r.json() : null))
        .then((b) => b?.notices?.length && call("notices", b.notices))
        .catch(() => {}),
    );
  }
  win.Corrigo = Object.freeze({
    version: __VERSION__,
    /** Open the dialog about the whole page ("write to us"). */
    open() {
      call("open", null, doc.activeElement);
    },
  });
}

boot(document.currentScript);
