/**
 * gettext for the widget: the server's `djangojs` catalogue and plural rule, as the widget
 * configuration delivers them (the shape of Django's JSONCatalog). Until a catalogue is set, and
 * for English, the msgids themselves are the text.
 *
 * The plural rule is the catalogue's C expression of `n`. A strict page CSP forbids `eval`, so a
 * small parser evaluates it: numbers, `n`, parentheses, `!`, `%`, comparisons, `&&`, `||`, `?:`.
 * @module i18n
 */

/** Binary operators by precedence, as in C. */
const OPS = {
  "||": [1, (a, b) => a || b],
  "&&": [2, (a, b) => a && b],
  "==": [3, (a, b) => a == b],
  "!=": [3, (a, b) => a != b],
  "<": [4, (a, b) => a < b],
  ">": [4, (a, b) => a > b],
  "<=": [4, (a, b) => a <= b],
  ">=": [4, (a, b) => a >= b],
  "%": [5, (a, b) => a % b],
};

/**
 * Compile a gettext plural expression into a function of n, without eval.
 * @param {string} expr e.g. `(n != 1)` or the Ukrainian four-form rule
 * @returns {(n: number) => number} index of the plural form
 */
export function pluralRule(expr) {
  const tokens = expr.match(/\d+|n|&&|\|\||[=!<>]=|[<>%!?:()]/g) || [];
  return (n) => {
    let i = 0;
    const atom = () => {
      const t = tokens[i++];
      if (t === "!") return !atom();
      if (t !== "(") return t === "n" ? n : +t;
      const v = ternary();
      i++; // ")"
      return v;
    };
    const binary = (min) => {
      let a = atom();
      for (let op = OPS[tokens[i]]; op && op[0] >= min; op = OPS[tokens[i]]) {
        i++;
        a = op[1](a, binary(op[0] + 1));
      }
      return a;
    };
    const ternary = () => {
      const c = binary(1);
      if (tokens[i] !== "?") return c;
      i++;
      const a = ternary();
      i++; // ":"
      const b = ternary();
      return c ? a : b;
    };
    return +ternary();
  };
}

let catalog = {};
let plural = (n) => +(n != 1);

/**
 * Use a catalogue from now on.
 * @param {Record<string, string | string[]> | undefined} messages msgid -> translation, or list of plural forms
 * @param {string | null | undefined} rule the catalogue's plural expression (none for English)
 */
export function setCatalog(messages, rule) {
  catalog = messages || {};
  plural = rule ? pluralRule(rule) : (n) => +(n != 1);
}

/**
 * The translation of a message.
 * @param {string} msgid the English text
 * @returns {string}
 */
export function gettext(msgid) {
  const t = catalog[msgid];
  return typeof t === "string" && t ? t : msgid;
}

/**
 * The translation of a message that depends on a number, in the right plural form.
 * @param {string} singular English text for one
 * @param {string} many English text for other numbers
 * @param {number} n the number
 * @returns {string}
 */
export function ngettext(singular, many, n) {
  const t = catalog[singular];
  const form = Array.isArray(t) && t[plural(n)];
  return form || (n == 1 ? singular : many);
}
