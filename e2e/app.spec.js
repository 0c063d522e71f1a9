const { test, expect, openApp, showView, PANELS } = require("./fixtures");

test("the page loads with both calculators, no errors and no outside requests", async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle("Retention Lab");
  // One calculator at a time: the other is a link away.
  await showView(page, "period");
  await expect(page.getByRole("heading", { name: "One period: churn, retention and growth" })).toBeVisible();
  await expect(page.getByTestId("privacy")).toContainText("never leaves your browser");
  await expect(page.getByTestId("crash-notice")).toBeHidden();
});

test("every input has a label", async ({ page }) => {
  await openApp(page);
  // One calculator at a time: every view's inputs; the calculators' counted together.
  let count = 0;
  for (const [route, testid] of Object.entries(PANELS)) {
    await showView(page, route);
    const inputs = page.locator("input");
    const shown = await inputs.count();
    for (let i = 0; i < shown; i++) {
      await expect(inputs.nth(i)).toHaveAccessibleName(/\S/);
    }
    count += await page.getByTestId(testid).locator("input").count();
  }
  expect(count).toBeGreaterThan(8);
});

test("keyboard only: skip to the calculators, tab to a field, type, and press a preset button", async ({ page }) => {
  await openApp(page);
  const total = page.getByLabel("Total customers");
  // The first stop is the link past the header and the session bar, shown once focused.
  await page.keyboard.press("Tab");
  const skip = page.getByTestId("skip-link");
  await expect(skip).toBeFocused();
  expect((await skip.boundingBox()).y).toBeGreaterThanOrEqual(0);
  await page.keyboard.press("Enter");
  await expect(page.locator("#ror-heading")).toBeFocused();
  // Not a share link: the page stays as it is (no reload), with what was typed.
  // From the heading, a few stops (the presets) to the first field.
  for (let i = 0; i < 6 && !(await total.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(total).toBeFocused();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("20000");
  await expect(page.getByTestId("jackson-ror")).toHaveText("1.75%");
  await page.getByRole("button", { name: "Seed example" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("jackson-ror")).toHaveText("3.50%");
});

test("usable at 360 px wide: nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page);
  // One calculator at a time: each view, shown as a user would through the folded menu.
  for (const route of Object.keys(PANELS)) {
    await showView(page, route);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `#/${route}`).toBeLessThanOrEqual(0);
    if (route === "period") await expect(page.getByLabel("Customers at start")).toBeVisible();
  }
});

test("light and dark themes follow the system setting", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await openApp(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(background).not.toBe(light);
});

test.describe("when the app cannot start", () => {
  test.use({ strictPage: false });
  test("a visible notice replaces a frozen page", async ({ page }) => {
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto("./");
    await expect(page.getByTestId("crash-notice")).toBeVisible();
    await expect(page.getByTestId("crash-notice")).toContainText("Something went wrong");
  });
});
