// The revenue view's one-period calculator: the preset, its working, the error when losses
// exceed the start, the currency, the session, Persian and the embedded calculator.
const { test, expect, openApp, expectBadInput, embedInBlog } = require("./fixtures");

const calculator = (page) => page.getByTestId("revenue-calculator");

test("the SaaS month preset gives GRR 92.00%, NRR 100.00%, revenue churn 5.00% and 112,000 at the end", async ({ page }) => {
  await openApp(page, "revenue");
  const c = calculator(page);
  await c.getByRole("button", { name: "Clear" }).click();
  await expect(c.getByLabel("Revenue at start")).toHaveValue("");
  await expect(page.getByTestId("grr")).toHaveText("\u2014");
  await c.getByRole("button", { name: "SaaS month" }).click();
  await expect(c.getByLabel("Revenue at start")).toHaveValue("100,000");
  await expect(c.getByLabel("Expansion")).toHaveValue("8,000");
  await expect(c.getByLabel("Contraction")).toHaveValue("3,000");
  await expect(c.getByLabel("Churned revenue")).toHaveValue("5,000");
  await expect(c.getByLabel("New revenue")).toHaveValue("12,000");
  await expect(c.getByLabel("New revenue")).toHaveAccessibleDescription(/From new and returning customers/);
  await expect(page.getByTestId("grr")).toHaveText("92.00%");
  await expect(page.getByTestId("nrr")).toHaveText("100.00%");
  await expect(page.getByTestId("revenue-churn")).toHaveText("5.00%");
  await expect(page.getByTestId("revenue-end")).toHaveText("112,000");
  // Each figure shows its formula and the user's numbers.
  await expect(c).toContainText("(R0 − C − L) / R0");
  await expect(c).toContainText("(100,000 − 3,000 − 5,000) / 100,000 = 92.00%");
  await expect(c).toContainText("(100,000 + 8,000 − 3,000 − 5,000) / 100,000 = 100.00%");
  await expect(c).toContainText("5,000 / 100,000 = 5.00%");
  await expect(c).toContainText("100,000 + 8,000 − 3,000 − 5,000 + 12,000 = 112,000");
});

test("amounts keep their decimals and take the chosen currency", async ({ page }) => {
  await openApp(page, "revenue");
  const c = calculator(page);
  await c.getByLabel("Revenue at start").fill("1,000.10");
  await c.getByLabel("Expansion").fill("0.2");
  await c.getByLabel("Contraction").fill("0");
  await c.getByLabel("Churned revenue").fill("100");
  await c.getByLabel("New revenue").fill("50.05");
  await expect(page.getByTestId("revenue-end")).toHaveText("950.35");
  await c.getByLabel("Currency").selectOption({ label: "$" });
  await expect(page.getByTestId("revenue-end")).toHaveText("$950.35");
  await expect(page.getByTestId("grr")).toHaveText("90.00%");
});

test("contraction and churned revenue above the revenue at start are an error naming the fields", async ({ page }) => {
  await openApp(page, "revenue");
  const c = calculator(page);
  await c.getByLabel("Revenue at start").fill("5,000");
  await c.getByLabel("Contraction").fill("3,000");
  await c.getByLabel("Churned revenue").fill("5,000");
  const contraction = c.getByLabel("Contraction", { exact: true });
  const churned = c.getByLabel("Churned revenue", { exact: true });
  await expect(page.locator("#revenue-contraction-error")).toHaveText(
    "With “Churned revenue” this is 8,000, more than “Revenue at start” (5,000), which both come out of."
  );
  await expect(page.locator("#revenue-churned-error")).toHaveText(
    "With “Contraction” this is 8,000, more than “Revenue at start” (5,000), which both come out of."
  );
  await expect(contraction).toHaveAttribute("aria-invalid", "true");
  await expect(churned).toHaveAttribute("aria-invalid", "true");
  await expect(churned).toHaveValue("5,000");
  await expect(page.getByTestId("grr")).toHaveText("\u2014");
  await expect(page.getByTestId("grr-why")).toContainText("Needs a valid “Contraction”");
  // What was typed stays; a smaller loss clears both errors.
  await churned.fill("2,000");
  await expect(page.locator("#revenue-contraction-error")).toBeEmpty();
  await expect(page.getByTestId("grr")).toHaveText("0.00%");
});

test("a field that does not read is named, and what was typed stays", async ({ page }) => {
  await openApp(page, "revenue");
  await expectBadInput(page, calculator(page), {
    label: "Expansion",
    text: "8 000x",
    message: "is not a digit",
    blank: "nrr",
  });
  await expect(page.getByTestId("grr")).toHaveText("92.00%");
});

