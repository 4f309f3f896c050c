import type supertest from "supertest";

/** Sends `request` expecting `status` and an error of code `code` in the platform envelope; returns the response. */
export async function expectError(request: supertest.Test, status: number, code: string): Promise<supertest.Response> {
    const response = await request.expect(status);
    expect(response.body.error.code).toBe(code);
    return response;
}
