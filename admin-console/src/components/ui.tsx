import type { UseQueryResult } from "@tanstack/react-query";
import {
    type ButtonHTMLAttributes,
    type ComponentProps,
    type InputHTMLAttributes,
    type ReactNode,
    useEffect,
    useId,
    useRef,
    useState
} from "react";
import { Link } from "react-router";

import { AdminApiError } from "../api/client";
import { formatDateTime } from "../format";
import { Icon, type IconName } from "./icons";

type Variant = "primary" | "secondary" | "danger" | "danger-outline" | "ghost" | "ghost-danger";

export function Button({
    variant = "secondary",
    size,
    icon,
    busy,
    children,
    className,
    disabled,
    ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm"; icon?: IconName; busy?: boolean }) {
    return (
        <button
            type="button"
            className={["button", `button-${variant}`, size ? `button-${size}` : "", className ?? ""].filter(Boolean).join(" ")}
            disabled={disabled || busy}
            aria-busy={busy || undefined}
            {...rest}
        >
            {icon && <Icon name={icon} size={size === "sm" ? 15 : 17} />}
            <span>{children}</span>
        </button>
    );
}

/** The page's heading and actions; also names the browser tab. */
export function Page({
    title,
    description,
    actions,
    children
}: {
    title: string;
    description?: ReactNode;
    actions?: ReactNode;
    children: ReactNode;
}) {
    useEffect(() => {
        document.title = `${title} · Backbone admin`;
    }, [title]);
    return (
        <>
            <header className="page-header">
                <div>
                    <h1>{title}</h1>
                    {description && <p className="page-description">{description}</p>}
                </div>
                {actions && <div className="page-actions">{actions}</div>}
            </header>
            {children}
        </>
    );
}

/** The link back to the list a page belongs to, shown under its title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
    return (
        <Link to={to} className="back-link">
            <Icon name="back" size={14} /> {children}
        </Link>
    );
}

/** A titled section of a page. */
export function Card({
    title,
    actions,
    children,
    className,
    description
}: {
    title?: string;
    actions?: ReactNode;
    children: ReactNode;
    className?: string;
    description?: ReactNode;
}) {
    const id = useId();
    return (
        <section className={`card ${className ?? ""}`} aria-labelledby={title ? id : undefined}>
            {(title || actions) && (
                <div className="card-header">
                    <div>
                        {title && <h2 id={id}>{title}</h2>}
                        {description && <p className="card-description">{description}</p>}
                    </div>
                    {actions && <div className="card-actions">{actions}</div>}
                </div>
            )}
            {children}
        </section>
    );
}

interface FieldProps {
    label: string;
    hint?: ReactNode;
    error?: string;
    optional?: boolean;
    className?: string;
}

function FieldFrame({ id, label, hint, error, optional, className, children }: FieldProps & { id: string; children: ReactNode }) {
    return (
        <div className={`field ${className ?? ""}`}>
            <label htmlFor={id}>
                {label}
                {optional && <span className="optional"> (optional)</span>}
            </label>
            {children}
            {hint && (
                <p className="hint" id={`${id}-hint`}>
                    {hint}
                </p>
            )}
            {error && (
                <p className="field-error" id={`${id}-error`}>
                    {error}
                </p>
            )}
        </div>
    );
}

function describedBy(id: string, props: FieldProps): string | undefined {
    return [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/** A field's props split into those of its frame and those of its control (with its id and the links to hint and error). */
function useField<P extends FieldProps>(props: P) {
    const { label, hint, error, optional, className, ...control } = props;
    const id = useId();
    return {
        frame: { id, label, hint, error, optional, className },
        control: { id, "aria-describedby": describedBy(id, props), ...control }
    };
}

export function TextField(props: FieldProps & ComponentProps<"input">) {
    const { frame, control } = useField(props);
    return (
        <FieldFrame {...frame}>
            <input aria-invalid={props.error ? true : undefined} {...control} />
        </FieldFrame>
    );
}

export function TextAreaField(props: FieldProps & ComponentProps<"textarea">) {
    const { frame, control } = useField(props);
    return (
        <FieldFrame {...frame}>
            <textarea aria-invalid={props.error ? true : undefined} {...control} />
        </FieldFrame>
    );
}

export function SelectField(props: FieldProps & ComponentProps<"select"> & { children: ReactNode }) {
    const { frame, control } = useField(props);
    return (
        <FieldFrame {...frame}>
            <select {...control} />
        </FieldFrame>
    );
}

export function CheckboxField({ label, hint, ...input }: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
    const id = useId();
    return (
        <div className="checkbox-field">
            <input type="checkbox" id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
            <div>
                <label htmlFor={id}>{label}</label>
                {hint && (
                    <p className="hint" id={`${id}-hint`}>
                        {hint}
                    </p>
                )}
            </div>
        </div>
    );
}

/** A message about the outcome of something: `status` is announced politely, `alert` (errors) at once. */
export function Notice({
    tone = "info",
    title,
    children
}: {
    tone?: "info" | "success" | "warning" | "error";
    title?: string;
    children?: ReactNode;
}) {
    return (
        <div className={`notice notice-${tone}`} role={tone === "error" ? "alert" : "status"}>
            {title && <p className="notice-title">{title}</p>}
            {children && <div className="notice-body">{children}</div>}
        </div>
    );
}

export function errorText(error: unknown): string {
    if (error instanceof AdminApiError) return error.code ? `${error.message} (${error.code})` : error.message;
    if (error instanceof Error) return error.message;
    return "Something went wrong.";
}

export function ErrorNotice({ error, title = "The request failed" }: { error: unknown; title?: string }) {
    return (
        <Notice tone="error" title={title}>
            {errorText(error)}
        </Notice>
    );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
    return (
        <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {label}
        </p>
    );
}

/** Loading and error states of a query; renders the children with its data once there. */
export function QueryView<T>({ query, children, label }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; label?: string }) {
    if (query.isPending) return <Loading label={label} />;
    if (query.isError) return <ErrorNotice error={query.error} title="Could not load this" />;
    return <>{children(query.data)}</>;
}

const BADGE_TONES: Record<string, string> = {
    Active: "success",
    Completed: "success",
    ToBeDeleted: "warning",
    Pending: "info",
    Deleting: "danger",
    Failed: "danger",
    Cancelled: "neutral",
    Rejected: "neutral",
    Revoked: "neutral",
    Terminated: "neutral",
    DeletionProposed: "warning",
    ReadyForDeletion: "warning",
    High: "danger",
    Medium: "warning",
    Low: "info",
    Individual: "info",
    Tier: "neutral",
    Manual: "info",
    Schedule: "neutral"
};

const LABELS: Record<string, string> = {
    ToBeDeleted: "To be deleted",
    DeletionProposed: "Deletion proposed",
    ReadyForDeletion: "Ready for deletion"
};

export function Badge({ value, tone }: { value: string; tone?: string }) {
    return <span className={`badge badge-${tone ?? BADGE_TONES[value] ?? "neutral"}`}>{LABELS[value] ?? value}</span>;
}

/** A table cell with a status badge. */
export function BadgeCell({ value }: { value: string }) {
    return (
        <td>
            <Badge value={value} />
        </td>
    );
}

/** A value shown once or to be copied: monospace text and a copy button. */
export function Copyable({ value, label }: { value: string; label: string }) {
    const [copied, setCopied] = useState(false);
    const timer = useRef<number | undefined>(undefined);
    useEffect(() => () => window.clearTimeout(timer.current), []);
    const copy = async () => {
        try {
            await navigator.clipboard.writeText(value);
            setCopied(true);
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => setCopied(false), 2000);
        } catch {
            setCopied(false);
        }
    };
    return (
        <span className="copyable">
            <code>{value}</code>
            <button type="button" className="icon-button" onClick={copy} aria-label={`Copy ${label}`} title={`Copy ${label}`}>
                <Icon name="copy" size={15} />
            </button>
            <span className="visually-hidden" role="status">
                {copied ? `${label} copied` : ""}
            </span>
        </span>
    );
}

export function DescriptionList({ items }: { items: Array<[string, ReactNode]> }) {
    return (
        <dl className="description-list">
            {items.map(([term, value]) => (
                <div key={term}>
                    <dt>{term}</dt>
                    <dd>{value}</dd>
                </div>
            ))}
        </dl>
    );
}

export function EmptyState({ children }: { children: ReactNode }) {
    return <p className="empty">{children}</p>;
}

export function DateTime({ iso }: { iso: string | null | undefined }) {
    if (!iso) return <span className="muted">—</span>;
    return (
        <time dateTime={iso} title={`${iso.replace("T", " ").slice(0, 19)} UTC`}>
            {formatDateTime(iso)}
        </time>
    );
}

/** A table cell with a point in time (a dash when there is none). */
export function DateCell({ iso }: { iso: string | null | undefined }) {
    return (
        <td>
            <DateTime iso={iso} />
        </td>
    );
}
