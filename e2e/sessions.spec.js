// Sessions: every panel's inputs saved in the browser's storage and put back on reload, and the
// storage faults the page survives without losing what the user typed.
const fs = require("fs");
const { test, expect, openApp, showView, escapeRegExp, embedInBlog } = require("./fixtures");

/** The stored session the page has open, parsed, or null. */
async function storedSession(page) {
  return page.evaluate(() => {
    const id = localStorage.getItem("retention-lab.open");
    const text = id && localStorage.getItem(`retention-lab.session.${id}`);
    return text ? JSON.parse(text) : null;
  });
}

/** Waits until the stored session's panel `key` has `member` equal to `value`. */
async function expectStored(page, key, member, value) {
  await expect
    .poll(async () => {
      const s = await storedSession(page);
      return s && s.panels[key] && s.panels[key][member];
    })
    .toEqual(value);
}

async function downloadText(page, testid) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), "utf8") };
}

test("a reload puts back every panel's inputs", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("ror-panel").getByLabel("Total customers").fill("12,345");
  await showView(page, "period");
  await page.locator("#period-start").fill("777");
  await page.getByTestId("period-panel").locator('input[name="churn-definition"][value="average"]').check();
  const projection = page.getByTestId("projection-panel");
  await showView(page, "compounding");
  await projection.getByRole("button", { name: "Add scenario" }).click();
  await projection.locator('input[name="projection-unit"][value="months"]').check();
  await showView(page, "winback");
  await page.locator("#winback-dormant").fill("4,321");
  const funnel = page.getByTestId("funnel-panel");
  await showView(page, "funnel");
  await funnel.getByRole("button", { name: "Add stage" }).click();
  await showView(page, "forecast");
  await page.locator("#sbg-counts-0").fill("1000 800 700 650 620");
  const ltv = page.getByTestId("ltv-panel");
  await showView(page, "ltv");
  await page.locator("#ltv-unit").selectOption("months");
  await showView(page, "conversion");
  await page.locator('input[name="conversion-unit"][value="years"]').check();

  // Each change is saved shortly after it is made. A save may come between two of the
  // changes above, so the session is read once the last change is stored.
  await expectStored(page, "conversion", "unit", "years");
  await expectStored(page, "ror", "total", "12,345");
  await expectStored(page, "winback", "dormant", "4,321");
  const before = await storedSession(page);
  expect(before.version).toBe(1);
  expect(before.panels.projection.scenarios).toHaveLength(3);
  expect(before.panels.projection.unit).toBe("months");
  await expectStored(page, "sbg", "fit_periods", before.panels.sbg.fit_periods);
  await expect.poll(async () => (await storedSession(page)).panels.sbg.cohorts[0].counts).toBe("1000 800 700 650 620");
  await expect.poll(async () => (await storedSession(page)).panels.funnel.length).toBe(6);
  await showView(page, "ltv");
  const ltvChurn = await ltv.locator("#ltv-churn").inputValue();
  await showView(page, "compounding");
  const projectionHorizon = await page.locator("#projection-horizon").inputValue();

  // A reload opens the calculator shown (here the compounding one); each shows what it held.
  await page.reload();
  await expect(projection).toBeVisible();
  await showView(page, "ror");
  await expect(page.getByTestId("ror-panel").getByLabel("Total customers")).toHaveValue("12,345");
  await showView(page, "period");
  await expect(page.locator("#period-start")).toHaveValue("777");
  await expect(page.getByTestId("period-panel").locator('input[name="churn-definition"][value="average"]')).toBeChecked();
  await showView(page, "compounding");
  await expect(projection.locator('input[name="projection-unit"][value="months"]')).toBeChecked();
  await expect(page.locator("#projection-horizon")).toHaveValue(projectionHorizon);
  await expect(projection.locator("fieldset.scenario")).toHaveCount(3);
  await showView(page, "winback");
  await expect(page.locator("#winback-dormant")).toHaveValue("4,321");
  await expect(page.getByTestId("winback-low")).toHaveText("1,080");
  await showView(page, "funnel");
  await expect(funnel.locator("li.stage")).toHaveCount(6);
  await showView(page, "forecast");
  await expect(page.locator("#sbg-counts-0")).toHaveValue("1000 800 700 650 620");
  await showView(page, "ltv");
  await expect(page.locator("#ltv-unit")).toHaveValue("months");
  await expect(ltv.locator("#ltv-churn")).toHaveValue(ltvChurn);
  await showView(page, "conversion");
  await expect(page.locator('input[name="conversion-unit"][value="years"]')).toBeChecked();
  // Saving works, so the page says nothing about it.
  await expect(page.locator(".session-notice")).toHaveCount(0);
});

test.describe("storage that refuses access (a private window)", () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
  });

  test("the page works in memory, says so, and offers the session as a file", async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId("storage-unavailable")).toContainText("does not let the page save");
    await page.getByTestId("ror-panel").getByLabel("Total customers").fill("20,000");
    await expect(page.getByTestId("ror-panel").getByLabel("Total customers")).toHaveValue("20,000");
    await expect(page.getByTestId("jackson-ror")).toHaveText("1.75%");
    const file = await downloadText(page, "download-session");
    expect(file.name).toBe("retention-lab-session.json");
    const session = JSON.parse(file.text);
    expect(session.format).toBe("retention-lab-session");
    expect(session.panels.ror.total).toBe("20,000");
  });
});

test.describe("storage that is full", () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith("retention-lab.session.")) {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        }
        return setItem.call(this, key, value);
      };
    });
  });

  test("says so, keeps every input, and offers the session as a file", async ({ page }) => {
    await openApp(page);
    await page.getByTestId("ror-panel").getByLabel("Total customers").fill("30,000");
    await expect(page.getByTestId("storage-full")).toContainText("storage is full");
    await expect(page.getByTestId("ror-panel").getByLabel("Total customers")).toHaveValue("30,000");
    const file = await downloadText(page, "download-session");
    expect(JSON.parse(file.text).panels.ror.total).toBe("30,000");
  });
});

test("damaged stored data is kept aside, the user is told and can download it", async ({ page }) => {
  await openApp(page);
  const damaged = '{"format":"retention-lab-session","version":1,"panels":{"ror":{"total":"5';
  await page.evaluate((text) => {
    localStorage.setItem("retention-lab.open", "old");
    localStorage.setItem("retention-lab.session.old", text);
  }, damaged);
  await page.reload();
  await expect(page.getByTestId("storage-damaged")).toContainText("could not be read");
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("retention-lab.quarantine.old."))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual([damaged]);
  const file = await downloadText(page, "download-damaged");
  expect(file.text).toBe(damaged);
  // The page goes on with a new session, saved beside what was kept.
  await page.getByTestId("ror-panel").getByLabel("Total customers").fill("40,000");
  await expectStored(page, "ror", "total", "40,000");
  expect(await page.evaluate(() => localStorage.getItem("retention-lab.open"))).not.toBe("old");
});

