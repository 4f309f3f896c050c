// Lets a plain `node` child process run the TypeScript sources (a real Backbone process that a test can kill):
// compiles each .ts file with swc as it is required, with the build's options (tools/swc/swc-options.cjs), as the jest transform does.
const fs = require("node:fs");
const { transformSync } = require("@swc/core");

const options = require("../../tools/swc/swc-options.cjs");

require.extensions[".ts"] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, "utf8"), { ...options, filename });
    module._compile(code, filename);
};
