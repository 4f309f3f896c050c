import { applyDecorators } from "@nestjs/common";
import { ApiHideProperty, ApiProperty, type ApiPropertyOptions } from "@nestjs/swagger";
import { Expose, plainToInstance, Transform, Type } from "class-transformer";
import {
    ArrayMaxSize,
    ArrayMinSize,
    IsArray,
    IsBoolean,
    IsDefined,
    IsIn,
    IsInt,
    IsNumber,
    IsObject,
    IsOptional,
    IsString,
    Length,
    Matches,
    Max,
    Min,
    registerDecorator,
    ValidateNested,
    type ValidationOptions
} from "class-validator";

import { decodeBase64 } from "../crypto/base64";
import { ADDRESS_PATTERN, isValidAddress } from "../crypto/identity-address";
import { ValidationError } from "../errors/errors";
import { bytesInputSchema } from "../http/openapi";
import { type IdPrefix, isIdOf } from "../ids/ids";

interface Presence {
    /** Default true. */
    required?: boolean;
    /** Allows an explicit JSON null (an optional field always does). */
    nullable?: boolean;
    description?: string;
}

function presence(options: Presence): PropertyDecorator[] {
    if (options.required === false || options.nullable) return [IsOptional()];
    return [IsDefined()];
}

function api(options: Presence, schema: ApiPropertyOptions): PropertyDecorator {
    // `nullable: false` is the default; spelling it out would make the generator wrap `$ref`s in an `allOf` it cannot name.
    return ApiProperty({
        required: options.required !== false,
        ...(options.nullable ? { nullable: true } : {}),
        description: options.description,
        ...schema
    } as ApiPropertyOptions);
}

function rule(name: string, message: string, test: (value: unknown) => boolean, validationOptions?: ValidationOptions): PropertyDecorator {
    return (target: object, propertyName: string | symbol) => {
        registerDecorator({
            name,
            target: target.constructor,
            propertyName: propertyName as string,
            options: { message, ...validationOptions },
            validator: { validate: (value: unknown) => test(value) }
        });
    };
}

/** A prefixed id (`CHL...`, `DVC...`): the prefix, alphanumerics, at most 20 characters. */
export function IdProperty(prefix: IdPrefix, options: Presence = {}): PropertyDecorator {
    return applyDecorators(
        api(options, { type: "string", pattern: `^${prefix}[A-Za-z0-9]{1,17}$`, maxLength: 20, example: `${prefix}${"a".repeat(17)}` }),
        ...presence(options),
        IsString(),
        rule("isPrefixedId", "The ID or Address is not valid. Check length, prefix and the used characters.", (v) => isIdOf(prefix, v))
    );
}

/** An identity address (`did:e:<domain>:dids:<id><checksum>`). */
export function AddressProperty(options: Presence = {}): PropertyDecorator {
    return applyDecorators(
        api(options, {
            type: "string",
            maxLength: 80,
            pattern: ADDRESS_PATTERN.source,
            example: "did:e:localhost:dids:76a33ea3665eef489c70bb"
        }),
        ...presence(options),
        IsString(),
        rule("isAddress", "The ID or Address is not valid. Check length, prefix and the used characters.", (v) => isValidAddress(v))
    );
}

/** A list of identity addresses. */
export function AddressListProperty(options: Presence & { minItems?: number; maxItems?: number } = {}): PropertyDecorator {
    const decorators: PropertyDecorator[] = [
        api(options, {
            type: "array",
            items: { type: "string", maxLength: 80, pattern: ADDRESS_PATTERN.source },
            minItems: options.minItems,
            maxItems: options.maxItems
        }),
        ...presence(options),
        IsArray()
    ];
    if (options.minItems !== undefined) decorators.push(ArrayMinSize(options.minItems));
    if (options.maxItems !== undefined) decorators.push(ArrayMaxSize(options.maxItems));
    decorators.push(
        rule(
            "isAddress",
            "The ID or Address is not valid. Check length, prefix and the used characters.",
            (v) => Array.isArray(v) && v.every((a) => isValidAddress(a))
        )
    );
    return applyDecorators(...decorators);
}

interface BytesOptions extends Presence {
    minBytes?: number;
    maxBytes: number;
    /**
     * The value comes from a query string, where an unencoded `+` of standard base64 arrives as a space: spaces are
     * read as `+` again.
     */
    inQuery?: boolean;
}

/**
 * A byte field: base64url or standard base64 text (padding optional) on input, decoded to a Buffer before the
 * handler sees it; the decoded length must lie within the bounds.
 */
export function BytesProperty(options: BytesOptions): PropertyDecorator {
    const min = options.minBytes ?? 0;
    return applyDecorators(
        api(options, bytesInputSchema(min, options.maxBytes, options.description) as ApiPropertyOptions),
        ...presence(options),
        Transform(
            ({ value }) => {
                if (typeof value !== "string") return value;
                const text = options.inQuery ? value.replace(/ /g, "+") : value;
                return decodeBase64(text) ?? value;
            },
            { toClassOnly: true }
        ),
        rule("isString", "must be a string", (v) => Buffer.isBuffer(v) || typeof v === "string"),
        rule("isBase64", "must be a base64 or base64url string", (v) => typeof v !== "string"),
        rule(
            "byteLength",
            `must be between ${min} and ${options.maxBytes} bytes long`,
            (v) => !Buffer.isBuffer(v) || (v.length >= min && v.length <= options.maxBytes)
        )
    );
}

