/**
 * The site's widget configuration, fetched once on first use: kinds, limits, and the
 * server's `djangojs` catalogue for the reader's language.
 * @module config
 */

import { fetchConfig } from "./api.js";
import { KINDS, LIMITS } from "./defaults.js";
import { setCatalog } from "./i18n.js";

/**
 * What the boot knows about the page and the site.
 * @typedef {object} Context
 * @property {string} origin the corrigo origin (that of the script's own src)
 * @property {string} site the site's public key
 * @property {string} lang the language wanted
 * @property {Element} root the article root
 */

/**
 * @typedef {object} Config
 * @property {{value: string, label: string}[]} kinds the kinds of problem, labelled
 * @property {Record<string, number>} limits longest accepted values, in code points
 * @property {string} lang the language the server answered in
 * @property {{challenge: string}} [challenge] the anti-spam challenge for the next report
 */

let config = null;

/**
 * The site's configuration over the English defaults; it also sets the gettext catalogue.
 * A failed call leaves English and is tried again next time.
 * @param {Context} ctx
 * @returns {Promise<Config>}
 */
export function configure(ctx) {
  config ||= fetchConfig(ctx.origin, ctx.site, ctx.lang).then((c) => {
    if (!c) config = null;
    setCatalog(c?.catalog, c?.plural);
    return {
      kinds: c?.kinds || KINDS,
      limits: { ...LIMITS, ...c?.limits },
      lang: c?.lang || ctx.lang,
      challenge: c?.challenge,
    };
  });
  return config;
}
