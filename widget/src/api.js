/**
 * The public widget API: configuration, report submission, and the queue of reports that wait
 * for the connection. Every request goes to the script's own origin without cookies.
 * @module api
 */

import { PENDING_KEY } from "./pending.js";

/** Options of every request (cross-origin, so CORS mode by default): never the reader's cookies. */
const INIT = { credentials: "omit" };
/** Milliseconds to wait for the configuration before using the English fallback. */
const CONFIG_TIMEOUT = 8000;
/** At most this many reports wait in localStorage. */
const QUEUE = 10;
/** Longest back-off between two attempts, in seconds, when the server names no Retry-After. */
const MAX_BACKOFF = 600;

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
 * @property {number} [after] seconds the server asked to wait (its Retry-After), if it did
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
  const after = retryAfter(res.headers.get("Retry-After"));
  let body = {};
  try {
    body = (await res.json()) || {};
  } catch {
    // an empty or non-JSON answer: the status alone decides
  }
  return { ok: res.ok, retry: status == 429 || (status > 501 && status < 505), status, after, body };
}

/**
 * Seconds to wait from a Retry-After header: delay-seconds or an HTTP date.
 * @param {string | null} value
 * @returns {number | undefined}
 */
export function retryAfter(value) {
  if (!value) return undefined;
  const s = /^\s*\d+\s*$/.test(value) ? +value : (Date.parse(value) - Date.now()) / 1000;
  return s >= 0 ? s : s < 0 ? 0 : undefined; // NaN: not a valid header
}

/**
 * A queue entry after a failed attempt: when to try again (Retry-After, else an exponential
 * back-off of 2, 4, 8 ... seconds up to ten minutes) and whether the network was the cause.
 * @param {{o: string, r: object, n?: number}} entry origin, report, attempts so far
 * @param {Outcome} out the failed attempt
 * @returns {{o: string, r: object, n: number, t: number, net: boolean}}
 */
function later(entry, out) {
  const n = (entry.n || 0) + 1;
  const wait = out.after ?? Math.min(2 ** n, MAX_BACKOFF);
  return { ...entry, n, t: Date.now() + wait * 1000, net: !out.status };
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
 * Replace the entry of a report (by client_id) where it stands in the queue, add it at the end,
 * or remove it.
 * @param {string} clientId
 * @param {object | null} entry the new entry, or null to forget the report
 * @returns {boolean} whether it was stored
 */
function putEntry(clientId, entry) {
  const list = readQueue();
  const i = list.findIndex((e) => e.r?.client_id === clientId);
  if (i < 0) list.push(entry);
  else list.splice(i, 1, ...(entry ? [entry] : []));
  return writeQueue(list.filter(Boolean).slice(-QUEUE));
}

/**
 * Keep a report that failed, to send later with the same client_id, and plan the next attempt.
 * @param {string} origin the corrigo origin
 * @param {object} report the report, with its client_id
 * @param {Outcome} out the failed attempt
 * @returns {boolean} whether it could be stored
 */
export function saveReport(origin, report, out) {
  const saved = putEntry(report.client_id, later({ o: origin, r: report }, out));
  if (saved) plan(origin);
  return saved;
}

let flushing = null;
let timer = 0;

/**
 * Try the waiting reports of this origin again when the first of them is due, if the page is still open.
 * @param {string} origin the corrigo origin
 */
function plan(origin) {
  const due = readQueue().filter((e) => e.o === origin && e.r).map((e) => e.t || 0);
  clearTimeout(timer);
  if (due.length) timer = setTimeout(() => flushReports(origin), Math.max(0, Math.min(...due) - Date.now()) + 50);
}

/**
 * Send the waiting reports of this origin that are due, oldest first, and forget each one the
 * server answered (accepted or refused for good). A report that must wait again gets a longer
 * back-off and the others wait with it: the server is busy or the connection is down.
 * @param {string} origin the corrigo origin
 * @param {boolean} [online] the connection just came back: reports that met a network failure are due now
 * @returns {Promise<void>}
 */
export function flushReports(origin, online = false) {
  flushing ||= (async () => {
    for (const e of readQueue()) {
      if (e.o !== origin || !e.r) continue;
      if (e.t > Date.now() && !(online && e.net)) break;
      const out = await sendReport(origin, e.r);
      if (out.retry) {
        putEntry(e.r.client_id, later(e, out));
        break;
      }
      putEntry(e.r.client_id, null);
    }
  })().finally(() => {
    flushing = null;
    plan(origin);
  });
  return flushing;
}
