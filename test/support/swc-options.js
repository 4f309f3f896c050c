// The swc options the TypeScript sources are compiled with in tests: by the jest transform (jest.config.js) and by the
// require hook of child processes (register-ts.js).
module.exports = {
    jsc: {
        parser: { syntax: "typescript", decorators: true, dynamicImport: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: "es2022",
        keepClassNames: true
    },
    module: { type: "commonjs" },
    sourceMaps: "inline"
};
