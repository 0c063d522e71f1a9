const fs = require("fs");
const path = require("path");
const { test, expect, openApp, showView, PANELS } = require("./fixtures");

/** A language file's strings by key (the format of src/i18n/file.rs). */
function strings(tag) {
  const text = fs.readFileSync(path.join(__dirname, "..", "public", "i18n", `${tag}.txt`), "utf8");
  const out = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf(" = ");
    if (at < 0 || line.startsWith("#")) continue;
    out[line.slice(0, at).trim()] = line.slice(at + 3).replace(/\\n/g, "\n").replace(/\\\\/g, "\\");
  }
  return out;
}

const MISSING = "\u27E6"; // the marker a string missing from a language file shows

async function choose(page, tag) {
  await page.getByTestId("language-select").selectOption(tag);
  await expect(page.locator("html")).toHaveAttribute("lang", tag);
}

/** The seed examples' figures, typed by the presets, as `figures` writes them. */
async function expectSeedFigures(page, s, figures) {
  await showView(page, "ror");
  await page.getByTestId("ror-panel").getByRole("button", { name: s.ror_seed_preset }).click();
  await expect(page.getByTestId("ror")).toHaveText(figures.ror);
  await expect(page.getByTestId("repeat-share")).toHaveText(figures.repeatShare);
  await showView(page, "period");
  await page.getByTestId("period-panel").getByRole("button", { name: s.telecom_preset }).click();
  await expect(page.getByTestId("churn")).toHaveText(figures.churn);
  await expect(page.getByTestId("end")).toHaveText(figures.end);
  await showView(page, "forecast");
  await expect(page.getByTestId("sbg-alpha-0")).toHaveText(figures.alpha);
  await expect(page.getByTestId("sbg-survival-0-0")).toHaveText(figures.survivors);
}

/** Shows every calculator in turn: no string is missing from the language file on any of them. */
async function expectNothingMissing(page) {
  for (const route of Object.keys(PANELS)) {
    await showView(page, route);
    await expect(page.locator("body")).not.toContainText(MISSING);
  }
}

test("Persian: right to left, Persian digits and separators, every string translated", async ({ page }) => {
  await openApp(page);
  await choose(page, "fa");
  const s = strings("fa");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.app_title);
  await expect(page.getByRole("heading", { level: 2, name: s.ror_heading })).toBeVisible();
  await expect(page.getByLabel(s.total_customers, { exact: true })).toBeVisible();
  await showView(page, "forecast");
  await expect(page.getByRole("heading", { level: 2, name: s["sbg.heading"] })).toBeVisible();
  await showView(page, "data");
  await expect(page.getByLabel(s["import.paste_label"], { exact: true })).toBeVisible();
  await expectSeedFigures(page, s, {
    ror: "۲٫۸۵۷",
    repeatShare: "۳۵٫۰۰٪",
    churn: "۱٫۰۰٪",
    end: "۱۷٬۵۱۰٬۰۰۰",
    alpha: "۰٫۷۰۴",
    survivors: "۱٬۰۰۰٫۰",
  });
  await expectNothingMissing(page);
  // The layout is mirrored: the ROR panel's heading starts at the right.
  await showView(page, "ror");
  const heading = await page.getByRole("heading", { level: 2, name: s.ror_heading }).boundingBox();
  const panel = await page.getByTestId("ror-panel").boundingBox();
  expect(heading.x + heading.width).toBeGreaterThan(panel.x + panel.width * 0.6);
});

test("Persian with Latin digits, and the choice is remembered", async ({ page }) => {
  await openApp(page);
  await choose(page, "fa");
  await expect(page.getByTestId("ror")).toHaveText("۲٫۸۵۷");
  await page.getByTestId("latin-digits").check();
  await expect(page.getByTestId("ror")).toHaveText("2.857");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("ror")).toHaveText("2.857");
  await expect(page.getByTestId("latin-digits")).toBeChecked();
  await page.getByTestId("latin-digits").uncheck();
  await expect(page.getByTestId("ror")).toHaveText("۲٫۸۵۷");
  await choose(page, "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByTestId("ror")).toHaveText("2.857");
  await expect(page.getByTestId("latin-digits")).toHaveCount(0);
});

