// Offline and updates: each test serves its own copy of the build on its own server, so that it
// can stop the server (a browser context's offline switch does not reach a service worker's
// fetches, so it would prove nothing) or change the files as a new build would.
const { spawn } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const net = require("net");
const os = require("os");
const path = require("path");
const { test, expect, showView } = require("./fixtures");

// The other specs block the service worker; these are about it.
test.use({ serviceWorkers: "allow" });

const DIST = path.join(__dirname, "..", "dist");
const ROOT = path.join(__dirname, "..");

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Servers and copies still there when a test ends (it failed before stopping them).
const leftovers = [];
test.afterEach(async () => {
  for (const cleanUp of leftovers.splice(0)) await cleanUp();
});

function copyOfBuild() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "retention-lab-build-"));
  fs.cpSync(DIST, dir, { recursive: true });
  leftovers.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A static server on 127.0.0.1 for `dir`, which the test can stop. */
async function serve(dir) {
  const port = await freePort();
  const proc = spawn(
    "python3",
    ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dir],
    { stdio: "ignore" },
  );
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  const url = `http://127.0.0.1:${port}/`;
  await expect
    .poll(async () => fetch(`${url}index.html`).then((r) => r.status, () => 0), { timeout: 10_000 })
    .toBe(200);
  leftovers.push(async () => {
    proc.kill();
    await exited;
  });
  return {
    url,
    stop: async () => {
      proc.kill();
      await exited;
      // Nothing answers there any more.
      await expect(fetch(url)).rejects.toThrow();
    },
  };
}

/** Waits until the service worker has cached the build and controls the page. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
}

async function openAt(page, url) {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("ror-panel")).toBeVisible();
}

/** Computes a figure: ROR of the seed numbers typed by hand. */
async function computeRor(page) {
  const panel = page.getByTestId("ror-panel");
  await panel.getByLabel("Total customers").fill("20000");
  await panel.getByLabel("Helped in the last 12 months").fill("1000");
  await panel.getByLabel("Repeat or referral customers").fill("400");
  await expect(page.getByTestId("ror")).toHaveText("2.500");
}

test("after one visit the page loads and works with the server stopped", async ({ page }) => {
  const dir = copyOfBuild();
  const server = await serve(dir);
  await openAt(page, server.url);
  await controlled(page);
  await server.stop();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Retention Lab");
  await computeRor(page);
  // The import worker's files come from the cache too: a sample is read in the worker.
  await showView(page, "data");
  await page.getByLabel("Sample data").selectOption("orders");
  await page.getByRole("button", { name: "Load sample" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("Read 25 rows: 8 customers, 6 periods");
  // And a language file that was never asked for while online.
  await page.getByTestId("language-select").selectOption("vi");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByTestId("language-failed")).toBeHidden();
  await showView(page, "ror");
  await expect(page.getByTestId("ror")).toHaveText("2,500");
});

/** The base64 sha384 that Trunk writes in `integrity` attributes. */
function integrity(file) {
  return `sha384-${crypto.createHash("sha384").update(fs.readFileSync(file)).digest("base64")}`;
}

/**
 * Turns the build in `dir` into the next build as a rebuild would make it: a changed string in
 * the page (index.html), in a hashed asset (the stylesheet, under a new hash) and in a language
 * file, then the service worker written again by the build's own step.
 */
function rebuild(dir) {
  const index = path.join(dir, "index.html");
  let html = fs.readFileSync(index, "utf8");
  html = html.replace("<title>Retention Lab</title>", "<title>Retention Lab (new build)</title>");

  const css = fs.readdirSync(dir).find((f) => /^main-[0-9a-f]{8,}\.css$/.test(f));
  const newCss = "main-0123456789abcdef.css";
  const text = fs.readFileSync(path.join(dir, css), "utf8");
  fs.writeFileSync(path.join(dir, newCss), `${text}\nhtml { --build-mark: new; }\n`);
  fs.rmSync(path.join(dir, css));
  // The built page is minified, so its attributes may be unquoted.
  html = html.replace(
    new RegExp(`href="?\\./${css}"? integrity="?[^" >]*"?`),
    `href="./${newCss}" integrity="${integrity(path.join(dir, newCss))}"`,
  );
  fs.writeFileSync(index, html);

  const vi = path.join(dir, "i18n", "vi.txt");
  const lines = fs.readFileSync(vi, "utf8").split("\n");
  const at = lines.findIndex((l) => l.startsWith("app_title = "));
  lines[at] = "app_title = Retention Lab, bản mới";
  fs.writeFileSync(vi, lines.join("\n"));

  const step = spawn("bash", [path.join(ROOT, "scripts", "service-worker.sh")], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_SOURCE_DIR: ROOT },
    stdio: "ignore",
  });
  return new Promise((resolve, reject) =>
    step.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`service-worker.sh: ${code}`)))),
  );
}

const buildMark = (page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--build-mark").trim());

test("a new build shows on the next load, and offline after that", async ({ page }) => {
  const dir = copyOfBuild();
  const server = await serve(dir);
  await openAt(page, server.url);
  await page.getByTestId("language-select").selectOption("vi");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());
  expect(await page.title()).toBe("Retention Lab");

  await rebuild(dir);
  await page.reload();
  // The first load after the rebuild already shows it: the page, its new stylesheet and the
  // changed string, with nothing left over from the old build.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Retention Lab, bản mới");
  // The page's title is the app's name in the language shown, from the new language file (the
  // new page's <title> shows only until the app writes its own).
  await expect(page).toHaveTitle("Retention Lab, bản mới");
  expect(await buildMark(page)).toBe("new");

  // The new worker takes over and keeps only the new build.
  await expect.poll(() => page.evaluate(() => caches.keys())).not.toEqual(before);
  await expect.poll(async () => (await page.evaluate(() => caches.keys())).length).toBe(1);
  await controlled(page);

  await server.stop();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Retention Lab, bản mới");
  await expect(page).toHaveTitle("Retention Lab, bản mới");
  expect(await buildMark(page)).toBe("new");
});
