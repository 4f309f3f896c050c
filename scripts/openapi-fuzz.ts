/**
 * Checks that openapi/consumer-api.json tells the truth: schemathesis generates requests for every operation from the
 * committed spec and sends them to a live Backbone started for the run, failing on server errors, undocumented status
 * codes or content types, and bodies or headers that do not match the spec.
 *
 *   npm run openapi:fuzz                                  # settings: tools/schemathesis/schemathesis.toml
 *   npm run openapi:fuzz -- --max-examples 50 --seed 7    # further schemathesis options
 *
 * Needs Python 3 (venv); schemathesis is installed into build/cache from tools/schemathesis/requirements.txt. The
 * Backbone runs with rate limits off (they would answer most generated requests 429) on a throw-away database.
 */
import { join } from "node:path";

import { startLiveBackbone } from "./lib/live-backbone";
import { CACHE_DIR, pythonEnvironment, ROOT, run, timed } from "./lib/toolchains";

const TOOLS = join(ROOT, "tools", "schemathesis");

async function main(): Promise<void> {
    const extra = process.argv.slice(2);
    if (extra[0] === "--") extra.shift();
    const venv = await timed("fuzz: schemathesis environment", () => pythonEnvironment("schemathesis", join(TOOLS, "requirements.txt")));
    const backbone = await timed("fuzz: start the Backbone", () => startLiveBackbone({ RATE_LIMIT_ENABLED: "false" }));
    try {
        await timed("fuzz: schemathesis", () =>
            run(
                join(venv, "bin", "schemathesis"),
                [
                    "--config-file",
                    join(TOOLS, "schemathesis.toml"),
                    "run",
                    join(ROOT, "openapi", "consumer-api.json"),
                    "--url",
                    backbone.url,
                    "--no-color",
                    ...extra
                ],
                {
                    show: true,
                    env: {
                        ...process.env,
                        BACKBONE_URL: backbone.url,
                        BACKBONE_CLIENT_ID: backbone.clientId,
                        BACKBONE_CLIENT_SECRET: backbone.clientSecret,
                        // Hypothesis keeps its scratch files here, not in the working tree.
                        HYPOTHESIS_STORAGE_DIRECTORY: join(CACHE_DIR, "hypothesis")
                    }
                }
            )
        );
    } finally {
        await backbone.stop();
    }
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
