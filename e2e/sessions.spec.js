// Sessions: every panel's inputs saved in the browser's storage and put back on reload, and the
// storage faults the page survives without losing what the user typed.
const fs = require("fs");
const { test, expect, openApp } = require("./fixtures");

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
  await page.locator("#period-start").fill("777");
  await page.getByTestId("period-panel").locator('input[name="churn-definition"][value="average"]').check();
  const projection = page.getByTestId("projection-panel");
  await projection.getByRole("button", { name: "Add scenario" }).click();
  await projection.locator('input[name="projection-unit"][value="months"]').check();
  await page.locator("#winback-dormant").fill("4,321");
  const funnel = page.getByTestId("funnel-panel");
  await funnel.getByRole("button", { name: "Add stage" }).click();
  await page.locator("#sbg-counts-0").fill("1000 800 700 650 620");
  const ltv = page.getByTestId("ltv-panel");
  await page.locator("#ltv-unit").selectOption("months");
  await page.locator('input[name="conversion-unit"][value="years"]').check();

  // Each change is saved shortly after it is made.
  await expectStored(page, "ror", "total", "12,345");
  await expectStored(page, "winback", "dormant", "4,321");
  const before = await storedSession(page);
  expect(before.version).toBe(1);
  expect(before.panels.projection.scenarios).toHaveLength(3);
  expect(before.panels.projection.unit).toBe("months");
  await expectStored(page, "sbg", "fit_periods", before.panels.sbg.fit_periods);
  await expect.poll(async () => (await storedSession(page)).panels.sbg.cohorts[0].counts).toBe("1000 800 700 650 620");
  await expect.poll(async () => (await storedSession(page)).panels.funnel.length).toBe(6);
  const ltvChurn = await ltv.locator("#ltv-churn").inputValue();
  const projectionHorizon = await page.locator("#projection-horizon").inputValue();

  await page.reload();
  await expect(page.getByTestId("ror-panel").getByLabel("Total customers")).toHaveValue("12,345");
  await expect(page.locator("#period-start")).toHaveValue("777");
  await expect(page.getByTestId("period-panel").locator('input[name="churn-definition"][value="average"]')).toBeChecked();
  await expect(projection.locator('input[name="projection-unit"][value="months"]')).toBeChecked();
  await expect(page.locator("#projection-horizon")).toHaveValue(projectionHorizon);
  await expect(projection.locator("fieldset.scenario")).toHaveCount(3);
  await expect(page.locator("#winback-dormant")).toHaveValue("4,321");
  await expect(page.getByTestId("winback-low")).toHaveText("1,080");
  await expect(funnel.locator("li.stage")).toHaveCount(6);
  await expect(page.locator("#sbg-counts-0")).toHaveValue("1000 800 700 650 620");
  await expect(page.locator("#ltv-unit")).toHaveValue("months");
  await expect(ltv.locator("#ltv-churn")).toHaveValue(ltvChurn);
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
  await page.locator("#winback-dormant").fill("3,333");
  await expect(page.getByTestId("storage-changed-elsewhere")).toContainText("changed in another tab");
  expect(questions).toHaveLength(1);
  expect(questions[0]).toContain("changed in another tab");
  // Kept: the other tab's version in storage, this tab's inputs on its page.
  expect((await storedSession(page)).panels.ror.total).toBe("22,222");
  await expect(total(page)).toHaveValue("11,111");
  await expect(page.locator("#winback-dormant")).toHaveValue("3,333");

  // Asked again on the next change, and this time saved over.
  await page.locator("#winback-dormant").fill("4,444");
  await expectStored(page, "winback", "dormant", "4,444");
  expect(questions).toHaveLength(2);
  expect((await storedSession(page)).panels.ror.total).toBe("11,111");
  await expect(page.getByTestId("storage-changed-elsewhere")).toHaveCount(0);
  await other.close();
});
