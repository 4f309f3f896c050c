import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";

import { Button } from "./ui";

/**
 * A modal dialog on the native <dialog> element: focus moves into it and back to the opener when it closes, Escape
 * closes it, the page behind is inert.
 */
export function Dialog({
    open,
    title,
    onClose,
    children,
    footer,
    wide,
    onSubmit
}: {
    open: boolean;
    title: string;
    onClose: () => void;
    children: ReactNode;
    footer?: ReactNode;
    wide?: boolean;
    /** Makes the dialog a form: Enter in a field submits. */
    onSubmit?: () => void;
}) {
    const ref = useRef<HTMLDialogElement>(null);
    const titleId = useId();
    useEffect(() => {
        const dialog = ref.current;
        if (!dialog) return;
        if (open && !dialog.open) dialog.showModal();
        if (!open && dialog.open) dialog.close();
    }, [open]);
    const body = (
        <>
            <div className="dialog-header">
                <h2 id={titleId}>{title}</h2>
            </div>
            <div className="dialog-body">{children}</div>
            {footer && <div className="dialog-footer">{footer}</div>}
        </>
    );
    const submit = (event: FormEvent) => {
        event.preventDefault();
        onSubmit?.();
    };
    return (
        <dialog
            ref={ref}
            className={`dialog ${wide ? "dialog-wide" : ""}`}
            aria-labelledby={titleId}
            onCancel={(event) => {
                event.preventDefault();
                onClose();
            }}
        >
            {open && (onSubmit ? <form onSubmit={submit}>{body}</form> : body)}
        </dialog>
    );
}

interface FormDialogProps {
    title: string;
    children: ReactNode;
    submitLabel: string;
    onSubmit: () => void;
    onClose: () => void;
    busy?: boolean;
    open?: boolean;
    variant?: "primary" | "danger";
}

/** A dialog that is a form: Cancel, and a button that submits it (Enter in a field does the same). */
export function FormDialog({ title, children, submitLabel, onSubmit, onClose, busy, open = true, variant = "primary" }: FormDialogProps) {
    return (
        <Dialog
            open={open}
            title={title}
            onClose={onClose}
            onSubmit={onSubmit}
            footer={
                <>
                    <Button onClick={onClose}>Cancel</Button>
                    <Button type="submit" variant={variant} busy={busy}>
                        {submitLabel}
                    </Button>
                </>
            }
        >
            {children}
        </Dialog>
    );
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({
    confirmLabel,
    onConfirm,
    danger = true,
    ...dialog
}: Pick<FormDialogProps, "title" | "children" | "onClose" | "busy"> & {
    open: boolean;
    confirmLabel: string;
    onConfirm: () => void;
    danger?: boolean;
}) {
    return <FormDialog {...dialog} submitLabel={confirmLabel} onSubmit={onConfirm} variant={danger ? "danger" : "primary"} />;
}
