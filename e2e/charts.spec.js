// Charts: present and not blank, redrawn when an input changes, sharp at the device pixel
// ratio, following the container and the colour scheme, captions and data tables in words,
// SVG and PNG downloads, user labels that stay text, a wide heatmap on a phone.
const fs = require("fs");
const { test, expect, openApp, showView } = require("./fixtures");

const chart = (page, kind) => page.getByTestId(`chart-${kind}`);
const draws = async (page, kind) => Number((await chart(page, kind).getAttribute("data-draws")) || 0);

/** Waits until the chart has been drawn more than `after` times. */
async function drawnAfter(page, kind, after = 0) {
  await expect.poll(() => draws(page, kind)).toBeGreaterThan(after);
}

/** The main canvas: its size, the share of pixels that differ from its background, a digest. */
async function inspect(page, kind) {
  return chart(page, kind)
    .locator("canvas.chart-canvas")
    .evaluate((c) => {
      const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      const [r0, g0, b0] = data;
      let inked = 0;
      let hash = 0;
      for (let i = 0; i < data.length; i += 4) {
        const d = Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0);
        if (d > 60) inked++;
        hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
      }
      const box = c.getBoundingClientRect();
      return {
        width: c.width,
        height: c.height,
        cssWidth: box.width,
        background: [r0, g0, b0],
        inked: inked / (data.length / 4),
        hash,
      };
    });
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(page, kind, what) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    chart(page, kind).getByTestId(`chart-download-${what}`).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

async function loadSample(page) {
  await page.getByRole("button", { name: "Load sample" }).click();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
}

/** Transactions: `months` monthly cohorts of 20 customers, each active for a while. */
function cohortFile(months) {
  const lines = ["customer_id,date"];
  for (let m = 0; m < months; m++) {
    for (let c = 0; c < 20; c++) {
      const stays = (c * 7 + m) % (months - m + 1);
      for (let k = 0; k <= stays; k++) {
        const month = m + k;
        lines.push(`c${m}-${c},${2020 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-10`);
      }
    }
  }
  return lines.join("\n") + "\n";
}

