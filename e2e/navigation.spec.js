// One calculator at a time: the navigation, an address for every calculator, back and
// forward, the title, the "next" links, and what is fetched before the first figure.
const fs = require("fs");
const path = require("path");
const { test, expect, openApp, showView, PANELS, dropFile } = require("./fixtures");

const NAMES = {
  ror: "ROR",
  period: "One period",
  data: "Import, flows and cohorts",
  compounding: "Retention compounding",
  forecast: "Retention forecast",
  ltv: "Lifetime value",
  conversion: "Churn conversion",
  winback: "Win-back",
  funnel: "Funnel",
  revenue: "Revenue retention",
  customers: "Customer value",
};

const fixture = (name) => path.join(__dirname, "data", name);

test("every route shows its calculator alone, named in the title and marked in the navigation", async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle("Retention Lab");
  await expect(page.locator("section.panel:not(.session-bar)")).toHaveCount(1);
  await expect(page.getByTestId("ror-panel")).toBeVisible();
  await expect(page.getByTestId("nav-ror")).toHaveAttribute("aria-current", "page");
  for (const [route, testid] of Object.entries(PANELS)) {
    await page.goto(`./#/${route}`);
    await expect(page.getByTestId(testid)).toBeVisible();
    await expect(page.locator("section.panel:not(.session-bar)")).toHaveCount(1);
    await expect(page).toHaveTitle(`${NAMES[route]} — Retention Lab`);
    await expect(page.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page.getByTestId(`nav-${route}`)).toHaveAttribute("aria-current", "page");
  }
});

test("the navigation groups the calculators by what a user comes for", async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole("navigation", { name: "Calculators" });
  const group = (name) => nav.getByRole("list", { name });
  await expect(group("Relationship").getByRole("link")).toHaveText(["ROR"]);
  await expect(group("Churn and growth").getByRole("link")).toHaveText([
    "One period",
    "Churn conversion",
    "Win-back",
    "Funnel",
  ]);
  await expect(group("Your data").getByRole("link")).toHaveText(["Import, flows and cohorts", "Customer value"]);
  await expect(group("Revenue").getByRole("link")).toHaveText(["Revenue retention"]);
  await expect(group("Forecasts").getByRole("link")).toHaveText([
    "Retention compounding",
    "Retention forecast",
    "Lifetime value",
  ]);
});

test("back and forward move between calculators, and what was typed stays", async ({ page }) => {
  await openApp(page);
  await showView(page, "period");
  await page.getByLabel("Customers at start").fill("2,000");
  await showView(page, "funnel");
  await expect(page).toHaveTitle("Funnel — Retention Lab");
  await page.goBack();
  await expect(page.getByTestId("period-panel")).toBeVisible();
  await expect(page).toHaveTitle("One period — Retention Lab");
  await expect(page.getByLabel("Customers at start")).toHaveValue("2,000");
  await page.goBack();
  await expect(page.getByTestId("ror-panel")).toBeVisible();
  await expect(page).toHaveTitle("Retention Lab");
  await page.goForward();
  await expect(page.getByTestId("period-panel")).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId("funnel-panel")).toBeVisible();
  // The session kept it too: a reload opens the same calculator with the same inputs.
  await showView(page, "period");
  await page.reload();
  await expect(page.getByTestId("period-panel")).toBeVisible();
  await expect(page.getByLabel("Customers at start")).toHaveValue("2,000");
});

test("an address that names no calculator opens the default one and says so", async ({ page }) => {
  await page.goto("./#/churn-rate");
  await expect(page.getByTestId("ror-panel")).toBeVisible();
  await expect(page.getByTestId("route-notice")).toHaveText(
    "No calculator has the address “#/churn-rate”, so the page shows ROR."
  );
  await expect(page).toHaveTitle("ROR — Retention Lab");
  await showView(page, "ltv");
  await expect(page.getByTestId("route-notice")).toHaveCount(0);
  // Typed in while the page is open, the notice comes into a status region that was already
  // there, so that it is announced.
  const status = page.locator(".route-status");
  await expect(status).toHaveAttribute("role", "status");
  await expect(status).toHaveText("");
  await page.evaluate(() => (location.hash = "#/ltv-calculator"));
  await expect(page.getByTestId("ror-panel")).toBeVisible();
  await expect(status).toContainText("No calculator has the address “#/ltv-calculator”");
  await expect(page.getByRole("status").filter({ hasText: "#/ltv-calculator" })).toHaveCount(1);
  // A fragment that is no address (a place in the page) opens the page as the bare address does.
  await page.goto("./#somewhere");
  await page.reload();
  await expect(page.getByTestId("ror-panel")).toBeVisible();
  await expect(page.getByTestId("route-notice")).toHaveCount(0);
  await expect(page).toHaveTitle("Retention Lab");
});

