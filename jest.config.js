/** Small tests sit beside the code (src/**\/*.spec.ts); medium and end-to-end tests under test/. */
const swc = ["@swc/jest", require("./tools/swc/swc-options.cjs")];

module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/src", "<rootDir>/test"],
    testMatch: ["**/*.spec.ts"],
    // The tests against OpenStack Swift need it prepared first: `npm run test:s3-swift` (jest.swift.config.js).
    testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/swift/"],
    transform: { "^.+\\.(t|j|mj)s$": swc },
    // NestJS 12 and a few others ship ES modules only; compile them to CommonJS for jest.
    transformIgnorePatterns: [
        "/node_modules/(?!(@nestjs|@fastify|fastify|nestjs-pino|content-disposition|file-type|strtok3|token-types|uint8array-extras|@tokenizer)/)"
    ],
    moduleNameMapper: {
        // The clients are ES modules (relative imports end in .js) and the Connector client imports the App client by
        // its package name: the tests run both from their sources.
        "^@enmeshed-backbone/app-client$": "<rootDir>/clients/app/src/index.ts",
        "^(\\.{1,2}/.*)\\.js$": "$1"
    },
    moduleFileExtensions: ["ts", "js", "mjs", "json"],
    globalSetup: "<rootDir>/test/support/global-setup.ts",
    globalTeardown: "<rootDir>/test/support/global-teardown.ts",
    // jest's summary, then one plain closing line with the counts (test/support/closing-line-reporter.cjs).
    reporters: ["default", "<rootDir>/test/support/closing-line-reporter.cjs"],
    testTimeout: 60000,
    maxWorkers: 2
};
