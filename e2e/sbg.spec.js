const { test, expect, openApp, showView } = require("./fixtures");

const panel = (page) => page.getByTestId("sbg-panel");
const counts = (page, i) => page.getByTestId(`sbg-cohort-${i}`).getByLabel("Survivors per period, period 0 first");

test.beforeEach(async ({ page }) => {
  await openApp(page, "forecast");
});

// Fader & Hardie (2007), fitted on years 0..7. The survivors expected by the model were worked
// out independently from the likelihood of docs/metrics.md section 6 (a separate fit, to 1e-12).
const PAPER = [
  {
    i: 0,
    alpha: "0.704",
    beta: "1.182",
    ll: "-1,680.27",
    del: "3.695",
    expected: ["1,000.0", "626.7", "473.8", "388.0", "332.1", "292.3", "262.5", "239.0", "220.1", "204.4", "191.2", "179.9", "170.0"],
    actual: ["1,000", "631", "468", "382", "326", "289", "262", "241", "223", "207", "194", "183", "173"],
  },
  {
    i: 1,
    alpha: "0.668",
    beta: "3.806",
    ll: "-1,611.16",
    del: "5.922",
    expected: ["1,000.0", "850.7", "746.9", "669.8", "609.9", "561.8", "522.2", "488.9", "460.4", "435.8", "414.2", "395.1", "378.0"],
    actual: ["1,000", "869", "743", "653", "593", "551", "517", "491", "468", "445", "427", "409", "394"],
  },
];

test("Fader & Hardie 2007 preset: the paper's a, b, log-likelihood, DEL and forecast", async ({ page }) => {
  const p = panel(page);
  await p.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("sbg-alpha-0")).toHaveCount(0);
  await p.getByRole("button", { name: "Fader & Hardie 2007" }).click();
  for (const c of PAPER) {
    await expect(page.getByTestId(`sbg-alpha-${c.i}`)).toHaveText(c.alpha);
    await expect(page.getByTestId(`sbg-beta-${c.i}`)).toHaveText(c.beta);
    await expect(page.getByTestId(`sbg-ll-${c.i}`)).toHaveText(c.ll);
    await expect(page.getByTestId(`sbg-del-${c.i}`)).toHaveText(c.del);
    // a <= 1: the mean lifetime is not finite, and the page says so.
    await expect(page.getByTestId(`sbg-lifetime-${c.i}`)).toContainText(`not finite: a = ${c.alpha} is at most 1`);
    for (let t = 0; t <= 12; t++) {
      await expect(page.getByTestId(`sbg-survival-${c.i}-${t}`)).toHaveText(c.expected[t]);
    }
    // The forecast table: the counted survivors beside the model's, years 8..12 marked forecast.
    const rows = page.getByTestId(`sbg-table-${c.i}`).locator("tbody tr");
    await expect(rows).toHaveCount(13);
    for (let t = 0; t <= 12; t++) {
      const cells = rows.nth(t).locator("th, td");
      await expect(cells.nth(0)).toHaveText(String(t));
      await expect(cells.nth(1)).toHaveText(c.actual[t]);
      await expect(cells.nth(4)).toHaveText(t <= 7 ? "fitted" : "forecast");
    }
  }
  await expect(page.getByTestId("sbg-result-0").getByRole("heading")).toHaveText("Regular");
  await expect(page.getByTestId("sbg-result-1").getByRole("heading")).toHaveText("High end");
  // Constant churn fitted to the same counts: 759 lost over 3,358 customer-years at risk.
  await expect(page.getByTestId("sbg-comparison-0")).toHaveText(
    "Constant churn fitted to the same counts: 22.60% a period, log-likelihood -1,794.62 (sBG: -1,680.27).",
  );
});

test("the working shows the formulas with the fitted numbers", async ({ page }) => {
  const result = page.getByTestId("sbg-result-0");
  const working = result.locator("details.working");
  await working.locator("summary").click();
  await expect(working).toHaveAttribute("open", "");
  await expect(working).toContainText("Maximum likelihood");
  await expect(working).toContainText("0.704");
  await expect(working).toContainText("Discounted expected lifetime");
  await expect(working).toContainText("3.695");
});

