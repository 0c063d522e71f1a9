const { test, expect, openApp } = require("./fixtures");

test("lifetime value: seed preset gives 500 and 366.67, with a currency", async ({ page }) => {
  await openApp(page, "ltv");
  const p = page.getByTestId("ltv-panel");
  await p.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("ltv-from-churn")).toHaveText("\u2014");
  await p.getByRole("button", { name: "Seed: 100 a year, 20% churn" }).click();
  await expect(page.getByTestId("ltv-seed")).toHaveText("500.00");
  await expect(page.getByTestId("lifetime")).toHaveText("5.00 years");
  await expect(page.getByTestId("ltv-from-churn")).toHaveText("500.00");
  await expect(page.getByTestId("ltv-discounted")).toHaveText("366.67");
  await p.getByLabel("Currency").selectOption({ label: "$" });
  await expect(page.getByTestId("ltv-discounted")).toHaveText("$366.67");
  await expect(p).toContainText("$100.00 × 100.00% × (1 + 10.00%) / (1 + 10.00% − 80.00%) = $366.67");
});

test("lifetime value: switching to months converts the inputs, not the business", async ({ page }) => {
  await openApp(page, "ltv");
  const p = page.getByTestId("ltv-panel");
  await p.getByLabel("Period of revenue, churn and discount").selectOption({ label: "Month" });
  await expect(p.getByLabel("Revenue per customer per period")).toHaveValue("8.3333");
  await expect(page.getByTestId("ltv-seed")).toHaveText("500.00");
  await expect(page.getByTestId("lifetime")).toHaveText("54.28 months");
  await p.getByLabel("Churn per period (%)").fill("0");
  await expect(page.getByTestId("ltv-from-churn")).toHaveText("\u2014");
  await expect(page.getByTestId("ltv-from-churn-why")).toHaveText("Undefined because “Churn per period (%)” is 0.");
  await p.getByLabel("Gross margin (%)").fill("abc");
  await expect(page.locator("#ltv-margin-error")).toContainText("is not a digit");
  await expect(p.getByLabel("Gross margin (%)")).toHaveValue("abc");
});

test("churn conversion: 5% a month is 45.96% a year, and back", async ({ page }) => {
  await openApp(page, "conversion");
  const p = page.getByTestId("conversion-panel");
  await p.getByRole("button", { name: "Seed: 5% a month" }).click();
  await expect(page.getByTestId("churn-monthly")).toHaveText("5.00%");
  await expect(page.getByTestId("churn-annual")).toHaveText("45.96%");
  await expect(p).toContainText("1 − (1 − 5.00%)^12 = 45.96%");
  await p.getByLabel("Churn rate (%)").fill("45.96");
  await p.getByRole("radio", { name: "year" }).check();
  await expect(page.getByTestId("churn-monthly")).toHaveText("5.00%");
  await p.getByLabel("Churn rate (%)").fill("150");
  await expect(page.locator("#conversion-churn-error")).toContainText("Must be between 0% and 100%.");
});

test("win-back: 1,000 dormant customers give 250 .. 600", async ({ page }) => {
  await openApp(page, "winback");
  const p = page.getByTestId("winback-panel");
  await p.getByLabel("Dormant customers").fill("2,000");
  await expect(page.getByTestId("winback-low")).toHaveText("500");
  await p.getByRole("button", { name: "Seed: 1,000 dormant" }).click();
  await expect(page.getByTestId("winback-low")).toHaveText("250");
  await expect(page.getByTestId("winback-high")).toHaveText("600");
});

test("funnel: seed stages give 0.50% overall; a growing stage is named", async ({ page }) => {
  await openApp(page, "funnel");
  const p = page.getByTestId("funnel-panel");
  await p.getByRole("button", { name: "Seed: exposed to bought" }).click();
  await expect(page.getByTestId("funnel-overall")).toHaveText("0.50%");
  await expect(page.getByTestId("funnel-stage-1")).toHaveText("40.00%");
  await expect(page.getByTestId("funnel-stage-4")).toHaveText("25.00%");
  await expect(p).toContainText("Exposed → Saw");
  await page.getByTestId("stage-2").getByLabel("Customers at this stage").fill("5,000");
  await expect(page.getByTestId("stage-2").locator(".field-error")).toHaveText(
    "“Engaged” cannot have more customers than the stage before it, “Saw” (4,000).",
  );
  await expect(page.getByTestId("funnel-overall")).toHaveText("\u2014");
});