async function upload(page, name, text) {
  await page.getByLabel("Upload CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
}

test("the projection chart draws each scenario and says it in words", async ({ page }) => {
  await openApp(page, "compounding");
  await drawnAfter(page, "projection");
  const first = await inspect(page, "projection");
  expect(first.inked).toBeGreaterThan(0.01);
  expect(first.background).toEqual([255, 255, 255]);
  await expect(chart(page, "projection").getByTestId("chart-caption")).toHaveText(
    "Over 7 years: Keeps 90% grows to 1.949x; Keeps 80% stays at 1.000x.",
  );
  await expect(chart(page, "projection").locator("canvas.chart-canvas")).toHaveAttribute("role", "img");
  await expect(chart(page, "projection").locator("canvas.chart-canvas")).toHaveAccessibleName(/grows to 1\.949x/);

  const before = await draws(page, "projection");
  await page.getByTestId("scenario-0").getByLabel("Retention (%)").fill("95");
  await drawnAfter(page, "projection", before);
  const changed = await inspect(page, "projection");
  expect(changed.hash).not.toBe(first.hash);
  await expect(chart(page, "projection").getByTestId("chart-caption")).toContainText("Keeps 90% grows to 2.660x");

  // A scenario with an error is named in the caption and left out of the picture.
  await page.getByTestId("scenario-1").getByLabel("Retention (%)").fill("abc");
  await expect(chart(page, "projection").getByTestId("chart-caption")).toContainText(
    "Keeps 80% is not drawn: its inputs have errors",
  );
});

test("the log axis redraws the lines and explains a base of zero", async ({ page }) => {
  await openApp(page, "compounding");
  await drawnAfter(page, "projection");
  const linear = await inspect(page, "projection");
  const before = await draws(page, "projection");
  await page.getByRole("radio", { name: "Log" }).check();
  await drawnAfter(page, "projection", before);
  expect((await inspect(page, "projection")).hash).not.toBe(linear.hash);
  await expect(chart(page, "projection").getByTestId("chart-note")).toBeHidden();
  await page.getByTestId("scenario-1").getByLabel("Retention (%)").fill("0");
  await page.getByTestId("scenario-1").getByLabel("Acquisition (%)").fill("0");
  await expect(chart(page, "projection").getByTestId("chart-note")).toHaveText(/no place on a log axis/);
  await page.getByRole("radio", { name: "Linear" }).check();
  await expect(chart(page, "projection").getByTestId("chart-note")).toBeHidden();
});

test.describe("on a high-density screen", () => {
  test.use({ deviceScaleFactor: 2 });

  test("canvases have two device pixels per CSS pixel and follow the container", async ({ page }) => {
    await openApp(page, "compounding");
    await drawnAfter(page, "projection");
    const wide = await inspect(page, "projection");
    expect(wide.width).toBe(Math.round(wide.cssWidth * 2));
    const before = await draws(page, "projection");
    await page.setViewportSize({ width: 600, height: 900 });
    await drawnAfter(page, "projection", before);
    await expect.poll(async () => (await inspect(page, "projection")).cssWidth).toBeLessThan(wide.cssWidth);
    const narrow = await inspect(page, "projection");
    expect(narrow.width).toBe(Math.round(narrow.cssWidth * 2));
    const view = await chart(page, "projection").locator(".chart-view").evaluate((v) => v.clientWidth);
    expect(Math.abs(narrow.cssWidth - view)).toBeLessThanOrEqual(1);
  });
});

test.describe("in the dark theme", () => {
  test.use({ colorScheme: "dark" });

  test("charts are drawn on a dark background", async ({ page }) => {
    await openApp(page, "compounding");
    await drawnAfter(page, "projection");
    const dark = await inspect(page, "projection");
    expect(dark.background).toEqual([0x1b, 0x20, 0x26]);
    expect(dark.inked).toBeGreaterThan(0.01);
    const before = await draws(page, "projection");
    await page.emulateMedia({ colorScheme: "light" });
    await drawnAfter(page, "projection", before);
    expect((await inspect(page, "projection")).background).toEqual([255, 255, 255]);
  });
});

test("Show data opens the chart's numbers as a table, by keyboard too", async ({ page }) => {
  await openApp(page, "compounding");
  const fig = chart(page, "projection");
  const toggle = fig.getByTestId("chart-data-toggle");
  await expect(toggle).toHaveText("Show data");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(fig.getByTestId("chart-data-table")).toHaveCount(0);
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(toggle).toHaveText("Hide data");
  const table = fig.getByTestId("chart-data-table");
  await expect(table.locator("thead th")).toHaveText(["Year", "Keeps 90%", "Keeps 80%"]);
  await expect(table.locator("tbody tr")).toHaveCount(8);
  await expect(table.locator("tbody tr").last().locator("th, td")).toHaveText(["7", "1,949 (1.949x)", "1,000 (1.000x)"]);
  await page.keyboard.press("Space");
  await expect(fig.getByTestId("chart-data-table")).toHaveCount(0);
});

test("charts download as valid SVG and PNG files", async ({ page }) => {
  await openApp(page, "compounding");
  await drawnAfter(page, "projection");
  const svg = await download(page, "projection", "svg");
  expect(svg.name).toBe("retention-lab-projection.svg");
  const text = svg.bytes.toString("utf8");
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: doc.documentElement.nodeName,
      texts: [...doc.querySelectorAll("text")].map((n) => n.textContent.trim()),
      lines: doc.querySelectorAll("polyline, path").length,
      width: Number(doc.documentElement.getAttribute("width")),
    };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe("svg");
  expect(parsed.texts).toContain("Keeps 90% 1.949x");
  expect(parsed.texts).toContain("Starting base");
  expect(parsed.lines).toBeGreaterThanOrEqual(2);
  expect(parsed.width).toBeGreaterThanOrEqual(760);

  const png = await download(page, "projection", "png");
  expect(png.name).toBe("retention-lab-projection.png");
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  // Twice the SVG's size in pixels.
  expect(png.bytes.readUInt32BE(16)).toBe(2 * parsed.width);
  // The PNG decodes, and is not blank.
  const inked = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) n++;
    return n / (d.length / 4);
  }, png.bytes.toString("base64"));
  expect(inked).toBeGreaterThan(0.01);
});

