// The revenue view's charts: revenue movements per period, and GRR and NRR, drawn from an
// import with amounts, with their captions, data tables and downloads, in English, Persian
// and Vietnamese, on a phone and in the dark theme.
const fs = require("fs");
const path = require("path");
const { test, expect, openApp, showView } = require("./fixtures");

const KINDS = ["revenue-movements", "revenue-rates"];
const chart = (page, kind) => page.getByTestId(`chart-${kind}`);
const draws = async (page, kind) => Number((await chart(page, kind).getAttribute("data-draws")) || 0);

async function drawnAfter(page, kind, after = 0) {
  await expect.poll(() => draws(page, kind)).toBeGreaterThan(after);
}

/** The main canvas: its size, background, share of inked pixels, and a digest. */
async function inspect(page, kind) {
  return chart(page, kind)
    .locator("canvas.chart-canvas")
    .evaluate((c) => {
      const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      const [r0, g0, b0] = data;
      let inked = 0;
      let hash = 0;
      for (let i = 0; i < data.length; i += 4) {
        const d = Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0);
        if (d > 60) inked++;
        hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
      }
      return { width: c.width, cssWidth: c.getBoundingClientRect().width, background: [r0, g0, b0], inked: inked / (data.length / 4), hash };
    });
}

async function download(page, kind, what) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    chart(page, kind).getByTestId(`chart-download-${what}`).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** A language file's strings by key. */
function strings(tag) {
  const text = fs.readFileSync(path.join(__dirname, "..", "public", "i18n", `${tag}.txt`), "utf8");
  const out = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf(" = ");
    if (at < 0 || line.startsWith("#")) continue;
    out[line.slice(0, at).trim()] = line.slice(at + 3);
  }
  return out;
}

// The file of the revenue table's test in data.spec.js. By month: a spends 100, 150, 120, –,
// 80; b 50, 30 (a refund of 20); c –, –, 40, 40, 60; d 10 in July; nobody buys in June.
const AMOUNTS = [
  "customer_id,date,amount",
  "a,2024-01-03,60",
  "b,2024-01-09,50",
  "a,2024-02-11,150",
  "b,2024-02-12,50",
  "b,2024-02-20,-20",
  "a,2024-01-28,40",
  "a,2024-03-05,120",
  "c,2024-03-06,40",
  "c,2024-04-02,40",
  "a,2024-05-17,80",
  "c,2024-05-30,60",
  "d,2024-07-31,10.00",
].join("\n");

/** Imports the file with amounts in the data view and follows its link to the revenue view. */
async function importAmounts(page) {
  await openApp(page, "data");
  await page.getByLabel("Paste CSV data").fill(AMOUNTS);
  await page.getByRole("button", { name: "Use pasted data" }).click();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await page.getByTestId("revenue-link").click();
  await expect(page.getByTestId("revenue-panel")).toBeVisible();
  for (const kind of KINDS) await drawnAfter(page, kind);
}

