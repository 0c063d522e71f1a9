// Trunk's post-build hook (Trunk.toml), before service-worker.sh: cuts every calculator but the
// default one out of the page's wasm, so that the page fetches only what its first view needs.
//
// Each such calculator is called through a `wasm_split` split point (src/main.rs). From the wasm
// Cargo linked (with its relocations, scripts/link-args.rs), the splitter of the
// `wasm_split_cli_support` crate writes the page's module, one module per split point, the
// modules that several of them share, and `__wasm_split.js`, which fetches them. Then, as Trunk
// does for the unsplit wasm: wasm-bindgen on the page's module, wasm-opt on every module (release
// builds). The files replace Trunk's page wasm and JS glue in the build, under names made from a
// hash of their contents, and index.html's references and integrity values follow.
//
// index.html also gets, for each calculator, the modules its first showing needs (a JSON script,
// `#calculator-modules`; the split points are named by the calculators' routes), and a script
// that asks for them at once when the address names that calculator, so that they arrive with
// the page's wasm instead of after it. scripts/size.sh reads the same list.
// See docs/architecture.md, "Code fetched when first shown".
"use strict";
const { execFile } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { promisify } = require("util");

const run = promisify(execFile);
const BIN = "retention-lab";
const staging = required("TRUNK_STAGING_DIR");
const source = required("TRUNK_SOURCE_DIR");
const release = required("TRUNK_PROFILE") === "release";
const targetDir = process.env.CARGO_TARGET_DIR || path.join(source, "target");
const linked = path.join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", `${BIN}.wasm`);
// The page is built for size; Trunk itself makes no wasm-opt pass on it (`data-wasm-opt="0"` in
// index.html), since its output is replaced here. Rust puts the stack first in memory, growing
// down to 0, so the lowest kilobyte is never used and wasm-opt may assume so (2 KB less gzipped).
const PAGE_OPT = ["-Oz", "--low-memory-unused"];
// The split-off modules need no names or producers section: nothing reads them.
const MODULE_OPT = [...PAGE_OPT, "--strip-debug", "--strip-producers"];

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this script runs as Trunk's post-build hook`);
  return value;
}

const sha = (algorithm, bytes, encoding) => crypto.createHash(algorithm).update(bytes).digest(encoding);
const read = (file) => fs.readFileSync(file);

// Runs `jobs` (functions returning promises) at most `width` at a time.
async function pool(jobs, width) {
  const queue = [...jobs];
  const workers = Array.from({ length: width }, async () => {
    while (queue.length) await queue.shift()();
  });
  await Promise.all(workers);
}

async function wasmOpt(input, output, args) {
  const { stderr } = await run("wasm-opt", [...args, input, "-o", output]);
  // The splitter writes a names subsection wasm-opt 132 does not know; it is dropped, as asked.
  const rest = stderr.split("\n").filter((l) => l && !l.startsWith("warning: unknown name subsection"));
  if (rest.length) process.stderr.write(rest.join("\n") + "\n");
}