test("imported data gets the periods, churn and heatmap charts", async ({ page }) => {
  await openApp(page, "data");
  await loadSample(page);
  for (const kind of ["flows", "churn", "heatmap"]) {
    await drawnAfter(page, kind);
    expect((await inspect(page, kind)).inked, kind).toBeGreaterThan(0.01);
  }
  await expect(chart(page, "flows").getByTestId("chart-caption")).toHaveText(
    "6 periods from 2024-01 to 2024-06: 8 new and 6 lost customers, a net change of +4. " +
      "The biggest gain was +4 in 2024-01. The biggest loss was -1 in 2024-02.",
  );
  await expect(chart(page, "heatmap").getByTestId("chart-caption")).toContainText(
    "5 cohorts over 6 months; darker cells keep more of their customers. On average 75.0% of a cohort was still active one month later",
  );
  const svg = (await download(page, "heatmap", "svg")).bytes.toString("utf8");
  expect(svg).toContain(">\n100.0%\n<");
  expect(svg).toContain("Average");
  expect((await download(page, "flows", "png")).name).toBe("retention-lab-flows-month.png");

  // Quarters redraw every data chart.
  const before = await Promise.all(["flows", "churn", "heatmap"].map((k) => draws(page, k)));
  const hashes = await Promise.all(["flows", "churn", "heatmap"].map((k) => inspect(page, k)));
  await page.locator("#granularity-select").selectOption("quarter");
  for (const [i, kind] of ["flows", "churn", "heatmap"].entries()) {
    await drawnAfter(page, kind, before[i]);
    expect((await inspect(page, kind)).hash, kind).not.toBe(hashes[i].hash);
  }
});

test("the churn band is drawn for the default definition only, and the caption says why", async ({ page }) => {
  await openApp(page, "data");
  await loadSample(page);
  await drawnAfter(page, "churn");
  const fig = chart(page, "churn");
  await expect(fig.getByTestId("chart-caption")).toContainText("The shaded band is the 95% interval");
  const withBand = await inspect(page, "churn");
  await fig.getByTestId("chart-data-toggle").click();
  await expect(fig.getByTestId("chart-data-table").locator("thead th")).toHaveCount(4);
  const before = await draws(page, "churn");
  await page.getByRole("radio", { name: "Average customers" }).last().check();
  await drawnAfter(page, "churn", before);
  const without = await inspect(page, "churn");
  expect(without.inked).toBeLessThan(withBand.inked);
  await expect(fig.getByTestId("chart-caption")).toContainText("Churn: (lost + joined and left) / average customers");
  await expect(fig.getByTestId("chart-caption")).toContainText("The 95% interval is shown for the start definition only");
  await expect(fig.getByTestId("chart-data-table").locator("thead th")).toHaveCount(2);
});

test("a period named like markup stays text in charts, tables and files", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await openApp(page, "data");
  const evil = "<img src=x onerror=alert(1)>";
  await page.getByLabel("Paste CSV data").fill(`period,start,new,lost\n${evil},100,10,5\n2024-02,,12,8\n`);
  await page.getByRole("button", { name: "Use pasted data" }).click();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await showView(page, "compounding");
  await page.getByTestId("scenario-0").getByLabel("Scenario name").fill(evil);
  await drawnAfter(page, "projection");
  await showView(page, "data");
  for (const kind of ["flows", "churn"]) await drawnAfter(page, kind);
  await chart(page, "flows").getByTestId("chart-data-toggle").click();
  await expect(chart(page, "flows").getByTestId("chart-data-table").locator("tbody th").first()).toHaveText(evil);
  await expect(chart(page, "flows").getByTestId("chart-caption")).toContainText(`from ${evil} to 2024-02`);
  const svg = (await download(page, "flows", "svg")).bytes.toString("utf8");
  // The axis shortens long labels; what is there is escaped text.
  expect(svg).toContain("&lt;img src=x");
  expect(svg).not.toContain("<img");
  await showView(page, "compounding");
  await expect(chart(page, "projection").getByTestId("chart-caption")).toContainText(`${evil} grows to 1.949x`);
  const projectionSvg = (await download(page, "projection", "svg")).bytes.toString("utf8");
  expect(projectionSvg).not.toContain("<img");
  // Neither calculator that shows the name made an image of it.
  for (const route of ["compounding", "data"]) {
    await showView(page, route);
    expect(await page.locator("img[src='x']").count()).toBe(0);
  }
  expect(dialogs).toBe(0);
});

