import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useSearchParams } from "react-router";

import { api, call, odataString } from "../api/client";
import { useClients, useTiers } from "../api/queries";
import { Pager, type Sort, SortHeader, Table } from "../components/table";
import { BadgeCell, Button, Card, DateCell, EmptyState, ErrorNotice, Loading, Page, SelectField, TextField } from "../components/ui";
import { formatInteger } from "../format";

const PAGE_SIZE = 20;
const NO_TIER = "none";

interface Filters {
    search: string;
    status: string;
    tier: string;
    client: string;
}

function filterOf(filters: Filters): string | undefined {
    const parts: string[] = [];
    if (filters.search) parts.push(`contains(address, ${odataString(filters.search)})`);
    if (filters.status) parts.push(`status eq ${odataString(filters.status)}`);
    if (filters.tier === NO_TIER) parts.push("tier/id eq null");
    else if (filters.tier) parts.push(`tier/id eq ${odataString(filters.tier)}`);
    if (filters.client) parts.push(`createdWithClient eq ${odataString(filters.client)}`);
    return parts.length > 0 ? parts.join(" and ") : undefined;
}

/** The identities through the OData identity overview: filtered, sorted and paged on the server. */
export function IdentitiesPage() {
    const [params, setParams] = useSearchParams();
    const filters: Filters = {
        search: params.get("search") ?? "",
        status: params.get("status") ?? "",
        tier: params.get("tier") ?? "",
        client: params.get("client") ?? ""
    };
    const sort: Sort = { by: params.get("sort") ?? "createdAt", descending: (params.get("order") ?? "desc") === "desc" };
    const page = Math.max(0, Number(params.get("page") ?? "0") || 0);
    const tiers = useTiers();
    const clients = useClients();

    const query = useQuery({
        queryKey: ["identities", filters, sort, page],
        queryFn: () =>
            call(() =>
                api.GET("/odata/Identities", {
                    params: {
                        query: {
                            $filter: filterOf(filters),
                            $orderby: `${sort.by} ${sort.descending ? "desc" : "asc"}`,
                            $top: PAGE_SIZE,
                            $skip: page * PAGE_SIZE,
                            $count: true,
                            $expand: "Tier"
                        }
                    }
                })
            ),
        placeholderData: keepPreviousData
    });

    const update = (changes: Record<string, string | undefined>) => {
        const next = new URLSearchParams(params);
        for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
        }
        if (!("page" in changes)) next.delete("page");
        setParams(next);
    };
    const submitSearch = (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        update({ search: String(new FormData(event.currentTarget).get("search") ?? "").trim() });
    };
    const columns: Array<[string, string]> = [
        ["address", "Address"],
        ["createdWithClient", "Client"],
        ["tier/name", "Tier"],
        ["status", "Status"],
        ["numberOfDevices", "Devices"],
        ["createdAt", "Created"],
        ["lastLoginAt", "Last login"]
    ];
    const total = query.data?.["@odata.count"] ?? 0;
    const clientNames = new Map(clients.data?.map((client) => [client.clientId, client.displayName]));

    return (
        <Page
            title="Identities"
            description="Every identity of this Backbone. Open one for its devices, quotas, deletion processes and activity."
        >
            <Card>
                <form className="filters" onSubmit={submitSearch} role="search" aria-label="Filter identities">
                    <TextField
                        key={filters.search}
                        label="Address contains"
                        name="search"
                        className="filter-search"
                        defaultValue={filters.search}
                        placeholder="e.g. did:e:localhost:dids:4f2c"
                        spellCheck={false}
                    />
                    <SelectField label="Status" value={filters.status} onChange={(event) => update({ status: event.target.value })}>
                        <option value="">Any status</option>
                        <option value="Active">Active</option>
                        <option value="ToBeDeleted">To be deleted</option>
                        <option value="Deleting">Deleting</option>
                    </SelectField>
                    <SelectField label="Tier" value={filters.tier} onChange={(event) => update({ tier: event.target.value })}>
                        <option value="">Any tier</option>
                        <option value={NO_TIER}>No tier</option>
                        {tiers.data?.map((tier) => (
                            <option key={tier.id} value={tier.id}>
                                {tier.name}
                            </option>
                        ))}
                    </SelectField>
                    <SelectField label="Client" value={filters.client} onChange={(event) => update({ client: event.target.value })}>
                        <option value="">Any client</option>
                        {clients.data?.map((client) => (
                            <option key={client.clientId} value={client.clientId}>
                                {client.displayName}
                            </option>
                        ))}
                    </SelectField>
                    <div className="filter-buttons">
                        <Button type="submit" variant="primary">
                            Search
                        </Button>
                        {(filters.search || filters.status || filters.tier || filters.client) && (
                            <Button
                                variant="ghost"
                                onClick={() => update({ search: undefined, status: undefined, tier: undefined, client: undefined })}
                            >
                                Clear
                            </Button>
                        )}
                    </div>
                </form>
            </Card>
            <Card>
                {query.isError && <ErrorNotice error={query.error} title="Could not load the identities" />}
                {query.isPending && <Loading />}
                {query.data && (
                    <>
                        <Table caption="Identities">
                            <thead>
                                <tr>
                                    {columns.map(([column, label]) => (
                                        <SortHeader
                                            key={column}
                                            column={column}
                                            label={label}
                                            sort={sort}
                                            onSort={(next) => update({ sort: next.by, order: next.descending ? "desc" : "asc" })}
                                        />
                                    ))}
                                </tr>
                            </thead>
                            <tbody aria-busy={query.isFetching}>
                                {query.data.value.map((identity) => (
                                    <tr key={identity.address}>
                                        <td>
                                            <Link className="mono" to={`/identities/${encodeURIComponent(identity.address)}`}>
                                                {identity.address}
                                            </Link>
                                        </td>
                                        <td>{clientNames.get(identity.createdWithClient) ?? identity.createdWithClient}</td>
                                        <td className="nowrap">{identity.tier?.name ?? <span className="muted">No tier</span>}</td>
                                        <BadgeCell value={identity.status} />
                                        <td className="numeric">{formatInteger(identity.numberOfDevices)}</td>
                                        <DateCell iso={identity.createdAt} />
                                        <DateCell iso={identity.lastLoginAt} />
                                    </tr>
                                ))}
                            </tbody>
                        </Table>
                        {query.data.value.length === 0 && <EmptyState>No identity matches these filters.</EmptyState>}
                        <Pager
                            always
                            label="identities"
                            page={page}
                            pageSize={PAGE_SIZE}
                            total={total}
                            onPage={(next) => update({ page: String(next) })}
                        />
                    </>
                )}
            </Card>
        </Page>
    );
}