test("Vietnamese: its digits and separators, every string translated", async ({ page }) => {
  await openApp(page);
  await choose(page, "vi");
  const s = strings("vi");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 2, name: s.ror_heading })).toBeVisible();
  await expect(page.getByLabel(s.total_customers, { exact: true })).toBeVisible();
  await showView(page, "forecast");
  await expect(page.getByRole("heading", { level: 2, name: s["sbg.heading"] })).toBeVisible();
  await expectSeedFigures(page, s, {
    ror: "2,857",
    repeatShare: "35,00%",
    churn: "1,00%",
    end: "17.510.000",
    alpha: "0,704",
    survivors: "1.000,0",
  });
  await expectNothingMissing(page);
});

test.describe("the browser's language", () => {
  test.use({ locale: "vi-VN" });
  test("opens the page in it", async ({ page }) => {
    await page.goto("./");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 2, name: strings("vi").ror_heading })).toBeVisible();
    await expect(page.getByTestId("language-select")).toHaveValue("vi");
  });
});

test.describe("a broken deployment", () => {
  // The browser itself reports the failed request in the console; here that is the point.
  test.use({ strictPage: false });
  test("a language file that cannot be read leaves the page as it was and says so", async ({ page }) => {
    await openApp(page);
    await page.route("**/i18n/fa.txt", (route) => route.fulfill({ status: 404, body: "" }));
    await page.getByTestId("language-select").selectOption("fa");
    await expect(page.getByTestId("language-failed")).toContainText("i18n/fa.txt: HTTP 404");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("ror")).toHaveText("2.857");
  });
});

const fixture = (name) => path.join(__dirname, "data", name);

async function importDone(page) {
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
}

/** Starts an import with `start` while another one's result is shown, and waits for the new one. */
async function importAgain(page, start) {
  const summary = page.getByTestId("import-summary");
  const before = Number(await summary.getAttribute("data-run"));
  await start();
  await expect(summary).not.toHaveAttribute("data-run", String(before));
  await importDone(page);
}

/**
 * Clicks `button` and returns the saved file's suggested name and bytes. On a loaded machine a
 * click now and then gives no download (about one run in twenty of the glyph test): the
 * charts are still redrawing after the language switch, and the page's layout can move under
 * the pointer between Playwright's check and its click. So a click that gives no download in
 * 15 s is made once more, and noted in the report; a button that never downloads still fails.
 */
async function download(page, button) {
  for (let attempt = 1; ; attempt++) {
    const waiting = page.waitForEvent("download", { timeout: 15_000 });
    await button.click();
    try {
      const file = await waiting;
      return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
    } catch (e) {
      if (attempt === 2) throw e;
      test.info().annotations.push({ type: "download clicked again", description: String(button) });
    }
  }
}

/** A download's name as the page builds it: `retention-lab`, then the words, spaces as `-`. */
function fileName(words, extension) {
  return `${["retention-lab", ...words.join(" ").split(/\s+/)].join("-")}.${extension}`;
}

