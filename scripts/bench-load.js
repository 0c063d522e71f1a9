// Times the page's load, to its first figure (a measurement, not a test): the release build
// served gzipped from 127.0.0.1, as a static host serves it, and Debian's Chromium with the
// browser tests' launch options.
//
// node scripts/bench-load.js [--dist dist] [--port 4198] [--url URL] [--runs 7] [--warmup 1]
//                            [--timeout 30000] [--out target/bench/load.json] [--compare DIR]
//
// With --compare, a second build (an earlier one, say) is served the same way on the next port
// and each round loads every case from both builds in turn, so that the two are measured in
// one run on the same machine; the table then gives each case's median for both and their
// ratio.
//
// The page marks "first-figure" on its performance timeline when the view it opened on shows
// its headline figure; the time of a load is that mark's startTime, from the navigation's
// start. Each load is fresh: a new browser context, so an empty cache, empty storage and no
// service worker (the page registers one as it loads, as on a first visit; it lives and dies
// with that load's context). Four cases, taking turns round by round so that each sees the
// same machine:
//   default view   `/`, on the loopback as it is;
//   forecast       `/#/forecast` opened directly, the same;
//   default view, mobile profile   and   forecast, mobile profile:
//                  Lighthouse's mobile profile as Chromium's DevTools emulate it, set on the
//                  page before it navigates: 1,638.4 kbit/s down, 750 kbit/s up and 150 ms of
//                  latency (Network.emulateNetworkConditions), the CPU 4x slower
//                  (Emulation.setCPUThrottlingRate), and a 412 x 823 screen at a device pixel
//                  ratio of 1.75. Both are set on the page: the service worker's own requests
//                  are not slowed, nor the workers' threads.
// The medians of `runs` rounds, after `warmup` uncounted rounds (the machine's file cache
// and Chromium's own start). For each load it also records:
//   html done       the navigation entry's responseEnd (index.html received);
//   page wasm done  the responseEnd of the page's retention-lab-*_bg.wasm resource entry;
//   files           every request asked for before the mark, as the browser context reports
//                   them: the page's, the import worker's and the service worker's (which
//                   caches the whole build), when each was asked for and received, its body as
//                   sent (gzipped) and what crossed the network with its headers;
//   bytes           the sums of those received before the mark: the page's (its import worker's
//                   included), and the service worker's.
// Prints a table with the goals beside the figures and writes everything to --out. Fails
// only when a page does not load or never marks its first figure, never for a missed goal.
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");
const zlib = require("zlib");
const { chromium } = require("@playwright/test");
const config = require("../e2e/playwright.config.js");
const { median, parseArgs } = require("./bench-lib.js");

const MARK = "first-figure";
const GZIP_LEVEL = 9;