test("a place in the page is no address: it changes no calculator", async ({ page }) => {
  await openApp(page, "winback");
  await page.evaluate(() => (location.hash = "#winback-heading"));
  await expect(page.getByTestId("winback-panel")).toBeVisible();
  await expect(page.getByTestId("route-notice")).toHaveCount(0);
});

test("the skip link moves the focus to the calculator shown and leaves the address as it is", async ({ page }) => {
  await openApp(page, "conversion");
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("skip-link")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#conversion-heading")).toBeFocused();
  expect(new URL(page.url()).hash).toBe("#/conversion");
  await expect(page).toHaveTitle("Churn conversion — Retention Lab");
});

test("by keyboard: a link of the navigation shows its calculator and moves the focus to its heading", async ({ page }) => {
  await openApp(page);
  const link = page.getByTestId("nav-compounding");
  for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("projection-panel")).toBeVisible();
  await expect(page.locator("#projection-heading")).toBeFocused();
  await expect(link).toHaveAttribute("aria-current", "page");
});

test("the next links walk through every calculator in the story's order", async ({ page }) => {
  await openApp(page);
  const walked = [];
  for (let i = 0; i < 11; i++) {
    await page.getByTestId("next-link").click();
    walked.push(new URL(page.url()).hash);
  }
  expect(walked).toEqual([
    "#/period",
    "#/compounding",
    "#/ltv",
    "#/conversion",
    "#/winback",
    "#/funnel",
    "#/data",
    "#/revenue",
    "#/forecast",
    "#/customers",
    "#/ror",
  ]);
  await expect(page.getByTestId("next-link")).toHaveText("Next: One period");
});

test("at 360 px the navigation folds into a menu that opens, closes by Escape and leads anywhere", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page);
  const toggle = page.getByTestId("nav-toggle");
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toContainText("ROR");
  // Its arrow is drawn, not read.
  await expect(toggle).toHaveAccessibleName("Calculators: ROR");
  await expect(page.getByTestId("nav-funnel")).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("nav-funnel")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("nav-funnel")).toBeHidden();
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("nav-funnel")).toBeVisible();
  await page.getByTestId("nav-funnel").click();
  await expect(page.getByTestId("funnel-panel")).toBeVisible();
  await expect(page.getByTestId("nav-funnel")).toBeHidden();
  await expect(toggle).toContainText("Funnel");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("in Persian the navigation mirrors: it stands on the right, and the title is Persian", async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await openApp(page, "period");
  const side = async () => {
    const nav = await page.getByTestId("app-nav").boundingBox();
    const panel = await page.getByTestId("period-panel").boundingBox();
    return nav.x < panel.x ? "left" : "right";
  };
  expect(await side()).toBe("left");
  await page.getByTestId("language-select").selectOption("fa");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect.poll(side).toBe("right");
  await expect(page).toHaveTitle("یک دوره — Retention Lab");
  await expect(page.getByTestId("nav-period")).toHaveText("یک دوره");
});