for (const tag of ["fa", "vi"]) {
  test(`${tag}: downloads are named in the language; the CSV files keep their English format`, async ({ page }) => {
    await openApp(page, "data");
    await choose(page, tag);
    const s = strings(tag);
    await page.getByTestId("upload-csv").setInputFiles(fixture("orders.csv"));
    await importDone(page);

    const results = await download(page, page.getByTestId("download-results"));
    expect(results.name).toBe(fileName([s["import.file_results"], s.unit_month], "csv"));
    // Byte for byte what English gives: the header, ASCII digits, "." decimals.
    expect(results.bytes.equals(fs.readFileSync(fixture("orders.results.csv"))), results.bytes.toString()).toBe(true);
    const counts = await download(page, page.getByTestId("download-cohort-counts"));
    expect(counts.name).toBe(fileName([s["import.file_cohort_counts"], s.unit_month], "csv"));
    // ...and the cohort files' last row is still called `average`.
    expect(counts.bytes.equals(fs.readFileSync(fixture("orders.cohort-counts.csv"))), counts.bytes.toString()).toBe(true);

    const svg = await download(page, page.getByTestId("chart-flows").getByTestId("chart-download-svg"));
    expect(svg.name).toBe(fileName([s["charts.file_flows"], s.unit_month], "svg"));
    expect((await svgText(page, svg.bytes.toString("utf8"))).texts).toContain(s["charts.new"]);
    await showView(page, "compounding");
    const png = await download(page, page.getByTestId("chart-projection").getByTestId("chart-download-png"));
    expect(png.name).toBe(fileName([s["charts.file_projection"]], "png"));
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    // The words are the language's own: Persian script, Vietnamese with its marks.
    for (const name of [results.name, counts.name, svg.name, png.name]) {
      expect(name).toMatch(/^retention-lab-.+\.(csv|svg|png)$/);
      const words = name.slice("retention-lab-".length).replace(/\.[a-z]+$/, "");
      expect(words).toMatch(tag === "fa" ? /^[\u0600-\u06FF-]+$/ : /[^\x00-\x7F]/);
    }
  });
}

/**
 * The visible texts of the page's main content, without the elements `skipped`. Option texts
 * count; the values of fields, which the user types, do not.
 */
async function visibleTexts(page, skipped) {
  return page.locator("main").evaluate((main, skip) => {
    const texts = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (el.closest(`input, textarea, ${skip}`)) continue;
      if (!(el.closest("select") || el).checkVisibility({ visibilityProperty: true })) continue;
      texts.push(node.textContent);
    }
    return texts;
  }, skipped);
}

/** The visible texts that hold a Latin digit once each `allowed` string is cut out. */
async function latinDigits(page, allowed, skipped) {
  const longestFirst = [...allowed].sort((a, b) => b.length - a.length);
  const found = new Set();
  for (const text of await visibleTexts(page, skipped)) {
    const rest = longestFirst.reduce((t, a) => t.split(a).join(""), text);
    if (/[0-9]/.test(rest)) found.add(text.trim());
  }
  return [...found];
}

/** The visible Latin words (three letters or more) that are not `allowed`. */
async function latinWords(page, allowed, skipped) {
  const ok = new Set(allowed);
  const found = new Set();
  for (const text of await visibleTexts(page, skipped)) {
    for (const w of text.match(/[A-Za-z]{3,}/g) || []) if (!ok.has(w)) found.add(w);
  }
  return [...found];
}

/** The Latin words of a text: those a translation kept on purpose (ROR, sBG, names). */
const wordsOf = (text) => text.replace(/\{[a-z_]+\}/g, "").match(/[A-Za-z]{3,}/g) || [];

/** The cells of a CSV text that the page may quote back as written (not plain numbers). */
function quotable(csv) {
  return csv
    .split(/\r?\n/)
    .flatMap((line) => line.split(/[,;\t]/))
    .filter((cell) => /[0-9]/.test(cell) && /[^0-9.,]/.test(cell));
}