test("a session saved by a newer version is shown and never written over", async ({ page }) => {
  await openApp(page);
  const newer = JSON.stringify({
    format: "retention-lab-session",
    version: 99,
    id: "future",
    name: "From the future",
    created: 1,
    modified: 2,
    panels: { ror: { total: "50,000", helped: "1,000", repeat: "350" }, somethingNew: { x: 1 } },
  });
  await page.evaluate((text) => {
    localStorage.setItem("retention-lab.open", "future");
    localStorage.setItem("retention-lab.session.future", text);
  }, newer);
  await page.reload();
  await expect(page.getByTestId("storage-newer")).toContainText("newer version");
  await expect(page.getByTestId("storage-newer")).toContainText("99");
  await expect(page.getByTestId("ror-panel").getByLabel("Total customers")).toHaveValue("50,000");
  await page.getByTestId("ror-panel").getByLabel("Total customers").fill("60,000");
  await expect(page.getByTestId("jackson-ror")).toHaveText("0.58%");
  // Leaving the page writes anything pending at once; there must be nothing.
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  expect(await page.evaluate(() => localStorage.getItem("retention-lab.session.future"))).toBe(newer);
  // It is in "Export all sessions" too, as far as this version reads it.
  await page.getByTestId("new-session").click();
  const all = JSON.parse((await downloadText(page, "export-all")).text);
  expect(all.sessions.map((x) => x.name)).toContain("From the future");
});

test("two tabs: saving over the other tab's changes asks first, and either answer loses nothing", async ({ page, context }) => {
  await openApp(page);
  const total = (p) => p.getByTestId("ror-panel").getByLabel("Total customers");
  await total(page).fill("11,111");
  await expectStored(page, "ror", "total", "11,111");

  // A second tab opens the same session and changes it.
  const other = await context.newPage();
  await openApp(other);
  await expect(total(other)).toHaveValue("11,111");
  await total(other).fill("22,222");
  await expectStored(other, "ror", "total", "22,222");

  // The first tab changes something else: it asks before saving over the other tab.
  const questions = [];
  page.on("dialog", async (dialog) => {
    questions.push(dialog.message());
    await (questions.length === 1 ? dialog.dismiss() : dialog.accept());
  });
  await showView(page, "winback");
  await page.locator("#winback-dormant").fill("3,333");
  await expect(page.getByTestId("storage-changed-elsewhere")).toContainText("changed in another tab");
  expect(questions).toHaveLength(1);
  expect(questions[0]).toContain("changed in another tab");
  // Kept: the other tab's version in storage, this tab's inputs on its page.
  expect((await storedSession(page)).panels.ror.total).toBe("22,222");
  await showView(page, "ror");
  await expect(total(page)).toHaveValue("11,111");
  await showView(page, "winback");
  await expect(page.locator("#winback-dormant")).toHaveValue("3,333");

  // Asked again when the user saves deliberately, and this time saved over.
  await page.locator("#winback-dormant").fill("4,444");
  await page.getByTestId("save-now").click();
  await expectStored(page, "winback", "dormant", "4,444");
  expect(questions).toHaveLength(2);
  expect((await storedSession(page)).panels.ror.total).toBe("11,111");
  await expect(page.getByTestId("storage-changed-elsewhere")).toHaveCount(0);
  await other.close();
});

const total = (p) => p.getByTestId("ror-panel").getByLabel("Total customers");
const rows = (p) => p.getByTestId("session-row");

/** Opens the list of sessions if it is closed. */
async function showList(page) {
  const list = page.getByTestId("session-list");
  if ((await list.getAttribute("open")) === null) await list.locator("summary").click();
}

/** Waits until the open session is stored under `name`. */
async function expectStoredName(page, name) {
  await expect.poll(async () => (await storedSession(page))?.name).toBe(name);
}

test("sessions: rename, new, open, duplicate, delete and undo, and the last one reopens", async ({ page }) => {
  await openApp(page);
  const name = page.getByTestId("session-name");
  await expect(name).toHaveValue("My session");
  await total(page).fill("12,345");
  await name.fill("Q3 review");
  await expectStoredName(page, "Q3 review");
  await expectStored(page, "ror", "total", "12,345");

  // A new session starts from what the page shows on a first visit.
  await page.getByTestId("new-session").click();
  await expect(name).toHaveValue("My session");
  await expect(total(page)).not.toHaveValue("12,345");
  await name.fill("2025 plan");
  await total(page).fill("99,999");
  await expectStoredName(page, "2025 plan");
  await expectStored(page, "ror", "total", "99,999");

  await showList(page);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId("session-list").locator("summary")).toHaveText("All sessions (2)");
  // Last changed first, with the time it was changed, and the open one marked.
  await expect(rows(page).nth(0).locator("th")).toHaveText("2025 plan");
  await expect(rows(page).nth(0)).toHaveAttribute("aria-current", "true");
  await expect(rows(page).nth(1).locator("td").first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

  await page.getByRole("button", { name: "Open “Q3 review”" }).click();
  await expect(name).toHaveValue("Q3 review");
  await expect(total(page)).toHaveValue("12,345");
  await expect(page.getByTestId("jackson-ror")).toHaveText("2.84%");

  await page.getByTestId("duplicate-session").click();
  await expect(name).toHaveValue("Q3 review (copy)");
  await expect(total(page)).toHaveValue("12,345");
  await expect(rows(page)).toHaveCount(3);
  const copyId = await page.evaluate(() => localStorage.getItem("retention-lab.open"));

  // Deleting the open session opens the one changed last; Undo brings it back, open again.
  await page.getByRole("button", { name: "Delete “Q3 review (copy)”" }).click();
  await expect(page.getByTestId("session-deleted")).toContainText("Deleted “Q3 review (copy)”.");
  await expect(rows(page)).toHaveCount(2);
  await expect(name).not.toHaveValue("Q3 review (copy)");
  expect(await page.evaluate((id) => localStorage.getItem(`retention-lab.session.${id}`), copyId)).toBeNull();
  await page.getByTestId("undo-delete").click();
  await expect(rows(page)).toHaveCount(3);
  await expect(name).toHaveValue("Q3 review (copy)");
  await expect(total(page)).toHaveValue("12,345");
  await expect(page.getByTestId("session-deleted")).toHaveCount(0);

  // Deleting another session leaves the open one as it is.
  await page.getByRole("button", { name: "Delete “2025 plan”" }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(name).toHaveValue("Q3 review (copy)");

  await page.reload();
  await expect(name).toHaveValue("Q3 review (copy)");
  await expect(total(page)).toHaveValue("12,345");
});

test("session files: export one or all, import as new sessions, and a broken file is named where it breaks", async ({ page }, testInfo) => {
  await openApp(page);
  await total(page).fill("12,345");
  await page.getByTestId("session-name").fill("Class example 1");
  await expectStoredName(page, "Class example 1");
  await page.getByTestId("new-session").click();
  await page.getByTestId("session-name").fill("Class example 2");
  await total(page).fill("54,321");
  await expectStoredName(page, "Class example 2");

  const one = await downloadText(page, "export-session");
  expect(one.name).toBe("retention-lab-session.json");
  expect(JSON.parse(one.text)).toMatchObject({ format: "retention-lab-session", version: 1, name: "Class example 2" });
  const all = await downloadText(page, "export-all");
  expect(all.name).toBe("retention-lab-sessions.json");
  const bundle = JSON.parse(all.text);
  expect(bundle.format).toBe("retention-lab-sessions");
  expect(bundle.sessions.map((s) => s.name).sort()).toEqual(["Class example 1", "Class example 2"]);

  // Importing the file of both adds two new sessions beside the two it came from.
  const file = testInfo.outputPath("all.json");
  fs.writeFileSync(file, all.text);
  await page.getByTestId("import-session").setInputFiles(file);
  await expect(page.getByTestId("import-session-result")).toContainText("Sessions imported: 2.");
  await showList(page);
  await expect(rows(page)).toHaveCount(4);
  const ids = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("retention-lab.session.")));
  expect(new Set(ids).size).toBe(4);
  for (const s of bundle.sessions) expect(ids).toContain(`retention-lab.session.${s.id}`);
  // The first imported session is open.
  await expect(page.getByTestId("session-name")).toHaveValue(bundle.sessions[0].name);
  await expect(total(page)).toHaveValue(bundle.sessions[0].panels.ror.total);

  // A broken file changes nothing and says where it breaks.
  const broken = testInfo.outputPath("broken.json");
  fs.writeFileSync(broken, '{\n  "format": "retention-lab-session",\n  "version": 1,\n  "name": tru');
  await page.getByTestId("import-session").setInputFiles(broken);
  await expect(page.getByTestId("import-session-error")).toHaveText(
    "“broken.json” was not imported: line 4, column 14: this is not the JSON of a session file.",
  );
  await expect(rows(page)).toHaveCount(4);
  const newer = testInfo.outputPath("newer.json");
  fs.writeFileSync(newer, one.text.replace('"version":1', '"version":5'));
  await page.getByTestId("import-session").setInputFiles(newer);
  await expect(page.getByTestId("import-session-error")).toContainText("newer version of Retention Lab (data version 5)");
  await expect(rows(page)).toHaveCount(4);
});

