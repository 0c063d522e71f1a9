// Times a CSV import in the browser: the release app (served on 127.0.0.1), Debian's Chromium
// with the browser tests' launch options, the file set on the real "Upload CSV" input.
//
// node scripts/bench-import.js --url http://127.0.0.1:PORT/ --file FILE [--runs 5] [--fresh 5]
//   [--pause 1000] [--out FILE]
//
// First imports as a user meets them (`--fresh` runs, the headline): each in a new browser
// profile, on the data view opened `--pause` ms before the file is set, timed from setting the
// file to the tables painted, plus from pressing "Download results CSV" to the file handed to
// the browser (see `freshRun`).
//
// Warm imports (`--runs`): one page, the file imported again and again. Each run goes to the
// data view, waits for the import worker to be ready, sets the file and
// measures from the input's `change` event (a capturing listener on the document) until the
// summary says "done" and the flows and cohort tables are in the page (a MutationObserver),
// then until the next frame has been produced (requestAnimationFrame, then a task). A first
// run warms the caches and is not counted. The worker's own messages are recorded on the way
// (arrival times, its `ms`, `wait_ms` and `memory`), which splits the time into parts.
// A message is the postcard bytes of a `Reply` (src/core/import/message.rs); the script reads
// only its variant, its run and the numbers placed before the outcome.
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require("@playwright/test");
const config = require("../e2e/playwright.config.js");
const { median, parseArgs } = require("./bench-lib.js");

// Installed in every page before the app starts: records the `change` of the upload input
// and the page's traffic with the import worker.
function instrument() {
  const bench = { change: null, posts: [], messages: [], button: null, saved: null };
  window.__bench = bench;
  // "Download results CSV" pressed, and the file handed to the browser: the app clicks a
  // link, not in the page, that has a `download` name.
  document.addEventListener(
    "click",
    (e) => {
      const el = e.target;
      if (el && el.closest && el.closest('[data-testid="download-results"]')) bench.button = performance.now();
    },
    true,
  );
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) bench.saved = performance.now();
    return click.call(this);
  };
  document.addEventListener(
    "change",
    (e) => {
      if (e.target && e.target.dataset && e.target.dataset.testid === "upload-csv") {
        bench.change = performance.now();
      }
    },
    true,
  );
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      // Added before the app sets `onmessage`, so it runs first: the arrival time.
      this.addEventListener("message", (e) => {
        const t = performance.now();
        if (!(e.data instanceof Uint8Array)) return;
        const bytes = e.data;
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        // The run is a varint: skip its bytes (high bit set on all but the last).
        let at = 1;
        while (bytes[at] & 0x80) at += 1;
        at += 1;
        const number = (i) => view.getFloat64(at + 8 * i, true);
        const kind = ["ready", "progress", "done", "failed"][bytes[0]];
        const m = { t, kind, message_bytes: bytes.byteLength };
        if (kind === "progress") Object.assign(m, { done: number(0), total: number(1) });
        if (kind === "done") Object.assign(m, { memory: number(0), ms: number(1), wait_ms: number(2) });
        bench.messages.push(m);
      });
    }

    postMessage(...args) {
      bench.posts.push(performance.now());
      return super.postMessage(...args);
    }
  };
}

// Resolves once the import is done and its tables are in the page; rejects on another end.
function armDoneWatch() {
  window.__benchDone = new Promise((resolve, reject) => {
    const summary = () => document.querySelector('[data-testid="import-summary"]');
    let finished = false;
    const observer = new MutationObserver(() => {
      if (finished) return;
      const s = summary();
      const state = s && s.dataset.state;
      if (state === "error" || state === "asking" || state === "cancelled") {
        finished = true;
        observer.disconnect();
        reject(new Error(`import ended in state ${state}: ${s.textContent}`));
        return;
      }
      const ready =
        state === "done" &&
        document.querySelector('[data-testid="flows-table"]') &&
        document.querySelector('[data-testid="cohort-table"]');
      if (!ready) return;
      finished = true;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        // A task queued from the frame callback runs after that frame's rendering.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ dom, frame, painted: performance.now() });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-state"],
    });
  });
}