test.describe("Persian numbers", () => {
  // Opened in Persian, as a Persian browser does: the examples' names are Persian too.
  test.use({ locale: "fa-IR" });

  test("every number the page writes is in Persian digits", async ({ page }) => {
    // Each stage is looked at in every view it changes, some thirty-five views in all: about a
    // minute alone on a loaded machine, more with the rest of the suite beside it.
    test.setTimeout(150_000);
    const s = strings("fa");
    await page.goto("./");
    await expect(page.locator("html")).toHaveAttribute("lang", "fa");
    await expect(page.getByRole("heading", { level: 2, name: s.ror_heading })).toBeVisible();

    // Deliberately in Latin digits, and only these:
    // - examples of how a CSV file writes dates and times (05/03/2024, 2024-03-05T14:30:00+07:00),
    //   in these strings: the user compares them with the file, which holds Latin digits;
    const dateExamples = [
      "import.order_used_data",
      "import.order_used_choice",
      "import.day_first",
      "import.month_first",
      "import.d_not_a_date",
      "import.d_two_digit_year",
      "import.d_time",
    ].flatMap((key) => s[key].match(/[0-9][0-9/.:+T-]*[0-9]|[0-9]/g) || []);
    // - the names of text encodings;
    const names = ["UTF-8", "UTF-16"];
    // - the user's own text quoted back: a cell of the imported file in a problem or a note,
    //   a counts file's period labels (passed per import below), and the first rows of a file
    //   whose columns are asked about, shown as the file has them.
    const preview = '[data-testid="mapping-preview"]';
    // Latin words only where the translation has them (ROR, sBG, the sources' names) or
    // the user's file does: any other is English the code wrote without the string table.
    // The formulas' symbols are Latin in every language, as the letters c, r and a are.
    const keptWords = [...Object.values(s).flatMap(wordsOf), "MAPE"];
    const expectPersian = async (stage, file = "") => {
      const found = await latinDigits(page, [...dateExamples, ...names, ...quotable(file)], preview);
      // Soft: every stage is looked at, and the failure lists what each one found.
      expect.soft(found, `${stage}:\n${found.join("\n")}`).toEqual([]);
      const english = await latinWords(page, [...keptWords, ...wordsOf(file)], preview);
      expect.soft(english, `${stage}, words:\n${english.join("\n")}`).toEqual([]);
    };
    // One calculator is shown at a time, so a stage is looked at in every view it changes.
    // What a view shows but does not keep while another is shown (a chart's data table
    // opened, the cohort table in counts) is set again, from the transactions on, each time
    // it comes back.
    const openTables = async () => {
      for (const toggle of await page.getByTestId("chart-data-toggle").all()) {
        if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
      }
    };
    const setAgain = async () => {
      const counts = page.locator('input[name="cohort-values"][value="counts"]');
      if (await counts.count()) await counts.check();
      await openTables();
    };
    const expectPersianIn = async (routes, stage, file = "", again = setAgain) => {
      for (const route of routes) {
        await showView(page, route);
        await again();
        await expectPersian(`${stage} (#/${route})`, file);
      }
    };
    const nothing = async () => {};
    // The imported data shows in the data view and in the forecast (its cohorts); the data
    // view last, where the import goes on.
    const dataViews = ["forecast", "data"];
    await expectPersianIn(Object.keys(PANELS), "on opening", "", nothing);

    // A scenario and a funnel stage added with the buttons (named with a number); the
    // horizon in months, then in years (rounded, with a note); the log axis.
    await showView(page, "compounding");
    const projection = page.getByTestId("projection-panel");
    await projection.getByRole("button", { name: s.add_scenario }).click();
    await showView(page, "funnel");
    await page.getByTestId("funnel-panel").getByRole("button", { name: s.add_stage }).click();
    await showView(page, "compounding");
    await projection.locator('input[name="projection-unit"][value="months"]').check();
    await page.locator("#projection-horizon").fill("۳۰");
    await projection.locator('input[name="projection-unit"][value="years"]').check();
    await expect(page.getByTestId("horizon-rounded")).not.toBeEmpty();
    await projection.locator('input[name="projection-scale"][value="log"]').check();
    await expectPersianIn(["compounding", "funnel"], "scenarios, stages and horizon", "", nothing);

    // Transactions: the period table and a period's working, every chart with its data
    // table, the cohort table in counts, a cohort taken into the forecast; then quarters and
    // the teacher's working (every formula and step).
    await showView(page, "data");
    await page.getByTestId("load-sample").click();
    await importDone(page);
    const orders = await page.getByTestId("paste-csv").inputValue();
    await showView(page, "forecast");
    await page.getByTestId("sbg-from-data-add").click();
    await expect(page.getByTestId("sbg-result-2")).toBeVisible();
    await expectPersianIn(["forecast", "compounding"], "transactions by month", orders);
    await showView(page, "data");
    await page.getByTestId("show-working-1").click();
    await page.locator('input[name="cohort-values"][value="counts"]').check();
    await openTables();
    await expectPersian("transactions by month (#/data)", orders);
    await page.getByTestId("period-select").selectOption("quarter");
    await page.getByTestId("show-working").check();
    const everyView = [...Object.keys(PANELS).filter((r) => r !== "data"), "data"];
    await expectPersianIn(everyView, "by quarter, with the working", orders);
    await page.getByTestId("show-working").uncheck();

    // Dates with problems (no such day or month, a Solar Hijri year, too early, two digits,
    // a span of over 50 years), then the same with the bad rows left out.
    const bad = [
      "customer_id,date",
      "a,2024-01-05",
      "b,2024-02-30",
      "c,2024-13-01",
      "d,1403-01-05",
      "e,1500-01-01",
      "f,24-01-05",
      "g,1900-06-01",
      "a,2024-02-11",
    ].join("\n");
    await page.getByTestId("paste-csv").fill(bad);
    await page.getByTestId("use-pasted").click();
    await expect(page.getByTestId("import-problem")).toHaveCount(6);
    await expectPersianIn(dataViews, "date problems", bad);
    await page.getByTestId("skip-bad-rows").click();
    await importDone(page);
    await expectPersianIn(dataViews, "bad rows left out", bad);

    // Columns asked about, with the file's first rows; dates asked about, day or month first.
    const unclear = "who,when,what\nann,2024-01-05,3\nbo,2024-02-07,4\n";
    await page.getByTestId("paste-csv").fill(unclear);
    await page.getByTestId("use-pasted").click();
    await expect(page.getByTestId("column-mapping")).toBeVisible();
    await expectPersianIn(dataViews, "columns asked about", unclear);
    const both = "customer_id,date\na,05/03/2024\nb,06/04/2024\na,07/04/2024\n";
    await page.getByTestId("paste-csv").fill(both);
    await page.getByTestId("use-pasted").click();
    await expect(page.getByTestId("date-order")).toBeVisible();
    await expectPersianIn(dataViews, "date order asked about", both);
    await page.getByTestId("date-order-month-first").check();
    await page.getByTestId("date-order-apply").click();
    await importDone(page);
    await expectPersianIn(dataViews, "date order chosen", both);

    // The day-first sample (the note names the row that showed the order), then counts.
    for (const sample of ["orders-day-first", "counts"]) {
      await page.getByTestId("sample-select").selectOption(sample);
      await importAgain(page, () => page.getByTestId("load-sample").click());
      await expectPersianIn(dataViews, sample, await page.getByTestId("paste-csv").inputValue());
    }
  });
});

