/**
 * Runs the hostile-input suite (test/hostile/hostile.spec.ts) with more cases than `npm test` does:
 *
 *   npm run test:hostile -- --runs 50000 [--seed 1234]
 *
 * It prints the same summary (cases run, status counts, the process-integrity result) and fails like the suite does.
 */
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const env = { ...process.env };
for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split("=", 2);
    const value = inline ?? args[++i];
    if (name === "--runs" && /^\d+$/.test(value ?? "")) env.HOSTILE_RUNS = value;
    else if (name === "--seed" && /^\d+$/.test(value ?? "")) env.HOSTILE_SEED = value;
    else {
        process.stderr.write(`usage: npm run test:hostile -- [--runs N] [--seed N]\n`);
        process.exit(2);
    }
}
const result = spawnSync("npx", ["jest", "test/hostile/hostile.spec.ts", "--runInBand"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
