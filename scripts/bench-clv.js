// Customer-value benchmark in the browser (a measurement, not a test): the release build in
// headless Chromium, the customers view on an order file (the full CDNOW file in
// scripts/bench-clv.sh), calibration to 1997-09-30 in weeks. For each of `runs` fresh pages:
// the file is imported in the data view, then the customers view is opened, and the script
// times, from the page's side,
// - "first": opening the view to its results, which reads the file again in the worker,
//   summarises it and fits both models;
// - "refit": a new horizon typed to its results, computed from what the worker holds (the
//   rows, and the summary and fits of the same calibration end and unit);
// with the worker's own milliseconds of each beside it (the view's "Computed in … ms"). Writes
// the runs and their medians as JSON to `out`.
//
//   node scripts/bench-clv.js --url http://127.0.0.1:4192/ --file FILE --runs 5 --out F.json
"use strict";

const fs = require("fs");
const { chromium } = require("@playwright/test");
const config = require("../e2e/playwright.config.js");
const { parseArgs, median } = require("./bench-lib.js");

const args = parseArgs(
  process.argv.slice(2),
  { url: "", file: "", runs: 5, out: "" },
  { required: ["url", "file"], usage: "bench-clv.js --url URL --file FILE [--runs N] [--out F.json]" }
);

/** The worker's milliseconds in the view's status line. */
async function workerMs(page) {
  const text = await page.getByTestId("customers-status").textContent();
  return Number(text.match(/([\d,]+) ms/)[1].replace(/,/g, ""));
}

/** Milliseconds from calling `act` to the status line reading done with `figure` showing `text`. */
async function timed(page, act, text) {
  const started = await page.evaluate(() => performance.now());
  await act();
  await page.waitForFunction(
    (want) => {
      const s = document.querySelector("[data-testid=customers-status]");
      const f = document.querySelector("[data-testid=customers-figures]");
      return s && s.dataset.state === "done" && f && f.textContent.includes(want);
    },
    text,
    { timeout: 60000, polling: "raf" }
  );
  return (await page.evaluate(() => performance.now())) - started;
}

(async () => {
  const browser = await chromium.launch(config.use.launchOptions);
  const runs = [];
  for (let i = 0; i < args.runs; i++) {
    const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${args.url}#/customers`);
    await page.getByLabel("Calibration ends on").fill("1997-09-30");
    await page.getByTestId("nav-data").click();
    await page.getByLabel("Upload CSV").setInputFiles(args.file);
    await page.waitForSelector("[data-testid=import-summary][data-state=done]", { timeout: 60000 });
    const first = await timed(page, () => page.getByTestId("nav-customers").click(), "over 52 weeks");
    const firstWorker = await workerMs(page);
    const refit = await timed(page, () => page.getByLabel("Forecast horizon").fill("53"), "over 53 weeks");
    const refitWorker = await workerMs(page);
    const customers = await page.getByTestId("customers-count").textContent();
    runs.push({ first, firstWorker, refit, refitWorker, customers });
    console.log(
      `run ${i + 1}: first ${first.toFixed(1)} ms (worker ${firstWorker}), refit ${refit.toFixed(1)} ms (worker ${refitWorker}), ${customers} customers`
    );
    await context.close();
  }
  await browser.close();
  const m = (key) => median(runs.map((r) => r[key]));
  const result = {
    file: args.file,
    runs,
    median: { first: m("first"), firstWorker: m("firstWorker"), refit: m("refit"), refitWorker: m("refitWorker") },
  };
  console.log(JSON.stringify(result.median));
  if (args.out) fs.writeFileSync(args.out, JSON.stringify(result, null, 2));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
