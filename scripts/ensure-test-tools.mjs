// Run before `npm test`: the end-to-end tests drive the generated clients and the admin console (their own packages,
// see README), so their dependencies are installed on first use. Later runs find them in place and skip this.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const packages = ["tools/openapi", "clients", "admin-console"];
const missing = packages.filter((dir) => !existsSync(`${dir}/node_modules`));
if (missing.length > 0) {
    process.stdout.write(`Installing the dependencies of ${missing.join(", ")} for the tests\n`);
    for (const dir of missing) execSync(`npm ci --prefix ${dir} --no-fund --no-audit`, { stdio: "inherit" });
}
