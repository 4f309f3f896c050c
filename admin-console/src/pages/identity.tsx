import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";

import { api, call, result, type Schemas } from "../api/client";
import { useClients, useTiers } from "../api/queries";
import { ConfirmDialog } from "../components/dialog";
import { QuotaForm, type QuotaInput } from "../components/quota-form";
import { DataTable, Pager } from "../components/table";
import {
    BackLink,
    Badge,
    BadgeCell,
    Button,
    Card,
    Copyable,
    DateCell,
    DateTime,
    DescriptionList,
    ErrorNotice,
    Loading,
    Notice,
    Page,
    QueryView,
    SelectField
} from "../components/ui";
import { formatBytes, formatInteger } from "../format";

const ACTIVITY_PAGE_SIZE = 10;

type Identity = Schemas["IdentityDetailsDto"];

/** One identity: details, tier, quotas with usage, devices, deletion processes and metadata of its activity. */
export function IdentityPage() {
    const address = useParams().address ?? "";
    const identity = useQuery({
        queryKey: ["identity", address],
        queryFn: () => result(() => api.GET("/api/v1/Identities/{address}", { params: { path: { address } } }))
    });
    return (
        <Page title="Identity" description={<BackLink to="/identities">All identities</BackLink>}>
            <QueryView query={identity} label="Loading the identity…">
                {(data) => <IdentityDetails identity={data} />}
            </QueryView>
        </Page>
    );
}

function IdentityDetails({ identity }: { identity: Identity }) {
    return (
        <>
            <div className="grid-2-1">
                <SummaryCard identity={identity} />
                <TierCard identity={identity} />
            </div>
            <QuotasCard identity={identity} />
            <DevicesCard identity={identity} />
            <DeletionProcessesCard identity={identity} />
            <RelationshipsCard address={identity.address} />
            <MessagesCard address={identity.address} />
            <TokensCard address={identity.address} />
        </>
    );
}

function SummaryCard({ identity }: { identity: Identity }) {
    const tiers = useTiers();
    const clients = useClients();
    const tierName = identity.tierId ? (tiers.data?.find((tier) => tier.id === identity.tierId)?.name ?? identity.tierId) : "No tier";
    const clientName = clients.data?.find((client) => client.clientId === identity.clientId)?.displayName;
    return (
        <Card title="Details">
            <DescriptionList
                items={[
                    ["Address", <Copyable key="address" value={identity.address} label="address" />],
                    ["Status", <Badge key="status" value={identity.status} />],
                    [
                        "Client",
                        clientName && clientName !== identity.clientId ? (
                            <>
                                {clientName} <span className="mono muted">{identity.clientId}</span>
                            </>
                        ) : (
                            identity.clientId
                        )
                    ],
                    ["Tier", tierName],
                    ["Created", <DateTime key="created" iso={identity.createdAt} />],
                    ["Identity version", formatInteger(identity.identityVersion)],
                    ["Devices", formatInteger(identity.numberOfDevices)]
                ]}
            />
        </Card>
    );
}

function TierCard({ identity }: { identity: Identity }) {
    const queryClient = useQueryClient();
    const tiers = useTiers();
    const [tierId, setTierId] = useState(identity.tierId ?? "");
    const change = useMutation({
        mutationFn: (id: string) =>
            call(() => api.PUT("/api/v1/Identities/{address}", { params: { path: { address: identity.address } }, body: { tierId: id } })),
        onSuccess: async () => {
            await queryClient.invalidateQueries({ queryKey: ["identity", identity.address] });
            await queryClient.invalidateQueries({ queryKey: ["identities"] });
            await queryClient.invalidateQueries({ queryKey: ["tiers"] });
        }
    });
    const assignable = tiers.data?.filter((tier) => tier.canBeManuallyAssigned || tier.id === identity.tierId) ?? [];
    const locked = identity.status !== "Active";
    const submit = (event: FormEvent) => {
        event.preventDefault();
        if (tierId && tierId !== identity.tierId) change.mutate(tierId);
    };
    return (
        <Card
            title="Change tier"
            description="The tier decides which quotas apply, unless the identity has individual quotas for a metric."
        >
            <form onSubmit={submit} className="stack">
                <SelectField
                    label="Tier"
                    value={tierId}
                    onChange={(event) => {
                        setTierId(event.target.value);
                        change.reset();
                    }}
                    disabled={locked}
                    hint={locked ? "The tier of an identity that is being deleted cannot change." : undefined}
                >
                    {!identity.tierId && <option value="">No tier</option>}
                    {assignable.map((tier) => (
                        <option key={tier.id} value={tier.id}>
                            {tier.name}
                        </option>
                    ))}
                </SelectField>
                <div>
                    <Button
                        type="submit"
                        variant="primary"
                        busy={change.isPending}
                        disabled={locked || !tierId || tierId === identity.tierId}
                    >
                        Change tier
                    </Button>
                </div>
                {change.isError && <ErrorNotice error={change.error} title="The tier was not changed" />}
                {change.isSuccess && <Notice tone="success">The tier was changed.</Notice>}
            </form>
        </Card>
    );
}