test("the revenue view charts the movements and the rates of the data, with their numbers", async ({ page }) => {
  await importAmounts(page);
  for (const kind of KINDS) {
    const shot = await inspect(page, kind);
    expect(shot.inked, kind).toBeGreaterThan(0.01);
    expect(shot.background, kind).toEqual([255, 255, 255]);
    await expect(chart(page, kind).locator("canvas.chart-canvas")).toHaveAttribute("role", "img");
  }
  // Both charts come right after the revenue table, before the revenue cohorts' heatmap.
  const order = await page.getByTestId("revenue-of-data").evaluate((el) =>
    [...el.querySelectorAll("[data-testid='revenue-table'], [data-testid^='chart-revenue-']")].map((e) => e.dataset.testid)
  );
  expect(order).toEqual(["revenue-table", "chart-revenue-movements", "chart-revenue-rates", "chart-revenue-heatmap"]);

  const moves = chart(page, "revenue-movements");
  await expect(moves.getByTestId("chart-caption")).toHaveText(
    "7 periods from 2024-01 to 2024-07: revenue went from 150.00 to 10.00. After 2024-01, new customers brought 50.00, " +
      "returning customers 80.00 and expansion 70.00; contraction took 50.00 and churned customers 290.00."
  );
  await moves.getByTestId("chart-data-toggle").click();
  const table = moves.getByTestId("chart-data-table");
  await expect(table.locator("thead th")).toHaveText(["Period", "New", "Returning", "Expansion", "Contraction", "Churned", "Net change"]);
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(7);
  // The first period has only its new revenue and no net change.
  await expect(rows.nth(0).locator("th, td")).toHaveText(["2024-01", "150.00", "—", "—", "—", "—", "—"]);
  await expect(rows.nth(1).locator("th, td")).toHaveText(["2024-02", "0.00", "0.00", "50.00", "20.00", "0.00", "+30.00"]);
  await expect(rows.nth(3).locator("th, td")).toHaveText(["2024-04", "0.00", "0.00", "0.00", "0.00", "120.00", "-120.00"]);
  await expect(rows.nth(6).locator("th, td")).toHaveText(["2024-07", "10.00", "0.00", "0.00", "0.00", "0.00", "+10.00"]);

  const rates = chart(page, "revenue-rates");
  // July starts with no revenue: no rate there, a gap in both lines.
  await expect(rates.getByTestId("chart-caption")).toHaveText(
    "GRR ran from 0.00% to 100.00% and NRR from 0.00% to 150.00%; in 2024-06, GRR was 0.00% and NRR 0.00%. " +
      "No rate in 2024-07: the start revenue there is 0 or below."
  );
  await rates.getByTestId("chart-data-toggle").click();
  const rateRows = rates.getByTestId("chart-data-table").locator("tbody tr");
  await expect(rates.getByTestId("chart-data-table").locator("thead th")).toHaveText(["Period", "GRR", "NRR"]);
  await expect(rateRows).toHaveCount(7);
  await expect(rateRows.nth(0).locator("td")).toHaveText(["—", "—"]);
  await expect(rateRows.nth(1).locator("td")).toHaveText(["86.67%", "120.00%"]);
  await expect(rateRows.nth(4).locator("td")).toHaveText(["100.00%", "150.00%"]);
  await expect(rateRows.nth(6).locator("td")).toHaveText(["—", "—"]);

  // Downloads: an SVG with the chart's words, a PNG that is a PNG.
  const svg = await download(page, "revenue-movements", "svg");
  expect(svg.name).toBe("retention-lab-revenue-movements-month.svg");
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      texts: [...doc.querySelectorAll("text")].map((n) => n.textContent.trim()),
      rects: doc.querySelectorAll("rect").length,
      lines: doc.querySelectorAll("polyline, path").length,
      width: Number(doc.documentElement.getAttribute("width")),
    };
  }, svg.bytes.toString("utf8"));
  expect(parsed.error).toBeNull();
  for (const word of ["New", "Returning", "Expansion", "Contraction", "Churned", "Net change", "Revenue", "2024-07"]) {
    expect(parsed.texts).toContain(word);
  }
  // Background, six legend swatches and the eleven pieces of the seven bars.
  expect(parsed.rects).toBe(1 + 6 + 11);
  expect(parsed.width).toBeGreaterThanOrEqual(760);
  const rateSvg = await download(page, "revenue-rates", "svg");
  expect(rateSvg.name).toBe("retention-lab-revenue-retention-month.svg");
  expect(rateSvg.bytes.toString("utf8")).toContain("150%");
  const png = await download(page, "revenue-rates", "png");
  expect(png.name).toBe("retention-lab-revenue-retention-month.png");
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  // Quarters, chosen in the data view, redraw both charts.
  const before = await Promise.all(KINDS.map((k) => inspect(page, k)));
  await showView(page, "data");
  await page.getByLabel("Period", { exact: true }).selectOption("quarter");
  await showView(page, "revenue");
  for (const [i, kind] of KINDS.entries()) {
    await drawnAfter(page, kind);
    await expect.poll(async () => (await inspect(page, kind)).hash, kind).not.toBe(before[i].hash);
  }
  await expect(moves.getByTestId("chart-caption")).toContainText("3 periods from 2024-Q1 to 2024-Q3");
});