test("a share link opens on the calculator it was made from; an old #s= link on the default one", async ({ page, browser }) => {
  await openApp(page, "forecast");
  await showView(page, "ror");
  await page.getByLabel("Total customers").fill("20,000");
  await showView(page, "forecast");
  await page.getByTestId("share-link").click();
  const link = await page.getByTestId("share-url").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(index\.html)?#\/forecast&s=[A-Za-z0-9_-]+$/);
  const context = await browser.newContext({ serviceWorkers: "block" });
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId("sbg-panel")).toBeVisible();
  await expect(other.getByTestId("shared-banner")).toBeVisible();
  await expect(other).toHaveTitle("Retention forecast — Retention Lab");
  // Moving away and back to the link's address is a change of view, not the link opened again.
  await other.getByTestId("nav-ror").click();
  await expect(other.getByLabel("Total customers")).toHaveValue("20,000");
  await other.getByLabel("Total customers").fill("30,000");
  await other.goBack();
  await expect(other.getByTestId("sbg-panel")).toBeVisible();
  await other.getByTestId("nav-ror").click();
  await expect(other.getByLabel("Total customers")).toHaveValue("30,000");
  // The link as it was written before calculators had addresses.
  const old = link.replace("#/forecast&s=", "#s=");
  const third = await context.newPage();
  await third.goto(old);
  await expect(third.getByTestId("ror-panel")).toBeVisible();
  await expect(third.getByTestId("shared-banner")).toBeVisible();
  await expect(third.getByLabel("Total customers")).toHaveValue("20,000");
  await expect(third).toHaveTitle("Retention Lab");
  await context.close();
});

test("an embedded calculator is alone, without the navigation, and links to its view of the page", async ({ page }) => {
  await page.goto("./#embed=projection");
  await expect(page.getByTestId("projection-panel")).toBeVisible();
  await expect(page.locator("section.panel:not(.session-bar)")).toHaveCount(1);
  await expect(page.getByTestId("app-nav")).toHaveCount(0);
  await expect(page.getByTestId("embed-open")).toHaveAttribute("href", /#\/compounding$/);
});

test("a period's working opens the one-period calculator on its counts", async ({ page }) => {
  await openApp(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles(fixture("telecom.csv"));
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await page.getByRole("button", { name: "Working for 2024-Q1" }).click();
  await page.getByTestId("open-in-period").click();
  await expect(page.getByTestId("period-panel")).toBeVisible();
  expect(new URL(page.url()).hash).toBe("#/period");
  await expect(page.getByLabel("Customers at start")).toHaveValue("17000000");
  await expect(page.getByTestId("churn")).toHaveText("1.00%");
  // Back leads to the data, still imported.
  await page.goBack();
  await expect(page.getByTestId("flows-table")).toBeVisible();
});

test("the forecast's cohorts of your data link back to the data view", async ({ page }) => {
  await openApp(page, "forecast");
  await page.getByTestId("sbg-data-link").click();
  await expect(page.getByTestId("data-panel")).toBeVisible();
  expect(new URL(page.url()).hash).toBe("#/data");
});

test("a file dropped on any calculator is read in the data view", async ({ page }) => {
  await openApp(page, "ltv");
  await dropFile(page, "orders.csv", fs.readFileSync(fixture("orders.csv"), "utf8"));
  await expect(page.getByTestId("data-panel")).toBeVisible();
  await expect(page.getByTestId("import-summary")).toContainText("Read 10 rows: 4 customers, 3 periods");
  // The imported data stays while another calculator is shown, and the forecast can use it.
  await showView(page, "forecast");
  await expect(page.getByLabel("A cohort of your data")).toBeVisible();
});

test("the default view fetches neither the import worker nor a language file; the data view fetches the worker", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await openApp(page);
  await expect(page.getByTestId("jackson-ror")).not.toBeEmpty();
  const late = () => fetched.filter((p) => /worker|i18n\//.test(p) && !/service-worker/.test(p));
  expect(late()).toEqual([]);
  await showView(page, "data");
  await expect.poll(() => late().some((p) => /worker.*\.wasm$/.test(p))).toBe(true);
  expect(late().filter((p) => p.includes("i18n/"))).toEqual([]);
  await page.getByTestId("language-select").selectOption("vi");
  await expect.poll(() => late().filter((p) => p.includes("i18n/"))).toEqual(["/i18n/vi.txt"]);
});

test("a calculator's code is fetched the first time it is shown, never at open, and once", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await openApp(page);
  await expect(page.getByTestId("jackson-ror")).not.toBeEmpty();
  const modules = (name) => fetched.filter((p) => p.endsWith(`-split_${name}.wasm`));
  expect(fetched.filter((p) => /-(split|chunk)_[a-z0-9_]+\.wasm$/.test(p))).toEqual([]);
  await showView(page, "period");
  expect(modules("period")).toHaveLength(1);
  expect(modules("data")).toEqual([]);
  await showView(page, "ror");
  await showView(page, "period");
  await expect(page.getByLabel("Customers at start")).toBeVisible();
  expect(modules("period")).toHaveLength(1);
});

test.describe("a calculator whose code cannot be fetched", () => {
  // The failed fetch is reported on the console by the browser and by the loader.
  test.use({ strictPage: false });

  test("while a calculator's code is fetched the page says so; if it cannot be, Try again shows it", async ({ page }) => {
    await openApp(page);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/-split_funnel\.wasm$/, async (route) => {
      await held;
      await route.abort("internetdisconnected");
    });
    await page.getByTestId("nav-funnel").click();
    await expect(page.getByTestId("calculator-loading")).toHaveText("Loading Funnel…");
    await expect(page).toHaveTitle("Funnel — Retention Lab");
    release();
    const unfetched = page.getByTestId("calculator-unfetched");
    await expect(unfetched).toHaveRole("alert");
    await expect(unfetched).toContainText("Funnel could not be loaded: the page could not fetch its code.");
    await expect(page.getByTestId("calculator-loading")).toHaveCount(0);
    await expect(page.getByTestId("crash-notice")).toBeHidden();
    // The rest of the page still works.
    await showView(page, "period");
    await page.getByTestId("nav-funnel").click();
    await expect(unfetched).toBeVisible();
    await page.unroute(/-split_funnel\.wasm$/);
    await unfetched.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("funnel-panel")).toBeVisible();
    await expect(page.locator("#funnel-heading")).toBeFocused();
    await expect(unfetched).toHaveCount(0);
  });
});

