// Browser tests against the release build in dist/, served on 127.0.0.1, in Debian's Chromium.
const { defineConfig } = require("@playwright/test");

const PORT = Number(process.env.E2E_PORT || 4173);

module.exports = defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.js$/,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [["list"], ["./summary-reporter.js"]],
  outputDir: "../test-results",
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: "off",
    screenshot: "only-on-failure",
    // The service worker would answer requests that tests intercept or count; the offline
    // tests (offline.spec.js) turn it on for themselves.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ../dist`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "ignore",
  },
});