function formatUsage(quota: Schemas["IdentityQuotaDto"], value: number): string {
    return quota.metric.key === "UsedFileStorageSpace" ? formatBytes(value) : formatInteger(value);
}

function QuotasCard({ identity }: { identity: Identity }) {
    const queryClient = useQueryClient();
    const path = { address: identity.address };
    const refresh = () => queryClient.invalidateQueries({ queryKey: ["identity", identity.address] });
    const add = useMutation({
        mutationFn: (quota: QuotaInput) => result(() => api.POST("/api/v1/Identities/{address}/Quotas", { params: { path }, body: quota })),
        onSuccess: refresh
    });
    const remove = useMutation({
        mutationFn: (individualQuotaId: string) =>
            call(() =>
                api.DELETE("/api/v1/Identities/{address}/Quotas/{individualQuotaId}", {
                    params: { path: { ...path, individualQuotaId } }
                })
            ),
        onSuccess: refresh
    });
    return (
        <Card title="Quotas" description="Usage in the current period. Individual quotas replace the tier's quotas of their metric.">
            <DataTable
                caption="Quotas of this identity"
                columns={["Metric", "Period", "Source", { label: "Usage", className: "usage-column" }]}
                rows={identity.quotas}
                empty="No quota applies to this identity."
                actions={(quota) =>
                    quota.source === "Individual" && (
                        <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => remove.mutate(quota.id)}
                            busy={remove.isPending && remove.variables === quota.id}
                            aria-label={`Remove individual quota ${quota.metric.displayName} per ${quota.period}`}
                        >
                            Remove
                        </Button>
                    )
                }
            >
                {(quota) => {
                    const share = quota.max > 0 ? Math.min(1, quota.usage / quota.max) : 1;
                    return (
                        <>
                            <td>{quota.metric.displayName}</td>
                            <td>{quota.period}</td>
                            <BadgeCell value={quota.source} />
                            <td>
                                <div className="usage">
                                    <span className="usage-text">
                                        {formatUsage(quota, quota.usage)} of {formatUsage(quota, quota.max)}
                                    </span>
                                    <span className="usage-bar" aria-hidden="true">
                                        <span
                                            className={share >= 1 ? "full" : share >= 0.8 ? "high" : ""}
                                            style={{ width: `${Math.round(share * 100)}%` }}
                                        />
                                    </span>
                                </div>
                            </td>
                        </>
                    );
                }}
            </DataTable>
            {remove.isError && <ErrorNotice error={remove.error} title="The quota was not removed" />}
            <QuotaForm label="Add an individual quota" submitLabel="Add individual quota" add={add} />
        </Card>
    );
}

function DevicesCard({ identity }: { identity: Identity }) {
    return (
        <Card title="Devices">
            <DataTable
                caption="Devices of this identity"
                columns={["Device", "Username", "Created", "Last login", "Language", "Backup device"]}
                rows={identity.devices}
            >
                {(device) => (
                    <>
                        <td className="mono">{device.id}</td>
                        <td className="mono">{device.username}</td>
                        <DateCell iso={device.createdAt} />
                        <DateCell iso={device.lastLogin?.time} />
                        <td>{device.communicationLanguage}</td>
                        <td>{device.isBackupDevice ? "Yes" : "No"}</td>
                    </>
                )}
            </DataTable>
        </Card>
    );
}

