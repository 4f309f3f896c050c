import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The committed OpenAPI document of an API (`openapi/<name>.json`), typed as far as the caller reads it. */
export function committedSpec<T>(name: "consumer-api" | "admin-api"): T {
    return JSON.parse(readFileSync(join(__dirname, "..", "..", "openapi", `${name}.json`), "utf8")) as T;
}

/** The HTTP methods of the operations in a path item (its other keys are parameters, summaries and the like). */
export const OPERATION_METHODS = ["get", "post", "put", "patch", "delete"];
