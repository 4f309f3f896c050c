// Lets a plain `node` child process run the TypeScript sources (a real Backbone process that a test can kill):
// compiles each .ts file with swc as it is required, with the options of the jest transform.
const fs = require("node:fs");
const { transformSync } = require("@swc/core");

const options = require("./swc-options");

require.extensions[".ts"] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, "utf8"), { ...options, filename });
    module._compile(code, filename);
};
