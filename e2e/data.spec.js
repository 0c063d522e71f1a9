// Data in: paste, upload, samples, the column-mapping and date-order questions, problems with
// rows and columns, the period and cohort tables and their downloads.
const fs = require("fs");
const path = require("path");
const { test, expect, openApp } = require("./fixtures");

const fixture = (name) => path.join(__dirname, "data", name);

async function waitDone(page) {
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
}

test("uploading a transactions file shows monthly flows and cohorts", async ({ page }) => {
  await openApp(page);
  await page.getByLabel("Upload CSV").setInputFiles(fixture("orders.csv"));
  await waitDone(page);
  const table = page.getByTestId("flows-table");
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await expect(page.getByTestId("import-summary")).toContainText("Read 10 rows: 4 customers, 3 periods");
});