test("a value per customer appears with a revenue, and follows the discount rate", async ({ page }) => {
  const p = panel(page);
  await expect(page.getByTestId("sbg-value-0")).toHaveCount(0);
  await p.getByLabel("Revenue per customer per period").fill("100");
  await p.getByLabel("Gross margin (%)").fill("50");
  // 100 x 50% x DEL(10%) = 50 x 3.6949 = 184.75 (unrounded DEL 3.69490).
  await expect(page.getByTestId("sbg-value-0")).toHaveText("184.75");
  await p.getByLabel("Discount rate per period (%)").fill("0");
  // No discount and a <= 1: the expected lifetime has no end, and neither has the value.
  await expect(page.getByTestId("sbg-del-0")).toHaveText("\u221E");
  await expect(page.getByTestId("sbg-value-0")).toHaveText("\u221E");
  await expect(page.getByTestId("sbg-result-0").locator("dt").nth(5)).toHaveText("Discounted expected lifetime DEL at 0%");
});

test("fit and horizon: fewer fitted periods, a shorter forecast", async ({ page }) => {
  const p = panel(page);
  await p.getByLabel("Fit on periods 0 to").fill("");
  // Every count fitted: the table has no forecast rows.
  await expect(page.getByTestId("sbg-table-0").locator("tbody tr.forecast")).toHaveCount(0);
  await p.getByLabel("Fit on periods 0 to").fill("4");
  await p.getByLabel("Forecast to period").fill("20");
  await expect(page.getByTestId("sbg-table-0").locator("tbody tr")).toHaveCount(21);
  await expect(page.getByTestId("sbg-table-0").locator("tbody tr.fitted")).toHaveCount(5);
  await expect(page.getByTestId("sbg-survival-0-20")).toBeVisible();
  // Past the counted years there is nothing counted to show.
  await expect(page.getByTestId("sbg-table-0").locator("tbody tr").nth(20).locator("td").first()).toHaveText("\u2014");
});

test("bad counts are named by position and kept as typed", async ({ page }) => {
  const field = counts(page, 0);
  const error = page.locator("#sbg-counts-0-error");

  await field.fill("1000\n631\n700\n500");
  await expect(error).toHaveText(
    "Count 3 (period 2, \u201C700\u201D): larger than the count before it (631); a cohort can only shrink",
  );
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/Count 3 \(period 2/);
  await expect(field).toHaveValue("1000\n631\n700\n500");
  await expect(page.getByTestId("sbg-alpha-0")).toHaveCount(0);

  await field.fill("0 0 0");
  await expect(error).toContainText("Count 1 (period 0, \u201C0\u201D): the first count is 0");

  await field.fill("1000 631");
  await expect(error).toHaveText("2 counts given; at least 3 are needed (periods 0, 1 and 2).");

  await field.fill("1000 six hundred 400");
  await expect(error).toContainText("Count 2 (period 1, \u201Csix\u201D)");
  await expect(error).toContainText("not a whole number of customers");

  // The other cohort still has its forecast.
  await expect(page.getByTestId("sbg-alpha-1")).toHaveText("0.668");
  await field.fill("1000 631 468");
  await expect(error).toBeEmpty();
  await expect(field).toHaveAttribute("aria-invalid", "false");
});

test("counts with no best fit say so instead of showing numbers", async ({ page }) => {
  await counts(page, 0).fill("1000 500 500 500");
  await page.getByLabel("Fit on periods 0 to").fill("");
  await expect(page.getByTestId("sbg-no-fit-0")).toContainText("These counts have no best fit");
  await expect(page.getByTestId("sbg-alpha-0")).toHaveCount(0);
});

test("counts with a constant churn are reported as the model's constant-churn limit", async ({ page }) => {
  // Half lost every period, exactly.
  await counts(page, 0).fill("10000 5000 2500 1250 625");
  await page.getByLabel("Fit on periods 0 to").fill("");
  await expect(page.getByTestId("sbg-limit-0")).toContainText("every customer churns 50.00% a period");
  await expect(page.getByTestId("sbg-alpha-0")).toHaveText("\u221E");
  await expect(page.getByTestId("sbg-survival-0-3")).toHaveText("1,250.0");
  await expect(page.getByTestId("sbg-survival-0-7")).toHaveText("78.1");
  await expect(page.getByTestId("sbg-lifetime-0")).toHaveText("2.000");
});