// Resolves when the page's import worker has started listening (its wasm is ready).
async function workerReady(page) {
  const deadline = Date.now() + 30_000;
  while (page.workers().length === 0) {
    if (Date.now() > deadline) throw new Error("the import worker did not start");
    await page.waitForEvent("worker", { timeout: 250 }).catch(() => {});
  }
  await page.workers()[0].evaluate(
    () =>
      new Promise((resolve) => {
        const check = () => (self.onmessage ? resolve() : setTimeout(check, 5));
        check();
      }),
  );
}

async function oneRun(page, url, file) {
  // The data view, where "Upload CSV" is.
  await page.goto(new URL("#/data", url).href);
  const input = page.getByTestId("upload-csv");
  await input.waitFor({ state: "attached" });
  await workerReady(page);
  await page.evaluate(armDoneWatch);
  await input.setInputFiles(file);
  const ends = await page.evaluate(() => window.__benchDone);
  const info = await page.evaluate(() => {
    const s = document.querySelector('[data-testid="import-summary"]');
    const rows = (id) => document.querySelectorAll(`[data-testid="${id}"] tbody tr`).length;
    return {
      bench: window.__bench,
      summary: s.textContent.trim(),
      memory: Number(s.dataset.wasmMemory),
      workerMs: Number(s.dataset.workerMs),
      flowRows: rows("flows-table"),
      cohortRows: rows("cohort-table"),
    };
  });
  const { bench } = info;
  if (bench.change === null) throw new Error("no change event from the upload input");
  const at = (t) => Math.round((t - bench.change) * 10) / 10;
  // The page is not loaded again between imports on it: only this import's messages count.
  const mine = bench.messages.filter((m) => m.t >= bench.change);
  const done = mine.find((m) => m.kind === "done");
  if (!done) throw new Error("no done message from the worker");
  const progress = mine.filter((m) => m.kind === "progress");
  const post = bench.posts.find((t) => t >= bench.change);
  return {
    ms: at(ends.painted),
    dom_ms: at(ends.dom),
    frame_ms: at(ends.frame),
    posted_ms: post === undefined ? null : at(post),
    first_progress_ms: progress.length ? at(progress[0].t) : null,
    done_message_ms: at(done.t),
    worker_ms: done.ms,
    worker_wait_ms: done.wait_ms,
    done_message_bytes: done.message_bytes,
    memory: info.memory,
    memory_in_message: done.memory,
    summary_worker_ms: info.workerMs,
    chunks: progress.map((m) => ({ at_ms: at(m.t), done: m.done })),
    summary: info.summary,
    flow_rows: info.flowRows,
    cohort_rows: info.cohortRows,
  };
}

