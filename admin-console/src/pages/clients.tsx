import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { api, call, result, type Schemas } from "../api/client";
import { useClients, useTiers } from "../api/queries";
import { ConfirmDialog, Dialog, FormDialog } from "../components/dialog";
import { DataTable } from "../components/table";
import { Button, Card, Copyable, DateCell, ErrorNotice, Notice, Page, QueryView, SelectField, TextField } from "../components/ui";
import { formatInteger } from "../format";

type Client = Schemas["ClientOverviewDto"];
type Revealed = { title: string; clientId: string; clientSecret: string };

function TierOptions({ none = "No tier" }: { none?: string }) {
    const tiers = useTiers();
    return (
        <>
            <option value="">{none}</option>
            {tiers.data
                ?.filter((tier) => tier.canBeUsedAsDefaultForClient)
                .map((tier) => (
                    <option key={tier.id} value={tier.id}>
                        {tier.name}
                    </option>
                ))}
        </>
    );
}

function maxIdentitiesOf(value: string): number | null {
    return value.trim() === "" ? null : Number(value);
}

function MaxIdentitiesField({ value, onChange, hint }: { value: string; onChange: (value: string) => void; hint: string }) {
    return (
        <TextField
            label="Maximum number of identities"
            optional
            type="number"
            min={0}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            hint={hint}
        />
    );
}

/** The OAuth clients apps and connectors use: created with a secret shown once, changed, deleted. */
export function ClientsPage() {
    const queryClient = useQueryClient();
    const clients = useClients();
    const [creating, setCreating] = useState(false);
    const [editing, setEditing] = useState<Client | undefined>();
    const [renewing, setRenewing] = useState<Client | undefined>();
    const [deleting, setDeleting] = useState<Client | undefined>();
    const [revealed, setRevealed] = useState<Revealed | undefined>();
    const [notice, setNotice] = useState<string | undefined>();
    const closeDialogs = () => {
        setCreating(false);
        setEditing(undefined);
        setRenewing(undefined);
        setDeleting(undefined);
    };
    const finish = (message: string) => {
        setNotice(message);
        closeDialogs();
    };
    /** Shows the secret of a client just created or given a new one. */
    const reveal = (title: string) => (client: Schemas["ClientWithSecretDto"]) => {
        closeDialogs();
        setRevealed({ title, clientId: client.clientId, clientSecret: client.clientSecret });
    };
    // The client may have been used meanwhile (e.g. to create identities with the new secret).
    const closeRevealed = () => {
        setRevealed(undefined);
        void queryClient.invalidateQueries({ queryKey: ["clients"] });
    };
    return (
        <Page
            title="OAuth clients"
            description="The credentials with which apps and connectors create identities and log their devices in."
            actions={
                <Button
                    variant="primary"
                    icon="plus"
                    onClick={() => {
                        setNotice(undefined);
                        setCreating(true);
                    }}
                >
                    New client
                </Button>
            }
        >
            {notice && <Notice tone="success">{notice}</Notice>}
            <Card>
                <QueryView query={clients}>
                    {(list) => (
                        <DataTable
                            caption="OAuth clients"
                            columns={["Client", "Client ID", "Default tier", { label: "Identities", className: "numeric" }, "Created"]}
                            rows={list}
                            rowKey={(client) => client.clientId}
                            empty="No OAuth client exists yet."
                            actions={(client) => (
                                <>
                                    <Button size="sm" onClick={() => setEditing(client)} aria-label={`Edit ${client.displayName}`}>
                                        Edit
                                    </Button>
                                    <Button
                                        size="sm"
                                        onClick={() => setRenewing(client)}
                                        aria-label={`Change secret of ${client.displayName}`}
                                    >
                                        Change secret
                                    </Button>
                                    <Button
                                        size="sm"
                                        variant="ghost-danger"
                                        onClick={() => setDeleting(client)}
                                        aria-label={`Delete ${client.displayName}`}
                                    >
                                        Delete
                                    </Button>
                                </>
                            )}
                        >
                            {(client) => (
                                <>
                                    <td className="strong">{client.displayName}</td>
                                    <td className="mono">{client.clientId}</td>
                                    <td className="nowrap">{client.defaultTier?.name ?? <span className="muted">No tier</span>}</td>
                                    <td className="numeric">
                                        {formatInteger(client.numberOfIdentities)}
                                        {client.maxIdentities !== null && (
                                            <span className="muted"> of {formatInteger(client.maxIdentities)}</span>
                                        )}
                                    </td>
                                    <DateCell iso={client.createdAt} />
                                </>
                            )}
                        </DataTable>
                    )}
                </QueryView>
            </Card>
            {creating && <CreateClientDialog onClose={closeDialogs} onCreated={reveal("Client created")} />}
            {editing && (
                <EditClientDialog client={editing} onClose={closeDialogs} onSaved={() => finish(`${editing.displayName} was saved.`)} />
            )}
            {renewing && <ChangeSecretDialog client={renewing} onClose={closeDialogs} onChanged={reveal("Secret changed")} />}
            {deleting && (
                <DeleteClientDialog
                    client={deleting}
                    onClose={closeDialogs}
                    onDeleted={() => finish(`${deleting.displayName} was deleted.`)}
                />
            )}
            <Dialog
                open={revealed !== undefined}
                title={revealed?.title ?? ""}
                onClose={closeRevealed}
                footer={
                    <Button variant="primary" onClick={closeRevealed}>
                        I have stored the secret
                    </Button>
                }
            >
                {revealed && (
                    <div className="stack">
                        <Notice tone="warning" title="Copy the secret now">
                            It is shown only this once: the Backbone keeps only a hash of it.
                        </Notice>
                        <dl className="secret-list">
                            <div>
                                <dt>Client ID</dt>
                                <dd>
                                    <Copyable value={revealed.clientId} label="client ID" />
                                </dd>
                            </div>
                            <div>
                                <dt>Client secret</dt>
                                <dd data-testid="client-secret">
                                    <Copyable value={revealed.clientSecret} label="client secret" />
                                </dd>
                            </div>
                        </dl>
                    </div>
                )}
            </Dialog>
        </Page>
    );
}

function CreateClientDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (client: Schemas["ClientWithSecretDto"]) => void }) {
    const queryClient = useQueryClient();
    const [displayName, setDisplayName] = useState("");
    const [clientId, setClientId] = useState("");
    const [defaultTier, setDefaultTier] = useState("");
    const [maxIdentities, setMaxIdentities] = useState("");
    const create = useMutation({
        mutationFn: () =>
            result(() =>
                api.POST("/api/v1/Clients", {
                    body: {
                        displayName: displayName.trim() || null,
                        clientId: clientId.trim() || null,
                        defaultTier: defaultTier || null,
                        maxIdentities: maxIdentitiesOf(maxIdentities)
                    }
                })
            ),
        onSuccess: async (client) => {
            await queryClient.invalidateQueries({ queryKey: ["clients"] });
            onCreated(client);
        }
    });
    return (
        <FormDialog
            title="New OAuth client"
            submitLabel="Create client"
            busy={create.isPending}
            onClose={onClose}
            onSubmit={() => create.mutate()}
        >
            <div className="stack">
                <TextField label="Display name" value={displayName} onChange={(event) => setDisplayName(event.target.value)} autoFocus />
                <TextField
                    label="Client ID"
                    optional
                    value={clientId}
                    onChange={(event) => setClientId(event.target.value)}
                    hint="Letters, digits and . _ ~ -. Left empty, an id is generated."
                    spellCheck={false}
                />
                <SelectField
                    label="Default tier"
                    value={defaultTier}
                    onChange={(event) => setDefaultTier(event.target.value)}
                    hint="The tier of the identities this client creates."
                >
                    <TierOptions />
                </SelectField>
                <MaxIdentitiesField
                    value={maxIdentities}
                    onChange={setMaxIdentities}
                    hint="Left empty, the client may create any number."
                />
                {create.isError && <ErrorNotice error={create.error} title="The client was not created" />}
            </div>
        </FormDialog>
    );
}

