// The customers view (#/customers): the CDNOW preset reproducing Fader, Hardie & Lee (2005),
// an uploaded order export fitted in the worker, settings recomputed from what the worker
// holds, the lookup, both downloads, the win-back list, the session, Persian, a file without
// amounts, bad settings and the embedded view.
const fs = require("fs");
const path = require("path");
const { test, expect, openApp, showView, embedInBlog } = require("./fixtures");

const SAMPLE = path.join(__dirname, "..", "public", "samples", "cdnow-sample.csv");
const END = "1997-09-30";

/** The CDNOW sample's customers as the paper counts them: same-day rows are one transaction. */
function facts(text, end) {
  const days = new Map();
  for (const line of text.trim().split("\n").slice(1)) {
    const [id, date, amount] = line.split(",");
    if (!days.has(id)) days.set(id, new Map());
    const d = days.get(id);
    d.set(date, (d.get(date) || 0) + Number(amount));
  }
  let customers = 0;
  let repeat = 0;
  let holdout = 0;
  const x = new Map();
  for (const [id, d] of days) {
    const dates = [...d.keys()].sort();
    if (dates[0] > end) continue;
    customers += 1;
    const calibration = dates.filter((t) => t <= end).length;
    x.set(id, calibration - 1);
    if (calibration > 1) repeat += 1;
    holdout += dates.length - calibration;
  }
  return { customers, repeat, holdout, x };
}

/** Clicks a download button and returns the saved file's name and text. */
async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), "utf8") };
}

const status = (page) => page.getByTestId("customers-status");

async function loadPreset(page) {
  await page.getByTestId("customers-preset-cdnow").click();
  await expect(page.getByLabel("Calibration ends on")).toHaveValue(END);
  await expect(status(page)).toHaveAttribute("data-state", "done", { timeout: 20000 });
}

test("the CDNOW preset, fetched only when chosen, reproduces the paper's parameters", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(r.url()));
  await openApp(page, "customers");
  await expect(page.getByTestId("customers-status")).toContainText("Import an order export");
  expect(fetched.filter((u) => u.includes("cdnow"))).toEqual([]);
  await loadPreset(page);
  expect(fetched.filter((u) => u.includes("samples/cdnow-sample.csv"))).toHaveLength(1);
  // Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9,582.4;
  // p = 6.25, q = 3.74, γ = 15.44.
  await expect(page.getByTestId("bgnbd-r")).toHaveText("0.243");
  await expect(page.getByTestId("bgnbd-alpha")).toHaveText("4.414");
  await expect(page.getByTestId("bgnbd-a")).toHaveText("0.793");
  await expect(page.getByTestId("bgnbd-b")).toHaveText("2.426");
  await expect(page.getByTestId("bgnbd-ll")).toHaveText("-9,582.4");
  await expect(page.getByTestId("gg-p")).toHaveText("6.25");
  await expect(page.getByTestId("gg-q")).toHaveText("3.74");
  await expect(page.getByTestId("gg-gamma")).toHaveText("15.44");
  const f = facts(fs.readFileSync(SAMPLE, "utf8"), END);
  await expect(page.getByTestId("customers-count")).toHaveText(f.customers.toLocaleString("en"));
  await expect(page.getByTestId("customers-repeat")).toHaveText(f.repeat.toLocaleString("en"));
  await expect(page.getByTestId("bgnbd-holdout-actual")).toHaveText(f.holdout.toLocaleString("en"));
  await expect(page.getByTestId("bgnbd-holdout-predicted")).toHaveText(/^\d{1,3}(,\d{3})*\.\d$/);
  // The working puts the fitted numbers into each formula.
  const working = page.getByTestId("customers-working");
  await working.locator("summary").click();
  await expect(working).toContainText("r = 0.243; α = 4.414; a = 0.793; b = 2.426; LL = -9,582.43");
  await expect(working).toContainText("N = 2,357; N(x > 0) = 946");
  await expect(page.getByTestId("customers-calibration")).toHaveText("1997-01-01 to 1997-09-30");
  await expect(working).toContainText("15.444 × 6.250 / (3.744 − 1)");
  // The charts, each with its words.
  for (const id of ["clv-p-alive-chart", "clv-expected-chart", "clv-holdout-chart"]) {
    await expect(page.getByTestId(id).locator("figcaption")).not.toBeEmpty();
  }
  // The data view shows the same file.
  await showView(page, "data");
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
});

