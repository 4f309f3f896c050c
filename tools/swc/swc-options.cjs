// The swc options of the build (`.swcrc`, used by `nest build`), for the places that compile the TypeScript sources
// as they load them: the jest transform and a test's child Backbone process (test/support/register-ts.js).
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const build = JSON.parse(readFileSync(join(__dirname, "..", "..", ".swcrc"), "utf8"));

/** The build's options with inline source maps (stack traces point into the .ts files); `.swcrc` is not looked up again. */
module.exports = { ...build, sourceMaps: "inline", swcrc: false };
