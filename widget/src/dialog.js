/**
 * The report dialog, loaded by the boot on first use (built as embed-dialog.js, an ES module).
 *
 * Everything the reader sees lives in an open shadow root on one host element appended to body;
 * it is built with createElement and textContent only, never innerHTML. The module also holds
 * the touch button (touch.js) and the correction notices (notices.js), which the boot calls.
 * @module dialog
 */

import { flushReports, saveReport, sendReport } from "./api.js";
import { configure } from "./config.js";
import { h, shadowHost } from "./dom.js";
import { gettext, ngettext } from "./i18n.js";
import { canonicalText, cpLength, snapshot } from "./text.js";
import { hideTouch } from "./touch.js";

export { canonicalText, snapshot };
export { showNotices as notices } from "./notices.js";
export { pluralRule } from "./i18n.js";
export { touch } from "./touch.js";

/** Fields that the server's problem+json may name. */
const FIELDS = ["kind", "proposed", "comment", "email"];

let busy = false;

/**
 * A random (version 4) UUID, also on plain-http pages where crypto.randomUUID is missing.
 * @returns {string}
 */
function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const x = Array.from(b, (n) => (n + 256).toString(16).slice(1)).join("");
  return x.replace(/(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-");
}

/**
 * Open the report dialog, about a selection or about the page as a whole ("write to us").
 * Does nothing when a dialog is already open or the selection holds no text.
 * @param {import("./config.js").Context} ctx
 * @param {Range | null} range the reader's selection, or null
 * @param {Element | null} back where focus goes when the dialog closes
 * @returns {Promise<HTMLDialogElement | null>} the open dialog
 */
export async function open(ctx, range, back) {
  if (busy) return null;
  const snap = range ? snapshot(ctx.root, range) : null;
  if (snap && !snap.selector) return null;
  busy = true;
  hideTouch();
  const cfg = await configure(ctx); // never fails: English defaults when the call does
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
      kind: data.get("kind"),
      lang: cfg.lang,
      challenge: cfg.challenge?.challenge,
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
    ui.say(gettext("Sending\u2026"));
    const out = await sendReport(ctx.origin, report);
    ui.send.disabled = false;
    if (out.ok) {
      cfg.challenge = out.body.challenge;
      ui.done(gettext("Thank you. Your report has been received."), out.body.status_url);
    } else if (out.retry && saveReport(ctx.origin, report, out)) {
      ui.done(gettext("Saved: we will send it when the connection is back."), null);
    } else ui.problem(out.body, gettext("Your report could not be sent."));
  });

  doc.body.append(ui.host);
  ui.dialog.showModal();
  return ui.dialog;
}

/**
 * Build the dialog's host, shadow root and controls.
 * @param {import("./config.js").Config} cfg
 * @param {import("./text.js").Selector | null} selector
 * @param {boolean} tooLong the reader selected more than the limit
 */
function build(cfg, selector, tooLong) {
  const { host, root } = shadowHost();
  const optional = () => [" ", h("span", { className: "opt" }, `(${gettext("optional")})`)];
  const errors = {};
  /** A labelled control described by its note, if any, and by its error message (empty until there is one). */
  const field = (name, label, control, note) => {
    errors[name] = h("p", { className: "err", id: `e-${name}`, hidden: true });
    control.name = name;
    control.id = `f-${name}`;
    control.setAttribute("aria-describedby", note.map((n) => `${n.id} `).join("") + errors[name].id);
    return [h("label", { className: "field", htmlFor: control.id }, ...label, control), ...note, errors[name]];
  };
  const head = [];
  if (selector) {
    const { prefix, exact, suffix, start } = selector;
    const pre = (start > cpLength(prefix) ? "\u2026" : "") + prefix;
    head.push(h("p", {}, gettext("You selected:")), h("blockquote", {}, pre, h("mark", {}, exact), `${suffix}\u2026`));
  } else {
    if (tooLong) head.push(h("p", { className: "warn", id: "w" }, tooLongText(cfg.limits.exact)));
    head.push(h("p", {}, gettext("Tell us what is wrong on this page.")));
  }
  const kinds = h(
    "fieldset",
    { "aria-describedby": "e-kind" },
    h("legend", {}, gettext("What is wrong?")),
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
    ...(selector
      ? field("proposed", [gettext("Suggested wording")], h("textarea", { rows: 3, value: selector.exact }), [])
      : []),
    ...field("comment", [gettext("Comment"), ...optional()], h("textarea", { rows: 3 }), []),
    ...field("email", [gettext("Your email"), ...optional()], email, [
      h("p", { className: "note", id: "n-email" }, gettext("Only to tell you what we did; erased afterwards.")),
    ]),
  );
  const status = h("p", { role: "status", className: "status" });
  const send = h("button", { type: "submit" }, gettext("Send"));
  const cancel = h("button", { type: "button" }, gettext("Cancel"));
  const form = h("form", { noValidate: true }, fields, status, h("div", { className: "actions" }, send, cancel));
  const dialog = h("dialog", { "aria-labelledby": "t" }, h("h2", { id: "t" }, gettext("Suggest a correction")), form);
  if (tooLong) dialog.setAttribute("aria-describedby", "w");
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
        }
      }
    },
    /** The report is received or saved: thank the reader and offer to close. */
    done(msg, url) {
      fields.hidden = true;
      send.hidden = true;
      cancel.textContent = gettext("Close");
      const parts = [msg];
      if (url && /^https?:\/\//i.test(url)) {
        parts.push(" ", h("a", { href: url, target: "_blank", rel: "noopener" }, gettext("See what happens to it")));
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
        }
        first ||= controls[0];
      }
      this.say(typeof body?.detail === "string" && body.detail ? body.detail : fallback, ...general);
      first?.focus();
    },
  };
}

/**
 * The message for a selection over the limit, in the right plural form.
 * @param {number} limit the longest passage accepted, in characters
 * @returns {string}
 */
function tooLongText(limit) {
  const fmt = ngettext(
    "The selected passage is too long: at most %(limit)s character.",
    "The selected passage is too long: at most %(limit)s characters.",
    limit,
  );
  return fmt.replace("%(limit)s", limit);
}

/**
 * Send the reports that waited (called by the boot at page view when some are pending, and
 * when the browser is back online).
 * @param {import("./config.js").Context} ctx
 * @param {boolean} [online] the connection just came back: do not wait out a network failure's back-off
 * @returns {Promise<void>}
 */
export function flush(ctx, online = false) {
  return flushReports(ctx.origin, online);
}
