// Times chart redraws in the browser: the release app (served on 127.0.0.1), Debian's
// Chromium with the browser tests' launch options.
//
// node scripts/bench-charts.js --url http://127.0.0.1:PORT/ [--runs 31] [--dpr 1] [--out FILE]
//
// Four cases, each redrawn `runs` times after 3 uncounted warm-ups:
//   projection  a retention field typed into (input event), 3 scenarios over 120 months;
//   churn       the churn definition switched, 120 periods (counts file);
//   flows       the page between 992 and 1520 px wide, 120 periods (counts file);
//   heatmap     the same, 36 monthly cohorts x 36 offsets (transactions): cells that fit the
//               width at 1520 px, cells that scroll at 992 px, the shares printed in both.
// A redraw is timed from the change (for a width, from the start of the frame in which the
// width changes, so the page's own layout is included) until the chart's `data-draws`
// counter moves (a MutationObserver), i.e. the canvas has been drawn; the chart's own
// `data-draw-ms` gives the part spent drawing the canvas. Prints medians.
"use strict";

const fs = require("fs");
const path = require("path");
const os = require("os");
const { chromium } = require("@playwright/test");
const config = require("../e2e/playwright.config.js");
const { parseArgs } = require("./bench-lib.js");

/** 120 months of period,start,new,lost. */
function countsFile() {
  const lines = ["period,start,new,lost"];
  let start = 10000;
  for (let m = 0; m < 120; m++) {
    const label = `${2015 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    const lost = Math.round(start * (0.02 + 0.01 * Math.sin(m / 5)));
    const added = Math.round(start * (0.03 + 0.01 * Math.cos(m / 7)));
    lines.push(m === 0 ? `${label},${start},${added},${lost}` : `${label},,${added},${lost}`);
    start += added - lost;
  }
  return lines.join("\n") + "\n";
}

/** 36 monthly cohorts of 50 customers, each active from its first month for a while. */
function cohortFile() {
  const lines = ["customer_id,date"];
  for (let m = 0; m < 36; m++) {
    for (let c = 0; c < 50; c++) {
      const stays = (c * 7 + m * 3) % (36 - m);
      for (let k = 0; k <= stays; k++) {
        const month = m + k;
        lines.push(`c${m}-${c},${2021 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-10`);
      }
    }
  }
  return lines.join("\n") + "\n";
}

// In the page: applies change number `i` and resolves with the ms until `kind` is redrawn.
async function timeRedraw(page, kind, change, i, inputId) {
  return page.evaluate(
    ({ kind, change, i, inputId }) =>
      new Promise((resolve) => {
        const fig = document.querySelector(`[data-testid=chart-${kind}]`);
        const before = fig.dataset.draws;
        let t0 = 0;
        const obs = new MutationObserver(() => {
          if (fig.dataset.draws !== before) {
            obs.disconnect();
            resolve([performance.now() - t0, Number(fig.dataset.drawMs)]);
          }
        });
        obs.observe(fig, { attributes: true, attributeFilter: ["data-draws"] });
        setTimeout(() => {
          obs.disconnect();
          resolve(null);
        }, 3000);
        const apply = () => {
          if (change === "retention") {
            const input = document.getElementById(inputId);
            const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
            set.call(input, input.value === "92" ? "91" : "92");
            input.dispatchEvent(new Event("input", { bubbles: true }));
          } else if (change === "definition") {
            const start = document.querySelector("input[name=churn-chart-definition][value=start]");
            const value = start.checked ? "start-new" : "start";
            document.querySelector(`input[name=churn-chart-definition][value=${value}]`).click();
          } else {
            const main = document.querySelector(".app-main").style;
            main.maxInlineSize = main.maxInlineSize === "62rem" ? "95rem" : "62rem";
          }
        };
        if (change === "width") {
          requestAnimationFrame(() => {
            t0 = performance.now();
            apply();
          });
        } else {
          t0 = performance.now();
          apply();
        }
      }),
    { kind, change, i, inputId },
  );
}

async function measure(page, kind, change, runs, inputId = null) {
  const times = [];
  const paints = [];
  for (let i = 0; i < runs + 3; i++) {
    const ms = await timeRedraw(page, kind, change, i, inputId);
    if (ms === null) throw new Error(`${kind}: the change did not redraw the chart`);
    if (i >= 3) {
      times.push(ms[0]);
      paints.push(ms[1]);
    }
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  times.sort((a, b) => a - b);
  paints.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return {
    runs,
    median_ms: at(0.5),
    p90_ms: at(0.9),
    max_ms: times[times.length - 1],
    paint_median_ms: paints[Math.floor(paints.length / 2)],
  };
}

async function upload(page, name, text) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-")), name);
  fs.writeFileSync(file, text);
  await page.getByLabel("Upload CSV").setInputFiles(file);
  await page.waitForFunction(() => document.querySelector("[data-testid=import-summary]")?.dataset.state === "done");
}

(async () => {
  const args = parseArgs(process.argv.slice(2), { runs: 31, dpr: 1, out: null, url: null });
  const browser = await chromium.launch(config.use.launchOptions);
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: args.dpr });
  // The compounding calculator's chart first, then the data view's charts.
  await page.goto(new URL("#/compounding", args.url).href);
  await page.getByTestId("chart-projection").waitFor();
  // Three scenarios over 120 months.
  await page.getByRole("radio", { name: "Months" }).check();
  await page.getByRole("button", { name: "Add scenario" }).click();
  await page.getByTestId("scenario-2").getByLabel("Retention (%)").fill("99");
  await page.getByLabel("Horizon", { exact: true }).fill("120");
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=chart-projection]").dataset.draws) > 0);
  const results = {};
  const inputId = await page.getByTestId("scenario-0").getByLabel("Retention (%)").getAttribute("id");
  results.projection = await measure(page, "projection", "retention", args.runs, inputId);

  await page.goto(new URL("#/data", args.url).href);
  await page.getByLabel("Upload CSV").waitFor({ state: "attached" });
  await upload(page, "counts-120.csv", countsFile());
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=chart-churn]")?.dataset.draws) > 0);
  results.churn = await measure(page, "churn", "definition", args.runs);
  results.flows = await measure(page, "flows", "width", args.runs);

  await upload(page, "cohorts-36.csv", cohortFile());
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=chart-heatmap]")?.dataset.draws) > 0);
  const cells = await page.evaluate(() => document.querySelectorAll("[data-testid=cohort-table] tbody tr").length);
  results.heatmap = { cohorts: cells, ...(await measure(page, "heatmap", "width", args.runs)) };
  await browser.close();

  const version = browser.version();
  const summary = { dpr: args.dpr, chromium: version, results };
  console.log(`chart redraws, Chromium ${version}, device pixel ratio ${args.dpr}, medians of ${args.runs}`);
  for (const [kind, r] of Object.entries(results)) {
    console.log(
      `  ${kind.padEnd(11)} change to drawn: median ${r.median_ms.toFixed(1)} ms, p90 ${r.p90_ms.toFixed(1)} ms, ` +
        `max ${r.max_ms.toFixed(1)} ms; canvas drawing alone: median ${r.paint_median_ms.toFixed(1)} ms`,
    );
  }
  if (args.out) fs.writeFileSync(args.out, JSON.stringify(summary, null, 2) + "\n");
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