/**
 * Which characters of `texts` the chart font cannot draw. Each character beyond ASCII is
 * drawn alone on a canvas, as the charts draw their text, and compared pixel for pixel (and by
 * width) with U+10FFFD, which no font has: `missing` are those drawn as that same
 * missing-glyph box. `unnamed` are those no font the stack names has, so that the browser's
 * last fallback draws them: drawn with the stack ended by `monospace` and by `serif` they look
 * different.
 */
async function glyphs(page, font, texts) {
  return page.evaluate(
    ({ font, texts }) => {
      const chars = [...new Set([...texts.join("")])].filter(
        (c) => c.codePointAt(0) > 0x7f && !/[\s\p{Cf}]/u.test(c),
      );
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 96;
      const ctx = canvas.getContext("2d", { willReadFrequently: true });
      const look = (c, stack) => {
        ctx.font = `48px ${stack}`;
        ctx.clearRect(0, 0, 96, 96);
        ctx.fillText(c, 16, 64);
        return `${ctx.measureText(c).width} ${ctx.getImageData(0, 0, 96, 96).data.join()}`;
      };
      const box = look("\u{10FFFD}", font);
      const named = font.replace(/,\s*(sans-serif|serif|monospace)\s*$/, "");
      const fresh = document.createElement("canvas").getContext("2d");
      fresh.font = `48px ${font}`;
      return {
        parsed: fresh.font,
        chars: chars.join(""),
        missing: chars.filter((c) => look(c, font) === box),
        unnamed: chars.filter((c) => look(c, `${named}, monospace`) !== look(c, `${named}, serif`)),
      };
    },
    { font, texts },
  );
}

