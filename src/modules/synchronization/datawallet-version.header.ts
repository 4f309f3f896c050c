import { applyDecorators, createParamDecorator, type ExecutionContext } from "@nestjs/common";
import { ApiHeader } from "@nestjs/swagger";

import { ValidationError } from "../../core/errors/errors";

export const DATAWALLET_VERSION_HEADER = "x-supported-datawallet-version";

/** The datawallet version the client understands; a missing header counts as 0. */
export function parseSupportedDatawalletVersion(raw: string | string[] | undefined): number {
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value === undefined || value === "") return 0;
    if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
        throw new ValidationError("'X-Supported-Datawallet-Version': must be an integer between 0 and 65535.");
    }
    return Number(value);
}

/** Injects the parsed `X-Supported-Datawallet-Version` header. */
export const SupportedDatawalletVersion = createParamDecorator((_data: unknown, context: ExecutionContext): number =>
    parseSupportedDatawalletVersion(
        context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[DATAWALLET_VERSION_HEADER]
    )
);

/** Documents the header on an operation. */
export function ApiDatawalletVersionHeader(): MethodDecorator {
    return applyDecorators(
        ApiHeader({
            name: "X-Supported-Datawallet-Version",
            required: false,
            description: "The highest datawallet version the client supports (missing = 0).",
            schema: { type: "integer", minimum: 0, maximum: 65535 }
        })
    );
}
