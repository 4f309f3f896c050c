import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";

import { api, call, result, type Schemas } from "../api/client";
import { ConfirmDialog } from "../components/dialog";
import { Icon } from "../components/icons";
import { DataTable } from "../components/table";
import {
    BackLink,
    BadgeCell,
    Button,
    Card,
    CheckboxField,
    DateCell,
    DateTime,
    EmptyState,
    ErrorNotice,
    Notice,
    Page,
    QueryView,
    SelectField,
    TextAreaField,
    TextField
} from "../components/ui";
import { formatInteger } from "../format";

type Announcement = Schemas["AdminAnnouncementDto"];
const SEVERITIES = ["Low", "Medium", "High"] as const;

function useAnnouncements() {
    return useQuery({ queryKey: ["announcements"], queryFn: () => result(() => api.GET("/api/v1/Announcements")) });
}

function englishTitle(announcement: Announcement): string {
    return (announcement.texts.find((text) => text.language === "en") ?? announcement.texts[0])?.title ?? "";
}

/** The announcements identities see in their apps, newest first. */
export function AnnouncementsPage() {
    const announcements = useAnnouncements();
    const queryClient = useQueryClient();
    const location = useLocation();
    const created = (location.state as { created?: string } | null)?.created;
    const [deleting, setDeleting] = useState<Announcement | undefined>();
    const [deleted, setDeleted] = useState<string | undefined>();
    const remove = useMutation({
        mutationFn: (id: string) => call(() => api.DELETE("/api/v1/Announcements/{id}", { params: { path: { id } } })),
        onSuccess: async () => {
            setDeleted(deleting ? englishTitle(deleting) : undefined);
            setDeleting(undefined);
            await queryClient.invalidateQueries({ queryKey: ["announcements"] });
        }
    });
    return (
        <Page
            title="Announcements"
            description="Messages of the operator that the apps show to all identities or to some, in their language."
            actions={
                <Link className="button button-primary" to="/announcements/new">
                    <Icon name="plus" size={17} />
                    <span>New announcement</span>
                </Link>
            }
        >
            {created && !deleted && <Notice tone="success">The announcement “{created}” was published.</Notice>}
            {deleted && <Notice tone="success">The announcement “{deleted}” was deleted.</Notice>}
            <Card>
                <QueryView query={announcements}>
                    {(list) => (
                        <DataTable
                            caption="Announcements"
                            columns={["Title", "Severity", "Languages", "Recipients", "Created", "Expires"]}
                            rows={list}
                            empty="No announcements."
                            actions={(announcement) => (
                                <Button
                                    size="sm"
                                    variant="ghost-danger"
                                    onClick={() => setDeleting(announcement)}
                                    aria-label={`Delete announcement ${englishTitle(announcement)}`}
                                >
                                    Delete
                                </Button>
                            )}
                        >
                            {(announcement) => (
                                <>
                                    <td>
                                        <span className="strong">{englishTitle(announcement)}</span>
                                        <span className="cell-detail">
                                            {announcement.actions.length > 0 &&
                                                `${announcement.actions.length} ${announcement.actions.length === 1 ? "action" : "actions"}`}
                                            {announcement.actions.length > 0 && announcement.isSilent && " · "}
                                            {announcement.isSilent && "silent"}
                                        </span>
                                    </td>
                                    <BadgeCell value={announcement.severity} />
                                    <td>{announcement.texts.map((text) => text.language).join(", ")}</td>
                                    <td>
                                        {announcement.recipients.length === 0
                                            ? "Everybody"
                                            : `${formatInteger(announcement.recipients.length)} ${announcement.recipients.length === 1 ? "identity" : "identities"}`}
                                    </td>
                                    <DateCell iso={announcement.createdAt} />
                                    <td>
                                        {announcement.expiresAt ? (
                                            <DateTime iso={announcement.expiresAt} />
                                        ) : (
                                            <span className="muted">Never</span>
                                        )}
                                    </td>
                                </>
                            )}
                        </DataTable>
                    )}
                </QueryView>
            </Card>
            <ConfirmDialog
                open={deleting !== undefined}
                title="Delete this announcement?"
                confirmLabel="Delete announcement"
                busy={remove.isPending}
                onClose={() => setDeleting(undefined)}
                onConfirm={() => deleting && remove.mutate(deleting.id)}
            >
                <p>“{deleting && englishTitle(deleting)}” disappears from the apps the next time they fetch announcements.</p>
                {remove.isError && <ErrorNotice error={remove.error} title="The announcement was not deleted" />}
            </ConfirmDialog>
        </Page>
    );
}

interface TextInput {
    language: string;
    title: string;
    body: string;
}

interface ActionInput {
    link: string;
    displayName: Record<string, string>;
}

