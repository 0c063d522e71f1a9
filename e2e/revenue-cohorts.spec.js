// The revenue cohorts of the revenue view: the table of revenue per customer so far, its
// heatmap with "Show data" and downloads, and the revenue cohort file, in English and Persian,
// on a desktop and a phone.
const fs = require("fs");
const path = require("path");
const { test, expect, openApp, showView } = require("./fixtures");

/** Clicks a download button and returns the saved file's name and bytes. */
async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent("download"), locator.click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** Pastes a CSV text and reads it with the button. */
async function paste(page, text) {
  await page.getByLabel("Paste CSV data").fill(text);
  await page.getByRole("button", { name: "Use pasted data" }).click();
}

/** A Persian string of the language file. */
function persian(key) {
  const text = fs.readFileSync(path.join(__dirname, "..", "public", "i18n", "fa.txt"), "utf8");
  const line = text.split("\n").find((l) => l.startsWith(`${key} = `));
  return line.slice(key.length + 3);
}

// a expands in February, contracts in March, leaves in April and comes back in May; b has a
// refund in February and leaves in March; c joins in March; nobody buys in June; d joins in
// July, whose last day ends the data.
const ORDERS = [
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

const COHORT_FILE = [
  "cohort,size,k0,k1,k2,k3,k4,k5,k6",
  "2024-01,2,75,165,225,225,265,265,265",
  "2024-03,1,40,80,140,140,140,,",
  "2024-07,1,10,,,,,,",
  "average,4,50,136.66666666666666,196.66666666666666,196.66666666666666,223.33333333333334,265,265",
  "",
].join("\n");

/** Imports the orders in the data view and moves to the revenue view by its link. */
async function openRevenue(page) {
  await openApp(page, "data");
  await paste(page, ORDERS);
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await page.getByTestId("revenue-link").click();
  await expect(page.getByTestId("revenue-panel")).toBeVisible();
}

const heatmap = (page) => page.getByTestId("chart-revenue-heatmap");
const draws = async (page) => Number((await heatmap(page).getAttribute("data-draws")) || 0);

/** The share of the heatmap canvas's pixels that differ from its background, and that background. */
async function ink(page) {
  return heatmap(page)
    .locator("canvas.chart-canvas")
    .evaluate((c) => {
      const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      const [r0, g0, b0] = data;
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        const d = Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0);
        if (d > 60) inked++;
      }
      return { inked: inked / (data.length / 4), background: [r0, g0, b0] };
    });
}

test("the revenue cohort table gives each cohort's revenue per customer so far, blank past the data, and the weighted average", async ({
  page,
}) => {
  await openRevenue(page);
  const table = page.getByTestId("revenue-cohort-table");
  await expect(table.locator("caption")).toContainText("column k is what they have spent per customer");
  await expect(table.locator("thead th")).toHaveText(["Cohort", "Size", "k0", "k1", "k2", "k3", "k4", "k5", "k6"]);
  await expect(table.locator("thead th").first()).toHaveAttribute("scope", "col");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).locator("th")).toHaveText("2024-01");
  await expect(rows.nth(0).locator("th")).toHaveAttribute("scope", "row");
  await expect(rows.nth(0).locator("td")).toHaveText(["2", "75.00", "165.00", "225.00", "225.00", "265.00", "265.00", "265.00"]);
  await expect(rows.nth(1).locator("td")).toHaveText(["1", "40.00", "80.00", "140.00", "140.00", "140.00", "", ""]);
  await expect(rows.nth(2).locator("td")).toHaveText(["1", "10.00", "", "", "", "", "", ""]);
  await expect(rows.nth(2).locator("td.blank")).toHaveCount(6);
  const average = table.locator("tfoot tr");
  await expect(average.locator("th")).toHaveText("Average");
  await expect(average.locator("td")).toHaveText(["4", "50.00", "136.67", "196.67", "196.67", "223.33", "265.00", "265.00"]);

  const file = await download(page, page.getByTestId("download-revenue-cohort"));
  expect(file.name).toBe("retention-lab-revenue-cohort-month.csv");
  expect(file.bytes.toString("utf8")).toBe(COHORT_FILE);

  // Quarters, chosen in the data view: July ends the data before the end of Q3, which is
  // marked and left out of the average row.
  await showView(page, "data");
  await page.getByLabel("Period", { exact: true }).selectOption("quarter");
  await showView(page, "revenue");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator("td")).toHaveText(["3", "163.33", "223.33", "223.33"]);
  await expect(rows.nth(0).locator("td.incomplete")).toHaveCount(1);
  await expect(average.locator("td")).toHaveText(["4", "163.33", "223.33", ""]);
  const quarters = await download(page, page.getByTestId("download-revenue-cohort"));
  expect(quarters.name).toBe("retention-lab-revenue-cohort-quarter.csv");
  expect(quarters.bytes.toString("utf8")).toBe(
    [
      "cohort,size,k0,k1,k2",
      "2024-Q1,3,163.33333333333334,223.33333333333334,223.33333333333334",
      "2024-Q3,1,10,,",
      "average,4,163.33333333333334,223.33333333333334,",
      "",
    ].join("\n")
  );
});

