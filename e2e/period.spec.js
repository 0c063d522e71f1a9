const { test, expect, openApp, expectBadInput } = require("./fixtures");

const period = (page) => page.getByTestId("period-panel");

test.beforeEach(async ({ page }) => {
  await openApp(page, "period");
});

test("Telecom quarter preset shows the seed's figures", async ({ page }) => {
  const panel = period(page);
  await panel.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("churn")).toHaveText("\u2014");
  await panel.getByRole("button", { name: "Telecom quarter" }).click();
  await expect(panel.getByLabel("Customers at start")).toHaveValue("17,000,000");
  const expected = {
    end: "17,510,000",
    churn: "1.00%",
    "churn-low": "0.995%",
    "churn-high": "1.005%",
    retention: "99.00%",
    "gross-acquisition": "4.00%",
    "net-growth": "3.00%",
  };
  for (const [id, text] of Object.entries(expected)) {
    await expect(page.getByTestId(id), id).toHaveText(text);
  }
  await expect(panel).toContainText("170,000 / 17,000,000 = 1.00%");
  await expect(panel).toContainText("17,000,000 + 680,000 + 0 − 170,000 − 0 = 17,510,000");
});

test("churn definitions side by side with their spread, and the switch", async ({ page }) => {
  const panel = period(page);
  await panel.getByRole("button", { name: "Churn definitions example" }).click();
  await expect(page.getByTestId("end")).toHaveText("1,080");
  await expect(page.getByTestId("churn-start")).toHaveText("10.00%");
  await expect(page.getByTestId("churn-start-new")).toHaveText("10.00%");
  await expect(page.getByTestId("churn-average")).toHaveText("11.54%");
  await expect(page.getByTestId("churn-spread")).toHaveText("1.54 pp");
  await expect(page.getByTestId("churn")).toHaveText("10.00%");

  // Keyboard: arrow keys move through the radio group.
  await panel.getByRole("radio", { name: "Start (default)" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(panel.getByRole("radio", { name: "Average customers" })).toBeChecked();
  await expect(page.getByTestId("churn")).toHaveText("11.54%");
  await expect(page.getByTestId("churn-low")).toHaveCount(0);
  await expect(panel).toContainText("The 95% interval is shown for the start definition only");

  await panel.getByRole("radio", { name: "Start (default)" }).check();
  await expect(page.getByTestId("churn-low")).toHaveText("8.29%");
});

test("optional fields: empty means 0", async ({ page }) => {
  const panel = period(page);
  await panel.getByLabel("Customers at start").fill("1000");
  await panel.getByLabel("New customers").fill("200");
  await panel.getByLabel("Lost customers").fill("100");
  await panel.getByLabel("Returning customers").fill("");
  await panel.getByLabel("Joined and left").fill("");
  await expect(page.getByTestId("end")).toHaveText("1,100");
  await panel.getByLabel("Returning customers").fill("30");
  await expect(page.getByTestId("end")).toHaveText("1,130");
  await expect(page.getByTestId("net-growth")).toHaveText("13.00%");
});

const badInputs = [
  { label: "Customers at start", text: "", message: "Enter a whole number", blank: "churn" },
  { label: "New customers", text: "-680000", message: "cannot be negative", blank: "gross-acquisition" },
  { label: "Lost customers", text: "170k", message: "“k” (character 4) is not a digit", blank: "churn" },
  { label: "Lost customers", text: "20,000,000", message: "Cannot be more than “Customers at start” (17,000,000)", blank: "retention" },
  { label: "Returning customers", text: "1.5", message: "whole number of customers", blank: "end" },
  { label: "Joined and left", text: "700,000", message: "Cannot be more than “New customers” (680,000)", blank: "churn-average" },
];

for (const c of badInputs) {
  test(`bad input ${JSON.stringify(c.text)} in "${c.label}" is explained and kept`, async ({ page }) => {
    await expectBadInput(page, period(page), c);
  });
}

test("zero customers at start: rates undefined with the reason, end still computed", async ({ page }) => {
  const panel = period(page);
  await panel.getByLabel("Customers at start").fill("0");
  await panel.getByLabel("Lost customers").fill("0");
  await expect(page.getByTestId("end")).toHaveText("680,000");
  for (const id of ["churn", "retention", "gross-acquisition", "net-growth"]) {
    await expect(page.getByTestId(id)).toHaveText("\u2014");
    await expect(page.getByTestId(`${id}-why`)).toHaveText("Undefined because “Customers at start” is 0.");
  }
});