function DeletionProcessesCard({ identity }: { identity: Identity }) {
    const queryClient = useQueryClient();
    const path = { address: identity.address };
    const [confirming, setConfirming] = useState<"start" | { cancel: string } | undefined>();
    const processes = useQuery({
        queryKey: ["identity", identity.address, "deletion-processes"],
        queryFn: () => result(() => api.GET("/api/v1/Identities/{address}/DeletionProcesses", { params: { path } }))
    });
    const refresh = async () => {
        setConfirming(undefined);
        await queryClient.invalidateQueries({ queryKey: ["identity", identity.address] });
        await queryClient.invalidateQueries({ queryKey: ["identities"] });
    };
    const start = useMutation({
        mutationFn: () => result(() => api.POST("/api/v1/Identities/{address}/DeletionProcesses", { params: { path } })),
        onSuccess: refresh
    });
    const cancel = useMutation({
        mutationFn: (deletionProcessId: string) =>
            call(() =>
                api.PUT("/api/v1/Identities/{address}/DeletionProcesses/{deletionProcessId}/Cancel", {
                    params: { path: { ...path, deletionProcessId } }
                })
            ),
        onSuccess: refresh
    });
    const active = processes.data?.some((process) => process.status === "Active" || process.status === "Deleting");
    return (
        <Card
            title="Deletion processes"
            description="A process started by support is active at once; the identity is deleted when its grace period ends."
            actions={
                <Button variant="danger-outline" onClick={() => setConfirming("start")} disabled={!processes.data || active}>
                    Start deletion process
                </Button>
            }
        >
            {start.isError && <ErrorNotice error={start.error} title="The deletion process was not started" />}
            {cancel.isError && <ErrorNotice error={cancel.error} title="The deletion process was not cancelled" />}
            <QueryView query={processes}>
                {(list) => (
                    <DataTable
                        caption="Deletion processes"
                        columns={["Process", "Status", "Started", "Started by", "Grace period ends"]}
                        rows={list}
                        empty="No deletion process was started for this identity."
                        actions={(process) =>
                            process.status === "Active" && (
                                <Button size="sm" onClick={() => setConfirming({ cancel: process.id })}>
                                    Cancel process
                                </Button>
                            )
                        }
                    >
                        {(process) => (
                            <>
                                <td className="mono">{process.id}</td>
                                <BadgeCell value={process.status} />
                                <DateCell iso={process.createdAt} />
                                <td>{process.createdByDevice ? <span className="mono">{process.createdByDevice}</span> : "Support"}</td>
                                <DateCell iso={process.gracePeriodEndsAt} />
                            </>
                        )}
                    </DataTable>
                )}
            </QueryView>
            <ConfirmDialog
                open={confirming === "start"}
                title="Start a deletion process?"
                confirmLabel="Start deletion process"
                busy={start.isPending}
                onClose={() => setConfirming(undefined)}
                onConfirm={() => start.mutate()}
            >
                <p>
                    The identity <span className="mono">{identity.address}</span> will be deleted with all its data when the grace period of
                    14 days ends. Its devices are told at once, and the process can be cancelled until then.
                </p>
            </ConfirmDialog>
            <ConfirmDialog
                open={typeof confirming === "object"}
                title="Cancel the deletion process?"
                confirmLabel="Cancel process"
                danger={false}
                busy={cancel.isPending}
                onClose={() => setConfirming(undefined)}
                onConfirm={() => typeof confirming === "object" && cancel.mutate(confirming.cancel)}
            >
                <p>The identity becomes active again with its previous tier, and its devices are told.</p>
            </ConfirmDialog>
        </Card>
    );
}

function usePage() {
    const [page, setPage] = useState(0);
    return { page, setPage, query: { pageNumber: page + 1, pageSize: ACTIVITY_PAGE_SIZE } };
}

function totalOf(response: { pagination?: { totalRecords: number }; result: unknown[] }): number {
    return response.pagination?.totalRecords ?? response.result.length;
}

function RelationshipsCard({ address }: { address: string }) {
    const { page, setPage, query } = usePage();
    const relationships = useQuery({
        queryKey: ["identity", address, "relationships", page],
        queryFn: () => call(() => api.GET("/api/v1/Relationships", { params: { query: { participant: address, ...query } } }))
    });
    return (
        <Card title="Relationships" description="Metadata only: contents are end-to-end encrypted and never shown.">
            <QueryView query={relationships}>
                {(data) => (
                    <>
                        <DataTable
                            caption="Relationships of this identity"
                            columns={["Peer", "Status", "Requested by", "Created", "Answered"]}
                            rows={data.result}
                            rowKey={(relationship) => `${relationship.peer}-${relationship.creationDate}`}
                            empty="This identity has no relationships."
                        >
                            {(relationship) => (
                                <>
                                    <td>
                                        <Link className="mono" to={`/identities/${encodeURIComponent(relationship.peer)}`}>
                                            {relationship.peer}
                                        </Link>
                                    </td>
                                    <BadgeCell value={relationship.status} />
                                    <td>{relationship.requestedBy === "Self" ? "This identity" : "The peer"}</td>
                                    <DateCell iso={relationship.creationDate} />
                                    <DateCell iso={relationship.answeredAt} />
                                </>
                            )}
                        </DataTable>
                        <Pager label="relationships" page={page} pageSize={ACTIVITY_PAGE_SIZE} total={totalOf(data)} onPage={setPage} />
                    </>
                )}
            </QueryView>
        </Card>
    );
}

