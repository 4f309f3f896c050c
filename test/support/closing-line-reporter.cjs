/**
 * Ends a jest run with one plain line, `tests: N passed, N failed, N skipped`, after jest's own summary: the line any
 * reader of a run's log (a person, a CI parser) can take the outcome from without knowing jest's layout. jest calls
 * its summary reporter after the custom ones, so the line is written when the process exits.
 */
const { writeSync } = require("node:fs");

class ClosingLineReporter {
    onRunComplete(_contexts, results) {
        const skipped = results.numPendingTests + results.numTodoTests;
        const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
        const line = `tests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`;
        process.once("exit", () => writeSync(process.stdout.fd, line));
    }
}

module.exports = ClosingLineReporter;
