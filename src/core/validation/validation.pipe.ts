import { type ArgumentMetadata, type ValidationError as ClassValidatorError, ValidationPipe } from "@nestjs/common";

import type { Clock } from "../clock/clock";
import { ApiError, ErrorCode } from "../errors/errors";
import { futureDateProblem } from "./decorators";
import { findUnstorableString } from "./storable-strings";

/** Constraints whose failure means the input has the wrong shape rather than a wrong value. */
const SHAPE_CONSTRAINTS = new Set([
    "isDefined",
    "isString",
    "isNumber",
    "isInt",
    "isBoolean",
    "isObject",
    "isArray",
    "nestedValidation",
    "isEnum"
]);

function firstLeaf(errors: ClassValidatorError[], path: string[] = []): { path: string[]; error: ClassValidatorError } | undefined {
    for (const error of errors) {
        const here = [...path, error.property];
        if (error.constraints && Object.keys(error.constraints).length > 0) return { path: here, error };
        const nested = firstLeaf(error.children ?? [], here);
        if (nested) return nested;
    }
    return undefined;
}

/** Turns the first failed rule into `400 {code, "'field': reason"}` as the wire contract does. */
export function validationErrorFactory(errors: ClassValidatorError[]): ApiError {
    const leaf = firstLeaf(errors);
    if (!leaf) return new ApiError(ErrorCode.inputCannotBeParsed, "The request could not be parsed.");
    const constraints = leaf.error.constraints ?? {};
    const ordered = Object.keys(constraints).sort((a, b) => Number(SHAPE_CONSTRAINTS.has(b)) - Number(SHAPE_CONSTRAINTS.has(a)));
    const name = ordered[0]!;
    const field = leaf.path.filter((part) => part !== "").join(".");
    const reason = constraints[name]!.replace(new RegExp(`^${leaf.error.property} `), "");
    const missing = leaf.error.value === undefined || leaf.error.value === null;
    const code =
        SHAPE_CONSTRAINTS.has(name) || (missing && name !== "isNotEmpty") ? ErrorCode.inputCannotBeParsed : ErrorCode.invalidPropertyValue;
    return new ApiError(code, `'${field}': ${reason}`);
}

/**
 * The global pipe: first refuses strings PostgreSQL cannot store anywhere in a body, query, path parameter or header
 * a handler reads (so no route needs its own rule for them), then validates and transforms by the DTO class, and
 * finally checks the dates that must lie in the future (`@DateProperty({ future: true })`) against the clock.
 */
class BackboneValidationPipe extends ValidationPipe {
    constructor(
        private readonly clock: Clock,
        options: ConstructorParameters<typeof ValidationPipe>[0]
    ) {
        super(options);
    }

    override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
        if (metadata.type !== "custom") {
            const path = findUnstorableString(value, metadata.data ?? "");
            if (path !== undefined) {
                const field = path === "" ? metadata.type : path;
                throw new ApiError(ErrorCode.invalidPropertyValue, `'${field}': must not contain NUL characters or unpaired surrogates.`);
            }
        }
        const transformed: unknown = await super.transform(value, metadata);
        const problem = metadata.type === "custom" ? undefined : futureDateProblem(transformed, this.clock.now());
        if (problem) throw problem;
        return transformed;
    }

    /**
     * The framework walks every value to delete prototype keys, and every array to close gaps, before validating.
     * Both are settled by the parsers instead (body-parsers.ts, query-keys.ts: no prototype keys, no prototypes, dense
     * arrays), and both walks were harmful here: the key deletion reached `Object.prototype` through an inherited key
     * and deleted its members for the whole process, and on a large body the two walks took seconds.
     */
    protected override stripProtoKeys(): void {}

    protected override closeArrayGaps(): void {}
}

export function createValidationPipe(clock: Clock): ValidationPipe {
    return new BackboneValidationPipe(clock, {
        transform: true,
        whitelist: true,
        forbidNonWhitelisted: false,
        stopAtFirstError: true,
        validationError: { target: false, value: true },
        exceptionFactory: validationErrorFactory
    });
}
