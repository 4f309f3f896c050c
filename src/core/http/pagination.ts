import { ApiPropertyOptional } from "@nestjs/swagger";
import { Type } from "class-transformer";
import { IsInt, IsOptional, Max, Min } from "class-validator";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";

import { ApiError, ErrorCode } from "../errors/errors";

/** A 32-bit page number, as the official Backbone's: larger offsets could not be asked of PostgreSQL anyway. */
export const MAX_PAGE_NUMBER = 2_147_483_647;

/** Query parameters of every paginated list. */
export class PageQuery {
    @ApiPropertyOptional({
        type: "integer",
        format: "int32",
        minimum: 1,
        maximum: MAX_PAGE_NUMBER,
        default: 1,
        description: "1-based page number"
    })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(MAX_PAGE_NUMBER)
    pageNumber?: number;

    @ApiPropertyOptional({ type: "integer", minimum: 1, maximum: 200, description: "Items per page (default 50, at most 200)" })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    pageSize?: number;
}

export interface PageRequest {
    pageNumber: number;
    pageSize: number;
}

export interface PaginationLimits {
    defaultPageSize: number;
    maxPageSize: number;
}

export function pageRequest(query: PageQuery, limits: PaginationLimits): PageRequest {
    const pageSize = query.pageSize ?? limits.defaultPageSize;
    if (pageSize > limits.maxPageSize) {
        throw new ApiError(ErrorCode.invalidPageSize, `The given page size is too high. The maximum page size is ${limits.maxPageSize}.`);
    }
    return { pageNumber: query.pageNumber ?? 1, pageSize };
}

/** How many items the pages before the requested one hold (the OFFSET of its statement). */
export function pageOffset(request: PageRequest): number {
    return (request.pageNumber - 1) * request.pageSize;
}

/** One page of a list; the success envelope (envelope.ts) renders it as `{result, pagination}`. */
export class Page<T> {
    constructor(
        readonly items: T[],
        readonly request: PageRequest,
        readonly totalRecords: number
    ) {}

    get totalPages(): number {
        return Math.ceil(this.totalRecords / this.request.pageSize);
    }

    map<U>(fn: (item: T) => U): Page<U> {
        return new Page(this.items.map(fn), this.request, this.totalRecords);
    }
}

/** Runs a query for one page; counts only when the page is full, as a short page already tells the total. */
export async function paginate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, request: PageRequest): Promise<Page<T>> {
    const offset = pageOffset(request);
    const items = await query.clone().skip(offset).take(request.pageSize).getMany();
    return await pageCounted(items, request, () => query.clone().getCount());
}

/**
 * A page from its items, counting the total (with `count`) only when the page does not tell it: a short page that is
 * not past the end already does.
 */
export async function pageCounted<T>(items: T[], request: PageRequest, count: () => Promise<number>): Promise<Page<T>> {
    const offset = pageOffset(request);
    const isFull = items.length === request.pageSize;
    const totalRecords = !isFull && (items.length > 0 || offset === 0) ? offset + items.length : await count();
    return new Page(items, request, totalRecords);
}

/** Pages an in-memory list. */
export function pageOf<T>(all: T[], request: PageRequest): Page<T> {
    const offset = pageOffset(request);
    return new Page(all.slice(offset, offset + request.pageSize), request, all.length);
}
