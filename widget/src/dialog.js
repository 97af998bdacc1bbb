/**
 * The report dialog, loaded by the boot on first use (built as embed-dialog.js, an ES module).
 *
 * Everything the reader sees lives in an open shadow root on one host element appended to body;
 * it is built with createElement and textContent only, never innerHTML.
 * @module dialog
 */

import { fetchConfig, flushReports, saveReport, sendReport } from "./api.js";
import CSS from "./dialog.css";
import { KINDS, LABELS, LIMITS } from "./labels.js";
import { canonicalText, cpLength, snapshot } from "./text.js";

export { canonicalText, snapshot };

/**
 * What the boot knows about the page and the site.
 * @typedef {object} Context
 * @property {string} origin the corrigo origin (that of the script's own src)
 * @property {string} site the site's public key
 * @property {string} lang the language wanted
 * @property {Element} root the article root
 */

/** Fields that the server's problem+json may name. */
const FIELDS = ["kind", "proposed", "comment", "email"];

let config = null;
let busy = false;
let sheet = null;

/**
 * The site's configuration over the English fallback; a failed call is tried again next time.
 * @param {Context} ctx
 * @returns {Promise<{labels: object, kinds: {value: string, label: string}[], limits: object, lang: string}>}
 */
function configure(ctx) {
  config ||= fetchConfig(ctx.origin, ctx.site, ctx.lang).then((c) => {
    if (!c) config = null;
    return {
      labels: { ...LABELS, ...c?.labels },
      kinds: c?.kinds?.length ? c.kinds : KINDS,
      limits: { ...LIMITS, ...c?.limits },
      lang: c?.lang || ctx.lang,
    };
  });
  return config;
}

/**
 * A random (version 4) UUID, also on plain-http pages where crypto.randomUUID is missing.
 * @returns {string}
 */
function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const x = Array.from(b, (n) => n.toString(16).padStart(2, "0")).join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Create an element with properties (attributes for role and names with a dash) and children.
 * @param {string} tag
 * @param {object} [props]
 * @param {...(Node|string)} kids text is added as text nodes
 * @returns {HTMLElement}
 */
function h(tag, props = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.includes("-") || k === "role") el.setAttribute(k, v);
    else el[k] = v;
  }
  el.append(...kids);
  return el;
}

/**
 * Open the report dialog, about a selection or about the page as a whole ("write to us").
 * Does nothing when a dialog is already open or the selection holds no text.
 * @param {Context} ctx
 * @param {Range | null} range the reader's selection, or null
 * @param {Element | null} back where focus goes when the dialog closes
 * @returns {Promise<HTMLDialogElement | null>} the open dialog
 */
export async function open(ctx, range, back) {
  if (busy) return null;
  const snap = range ? snapshot(ctx.root, range) : null;
  if (snap && !snap.selector) return null;
  busy = true;
  let cfg;
  try {
    cfg = await configure(ctx);
  } catch {
    busy = false;
    return null;
  }
  const text = snap ? snap.text : canonicalText(ctx.root);
  let selector = snap?.selector;
  const tooLong = selector && cpLength(selector.exact) > cfg.limits.exact;
  if (tooLong) selector = null;
  const ui = build(cfg, selector, tooLong);
  const doc = ctx.root.ownerDocument;
  const clientId = uuid();

  ui.dialog.addEventListener("close", () => {
    ui.host.remove();
    busy = false;
    if (back?.isConnected) back.focus?.({ preventScroll: true });
  });
  ui.cancel.addEventListener("click", () => ui.dialog.close());
  ui.form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(ui.form);
    const report = {
      site: ctx.site,
      url: doc.location.href.split("#")[0],
      title: doc.title,
      client_id: clientId,
      kind: data.get("kind") || "other",
      lang: cfg.lang,
    };
    if (selector) report.selector = selector;
    if (cpLength(text) <= cfg.limits.text) report.text = text;
    const proposed = data.get("proposed");
    if (proposed?.trim() && proposed !== selector?.exact) report.proposed = proposed;
    for (const k of ["comment", "email"]) {
      const v = data.get(k)?.trim();
      if (v) report[k] = v;
    }
    ui.clear();
    ui.send.disabled = true;
    ui.say(cfg.labels.sending);
    const out = await sendReport(ctx.origin, report);
    ui.send.disabled = false;
    if (out.ok) {
      ui.done(cfg.labels.sent, out.body.status_url, cfg.labels);
    } else if (out.retry && saveReport(ctx.origin, report)) {
      ui.done(cfg.labels.saved, null, cfg.labels);
    } else ui.problem(out.body, cfg.labels.error);
  });

  doc.body.append(ui.host);
  ui.dialog.showModal();
  return ui.dialog;
}

/**
 * Build the dialog's host, shadow root and controls.
 * @param {{labels: object, kinds: object[], limits: object}} cfg
 * @param {import("./text.js").Selector | null} selector
 * @param {boolean} tooLong the reader selected more than the limit
 */
