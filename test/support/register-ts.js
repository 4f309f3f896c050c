// Lets a plain `node` child process run the TypeScript sources (a real Backbone process that a test can kill):
// compiles each .ts file with swc as it is required, with the options of the jest transform.
const fs = require("node:fs");
const { transformSync } = require("@swc/core");

const options = {
    jsc: {
        parser: { syntax: "typescript", decorators: true, dynamicImport: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: "es2022",
        keepClassNames: true
    },
    module: { type: "commonjs" },
    sourceMaps: "inline"
};

require.extensions[".ts"] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, "utf8"), { ...options, filename });
    module._compile(code, filename);
};