test("two tabs: the other tab's new session appears in the list without a reload", async ({ page, context }) => {
  await openApp(page);
  await total(page).fill("11,111");
  await expectStored(page, "ror", "total", "11,111");
  await showList(page);
  await expect(rows(page)).toHaveCount(1);
  const other = await context.newPage();
  await openApp(other);
  await other.getByTestId("new-session").click();
  await other.getByTestId("session-name").fill("From the other tab");
  await expectStoredName(other, "From the other tab");
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole("rowheader", { name: "From the other tab" })).toBeVisible();
  await other.close();
});

test("without storage, the session list works in memory", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await openApp(page);
  await expect(page.getByTestId("storage-unavailable")).toBeVisible();
  await total(page).fill("20,000");
  await page.getByTestId("session-name").fill("Lesson");
  await page.getByTestId("new-session").click();
  await showList(page);
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole("button", { name: "Open “Lesson”" }).click();
  await expect(total(page)).toHaveValue("20,000");
});

test("share link: opens the same figures in another browser, which can save them as a new session", async ({ page, browser }) => {
  await openApp(page);
  await total(page).fill("20,000");
  await showView(page, "winback");
  await page.locator("#winback-dormant").fill("4,321");
  await page.getByTestId("session-name").fill("Shared «review»");
  await page.getByTestId("share-link").click();
  const link = await page.getByTestId("share-url").inputValue();
  // Made on the win-back calculator, the link opens on it.
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(index\.html)?#\/winback&s=[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThanOrEqual(8000);
  // Each figure, and the calculator that shows it.
  const figures = ["jackson-ror", "winback-low"];
  const views = { "jackson-ror": "ror", "winback-low": "winback" };
  const expected = [];
  for (const id of figures) {
    await showView(page, views[id]);
    expected.push(await page.getByTestId(id).textContent());
  }

  // Another browser: its own, empty storage.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const other = await context.newPage();
  const requests = [];
  other.on("request", (r) => requests.push(r.url()));
  await other.goto(link);
  await expect(other.getByTestId("winback-panel")).toBeVisible();
  await expect(other.getByTestId("shared-banner")).toBeVisible();
  await showView(other, "ror");
  await expect(total(other)).toHaveValue("20,000");
  await showView(other, "winback");
  await expect(other.locator("#winback-dormant")).toHaveValue("4,321");
  for (const [i, id] of figures.entries()) {
    await showView(other, views[id]);
    await expect(other.getByTestId(id)).toHaveText(expected[i]);
  }
  // The data never went to the server: no request carried it.
  expect(requests.filter((u) => u.includes("#") || u.includes("s="))).toEqual([]);
  // Nothing is stored until the user asks.
  await other.locator("#winback-dormant").fill("5,000");
  await other.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  expect(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("retention-lab.session.")))).toEqual([]);

  await other.getByTestId("save-shared").click();
  await expect(other.getByTestId("shared-banner")).toHaveCount(0);
  // The link's data leaves the address, which keeps the calculator shown.
  await expect.poll(() => other.evaluate(() => location.hash)).toBe("#/winback");
  const saved = await storedSession(other);
  expect(saved.name).toBe("Shared «review»");
  expect(saved.panels.ror.total).toBe("20,000");
  expect(saved.panels.winback.dormant).toBe("5,000");
  await other.reload();
  await expect(other.locator("#winback-dormant")).toHaveValue("5,000");
  await context.close();
});

test("share link: one too long is not offered, and a damaged one says why", async ({ page }) => {
  await openApp(page, "funnel");
  // Random letters do not compress: the link would be far over 8,000 characters.
  let x = 2463534242;
  const noise = Array.from({ length: 12000 }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return String.fromCharCode(97 + ((x >>> 0) % 26));
  }).join("");
  await page.getByTestId("funnel-panel").getByLabel("Stage name").first().fill(noise);
  await page.getByTestId("share-link").click();
  await expect(page.getByTestId("share-too-long")).toContainText("more than the 8,000");
  await expect(page.getByTestId("share-url")).toHaveCount(0);

  // A link pasted into the address bar of the open page opens it.
  await page.evaluate(() => (location.hash = "#s=abc*def"));
  await expect(page.getByTestId("link-error")).toHaveText(
    "This share link could not be opened: character 4 (“*”) cannot be part of a link. Ask for the link again, or for the session file.",
  );
  await page.goto("about:blank");
  await page.goto("./#s=AAAA");
  await expect(page.getByTestId("link-error")).toContainText("its data is damaged");
  // The page itself works as usual.
  await expect(page.getByTestId("shared-banner")).toHaveCount(0);
  await expect(page.getByTestId("jackson-ror")).toBeVisible();
});

