// Times how the page refuses hostile share links (a measurement, not a test): the release
// app served on 127.0.0.1, Debian's Chromium with the browser tests' launch options.
//
// node scripts/bench-links.js --url http://127.0.0.1:PORT/ [--runs 7] [--out FILE]
//
// Each case opens the page at `#s=<data>` in a fresh page `runs` times after one uncounted
// warm-up, and records from the navigation's start (performance.now() in the page):
//   shown    when the `link-error` notice enters the document (a MutationObserver);
//   longest  the longest task on the page's thread from the start until then (longtask
//            entries, which Chromium reports for tasks over 50 ms; 0 when there were none);
//   parsed   when the document was parsed (the navigation entry's domContentLoadedEventEnd):
//            until then the time is the browser's own, taking in the address and the HTML,
//            before the app's code starts;
//   own      shown − parsed, the app's part: loading its code, reading the link, refusing it;
//   ownLongest the longest task that started after `parsed`.
// The cases: a damaged 4-character link (the baseline: the page's own start-up), a short
// link of 6 MB of deflated zeros, a link just under the length bound (16,000 characters of
// deflated zeros, about 12 MB inflated) and a 1 GB deflate bomb (about 1.4 MB of data).
// Prints medians.
"use strict";

const fs = require("fs");
const zlib = require("zlib");
const { chromium } = require("@playwright/test");
const config = require("../e2e/playwright.config.js");
const { median, parseArgs } = require("./bench-lib.js");

const base64url = (bytes) =>
  Buffer.from(bytes).toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** `mib` MiB of zeros, raw-deflated a MiB at a time (the whole never sits in memory). */
function zeros(mib) {
  return new Promise((resolve, reject) => {
    const parts = [];
    const d = zlib.createDeflateRaw({ level: 9 });
    d.on("data", (p) => parts.push(p));
    d.on("end", () => resolve(Buffer.concat(parts)));
    d.on("error", reject);
    const chunk = Buffer.alloc(1 << 20);
    let left = mib;
    const write = () => {
      while (left > 0) {
        left -= 1;
        if (!d.write(chunk)) return d.once("drain", write);
      }
      d.end();
    };
    write();
  });
}

/** The largest run of deflated zeros whose base64url fits in `chars` characters. */
function zerosWithin(chars) {
  let lo = 1;
  let hi = 64 << 20;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (base64url(zlib.deflateRawSync(Buffer.alloc(mid), { level: 9 })).length <= chars) lo = mid;
    else hi = mid - 1;
  }
  return { bytes: lo, data: base64url(zlib.deflateRawSync(Buffer.alloc(lo), { level: 9 })) };
}

// Installed before the page's own scripts: when the notice appears, and the long tasks.
function watch() {
  window.__bench = { shown: null, longest: 0, tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (window.__bench.shown === null) {
        window.__bench.longest = Math.max(window.__bench.longest, e.duration);
        window.__bench.tasks.push([e.startTime, e.duration]);
      }
    }
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver(() => {
    if (window.__bench.shown === null && document.querySelector('[data-testid="link-error"]')) {
      window.__bench.shown = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function measure(browser, url, data, runs) {
  const shown = [];
  const longest = [];
  const parsed = [];
  const own = [];
  const ownLongest = [];
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.addInitScript(watch);
    await page.goto(`${url}#s=${data}`);
    await page.getByTestId("link-error").waitFor();
    // Long tasks are reported after they end: give the observer a frame.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const b = await page.evaluate(() => ({
      ...window.__bench,
      parsed: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
    }));
    if (i > 0) {
      shown.push(b.shown);
      longest.push(b.longest);
      parsed.push(b.parsed);
      own.push(b.shown - b.parsed);
      ownLongest.push(b.tasks.filter(([start]) => start >= b.parsed).reduce((m, [, d]) => Math.max(m, d), 0));
    }
    await context.close();
  }
  return {
    shown: median(shown),
    longest: median(longest),
    parsed: median(parsed),
    own: median(own),
    ownLongest: median(ownLongest),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { runs: 7, out: null, url: null });
  const under = zerosWithin(16000);
  const cases = [
    { name: "damaged 4-character link (baseline)", data: "AAAA" },
    { name: "6 MB of zeros", data: base64url(zlib.deflateRawSync(Buffer.alloc(6_000_000), { level: 9 })) },
    { name: `${(under.bytes / 1e6).toFixed(1)} MB of zeros, just under the length bound`, data: under.data },
    { name: "1 GiB of zeros", data: base64url(await zeros(1024)) },
  ];
  const browser = await chromium.launch(config.use.launchOptions);
  const results = [];
  try {
    for (const c of cases) {
      const r = await measure(browser, args.url, c.data, args.runs);
      results.push({ case: c.name, characters: c.data.length, ...r });
    }
  } finally {
    await browser.close();
  }
  console.log(`medians of ${args.runs} runs (ms from the navigation's start)`);
  console.log("| link | characters | notice shown | longest task | document parsed | app's part | app's longest task |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  const ms = (v) => v.toFixed(1);
  for (const r of results) {
    console.log(
      `| ${r.case} | ${r.characters.toLocaleString("en")} | ${ms(r.shown)} | ${ms(r.longest)} | ${ms(r.parsed)} | ${ms(r.own)} | ${ms(r.ownLongest)} |`
    );
  }
  if (args.out) fs.writeFileSync(args.out, JSON.stringify(results, null, 2) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
