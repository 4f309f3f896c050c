/**
 * The admin console's entry of generate-clients.mjs: admin-console/src/generated/admin-api.ts, the types of
 * openapi/admin-api.json (openapi-typescript), which the console uses with openapi-fetch.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import openapiTS, { astToString } from "openapi-typescript";

const HEADER =
    "/**\n * GENERATED from openapi/admin-api.json by `npm run clients` (tools/openapi/admin-console-types.mjs). Do not edit:\n" +
    " * change the admin controllers or DTOs, then regenerate.\n */\n\n";

/** The generated folder of the console (the generator owns every file in it). */
export function adminConsoleGeneratedDir(root) {
    return join(root, "admin-console", "src", "generated");
}

/** Map of file path → expected text. */
export async function adminConsoleFiles(root) {
    const ast = await openapiTS(pathToFileURL(join(root, "openapi", "admin-api.json")), { alphabetize: true });
    return new Map([[join(adminConsoleGeneratedDir(root), "admin-api.ts"), HEADER + astToString(ast)]]);
}
