import type { TestApp } from "./test-app";

/**
 * Asks `/health/ready` until it answers `status` (a restarted server takes the pool a moment to notice, and the blob
 * store check is cached for a few seconds), every 200 ms, `attempts` times at the most; returns the last answer.
 */
export async function readinessBecomes(
    t: TestApp,
    status: number,
    attempts = 100
): Promise<{ status: number; body: { status: string; error?: Record<string, unknown> } }> {
    let response = await t.http.get("/health/ready");
    for (let attempt = 0; attempt < attempts && response.status !== status; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        response = await t.http.get("/health/ready");
    }
    return response;
}

/** The answer while a backing service is down: 503 with a Retry-After in seconds and the code serviceUnavailable. */
export function expectServiceUnavailable(response: {
    status: number;
    headers: Record<string, string>;
    body: { error?: { code?: string } };
}): void {
    expect(response.status).toBe(503);
    expect(response.headers["retry-after"]).toMatch(/^\d+$/);
    expect(response.body.error?.code).toBe("error.platform.serviceUnavailable");
}
