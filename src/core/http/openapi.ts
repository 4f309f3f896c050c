import { applyDecorators, type Type } from "@nestjs/common";
import {
    ApiBody,
    ApiConsumes,
    ApiExtraModels,
    ApiProduces,
    ApiProperty,
    ApiResponse,
    getSchemaPath,
    type OpenAPIObject
} from "@nestjs/swagger";

/** HTTP Basic client authentication of POST /connect/token (RFC 6749 §2.3.1), an alternative to the form's credentials. */
export const CLIENT_BASIC_SCHEME = "clientBasic";

type SchemaObject = Exclude<NonNullable<NonNullable<OpenAPIObject["components"]>["schemas"]>[string], { $ref: string }>;

export class QuotaExhaustion {
    @ApiProperty({ example: "NumberOfSentMessages" })
    metricKey!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    isExhaustedUntil!: string;
}

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
    @ApiProperty({ type: [QuotaExhaustion], nullable: true, description: "null except for quota errors" })
    data!: QuotaExhaustion[] | null;
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

export const UNAUTHORIZED_DESCRIPTION = "Missing, invalid or expired bearer token (empty body).";

const ERROR_DESCRIPTIONS: Record<number, string> = {
    400: "Invalid input or a violated rule; `error.code` tells which.",
    401: UNAUTHORIZED_DESCRIPTION,
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
                : ApiResponse({
                      status,
                      description: ERROR_DESCRIPTIONS[status] ?? "Error",
                      schema: { $ref: getSchemaPath(ErrorEnvelope) }
                  })
        )
    );
}

/** The form fields of a multipart upload; name the file field(s) in `files` (they become `format: binary`). */
export function ApiMultipartBody(fields: {
    files: string[];
    properties: Record<string, SchemaObject>;
    required?: string[];
}): MethodDecorator {
    const properties: Record<string, SchemaObject> = { ...fields.properties };
    for (const name of fields.files) properties[name] = { type: "string", format: "binary", description: "The file's (encrypted) bytes" };
    return applyDecorators(
        ApiConsumes("multipart/form-data"),
        ApiBody({ schema: { type: "object", properties, required: fields.required ?? Object.keys(properties) } })
    );
}

/** A raw binary response (no envelope), e.g. a file download. */
export function ApiBinaryResponse(description = "The bytes as stored"): MethodDecorator {
    return applyDecorators(
        ApiProduces("application/octet-stream"),
        ApiResponse({ status: 200, description, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } })
    );
}
