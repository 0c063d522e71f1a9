// Times the session list with 10,000 saved sessions (a measurement, not a test): the release
// app served on 127.0.0.1, Debian's Chromium with the browser tests' launch options.
//
// node scripts/bench-sessions.js --url http://127.0.0.1:PORT/ [--baseline URL] [--runs 5]
//                                [--sessions 10000] [--import-runs 3] [--out FILE]
//
// The sessions are realistic: one is typed into the page first (the ROR, period and win-back
// panels), and the 10,000 are copies of it with their own ids, names, times and totals,
// written into localStorage as the page writes them (10,000 of them come close to the 5
// million characters Chromium gives a page's storage). Then, for each build (the one at --url,
// and the one at --baseline when given, taking turns run by run so that both see the same
// machine), the medians of `runs` runs after one uncounted warm-up:
//   open     a reload, from the navigation's start until the list is usable: its summary
//            gives the count and its first row is in the document (a MutationObserver
//            installed before the page's scripts), and the longest task until then;
//   open, new, duplicate, delete
//            a click on the list's or the bar's button until the next frame has been
//            produced (requestAnimationFrame, then a task), each checked for its effect;
//   import   a file of 10,000 sessions set on the real "Import a session file" input of a
//            page with empty storage, from the input's `change` until the result is shown,
//            and the longest task on the page's thread in between (`longtask` entries, which
//            Chromium reports for tasks over 50 ms; 0 when there were none).
// Prints medians, and writes them all with each run's figures to --out.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("@playwright/test");
const config = require("../e2e/playwright.config.js");
const { median, parseArgs } = require("./bench-lib.js");

/** A deterministic stream of numbers in [0, 1), so that every run stores the same sessions. */
function random(seed) {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One session typed into the page, as the page stores it. */
async function typedSession(browser, url) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(url);
  const ror = page.getByTestId("ror-panel");
  await ror.getByLabel("Total customers").fill("12,345");
  await page.locator("#period-start").fill("1,200");
  await page.locator("#winback-dormant").fill("4,321");
  await page.getByTestId("session-name").fill("Quarterly review");
  const read = () =>
    page.evaluate(() => {
      const id = localStorage.getItem("retention-lab.open");
      const text = id && localStorage.getItem(`retention-lab.session.${id}`);
      return text ? JSON.parse(text) : null;
    });
  for (;;) {
    const s = await read();
    if (s && s.name === "Quarterly review" && s.panels.winback && s.panels.period) {
      await context.close();
      return s;
    }
    await page.waitForTimeout(100);
  }
}

/** `n` sessions like `template`, each with its own id, name, times and total. */
function sessions(template, n) {
  const next = random(20261203);
  const words = ["Q1", "Q2", "Q3", "Q4", "review", "plan", "class", "client", "cohort", "forecast", "budget", "lesson"];
  const start = Date.UTC(2025, 0, 1);
  const year = 365 * 24 * 3600 * 1000;
  const out = [];
  for (let i = 0; i < n; i++) {
    const s = structuredClone(template);
    const created = start + Math.floor(next() * year);
    s.id = `${created.toString(16)}${i.toString(16).padStart(6, "0")}`;
    s.name = `${words[Math.floor(next() * words.length)]} ${words[Math.floor(next() * words.length)]} ${i + 1}`;
    s.created = created;
    s.modified = created + Math.floor(next() * 30 * 24 * 3600 * 1000);
    s.panels.ror.total = (1000 + Math.floor(next() * 90000)).toLocaleString("en");
    out.push(s);
  }
  return out;
}

