// Ends the run with a plain "e2e: N passed, N failed" line that any CI log reader understands.
class SummaryReporter {
  constructor() {
    this.passed = 0;
    this.failed = 0;
    this.skipped = 0;
  }
  onTestEnd(test, result) {
    // Count each test once, by its final outcome.
    if (result.retry < test.retries && result.status !== "passed" && result.status !== "skipped") return;
    if (result.status === "passed") this.passed += 1;
    else if (result.status === "skipped") this.skipped += 1;
    else this.failed += 1;
  }
  onEnd() {
    const skipped = this.skipped ? `, ${this.skipped} skipped` : "";
    console.log(`e2e: ${this.passed} passed, ${this.failed} failed${skipped}`);
  }
  printsToStdio() {
    return false;
  }
}
module.exports = SummaryReporter;