// A first import as a user meets it: a new browser profile (nothing cached), the data view
// opened `pause` ms before the file is set (the worker is started when the view opens), the
// tables, then "Download results CSV" until the file is handed to the browser. The time is
// the import's (file set -> tables painted) plus the download's (button pressed -> file
// handed over), leaving out the harness's own delay between seeing the tables and pressing.
async function freshRun(browser, url, file, pause, problems) {
  const context = await browser.newContext({ serviceWorkers: "block", acceptDownloads: true });
  try {
    await context.route("**/*", (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === "127.0.0.1" || u.protocol === "data:" || u.protocol === "blob:") {
        return route.continue();
      }
      problems.push(`blocked request: ${u.href}`);
      return route.abort();
    });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    const opened = Date.now();
    await page.goto(new URL("#/data", url).href);
    const input = page.getByTestId("upload-csv");
    await input.waitFor({ state: "attached" });
    await page.evaluate(armDoneWatch);
    // The scenario is a page opened `pause` ms before: wait out the rest of it.
    await page.waitForTimeout(Math.max(0, pause - (Date.now() - opened)));
    await input.setInputFiles(file);
    const ends = await page.evaluate(() => window.__benchDone);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-results").click(),
    ]);
    await download.path();
    const bench = await page.evaluate(() => window.__bench);
    const done = bench.messages.find((m) => m.kind === "done" && m.t >= bench.change);
    const round = (x) => Math.round(x * 10) / 10;
    const tables = ends.painted - bench.change;
    const click = bench.saved - bench.button;
    return {
      ms: round(tables + click),
      tables_ms: round(tables),
      download_click_ms: round(click),
      done_message_ms: done ? round(done.t - bench.change) : null,
      worker_ms: done ? done.ms : null,
      page_after_worker_ms: done ? round(ends.painted - done.t) : null,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const args = parseArgs(
    process.argv.slice(2),
    { runs: 5, out: null, url: null, file: null, fresh: 5, pause: 1000 },
    {
      required: ["url", "file"],
      usage: "bench-import.js --url URL --file FILE [--runs N] [--fresh N] [--pause MS] [--out FILE]",
    },
  );
  const file = path.resolve(args.file);
  const size = fs.statSync(file).size;
  const launch = config.use.launchOptions;
  const browser = await chromium.launch(launch);
  const version = browser.version();
  const problems = [];
  const results = [];
  let first = null;
  try {
    const context = await browser.newContext();
    // Nothing may leave the machine.
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") {
        return route.continue();
      }
      problems.push(`blocked request: ${url.href}`);
      return route.abort();
    });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    for (let i = 0; i <= args.runs; i += 1) {
      const r = await oneRun(page, args.url, file);
      const label = i === 0 ? "warm-up" : `run ${i}`;
      console.log(
        `${label}: ${r.ms.toFixed(1)} ms (tables in DOM ${r.dom_ms.toFixed(1)}, worker done message ` +
          `${r.done_message_ms.toFixed(1)}, worker ms ${r.worker_ms} of which waiting for reads ` +
          `${r.worker_wait_ms}; memory ${r.memory} bytes) ${r.summary}`,
      );
      if (i > 0) results.push(r);
      else first = r;
    }
  } finally {
    await browser.close();
  }
  // First imports, each on a fresh profile, after the warm ones (one browser, one at a time).
  const fresh = [];
  if (args.fresh > 0) {
    const again = await chromium.launch(launch);
    try {
      for (let i = 1; i <= args.fresh; i += 1) {
        const r = await freshRun(again, args.url, file, args.pause, problems);
        console.log(
          `fresh ${i}: ${r.ms.toFixed(1)} ms to the downloaded CSV (tables ${r.tables_ms}, download click ` +
            `${r.download_click_ms}; worker ${r.worker_ms}, its result at ${r.done_message_ms}, ` +
            `page after it ${r.page_after_worker_ms})`,
        );
        fresh.push(r);
      }
    } finally {
      await again.close();
    }
  }
  if (problems.length) throw new Error(problems.join("\n"));
  const pick = (key) => median(results.map((r) => r[key]));
  const freshPick = (key) => (fresh.length ? median(fresh.map((r) => r[key])) : null);
  const report = {
    file,
    size,
    runs: results,
    median_ms: pick("ms"),
    median_dom_ms: pick("dom_ms"),
    median_done_message_ms: pick("done_message_ms"),
    median_worker_ms: pick("worker_ms"),
    median_worker_wait_ms: pick("worker_wait_ms"),
    peak_memory: Math.max(...results.map((r) => r.memory)),
    // The warm-up: the first import in a fresh browser profile (cold caches), not in the median.
    first_import: first,
    fresh: {
      pause_ms: args.pause,
      runs: fresh,
      median_ms: freshPick("ms"),
      median_tables_ms: freshPick("tables_ms"),
      median_download_click_ms: freshPick("download_click_ms"),
      median_worker_ms: freshPick("worker_ms"),
      median_page_after_worker_ms: freshPick("page_after_worker_ms"),
    },
    chromium: version,
  };
  if (args.out) fs.writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`browser median: ${report.median_ms.toFixed(1)} ms`);
  if (fresh.length) console.log(`first import median: ${report.fresh.median_ms.toFixed(1)} ms to the downloaded CSV`);
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});
