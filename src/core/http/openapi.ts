import { applyDecorators, type Type } from "@nestjs/common";
import {
    ApiBody,
    ApiConsumes,
    ApiExtraModels,
    ApiProperty,
    type ApiPropertyOptions,
    ApiResponse,
    getSchemaPath,
    type OpenAPIObject
} from "@nestjs/swagger";

/** HTTP Basic client authentication of POST /connect/token (RFC 6749 §2.3.1), an alternative to the form's credentials. */
export const CLIENT_BASIC_SCHEME = "clientBasic";

export type SchemaObject = Exclude<NonNullable<NonNullable<OpenAPIObject["components"]>["schemas"]>[string], { $ref: string }>;

/**
 * The `format` of byte fields. Not `byte`: generators decode `format: byte` as standard base64 with padding (Java's
 * Jackson rejects `-`, `_` and missing padding), while the Backbone writes base64url without padding. A format they do
 * not know leaves the field a plain string in every language, which the caller encodes and decodes with its base64url
 * codec; `pattern` and the lengths tell what the string may hold.
 */
export const BYTES_FORMAT = "base64url";

/**
 * What the Backbone decodes as bytes: base64 or base64url (one alphabet, not both), padding optional, and no length
 * that leaves a single character over.
 */
export const BYTES_INPUT_PATTERN = "^(?:(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2,3})?|(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?)={0,2}$";

/** Schema of a byte field in a response: base64url without padding. */
export function bytesOutputSchema(description?: string): SchemaObject {
    return {
        type: "string",
        format: BYTES_FORMAT,
        pattern: "^[A-Za-z0-9_-]*$",
        description: [description, "Base64url without padding."].filter(Boolean).join(" ")
    };
}

/**
 * Schema of a byte field in a request: base64url or standard base64, padding optional, `minBytes..maxBytes` once
 * decoded. The length bounds are the loosest ones such strings can have (`maxLength` allows for padding).
 */
export function bytesInputSchema(minBytes: number, maxBytes: number, description?: string): SchemaObject {
    return {
        type: "string",
        format: BYTES_FORMAT,
        pattern: BYTES_INPUT_PATTERN,
        minLength: Math.ceil((minBytes * 4) / 3),
        maxLength: Math.ceil(maxBytes / 3) * 4,
        description: [description, `Base64url or base64 (padding optional); ${minBytes}..${maxBytes} bytes once decoded.`]
            .filter(Boolean)
            .join(" ")
    };
}

/** A byte field of a response DTO (base64url without padding), optionally nullable. */
export function ApiBytesProperty(options: { nullable?: boolean; description?: string } = {}): PropertyDecorator {
    return ApiProperty({
        ...bytesOutputSchema(options.description),
        ...(options.nullable ? { nullable: true } : {})
    } as ApiPropertyOptions);
}

/** What a record created by a device has: its id, when it was created, by which identity and from which device. */
export interface CreatedRecord {
    id: string;
    createdAt: Date;
    createdBy: string;
    createdByDevice: string;
}

/** The fields a response about a record created by a device starts with, as `CreatedRecordDto` declares them. */
export interface CreatedRecordFields {
    id: string;
    createdAt: string;
    createdBy: string;
    createdByDevice: string;
}

/**
 * The base class of a response DTO that starts with the fields of a created record (in this order): id (with an
 * example of its kind, e.g. `FILaaaaaaaaaaaaaaaaa`), createdAt, createdBy, createdByDevice. `from` maps them.
 */
export function CreatedRecordDto(idExample: string) {
    abstract class CreatedRecordDtoBase implements CreatedRecordFields {
        @ApiProperty({ example: idExample })
        id!: string;
        @ApiProperty({ type: "string", format: "date-time" })
        createdAt!: string;
        @ApiProperty()
        createdBy!: string;
        @ApiProperty()
        createdByDevice!: string;

        static createdFieldsOf(record: CreatedRecord): CreatedRecordFields {
            const { id, createdBy, createdByDevice } = record;
            return { id, createdAt: record.createdAt.toISOString(), createdBy, createdByDevice };
        }
    }
    return CreatedRecordDtoBase;
}

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

const envelopeModels = new Map<string, Type<unknown>>();
const envelopeClasses = new Map<string, Type<unknown>>();

/**
 * A named schema for an envelope, so that generators name it after its content (`TokenResult`, `TokenPage`) instead
 * of after the operation and status (`GetToken200Response`). The name drops the model's `Dto`/`Response` suffix.
 */
function envelopeClass(kind: "Result" | "ListResult" | "Page", model: Type<unknown>, define: (prototype: object) => void): Type<unknown> {
    const name = `${model.name.replace(/(Dto|Response)$/, "")}${kind}`;
    const known = envelopeModels.get(name);
    if (known && known !== model) throw new Error(`envelope schema ${name} would describe both ${known.name} and ${model.name}`);
    let envelope = envelopeClasses.get(name);
    if (!envelope) {
        envelope = { [name]: class {} }[name] as Type<unknown>;
        define(envelope.prototype as object);
        envelopeModels.set(name, model);
        envelopeClasses.set(name, envelope);
    }
    return envelope;
}

/** The `{result: T}` success envelope (`{result: T[]}` for `[T]`). */
export function ApiResult(type: Type<unknown> | [Type<unknown>], status = 200, description?: string): MethodDecorator {
    const model = Array.isArray(type) ? type[0] : type;
    const envelope = envelopeClass(Array.isArray(type) ? "ListResult" : "Result", model, (prototype) => {
        ApiProperty({ type: Array.isArray(type) ? [model] : model, required: true })(prototype, "result");
    });
    return applyDecorators(
        ApiExtraModels(model, envelope, ErrorEnvelope),
        ApiResponse({ status, description: description ?? "Success", type: envelope })
    );
}

/** The `{result: T[], pagination?}` envelope of paginated lists. */
export function ApiPagedResult(type: Type<unknown>): MethodDecorator {
    const envelope = envelopeClass("Page", type, (prototype) => {
        ApiProperty({ type: [type], required: true })(prototype, "result");
        ApiProperty({ type: PaginationDto, required: false })(prototype, "pagination");
    });
    return applyDecorators(
        ApiExtraModels(type, PaginationDto, envelope, ErrorEnvelope),
        ApiResponse({
            status: 200,
            description: "One page; `pagination` is present only when there is more than one page.",
            type: envelope
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

/** A multipart/form-data request body described by `schema` (byte parts as `format: binary`). */
export function ApiMultipartBody(schema: SchemaObject): MethodDecorator {
    return applyDecorators(ApiConsumes("multipart/form-data"), ApiBody({ schema }));
}

/** A raw binary response (no envelope), e.g. a file download. */
export function ApiBinaryResponse(description = "The bytes as stored"): MethodDecorator {
    // Only the 200 response is binary: errors stay `application/json` (an operation-wide `@ApiProduces` would claim otherwise).
    return ApiResponse({
        status: 200,
        description,
        content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } }
    });
}
