/**
 * What the widget uses when the configuration call fails: the kinds in English and the server's
 * default limits. The labels need no fallback: their msgids are English (see i18n.js).
 * @module defaults
 */

/** Kinds of error a reader can report, in English. */
export const KINDS = [
  ["typo", "Typo"],
  ["fact", "Factual error"],
  ["unclear", "Unclear"],
  ["other", "Other"],
].map(([value, label]) => ({ value, label }));

/** Length limits in code points, as the server's defaults. */
export const LIMITS = { exact: 1000, proposed: 1000, comment: 2000, email: 254, text: 300000 };