/** `bytes` in base64url without padding, as the page writes a link's data. */
function base64url(bytes) {
  return Buffer.from(bytes).toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The page still works after a refused link: no shared session, and its figures follow input. */
async function expectPageWorks(page) {
  await expect(page.getByTestId("shared-banner")).toHaveCount(0);
  await expect(page.getByTestId("jackson-ror")).toBeVisible();
  const before = await page.getByTestId("ror").textContent();
  await page.getByTestId("ror-panel").getByLabel("Helped in the last 12 months").fill("7");
  await expect(page.getByTestId("ror")).not.toHaveText(before);
}

// docs/metrics.md §12: data longer than 16,000 characters is refused before it is decoded.
test("item 14: a link far longer than offered is refused before it is read", async ({ page }) => {
  // A bad first character would be reported if the data were read at all; the length is.
  const data = "*" + "A".repeat(16000);
  await page.goto(`./#s=${data}`);
  await expect(page.getByTestId("link-error")).toHaveText(
    "This share link could not be opened: it is 16,001 characters long, far more than the 8,000 of any link this page makes. Ask for the link again, or for the session file.",
  );
  await expectPageWorks(page);
});

// docs/metrics.md §12: decompression stops at 1,000,000 bytes of a session's text.
test("item 14: a link that inflates past 1 MB is refused", async ({ page }) => {
  const zlib = require("zlib");
  // 6 MB of zeros deflate to about 6 KB: a short link, well within the length bound.
  const data = base64url(zlib.deflateRawSync(Buffer.alloc(6_000_000), { level: 9 }));
  expect(data.length).toBeLessThan(8000);
  // Just over the cap is refused too; just under is read, and is then no session.
  const over = base64url(zlib.deflateRawSync(Buffer.alloc(1_000_001), { level: 9 }));
  const under = base64url(zlib.deflateRawSync(Buffer.alloc(1_000_000), { level: 9 }));
  const tooLarge =
    "This share link could not be opened: its data unpacks to more than 1 MB, far more than any shared session holds. Ask for the link again, or for the session file.";
  for (const [link, text] of [
    [over, tooLarge],
    [under, "it does not hold a session"],
    [data, tooLarge],
  ]) {
    await page.goto("about:blank");
    await page.goto(`./#s=${link}`);
    await expect(page.getByTestId("link-error")).toContainText(text);
  }
  await expectPageWorks(page);
});

test("embed: the dialog's snippet shows exactly one panel with the same figures in another browser", async ({ page, browser }) => {
  await openApp(page, "winback");
  await page.locator("#winback-dormant").fill("4,321");
  await page.getByTestId("embed").click();
  const dialog = page.getByTestId("embed-dialog");
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId("embed-panel")).toHaveValue("winback");
  const snippet = await page.getByTestId("embed-snippet").inputValue();
  const m = snippet.match(/^<iframe src="([^"]+)" title="Retention Lab: ([^"]+)" width="100%" height="(\d+)" style="[^"]+" loading="lazy"><\/iframe>$/);
  expect(m).not.toBeNull();
  const [, src, title, height] = m;
  expect(src).toMatch(/#embed=winback&(amp;)?s=/);
  expect(title).toBe(await page.getByTestId("winback-panel").locator("h2").textContent());
  expect(Number(height)).toBeGreaterThan(100);
  // Choosing another panel makes its snippet.
  await page.getByTestId("embed-panel").selectOption("ror");
  await expect(page.getByTestId("embed-snippet")).toHaveValue(/#embed=ror&amp;s=/);
  await page.getByTestId("embed-panel").selectOption("winback");
  await expect(page.getByTestId("embed-snippet")).toHaveValue(/#embed=winback&amp;s=/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  const { frame, context } = await embedInBlog(browser, snippet);
  await expect(frame.getByTestId("winback-low")).toHaveText(await page.getByTestId("winback-low").textContent());
  await expect(frame.locator("#winback-dormant")).toHaveValue("4,321");
  // Exactly one panel, no header and no session bar; a link to the full page.
  const visible = await frame.locator("section.panel").evaluateAll((els) => els.filter((e) => e.offsetParent !== null).map((e) => e.dataset.testid));
  expect(visible).toEqual(["winback-panel"]);
  await expect(frame.locator("h1")).toBeHidden();
  await expect(frame.getByTestId("embed-open")).toHaveAttribute("href", /#\/winback&s=[A-Za-z0-9_-]+$/);
  await frame.locator("#winback-dormant").fill("1,000");
  await expect(frame.getByTestId("winback-low")).toHaveText("250");
  // An embedded calculator stores nothing, even where the page's storage can be used.
  const direct = await context.newPage();
  const requested = [];
  direct.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await direct.goto(src.replaceAll("&amp;", "&"));
  await expect(direct.locator("#winback-dormant")).toHaveValue("4,321");
  await direct.locator("#winback-dormant").fill("2,000");
  await expect(direct.getByTestId("winback-low")).toHaveText("500");
  await direct.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  expect(await direct.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("retention-lab.session")))).toEqual([]);
  // It has no data panel to import with, so it does not load the import worker.
  expect(requested.some((p) => p.endsWith("/retention-lab.js") || p.includes("retention-lab-"))).toBe(true);
  expect(requested.filter((p) => p.includes("worker"))).toEqual([]);
  await context.close();
});

/** The session a share link holds, inflated as the page deflated it. */
function linkSession(link) {
  const data = link.split(/[#&]s=/)[1];
  const bytes = Buffer.from(data.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return JSON.parse(require("zlib").inflateRawSync(bytes).toString("utf8"));
}

const flowRows = (page) => page.getByTestId("flows-table").locator("tbody tr");

test("imported data is part of the session: a reload shows the same tables, and the period still switches", async ({ page }) => {
  await openApp(page, "data");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await page.getByTestId("period-select").selectOption("quarter");
  await expect(flowRows(page)).toHaveCount(2);
  const quarters = await flowRows(page).allTextContents();
  const summary = await page.getByTestId("import-summary").textContent();
  const sample = await page.getByTestId("paste-csv").inputValue();
  // The tables, the period, and the data (here the pasted sample, kept once).
  await expectStored(page, "data", "period", "quarter");
  const stored = (await storedSession(page)).panels.data;
  expect(JSON.stringify(stored.tables).length).toBeGreaterThan(100);
  expect(stored.raw_is_paste).toBe(true);
  expect(stored.paste).toBe(sample);
  await expect(page.getByTestId("raw-not-kept")).toHaveCount(0);

  // A share link leaves the data out, and keeps the other inputs.
  await showView(page, "ror");
  await total(page).fill("12,345");
  await expectStored(page, "ror", "total", "12,345");
  await page.getByTestId("share-link").click();
  const shared = linkSession(await page.getByTestId("share-url").inputValue());
  expect(Object.keys(shared.panels)).not.toContain("data");
  expect(shared.panels.ror.total).toBe("12,345");

  await page.reload();
  await expect(page.getByTestId("ror-panel")).toBeVisible();
  await showView(page, "data");
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId("import-summary")).toHaveText(summary);
  await expect(page.getByTestId("period-select")).toHaveValue("quarter");
  await expect(flowRows(page)).toHaveText(quarters);
  await expect(page.getByTestId("paste-csv")).toHaveValue(sample);
  await expect(page.getByTestId("chart-heatmap")).toBeVisible();
  await page.getByTestId("period-select").selectOption("month");
  await expect(flowRows(page)).toHaveCount(6);

  // A new session starts with no data; the first one still has its own.
  await page.getByTestId("share-link").click();
  await expect(page.getByTestId("share-url")).toBeVisible();
  await page.getByTestId("new-session").click();
  // The link made for the other session is not offered for this one.
  await expect(page.getByTestId("share-url")).toHaveCount(0);
  await expect(page.getByTestId("flows-table")).toHaveCount(0);
  await expect(page.getByTestId("paste-csv")).toHaveValue("");
  await page.getByTestId("session-list").locator("summary").click();
  await page.getByTestId("open-session").first().click();
  await expect(flowRows(page)).toHaveCount(6);

  // An uploaded file within the budget is kept as it was read.
  const file = require("path").join(__dirname, "data", "orders.csv");
  await page.getByLabel("Upload CSV").setInputFiles(file);
  await expect.poll(async () => (await storedSession(page)).panels.data.raw).toBe(fs.readFileSync(file, "utf8"));
});

test("data over the budget: the session keeps its tables for every period, not the data, and says so", async ({ page }) => {
  await openApp(page, "data");
  // 36,000 orders over 24 months: 936,017 bytes, over the 500,000 a session keeps.
  const lines = ["customer_id,date"];
  for (let i = 0; i < 36_000; i++) {
    const month = i % 24;
    lines.push(`customer-${String(i % 9000).padStart(5, "0")},${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`);
  }
  const text = `${lines.join("\n")}\n`;
  const size = Buffer.byteLength(text);
  expect(size).toBeGreaterThan(500_000);
  await page.getByLabel("Upload CSV").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  const note = page.getByTestId("raw-not-kept");
  await expect(note).toContainText(`${size.toLocaleString("en-US")} bytes`);
  await expect(note).toContainText("500,000 bytes");
  await expect.poll(async () => (await storedSession(page))?.panels.data?.size).toBe(size);
  const stored = (await storedSession(page)).panels.data;
  expect(stored.raw).toBeUndefined();
  expect(stored.raw_is_paste).toBeUndefined();
  await expect(flowRows(page)).toHaveCount(24);

  await page.reload();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await expect(note).toContainText(`${size.toLocaleString("en-US")} bytes`);
  await expect(flowRows(page)).toHaveCount(24);
  await page.getByTestId("period-select").selectOption("quarter");
  await expect(flowRows(page)).toHaveCount(8);
  await page.getByTestId("period-select").selectOption("year");
  // The data ends on 28 December, so 2024 is marked incomplete, as before the reload.
  await expect(flowRows(page).locator("th")).toHaveText(["2023", /^2024/]);
});

test.describe("in Tehran's time zone (UTC+3:30)", () => {
  test.use({ timezoneId: "Asia/Tehran" });

  test("the list shows when each session was created and last changed, in the user's time", async ({ page }) => {
    await openApp(page);
    await total(page).fill("12,345");
    await expectStored(page, "ror", "total", "12,345");
    const { created, modified } = await storedSession(page);
    expect(modified).toBeGreaterThan(created);
    const local = (ms) =>
      page.evaluate((t) => {
        const d = new Date(t);
        const two = (n) => String(n).padStart(2, "0");
        return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
      }, ms);
    await showList(page);
    await expect(page.getByTestId("session-list").locator("thead th")).toHaveText(["Name", "Created", "Last changed", "Actions"]);
    await expect(rows(page).first().locator("td")).toHaveText([await local(created), await local(modified), /Open now/]);
    // Not the time in UTC.
    const utc = new Date(created).toISOString().slice(0, 16).replace("T", " ");
    await expect(rows(page).first().locator("td").first()).not.toHaveText(utc);
  });
});

test("tables saved by another version of the page are read again from the data, or the page says it cannot", async ({ page }) => {
  await openApp(page, "data");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await expectStored(page, "data", "raw_is_paste", true);
  const rows = await flowRows(page).allTextContents();
  const stored = await storedSession(page);
  const write = (session) =>
    page.evaluate((s) => {
      localStorage.setItem(`retention-lab.session.${s.id}`, JSON.stringify(s));
    }, session);

  // Another format of the tables, with the data kept: read again, the same tables.
  const older = structuredClone(stored);
  older.panels.data.format = 0;
  older.panels.data.tables = "not the tables";
  await write(older);
  await page.reload();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "done");
  await expect(flowRows(page)).toHaveText(rows);
  await expect.poll(async () => (await storedSession(page)).panels.data.format).toBe(4);

  // Without the data, the page says it cannot show them.
  const bare = structuredClone(older);
  delete bare.panels.data.raw_is_paste;
  delete bare.panels.data.paste;
  await write(bare);
  await page.reload();
  await expect(page.getByTestId("import-summary")).toHaveAttribute("data-state", "error");
  await expect(page.getByTestId("import-summary")).toHaveText("The data saved in this session could not be read, so it is not shown. Import it again.");
  await expect(page.getByTestId("flows-table")).toHaveCount(0);
});

/**
 * Makes `localStorage.setItem` throw, once `failStorage` says so, the way a full or refusing
 * browser does: a DOMException named `QuotaExceededError` or `SecurityError`.
 */
async function breakableStorage(page) {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      const fail = window.storageFails;
      if (fail && String(key).startsWith(fail.prefix)) {
        throw new DOMException("Storage said no.", fail.name);
      }
      return setItem.call(this, key, value);
    };
  });
}

