const fs = require("fs");
const path = require("path");
const { test, expect, openApp } = require("./fixtures");

/** A language file's strings by key (the format of src/i18n/file.rs). */
function strings(tag) {
  const text = fs.readFileSync(path.join(__dirname, "..", "public", "i18n", `${tag}.txt`), "utf8");
  const out = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf(" = ");
    if (at < 0 || line.startsWith("#")) continue;
    out[line.slice(0, at).trim()] = line.slice(at + 3).replace(/\\n/g, "\n").replace(/\\\\/g, "\\");
  }
  return out;
}

const MISSING = "\u27E6"; // the marker a string missing from a language file shows

async function choose(page, tag) {
  await page.getByTestId("language-select").selectOption(tag);
  await expect(page.locator("html")).toHaveAttribute("lang", tag);
}

/** The seed examples' figures, typed by the presets, as `figures` writes them. */
async function expectSeedFigures(page, s, figures) {
  await page.getByTestId("ror-panel").getByRole("button", { name: s.ror_seed_preset }).click();
  await expect(page.getByTestId("ror")).toHaveText(figures.ror);
  await expect(page.getByTestId("repeat-share")).toHaveText(figures.repeatShare);
  await page.getByTestId("period-panel").getByRole("button", { name: s.telecom_preset }).click();
  await expect(page.getByTestId("churn")).toHaveText(figures.churn);
  await expect(page.getByTestId("end")).toHaveText(figures.end);
  await expect(page.getByTestId("sbg-alpha-0")).toHaveText(figures.alpha);
  await expect(page.getByTestId("sbg-survival-0-0")).toHaveText(figures.survivors);
}

test("Persian: right to left, Persian digits and separators, every string translated", async ({ page }) => {
  await openApp(page);
  await choose(page, "fa");
  const s = strings("fa");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.app_title);
  await expect(page.getByRole("heading", { level: 2, name: s.ror_heading })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: s["sbg.heading"] })).toBeVisible();
  await expect(page.getByLabel(s.total_customers, { exact: true })).toBeVisible();
  await expect(page.getByLabel(s["import.paste_label"], { exact: true })).toBeVisible();
  await expectSeedFigures(page, s, {
    ror: "۲٫۸۵۷",
    repeatShare: "۳۵٫۰۰٪",
    churn: "۱٫۰۰٪",
    end: "۱۷٬۵۱۰٬۰۰۰",
    alpha: "۰٫۷۰۴",
    survivors: "۱٬۰۰۰٫۰",
  });
  await expect(page.locator("body")).not.toContainText(MISSING);
  // The layout is mirrored: the first panel's heading starts at the right.
  const heading = await page.getByRole("heading", { level: 2, name: s.ror_heading }).boundingBox();
  const panel = await page.getByTestId("ror-panel").boundingBox();
  expect(heading.x + heading.width).toBeGreaterThan(panel.x + panel.width * 0.6);
});

test("Persian with Latin digits, and the choice is remembered", async ({ page }) => {
  await openApp(page);
  await choose(page, "fa");
  await expect(page.getByTestId("ror")).toHaveText("۲٫۸۵۷");
  await page.getByTestId("latin-digits").check();
  await expect(page.getByTestId("ror")).toHaveText("2.857");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("ror")).toHaveText("2.857");
  await expect(page.getByTestId("latin-digits")).toBeChecked();
  await page.getByTestId("latin-digits").uncheck();
  await expect(page.getByTestId("ror")).toHaveText("۲٫۸۵۷");
  await choose(page, "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByTestId("ror")).toHaveText("2.857");
  await expect(page.getByTestId("latin-digits")).toHaveCount(0);
});

test("Vietnamese: its digits and separators, every string translated", async ({ page }) => {
  await openApp(page);
  await choose(page, "vi");
  const s = strings("vi");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 2, name: s.ror_heading })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: s["sbg.heading"] })).toBeVisible();
  await expect(page.getByLabel(s.total_customers, { exact: true })).toBeVisible();
  await expectSeedFigures(page, s, {
    ror: "2,857",
    repeatShare: "35,00%",
    churn: "1,00%",
    end: "17.510.000",
    alpha: "0,704",
    survivors: "1.000,0",
  });
  await expect(page.locator("body")).not.toContainText(MISSING);
});

test.describe("the browser's language", () => {
  test.use({ locale: "vi-VN" });
  test("opens the page in it", async ({ page }) => {
    await page.goto("./");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 2, name: strings("vi").ror_heading })).toBeVisible();
    await expect(page.getByTestId("language-select")).toHaveValue("vi");
  });
});

test.describe("a broken deployment", () => {
  // The browser itself reports the failed request in the console; here that is the point.
  test.use({ strictPage: false });
  test("a language file that cannot be read leaves the page as it was and says so", async ({ page }) => {
    await openApp(page);
    await page.route("**/i18n/fa.txt", (route) => route.fulfill({ status: 404, body: "" }));
    await page.getByTestId("language-select").selectOption("fa");
    await expect(page.getByTestId("language-failed")).toContainText("i18n/fa.txt: HTTP 404");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("ror")).toHaveText("2.857");
  });
});
