/**
 * English fallback for the widget configuration, used when the config call fails.
 * The server owns the translations; these keys mirror `GET /api/v1/sites/{key}/widget`.
 * @module labels
 */

/** Labels by key, in English. */
export const LABELS = {
  title: "Suggest a correction",
  intro_selection: "You selected:",
  intro_write: "Tell us what is wrong on this page.",
  kind: "What is wrong?",
  proposed: "Suggested wording",
  comment: "Comment",
  optional: "optional",
  email: "Your email",
  email_note: "Only to tell you what we did; erased afterwards.",
  send: "Send",
  cancel: "Cancel",
  close: "Close",
  sending: "Sending\u2026",
  sent: "Thank you. Your report has been received.",
  status_link: "See what happens to it",
  error: "Your report could not be sent.",
  too_long: "The selected passage is too long: at most {limit} characters.",
  saved: "Saved: we will send it when the connection is back.",
};

/** Kinds of error a reader can report, in English. */
export const KINDS = [
  { value: "typo", label: "Typo" },
  { value: "fact", label: "Factual error" },
  { value: "unclear", label: "Unclear" },
  { value: "other", label: "Other" },
];

/** Length limits in code points, as the server's defaults. */
export const LIMITS = { exact: 1000, proposed: 1000, comment: 2000, email: 254, text: 300000 };