// Installed before the page's own scripts: when the list is usable (its summary gives the
// count the script expects, kept in sessionStorage across reloads), and the long tasks.
function watch() {
  const count = sessionStorage.getItem("bench-count");
  // Long tasks are reported after they end, often after the list became usable: all are
  // kept, and those that started before it are counted.
  window.__bench = { usable: null, tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.tasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  const usable = () => {
    const summary = document.querySelector('[data-testid="session-list"] summary');
    return summary && summary.textContent.includes(count) && document.querySelector('[data-testid="session-row"]');
  };
  new MutationObserver(() => {
    if (window.__bench.usable === null && usable()) window.__bench.usable = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Clicks `selector` (the `nth` match) and times it until the next frame. */
async function click(page, selector, nth = 0) {
  return page.evaluate(
    async ([selector, nth]) => {
      const el = document.querySelectorAll(selector)[nth];
      if (!el) throw new Error(`no ${selector}`);
      const t0 = performance.now();
      el.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    },
    [selector, nth],
  );
}

const countOf = (page) =>
  page.evaluate(() => Number(document.querySelector('[data-testid="session-list"] summary').textContent.replace(/\D/g, "")));

/** A browser context whose storage holds `stored` sessions, one of them open. */
async function filled(browser, url, stored) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(watch);
  await page.goto(url);
  await page.evaluate((list) => {
    localStorage.clear();
    for (const s of list) localStorage.setItem(`retention-lab.session.${s.id}`, JSON.stringify(s));
    localStorage.setItem("retention-lab.open", list[0].id);
  }, stored);
  const held = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("retention-lab.session.")).length);
  if (held !== stored.length) throw new Error(`storage holds ${held} of ${stored.length} sessions`);
  return { context, page };
}

async function opens(page, count, state) {
  await page.evaluate((c) => sessionStorage.setItem("bench-count", c), count);
  await page.reload();
  await page.waitForFunction(() => window.__bench && window.__bench.usable !== null, null, { timeout: 120_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  const b = await page.evaluate(() => window.__bench);
  state.open.push(b.usable);
  state.openLongest.push(Math.max(0, ...b.tasks.filter(([start]) => start < b.usable).map(([, d]) => d)));
}

async function actions(page, state) {
  const list = page.getByTestId("session-list");
  if ((await list.getAttribute("open")) === null) await list.locator("summary").click();
  const name = () => page.getByTestId("session-name").inputValue();
  const before = await countOf(page);

  const target = await page.locator('[data-testid="session-row"]:not([aria-current]) th').first().textContent();
  state.actions.open.push(await click(page, '[data-testid="session-row"]:not([aria-current]) [data-testid="open-session"]'));
  if ((await name()) !== target) throw new Error(`open: ${await name()} is open, not ${target}`);

  state.actions.new.push(await click(page, '[data-testid="new-session"]'));
  if ((await countOf(page)) !== before + 1) throw new Error("new: not in the list");

  state.actions.duplicate.push(await click(page, '[data-testid="duplicate-session"]'));
  if ((await countOf(page)) !== before + 2) throw new Error("duplicate: not in the list");

  state.actions.delete.push(await click(page, '[data-testid="session-row"]:not([aria-current]) [data-testid="delete-session"]'));
  if ((await countOf(page)) !== before + 1) throw new Error("delete: still in the list");
}

async function imports(browser, url, file, state) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId("session-name").waitFor();
  await page.evaluate(() => {
    window.__import = { change: null, tasks: [], done: null };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__import.tasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask" });
    document.addEventListener("change", () => (window.__import.change = performance.now()), true);
    new MutationObserver(() => {
      const b = window.__import;
      if (b.done === null && document.querySelector('[data-testid="import-session-result"], [data-testid="import-session-error"]')) {
        b.done = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.getByTestId("import-session").setInputFiles(file);
  await page.waitForFunction(() => window.__import.done !== null, null, { timeout: 600_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const b = await page.evaluate(() => window.__import);
  const result = await page.getByTestId("import-session-result").textContent();
  await context.close();
  state.importTotal.push(b.done - b.change);
  // Every task that ran between the file's `change` and the result shown.
  const during = b.tasks.filter(([start, d]) => start + d >= b.change && start <= b.done);
  state.importLongest.push(Math.max(0, ...during.map(([, d]) => d)));
  return result;
}

function fresh() {
  return {
    open: [],
    openLongest: [],
    actions: { open: [], new: [], duplicate: [], delete: [] },
    importTotal: [],
    importLongest: [],
  };
}

function summary(state) {
  const m = (xs) => (xs.length ? median(xs) : null);
  return {
    open: m(state.open),
    openLongest: m(state.openLongest),
    actions: Object.fromEntries(Object.entries(state.actions).map(([k, v]) => [k, m(v)])),
    importTotal: m(state.importTotal),
    importLongest: m(state.importLongest),
    runs: state,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    runs: 5,
    importRuns: 3,
    sessions: 10000,
    out: null,
    url: null,
    baseline: null,
  });
  const builds = [{ name: "this build", url: args.url }];
  if (args.baseline) builds.unshift({ name: "baseline", url: args.baseline });
  const browser = await chromium.launch(config.use.launchOptions);
  const results = {};
  try {
    const template = await typedSession(browser, args.url);
    const stored = sessions(template, args.sessions);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-sessions-")), "sessions.json");
    const toImport = sessions(template, args.sessions);
    fs.writeFileSync(file, JSON.stringify({ format: "retention-lab-sessions", version: 1, sessions: toImport }));
    const count = args.sessions.toLocaleString("en");
    console.log(`${args.sessions} sessions of ${JSON.stringify(template).length} characters each; file ${fs.statSync(file).size} bytes`);

    const pages = {};
    for (const b of builds) {
      results[b.name] = fresh();
      pages[b.name] = await filled(browser, b.url, stored);
    }
    // Warm-up: the first open after the sessions were written (a build with an index builds
    // it then), and one round of actions; not counted.
    for (const b of builds) {
      const warm = fresh();
      await opens(pages[b.name].page, count, warm);
      await actions(pages[b.name].page, warm);
      results[b.name].firstOpen = warm.open[0];
      results[b.name].firstOpenLongest = warm.openLongest[0];
    }
    for (let i = 0; i < args.runs; i++) {
      for (const b of builds) {
        await opens(pages[b.name].page, (args.sessions + i + 1).toLocaleString("en"), results[b.name]);
        await actions(pages[b.name].page, results[b.name]);
      }
    }
    for (const b of builds) await pages[b.name].context.close();
    for (let i = 0; i < args.importRuns; i++) {
      for (const b of builds) {
        const said = await imports(browser, b.url, file, results[b.name]);
        if (!said.includes(count)) throw new Error(`${b.name}: import said "${said}"`);
      }
    }
  } finally {
    await browser.close();
  }
  const out = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { ...summary(v), firstOpen: v.firstOpen, firstOpenLongest: v.firstOpenLongest }]));
  const ms = (x) => (x === null || x === undefined ? "—" : `${x.toFixed(1)} ms`);
  const names = Object.keys(out);
  console.log(`medians of ${args.runs} runs (imports: ${args.importRuns}), ${args.sessions} sessions stored`);
  console.log(`| what | ${names.join(" | ")} |`);
  console.log(`|---|${names.map(() => "---:").join("|")}|`);
  const row = (label, f) => console.log(`| ${label} | ${names.map((n) => ms(f(out[n]))).join(" | ")} |`);
  row("first open after the sessions were written (warm-up)", (r) => r.firstOpen);
  row("open: navigation start to the list usable", (r) => r.open);
  row("open: longest task", (r) => r.openLongest);
  for (const a of ["open", "new", "duplicate", "delete"]) row(`${a}: click to the next frame`, (r) => r.actions[a]);
  row("import: change to the result shown", (r) => r.importTotal);
  row("import: longest task", (r) => r.importLongest);
  if (args.out) fs.writeFileSync(args.out, JSON.stringify(out, null, 2) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
