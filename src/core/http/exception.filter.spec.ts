import { HttpException } from "@nestjs/common";

import { ServiceUnavailableError } from "../errors/errors";
import { isMalformedMultipart, renderError } from "./exception.filter";

describe("renderError", () => {
    it("makes every parser failure a 400 with a code", () => {
        for (const error of [
            new SyntaxError("Unexpected token"),
            new RangeError("Maximum call stack size exceeded"),
            new Error("Multipart: Boundary not found"),
            new Error("Unexpected end of multipart data"),
            new Error("Part terminated early due to unexpected end of multipart data"),
            Object.assign(new Error("bad url"), { code: "FST_ERR_BAD_URL", statusCode: 400 }),
            new HttpException("Unsupported Media Type", 415)
        ]) {
            const rendered = renderError(error);
            expect(rendered.status).toBe(400);
            expect((rendered.body as { error: { code: string } } | undefined)?.error.code).toBe("error.platform.inputCannotBeParsed");
        }
    });

    it("answers 503 with Retry-After while the database is unavailable", () => {
        for (const error of [Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), new ServiceUnavailableError()]) {
            const rendered = renderError(error);
            expect(rendered.status).toBe(503);
            expect(rendered.headers).toEqual({ "retry-after": "5" });
            expect((rendered.body as { error: { code: string } } | undefined)?.error.code).toBe("error.platform.serviceUnavailable");
        }
    });

    it("keeps unknown errors a 500 without details", () => {
        const rendered = renderError(new Error("secret internals"));
        expect(rendered.status).toBe(500);
        expect((rendered.body as { error: { message: string } } | undefined)?.error.message).toBe("An unexpected error occurred.");
        expect(isMalformedMultipart(new Error("secret internals"))).toBe(false);
    });
});
