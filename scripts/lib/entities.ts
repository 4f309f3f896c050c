import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every entity class of the code base: the exports of all `*.entity` files under src/. */
export function loadAllEntities(): Function[] {
    const root = join(__dirname, "..", "..", "src");
    const found: Function[] = [];
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) walk(path);
            else if (/\.entity\.(js|ts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
                const exported = require(path) as Record<string, unknown>;
                for (const value of Object.values(exported)) if (typeof value === "function") found.push(value);
            }
        }
    };
    walk(root);
    return found;
}