interface StringOptions extends Presence {
    minLength?: number;
    maxLength?: number;
    pattern?: RegExp;
    example?: string;
}

export function StringProperty(options: StringOptions = {}): PropertyDecorator {
    const decorators: PropertyDecorator[] = [
        api(options, {
            type: "string",
            minLength: options.minLength,
            maxLength: options.maxLength,
            pattern: options.pattern?.source,
            example: options.example
        }),
        ...presence(options),
        IsString()
    ];
    if (options.minLength !== undefined || options.maxLength !== undefined)
        decorators.push(Length(options.minLength ?? 0, options.maxLength));
    if (options.pattern) decorators.push(Matches(options.pattern));
    return applyDecorators(...decorators);
}

export function EnumProperty<T extends string>(values: readonly T[], options: Presence & { enumName?: string } = {}): PropertyDecorator {
    return applyDecorators(
        api(options, { type: "string", enum: [...values], enumName: options.enumName }),
        ...presence(options),
        IsString(),
        IsIn([...values])
    );
}

export function IntProperty(options: Presence & { min?: number; max?: number; format?: "int32" | "int64" } = {}): PropertyDecorator {
    const decorators: PropertyDecorator[] = [
        api(options, { type: "integer", format: options.format ?? "int32", minimum: options.min, maximum: options.max }),
        ...presence(options),
        Type(() => Number),
        IsInt()
    ];
    if (options.min !== undefined) decorators.push(Min(options.min));
    if (options.max !== undefined) decorators.push(Max(options.max));
    return applyDecorators(...decorators);
}

export function NumberProperty(options: Presence & { min?: number; max?: number; default?: number } = {}): PropertyDecorator {
    const decorators: PropertyDecorator[] = [
        api(options, { type: "number", minimum: options.min, maximum: options.max, default: options.default }),
        ...presence(options),
        IsNumber({ allowNaN: false, allowInfinity: false })
    ];
    if (options.min !== undefined) decorators.push(Min(options.min));
    if (options.max !== undefined) decorators.push(Max(options.max));
    return applyDecorators(...decorators);
}

export function BooleanProperty(options: Presence = {}): PropertyDecorator {
    return applyDecorators(api(options, { type: "boolean" }), ...presence(options), IsBoolean());
}

const FUTURE_DATES = "backbone:future-dates";

/**
 * An ISO-8601 date-time, converted to a Date before the handler sees it. With `future: true` it must also lie after
 * the injected clock's now: the global validation pipe checks that once the rest of the DTO is valid (400
 * `'<field>': must be in the future.`), and `futureDateProblem` does for DTOs validated elsewhere (multipart forms).
 */
export function DateProperty(options: Presence & { future?: boolean } = {}): PropertyDecorator {
    const decorators: PropertyDecorator[] = [
        api(options, { type: "string", format: "date-time" }),
        ...presence(options),
        Transform(({ value }) => (typeof value === "string" && !Number.isNaN(Date.parse(value)) ? new Date(value) : value), {
            toClassOnly: true
        }),
        rule("isDate", "must be an ISO 8601 date-time", (v) => v instanceof Date && !Number.isNaN(v.getTime()))
    ];
    if (options.future) {
        decorators.push((target: object, property: string | symbol) => {
            const own = (Reflect.getOwnMetadata(FUTURE_DATES, target) as Array<string | symbol> | undefined) ?? [
                ...((Reflect.getMetadata(FUTURE_DATES, target) as Array<string | symbol> | undefined) ?? [])
            ];
            Reflect.defineMetadata(FUTURE_DATES, [...own, property], target);
        });
    }
    return applyDecorators(...decorators);
}

/**
 * The ValidationError for the first date of a validated DTO marked `future` that does not lie after `now`, or
 * undefined when there is none (or the value is no DTO).
 */
export function futureDateProblem(dto: unknown, now: Date): ValidationError | undefined {
    if (dto === null || typeof dto !== "object") return undefined;
    const properties = (Reflect.getMetadata(FUTURE_DATES, dto) as Array<string | symbol> | undefined) ?? [];
    for (const property of properties) {
        const value = (dto as Record<string | symbol, unknown>)[property];
        if (value instanceof Date && value.getTime() <= now.getTime()) {
            return new ValidationError(`'${String(property)}': must be in the future.`);
        }
    }
    return undefined;
}

/** @nestjs/swagger resolves a lazy type only from a function named `type`; an anonymous arrow would become an empty `$ref`. */
function lazySchemaType(type: () => new () => object): () => new () => object {
    return { type: () => type() }.type;
}