test("the revenue heatmap draws the cohorts, says it in words, shows its data and downloads", async ({ page }) => {
  await openRevenue(page);
  await expect.poll(() => draws(page)).toBeGreaterThan(0);
  const fig = heatmap(page);
  const drawn = await ink(page);
  expect(drawn.inked).toBeGreaterThan(0.01);
  expect(drawn.background).toEqual([255, 255, 255]);
  await expect(fig.getByTestId("chart-caption")).toHaveText(
    "3 cohorts over 7 months; darker cells have brought in more per customer. " +
      "On average a customer spent 50.00 in their cohort's first month, and 265.00 in all after 6 months."
  );
  await expect(fig.getByTestId("chart-note")).toBeHidden();
  // "Show data": the same values as the table, with the file's decimals.
  const toggle = fig.getByTestId("chart-data-toggle");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const data = fig.getByTestId("chart-data-table");
  await expect(data.locator("tbody tr")).toHaveCount(4);
  await expect(data.locator("tbody tr").nth(0).locator("td")).toHaveText([
    "2", "75.00", "165.00", "225.00", "225.00", "265.00", "265.00", "265.00",
  ]);
  await expect(data.locator("tbody tr").nth(3).locator("th")).toHaveText("Average");
  await expect(data.locator("tbody tr").nth(3).locator("td").nth(2)).toHaveText("136.67");

  const [svg] = await Promise.all([page.waitForEvent("download"), fig.getByTestId("chart-download-svg").click()]);
  expect(svg.suggestedFilename()).toBe("retention-lab-revenue-heatmap-month.svg");
  const text = fs.readFileSync(await svg.path(), "utf8");
  expect(text).toContain(">\n265\n<");
  expect(text).toContain("Average");
  expect(text).toContain("Revenue per customer so far");
  expect(text).not.toContain("%\n<");
  const [png] = await Promise.all([page.waitForEvent("download"), fig.getByTestId("chart-download-png").click()]);
  expect(png.suggestedFilename()).toBe("retention-lab-revenue-heatmap-month.png");
  expect(fs.readFileSync(await png.path()).subarray(1, 4).toString()).toBe("PNG");

  // Another period draws the quarters' cohorts.
  await showView(page, "data");
  await page.getByLabel("Period", { exact: true }).selectOption("quarter");
  await showView(page, "revenue");
  await expect.poll(() => draws(page)).toBeGreaterThan(0);
  await expect(heatmap(page).getByTestId("chart-caption")).toContainText("2 cohorts over 3 quarters");
});

test.describe("in the dark theme", () => {
  test.use({ colorScheme: "dark" });

  test("the revenue heatmap is drawn on a dark background", async ({ page }) => {
    await openRevenue(page);
    await expect.poll(() => draws(page)).toBeGreaterThan(0);
    const dark = await ink(page);
    expect(dark.background).toEqual([0x1b, 0x20, 0x26]);
    expect(dark.inked).toBeGreaterThan(0.01);
  });
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("the table scrolls in its box and the heatmap fits, without the page scrolling sideways", async ({ page }) => {
    await openRevenue(page);
    const box = page.getByTestId("revenue-cohort-table").locator("xpath=..");
    await expect(box).toHaveClass(/table-scroll/);
    const { scrollWidth, clientWidth } = await box.evaluate((b) => ({ scrollWidth: b.scrollWidth, clientWidth: b.clientWidth }));
    expect(clientWidth).toBeLessThanOrEqual(360);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await expect.poll(() => draws(page)).toBeGreaterThan(0);
    expect((await ink(page)).inked).toBeGreaterThan(0.01);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

test("in Persian the table reads right to left in Persian digits, and the file stays as it is", async ({ page }) => {
  await openRevenue(page);
  await page.getByTestId("language-select").selectOption("fa");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const table = page.getByTestId("revenue-cohort-table");
  await expect(table.locator("caption")).toHaveText(persian("import.revenue_cohort_caption"));
  await expect(table.locator("thead th").nth(2)).toHaveText("k۰");
  const first = table.locator("tbody tr").first();
  await expect(first.locator("th")).toHaveText("۲۰۲۴-۰۱");
  await expect(first.locator("td").nth(1)).toHaveText("۷۵٫۰۰");
  await expect(table.locator("tfoot td").nth(2)).toHaveText("۱۳۶٫۶۷");
  await expect(heatmap(page).getByTestId("chart-caption")).toContainText("۳ کوهورت در طول ۷ ");
  await expect(page.getByTestId("download-revenue-cohort")).toHaveText(persian("import.download_revenue_cohort"));
  const file = await download(page, page.getByTestId("download-revenue-cohort"));
  expect(file.name).toMatch(/^retention-lab-درآمد-کوهورت-.+\.csv$/);
  expect(file.bytes.toString("utf8")).toBe(COHORT_FILE);
});
