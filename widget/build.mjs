// Build the reader widget into corrigo/embed/static/corrigo/ (or the folder given as argument).
//
//   embed.js         the boot, a classic-script IIFE served at the stable URL /embed.js
//   embed-dialog.js  the dialog, an ES module the boot imports on first use from /embed/
//
// The boot names the dialog with a hash of its bytes (?v=...), so a cached boot never pairs with
// a dialog of another build. The output depends on the sources and the pinned esbuild only:
// check-build.mjs rebuilds into a temporary folder and compares bytes.
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
/** Where the built files are committed (the server serves them at /embed.js and /embed/<name>). */
export const OUT = resolve(here, "../corrigo/embed/static/corrigo");
/** Budgets in gzip bytes (the targets for the widget's first release). */
export const BUDGET = { "embed.js": 2048, total: 8192 };

const common = {
  bundle: true,
  minify: true,
  write: false,
  target: "es2022",
  legalComments: "none",
  charset: "ascii",
  logLevel: "warning",
  absWorkingDir: here,
};

/** Bundle .css files as minified text. */
const cssText = {
  name: "css-text",
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const css = await readFile(args.path, "utf8");
      const { code } = await esbuild.transform(css, { loader: "css", minify: true, target: "chrome100" });
      return { contents: code.trim(), loader: "text" };
    });
  },
};

/**
 * Build every file in memory.
 * @returns {Promise<Map<string, Uint8Array>>} file name -> bytes
 */
export async function buildFiles() {
  const pkg = JSON.parse(await readFile(join(here, "package.json"), "utf8"));
  const dialog = await esbuild.build({
    ...common,
    entryPoints: ["src/dialog.js"],
    format: "esm",
    plugins: [cssText],
  });
  const dialogBytes = dialog.outputFiles[0].contents;
  const hash = createHash("sha256").update(dialogBytes).digest("hex").slice(0, 10);
  const boot = await esbuild.build({
    ...common,
    entryPoints: ["src/boot.js"],
    format: "iife",
    define: {
      __DIALOG__: JSON.stringify(`embed-dialog.js?v=${hash}`),
      __VERSION__: JSON.stringify(pkg.version),
    },
  });
  return new Map([
    ["embed.js", boot.outputFiles[0].contents],
    ["embed-dialog.js", dialogBytes],
  ]);
}

/**
 * Gzip size of each file and of all together.
 * @param {Map<string, Uint8Array>} files
 * @returns {Record<string, number>}
 */
export function gzipSizes(files) {
  const sizes = {};
  let total = 0;
  for (const [name, bytes] of files) total += sizes[name] = gzipSync(bytes, { level: 9 }).length;
  sizes.total = total;
  return sizes;
}

async function main() {
  const out = resolve(process.argv[2] || OUT);
  const files = await buildFiles();
  await mkdir(out, { recursive: true });
  for (const [name, bytes] of files) await writeFile(join(out, name), bytes);
  const sizes = gzipSizes(files);
  for (const [name, bytes] of files) console.log(`${name}: ${bytes.length} B, ${sizes[name]} B gzip`);
  console.log(`total: ${sizes.total} B gzip`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
