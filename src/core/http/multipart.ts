import type { Multipart } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";

import { ApiError, ErrorCode } from "../errors/errors";

/**
 * The parts of a multipart/form-data request. The parser reads the body as soon as iteration is set up, so a form
 * that ends inside a file part may have failed (and destroyed that part's stream, with its error already emitted)
 * before the consumer looks at the part; such a part is reported here as the 400 it is, instead of being handed on
 * as a stream that never ends.
 */
export async function* multipartParts(request: FastifyRequest): AsyncGenerator<Multipart> {
    if (typeof request.isMultipart !== "function" || !request.isMultipart()) {
        throw new ApiError(ErrorCode.inputCannotBeParsed, "The request must be multipart/form-data.");
    }
    for await (const part of request.parts()) {
        if (part.type === "file" && (part.file.errored || part.file.destroyed)) {
            throw new ApiError(ErrorCode.inputCannotBeParsed, "The multipart/form-data body is malformed.");
        }
        yield part;
    }
}