/** The form of a new announcement: texts per language (English first), severity, recipients, actions. */
export function NewAnnouncementPage() {
    const queryClient = useQueryClient();
    const navigate = useNavigate();
    const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>("Medium");
    const [isSilent, setIsSilent] = useState(false);
    const [expiresAt, setExpiresAt] = useState("");
    const [texts, setTexts] = useState<TextInput[]>([{ language: "en", title: "", body: "" }]);
    const [actions, setActions] = useState<ActionInput[]>([]);
    const [recipients, setRecipients] = useState("");
    const languages = texts.map((text) => text.language.trim().toLowerCase()).filter((language) => /^[a-z]{2}$/.test(language));

    const create = useMutation({
        mutationFn: () =>
            result(() =>
                api.POST("/api/v1/Announcements", {
                    body: {
                        severity,
                        isSilent,
                        expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null,
                        texts: texts.map((text) => ({
                            language: text.language.trim().toLowerCase(),
                            title: text.title.trim(),
                            body: text.body.trim()
                        })),
                        actions: actions.map((action) => ({
                            link: action.link.trim(),
                            displayName: Object.fromEntries(
                                Object.entries(action.displayName).filter(
                                    ([language, name]) => languages.includes(language) && name.trim() !== ""
                                )
                            )
                        })),
                        recipients: recipients
                            .split(/[\s,]+/)
                            .map((address) => address.trim())
                            .filter(Boolean)
                    }
                })
            ),
        onSuccess: async (announcement) => {
            await queryClient.invalidateQueries({ queryKey: ["announcements"] });
            await navigate("/announcements", { state: { created: englishTitle(announcement) } });
        }
    });
    const updateText = (index: number, change: Partial<TextInput>) =>
        setTexts((current) => current.map((text, i) => (i === index ? { ...text, ...change } : text)));
    const updateAction = (index: number, change: Partial<ActionInput>) =>
        setActions((current) => current.map((action, i) => (i === index ? { ...action, ...change } : action)));
    const submit = (event: FormEvent) => {
        event.preventDefault();
        create.mutate();
    };

    return (
        <Page title="New announcement" description={<BackLink to="/announcements">All announcements</BackLink>}>
            <form onSubmit={submit} className="announcement-form">
                <div className="grid-2-1">
                    <Card title="Texts" description="English is required; apps show the text in the language of the device, or English.">
                        {texts.map((text, index) => (
                            <fieldset className="text-block" key={index}>
                                <legend>{index === 0 ? "English" : `Text ${index + 1}`}</legend>
                                {index > 0 && (
                                    <div className="text-block-header">
                                        <TextField
                                            label="Language"
                                            className="field-narrow"
                                            value={text.language}
                                            onChange={(event) => updateText(index, { language: event.target.value })}
                                            maxLength={2}
                                            placeholder="de"
                                            hint="ISO 639-1 code"
                                            required
                                        />
                                        <Button
                                            size="sm"
                                            variant="ghost"
                                            onClick={() => setTexts((current) => current.filter((_, i) => i !== index))}
                                        >
                                            Remove this language
                                        </Button>
                                    </div>
                                )}
                                <TextField
                                    label="Title"
                                    value={text.title}
                                    onChange={(event) => updateText(index, { title: event.target.value })}
                                    maxLength={500}
                                    required
                                />
                                <TextAreaField
                                    label="Body"
                                    value={text.body}
                                    onChange={(event) => updateText(index, { body: event.target.value })}
                                    rows={3}
                                    maxLength={10000}
                                    required
                                />
                            </fieldset>
                        ))}
                        <Button icon="plus" onClick={() => setTexts((current) => [...current, { language: "", title: "", body: "" }])}>
                            Add a language
                        </Button>
                    </Card>
                    <div>
                        <Card title="Settings">
                            <div className="stack">
                                <SelectField
                                    label="Severity"
                                    value={severity}
                                    onChange={(event) => setSeverity(event.target.value as (typeof SEVERITIES)[number])}
                                >
                                    {SEVERITIES.map((value) => (
                                        <option key={value}>{value}</option>
                                    ))}
                                </SelectField>
                                <TextField
                                    label="Expires"
                                    optional
                                    type="datetime-local"
                                    value={expiresAt}
                                    onChange={(event) => setExpiresAt(event.target.value)}
                                    hint="In your local time. Left empty, the announcement stays until it is deleted."
                                />
                                <CheckboxField
                                    label="Silent"
                                    checked={isSilent}
                                    onChange={(event) => setIsSilent(event.target.checked)}
                                    hint="No push notification; the apps show it when they next fetch announcements."
                                />
                                <TextAreaField
                                    label="Recipients"
                                    optional
                                    value={recipients}
                                    onChange={(event) => setRecipients(event.target.value)}
                                    rows={3}
                                    spellCheck={false}
                                    placeholder="did:e:…"
                                    hint="Addresses of the identities, one per line (at most 100). Left empty: everybody."
                                />
                            </div>
                        </Card>
                    </div>
                </div>
                <Card title="Actions" description="Links the apps offer with the announcement, with a label per language.">
                    {actions.length === 0 && <EmptyState>No actions.</EmptyState>}
                    {actions.map((action, index) => (
                        <fieldset className="text-block" key={index}>
                            <legend>Action {index + 1}</legend>
                            <div className="action-grid">
                                <TextField
                                    label="Link"
                                    type="url"
                                    value={action.link}
                                    onChange={(event) => updateAction(index, { link: event.target.value })}
                                    placeholder="https://example.org/news"
                                    maxLength={300}
                                    required
                                />
                                {languages.map((language) => (
                                    <TextField
                                        key={language}
                                        label={`Label (${language})`}
                                        value={action.displayName[language] ?? ""}
                                        onChange={(event) =>
                                            updateAction(index, { displayName: { ...action.displayName, [language]: event.target.value } })
                                        }
                                        maxLength={30}
                                        required={language === "en"}
                                    />
                                ))}
                            </div>
                            <Button
                                size="sm"
                                variant="ghost"
                                onClick={() => setActions((current) => current.filter((_, i) => i !== index))}
                            >
                                Remove this action
                            </Button>
                        </fieldset>
                    ))}
                    <Button icon="plus" onClick={() => setActions((current) => [...current, { link: "", displayName: {} }])}>
                        Add an action
                    </Button>
                </Card>
                {create.isError && <ErrorNotice error={create.error} title="The announcement was not published" />}
                <div className="form-footer">
                    <Link className="button button-secondary" to="/announcements">
                        <span>Cancel</span>
                    </Link>
                    <Button type="submit" variant="primary" busy={create.isPending}>
                        Publish announcement
                    </Button>
                </div>
            </form>
        </Page>
    );
}
