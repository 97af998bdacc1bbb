/**
 * The public widget API: configuration, report submission, and the queue of reports that wait
 * for the connection. Every request goes to the script's own origin without cookies.
 * @module api
 */

import { PENDING_KEY } from "./pending.js";

/** Options of every request: cross-origin, never with the reader's cookies. */
const INIT = { mode: "cors", credentials: "omit" };
/** Milliseconds to wait for the configuration before using the English fallback. */
const CONFIG_TIMEOUT = 8000;
/** At most this many reports wait in localStorage. */
const QUEUE = 10;

/**
 * Fetch the site's widget configuration.
 * @param {string} origin the corrigo origin
 * @param {string} site the site's public key
 * @param {string} lang language wanted
 * @returns {Promise<object | null>} the configuration, or null when it could not be had
 */
export function fetchConfig(origin, site, lang) {
  const url = `${origin}/api/v1/sites/${encodeURIComponent(site)}/widget?lang=${encodeURIComponent(lang)}`;
  return fetch(url, { ...INIT, signal: AbortSignal.timeout?.(CONFIG_TIMEOUT) })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
}

/**
 * @typedef {object} Outcome
 * @property {boolean} ok accepted (2xx)
 * @property {boolean} retry worth sending again later: network failure, 429, 502, 503, 504
 * @property {number} status HTTP status, 0 for a network failure
 * @property {any} body the parsed JSON answer (`{id, status_url}` or problem+json), or {}
 */

/**
 * Submit one report.
 * @param {string} origin the corrigo origin
 * @param {object} report the report as the API takes it
 * @returns {Promise<Outcome>}
 */
export async function sendReport(origin, report) {
  let res;
  try {
    res = await fetch(`${origin}/api/v1/reports`, {
      ...INIT,
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(report),
    });
  } catch {
    return { ok: false, retry: true, status: 0, body: {} };
  }
  const { status } = res;
  let body = {};
  try {
    body = (await res.json()) || {};
  } catch {
    // an empty or non-JSON answer: the status alone decides
  }
  return { ok: res.ok, retry: status === 429 || (status >= 502 && status <= 504), status, body };
}

/**
 * Read the waiting reports.
 * @returns {{o: string, r: object}[]} entries of origin and report
 */
function readQueue() {
  try {
    const list = JSON.parse(localStorage.getItem(PENDING_KEY));
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/**
 * Write the waiting reports, removing the key when none is left.
 * @param {{o: string, r: object}[]} list
 * @returns {boolean} whether it was stored
 */
function writeQueue(list) {
  try {
    if (list.length) localStorage.setItem(PENDING_KEY, JSON.stringify(list));
    else localStorage.removeItem(PENDING_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * Keep a report to send later with the same client_id.
 * @param {string} origin the corrigo origin
 * @param {object} report the report, with its client_id
 * @returns {boolean} whether it could be stored
 */
export function saveReport(origin, report) {
  const list = readQueue().filter((e) => e.r?.client_id !== report.client_id);
  list.push({ o: origin, r: report });
  return writeQueue(list.slice(-QUEUE));
}

let flushing = null;

/**
 * Send the waiting reports of this origin, oldest first, and forget each one the server answered
 * (accepted or refused for good). Stops at the first that must wait again.
 * @param {string} origin the corrigo origin
 * @returns {Promise<void>}
 */
export function flushReports(origin) {
  flushing ||= (async () => {
    for (const e of readQueue()) {
      if (e.o !== origin || !e.r) continue;
      const out = await sendReport(origin, e.r);
      if (out.retry) break;
      writeQueue(readQueue().filter((x) => x.r?.client_id !== e.r.client_id));
    }
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}
