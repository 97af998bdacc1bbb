/**
 * Correction notices on the article. With `data-show-corrections`, the boot fetches the article's
 * published notices once the page is idle and, when there are any, calls `showNotices`: a serious
 * one goes at the top of the article root, the others at its end. Text only (textContent), headed
 * by the kind and the date in the reader's language.
 * @module notices
 */

import { configure } from "./config.js";
import { h, shadowHost } from "./dom.js";
import { gettext } from "./i18n.js";

/**
 * A published notice, as `GET /api/v1/sites/{key}/notices?url=` lists it.
 * @typedef {object} Notice
 * @property {string} id
 * @property {"correction" | "clarification" | "update"} kind
 * @property {"minor" | "significant" | "serious"} severity
 * @property {string} text
 * @property {string} published_at ISO 8601
 */

/**
 * Show the notices in the article root (the boot calls it once per page).
 * @param {import("./config.js").Context} ctx
 * @param {Notice[]} notices
 * @returns {Promise<void>}
 */
export async function showNotices(ctx, notices) {
  const cfg = await configure(ctx);
  const date = new Intl.DateTimeFormat(cfg.lang, { dateStyle: "long" });
  const valid = notices.filter((n) => typeof n?.text === "string" && n.text.trim());
  const serious = valid.filter((n) => n.severity === "serious");
  const others = valid.filter((n) => n.severity !== "serious");
  if (serious.length) ctx.root.prepend(box(serious, date));
  if (others.length) ctx.root.append(box(others, date));
}

/**
 * A shadow-rooted element holding some notices.
 * @param {Notice[]} list
 * @param {Intl.DateTimeFormat} date
 * @returns {HTMLElement}
 */
function box(list, date) {
  const { host, root } = shadowHost();
  host.className = "corrigo-notices";
  root.append(...list.map((n) => notice(n, date)));
  return host;
}

/**
 * One notice: "Correction · 26 November 2026" in bold on its own line, then its text.
 * @param {Notice} n
 * @param {Intl.DateTimeFormat} date
 * @returns {HTMLElement}
 */
function notice(n, date) {
  const kinds = { correction: gettext("Correction"), clarification: gettext("Clarification"), update: gettext("Update") };
  const head = [kinds[n.kind] || kinds.correction];
  const when = new Date(n.published_at);
  if (when > 0) head.push(" \u00b7 ", h("time", { dateTime: n.published_at }, date.format(when)));
  const cls = n.severity === "serious" ? "n serious" : "n";
  return h("p", { role: "note", className: cls }, h("strong", {}, ...head), " ", n.text);
}