test("the revenue charts follow the container's width", async ({ page }) => {
  await importAmounts(page);
  const wide = await inspect(page, "revenue-movements");
  const before = await draws(page, "revenue-movements");
  await page.setViewportSize({ width: 700, height: 900 });
  await drawnAfter(page, "revenue-movements", before);
  await expect.poll(async () => (await inspect(page, "revenue-movements")).cssWidth).toBeLessThan(wide.cssWidth);
});

test("the revenue charts are there in Persian, right to left, in Persian digits", async ({ page }) => {
  await importAmounts(page);
  const before = await Promise.all(KINDS.map((k) => draws(page, k)));
  await page.getByTestId("language-select").selectOption("fa");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const s = strings("fa");
  for (const [i, kind] of KINDS.entries()) {
    await drawnAfter(page, kind, before[i]);
    expect((await inspect(page, kind)).inked, kind).toBeGreaterThan(0.01);
  }
  await expect(page.getByRole("heading", { name: s["charts.revenue_movements_title"] })).toBeVisible();
  await expect(page.getByRole("heading", { name: s["charts.revenue_rates_title"] })).toBeVisible();
  const rates = chart(page, "revenue-rates");
  await expect(rates.getByTestId("chart-caption")).toContainText("۱۵۰٫۰۰٪");
  await expect(rates.getByTestId("chart-caption")).toContainText("۲۰۲۴-۰۷");
  await expect(page.getByTestId("revenue-of-data")).not.toContainText("\u27E6");
  await rates.getByTestId("chart-data-toggle").click();
  await expect(rates.getByTestId("chart-data-table").locator("tbody tr").nth(1).locator("td")).toHaveText(["۸۶٫۶۷٪", "۱۲۰٫۰۰٪"]);
  const svg = await download(page, "revenue-movements", "svg");
  expect(svg.name).toBe(`retention-lab-${s["charts.file_revenue_movements"].split(" ").join("-")}-${s.unit_month}.svg`);
  const text = svg.bytes.toString("utf8");
  expect(text).toContain(s["charts.expansion"]);
  expect(text).toContain("۲۰۲۴-۰۱");
});

test("the revenue charts are there in Vietnamese", async ({ page }) => {
  await importAmounts(page);
  // The rates chart's words (GRR, NRR, whole percentages) are the same in Vietnamese, so only
  // the movements chart, whose legend changes, is drawn again.
  const before = await draws(page, "revenue-movements");
  await page.getByTestId("language-select").selectOption("vi");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await drawnAfter(page, "revenue-movements", before);
  expect((await inspect(page, "revenue-rates")).inked).toBeGreaterThan(0.01);
  await expect(chart(page, "revenue-rates").getByTestId("chart-caption")).toContainText("150,00%");
  await expect(chart(page, "revenue-movements").getByTestId("chart-caption")).toContainText("khách hàng mới mang lại 50,00");
  await expect(page.getByTestId("revenue-of-data")).not.toContainText("\u27E6");
});

test.describe("on a 360 px phone in the dark theme", () => {
  test.use({ viewport: { width: 360, height: 800 }, colorScheme: "dark" });

  test("both revenue charts fit the screen on a dark background", async ({ page }) => {
    await importAmounts(page);
    for (const kind of KINDS) {
      const shot = await inspect(page, kind);
      expect(shot.background, kind).toEqual([0x1b, 0x20, 0x26]);
      expect(shot.inked, kind).toBeGreaterThan(0.01);
      expect(shot.cssWidth, kind).toBeLessThanOrEqual(360);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