function MessagesCard({ address }: { address: string }) {
    const { page, setPage, query } = usePage();
    const [type, setType] = useState<"Outgoing" | "Incoming">("Outgoing");
    const messages = useQuery({
        queryKey: ["identity", address, "messages", type, page],
        queryFn: () => call(() => api.GET("/api/v1/Messages", { params: { query: { participant: address, type, ...query } } }))
    });
    return (
        <Card
            title="Messages"
            description="Metadata only: bodies and attachments are end-to-end encrypted and never shown."
            actions={
                <div className="segmented" role="group" aria-label="Which messages">
                    {(["Outgoing", "Incoming"] as const).map((option) => (
                        <button
                            key={option}
                            type="button"
                            aria-pressed={type === option}
                            onClick={() => {
                                setType(option);
                                setPage(0);
                            }}
                        >
                            {option === "Outgoing" ? "Sent" : "Received"}
                        </button>
                    ))}
                </div>
            }
        >
            <QueryView query={messages}>
                {(data) => (
                    <>
                        <DataTable
                            caption={type === "Outgoing" ? "Messages sent" : "Messages received"}
                            columns={[
                                "Message",
                                type === "Outgoing" ? "Recipients" : "Sender",
                                "Sent",
                                { label: "Attachments", className: "numeric" },
                                "Received"
                            ]}
                            rows={data.result}
                            rowKey={(message) => message.messageId}
                            empty={type === "Outgoing" ? "This identity sent no messages." : "This identity received no messages."}
                        >
                            {(message) => (
                                <>
                                    <td className="mono">{message.messageId}</td>
                                    <td className="mono">
                                        {type === "Outgoing"
                                            ? message.recipients.map((recipient) => <div key={recipient.address}>{recipient.address}</div>)
                                            : message.senderAddress}
                                    </td>
                                    <DateCell iso={message.sendDate} />
                                    <td className="numeric">{formatInteger(message.numberOfAttachments)}</td>
                                    <td>
                                        {type === "Outgoing" ? (
                                            `${message.recipients.filter((recipient) => recipient.receivedAt).length} of ${message.recipients.length}`
                                        ) : (
                                            <DateTime
                                                iso={message.recipients.find((recipient) => recipient.address === address)?.receivedAt}
                                            />
                                        )}
                                    </td>
                                </>
                            )}
                        </DataTable>
                        <Pager label="messages" page={page} pageSize={ACTIVITY_PAGE_SIZE} total={totalOf(data)} onPage={setPage} />
                    </>
                )}
            </QueryView>
        </Card>
    );
}

function TokensCard({ address }: { address: string }) {
    const { page, setPage, query } = usePage();
    const [reset, setReset] = useState<string | undefined>();
    const tokens = useQuery({
        queryKey: ["identity", address, "tokens", page],
        queryFn: () => call(() => api.GET("/api/v1/Tokens", { params: { query: { createdBy: address, ...query } } }))
    });
    const resetFailures = useMutation({
        mutationFn: (tokenId: string) =>
            call(() => api.PATCH("/api/v1/Tokens/{tokenId}/ResetAccessFailedCount", { params: { path: { tokenId } } })),
        onSuccess: (_data, tokenId) => setReset(tokenId)
    });
    return (
        <Card
            title="Tokens"
            description="Tokens this identity created, metadata only. A password-protected token locks after too many wrong passwords."
        >
            {resetFailures.isError && <ErrorNotice error={resetFailures.error} title="The token was not unlocked" />}
            {reset && <Notice tone="success">The failed password attempts of {reset} were reset.</Notice>}
            {tokens.isPending && <Loading />}
            {tokens.isError && <ErrorNotice error={tokens.error} />}
            {tokens.data && (
                <>
                    <DataTable
                        caption="Tokens created by this identity"
                        columns={["Token", "Created", "Expires", "For", "Password"]}
                        rows={tokens.data.result}
                        empty="This identity created no tokens."
                        actions={(token) =>
                            token.isPasswordProtected && (
                                <Button
                                    size="sm"
                                    onClick={() => resetFailures.mutate(token.id)}
                                    busy={resetFailures.isPending && resetFailures.variables === token.id}
                                    aria-label={`Reset failed attempts of ${token.id}`}
                                >
                                    Reset failed attempts
                                </Button>
                            )
                        }
                    >
                        {(token) => (
                            <>
                                <td className="mono">{token.id}</td>
                                <DateCell iso={token.createdAt} />
                                <DateCell iso={token.expiresAt} />
                                <td>
                                    {token.forIdentity ? (
                                        <span className="mono">{token.forIdentity}</span>
                                    ) : (
                                        <span className="muted">Anyone</span>
                                    )}
                                </td>
                                <td>{token.isPasswordProtected ? "Protected" : "None"}</td>
                            </>
                        )}
                    </DataTable>
                    <Pager label="tokens" page={page} pageSize={ACTIVITY_PAGE_SIZE} total={totalOf(tokens.data)} onPage={setPage} />
                </>
            )}
        </Card>
    );
}