/** The texts (without the marks that set a Persian text's direction) and the font of a chart's SVG file. */
async function svgText(page, svg) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, "image/svg+xml");
    const nodes = [...doc.querySelectorAll("text")];
    return {
      texts: nodes.map((n) => n.textContent.replace(/[\u2066-\u2069]/g, "").trim()),
      fonts: [...new Set(nodes.map((n) => n.getAttribute("font-family")))],
    };
  }, svg);
}

/** The calculator each chart is drawn in. */
const CHART_VIEW = { projection: "compounding", forecast: "forecast", flows: "data", churn: "data", heatmap: "data" };

test("charts and their images draw every Vietnamese and Persian letter from the page's fonts", async ({ page }) => {
  // Twelve downloads and a pixel check of every letter: 4 to 16 s alone, over a minute once
  // with the rest of the suite running beside it on two cores.
  test.setTimeout(150_000);
  await openApp(page, "data");
  // The check itself sees a missing glyph.
  const control = await glyphs(page, "sans-serif", ["\u{10FFFC}"]);
  expect(control.missing).toEqual(["\u{10FFFC}"]);
  // One import for both languages: a second one would start while the first one's "done" is
  // still shown, and a click could land on a chart that is being replaced.
  await page.getByTestId("load-sample").click();
  await importDone(page);
  for (const tag of ["vi", "fa"]) {
    await choose(page, tag);
    const s = strings(tag);
    const pageFont = await page.locator("body").evaluate((b) => getComputedStyle(b).fontFamily);
    const texts = [];
    for (const kind of ["projection", "forecast", "flows", "churn", "heatmap"]) {
      await showView(page, CHART_VIEW[kind]);
      const chart = page.getByTestId(`chart-${kind}`);
      const svg = await download(page, chart.getByTestId("chart-download-svg"));
      const { texts: t, fonts } = await svgText(page, svg.bytes.toString("utf8"));
      // The images and the canvas use the page's font stack.
      expect(fonts, kind).toEqual([pageFont.replace(/\s+/g, " ")]);
      texts.push(...t);
    }
    // The PNG is drawn on a canvas with that stack, as the page's chart is.
    await showView(page, "forecast");
    const png = await download(page, page.getByTestId("chart-forecast").getByTestId("chart-download-png"));
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // The labels are in the language (with its letters beyond ASCII) ...
    expect(texts).toContain(s["charts.customers"]);
    const result = await glyphs(page, pageFont, texts);
    // A font the canvas cannot read would leave it at its default.
    expect(result.parsed, "the canvas takes the stack").not.toBe("10px sans-serif");
    expect(result.chars, tag).toMatch(tag === "vi" ? /[ăâđêôơư]/ : /[۰-۹]/);
    // ... and each of their letters has a glyph, from a font the stack names.
    expect(result.missing, `${tag}: drawn as a box`).toEqual([]);
    expect(result.unnamed, `${tag}: in none of ${pageFont}`).toEqual([]);
  }
});
