import type { ReactNode } from "react";

import { formatInteger } from "../format";
import { Button, EmptyState } from "./ui";

export interface Sort {
    by: string;
    descending: boolean;
}

/** A column header that sorts the table: a button, with aria-sort telling the current order. */
export function SortHeader({ column, label, sort, onSort }: { column: string; label: string; sort: Sort; onSort: (sort: Sort) => void }) {
    const active = sort.by === column;
    const next = { by: column, descending: active ? !sort.descending : column === "createdAt" || column === "lastLoginAt" };
    return (
        <th scope="col" aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}>
            <button type="button" className="sort-button" onClick={() => onSort(next)}>
                {label}
                <span className={`sort-indicator ${active ? "active" : ""}`} aria-hidden="true">
                    {active ? (sort.descending ? "▼" : "▲") : "▲"}
                </span>
            </button>
        </th>
    );
}

/** "21–40 of 123" with previous and next, when there is more than one page. `page` counts from 0. */
export function Pager({
    page,
    pageSize,
    total,
    onPage,
    label,
    always
}: {
    /** Also when everything fits on one page (the count is still worth showing). */
    always?: boolean;
    page: number;
    pageSize: number;
    total: number;
    onPage: (page: number) => void;
    label: string;
}) {
    const pages = Math.max(1, Math.ceil(total / pageSize));
    if (pages === 1 && !always) return null;
    const first = total === 0 ? 0 : page * pageSize + 1;
    const last = Math.min(total, (page + 1) * pageSize);
    return (
        <nav className="pager" aria-label={`Pages of ${label}`}>
            <p className="pager-status" aria-live="polite">
                {total === 0 ? "No results" : `${formatInteger(first)}–${formatInteger(last)} of ${formatInteger(total)}`}
            </p>
            <div className="pager-buttons">
                <Button size="sm" onClick={() => onPage(page - 1)} disabled={page <= 0}>
                    Previous
                </Button>
                <span className="pager-page">
                    Page {page + 1} of {pages}
                </span>
                <Button size="sm" onClick={() => onPage(page + 1)} disabled={page + 1 >= pages}>
                    Next
                </Button>
            </div>
        </nav>
    );
}

/** A table with a caption (visually hidden when the surrounding heading already says it) in a scrolling frame. */
export function Table({ caption, hideCaption = true, children }: { caption: string; hideCaption?: boolean; children: ReactNode }) {
    return (
        <div className="table-frame">
            <table>
                <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
                {children}
            </table>
        </div>
    );
}

/** The header of a DataTable's column: its label, or its label and the header cell's class (`numeric`). */
export type Column = string | { label: ReactNode; className: string };

/**
 * A Table of `rows`, one row each, with a header per column and, when `actions` is given, a last column of buttons
 * (its header only for screen readers). Without rows it says `empty` instead.
 */
export function DataTable<T>({
    caption,
    columns,
    rows,
    rowKey = (row) => (row as { id: string }).id,
    empty,
    actions,
    children
}: {
    caption: string;
    columns: Column[];
    rows: T[];
    /** The row's React key; its `id` when not given. */
    rowKey?: (row: T) => string;
    empty?: ReactNode;
    actions?: (row: T) => ReactNode;
    /** The cells of a row but the actions. */
    children: (row: T) => ReactNode;
}) {
    if (rows.length === 0 && empty !== undefined) return <EmptyState>{empty}</EmptyState>;
    return (
        <Table caption={caption}>
            <thead>
                <tr>
                    {columns.map((column, index) =>
                        typeof column === "string" ? (
                            <th scope="col" key={index}>
                                {column}
                            </th>
                        ) : (
                            <th scope="col" key={index} className={column.className}>
                                {column.label}
                            </th>
                        )
                    )}
                    {actions && (
                        <th scope="col">
                            <span className="visually-hidden">Actions</span>
                        </th>
                    )}
                </tr>
            </thead>
            <tbody>
                {rows.map((row) => (
                    <tr key={rowKey(row)}>
                        {children(row)}
                        {actions && <td className="actions">{actions(row)}</td>}
                    </tr>
                ))}
            </tbody>
        </Table>
    );
}
