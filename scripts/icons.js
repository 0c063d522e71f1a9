// Renders the app icons in public/icons from icon.svg with Chromium (run once after changing
// the SVG; the PNGs are committed): node scripts/icons.js
const path = require("path");
const fs = require("fs");
const { chromium } = require("@playwright/test");

const dir = path.join(__dirname, "..", "public", "icons");
const svg = fs.readFileSync(path.join(dir, "icon.svg"), "utf8");

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: path.join(dir, `icon-${size}.png`) });
    await page.close();
  }
  await browser.close();
})();