test("an uploaded export is fitted, recomputed on new settings, looked up and downloaded", async ({ page }) => {
  await openApp(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles(SAMPLE);
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await showView(page, "customers");
  await expect(status(page)).toHaveAttribute("data-state", "done", { timeout: 20000 });
  // Without a calibration end, the data's last day: nothing left to check against.
  await expect(page.getByTestId("bgnbd-holdout-none")).toBeVisible();
  await expect(page.getByTestId("customers-calibration")).toHaveText("1997-01-01 to 1998-06-30");
  await page.getByLabel("Calibration ends on").fill(END);
  await expect(page.getByTestId("bgnbd-r")).toHaveText("0.243");
  const expected52 = await page.getByTestId("customers-new-expected").textContent();
  await page.getByLabel("Forecast horizon").fill("104");
  await expect(page.getByTestId("customers-new-expected")).not.toHaveText(expected52);
  await expect(page.getByTestId("customers-figures")).toContainText("over 104 weeks");
  // Days: the horizon that was a year becomes 365 days.
  await page.getByLabel("Forecast horizon").fill("52");
  await page.getByRole("radio", { name: "Days" }).check();
  await expect(page.getByLabel("Forecast horizon")).toHaveValue("365");
  await expect(page.getByTestId("customers-figures")).toContainText("over 365 days");
  await page.getByRole("radio", { name: "Weeks" }).check();
  await expect(page.getByLabel("Forecast horizon")).toHaveValue("52");
  await expect(page.getByTestId("bgnbd-r")).toHaveText("0.243");

  // One customer: the sample's customer 1 bought on 3 days up to the end.
  const f = facts(fs.readFileSync(SAMPLE, "utf8"), END);
  await page.getByLabel("Customer id").fill("1");
  await page.getByTestId("customer-look-up").click();
  await expect(page.getByTestId("customer-x")).toHaveText(String(f.x.get("1")));
  await expect(page.getByTestId("customer-p-alive")).toHaveText(/^\d{1,3}\.\d%$/);
  await expect(page.getByTestId("customer-expected")).toHaveText(/^\d+\.\d{3}$/);
  await expect(page.getByTestId("customer-value")).toHaveText(/^\d[\d,]*\.\d\d$/);
  await page.getByLabel("Customer id").fill("no-such-customer");
  await page.getByLabel("Customer id").press("Enter");
  await expect(page.getByTestId("customer-not-found")).toContainText("“no-such-customer”");

  // The customer values file: one row per customer, in file order.
  const values = await download(page, "download-customer-values");
  expect(values.name).toBe("retention-lab-customer-values.csv");
  const rows = values.text.trim().split("\n");
  expect(rows[0]).toBe("customer_id,x,t_x,T,m_x,p_alive,expected_transactions,expected_mean_value,value");
  expect(rows).toHaveLength(f.customers + 1);
  for (const row of rows.slice(1, 50)) {
    const [id, x] = row.split(",");
    expect(Number(x), id).toBe(f.x.get(id));
  }
  expect(rows[1].split(",")[0]).toBe("1");

  // The win-back list: its count, the calculator's 25% to 60%, and its file, richest first.
  const count = Number((await page.getByTestId("winback-count").textContent()).match(/^[\d,]+/)[0].replace(/,/g, ""));
  expect(count).toBeGreaterThan(0);
  const low = Math.round(count * 0.25).toLocaleString("en");
  const high = Math.round(count * 0.6).toLocaleString("en");
  await expect(page.getByTestId("winback-range")).toContainText(`${low} to ${high} customers return`);
  const list = await download(page, "download-winback");
  const lines = list.text.trim().split("\n");
  expect(lines[0]).toBe("customer_id,last_purchase,transactions,total_spend,p_alive");
  expect(lines).toHaveLength(count + 1);
  const spends = lines.slice(1).map((l) => Number(l.split(",")[3]));
  expect(spends).toEqual([...spends].sort((a, b) => b - a));
  for (const l of lines.slice(1)) {
    const [, , transactions, , p] = l.split(",");
    expect(Number(transactions)).toBeGreaterThanOrEqual(2);
    expect(Number(p)).toBeLessThan(0.5);
  }
  await expect(page.getByTestId("winback-table").locator("tbody tr")).toHaveCount(Math.min(count, 20));
  // The win-back calculator opens on the list's count.
  await expect(page.getByTestId("winback-link")).toHaveText(`Open the win-back calculator with these ${count.toLocaleString("en")} customers`);
  await page.getByTestId("winback-link").click();
  await expect(page.getByTestId("winback-panel")).toBeVisible();
  await expect(page.getByTestId("winback-panel").getByLabel("Dormant customers")).toHaveValue(count.toLocaleString("en"));
});

test("after a reload the saved results show, and reading the data again brings everything back", async ({ page }) => {
  await openApp(page, "customers");
  await loadPreset(page);
  await expect(page.getByTestId("bgnbd-r")).toHaveText("0.243");
  await expect
    .poll(() =>
      page.evaluate(() => {
        const id = localStorage.getItem("retention-lab.open");
        const text = id && localStorage.getItem(`retention-lab.session.${id}`);
        const c = text && JSON.parse(text).panels.customers;
        return c && c.results ? c.input.calibration_end : null;
      })
    )
    .toBe(END);
  // The session holds no customer's id.
  const stored = await page.evaluate(() => JSON.stringify(JSON.parse(localStorage.getItem(`retention-lab.session.${localStorage.getItem("retention-lab.open")}`)).panels.customers));
  expect(stored).not.toContain("winback_top");
  await page.reload();
  await expect(page.getByTestId("bgnbd-r")).toHaveText("0.243");
  await expect(page.getByTestId("gg-gamma")).toHaveText("15.44");
  await expect(status(page)).toHaveAttribute("data-state", "saved");
  await expect(page.getByTestId("download-customer-values")).toBeDisabled();
  // A new setting cannot be computed until the data is read again.
  await page.getByLabel("Forecast horizon").fill("26");
  await expect(page.getByTestId("customers-panel")).toContainText("The settings differ");
  await page.getByTestId("customers-read-again").click();
  await expect(status(page)).toHaveAttribute("data-state", "done", { timeout: 20000 });
  await expect(page.getByTestId("customers-figures")).toContainText("over 26 weeks");
  await expect(page.getByTestId("download-customer-values")).toBeEnabled();
});

test("a file without amounts fits BG/NBD only and says what value needs", async ({ page }) => {
  const text = fs
    .readFileSync(SAMPLE, "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split(",").slice(0, 2).join(","))
    .join("\n");
  await openApp(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "dates.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await showView(page, "customers");
  await page.getByLabel("Calibration ends on").fill(END);
  await expect(page.getByTestId("bgnbd-r")).toHaveText("0.243");
  await expect(page.getByTestId("gg-figures-none")).toHaveText("Needs an amount column.");
  await expect(page.getByTestId("customers-panel")).toContainText("The file has no amount column");
  await expect(page.getByTestId("customers-average-value")).toHaveCount(0);
});

test("bad settings are named at their field, and what was typed stays", async ({ page }) => {
  await openApp(page, "customers");
  await loadPreset(page);
  const horizon = page.getByLabel("Forecast horizon");
  await horizon.fill("0");
  await expect(page.locator("#clv-horizon-error")).toHaveText("Expected a number from 1 to 520.");
  await expect(horizon).toHaveAttribute("aria-invalid", "true");
  await expect(horizon).toHaveValue("0");
  await page.getByLabel("Gross margin (%)").fill("12x");
  await expect(page.locator("#clv-margin-error")).toContainText("“x” (character 3) is not a digit");
  await page.getByLabel("Calibration ends on").fill("1990-01-01");
  await expect(page.locator("#clv-calibration-end-error")).toHaveText(
    "Choose a day from 1997-01-01 to 1998-06-30, the first and last dates of the data."
  );
  // The results stay those of the last good settings.
  await expect(page.getByTestId("bgnbd-r")).toHaveText("0.243");
});

test("in Persian the view reads and writes Persian numbers", async ({ page }) => {
  await openApp(page, "customers");
  await page.getByTestId("language-select").selectOption("fa");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByTestId("customers-preset-cdnow").click();
  await expect(status(page)).toHaveAttribute("data-state", "done", { timeout: 20000 });
  await expect(page.getByTestId("bgnbd-r")).toHaveText("۰٫۲۴۳");
  await expect(page.getByTestId("gg-p")).toHaveText("۶٫۲۵");
  await page.getByLabel("افق پیش‌بینی").fill("۲۶");
  await expect(page.getByTestId("customers-figures")).toContainText("۲۶");
});

test("embedded, the view shows the results it was shared with, never the customers", async ({ page, browser }) => {
  await openApp(page, "customers");
  await loadPreset(page);
  await page.getByTestId("embed").click();
  await page.getByTestId("embed-panel").selectOption("customers");
  const snippet = await page.getByTestId("embed-snippet").inputValue();
  await page.keyboard.press("Escape");
  const { frame, context } = await embedInBlog(browser, snippet);
  await expect(frame.getByTestId("bgnbd-r")).toHaveText("0.243");
  await expect(frame.getByTestId("customers-status")).toHaveAttribute("data-state", "saved");
  await expect(frame.getByTestId("winback-table")).toHaveCount(0);
  await context.close();
});

test("counts per period are not orders: the view says what it needs", async ({ page }) => {
  await openApp(page, "data");
  await page.getByLabel("Paste CSV data").fill("period,start,new,lost\n2024-01,100,10,5\n2024-02,,12,7\n");
  await page.getByRole("button", { name: "Use pasted data" }).click();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await showView(page, "customers");
  await expect(status(page)).toHaveText(
    "The data imported is counts per period. These models need one row per order, with a customer id and a date."
  );
  await expect(page.getByTestId("customers-results")).toHaveCount(0);
  // The preset stays available and replaces the data.
  await loadPreset(page);
  await expect(page.getByTestId("bgnbd-r")).toHaveText("0.243");
});

test("data too thin for the models says so, with no empty charts", async ({ page }) => {
  await openApp(page, "data");
  const rows = ["customer_id,date,amount"];
  // Six customers who all buy every month up to the data's end: nobody seems to leave.
  for (let c = 1; c <= 6; c++) {
    for (let m = 1; m <= 6; m++) rows.push(`s${c},2024-0${m}-1${c},${10 * c + m}`);
  }
  await page.getByLabel("Paste CSV data").fill(rows.join("\n"));
  await page.getByRole("button", { name: "Use pasted data" }).click();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await showView(page, "customers");
  await expect(status(page)).toHaveAttribute("data-state", "done", { timeout: 20000 });
  await expect(status(page)).toHaveText(/^Computed in \d+ ms\.$/);
  await expect(page.getByTestId("bgnbd-figures-none")).toContainText("Cannot be fitted");
  await expect(page.getByTestId("bgnbd-figures-none")).toContainText("hundreds of customers");
  for (const id of ["clv-p-alive-chart", "clv-expected-chart", "clv-holdout-chart"]) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  // A field that does not read leaves the last results, and says so.
  await page.getByLabel("Gross margin (%)").fill("150");
  await expect(page.getByTestId("customers-panel")).toContainText("The results below are for the last settings that read");
});