test("cohorts: add one, fit it beside the others, remove one", async ({ page }) => {
  const p = panel(page);
  await p.getByTestId("sbg-add-cohort").click();
  const added = page.getByTestId("sbg-cohort-2");
  await expect(added.getByRole("group")).toHaveCount(0);
  await expect(added.locator("legend")).toHaveText("Cohort 3");
  await added.getByLabel("Name").fill("<i>Spring</i>");
  await counts(page, 2).fill("500; 400; 340; 300; 275; 255; 240; 228");
  await expect(page.getByTestId("sbg-result-2").getByRole("heading")).toHaveText("<i>Spring</i>");
  await expect(page.getByTestId("sbg-alpha-2")).toHaveText(/^\d+\.\d{3}$/);
  // Counted through period 7 and forecast to 12 like the others.
  await expect(page.getByTestId("sbg-survival-2-12")).toBeVisible();
  await page.getByTestId("sbg-cohort-0").getByRole("button", { name: "Remove this cohort" }).click();
  await expect(page.getByTestId("sbg-result-0").getByRole("heading")).toHaveText("High end");
  await expect(page.getByTestId("sbg-alpha-0")).toHaveText("0.668");
  await expect(page.getByTestId("sbg-result-1").getByRole("heading")).toHaveText("<i>Spring</i>");
  await expect(page.getByTestId("sbg-result-2")).toHaveCount(0);
  await expect(page.getByTestId("sbg-cohort-1").getByLabel("Name")).toHaveValue("<i>Spring</i>");
});

/** Transactions of one monthly cohort of 60 customers; customer c is active for months 0..stay(c). */
function cohortFile() {
  const stay = (c) => Math.min(9, Math.floor((c * c) / 300));
  const lines = ["customer_id,date"];
  for (let c = 0; c < 60; c++) {
    for (let m = 0; m <= stay(c); m++) lines.push(`u${c},2024-${String(m + 1).padStart(2, "0")}-15`);
  }
  // A later cohort, so that the file has two to choose from.
  lines.push("late,2024-06-01");
  const survivors = [];
  for (let k = 0; k <= 9; k++) survivors.push(Array.from({ length: 60 }, (_, c) => c).filter((c) => stay(c) >= k).length);
  return { text: lines.join("\n") + "\n", survivors };
}

test("a cohort of the imported data joins the forecast with its survivors", async ({ page }) => {
  const p = panel(page);
  await expect(p.getByTestId("sbg-from-data")).toContainText("Import a transactions file");
  const { text, survivors } = cohortFile();
  await showView(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "cohort.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await showView(page, "forecast");
  const pick = p.getByLabel("A cohort of your data");
  await expect(pick.locator("option")).toHaveText(["2024-01", "2024-06"]);
  await pick.selectOption({ label: "2024-01" });
  await p.getByTestId("sbg-from-data-add").click();
  await expect(page.getByTestId("sbg-cohort-2").getByLabel("Name")).toHaveValue("Cohort 2024-01");
  // The survivors of docs/metrics.md section 2, worked out here from the generated customers.
  await expect(counts(page, 2)).toHaveValue(survivors.join("\n"));
  expect(survivors).toEqual([60, 42, 35, 30, 25, 21, 17, 14, 11, 8]);
  await expect(panel(page).getByRole("radio", { name: "month" })).toBeChecked();
  await expect(page.getByTestId("sbg-result-2").getByRole("heading")).toHaveText("Cohort 2024-01");
  // Fitted on months 0..7 (a separate fit of the same likelihood: a = 1.5354, b = 4.3595).
  await expect(page.getByTestId("sbg-alpha-2")).toHaveText("1.535");
  await expect(page.getByTestId("sbg-beta-2")).toHaveText("4.360");
  await expect(page.getByTestId("sbg-lifetime-2")).toHaveText("9.142");
});

test("the forecast chart draws the cohorts and says it in words", async ({ page }) => {
  const chart = page.getByTestId("chart-forecast");
  await expect(chart.getByTestId("chart-caption")).toHaveText(
    "Forecast share of each cohort still customers in period 12: Regular 17.0% by the sBG model, 4.6% at constant churn; High end 37.8% by the sBG model, 27.0% at constant churn.",
  );
  await expect(chart.locator("canvas.chart-canvas")).toHaveAccessibleName(/Regular 17\.0% by the sBG model/);
  await chart.getByTestId("chart-data-toggle").click();
  const table = chart.getByTestId("chart-data-table");
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(13);
});

test("the panel works by keyboard", async ({ page }) => {
  const p = panel(page);
  await p.getByRole("button", { name: "Clear" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sbg-alpha-0")).toHaveCount(0);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sbg-alpha-0")).toHaveText("0.704");
  await p.getByRole("radio", { name: "quarter" }).focus();
  await expect(p.getByRole("radio", { name: "quarter" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(p.getByRole("radio", { name: "quarter" })).toBeChecked();
  await expect(page.getByTestId("chart-forecast").getByTestId("chart-caption")).toContainText("in period 12");
});