function build(cfg, selector, tooLong) {
  const L = cfg.labels;
  const host = h("div", { "data-corrigo-ignore": "" });
  const root = host.attachShadow({ mode: "open" });
  if (root.adoptedStyleSheets) {
    sheet ||= new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  }
  const errors = {};
  /** A labelled control with a place for its error message. */
  const field = (name, label, control, note) => {
    errors[name] = h("p", { className: "err", id: `e-${name}`, hidden: true });
    control.name = name;
    control.id = `f-${name}`;
    return [h("label", { className: "field", htmlFor: control.id }, ...label, control), ...note, errors[name]];
  };
  const head = [];
  if (selector) {
    const { prefix, exact, suffix, start } = selector;
    const pre = (start > cpLength(prefix) ? "\u2026" : "") + prefix;
    head.push(h("p", {}, L.intro_selection), h("blockquote", {}, pre, h("mark", {}, exact), `${suffix}\u2026`));
  } else {
    if (tooLong) head.push(h("p", { className: "warn", id: "w" }, L.too_long.replace("{limit}", cfg.limits.exact)));
    head.push(h("p", {}, L.intro_write));
  }
  const kinds = h(
    "fieldset",
    { "aria-describedby": "e-kind" },
    h("legend", {}, L.kind),
    ...cfg.kinds.map((k, i) =>
      h("label", { className: "kind" }, h("input", { type: "radio", name: "kind", value: k.value, checked: !i }), k.label),
    ),
  );
  errors.kind = h("p", { className: "err", id: "e-kind", hidden: true });
  const email = h("input", { type: "email", autocomplete: "email", maxLength: cfg.limits.email });
  const fields = h(
    "div",
    {},
    ...head,
    kinds,
    errors.kind,
    ...(selector ? field("proposed", [L.proposed], h("textarea", { rows: 3, value: selector.exact }), []) : []),
    ...field("comment", [L.comment, " ", h("span", { className: "opt" }, `(${L.optional})`)], h("textarea", { rows: 3 }), []),
    ...field("email", [L.email, " ", h("span", { className: "opt" }, `(${L.optional})`)], email, [
      h("p", { className: "note", id: "n-email" }, L.email_note),
    ]),
  );
  const status = h("p", { role: "status", className: "status" });
  const send = h("button", { type: "submit" }, L.send);
  const cancel = h("button", { type: "button" }, L.cancel);
  const form = h("form", { noValidate: true }, fields, status, h("div", { className: "actions" }, send, cancel));
  const dialog = h("dialog", { "aria-labelledby": "t" }, h("h2", { id: "t" }, L.title), form);
  if (tooLong) dialog.setAttribute("aria-describedby", "w");
  describe(email, null);
  // Keys typed in the dialog are the reader's, not the page's shortcuts; Ctrl/Cmd+Enter sends.
  dialog.addEventListener("keydown", (e) => {
    e.stopPropagation();
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !send.hidden && !send.disabled) {
      e.preventDefault();
      form.requestSubmit(send);
    }
  });
  dialog.addEventListener("keyup", (e) => e.stopPropagation());
  root.append(dialog);

  return {
    host,
    dialog,
    form,
    send,
    cancel,
    /** Put a message in the live region. */
    say(...msg) {
      status.replaceChildren(...msg);
    },
    /** Forget the previous errors. */
    clear() {
      for (const [name, el] of Object.entries(errors)) {
        el.hidden = true;
        el.textContent = "";
        for (const c of form.querySelectorAll(`[name=${name}]`)) {
          c.removeAttribute("aria-invalid");
          if (name === "email") describe(c, null);
          else if (name !== "kind") c.removeAttribute("aria-describedby");
        }
      }
    },
    /** The report is received or saved: thank the reader and offer to close. */
    done(msg, url, labels) {
      fields.hidden = true;
      send.hidden = true;
      cancel.textContent = labels.close;
      const parts = [msg];
      if (url && /^https?:\/\//i.test(url)) {
        parts.push(" ", h("a", { href: url, target: "_blank", rel: "noopener" }, labels.status_link));
      }
      this.say(...parts);
      cancel.focus();
    },
    /** Show a problem+json answer: its detail, and each field's message beside the field. */
    problem(body, fallback) {
      const general = [];
      let first = null;
      for (const { field: f = "", message } of Array.isArray(body?.errors) ? body.errors : []) {
        const name = FIELDS.find((n) => f === n || f.endsWith(`.${n}`));
        const controls = name ? form.querySelectorAll(`[name=${name}]`) : [];
        if (!controls.length) {
          if (message) general.push(" ", String(message));
          continue;
        }
        errors[name].textContent = message || fallback;
        errors[name].hidden = false;
        for (const c of controls) {
          c.setAttribute("aria-invalid", "true");
          if (name === "email") describe(c, errors.email.id);
          else if (name !== "kind") c.setAttribute("aria-describedby", errors[name].id);
        }
        first ||= controls[0];
      }
      this.say(typeof body?.detail === "string" && body.detail ? body.detail : fallback, ...general);
      first?.focus();
    },
  };
}

/**
 * Point the email input at its note and, when there is one, its error.
 * @param {HTMLElement} input
 * @param {string | null} error id of the error message
 */
function describe(input, error) {
  input.setAttribute("aria-describedby", error ? `n-email ${error}` : "n-email");
}

/**
 * Send the reports that waited for the connection (called by the boot when some are pending).
 * @param {Context} ctx
 * @returns {Promise<void>}
 */
export function flush(ctx) {
  return flushReports(ctx.origin);
}
