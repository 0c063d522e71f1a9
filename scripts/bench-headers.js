// Times how the page meets files with very wide headers (a measurement, not a test): the
// release app served on 127.0.0.1, Debian's Chromium with the browser tests' launch options.
//
// node scripts/bench-headers.js --url http://127.0.0.1:PORT/ [--runs 5] [--out FILE]
//
// Each case opens a fresh page `runs` times after one uncounted warm-up, sets the file on
// "Upload CSV" once the page is ready, and records from that moment (performance.now() in the
// page):
//   answered  when the page shows its answer, a problem or the column-mapping step (a
//             MutationObserver);
//   longest   the longest task on the page's thread from the file being set until then, the
//             task that shows the answer included (longtask entries, reported for tasks over
//             50 ms; 0 when there were none).
// The cases: headers of 1,000,000 columns (about 7.9 MB, longer than the 64 KiB read to find
// the columns), starting with names the page knows or not, and one of 15,000 columns of names
// it does not know (about 59 KB, within the 64 KiB: the column-mapping step asks).
// Prints medians.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("@playwright/test");
const config = require("../e2e/playwright.config.js");
const { median, parseArgs } = require("./bench-lib.js");

/** A file of one header, `first` then `columns` in all named by `name`, and two data rows. */
function wideFile(dir, file, first, columns, name) {
  const out = path.join(dir, file);
  const names = [...first];
  for (let c = names.length; c < columns; c++) names.push(name(c));
  fs.writeFileSync(out, `${names.join(",")}\nA,2024-01-05\nB,2024-02-07\n`);
  return { file: out, bytes: fs.statSync(out).size };
}

// Installed before the page's own scripts: the long tasks, and when the answer appears.
function watch() {
  window.__bench = { set: null, answered: null, tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.tasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver(() => {
    const b = window.__bench;
    const shown = document.querySelector('[data-testid="import-problem"], [data-testid="column-mapping"]');
    if (b.set !== null && b.answered === null && shown) b.answered = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

async function measure(browser, url, file, runs) {
  const answered = [];
  const longest = [];
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.addInitScript(watch);
    // The data view, where "Upload CSV" is.
    await page.goto(new URL("#/data", url).href);
    const input = page.getByLabel("Upload CSV");
    await input.waitFor({ state: "attached" });
    await page.evaluate(() => {
      window.__bench.set = performance.now();
    });
    await input.setInputFiles(file);
    await page.waitForFunction(() => window.__bench.answered !== null, null, { timeout: 120_000 });
    // Long tasks are reported after they end: give the observer a frame.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const b = await page.evaluate(() => window.__bench);
    if (i > 0) {
      answered.push(b.answered - b.set);
      // Tasks that ran while the page was answering, the one that showed the answer included.
      const during = b.tasks.filter(([start, d]) => start + d >= b.set && start <= b.answered);
      longest.push(during.reduce((m, [, d]) => Math.max(m, d), 0));
    }
    await context.close();
  }
  return { answered: median(answered), longest: median(longest) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { runs: 5, out: null, url: null });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-headers-"));
  const cases = [
    { name: "1,000,000 columns, the first two named `customer_id,date`", ...wideFile(dir, "million.csv", ["customer_id", "date"], 1_000_000, (c) => `c${c}`) },
    // Names the page does not know, so that it would ask which column is which.
    { name: "1,000,000 columns of names the page does not know", ...wideFile(dir, "million-unknown.csv", ["who", "when"], 1_000_000, (c) => `c${c}`) },
    { name: "15,000 columns of names the page does not know, within the 64 KiB", ...wideFile(dir, "wide.csv", ["who", "when"], 15_000, (c) => c.toString(36)) },
  ];
  const browser = await chromium.launch(config.use.launchOptions);
  const results = [];
  try {
    for (const c of cases) {
      const r = await measure(browser, args.url, c.file, args.runs);
      results.push({ case: c.name, bytes: c.bytes, ...r });
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`medians of ${args.runs} runs (ms from setting the file)`);
  console.log("| header | file size | answer shown | longest task |");
  console.log("|---|---:|---:|---:|");
  for (const r of results) {
    console.log(`| ${r.case} | ${r.bytes.toLocaleString("en")} bytes | ${r.answered.toFixed(1)} | ${r.longest.toFixed(1)} |`);
  }
  if (args.out) fs.writeFileSync(args.out, JSON.stringify(results, null, 2) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
