import type { DataSource, EntityManager, ValueTransformer } from "typeorm";

import { type Page, pageCounted, pageOffset, type PageRequest } from "../http/pagination";
import { rawQuery } from "./raw-query";

/**
 * An entity's rows read by SQL written by hand (run by `rawQuery`, so prepared once per connection) instead of by the
 * query builder: the select list names each column as its property, and `of` makes the entity of a row the way TypeORM
 * would (the columns' value transformers applied). Both are derived once from the entity's metadata, so a column added
 * to the entity is read everywhere without a list to keep in step.
 */
export interface EntityRows<T> {
    /** `alias.column AS "property"` for every column of the entity. */
    readonly columns: string;
    of(row: Record<string, unknown>): T;
}

const known = new WeakMap<DataSource, Map<string, EntityRows<unknown>>>();

function fromDatabase(transformer: ValueTransformer | ValueTransformer[], value: unknown): unknown {
    const chain = Array.isArray(transformer) ? [...transformer].reverse() : [transformer];
    return chain.reduce((v, t) => t.from(v), value);
}

export function entityRows<T>(dataSource: DataSource, entity: new () => T, alias: string): EntityRows<T> {
    let ofSource = known.get(dataSource);
    if (!ofSource) known.set(dataSource, (ofSource = new Map()));
    const key = `${entity.name} ${alias}`;
    const cached = ofSource.get(key);
    if (cached) return cached as EntityRows<T>;
    const metadata = dataSource.getMetadata(entity);
    const columns = metadata.columns.map((column) => {
        if (column.embeddedMetadata || column.relationMetadata || column.propertyPath !== column.propertyName)
            throw new Error(`entityRows: ${entity.name}.${column.propertyPath} is not a plain column`);
        return column;
    });
    const transformed = columns.filter((column) => column.transformer);
    const rows: EntityRows<T> = {
        columns: columns.map((column) => `${alias}.${column.databaseName} AS "${column.propertyName}"`).join(", "),
        of(row) {
            const item = Object.assign(new entity() as object, row) as Record<string, unknown>;
            for (const column of transformed) item[column.propertyName] = fromDatabase(column.transformer!, row[column.propertyName]);
            return item as T;
        }
    };
    ofSource.set(key, rows as EntityRows<unknown>);
    return rows;
}

/** A statement's parts for `rawPage`: `from` holds FROM and WHERE with placeholders $1.. for `parameters`. */
export interface RawPageQuery {
    from: string;
    orderBy: string;
    parameters: unknown[];
}

/**
 * One page of a list by prepared statements: the page (LIMIT and OFFSET appended as the last two parameters), and a
 * count with the same FROM and WHERE only when the page does not tell the total.
 */
export async function rawPage<T>(
    db: EntityManager | DataSource,
    entity: EntityRows<T>,
    query: RawPageQuery,
    request: PageRequest
): Promise<Page<T>> {
    const { from, orderBy, parameters } = query;
    const next = parameters.length + 1;
    const { rows } = await rawQuery(db, `SELECT ${entity.columns} ${from} ORDER BY ${orderBy} LIMIT $${next} OFFSET $${next + 1}`, [
        ...parameters,
        request.pageSize,
        pageOffset(request)
    ]);
    return await pageCounted(
        rows.map((row) => entity.of(row)),
        request,
        async () => {
            const counted = await rawQuery<{ n: string }>(db, `SELECT count(*) AS n ${from}`, parameters);
            return Number(counted.rows[0]!.n);
        }
    );
}