test("Persian and Vietnamese names are drawn with real glyphs", async ({ page }) => {
  await openApp(page, "compounding");
  await page.getByTestId("scenario-0").getByLabel("Scenario name").fill("رشد سریع");
  await page.getByTestId("scenario-1").getByLabel("Scenario name").fill("Tăng trưởng");
  await expect(chart(page, "projection").getByTestId("chart-caption")).toHaveText(
    "Over 7 years: رشد سریع grows to 1.949x; Tăng trưởng stays at 1.000x.",
  );
  // With the page's font stack, each text differs from the same number of missing-glyph boxes.
  const tofu = await page.evaluate(() => {
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (t) => {
      const c = document.createElement("canvas");
      c.width = 400;
      c.height = 60;
      const ctx = c.getContext("2d");
      ctx.font = `32px ${font}`;
      ctx.fillText(t, 10, 40);
      return c.toDataURL();
    };
    const missing = (n) => "\u{E000}".repeat(n);
    return ["رشد", "ưở", "ệ"].map((t) => draw(t) === draw(missing([...t].length)));
  });
  expect(tofu).toEqual([false, false, false]);
  const svg = (await download(page, "projection", "svg")).bytes.toString("utf8");
  expect(svg).toContain("رشد سریع");
  expect(svg).toContain("Tăng trưởng");
  expect(svg).toContain("Noto Sans Arabic");
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("a 36-month heatmap scrolls sideways with the cohort labels in view, and gives way to the table", async ({ page }) => {
    await openApp(page, "data");
    await upload(page, "cohorts.csv", cohortFile(36));
    await drawnAfter(page, "heatmap");
    const fig = chart(page, "heatmap");
    const view = fig.locator(".chart-view");
    const { scrollWidth, clientWidth } = await view.evaluate((v) => ({ scrollWidth: v.scrollWidth, clientWidth: v.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(clientWidth).toBeLessThanOrEqual(360);
    const pinned = fig.locator("canvas.chart-pinned");
    const before = await pinned.boundingBox();
    expect(before.width).toBeGreaterThan(30);
    // By keyboard: the view takes focus and the arrow keys scroll it.
    await view.focus();
    await expect(view).toBeFocused();
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => view.evaluate((v) => v.scrollLeft)).toBeGreaterThan(100);
    const after = await pinned.boundingBox();
    expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(1);
    // Too small to print shares: the note says so and the table is open.
    await expect(fig.getByTestId("chart-note")).toHaveText(/too small here to print their shares/);
    await expect(fig.getByTestId("chart-data-toggle")).toHaveAttribute("aria-expanded", "true");
    await expect(fig.getByTestId("chart-data-table").locator("tbody tr")).toHaveCount(37);
    await expect(fig.getByTestId("chart-data-table").locator("tbody tr").last().locator("th")).toHaveText("Average");
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test("a small heatmap keeps its shares in the cells", async ({ page }) => {
    await openApp(page, "data");
    await loadSample(page);
    await drawnAfter(page, "heatmap");
    await expect(chart(page, "heatmap").getByTestId("chart-note")).toBeHidden();
    await expect(chart(page, "heatmap").getByTestId("chart-data-toggle")).toHaveAttribute("aria-expanded", "false");
  });
});
