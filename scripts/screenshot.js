// Takes the README's screenshots of the built app: node scripts/screenshot.js URL OUT.png
// writes the page as it opens (the navigation and ROR) to OUT.png, the retention forecast
// (#/forecast) with its preset as OUT-forecast.png, the data view, with the sample orders
// read, as OUT-data.png, the session bar with two sessions in its list as OUT-sessions.png,
// the page as a Persian browser opens it as OUT-fa.png, and a 360 px phone with the
// navigation's menu open as OUT-phone.png.
const { chromium } = require("@playwright/test");

(async () => {
  const [url, out, width = "1100", scheme = "light"] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
  await page.goto(url);
  await page.getByTestId("ror").waitFor();
  await page.screenshot({ path: out, fullPage: true });
  await page.getByTestId("nav-forecast").click();
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=chart-forecast]")?.dataset.draws) > 0);
  await page.getByTestId("sbg-panel").screenshot({ path: out.replace(/\.png$/, "-forecast.png") });
  await page.getByTestId("nav-data").click();
  await page.getByRole("button", { name: "Load sample" }).click();
  await page.getByTestId("cohort-table").waitFor();
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=chart-heatmap]")?.dataset.draws) > 0);
  await page.getByTestId("data-panel").screenshot({ path: out.replace(/\.png$/, "-data.png") });
  // Two named sessions in the list, the second one open.
  await page.getByTestId("session-name").fill("Q3 review");
  await page.getByTestId("new-session").click();
  await page.getByTestId("session-name").fill("2025 plan");
  await page.getByTestId("session-list").locator("summary").click();
  await page.getByTestId("session-row").nth(1).waitFor();
  await page.getByTestId("session-bar").screenshot({ path: out.replace(/\.png$/, "-sessions.png") });
  const fa = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme, locale: "fa-IR" });
  await fa.goto(url);
  await fa.locator("html[lang=fa]").waitFor();
  await fa.getByTestId("ror").waitFor();
  await fa.screenshot({ path: out.replace(/\.png$/, "-fa.png") });
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, colorScheme: scheme });
  await phone.goto(url + "#/period");
  await phone.getByTestId("churn").waitFor();
  await phone.getByTestId("nav-toggle").click();
  await phone.getByTestId("nav-funnel").waitFor();
  await phone.screenshot({ path: out.replace(/\.png$/, "-phone.png") });
  await browser.close();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