// Lighthouse's mobile profile: its throughput and round trip, as DevTools' throttling takes
// them (bytes per second, ms), and its screen.
const MOBILE = {
  network: {
    offline: false,
    latency: 150,
    downloadThroughput: (1638.4 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  },
  cpu: 4,
  screen: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
};
// The unthrottled cases: Playwright's default window.
const DESKTOP = { screen: { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 } };

const CASES = [
  { key: "default", name: "default view", route: "", profile: "unthrottled", goal: 250 },
  { key: "forecast", name: "forecast", route: "#/forecast", profile: "unthrottled", goal: null },
  { key: "default-mobile", name: "default view, mobile profile", route: "", profile: "mobile", goal: 2800 },
  { key: "forecast-mobile", name: "forecast, mobile profile", route: "#/forecast", profile: "mobile", goal: null },
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".json": "application/json",
};
// As static hosts do: text and wasm gzipped, images that are compressed already as they are.
const COMPRESSED = new Set([".png"]);

/** Every file under `dir`, read once, with its gzipped form: path in the URL -> entry. */
function readBuild(dir) {
  const files = new Map();
  const walk = (sub) => {
    for (const d of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${d.name}` : d.name;
      if (d.isDirectory()) walk(rel);
      else if (d.isFile()) {
        const body = fs.readFileSync(path.join(dir, rel));
        const ext = path.extname(d.name).toLowerCase();
        const gzip = COMPRESSED.has(ext) ? null : zlib.gzipSync(body, { level: GZIP_LEVEL });
        files.set(`/${rel}`, { body, gzip, type: TYPES[ext] || "application/octet-stream" });
      }
    }
  };
  walk("");
  if (!files.has("/index.html")) throw new Error(`no index.html in ${dir} (run scripts/build.sh)`);
  return files;
}

/** Serves `files` on 127.0.0.1:`port`, gzipped where the request accepts it. */
function serve(files, port) {
  const log = [];
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      pathname = "";
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = files.get(pathname);
    if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(file ? 405 : 404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      res.end(file ? "method not allowed\n" : "not found\n");
      log.push({ path: pathname, status: res.statusCode, bytes: 0, at: Date.now() });
      return;
    }
    const accepts = /(^|[\s,])gzip(?!\s*;\s*q=0(\.0*)?\s*(,|$))/i.test(req.headers["accept-encoding"] || "");
    const body = file.gzip && accepts ? file.gzip : file.body;
    const headers = {
      "Content-Type": file.type,
      "Content-Length": body.length,
      "Cache-Control": "no-store",
    };
    if (file.gzip) headers.Vary = "Accept-Encoding";
    if (body === file.gzip) headers["Content-Encoding"] = "gzip";
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
    log.push({ path: pathname, status: 200, bytes: body.length, gzip: body === file.gzip, at: Date.now() });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve({ server, log }));
  });
}

/** The browser tests' launch options, and nothing that resolves a name but the page's host. */
function launchOptions(url) {
  const host = new URL(url).hostname;
  const options = config.use.launchOptions;
  return {
    ...options,
    args: [
      ...options.args,
      "--no-default-browser-check",
      "--disable-domain-reliability",
      "--disable-client-side-phishing-detection",
      "--disable-features=OptimizationHints,MediaRouter,Translate,InterestFeedContentSuggestions",
      `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${host}`,
    ],
  };
}

/** The short name of a URL of the page's origin: its path, without the leading slash. */
const short = (url, origin) => {
  try {
    const u = new URL(url);
    return u.origin === origin ? u.pathname.replace(/^\//, "") || "index.html" : url;
  } catch {
    return url;
  }
};

/** `promise`, or `otherwise` when it has not settled within `ms`. */
const within = (promise, ms, otherwise) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(otherwise), ms).unref())]);

const PAGE_WASM = /(^|\/)retention-lab-[0-9a-f]+_bg\.wasm$/;
// Trunk's names for the import worker's files: its loader, its JS and its wasm.
const IMPORT_WORKER = /(^|\/)worker(_loader\.js|\.js|_bg\.wasm)$/;

/** One fresh load of `c`: a new context, the emulation set, the page opened, the mark awaited. */
async function load(browser, base, c, timeout, { log, sent }) {
  const mobile = c.profile === "mobile";
  const context = await browser.newContext({ ...(mobile ? MOBILE.screen : DESKTOP.screen), serviceWorkers: "allow" });
  // Every request of the context (the page's, its import worker's, its service worker's),
  // with Chromium's timing and sizes.
  const requests = [];
  const pending = [];
  context.on("request", (request) => requests.push({ request, done: false }));
  const finish = (request, failed) => {
    const e = requests.find((x) => x.request === request);
    if (!e) return;
    if (!failed) {
      // Chromium does not always report the sizes of a request that a worker made.
      pending.push(
        within(Promise.all([request.sizes(), request.response()]), 5000, [null, null]).then(
          ([sizes, response]) => Object.assign(e, { sizes, fromServiceWorker: !!(response && response.fromServiceWorker()) }),
          () => {},
        ),
      );
    }
    Object.assign(e, { done: true, failed });
  };
  context.on("requestfinished", (r) => finish(r, false));
  context.on("requestfailed", (r) => finish(r, true));
  log.length = 0;
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // A DevTools session for every case, so that all of them carry the same weight.
    const cdp = await context.newCDPSession(page);
    if (mobile) {
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", MOBILE.network);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: MOBILE.cpu });
    }
    const response = await page.goto(base + c.route, { waitUntil: "commit", timeout });
    if (!response || !response.ok()) throw new Error(`${c.name}: ${base + c.route} answered ${response && response.status()}`);
    // The mark, from the page's timeline (buffered: made before this is asked, or after).
    const mark = await Promise.race([
      page.evaluate(
        (name) =>
          new Promise((resolve) => {
            new PerformanceObserver((list, observer) => {
              const m = list.getEntriesByName(name)[0];
              if (m) {
                observer.disconnect();
                resolve(m.startTime);
              }
            }).observe({ type: "mark", buffered: true });
          }),
        MARK,
      ),
      new Promise((resolve) => setTimeout(() => resolve(null), timeout).unref()),
    ]);
    if (mark === null) {
      const marks = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => m.name)).catch(() => []);
      throw new Error(
        `${c.name}: no "${MARK}" mark within ${timeout} ms, a build without it? (marks: ${marks.join(", ") || "none"}; ` +
          `page errors: ${errors.join(" | ") || "none"})`,
      );
    }
    const timeline = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return {
        origin: location.origin,
        timeOrigin: performance.timeOrigin,
        htmlDone: nav.responseEnd,
        navigation: { transferSize: nav.transferSize, encodedBodySize: nav.encodedBodySize, decodedBodySize: nav.decodedBodySize },
        resources: performance
          .getEntriesByType("resource")
          .map((e) => ({ name: e.name, responseEnd: e.responseEnd, decodedBodySize: e.decodedBodySize })),
      };
    });
    // Let what was asked for before the mark arrive, to know its size (at most 15 s more).
    const asked = (e) => e.request.timing().startTime - timeline.timeOrigin <= mark || !(e.request.timing().startTime > 0);
    const settleUntil = Date.now() + 15_000;
    while (Date.now() < settleUntil && requests.some((e) => !e.done && asked(e))) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(pending);
    const served = log.map((l) => ({ ...l, at: l.at - timeline.timeOrigin })).filter((l) => l.at <= mark);
    return { mark, ...summarise(mark, timeline, requests, sent), served, errors };
  } finally {
    await within(context.close(), 10_000);
  }
}

/** The figures of one load: the page's timeline, and the context's requests on its clock. */
function summarise(mark, timeline, requests, sent) {
  const { origin, timeOrigin } = timeline;
  const decoded = new Map(timeline.resources.map((e) => [short(e.name, origin), e.decodedBodySize]));
  const files = [];
  for (const e of requests) {
    const r = e.request;
    const t = r.timing();
    if (!(t.startTime > 0)) continue;
    const start = t.startTime - timeOrigin;
    if (start > mark) continue;
    const file = short(r.url(), origin);
    const navigation = !r.serviceWorker() && r.isNavigationRequest();
    let by = r.serviceWorker() ? "service worker" : IMPORT_WORKER.test(file) ? "import worker" : "page";
    if (navigation) by = "navigation";
    const s = e.sizes;
    // A request the service worker answered crossed no network: what it fetched is its own entry.
    const network = e.done && !e.failed && s && !e.fromServiceWorker;
    // Chromium's count of a body is short for some requests (a worker's script, the service
    // worker's own): when this script serves the page, it knows what it sent.
    const body = network ? (sent.get(`/${file}`) ?? s.responseBodySize) : null;
    files.push({
      file,
      by: e.fromServiceWorker ? `${by}, answered by the service worker` : by,
      start,
      end: e.done && !e.failed && t.responseEnd >= 0 ? start + t.responseEnd : null,
      transferred: network ? body + Math.max(0, s.responseHeadersSize) : e.fromServiceWorker ? 0 : null,
      body: network ? body : e.fromServiceWorker ? 0 : null,
      decoded: navigation ? timeline.navigation.decodedBodySize : by === "page" ? (decoded.get(file) ?? null) : null,
      failed: e.failed || undefined,
    });
  }
  files.sort((a, b) => a.start - b.start);
  const before = files.filter((f) => f.end !== null && f.end <= mark);
  const wasm = timeline.resources.filter((e) => PAGE_WASM.test(short(e.name, origin)));
  const sum = (fs, key) => fs.reduce((n, f) => n + (f[key] || 0), 0);
  return {
    htmlDone: timeline.htmlDone,
    pageWasmDone: wasm.length ? Math.min(...wasm.map((e) => e.responseEnd)) : null,
    bytesBefore: sum(before, "transferred"),
    pageBytesBefore: sum(before.filter((f) => f.by !== "service worker"), "transferred"),
    pageBodyBytesBefore: sum(before.filter((f) => f.by !== "service worker"), "body"),
    serviceWorkerBytesBefore: sum(before.filter((f) => f.by === "service worker"), "transferred"),
    files,
  };
}

const fmtMs = (v) => (v === null || v === undefined ? "—" : `${Math.round(v).toLocaleString("en")} ms`);
const fmtB = (v) => (v === null || v === undefined ? "—" : v.toLocaleString("en"));

/** Reads the build in `dir` and serves it gzipped on `port`. */
async function serveBuild(dir, port) {
  const files = readBuild(dir);
  // What the server sends for each path (Chromium always takes gzip).
  const sent = new Map([...files].map(([p, f]) => [p, (f.gzip || f.body).length]));
  const served = { dir, files, sent, ...(await serve(files, port)), base: `http://127.0.0.1:${port}/` };
  console.log(`serving ${dir} gzipped (level ${GZIP_LEVEL}, ${files.size} files) on ${served.base}`);
  return served;
}

async function main() {
  const args = parseArgs(
    process.argv.slice(2),
    {
      runs: 7,
      warmup: 1,
      port: 4198,
      url: null,
      dist: "dist",
      timeout: 30000,
      out: "target/bench/load.json",
      compare: null,
    },
    {
      required: [],
      usage: "node scripts/bench-load.js [--dist dist] [--port 4198] [--url URL] [--runs 7] [--warmup 1] [--timeout 30000] [--out FILE] [--compare DIR]",
    },
  );
  if (args.runs < 5) throw new Error(`--runs ${args.runs}: at least 5 loads a case make the median`);
  let base = args.url;
  let served = null;
  if (!base) {
    served = await serveBuild(args.dist, args.port);
    base = served.base;
  }
  // The build compared with, if any: the same cases, loaded in the same rounds.
  let compared = null;
  if (args.compare) compared = await serveBuild(args.compare, args.port + 1);
  const cases = [
    ...CASES.map((c) => ({ ...c, base, served })),
    ...(compared
      ? CASES.map((c) => ({ ...c, key: `${c.key}@compared`, name: `${c.name} (compared build)`, goal: null, base: compared.base, served: compared }))
      : []),
  ];
  const browser = await chromium.launch(launchOptions(base));
  const version = browser.version();
  const loads = Object.fromEntries(cases.map((c) => [c.key, []]));
  try {
    const rounds = args.warmup + args.runs;
    for (let round = 0; round < rounds; round++) {
      const warm = round < args.warmup;
      const line = [];
      for (const c of cases) {
        const r = await load(browser, c.base, c, args.timeout, c.served || { log: [], sent: new Map() });
        if (!warm) loads[c.key].push(r);
        line.push(`${c.key} ${fmtMs(r.mark)}`);
      }
      console.log(`${warm ? "warm-up round (not counted)" : `round ${round - args.warmup + 1}/${args.runs}`}: ${line.join(", ")}`);
    }
  } finally {
    await browser.close();
    for (const s of [served, compared]) if (s) s.server.close();
  }

  const results = cases.map((c) => {
    const runs = loads[c.key];
    const m = median(runs.map((r) => r.mark));
    // The representative load: the one nearest the median.
    const rep = runs.reduce((best, r) => (Math.abs(r.mark - m) < Math.abs(best.mark - m) ? r : best), runs[0]);
    const wasm = runs.map((r) => r.pageWasmDone).filter((v) => v !== null);
    return {
      case: c.name,
      key: c.key,
      address: c.base + c.route,
      profile: c.profile,
      goal_ms: c.goal,
      goal_met: c.goal === null ? null : m <= c.goal,
      median: {
        first_figure_ms: m,
        html_done_ms: median(runs.map((r) => r.htmlDone)),
        page_wasm_done_ms: wasm.length ? median(wasm) : null,
        // The page's and the import worker's, then the service worker's, then all of them.
        page_bytes_before_first_figure: median(runs.map((r) => r.pageBytesBefore)),
        page_body_bytes_before_first_figure: median(runs.map((r) => r.pageBodyBytesBefore)),
        service_worker_bytes_before_first_figure: median(runs.map((r) => r.serviceWorkerBytesBefore)),
        bytes_before_first_figure: median(runs.map((r) => r.bytesBefore)),
      },
      min_first_figure_ms: Math.min(...runs.map((r) => r.mark)),
      max_first_figure_ms: Math.max(...runs.map((r) => r.mark)),
      runs_ms: runs.map((r) => r.mark),
      representative: { first_figure_ms: rep.mark, files: rep.files },
      loads: runs.map((r) => ({
        first_figure_ms: r.mark,
        html_done_ms: r.htmlDone,
        page_wasm_done_ms: r.pageWasmDone,
        page_bytes_before_first_figure: r.pageBytesBefore,
        service_worker_bytes_before_first_figure: r.serviceWorkerBytesBefore,
        bytes_before_first_figure: r.bytesBefore,
        files_asked_before: r.files.map((f) => `${f.file} (${f.by})`),
        // What reached the server before the mark, by its clock: the check on the list above.
        served_before: r.served.map((l) => `${l.path} ${l.status} ${l.bytes}`),
        page_errors: r.errors,
      })),
    };
  });

  console.log(
    `\npage load to the "${MARK}" mark, Chromium ${version}, medians of ${args.runs} fresh loads a case` +
      (args.warmup ? ` (after ${args.warmup} uncounted warm-up round${args.warmup > 1 ? "s" : ""})` : ""),
  );
  if (served) console.log(`served gzipped (level ${GZIP_LEVEL}) from 127.0.0.1; mobile profile: 1,638.4 kbit/s down, 750 kbit/s up, 150 ms latency, CPU 4x slower, 412 x 823 at 1.75x`);
  console.log("| case | first figure | goal | html done | page wasm done | bytes before first figure: page | service worker | fastest – slowest |");
  console.log("|---|---:|---|---:|---:|---:|---:|---:|");
  for (const r of results) {
    const goal = r.goal_ms === null ? "—" : `≤ ${r.goal_ms.toLocaleString("en")} ms: ${r.goal_met ? "ok" : "MISSED"}`;
    console.log(
      `| ${r.case} | ${fmtMs(r.median.first_figure_ms)} | ${goal} | ${fmtMs(r.median.html_done_ms)} | ` +
        `${fmtMs(r.median.page_wasm_done_ms)} | ${fmtB(r.median.page_bytes_before_first_figure)} | ` +
        `${fmtB(r.median.service_worker_bytes_before_first_figure)} | ` +
        `${fmtMs(r.min_first_figure_ms)} – ${fmtMs(r.max_first_figure_ms)} |`,
    );
  }
  if (compared) {
    console.log(`\nthis build (${args.dist}) against the compared build (${args.compare}), in the same rounds:`);
    console.log("| case | first figure: compared build | first figure: this build | this / compared |");
    console.log("|---|---:|---:|---:|");
    for (const c of CASES) {
      const now = results.find((r) => r.key === c.key).median.first_figure_ms;
      const then = results.find((r) => r.key === `${c.key}@compared`).median.first_figure_ms;
      console.log(`| ${c.name} | ${fmtMs(then)} | ${fmtMs(now)} | ${(now / then).toFixed(2)} |`);
    }
  }
  for (const r of results) {
    const rep = r.representative;
    console.log(`\n${r.case}: files fetched before the first figure (the load of ${fmtMs(rep.first_figure_ms)})`);
    console.log("| file | fetched by | asked at | received at | transferred | body (gzip) | decoded |");
    console.log("|---|---|---:|---:|---:|---:|---:|");
    for (const f of rep.files) {
      const end = f.end === null ? (f.failed ? "failed" : "after the mark") : fmtMs(f.end);
      const late = f.end !== null && f.end > rep.first_figure_ms ? " (after the mark)" : "";
      console.log(
        `| ${f.file} | ${f.by} | ${fmtMs(f.start)} | ${end}${late} | ${fmtB(f.transferred)} | ${fmtB(f.body)} | ${fmtB(f.decoded)} |`,
      );
    }
  }
  // Which files any load asked for before its mark, and in how many of the loads.
  console.log("\nasked for before the first figure, in how many of a case's loads:");
  for (const r of results) {
    const counts = new Map();
    for (const l of r.loads) for (const f of new Set(l.files_asked_before)) counts.set(f, (counts.get(f) || 0) + 1);
    console.log(`  ${r.case}: ${[...counts].map(([f, n]) => `${f} ${n}/${r.loads.length}`).join("; ")}`);
  }
  const early = results.filter((r) => r.loads.some((l) => l.files_asked_before.some((f) => IMPORT_WORKER.test(f.split(" ")[0]))));
  if (early.length) console.log(`\nthe import worker's files are asked for before the first figure in: ${early.map((r) => r.case).join(", ")}`);

  const report = {
    mark: MARK,
    chromium: version,
    runs: args.runs,
    warmup_rounds: args.warmup,
    served: served ? { dist: args.dist, gzip_level: GZIP_LEVEL, files: served.files.size } : { url: args.url },
    compared: compared ? { dist: args.compare, files: compared.files.size } : null,
    mobile_profile: {
      network: MOBILE.network,
      cpu_slowdown: MOBILE.cpu,
      screen: MOBILE.screen,
    },
    desktop_screen: DESKTOP.screen,
    results,
  };
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, JSON.stringify(report, null, 2) + "\n");
  console.log(`\nwritten: ${args.out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
