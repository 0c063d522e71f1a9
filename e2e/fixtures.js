// A `page` that fails the test on any console error, uncaught page error, or request that
// leaves 127.0.0.1 ("your data never leaves your browser").
const base = require("@playwright/test");

const test = base.test.extend({
  // Tests that provoke errors on purpose set this to false.
  strictPage: [true, { option: true }],
  page: async ({ page, strictPage }, use) => {
    const problems = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    // Error events that reach no console (a ResizeObserver loop, say) are reported too.
    await page.addInitScript(() => {
      window.addEventListener("error", (e) => console.error(`window error: ${e.message}`));
    });
    page.on("request", (req) => {
      const url = new URL(req.url());
      const local = url.hostname === "127.0.0.1";
      const inPage = ["data:", "blob:"].includes(url.protocol);
      if (!local && !inPage) problems.push(`request left the machine: ${req.url()}`);
    });
    await use(page);
    if (strictPage) base.expect(problems, problems.join("\n")).toEqual([]);
  },
});

/** Each calculator's route (its address `#/<route>`) and the `data-testid` of its panel. */
const PANELS = {
  ror: "ror-panel",
  period: "period-panel",
  data: "data-panel",
  compounding: "projection-panel",
  forecast: "sbg-panel",
  ltv: "ltv-panel",
  conversion: "conversion-panel",
  winback: "winback-panel",
  funnel: "funnel-panel",
  revenue: "revenue-panel",
  customers: "customers-panel",
};

/**
 * Opens the app, at the calculator `route` (`"period"` opens `#/period`) or at the bare
 * address, and waits until that calculator is on the page.
 */
async function openApp(page, route) {
  await page.goto(route ? `./#/${route}` : "./");
  if (route) {
    await base.expect(page.getByTestId(PANELS[route])).toBeVisible();
  } else {
    await base.expect(page.getByRole("heading", { name: "Return on Relationship (ROR)" })).toBeVisible();
  }
}

/**
 * Shows the calculator `route` as a user does, through the navigation (unfolding it first on a
 * narrow screen), and waits until it is on the page.
 */
async function showView(page, route) {
  const link = page.getByTestId(`nav-${route}`);
  if (!(await link.isVisible())) await page.getByTestId("nav-toggle").click();
  await link.click();
  await base.expect(page.getByTestId(PANELS[route])).toBeVisible();
}

/**
 * Drags the text `text` over the page as the file `name` (the page shows where to drop it)
 * and drops it on the page's body.
 */
async function dropFile(page, name, text) {
  const transfer = await page.evaluateHandle(
    ([t, n]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: "text/csv" }));
      return dt;
    },
    [text, name],
  );
  await page.dispatchEvent("body", "dragover", { dataTransfer: transfer });
  await base.expect(page.locator(".drop-overlay")).toHaveClass(/visible/);
  await page.dispatchEvent("body", "drop", { dataTransfer: transfer });
}

/** A string as a literal inside a regular expression. */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Types a bad value into a labelled field and checks that the message says what is wrong,
 * is linked to the field, the text stays as typed, and the figure `blank` shows "—" and why.
 */
async function expectBadInput(page, panel, { label, text, message, blank }) {
  const input = panel.getByLabel(label, { exact: true });
  await input.fill(text);
  const id = await input.getAttribute("id");
  await base.expect(page.locator(`#${id}-error`)).toContainText(message);
  await base.expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  await base.expect(input).toHaveValue(text);
  await base.expect(input).toHaveAttribute("aria-invalid", "true");
  await base.expect(page.getByTestId(blank)).toHaveText("\u2014");
  await base.expect(page.getByTestId(`${blank}-why`)).toContainText(`Needs a valid “${label}”`);
}

/**
 * Puts an embed snippet into a blog's page in a browser context of its own (no service
 * worker) and returns the frame of the embedded calculator, with the context to close.
 */
async function embedInBlog(browser, snippet) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const blog = await context.newPage();
  await blog.setContent(`<!doctype html><html><body><h1>A blog post</h1>${snippet}</body></html>`);
  return { frame: blog.frameLocator("iframe"), context };
}

module.exports = { test, expect: base.expect, openApp, showView, PANELS, dropFile, escapeRegExp, expectBadInput, embedInBlog };
