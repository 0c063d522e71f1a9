const { test, expect, openApp, showView } = require("./fixtures");

const panel = (page) => page.getByTestId("projection-panel");

test.beforeEach(async ({ page }) => {
  await openApp(page, "compounding");
});

test("seed preset: 90% vs 80% with +20% over 7 years gives 1.949x vs 1.000x", async ({ page }) => {
  const p = panel(page);
  await p.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("projection-multiplier-0")).toHaveText("\u2014");
  await p.getByRole("button", { name: "Seed: 90% vs 80% with +20%" }).click();
  await expect(page.getByTestId("projection-multiplier-0")).toHaveText("1.949x");
  await expect(page.getByTestId("projection-multiplier-1")).toHaveText("1.000x");
  await expect(page.getByTestId("projection-growth-0")).toHaveText("10.00%");
  await expect(page.getByTestId("projection-growth-1")).toHaveText("0.00%");
  await expect(page.getByTestId("projection-doubling-0")).toHaveText("7.27 years");
  await expect(page.getByTestId("projection-doubling-1")).toHaveText("never");
  const table = page.getByTestId("projection-table");
  await expect(table.locator("tbody tr")).toHaveCount(8);
  await expect(table.locator("tbody tr").last()).toContainText("1,949 (1.949x)");
});

test("Reichheld preset: 95% vs 90% with +10% over 14 years", async ({ page }) => {
  await panel(page).getByRole("button", { name: "Reichheld: 95% vs 90% with +10% over 14 years" }).click();
  await expect(page.getByTestId("projection-multiplier-0")).toHaveText("1.980x");
  await expect(page.getByTestId("projection-multiplier-1")).toHaveText("1.000x");
});

test("fixed adds: levels off at 2.000x and never doubles", async ({ page }) => {
  const p = panel(page);
  await p.getByRole("radio", { name: "A fixed number each period (a × C0)" }).check();
  await expect(page.getByTestId("mode-help")).toContainText("levels off");
  await expect(page.getByTestId("projection-multiplier-0")).toHaveText("1.522x");
  await expect(page.getByTestId("projection-plateau-0")).toHaveText("2.000x");
  await expect(page.getByTestId("projection-doubling-0")).toHaveText("never, levels off at 2.000x");
  await expect(page.getByTestId("projection-multiplier-1")).toHaveText("1.000x");
  // Full retention: no plateau, and it says so.
  await page.getByTestId("scenario-1").getByLabel("Retention (%)").fill("100");
  await expect(page.getByTestId("projection-plateau-1")).toHaveText("none: grows by a × C0 each period");
  await expect(page.getByTestId("projection-doubling-1")).toHaveText("5 years");
});

test("scenarios: add, duplicate, rename and remove", async ({ page }) => {
  const p = panel(page);
  await page.getByTestId("scenario-0").getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByTestId("scenario-1").getByLabel("Retention (%)")).toHaveValue("90");
  await expect(page.getByTestId("projection-multiplier-1")).toHaveText("1.949x");
  await expect(page.getByTestId("projection-multiplier-2")).toHaveText("1.000x");
  await page.getByTestId("scenario-1").getByLabel("Scenario name").fill("<b>Copy</b>");
  await expect(page.getByTestId("scenario-results-1").getByRole("heading")).toHaveText("<b>Copy</b>");
  await page.getByTestId("scenario-1").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("projection-multiplier-2")).toHaveCount(0);
  await p.getByRole("button", { name: "Add scenario" }).click();
  const added = page.getByTestId("scenario-2");
  await expect(added.getByLabel("Scenario name")).toHaveValue("Scenario 3");
  await added.getByLabel("Retention (%)").fill("95");
  await added.getByLabel("Acquisition (%)").fill("10");
  await expect(page.getByTestId("projection-multiplier-2")).toHaveText("1.407x");
});

test("switching to months keeps the business: 84 months, same multipliers", async ({ page }) => {
  const p = panel(page);
  await p.getByRole("radio", { name: "months" }).check();
  await expect(p.getByLabel("Horizon", { exact: true })).toHaveValue("84");
  await expect(page.getByTestId("scenario-0").getByLabel("Retention (%)")).toHaveValue("99.1258");
  await expect(page.getByTestId("projection-multiplier-0")).toHaveText("1.949x");
  await expect(page.getByTestId("projection-multiplier-1")).toHaveText("1.000x");
  await p.getByLabel("Horizon", { exact: true }).fill("90");
  await p.getByRole("radio", { name: "years" }).check();
  await expect(p.getByLabel("Horizon", { exact: true })).toHaveValue("8");
  await expect(page.getByTestId("horizon-rounded")).toContainText("90 months is not a whole number of years");
  await expect(page.getByTestId("scenario-0").getByLabel("Retention (%)")).toHaveValue("90");
});

test("rates out of range are errors, never clamped", async ({ page }) => {
  const row = page.getByTestId("scenario-0");
  await row.getByLabel("Retention (%)").fill("120");
  await expect(row.locator(".field.invalid .field-error")).toContainText("Must be between 0% and 100%.");
  await expect(row.getByLabel("Retention (%)")).toHaveValue("120");
  await expect(page.getByTestId("projection-multiplier-0")).toHaveText("\u2014");
  await row.getByLabel("Retention (%)").fill("90");
  await row.getByLabel("Acquisition (%)").fill("-5");
  await expect(row.locator(".field.invalid .field-error")).toContainText("Must be 0% or more.");
  await panel(page).getByLabel("Horizon", { exact: true }).fill("31");
  await expect(page.locator("#projection-horizon-error")).toContainText("Must be between 1 and 30.");
});

test("teacher mode: the working shows the substituted numbers step by step", async ({ page }) => {
  const card = page.getByTestId("scenario-results-0").locator(".figure").first();
  await expect(card.locator(".working-line")).toHaveText("C(n) / C0 = (r + a)^n = (90.00% + 20.00%)^7 = 1.949x");
  await page.getByRole("checkbox", { name: "Show the working" }).check();
  const steps = card.locator(".working-steps");
  await expect(steps.locator(".formula")).toHaveText("C(n) / C0 = (r + a)^n");
  await expect(steps.locator(".numbers")).toHaveText("(90.00% + 20.00%)^7");
  await expect(steps.locator(".result")).toHaveText("1.949x");
  await showView(page, "ror");
  await expect(page.getByTestId("ror-panel").locator(".working-steps .numbers").first()).toHaveText("1,000 / 350");
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await size();
  await page.getByRole("checkbox", { name: "Large type" }).check();
  await expect.poll(size).toBeGreaterThan(normal);
});
