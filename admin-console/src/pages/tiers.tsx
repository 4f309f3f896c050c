import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, NavLink, useNavigate, useParams } from "react-router";

import { api, call, result, type Schemas } from "../api/client";
import { useTiers } from "../api/queries";
import { ConfirmDialog } from "../components/dialog";
import { QuotaForm, type QuotaInput } from "../components/quota-form";
import { DataTable } from "../components/table";
import { Badge, Button, Card, EmptyState, ErrorNotice, Notice, Page, QueryView, TextField } from "../components/ui";
import { formatBytes, formatInteger } from "../format";

/** Tiers and their quotas; individual quotas of one identity are on its page. */
export function TiersPage() {
    const tierId = useParams().tierId;
    const tiers = useTiers();
    return (
        <Page
            title="Tiers and quotas"
            description={
                <>
                    A tier limits what its identities may do per period. An identity gets the default tier of its client. Individual quotas
                    of one identity are set on its page under <Link to="/identities">Identities</Link>.
                </>
            }
        >
            <div className="grid-1-2">
                <div>
                    <Card title="Tiers">
                        <QueryView query={tiers}>
                            {(list) => (
                                <ul className="tier-list">
                                    {list.map((tier) => (
                                        <li key={tier.id}>
                                            <NavLink to={`/tiers/${tier.id}`} className="tier-link">
                                                <span className="tier-name">{tier.name}</span>
                                                <span className="tier-count">
                                                    {formatInteger(tier.numberOfIdentities)}{" "}
                                                    {tier.numberOfIdentities === 1 ? "identity" : "identities"}
                                                </span>
                                                {!tier.canBeManuallyAssigned && <Badge value="Built-in" tone="neutral" />}
                                            </NavLink>
                                        </li>
                                    ))}
                                </ul>
                            )}
                        </QueryView>
                        <CreateTierForm />
                    </Card>
                </div>
                <div>
                    {tierId ? (
                        <TierDetails key={tierId} tierId={tierId} />
                    ) : (
                        <Card>
                            <EmptyState>Choose a tier to see and change its quotas.</EmptyState>
                        </Card>
                    )}
                </div>
            </div>
        </Page>
    );
}

function CreateTierForm() {
    const queryClient = useQueryClient();
    const navigate = useNavigate();
    const [name, setName] = useState("");
    const create = useMutation({
        mutationFn: () => result(() => api.POST("/api/v1/Tiers", { body: { name: name.trim() } })),
        onSuccess: async (tier) => {
            setName("");
            await queryClient.invalidateQueries({ queryKey: ["tiers"] });
            await navigate(`/tiers/${tier.id}`);
        }
    });
    const submit = (event: FormEvent) => {
        event.preventDefault();
        if (name.trim()) create.mutate();
    };
    return (
        <form className="inline-form compact" onSubmit={submit} aria-label="Create a tier">
            <TextField
                label="New tier"
                value={name}
                onChange={(event) => setName(event.target.value)}
                placeholder="e.g. Basic"
                maxLength={100}
            />
            <Button type="submit" icon="plus" busy={create.isPending} disabled={!name.trim()}>
                Create tier
            </Button>
            {create.isError && <ErrorNotice error={create.error} title="The tier was not created" />}
        </form>
    );
}

function formatMax(quota: Schemas["QuotaDefinitionDto"]): string {
    return quota.metric.key === "UsedFileStorageSpace" ? formatBytes(quota.max) : formatInteger(quota.max);
}

function TierDetails({ tierId }: { tierId: string }) {
    const queryClient = useQueryClient();
    const navigate = useNavigate();
    const tiers = useTiers();
    const overview = tiers.data?.find((tier) => tier.id === tierId);
    const [confirmDelete, setConfirmDelete] = useState(false);
    const tier = useQuery({
        queryKey: ["tier", tierId],
        queryFn: () => result(() => api.GET("/api/v1/Tiers/{tierId}", { params: { path: { tierId } } }))
    });
    const refresh = async () => {
        await queryClient.invalidateQueries({ queryKey: ["tier", tierId] });
        await queryClient.invalidateQueries({ queryKey: ["identity"] });
    };
    const addQuota = useMutation({
        mutationFn: (quota: QuotaInput) =>
            result(() => api.POST("/api/v1/Tiers/{tierId}/Quotas", { params: { path: { tierId } }, body: quota })),
        onSuccess: refresh
    });
    const removeQuota = useMutation({
        mutationFn: (tierQuotaDefinitionId: string) =>
            call(() =>
                api.DELETE("/api/v1/Tiers/{tierId}/Quotas/{tierQuotaDefinitionId}", { params: { path: { tierId, tierQuotaDefinitionId } } })
            ),
        onSuccess: refresh
    });
    const removeTier = useMutation({
        mutationFn: () => call(() => api.DELETE("/api/v1/Tiers/{tierId}", { params: { path: { tierId } } })),
        onSuccess: async () => {
            setConfirmDelete(false);
            await queryClient.invalidateQueries({ queryKey: ["tiers"] });
            await navigate("/tiers");
        }
    });
    return (
        <QueryView query={tier}>
            {(data) => (
                <Card
                    title={data.name}
                    description={
                        overview &&
                        `${formatInteger(overview.numberOfIdentities)} ${overview.numberOfIdentities === 1 ? "identity has" : "identities have"} this tier.`
                    }
                    actions={
                        overview?.canBeManuallyAssigned !== false && (
                            <Button variant="ghost-danger" onClick={() => setConfirmDelete(true)}>
                                Delete tier
                            </Button>
                        )
                    }
                >
                    {overview?.canBeManuallyAssigned === false && (
                        <Notice tone="info">
                            This tier is built in: identities are in it while they are being deleted, and its quotas always apply to them.
                        </Notice>
                    )}
                    <h3 className="subheading">Quotas</h3>
                    <DataTable
                        caption={`Quotas of ${data.name}`}
                        columns={["Metric", { label: "Maximum", className: "numeric" }, "Period"]}
                        rows={data.quotas}
                        empty="No quotas: identities of this tier are not limited."
                        actions={(quota) => (
                            <Button
                                size="sm"
                                variant="ghost"
                                onClick={() => removeQuota.mutate(quota.id)}
                                busy={removeQuota.isPending && removeQuota.variables === quota.id}
                                aria-label={`Remove quota ${quota.metric.displayName} per ${quota.period}`}
                            >
                                Remove
                            </Button>
                        )}
                    >
                        {(quota) => (
                            <>
                                <td>{quota.metric.displayName}</td>
                                <td className="numeric">{formatMax(quota)}</td>
                                <td>{quota.period}</td>
                            </>
                        )}
                    </DataTable>
                    {removeQuota.isError && <ErrorNotice error={removeQuota.error} title="The quota was not removed" />}
                    <QuotaForm label={`Add a quota to ${data.name}`} submitLabel="Add quota" add={addQuota} />
                    <ConfirmDialog
                        open={confirmDelete}
                        title={`Delete the tier ${data.name}?`}
                        confirmLabel="Delete tier"
                        busy={removeTier.isPending}
                        onClose={() => setConfirmDelete(false)}
                        onConfirm={() => removeTier.mutate()}
                    >
                        <p>The tier and its quotas are deleted. A tier that a client or an identity still has cannot be deleted.</p>
                        {removeTier.isError && <ErrorNotice error={removeTier.error} title="The tier was not deleted" />}
                    </ConfirmDialog>
                </Card>
            )}
        </QueryView>
    );
}