function EditClientDialog({ client, onClose, onSaved }: { client: Client; onClose: () => void; onSaved: () => void }) {
    const queryClient = useQueryClient();
    const [defaultTier, setDefaultTier] = useState(client.defaultTier?.id ?? "");
    const [maxIdentities, setMaxIdentities] = useState(client.maxIdentities === null ? "" : String(client.maxIdentities));
    const save = useMutation({
        mutationFn: () =>
            result(() =>
                api.PUT("/api/v1/Clients/{clientId}", {
                    params: { path: { clientId: client.clientId } },
                    body: { defaultTier: defaultTier || null, maxIdentities: maxIdentitiesOf(maxIdentities) }
                })
            ),
        onSuccess: async () => {
            await queryClient.invalidateQueries({ queryKey: ["clients"] });
            onSaved();
        }
    });
    return (
        <FormDialog
            title={`Edit ${client.displayName}`}
            submitLabel="Save"
            busy={save.isPending}
            onClose={onClose}
            onSubmit={() => save.mutate()}
        >
            <div className="stack">
                <SelectField label="Default tier" value={defaultTier} onChange={(event) => setDefaultTier(event.target.value)}>
                    <TierOptions />
                </SelectField>
                <MaxIdentitiesField
                    value={maxIdentities}
                    onChange={setMaxIdentities}
                    hint={`It has ${formatInteger(client.numberOfIdentities)} now. Left empty, there is no limit.`}
                />
                {save.isError && <ErrorNotice error={save.error} title="The client was not saved" />}
            </div>
        </FormDialog>
    );
}

function ChangeSecretDialog({
    client,
    onClose,
    onChanged
}: {
    client: Client;
    onClose: () => void;
    onChanged: (client: Schemas["ClientWithSecretDto"]) => void;
}) {
    const change = useMutation({
        mutationFn: () =>
            result(() =>
                api.PATCH("/api/v1/Clients/{clientId}/ChangeSecret", { params: { path: { clientId: client.clientId } }, body: {} })
            ),
        onSuccess: onChanged
    });
    return (
        <ConfirmDialog
            open
            title={`Change the secret of ${client.displayName}?`}
            confirmLabel="Change secret"
            busy={change.isPending}
            onClose={onClose}
            onConfirm={() => change.mutate()}
        >
            <p>
                A new secret is generated. The current one stops working at once: apps and connectors using it cannot log in until they get
                the new one.
            </p>
            {change.isError && <ErrorNotice error={change.error} title="The secret was not changed" />}
        </ConfirmDialog>
    );
}

function DeleteClientDialog({ client, onClose, onDeleted }: { client: Client; onClose: () => void; onDeleted: () => void }) {
    const queryClient = useQueryClient();
    const remove = useMutation({
        mutationFn: () => call(() => api.DELETE("/api/v1/Clients/{clientId}", { params: { path: { clientId: client.clientId } } })),
        onSuccess: async () => {
            await queryClient.invalidateQueries({ queryKey: ["clients"] });
            onDeleted();
        }
    });
    return (
        <ConfirmDialog
            open
            title={`Delete ${client.displayName}?`}
            confirmLabel="Delete client"
            busy={remove.isPending}
            onClose={onClose}
            onConfirm={() => remove.mutate()}
        >
            <p>
                Its credentials stop working at once for logins and for creating identities. The {formatInteger(client.numberOfIdentities)}{" "}
                identities it created stay.
            </p>
            {remove.isError && <ErrorNotice error={remove.error} title="The client was not deleted" />}
        </ConfirmDialog>
    );
}