// What the loader fetches for each split point: its own module, then the shared modules it
// waits for, as the splitter writes them:
//   const __chunk_9 = makeLoad(() => { const src = fetch(new URL("./chunk_9.wasm", ...)); ... }, []);
//   export const __wasm_split_load_data = wrapAsyncCb(makeLoad(() => { ... new URL("./split_data.wasm"
//   ... }, [__chunk_9, __chunk_10]));
function modulesByCalculator(loader) {
  const entry = /(?:export )?const __(wasm_split_load_|chunk_)([a-z0-9_]+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{[\s\S]*?new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]/g;
  const chunks = {};
  const splits = {};
  for (const [, kind, name, file, deps] of loader.matchAll(entry)) {
    const item = { file, deps: deps.split(",").map((d) => d.trim().replace(/^__/, "")).filter(Boolean) };
    if (kind === "chunk_") chunks[`chunk_${name}`] = item;
    else splits[name] = item;
  }
  const files = (item, seen) => {
    if (seen.has(item.file)) return [];
    seen.add(item.file);
    return [item.file, ...item.deps.flatMap((d) => {
      if (!chunks[d]) throw new Error(`the loader waits for ${d}, which it does not define`);
      return files(chunks[d], seen);
    })];
  };
  const map = {};
  for (const [name, item] of Object.entries(splits)) map[name] = files(item, new Set());
  if (!Object.keys(map).length) throw new Error("no split points found in the loader");
  return map;
}

// Asks, as the page opens, for the modules of the calculator the address names (#/<route>...).
const PRELOAD_SCRIPT =
  "<script>(()=>{const m=/^#\\/([a-z]+)/.exec(location.hash);" +
  'const all=JSON.parse(document.getElementById("calculator-modules").textContent);' +
  "if(!m||!Object.hasOwn(all,m[1]))return;" +
  'for(const f of all[m[1]]){const l=document.createElement("link");l.rel="preload";l.as="fetch";' +
  'l.crossOrigin="anonymous";l.href="./"+f;document.head.append(l)}})()</script>';

async function main() {
  const trunkWasm = fs.readdirSync(staging).find((f) => f.startsWith(`${BIN}-`) && f.endsWith("_bg.wasm"));
  if (!trunkWasm) throw new Error(`no ${BIN}-*_bg.wasm in ${staging}`);
  const trunkStem = trunkWasm.slice(0, -"_bg.wasm".length);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "split-wasm-"));
  try {
    const split = path.join(work, "split");
    const bound = path.join(work, "bound");
    await run("wasm-split-cli", [linked, split, "--target", "web", "--out-name", BIN]);
    await run("wasm-bindgen", [
      "--target=web", `--out-dir=${bound}`, `--out-name=${BIN}`, "--no-typescript",
      // The split-off modules call the page's module through the exports the linker made.
      "--keep-lld-exports",
      path.join(split, `${BIN}.wasm`),
    ]);
    const modules = fs.readdirSync(split).filter((f) => f.endsWith(".wasm") && f !== `${BIN}.wasm`).sort();
    const page = path.join(work, `${BIN}_bg.wasm`);
    if (release) {
      // The page's module first: it is the longest.
      await pool(
        [
          () => wasmOpt(path.join(bound, `${BIN}_bg.wasm`), page, PAGE_OPT),
          ...modules.map((m) => () => wasmOpt(path.join(split, m), path.join(work, m), MODULE_OPT)),
        ],
        Math.max(1, os.availableParallelism ? os.availableParallelism() : os.cpus().length),
      );
    } else {
      fs.copyFileSync(path.join(bound, `${BIN}_bg.wasm`), page);
      for (const m of modules) fs.copyFileSync(path.join(split, m), path.join(work, m));
    }

    // One name for the files of this build, from their contents.
    const hash = crypto.createHash("sha256");
    for (const f of [page, ...modules.map((m) => path.join(work, m))]) hash.update(read(f));
    hash.update(read(path.join(bound, `${BIN}.js`)));
    hash.update(read(path.join(split, "__wasm_split.js")));
    const stem = `${BIN}-${hash.digest("hex").slice(0, 16)}`;
    const names = {
      glue: `${stem}.js`,
      wasm: `${stem}_bg.wasm`,
      loader: `${stem}-split.js`,
      module: (m) => `${stem}-${m}`,
    };

    // The glue imports the loader, which imports the glue's `initSync`; the import's key in
    // the wasm stays "./__wasm_split.js", only the file it is read from is renamed.
    const glue = fs
      .readFileSync(path.join(bound, `${BIN}.js`), "utf8")
      .replaceAll('from "./__wasm_split.js"', `from "./${names.loader}"`);
    let loader = fs.readFileSync(path.join(split, "__wasm_split.js"), "utf8");
    const needs = modulesByCalculator(loader);
    loader = loader.replaceAll(`from "./${BIN}.js"`, `from "./${names.glue}"`);
    for (const m of modules) loader = loader.replaceAll(`"./${m}"`, `"./${names.module(m)}"`);
    if (!glue.includes(names.loader) || !loader.includes(names.glue)) {
      throw new Error("the glue and the loader no longer name each other as expected");
    }

    fs.rmSync(path.join(staging, `${trunkStem}.js`));
    fs.rmSync(path.join(staging, trunkWasm));
    fs.writeFileSync(path.join(staging, names.glue), glue);
    fs.writeFileSync(path.join(staging, names.loader), loader);
    fs.copyFileSync(page, path.join(staging, names.wasm));
    for (const m of modules) fs.copyFileSync(path.join(work, m), path.join(staging, names.module(m)));

    // index.html names Trunk's files, with their integrity values.
    const htmlPath = path.join(staging, "index.html");
    let html = fs.readFileSync(htmlPath, "utf8");
    for (const [from, to] of [[`${trunkStem}_bg.wasm`, names.wasm], [`${trunkStem}.js`, names.glue]]) {
      if (!html.includes(from)) throw new Error(`index.html does not name ${from}`);
      html = html.replaceAll(from, to);
      const integrity = `sha384-${sha("sha384", read(path.join(staging, to)), "base64")}`;
      html = html.replace(
        new RegExp(`(<link[^>]*\\./${to.replaceAll(".", "\\.")}[^>]*integrity=)("?)sha384-[A-Za-z0-9+/=]+\\2`),
        `$1$2${integrity}$2`,
      );
      if (!html.includes(integrity)) throw new Error(`no integrity value of ${to} in index.html`);
    }
    const named = Object.fromEntries(Object.entries(needs).map(([k, files]) => [k, files.map(names.module)]));
    const moduleScript = html.search(/<script type="?module"?>/);
    if (moduleScript < 0) throw new Error("index.html has no module script of Trunk's");
    html =
      html.slice(0, moduleScript) +
      `<script type=application/json id=calculator-modules>${JSON.stringify(named)}</script>` +
      PRELOAD_SCRIPT +
      html.slice(moduleScript);
    fs.writeFileSync(htmlPath, html);
    const gz = (f) => require("zlib").gzipSync(read(path.join(staging, f)), { level: 9 }).length;
    const later = modules.reduce((sum, m) => sum + gz(names.module(m)), 0);
    console.log(
      `split-wasm: page ${names.wasm} ${gz(names.wasm)} bytes gzipped; ` +
        `${modules.length} modules fetched when first needed, ${later} bytes gzipped`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`split-wasm: ${e.message}`);
  process.exit(1);
});
