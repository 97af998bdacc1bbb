// Fail when the committed widget build differs from a fresh build of the sources.
//
//   node widget/check-build.mjs      (from anywhere; needs `npm ci` in widget/ first)
//
// Exit 0: up to date. Exit 1: out of date or over budget, with a message saying what to run.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

let build;
try {
  build = await import("./build.mjs");
} catch (e) {
  console.error(`check-build: cannot load the build (${e.message}); run \`npm ci\` in widget/ first.`);
  process.exit(1);
}

const files = await build.buildFiles();
const problems = [];
for (const [name, bytes] of files) {
  let committed = null;
  try {
    committed = await readFile(join(build.OUT, name));
  } catch {
    // missing: reported below
  }
  if (!committed) problems.push(`${name} is missing`);
  else if (Buffer.compare(committed, Buffer.from(bytes)) !== 0) problems.push(`${name} is out of date`);
}
let present = [];
try {
  present = await readdir(build.OUT);
} catch {
  // the folder is missing: every file was reported above
}
for (const name of present) if (!files.has(name)) problems.push(`${name} is not made by the build`);

const sizes = build.gzipSizes(files);
if (sizes["embed.js"] > build.BUDGET["embed.js"]) problems.push(`embed.js is ${sizes["embed.js"]} B gzip, over ${build.BUDGET["embed.js"]}`);
if (sizes.total > build.BUDGET.total) problems.push(`the widget is ${sizes.total} B gzip, over ${build.BUDGET.total}`);

if (problems.length) {
  console.error(`check-build: ${build.OUT}\n  ${problems.join("\n  ")}\nRun \`npm ci && npm run build\` in widget/ and commit the result.`);
  process.exit(1);
}
console.log(`check-build: up to date (embed.js ${sizes["embed.js"]} B gzip, total ${sizes.total} B gzip)`);
