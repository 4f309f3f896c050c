import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from "@nestjs/common";
import { map, type Observable } from "rxjs";

import { Page } from "./pagination";

/** Marks a handler whose return value is sent as it is (no `{result}` envelope), e.g. OAuth answers or files. */
export const RAW_RESPONSE = "backbone:raw-response";

/**
 * Wraps handler results in the success envelope: `{result}` for objects, `{result, pagination}` for pages with more
 * than one page. `undefined` (204 handlers) passes through as an empty body.
 */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
        const raw = Reflect.getMetadata(RAW_RESPONSE, context.getHandler()) === true;
        return next.handle().pipe(
            map((value: unknown) => {
                if (raw || value === undefined) return value;
                if (value instanceof Page) {
                    if (value.totalPages <= 1) return { result: value.items };
                    const { pageNumber, pageSize } = value.request;
                    return {
                        result: value.items,
                        pagination: { pageNumber, pageSize, totalPages: value.totalPages, totalRecords: value.totalRecords }
                    };
                }
                return { result: value };
            })
        );
    }
}
