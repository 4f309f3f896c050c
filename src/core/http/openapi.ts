import { applyDecorators, type Type } from "@nestjs/common";
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from "@nestjs/swagger";

export class ErrorDetails {
    @ApiProperty({ example: "ERRABCDEFGHJKLMNPQR" })
    id!: string;
    @ApiProperty({ example: "error.platform.recordNotFound" })
    code!: string;
    @ApiProperty()
    message!: string;
    @ApiProperty({ example: "" })
    docs!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    time!: string;
    @ApiProperty({ nullable: true, description: "null except for quota errors" })
    data!: unknown;
}

export class ErrorEnvelope {
    @ApiProperty({ type: ErrorDetails })
    error!: ErrorDetails;
}

export class PaginationDto {
    @ApiProperty({ type: "integer" })
    pageNumber!: number;
    @ApiProperty({ type: "integer" })
    pageSize!: number;
    @ApiProperty({ type: "integer" })
    totalPages!: number;
    @ApiProperty({ type: "integer" })
    totalRecords!: number;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
    400: "Invalid input or a violated rule; `error.code` tells which.",
    401: "Missing, invalid or expired bearer token (empty body).",
    403: "The caller may see the record but not do this to it.",
    404: "Not found, or not visible to the caller.",
    429: "A quota or rate limit is exhausted."
};

/** The `{result: T}` success envelope. */
export function ApiResult(type: Type<unknown> | [Type<unknown>], status = 200, description?: string): MethodDecorator {
    const model = Array.isArray(type) ? type[0] : type;
    const result = Array.isArray(type) ? { type: "array", items: { $ref: getSchemaPath(model) } } : { $ref: getSchemaPath(model) };
    return applyDecorators(
        ApiExtraModels(model, ErrorEnvelope),
        ApiResponse({
            status,
            description: description ?? "Success",
            schema: { type: "object", required: ["result"], properties: { result } }
        })
    );
}

/** The `{result: T[], pagination?}` envelope of paginated lists. */
export function ApiPagedResult(type: Type<unknown>): MethodDecorator {
    return applyDecorators(
        ApiExtraModels(type, PaginationDto, ErrorEnvelope),
        ApiResponse({
            status: 200,
            description: "One page; `pagination` is present only when there is more than one page.",
            schema: {
                type: "object",
                required: ["result"],
                properties: {
                    result: { type: "array", items: { $ref: getSchemaPath(type) } },
                    pagination: { $ref: getSchemaPath(PaginationDto) }
                }
            }
        })
    );
}

/** A void operation: 204 with an empty body. */
export function ApiNoContent(description = "Done"): MethodDecorator {
    return ApiResponse({ status: 204, description });
}

/** Error responses in the `{error}` envelope (401 has an empty body). */
export function ApiErrors(...statuses: number[]): MethodDecorator {
    return applyDecorators(
        ApiExtraModels(ErrorEnvelope),
        ...statuses.map((status) =>
            status === 401
                ? ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] })
                : ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] ?? "Error", schema: { $ref: getSchemaPath(ErrorEnvelope) } })
        )
    );
}
