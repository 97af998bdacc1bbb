/**
 * The one localStorage key under which reports wait for the connection to come back.
 * Kept in its own module so the boot can check it without bundling the rest.
 * @module pending
 */

/** localStorage key holding the reports not yet delivered (a JSON array). */
export const PENDING_KEY = "corrigo:pending";

/**
 * Whether a report is waiting: one localStorage read, nothing else.
 * @param {Window} [win] the page's window
 * @returns {boolean}
 */
export function hasPending(win = window) {
  try {
    return !!win.localStorage.getItem(PENDING_KEY);
  } catch {
    return false; // storage disabled (sandboxed frame, privacy settings): nothing can be pending
  }
}