test("the data view is as it was left: the period's working and the cohort table's counts", async ({ page }) => {
  await openApp(page, "data");
  await page.getByLabel("Sample data").selectOption("orders");
  await page.getByRole("button", { name: "Load sample" }).click();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await page.getByRole("button", { name: /^Working for / }).first().click();
  const heading = await page.getByTestId("period-working").getByRole("heading").textContent();
  await page.getByRole("radio", { name: "Counts" }).check();
  await showView(page, "ror");
  await showView(page, "data");
  await expect(page.getByTestId("period-working").getByRole("heading")).toHaveText(heading);
  await expect(page.getByRole("radio", { name: "Counts" })).toBeChecked();
  // Another period starts with no working shown.
  await page.getByTestId("period-select").selectOption("quarter");
  await expect(page.getByTestId("period-working")).toHaveCount(0);
});

test("only the data view's period select is labelled exactly Period, and its choice holds for every view", async ({ page }) => {
  await openApp(page, "data");
  await page.getByLabel("Upload CSV").setInputFiles(fixture("orders.csv"));
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await expect(page.getByLabel("Period", { exact: true })).toHaveCount(1);
  await expect(page.getByLabel("Paste CSV data")).toBeVisible();
  await expect(page.getByRole("button", { name: "Download results CSV" })).toBeVisible();
  await page.getByLabel("Period", { exact: true }).selectOption("quarter");
  for (const route of Object.keys(PANELS).filter((r) => r !== "data")) {
    await showView(page, route);
    await expect(page.getByLabel("Period", { exact: true }), route).toHaveCount(0);
  }
  await showView(page, "data");
  await expect(page.getByLabel("Period", { exact: true })).toHaveValue("quarter");
});

test("at 360 px in large type no view scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page);
  await page.getByLabel("Large type").check();
  for (const route of Object.keys(PANELS)) {
    await showView(page, route);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, route).toBeLessThanOrEqual(0);
  }
});

test("without a notice, the status region takes no room between the session bar and the calculator", async ({ page }) => {
  await openApp(page);
  const bar = await page.getByTestId("session-bar").boundingBox();
  const panel = await page.getByTestId("ror-panel").boundingBox();
  const gap = await page.locator(".app-main").evaluate((el) => parseFloat(getComputedStyle(el).rowGap));
  expect(Math.round(panel.y - (bar.y + bar.height))).toBe(Math.round(gap));
});
