/** The S3 tests against OpenStack Swift (npm run test:s3-swift, after scripts/swift/prepare-swift.sh). */
const base = require("./jest.config");

module.exports = {
    ...base,
    roots: ["<rootDir>/test/swift"],
    testPathIgnorePatterns: ["/node_modules/"],
    maxWorkers: 1
};