/** A nested object validated by its own DTO class. */
export function NestedProperty(type: () => new () => object, options: Presence = {}): PropertyDecorator {
    return applyDecorators(api(options, { type: lazySchemaType(type) }), ...presence(options), IsObject(), Type(type), ValidateNested());
}

/** An array of nested objects validated by their DTO class. */
export function NestedArrayProperty(
    type: () => new () => object,
    options: Presence & { minItems?: number; maxItems?: number } = {}
): PropertyDecorator {
    const decorators: PropertyDecorator[] = [
        api(options, { type: lazySchemaType(type), isArray: true, minItems: options.minItems, maxItems: options.maxItems }),
        ...presence(options),
        IsArray(),
        Type(type),
        ValidateNested({ each: true })
    ];
    if (options.minItems !== undefined) decorators.push(ArrayMinSize(options.minItems));
    if (options.maxItems !== undefined) decorators.push(ArrayMaxSize(options.maxItems));
    return applyDecorators(...decorators);
}

/** Values of repeated (`ids=a&ids=b`) or indexed (`<name>.0.<property>=a&<name>.1.<property>=b`) query keys. */
function listFromQuery(source: Record<string, unknown>, key: string, indexed?: { name: string; property: string }): string[] | undefined {
    const direct = source[key];
    const values: unknown[] = direct === undefined ? [] : Array.isArray(direct) ? direct : [direct];
    if (indexed) {
        for (const item of collectIndexedQueryObjects(source, indexed.name) ?? []) {
            if (item[indexed.property] !== undefined) values.push(item[indexed.property]);
        }
    }
    if (direct === undefined && values.length === 0) return undefined;
    return values.map((v) => (typeof v === "string" ? v : String(v)));
}

/**
 * A list of prefixed ids in the query string: repeated `ids=...` keys, or additionally the indexed object notation
 * (`tokens.0.id=...`) when `indexed` names it. A required list must not be empty.
 */
export function IdListQueryProperty(
    prefix: IdPrefix,
    options: Presence & { indexed?: { name: string; property: string }; maxItems?: number } = {}
): PropertyDecorator {
    const required = options.required !== false;
    return (target: object, propertyName: string | symbol) => {
        const key = propertyName as string;
        const decorators: PropertyDecorator[] = [
            api(options, {
                type: "array",
                items: { type: "string", pattern: `^${prefix}[A-Za-z0-9]{1,17}$`, maxLength: 20 },
                maxItems: options.maxItems
            }),
            Expose(),
            Transform(({ obj }) => listFromQuery(obj as Record<string, unknown>, key, options.indexed) ?? (required ? [] : undefined), {
                toClassOnly: true
            }),
            IsOptional(),
            IsArray(),
            rule("isPrefixedId", "The ID or Address is not valid. Check length, prefix and the used characters.", (v) =>
                Array.isArray(v) ? v.every((id) => isIdOf(prefix, id)) : true
            )
        ];
        if (required) decorators.push(ArrayMinSize(1, { message: "must contain at least one id" }));
        if (options.maxItems !== undefined) decorators.push(ArrayMaxSize(options.maxItems));
        applyDecorators(...decorators)(target, propertyName);
    };
}

/** Collects `name.0.a=..&name.0.b=..&name.1.a=..` into `[{a, b}, {a}]`; stops at the first missing index. */
export function collectIndexedQueryObjects(query: Record<string, unknown>, name: string): Array<Record<string, unknown>> | undefined {
    const byIndex = new Map<number, Record<string, unknown>>();
    const prefix = `${name}.`;
    for (const [key, value] of Object.entries(query)) {
        if (!key.startsWith(prefix)) continue;
        const match = /^(\d+)\.([A-Za-z0-9]+)$/.exec(key.substring(prefix.length));
        if (!match) continue;
        const index = Number(match[1]);
        const item = byIndex.get(index) ?? {};
        item[match[2]!] = Array.isArray(value) ? value[0] : value;
        byIndex.set(index, item);
    }
    if (byIndex.size === 0) return undefined;
    const items: Array<Record<string, unknown>> = [];
    for (let i = 0; byIndex.has(i); i++) items.push(byIndex.get(i)!);
    return items;
}

/**
 * A list of objects in a query string, written `name.<index>.<property>=value` (index from 0, contiguous), e.g.
 * `templates.0.id=RLT...&templates.0.password=...`. Each item is validated by its DTO class.
 */
export function IndexedQueryObjectsProperty(type: () => new () => object, options: { maxItems?: number } = {}): PropertyDecorator {
    // Not a query parameter of its own: the controller documents the dotted parameters (`templates.0.id`, ...).
    const decorators: PropertyDecorator[] = [
        ApiHideProperty(),
        Expose(),
        Transform(
            ({ obj, key }) => {
                const items = collectIndexedQueryObjects(obj as Record<string, unknown>, key);
                return items === undefined ? undefined : plainToInstance(type(), items);
            },
            { toClassOnly: true }
        ),
        IsOptional(),
        IsArray(),
        ValidateNested({ each: true })
    ];
    if (options.maxItems !== undefined) decorators.push(ArrayMaxSize(options.maxItems));
    return applyDecorators(...decorators);
}
