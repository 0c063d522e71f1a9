const { test, expect, openApp, expectBadInput } = require("./fixtures");

const ror = (page) => page.getByTestId("ror-panel");

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test("Seed example preset shows 2.857, the repeat share and Dean Jackson's ROR", async ({ page }) => {
  const panel = ror(page);
  await panel.getByRole("button", { name: "Clear" }).click();
  await expect(panel.getByLabel("Total customers")).toHaveValue("");
  await expect(page.getByTestId("ror")).toHaveText("\u2014");

  await panel.getByRole("button", { name: "Seed example" }).click();
  await expect(panel.getByLabel("Total customers")).toHaveValue("10,000");
  await expect(panel.getByLabel("Helped in the last 12 months")).toHaveValue("1,000");
  await expect(panel.getByLabel("Repeat or referral customers")).toHaveValue("350");
  await expect(page.getByTestId("ror")).toHaveText("2.857");
  await expect(page.getByTestId("repeat-share")).toHaveText("35.00%");
  await expect(page.getByTestId("jackson-ror")).toHaveText("3.50%");
  await expect(page.getByTestId("ror-seed-note")).toContainText("2.87");
  await expect(panel).toContainText("H / R");
  await expect(panel).toContainText("1,000 / 350 = 2.857");
  await expect(panel).toContainText("350 / 10,000 = 3.50%");
  await expect(panel).toContainText("H / R falls as more helped customers return");
});

test("own numbers in any notation give their figures and working", async ({ page }) => {
  const panel = ror(page);
  await panel.getByLabel("Total customers").fill("۲۰۰");
  await panel.getByLabel("Helped in the last 12 months").fill(" 100 ");
  await panel.getByLabel("Repeat or referral customers").fill("25");
  await expect(page.getByTestId("ror")).toHaveText("4.000");
  await expect(page.getByTestId("repeat-share")).toHaveText("25.00%");
  await expect(page.getByTestId("jackson-ror")).toHaveText("12.50%");
  await expect(panel).toContainText("100 / 25 = 4.000");
  await expect(page.getByTestId("ror-seed-note")).toHaveCount(0);
});

const badInputs = [
  { label: "Total customers", text: "", message: "Enter a whole number", blank: "jackson-ror" },
  { label: "Total customers", text: "-5", message: "cannot be negative", blank: "jackson-ror" },
  { label: "Helped in the last 12 months", text: "abc", message: "“a” (character 1) is not a digit", blank: "ror" },
  { label: "Helped in the last 12 months", text: "12.5", message: "whole number of customers", blank: "repeat-share" },
  { label: "Helped in the last 12 months", text: "20,000", message: "Cannot be more than “Total customers” (10,000)", blank: "ror" },
  { label: "Repeat or referral customers", text: "2000", message: "Cannot be more than “Helped in the last 12 months” (1,000)", blank: "ror" },
  { label: "Repeat or referral customers", text: "1 00", message: "separator at character 2 is out of place", blank: "jackson-ror" },
];

for (const c of badInputs) {
  test(`bad input ${JSON.stringify(c.text)} in "${c.label}" is explained and kept`, async ({ page }) => {
    await expectBadInput(page, ror(page), c);
  });
}

test("no repeat customers leaves H / R undefined and says why", async ({ page }) => {
  const panel = ror(page);
  await panel.getByLabel("Repeat or referral customers").fill("0");
  await expect(page.getByTestId("ror")).toHaveText("\u2014");
  await expect(page.getByTestId("ror-why")).toHaveText("Undefined because “Repeat or referral customers” is 0.");
  await expect(page.getByTestId("repeat-share")).toHaveText("0.00%");
});
