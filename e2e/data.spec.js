// Data in: paste, upload, drop, samples, the column-mapping and date-order questions, problems
// with rows and columns, the period and cohort tables and their downloads.
const fs = require("fs");
const path = require("path");
const { test, expect, openApp, showView, dropFile } = require("./fixtures");

const fixture = (name) => path.join(__dirname, "data", name);
const expected = (name) => fs.readFileSync(fixture(name));

async function waitDone(page) {
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
}

/** Clicks a download button and returns the saved file's name and bytes. */
async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** Pastes a CSV text and reads it with the button. */
async function paste(page, text) {
  await page.getByLabel("Paste CSV data").fill(text);
  await page.getByRole("button", { name: "Use pasted data" }).click();
}

const bodyRows = (page) => page.getByTestId("flows-table").locator("tbody tr");

test("uploading a transactions file shows monthly flows and cohorts", async ({ page }) => {
  await openApp(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles(fixture("orders.csv"));
  await waitDone(page);
  await expect(bodyRows(page)).toHaveCount(3);
  await expect(page.getByTestId("import-summary")).toContainText("Read 10 rows: 4 customers, 3 periods");
  // February: start 3, retained 2, new 1, returning 0, lost 1, churn 33.33%.
  const feb = bodyRows(page).nth(1);
  await expect(feb.locator("th")).toHaveText("2024-02");
  await expect(feb.locator("td")).toHaveText(["3", "3", "2", "1", "0", "1", "33.33%", "66.67%", "0.00%", "∑"]);
  const cohorts = page.getByTestId("cohort-table");
  await expect(cohorts.locator("tbody tr")).toHaveCount(2);
  await expect(cohorts.locator("tbody tr").first().locator("td")).toHaveText(["3", "100.00%", "66.67%", "66.67%"]);
  // Past the data the cell is blank, not 0.
  await expect(cohorts.locator("tbody tr").nth(1).locator("td")).toHaveText(["1", "100.00%", "100.00%", ""]);
  await expect(cohorts.locator("tfoot td")).toHaveText(["4", "100.00%", "75.00%", "66.67%"]);
  await page.getByLabel("Counts").check();
  await expect(cohorts.locator("tfoot td")).toHaveText(["4", "4", "3", "2"]);
});

test("the three downloads are byte for byte the export format", async ({ page }) => {
  await openApp(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles(fixture("orders.csv"));
  await waitDone(page);
  const results = await download(page, "download-results");
  expect(results.name).toBe("retention-lab-results-month.csv");
  expect(results.bytes.equals(expected("orders.results.csv")), results.bytes.toString()).toBe(true);
  const cohort = await download(page, "download-cohort");
  expect(cohort.name).toBe("retention-lab-cohort-month.csv");
  expect(cohort.bytes.equals(expected("orders.cohort.csv")), cohort.bytes.toString()).toBe(true);
  const counts = await download(page, "download-cohort-counts");
  expect(counts.name).toBe("retention-lab-cohort-counts-month.csv");
  expect(counts.bytes.equals(expected("orders.cohort-counts.csv")), counts.bytes.toString()).toBe(true);
  await expect(page.getByRole("button", { name: "Download results CSV" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Download cohort CSV" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Download cohort counts CSV" })).toBeVisible();
});

test("a counts file with the start on the first row only exports its flows", async ({ page }) => {
  await openApp(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles(fixture("telecom.csv"));
  await waitDone(page);
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(page.getByTestId("no-cohorts")).toBeVisible();
  await expect(page.getByTestId("period-select")).toHaveCount(0);
  const results = await download(page, "download-results");
  expect(results.name).toBe("retention-lab-results.csv");
  expect(results.bytes.equals(expected("telecom.results.csv")), results.bytes.toString()).toBe(true);
});

test("picking a period shows its working, and it agrees with the table", async ({ page }) => {
  await openApp(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles(fixture("telecom.csv"));
  await waitDone(page);
  await page.getByRole("button", { name: "Working for 2024-Q1" }).click();
  const working = page.getByTestId("period-working");
  await expect(working.getByRole("heading")).toHaveText("Working for 2024-Q1");
  await expect(page.getByTestId("import-working-churn")).toHaveText("1.00%");
  await expect(page.getByTestId("import-working-end")).toHaveText("17,510,000");
  await expect(page.getByTestId("import-working-net-growth")).toHaveText("3.00%");
  await expect(working).toContainText("170,000 / 17,000,000");
  // Every period's churn in the table equals its working.
  await expect(page.getByTestId("import-working-churn")).toHaveText(
    await bodyRows(page).nth(0).getByTestId("flow-churn").textContent()
  );
  await page.getByRole("button", { name: "Working for 2024-Q2" }).click();
  await expect(working.getByRole("heading")).toHaveText("Working for 2024-Q2");
  await expect(page.getByTestId("import-working-churn")).toHaveText(
    await bodyRows(page).nth(1).getByTestId("flow-churn").textContent()
  );
  await expect(page.getByTestId("import-working-churn")).toHaveText("1.03%");
  // Pressing the picked period again closes its working.
  await page.getByRole("button", { name: "Working for 2024-Q2" }).click();
  await expect(working).toHaveCount(0);
});

test("pasted text is read with the button and with Ctrl+Enter", async ({ page }) => {
  await openApp(page, "data");
  await paste(page, "period;customers\n2024-01;1.000\n2024-02;1.100\n");
  await waitDone(page);
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(bodyRows(page).nth(1).locator("td").nth(8)).toHaveText("10.00%");
  await expect(page.getByTestId("import-summary")).toContainText("Churn and retention need new and lost customers");

  const box = page.getByLabel("Paste CSV data");
  await box.fill("customer_id,date\nx,2024-01-02\ny,2024-02-03\n");
  await box.press("Control+Enter");
  await expect(page.getByTestId("import-summary")).toContainText("Read 2 rows: 2 customers, 2 periods");
});

test("every sample loads and gives its tables", async ({ page }) => {
  await openApp(page, "data");
  const cases = [
    { key: "orders", rows: 6, summary: "Read 25 rows: 8 customers, 6 periods" },
    { key: "orders-day-first", rows: 3, summary: "read with the day first" },
    { key: "counts", rows: 6, summary: "Read 6 rows (Period counts" },
    { key: "series", rows: 6, summary: "Read 6 rows (Customer-count series" },
  ];
  for (const c of cases) {
    await page.getByLabel("Sample data").selectOption(c.key);
    await page.getByRole("button", { name: "Load sample" }).click();
    await waitDone(page);
    await expect(page.getByTestId("import-summary")).toContainText(c.summary);
    await expect(bodyRows(page)).toHaveCount(c.rows);
    // The sample's text is put in the paste box, so it can be edited.
    await expect(page.getByLabel("Paste CSV data")).not.toHaveValue("");
  }
});

test("the period select regroups transactions into quarters and years", async ({ page }) => {
  await openApp(page, "data");
  await page.getByLabel("Sample data").selectOption("orders");
  await page.getByRole("button", { name: "Load sample" }).click();
  await waitDone(page);
  await expect(bodyRows(page)).toHaveCount(6);
  await page.getByLabel("Period", { exact: true }).selectOption("quarter");
  await expect(bodyRows(page).locator("th")).toHaveText(["2024-Q1", "2024-Q2"]);
  const quarter = await download(page, "download-results");
  expect(quarter.name).toBe("retention-lab-results-quarter.csv");
  expect(quarter.bytes.toString().split("\n")[1]).toMatch(/^2024-Q1,/);
  await page.getByLabel("Period", { exact: true }).selectOption("year");
  // The data ends in June, so the year is marked incomplete.
  await expect(bodyRows(page).locator("th")).toHaveText(["2024incomplete"]);
  await expect(page.getByTestId("incomplete-note")).toContainText("The data ends before the end of 2024");
});

test("a dropped file is read like an uploaded one", async ({ page }) => {
  await openApp(page, "data");
  // The overlay shows while the file is over the page (dropFile waits for it).
  await dropFile(page, "orders.csv", fs.readFileSync(fixture("orders.csv"), "utf8"));
  await waitDone(page);
  await expect(page.locator(".drop-overlay")).not.toHaveClass(/visible/);
  await expect(page.getByTestId("import-summary")).toContainText("Read 10 rows: 4 customers, 3 periods");
});

test("problems name the row, the column and the value; skipping them is a choice that is stated", async ({
  page,
}) => {
  await openApp(page, "data");
  const text = fs.readFileSync(fixture("bad-orders.csv"), "utf8");
  await paste(page, text);
  const problems = page.getByTestId("import-problem");
  await expect(problems).toHaveCount(3);
  await expect(problems.nth(0)).toContainText("Row 3, column “date”: “2024-13-01”: there is no month 13");
  await expect(problems.nth(1)).toContainText("Row 4, column “customer_id”");
  await expect(problems.nth(1)).toContainText("the cell is empty");
  await expect(problems.nth(2)).toContainText("Row 5, column “date”: “1403-01-15”");
  await expect(problems.nth(2)).toContainText("Solar Hijri");
  await expect(page.getByTestId("flows-table")).toHaveCount(0);
  // The pasted text stays as it was.
  await expect(page.getByLabel("Paste CSV data")).toHaveValue(text);
  await expect(page.getByTestId("import-problems")).toContainText("Your pasted text is kept");

  await page.getByRole("button", { name: "Leave out the 3 rows with problems" }).click();
  await waitDone(page);
  await expect(page.getByTestId("import-summary")).toContainText(
    "Left out because of problems, as you chose: 3 (rows 3, 4 and 5)."
  );
  await expect(page.getByTestId("import-summary")).toContainText("Read 5 rows: 2 customers, 2 periods");
  await expect(bodyRows(page)).toHaveCount(2);
});

test("more than twenty problems are listed twenty and counted", async ({ page }) => {
  await openApp(page, "data");
  const lines = ["customer_id,date"];
  for (let i = 0; i < 25; i++) lines.push(`c${i},2024-02-3${i % 2}`);
  await paste(page, lines.join("\n"));
  await expect(page.getByTestId("import-problem")).toHaveCount(20);
  await expect(page.getByTestId("import-problem").first()).toContainText(
    "Row 2, column “date”: “2024-02-30”: month 2 of 2024 has no day 30."
  );
  await expect(page.getByTestId("import-more-problems")).toHaveText("…and 5 more problems.");
});

test("item 3: leaving rows out names every row it leaves out, past the twenty problems listed", async ({ page }) => {
  await openApp(page, "data");
  const lines = ["customer_id,date", "good1,2024-01-05", "good2,2024-02-07"];
  // Rows 4 to 28 (the header is row 1) hold a day their month does not have.
  for (let i = 0; i < 25; i++) lines.push(`c${i},2024-02-3${i % 2}`);
  lines.push("good3,2024-03-09");
  await paste(page, lines.join("\n"));
  await expect(page.getByTestId("import-problem")).toHaveCount(20);
  const bad = Array.from({ length: 25 }, (_, i) => i + 4);
  await expect(page.getByTestId("skip-rows-list")).toHaveText(
    `The rows that would be left out: ${bad.slice(0, -1).join(", ")} and ${bad.at(-1)}.`
  );
  await page.getByRole("button", { name: "Leave out the 25 rows with problems" }).click();
  await waitDone(page);
  await expect(page.getByTestId("import-summary")).toContainText(
    `Left out because of problems, as you chose: 25 (rows ${bad.slice(0, -1).join(", ")} and ${bad.at(-1)}).`
  );
  // Every data row is read; the three kept make the customers and periods.
  await expect(page.getByTestId("import-summary")).toContainText("Read 28 rows: 3 customers, 3 periods");
});

test("item 3: a quote never closed is a problem of the whole file, with no rows to leave out", async ({ page }) => {
  await openApp(page, "data");
  await paste(page, 'customer_id,date\nA,2024-01-01\nB,"2024-01-02\nC,2024-01-03\nD,2024-01-04\n');
  const problems = page.getByTestId("import-problem");
  await expect(problems.first()).toHaveText(
    "Row 3, column “date”: “2024-01-02”: the quote that opens this value is never closed, so the 2 rows after it would all be read as part of this one value; add the closing quote (\")."
  );
  await expect(page.getByTestId("skip-bad-rows")).toHaveCount(0);
  await expect(page.getByTestId("flows-table")).toHaveCount(0);
});

test("a header it cannot place asks for the columns, showing the first rows", async ({ page }) => {
  await openApp(page, "data");
  await paste(page, "who,when,what\nann,2024-01-05,3\nbo,2024-02-07,4\nann,2024-02-09,5\n");
  const mapping = page.getByTestId("column-mapping");
  await expect(mapping).toBeVisible();
  await expect(page.getByTestId("mapping-preview").locator("tbody tr").first()).toContainText("who");
  await mapping.getByLabel("Format").selectOption("Transactions");
  await mapping.getByLabel("Customer id").selectOption({ label: "A: who" });
  await mapping.getByLabel("Date").selectOption({ label: "B: when" });
  // The numeric third column is offered as revenue; leave it out instead.
  await expect(mapping.getByLabel("Revenue")).toHaveValue("2");
  await mapping.getByLabel("Revenue").selectOption({ label: "(none)" });
  await page.getByRole("button", { name: "Use these columns" }).click();
  await waitDone(page);
  await expect(page.getByTestId("import-summary")).toContainText("Read 3 rows: 2 customers, 2 periods");
  await expect(page.getByTestId("import-summary")).toContainText("Column not used: what.");
});

test("one column for two fields is refused with a message", async ({ page }) => {
  await openApp(page, "data");
  await paste(page, "who,when\nann,2024-01-05\n");
  const mapping = page.getByTestId("column-mapping");
  await mapping.getByLabel("Format").selectOption("Transactions");
  await mapping.getByLabel("Customer id").selectOption({ label: "A: who" });
  await mapping.getByLabel("Date").selectOption({ label: "A: who" });
  await page.getByRole("button", { name: "Use these columns" }).click();
  await expect(page.getByTestId("mapping-problem")).toContainText("cannot use the same column");
  await expect(page.getByTestId("import-summary")).not.toHaveAttribute("data-state", "done");
});

test("dates that read both ways are asked about, never guessed", async ({ page }) => {
  await openApp(page, "data");
  await paste(page, "customer_id,date\na,05/03/2024\nb,06/04/2024\na,07/04/2024\n");
  const question = page.getByTestId("date-order");
  await expect(question).toBeVisible();
  await expect(question).toContainText("“05/03/2024” (row 2)");
  await expect(page.getByTestId("flows-table")).toHaveCount(0);
  await page.getByLabel("Month first (05/03/2024 is May 3, 2024)").check();
  await page.getByRole("button", { name: "Read the dates this way" }).click();
  await waitDone(page);
  await expect(bodyRows(page).locator("th")).toHaveText(["2024-05", "2024-06", "2024-07incomplete"]);
  await expect(page.getByTestId("import-summary")).toContainText("read with the month first, as you chose");
});

test("a large file shows progress, can be cancelled, and the page stays usable meanwhile", async ({ page }) => {
  test.setTimeout(60_000);
  const dir = path.join(__dirname, ".tmp");
  fs.mkdirSync(dir, { recursive: true });
  // Large enough (8,000,000 rows, 152 MB) that reading it takes the worker over a second even
  // on a fast, idle machine, so the click below always lands while it reads. Written in
  // chunks, so that making it needs little memory.
  const file = path.join(dir, "large-orders-8m.csv");
  if (!fs.existsSync(file)) {
    const fd = fs.openSync(`${file}.part`, "w");
    fs.writeSync(fd, "customer_id,date\n");
    for (let start = 0; start < 8_000_000; start += 100_000) {
      const parts = [];
      for (let i = start; i < start + 100_000; i++) {
        const month = String((i % 36) % 12 + 1).padStart(2, "0");
        parts.push(`C${String(i % 60000).padStart(6, "0")},${2021 + Math.floor((i % 36) / 12)}-${month}-15\n`);
      }
      fs.writeSync(fd, parts.join(""));
    }
    fs.closeSync(fd);
    fs.renameSync(`${file}.part`, file);
  }
  await openApp(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles(fixture("orders.csv"));
  await waitDone(page);
  await page.getByLabel("Upload CSV").setInputFiles(file);
  await expect(page.getByTestId("import-progress")).toBeVisible();
  // While the worker reads, the page takes typing in another calculator and a click at once:
  // the click cancels the import only if it is handled before the file is read to the end (a
  // busy page would handle it after, and the state would be "done"). Waiting for the figure
  // first would leave the file time to finish on a fast machine.
  await showView(page, "ror");
  await page.getByLabel("Repeat or referral customers").fill("500");
  await showView(page, "data");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "cancelled");
  await showView(page, "ror");
  await expect(page.getByTestId("ror")).toHaveText("2.000");
  await showView(page, "data");
  await expect(page.getByTestId("import-summary")).toContainText("Import cancelled. Nothing was changed.");
  // The tables of the file read before stay.
  await expect(bodyRows(page)).toHaveCount(3);
});

test("the upload button is reachable by keyboard", async ({ page }) => {
  await openApp(page, "data");
  // Tab from the button before it lands on the real file input (browsers open its chooser
  // with Space or Enter), and its visible label shows the focus.
  await page.getByRole("button", { name: "Use pasted data" }).focus();
  await page.keyboard.press("Tab");
  const input = page.getByLabel("Upload CSV");
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute("type", "file");
  const outline = await page
    .locator("label[for=upload-csv]")
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await input.setInputFiles(fixture("orders.csv"));
  await waitDone(page);
  await expect(bodyRows(page)).toHaveCount(3);
});

test("item 8: a blank churn says why, in the flows table and under the churn chart", async ({ page }) => {
  await openApp(page, "data");
  // January has no customers at its start; the only lost customer (b) is in February, where
  // the data ends on the 3rd, so February is incomplete.
  await paste(page, "customer_id,date\na,2024-01-05\nb,2024-01-20\na,2024-02-03\n");
  await waitDone(page);
  await expect(bodyRows(page)).toHaveCount(2);
  const jan = bodyRows(page).nth(0);
  await expect(jan.getByTestId("flow-churn-why")).toHaveText(
    "0 customers at the start: nobody to lose, so churn (lost ÷ start) is undefined."
  );
  await expect(jan.getByTestId("flow-churn")).toContainText("—");
  // February has a churn (1 of 2), so nothing to explain there.
  const feb = bodyRows(page).nth(1);
  await expect(feb.getByTestId("flow-churn")).toHaveText("50.00%");
  await expect(feb.getByTestId("flow-churn-why")).toHaveCount(0);
  const caption = page.getByTestId("chart-churn").getByTestId("chart-caption");
  await expect(caption).toHaveText(/^The only churn is in 2024-02, which is incomplete/);
  await expect(caption).not.toContainText("no counts of lost customers");
});

/** A file under e2e/.tmp, written by `write` the first time it is needed. */
function generated(name, write) {
  const dir = path.join(__dirname, ".tmp");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    write(`${file}.part`);
    fs.renameSync(`${file}.part`, file);
  }
  return file;
}

test("item 4: the column-mapping step shows at most 50 columns and says how many more", async ({ page }) => {
  await openApp(page, "data");
  const header = ["who", "when", ...Array.from({ length: 118 }, (_, i) => `f${i + 2}`)];
  const row = (id, date) => [id, date, ...Array(118).fill("x")].join(",");
  await paste(page, [header.join(","), row("ann", "2024-01-05"), row("bo", "2024-02-07")].join("\n"));
  const mapping = page.getByTestId("column-mapping");
  await expect(mapping).toBeVisible();
  const preview = page.getByTestId("mapping-preview");
  await expect(preview.locator("thead th")).toHaveCount(50);
  await expect(preview.locator("tbody tr").first().locator("td")).toHaveCount(50);
  await expect(page.getByTestId("mapping-more-columns")).toHaveText(
    "The file has 70 more columns, not shown here: only the first 50 can be chosen."
  );
  await mapping.getByLabel("Format").selectOption("Transactions");
  await expect(mapping.getByLabel("Customer id").locator("option")).toHaveCount(50);
  await expect(mapping.getByLabel("Revenue").locator("option")).toHaveCount(51);
  await mapping.getByLabel("Customer id").selectOption({ label: "A: who" });
  await mapping.getByLabel("Date").selectOption({ label: "B: when" });
  await page.getByRole("button", { name: "Use these columns" }).click();
  await waitDone(page);
  // Every column of the file is read, not only those shown, and those not used are counted.
  await expect(page.getByTestId("import-summary")).toContainText("Read 2 rows: 2 customers, 2 periods");
  await expect(page.getByTestId("import-ignored-columns")).toHaveText(
    "Columns not used: f2, f3, f4, f5, f6, f7, f8, f9, f10, f11 and 108 more."
  );
  await expect(page.getByTestId("import-problem")).toHaveCount(0);
});

test("item 4: a header of a million columns is an error that says so, not a cut header", async ({ page }) => {
  const file = generated("million-columns.csv", (part) => {
    const fd = fs.openSync(part, "w");
    fs.writeSync(fd, "customer_id,date");
    for (let start = 2; start < 1_000_000; start += 100_000) {
      const names = [];
      for (let c = start; c < Math.min(start + 100_000, 1_000_000); c++) names.push(`,c${c}`);
      fs.writeSync(fd, names.join(""));
    }
    fs.writeSync(fd, "\nA,2024-01-05\n");
    fs.closeSync(fd);
  });
  await openApp(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles(file);
  const problems = page.getByTestId("import-problem");
  await expect(problems).toHaveCount(1);
  await expect(problems).toHaveText(
    /^The file has a first row \(the header\) longer than 65,536 bytes, the most that is read to find the columns; those bytes alone hold more than [\d,]+ columns\. Keep only the columns that are needed/
  );
  await expect(page.getByTestId("column-mapping")).toHaveCount(0);
  await expect(page.getByTestId("skip-bad-rows")).toHaveCount(0);
  // The page answers at once.
  await showView(page, "ror");
  await page.getByLabel("Repeat or referral customers").fill("500");
  await expect(page.getByTestId("ror")).toHaveText("2.000");
});

test("item 5: an image is not a CSV text file, said in a full sentence in every language", async ({ page }) => {
  await openApp(page, "data");
  // The first bytes of a PNG image: its signature and the start of its header chunk.
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8,
    6, 0, 0, 0,
  ]);
  await page.getByTestId("upload-csv").setInputFiles({ name: "chart.png", mimeType: "image/png", buffer: png });
  const problem = page.getByTestId("import-problem");
  await expect(problem).toHaveText(
    "The file is not a CSV text file: it is a PNG image. Save the data as “CSV UTF-8” and read that file."
  );
  await expect(page.getByTestId("flows-table")).toHaveCount(0);
  const said = {
    fa: "فایل یک فایل متنی CSV نیست: یک تصویر PNG است. داده‌ها را با قالب «CSV UTF-8» ذخیره کنید و آن فایل را بخوانید.",
    vi: "Tệp không phải là tệp văn bản CSV: đây là một ảnh PNG. Hãy lưu dữ liệu ở dạng “CSV UTF-8” rồi đọc tệp đó.",
  };
  for (const [tag, text] of Object.entries(said)) {
    await page.getByTestId("language-select").selectOption(tag);
    await expect(page.locator("html")).toHaveAttribute("lang", tag);
    await expect(problem).toHaveText(text);
  }
});

test("item 7: a single column of dates is an error that says what the file needs", async ({ page }) => {
  await openApp(page, "data");
  await paste(page, "date\n2024-01-05\n2024-02-07\n");
  await expect(page.getByTestId("import-problem")).toHaveText(
    "The file has a single column, and it holds dates (such as “2024-01-05”); a date alone does not say who bought. The file needs a customer id beside each date (customer_id,date) or customer counts per period (period,customers)."
  );
  await expect(page.getByTestId("column-mapping")).toHaveCount(0);
});

test("item 9: negative amounts are counted and stated in the import status", async ({ page }) => {
  await openApp(page, "data");
  const lines = ["customer_id,date,amount"];
  for (let row = 2; row <= 13; row++) {
    const amount = [4, 9, 12].includes(row) ? "-5.50" : "19.99";
    lines.push(`C${row % 3},2024-0${(row % 3) + 1}-10,${amount}`);
  }
  await paste(page, lines.join("\n"));
  await waitDone(page);
  await expect(page.getByTestId("import-negative-amounts")).toHaveText(
    "3 rows have negative amounts (refunds: rows 4, 9 and 12); they are included in revenue as written."
  );
  // One refund is said in the singular.
  await paste(page, "customer_id,date,amount\nA,2024-01-05,10\nA,2024-01-09,-10\n");
  await expect(page.getByTestId("import-negative-amounts")).toHaveText(
    "1 row has a negative amount (a refund: row 3); it is included in revenue as written."
  );
});

test("item 10: counts in the import's messages take their plural form", async ({ page }) => {
  await openApp(page, "data");
  await paste(page, "customer_id,date\nx,2024-01-02\n");
  await expect(page.getByTestId("import-summary")).toContainText("Read 1 row: 1 customer, 1 period, in");
  await paste(page, "customer_id,date\nx,2024-01-02\ny,2024-13-01\n");
  await expect(page.getByRole("button", { name: "Leave out the 1 row with problems" })).toBeVisible();
  await expect(page.getByTestId("skip-rows-list")).toHaveText("The row that would be left out: 3.");
  await page.getByTestId("skip-bad-rows").click();
  await expect(page.getByTestId("import-skipped-rows")).toHaveText(
    "Left out because of a problem, as you chose: 1 (row 3)."
  );
  await paste(page, "customer_id,date,amount\nx,2024-01-02,1x\n");
  await expect(page.getByTestId("import-problem")).toHaveText(
    "Row 2, column “amount”: “1x”: “x” (character 2) is not a digit; expected a number such as 19.99."
  );
});

test("a file with amounts shows revenue per period, GRR and NRR, and downloads the revenue file", async ({ page }) => {
  await openApp(page, "data");
  // a expands in February, contracts in March, leaves in April and comes back in May; b has
  // a refund in February and leaves in March; c joins in March; nobody buys in June.
  await paste(
    page,
    [
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
    ].join("\n")
  );
  await waitDone(page);
  // The data view links to the revenue view, which shows the revenue of the data.
  await page.getByTestId("revenue-link").click();
  await expect(page.getByTestId("revenue-panel")).toBeVisible();
  const rows = page.getByTestId("revenue-table").locator("tbody tr");
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(1).locator("th")).toHaveText("2024-02");
  await expect(rows.nth(1).locator("td")).toHaveText([
    "180.00", "150.00", "0.00", "0.00", "50.00", "20.00", "0.00", "86.67%", "120.00%", "0.00%", "90.00", "∑",
  ]);
  // The first period has its revenue, all of it new, and its ARPU only.
  await expect(rows.nth(0).locator("td")).toHaveText(["150.00", "—", "150.00", "—", "—", "—", "—", "—", "—", "—", "75.00", "∑"]);
  await expect(rows.nth(3).getByTestId("revenue-grr")).toHaveText("25.00%");
  await expect(page.getByTestId("grr-above-note")).toHaveCount(0);
  const file = await download(page, "download-revenue");
  expect(file.name).toBe("retention-lab-revenue-month.csv");
  const lines = file.bytes.toString().split("\n");
  expect(lines[0]).toBe(
    "period,revenue,start_revenue,new_revenue,returning_revenue,expansion,contraction,churned_revenue,grr,nrr,revenue_churn,arpu"
  );
  expect(lines[2]).toBe("2024-02,180.00,150.00,0.00,0.00,50.00,20.00,0.00,0.8666666666666667,1.2,0,90");
  // Quarters, chosen in the data view, regroup the same spending.
  await showView(page, "data");
  await page.getByLabel("Period", { exact: true }).selectOption("quarter");
  await showView(page, "revenue");
  await expect(page.getByTestId("revenue-of-data")).toContainText("by quarter");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).locator("td").nth(0)).toHaveText("180.00");
  const quarters = await download(page, "download-revenue");
  expect(quarters.name).toBe("retention-lab-revenue-quarter.csv");
});

test("refunds that lift GRR above 100% are explained, and a file without amounts has no revenue table", async ({ page }) => {
  await openApp(page, "data");
  // y only had a refund in January and is lost in February.
  await paste(page, "customer_id,date,amount\nx,2024-01-05,100\ny,2024-01-09,-30\nx,2024-02-29,100\n");
  await waitDone(page);
  await showView(page, "revenue");
  await expect(page.getByTestId("revenue-table").locator("tbody tr").nth(1).getByTestId("revenue-grr")).toHaveText(
    "142.86%"
  );
  await expect(page.getByTestId("grr-above-note")).toHaveText(
    "GRR is above 100% in 2024-02: customers lost there had refunds larger than their purchases in the period before, so their churned revenue is below zero."
  );
  await showView(page, "data");
  await paste(page, "customer_id,date\nx,2024-01-05\ny,2024-02-09\n");
  await waitDone(page);
  await expect(page.getByTestId("import-summary")).toContainText("Read 2 rows");
  await expect(page.getByTestId("revenue-link")).toHaveCount(0);
  await showView(page, "revenue");
  await expect(page.getByTestId("revenue-table")).toHaveCount(0);
  await expect(page.getByTestId("revenue-of-data")).toContainText("Import a file with an amount column");
});