test("the inputs are kept in the session and come back after a reload", async ({ page }) => {
  await openApp(page, "revenue");
  const c = calculator(page);
  await c.getByLabel("Revenue at start").fill("200,000");
  await c.getByLabel("Currency").selectOption({ label: "€" });
  await expect(page.getByTestId("grr")).toHaveText("96.00%");
  // Saved a moment after the change: wait until the stored session holds it.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const id = localStorage.getItem("retention-lab.open");
        const text = id && localStorage.getItem(`retention-lab.session.${id}`);
        const revenue = text && JSON.parse(text).panels.revenue;
        return revenue ? [revenue.start.text, revenue.currency] : null;
      })
    )
    .toEqual(["200,000", "eur"]);
  await page.reload();
  await expect(calculator(page).getByLabel("Revenue at start")).toHaveValue("200,000");
  await expect(page.getByTestId("revenue-end")).toHaveText("€212,000");
});

test("in Persian the calculator reads and writes Persian numbers", async ({ page }) => {
  await openApp(page, "revenue");
  await page.getByTestId("language-select").selectOption("fa");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const c = calculator(page);
  await c.getByRole("button", { name: "یک ماه SaaS" }).click();
  await expect(c.getByLabel("درآمد آغاز دوره")).toHaveValue("۱۰۰٬۰۰۰");
  await expect(page.getByTestId("grr")).toHaveText("۹۲٫۰۰٪");
  await c.getByLabel("درآمد آغاز دوره").fill("۲۰۰٬۰۰۰");
  await expect(page.getByTestId("revenue-end")).toHaveText("۲۱۲٬۰۰۰");
});

test("embedded, the calculator is alone, without the data part", async ({ page, browser }) => {
  await openApp(page, "revenue");
  await calculator(page).getByLabel("Churned revenue").fill("1,000");
  await page.getByTestId("embed").click();
  await expect(page.getByTestId("embed-panel")).toHaveValue("revenue");
  const snippet = await page.getByTestId("embed-snippet").inputValue();
  await page.keyboard.press("Escape");
  const { frame, context } = await embedInBlog(browser, snippet);
  await expect(frame.getByTestId("grr")).toHaveText("96.00%");
  await expect(frame.getByTestId("revenue-of-data")).toHaveCount(0);
  await expect(frame.getByTestId("embed-open")).toHaveAttribute("href", /#\/revenue&s=[A-Za-z0-9_-]+$/);
  await context.close();
});

test("a period of the data's revenue shows its working: the calculator's figures with its numbers", async ({ page }) => {
  await openApp(page, "data");
  await page
    .getByLabel("Paste CSV data")
    .fill(["customer_id,date,amount", "a,2024-01-03,100", "b,2024-01-09,50", "a,2024-02-11,150", "b,2024-02-12,50", "b,2024-02-20,-20"].join("\n"));
  await page.getByRole("button", { name: "Use pasted data" }).click();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await page.getByTestId("revenue-link").click();
  const show = page.getByTestId("revenue-show-working-1");
  await expect(show).toHaveAccessibleName("Working for 2024-02");
  await show.click();
  await expect(show).toHaveAttribute("aria-pressed", "true");
  const working = page.getByTestId("revenue-working");
  await expect(working.locator("h4")).toHaveText("Working for 2024-02");
  await expect(page.getByTestId("revenue-working-grr")).toHaveText("86.67%");
  await expect(page.getByTestId("revenue-working-nrr")).toHaveText("120.00%");
  await expect(page.getByTestId("revenue-working-revenue-churn")).toHaveText("0.00%");
  await expect(page.getByTestId("revenue-working-revenue-end")).toHaveText("180");
  await expect(page.getByTestId("revenue-working-arpu")).toHaveText("90");
  await expect(working).toContainText("(150 − 20 − 0) / 150 = 86.67%");
  await expect(working).toContainText("150 + 50 − 20 − 0 + 0 = 180");
  await expect(working).toContainText("180 / 2 = 90");
  // The first period has no start: only its ARPU.
  await page.getByTestId("revenue-show-working-0").click();
  await expect(working.locator("h4")).toHaveText("Working for 2024-01");
  await expect(page.getByTestId("revenue-working-grr")).toHaveCount(0);
  await expect(page.getByTestId("revenue-working-arpu")).toHaveText("75");
  await page.getByTestId("revenue-show-working-0").click();
  await expect(working).toHaveCount(0);
});
