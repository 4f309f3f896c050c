import { type ValidationError as ClassValidatorError, ValidationPipe } from "@nestjs/common";

import { ApiError, ErrorCode } from "../errors/errors";

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

export function createValidationPipe(): ValidationPipe {
    return new ValidationPipe({
        transform: true,
        whitelist: true,
        forbidNonWhitelisted: false,
        stopAtFirstError: true,
        validationError: { target: false, value: true },
        exceptionFactory: validationErrorFactory
    });
}