/** From now on, writes of keys starting with `prefix` fail with `name` (null: none fail). */
async function failStorage(page, name, prefix = "retention-lab.session.") {
  await page.evaluate(([n, p]) => {
    window.storageFails = n && { name: n, prefix: p };
  }, [name, prefix]);
}

/** The stored session `id`, parsed, or null. */
async function storedById(page, id) {
  return page.evaluate((key) => {
    const text = localStorage.getItem(`retention-lab.session.${key}`);
    return text ? JSON.parse(text) : null;
  }, id);
}

const openId = (page) => page.evaluate(() => localStorage.getItem("retention-lab.open"));
/** The list's row of the session named `name` (its "not saved" mark aside). */
const rowNamed = (page, name) =>
  rows(page).filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${escapeRegExp(name)}\\s*(not saved)?$`) }) });

/** A session "Lesson" with 11,111 customers, stored, and its id. */
async function storedLesson(page) {
  await openApp(page);
  await page.getByTestId("session-name").fill("Lesson");
  await total(page).fill("11,111");
  await expectStoredName(page, "Lesson");
  await expectStored(page, "ror", "total", "11,111");
  return openId(page);
}

/** The sessions "download-not-saved" offers, as [name, total] pairs. */
async function offeredNotSaved(page) {
  const file = await downloadText(page, "download-not-saved");
  expect(file.name).toBe("retention-lab-unsaved-sessions.json");
  return JSON.parse(file.text).sessions.map((s) => [s.name, s.panels.ror && s.panels.ror.total]);
}

test("item 11: opening another session while storage is full keeps the changes in memory, marked not saved, and offers them as a file", async ({ page }) => {
  await breakableStorage(page);
  const id = await storedLesson(page);
  await page.getByTestId("new-session").click();
  await page.getByTestId("session-name").fill("Other");
  await expectStoredName(page, "Other");
  await showList(page);
  await page.getByRole("button", { name: "Open “Lesson”" }).click();
  await expect(total(page)).toHaveValue("11,111");

  await failStorage(page, "QuotaExceededError");
  await total(page).fill("55,555");
  await expect(page.getByTestId("storage-full")).toBeVisible();
  await page.getByRole("button", { name: "Open “Other”" }).click();
  await expect(page.getByTestId("session-name")).toHaveValue("Other");
  await expect(rowNamed(page, "Lesson").getByTestId("not-saved")).toHaveText("not saved");
  await expect(rowNamed(page, "Other").getByTestId("not-saved")).toHaveCount(0);
  expect(await offeredNotSaved(page)).toEqual([["Lesson", "55,555"]]);
  expect((await storedById(page, id)).panels.ror.total).toBe("11,111");

  // Opened again, it has the changes; once storage takes them, they are saved.
  await page.getByRole("button", { name: "Open “Lesson”" }).click();
  await expect(total(page)).toHaveValue("55,555");
  await failStorage(page, null);
  await showView(page, "winback");
  await page.locator("#winback-dormant").fill("1,234");
  await expect.poll(async () => (await storedById(page, id)).panels.ror.total).toBe("55,555");
  await expect(page.getByTestId("not-saved")).toHaveCount(0);
  await expect(page.locator(".session-notice")).toHaveCount(0);
});

test("item 11: New session while storage refuses keeps the changes in memory, marked not saved, and offers them as a file", async ({ page }) => {
  await breakableStorage(page);
  const id = await storedLesson(page);
  await failStorage(page, "SecurityError");
  await total(page).fill("66,666");
  await expect(page.getByTestId("storage-refused")).toContainText("refused to save");
  await page.getByTestId("new-session").click();
  await expect(page.getByTestId("session-name")).toHaveValue("My session");
  await expect(total(page)).not.toHaveValue("66,666");
  await showList(page);
  await expect(rowNamed(page, "Lesson").getByTestId("not-saved")).toHaveText("not saved");
  expect(await offeredNotSaved(page)).toContainEqual(["Lesson", "66,666"]);
  expect((await storedById(page, id)).panels.ror.total).toBe("11,111");
  await page.getByRole("button", { name: "Open “Lesson”" }).click();
  await expect(total(page)).toHaveValue("66,666");
});

test("item 11: Duplicate while storage is full keeps the changes in memory, marked not saved, and offers them as a file", async ({ page }) => {
  await breakableStorage(page);
  const id = await storedLesson(page);
  await failStorage(page, "QuotaExceededError");
  await total(page).fill("77,777");
  await expect(page.getByTestId("storage-full")).toBeVisible();
  await page.getByTestId("duplicate-session").click();
  await expect(page.getByTestId("session-name")).toHaveValue("Lesson (copy)");
  await expect(total(page)).toHaveValue("77,777");
  await showList(page);
  await expect(rowNamed(page, "Lesson (copy)")).toHaveCount(1);
  await expect(rowNamed(page, "Lesson").getByTestId("not-saved")).toHaveText("not saved");
  expect(await offeredNotSaved(page)).toContainEqual(["Lesson", "77,777"]);
  expect((await storedById(page, id)).panels.ror.total).toBe("11,111");

  // Storage takes writes again: the next save writes the one kept in memory too.
  await failStorage(page, null);
  await total(page).fill("88,888");
  await expect.poll(async () => (await storedById(page, id))?.panels.ror.total).toBe("77,777");
  await expect(page.getByTestId("not-saved")).toHaveCount(0);
});

test("item 11: Import while the open session cannot be saved keeps its changes in memory, marked not saved, and offers them as a file", async ({ page }, testInfo) => {
  await breakableStorage(page);
  const id = await storedLesson(page);
  // Only the open session's writes fail: the imported ones are stored.
  await failStorage(page, "QuotaExceededError", `retention-lab.session.${id}`);
  await total(page).fill("99,999");
  await expect(page.getByTestId("storage-full")).toBeVisible();
  const file = testInfo.outputPath("class.json");
  const imported = { format: "retention-lab-session", version: 1, id: "x", name: "Imported", created: 1, modified: 2, panels: { ror: { total: "5,000" } } };
  fs.writeFileSync(file, JSON.stringify(imported));
  await page.getByTestId("import-session").setInputFiles(file);
  await expect(page.getByTestId("import-session-result")).toContainText("Sessions imported: 1.");
  await expect(page.getByTestId("session-name")).toHaveValue("Imported");
  await showList(page);
  await expect(rowNamed(page, "Lesson").getByTestId("not-saved")).toHaveText("not saved");
  expect(await offeredNotSaved(page)).toEqual([["Lesson", "99,999"]]);
  expect((await storedById(page, id)).panels.ror.total).toBe("11,111");
  await page.getByRole("button", { name: "Open “Lesson”" }).click();
  await expect(total(page)).toHaveValue("99,999");
});

test("item 13: undoing a delete asks before writing over what another tab saved since", async ({ page, context }) => {
  const id = await storedLesson(page);
  const other = await context.newPage();
  await openApp(other);
  await expect(total(other)).toHaveValue("11,111");
  await page.getByTestId("new-session").click();
  await showList(page);

  const questions = [];
  let answer = false;
  page.on("dialog", async (dialog) => {
    questions.push(dialog.message());
    await (answer ? dialog.accept() : dialog.dismiss());
  });
  // Deleted here; the other tab, which has it open, then saves a change.
  await page.getByRole("button", { name: "Delete “Lesson”" }).click();
  await expect(page.getByTestId("session-deleted")).toBeVisible();
  await total(other).fill("22,222");
  await expect.poll(async () => (await storedById(page, id))?.panels.ror.total).toBe("22,222");
  // Undo asks; refused, the other tab's version stays, and nothing is left to undo.
  await page.getByTestId("undo-delete").click();
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toBe("Another tab saved “Lesson” after it was deleted here. Put the deleted version back over that tab's changes? (Cancel keeps the other tab's version.)");
  await expect(page.getByTestId("session-deleted")).toHaveCount(0);
  expect((await storedById(page, id)).panels.ror.total).toBe("22,222");

  // Deleted again, written again there: this time the answer is yes.
  await page.getByRole("button", { name: "Delete “Lesson”" }).click();
  await expect(page.getByTestId("session-deleted")).toBeVisible();
  await total(other).fill("33,333");
  await expect.poll(async () => (await storedById(page, id))?.panels.ror.total).toBe("33,333");
  answer = true;
  await page.getByTestId("undo-delete").click();
  await expect.poll(async () => (await storedById(page, id))?.panels.ror.total).toBe("22,222");
  expect(questions).toHaveLength(2);
  await other.close();
});

test("item 16: the storage-full notice goes once a later save succeeds", async ({ page }) => {
  await breakableStorage(page);
  await storedLesson(page);
  await failStorage(page, "QuotaExceededError");
  await total(page).fill("12,000");
  await expect(page.getByTestId("storage-full")).toBeVisible();
  await failStorage(page, null);
  await total(page).fill("13,000");
  await expectStored(page, "ror", "total", "13,000");
  await expect(page.getByTestId("storage-full")).toHaveCount(0);
  // The same after a new session, whose first save succeeds.
  await failStorage(page, "QuotaExceededError");
  await total(page).fill("14,000");
  await expect(page.getByTestId("storage-full")).toBeVisible();
  await failStorage(page, null);
  await page.getByTestId("new-session").click();
  await expect(page.getByTestId("session-name")).toHaveValue("My session");
  await expect(page.locator(".session-notice")).toHaveCount(0);
  await showList(page);
  await page.getByRole("button", { name: "Open “Lesson”" }).click();
  await expect(total(page)).toHaveValue("14,000");
});

test("item 16: damaged sessions found in the list do not say a new session was started, and each can be downloaded", async ({ page }) => {
  await storedLesson(page);
  const damaged = ['{"format":"retention-lab-session","version":1,"panels":{', "not a session at all"];
  await page.evaluate((texts) => {
    texts.forEach((t, i) => localStorage.setItem(`retention-lab.session.bad${i}`, t));
  }, damaged);
  await page.reload();
  const notice = page.getByTestId("storage-damaged");
  await expect(notice).toContainText("the open session is as it was");
  await expect(notice).not.toContainText("started a new session");
  await expect(page.getByTestId("session-name")).toHaveValue("Lesson");
  await expect(total(page)).toHaveValue("11,111");
  const buttons = page.getByTestId("download-damaged");
  await expect(buttons).toHaveText(["Download damaged data 1", "Download damaged data 2"]);
  const files = [];
  for (let i = 0; i < 2; i++) {
    const [download] = await Promise.all([page.waitForEvent("download"), buttons.nth(i).click()]);
    files.push({ name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), "utf8") });
  }
  expect(files.map((f) => f.text).sort()).toEqual([...damaged].sort());
  expect(files.map((f) => f.name).sort()).toEqual(["retention-lab-damaged-data-1.txt", "retention-lab-damaged-data-2.txt"]);
});

test("item 16: after an import storage does not take, the page never says the first one is open", async ({ page }, testInfo) => {
  await breakableStorage(page);
  await storedLesson(page);
  await failStorage(page, "QuotaExceededError");
  const file = testInfo.outputPath("two.json");
  const one = (name) => ({ format: "retention-lab-session", version: 1, id: name, name, created: 1, modified: 2, panels: {} });
  fs.writeFileSync(file, JSON.stringify({ format: "retention-lab-sessions", version: 1, sessions: [one("A"), one("B")] }));
  await page.getByTestId("import-session").setInputFiles(file);
  await expect(page.getByTestId("import-session-error")).toHaveText(
    "“two.json” was not imported: the browser's storage is full, so none of its sessions could be stored; the open session stays as it was.",
  );
  await expect(page.getByTestId("import-session-result")).toHaveCount(0);
  await expect(page.getByText("the first one is open")).toHaveCount(0);
  await expect(page.getByTestId("session-name")).toHaveValue("Lesson");
  await expect(total(page)).toHaveValue("11,111");
  // Once storage takes a write again, what was said about the import is no longer true.
  await failStorage(page, null);
  await total(page).fill("11,112");
  await expectStored(page, "ror", "total", "11,112");
  await expect(page.getByTestId("import-session-error")).toHaveCount(0);
});

test("item 17: after Cancel on the other tab's changes, the page asks again only on a deliberate save or the other tab's next change", async ({ page, context }) => {
  await storedLesson(page);
  const other = await context.newPage();
  await openApp(other);
  await total(other).fill("22,222");
  await expectStored(other, "ror", "total", "22,222");

  const questions = [];
  let answer = false;
  page.on("dialog", async (dialog) => {
    questions.push(dialog.message());
    await (answer ? dialog.accept() : dialog.dismiss());
  });
  // Leaving the page writes at once what waits: a pause without waiting for one.
  const pause = () => page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await showView(page, "winback");
  await page.locator("#winback-dormant").fill("1");
  await pause();
  expect(questions).toHaveLength(1);
  await expect(page.getByTestId("storage-changed-elsewhere")).toBeVisible();
  // More changes and pauses: nothing is asked, nothing written.
  for (const dormant of ["2", "3"]) {
    await page.locator("#winback-dormant").fill(dormant);
    await pause();
  }
  expect(questions).toHaveLength(1);
  expect((await storedSession(page)).panels.ror.total).toBe("22,222");

  // The other tab changes the session again: the next pause asks once more.
  await total(other).fill("33,333");
  await expectStored(other, "ror", "total", "33,333");
  await page.locator("#winback-dormant").fill("4");
  await pause();
  expect(questions).toHaveLength(2);
  await page.locator("#winback-dormant").fill("5");
  await pause();
  expect(questions).toHaveLength(2);

  // Saved deliberately: asked, and saved over.
  answer = true;
  await page.getByTestId("save-now").click();
  await expectStored(page, "winback", "dormant", "5");
  expect(questions).toHaveLength(3);
  expect((await storedSession(page)).panels.ror.total).toBe("11,111");
  await expect(page.getByTestId("storage-changed-elsewhere")).toHaveCount(0);
  await other.close();
});

test("item 17: a rename in one tab shows in the other tab's name field, and saving there asks nothing", async ({ page, context }) => {
  await storedLesson(page);
  const other = await context.newPage();
  await openApp(other);
  await expect(other.getByTestId("session-name")).toHaveValue("Lesson");
  await other.getByTestId("session-name").fill("Lesson, renamed");
  await expectStoredName(other, "Lesson, renamed");
  await expect(page.getByTestId("session-name")).toHaveValue("Lesson, renamed");
  const questions = [];
  page.on("dialog", async (dialog) => {
    questions.push(dialog.message());
    await dialog.dismiss();
  });
  await showView(page, "winback");
  await page.locator("#winback-dormant").fill("7");
  await expectStored(page, "winback", "dormant", "7");
  expect(questions).toEqual([]);
  expect((await storedSession(page)).name).toBe("Lesson, renamed");
  await other.close();
});

/** `n` stored sessions named "Lesson 0001" to "Lesson n", the last one changed last. */
function lessons(n) {
  return Array.from({ length: n }, (_, i) => ({
    format: "retention-lab-session",
    version: 1,
    id: `lesson${String(i + 1).padStart(4, "0")}`,
    name: `Lesson ${String(i + 1).padStart(4, "0")}`,
    created: 1_700_000_000_000 + i,
    modified: 1_700_000_000_000 + i * 1000,
    panels: { ror: { total: `${i + 1},000` } },
  }));
}

/** Writes `list` into storage as an older build did: the sessions, and no index. */
async function storeAsBefore(page, list) {
  await page.evaluate((list) => {
    for (const s of list) localStorage.setItem(`retention-lab.session.${s.id}`, JSON.stringify(s));
  }, list);
}

/** The rows the list has drawn, as [place, name]. */
const drawn = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="session-row"]')].map((r) => [Number(r.dataset.index), r.querySelector("th").textContent]),
  );

test("item 15: with many sessions the list draws only a window of rows, yet every session can be reached", async ({ page }) => {
  const n = 600;
  await openApp(page);
  await storeAsBefore(page, lessons(n));
  await page.reload();
  await showList(page);
  await expect(page.getByTestId("session-list").locator("summary")).toHaveText("All sessions (600)");
  await expect(page.getByTestId("session-list").locator("table")).toHaveAttribute("aria-rowcount", "601");
  await expect(rows(page).first().locator("th")).toHaveText("Lesson 0600");
  const first = await rows(page).count();
  expect(first).toBeGreaterThan(10);
  expect(first).toBeLessThan(60);
  // The index was built from the sessions, once, and names every one.
  const index = await page.evaluate(() => JSON.parse(localStorage.getItem("retention-lab.index")));
  expect(index.sessions).toHaveLength(n);

  // Scrolling draws the rest, a window at a time: every session is reached, in its place.
  const scroller = page.getByTestId("session-scroll");
  const row = await rows(page).first().evaluate((r) => r.getBoundingClientRect().height);
  const seen = new Map();
  for (let at = 0; at < n; at += 20) {
    await scroller.evaluate((el, top) => (el.scrollTop = top), at * row);
    await expect(page.locator(`[data-testid="session-row"][data-index="${at}"]`)).toBeVisible();
    const now = await drawn(page);
    expect(now.length).toBeLessThan(60);
    for (const [i, name] of now) seen.set(i, name);
  }
  // And at the very end.
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator('[data-testid="session-row"][data-index="599"]')).toBeVisible();
  for (const [i, name] of await drawn(page)) seen.set(i, name);
  expect(seen.size).toBe(n);
  for (const [i, name] of seen) expect(name).toBe(`Lesson ${String(n - i).padStart(4, "0")}`);
  await expect(page.locator('[data-testid="session-row"][data-index="599"]')).toHaveAttribute("aria-rowindex", "601");

  // The keyboard reaches them too: End, Up, Home and Page Down move between the rows' buttons.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await page.getByRole("button", { name: "Open “Lesson 0600”" }).focus();
  await page.keyboard.press("End");
  await expect(page.getByRole("button", { name: "Open “Lesson 0001”" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("button", { name: "Open “Lesson 0002”" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Duplicate “Lesson 0002”" })).toBeFocused();
  await page.keyboard.press("Home");
  await expect(page.getByRole("button", { name: "Duplicate “Lesson 0600”" })).toBeFocused();
  await page.keyboard.press("PageDown");
  await expect(page.locator(":focus")).toHaveAccessibleName(/^Duplicate “Lesson 05\d\d”$/);
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("session-name")).toHaveValue("Lesson 0001");
  await expect(total(page)).toHaveValue("1,000");
  expect((await drawn(page)).length).toBeLessThan(60);
});

test("item 15: a damaged index is built again from the sessions, and no session is lost", async ({ page }) => {
  await openApp(page);
  await storeAsBefore(page, lessons(40));
  await page.evaluate(() => localStorage.setItem("retention-lab.index", '{"format":"retention-lab-index","version":1,"sessions":[["lesson0001"'));
  await page.reload();
  await showList(page);
  await expect(page.getByTestId("session-list").locator("summary")).toHaveText("All sessions (40)");
  const stored = await page.evaluate(() => ({
    sessions: Object.keys(localStorage).filter((k) => k.startsWith("retention-lab.session.")).length,
    index: JSON.parse(localStorage.getItem("retention-lab.index")).sessions.length,
  }));
  expect(stored).toEqual({ sessions: 40, index: 40 });
  // Deleting one keeps the index in step.
  await page.getByRole("button", { name: "Delete “Lesson 0040”" }).click();
  await expect(page.getByTestId("session-list").locator("summary")).toHaveText("All sessions (39)");
  const names = await page.evaluate(() => JSON.parse(localStorage.getItem("retention-lab.index")).sessions.map((e) => e[1]));
  expect(names).toHaveLength(39);
  expect(names).not.toContain("Lesson 0040");
});

test("item 15: a big import proceeds in steps, shows how far it has come, and stores every session", async ({ page }, testInfo) => {
  const n = 1300;
  await openApp(page);
  const file = testInfo.outputPath("many.json");
  fs.writeFileSync(file, JSON.stringify({ format: "retention-lab-sessions", version: 1, sessions: lessons(n) }));
  // Every state of the progress bar the page shows on the way.
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="import-session-progress"] progress');
      const text = document.querySelector('[data-testid="import-session-progress"] [role="status"]');
      if (bar) window.__progress.push([Number(bar.getAttribute("value")), Number(bar.getAttribute("max")), text.textContent]);
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  });
  await page.getByTestId("import-session").setInputFiles(file);
  await expect(page.getByTestId("import-session-result")).toContainText("Sessions imported: 1,300.");
  await expect(page.getByTestId("import-session-progress")).toHaveCount(0);
  const seen = await page.evaluate(() => window.__progress);
  const steps = [...new Set(seen.map(([value]) => value))];
  // Read 500 at a time (3 steps) and stored 250 at a time (6 steps), the page shown between.
  expect(steps.length).toBeGreaterThanOrEqual(8);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));
  expect(seen.every(([, max]) => max === 2 * n)).toBe(true);
  expect(seen.map(([, , text]) => text)).toContain("Reading the file’s sessions: 500 of 1,300");
  expect(seen.map(([, , text]) => text)).toContain("Saving the imported sessions: 250 of 1,300");
  const stored = await page.evaluate(() => ({
    sessions: Object.keys(localStorage).filter((k) => k.startsWith("retention-lab.session.")).length,
    index: JSON.parse(localStorage.getItem("retention-lab.index")).sessions.length,
  }));
  expect(stored.sessions).toBeGreaterThanOrEqual(n);
  expect(stored.index).toBe(stored.sessions);
  await showList(page);
  await expect(page.getByTestId("session-list").locator("summary")).toHaveText(`All sessions (${stored.sessions.toLocaleString("en")})`);
});

test("at 360 px the session list fits the screen, in English and in Persian", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openApp(page);
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "New session" }).click();
  await showList(page);
  const scroll = page.getByTestId("session-scroll");
  const fits = () => scroll.evaluate((el) => el.scrollWidth <= el.clientWidth);
  await expect(page.getByTestId("session-row").nth(1)).toBeVisible();
  expect(await fits()).toBe(true);
  // Every row's buttons are on screen, not off to the side.
  const box = await scroll.boundingBox();
  for (const button of await page.getByTestId("duplicate-row").all()) {
    const b = await button.boundingBox();
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
  }
  await page.getByTestId("language-select").selectOption("fa");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("session-list").locator("summary")).not.toContainText("All sessions");
  expect(await fits()).toBe(true);
});

test("opening a session keeps its time of last change: the list says when it was changed, not visited", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("ror-panel").getByLabel("Total customers").fill("11,111");
  await expectStored(page, "ror", "total", "11,111");
  const first = await storedSession(page);
  await page.getByRole("button", { name: "New session" }).click();
  await expect.poll(async () => (await storedSession(page))?.id).not.toBe(first.id);
  await showList(page);
  await page.getByRole("button", { name: `Open “${first.name}”` }).first().click();
  await expect.poll(async () => (await storedSession(page))?.id).toBe(first.id);
  // Leaving again writes whatever waits to be written: still the time of the change.
  await page.getByRole("button", { name: "New session" }).click();
  await expect.poll(async () => (await storedSession(page))?.id).not.toBe(first.id);
  const again = await page.evaluate((id) => JSON.parse(localStorage.getItem(`retention-lab.session.${id}`)), first.id);
  expect(again.modified).toBe(first.modified);
  expect(again.panels.ror.total).toBe("11,111");
});

test("a session whose name was cleared is still named in the list and in its buttons' labels", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("ror-panel").getByLabel("Total customers").fill("12,000");
  await page.getByTestId("session-name").fill("");
  await expectStoredName(page, "");
  await showList(page);
  const row = page.getByTestId("session-row").first();
  await expect(row.locator("th")).toHaveText("Session without a name");
  await expect(row.getByRole("button", { name: "Duplicate “Session without a name”" })).toBeVisible();
});

test("deleting a session by keyboard leaves the focus on Undo, and Undo on the list", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("ror-panel").getByLabel("Total customers").fill("12,000");
  await page.getByRole("button", { name: "New session" }).click();
  await page.getByTestId("ror-panel").getByLabel("Total customers").fill("13,000");
  await showList(page);
  await expect(page.getByTestId("session-row")).toHaveCount(2);
  await page.getByTestId("delete-session").last().focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("session-row")).toHaveCount(1);
  await expect(page.getByTestId("undo-delete")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("session-row")).toHaveCount(2);
  await expect(page.getByTestId("session-scroll")).toBeFocused();
});
