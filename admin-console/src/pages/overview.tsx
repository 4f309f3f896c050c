import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { api, result } from "../api/client";
import { DailyBarChart } from "../components/chart";
import { Button, Card, Page, QueryView } from "../components/ui";
import { formatBytes, formatInteger } from "../format";

export function useStatistics() {
    return useQuery({ queryKey: ["statistics"], queryFn: () => result(() => api.GET("/api/v1/Statistics")) });
}

function Stat({ label, value, detail, to }: { label: string; value: string; detail?: string; to?: string }) {
    return (
        <div className="stat">
            <dt>{to ? <Link to={to}>{label}</Link> : label}</dt>
            <dd>
                <span className="stat-value">{value}</span>
                {detail && <span className="stat-detail">{detail}</span>}
            </dd>
        </div>
    );
}

/** The numbers of the Backbone and what was created per day. */
export function OverviewPage() {
    const statistics = useStatistics();
    return (
        <Page
            title="Overview"
            description="What this Backbone holds now, across all instances sharing its database."
            actions={
                <Button icon="refresh" onClick={() => void statistics.refetch()} busy={statistics.isFetching}>
                    Refresh
                </Button>
            }
        >
            <QueryView query={statistics} label="Counting…">
                {(s) => (
                    <>
                        <h2 className="visually-hidden">Totals</h2>
                        <dl className="stats">
                            <Stat label="Identities" value={formatInteger(s.identities)} to="/identities" />
                            <Stat label="Devices" value={formatInteger(s.devices)} />
                            <Stat label="Relationships" value={formatInteger(s.relationships)} />
                            <Stat label="Messages" value={formatInteger(s.messages)} />
                            <Stat label="Files" value={formatInteger(s.files)} />
                            <Stat label="Stored blobs" value={formatBytes(s.blobBytes)} detail="cipher bytes of all files" />
                            <Stat label="Open sync runs" value={formatInteger(s.openSyncRuns)} detail="started, not finalized" />
                            <Stat
                                label="Pending external events"
                                value={formatInteger(s.pendingExternalEvents)}
                                detail="waiting for a sync run"
                            />
                        </dl>
                        <Card title="Created per day" description={`The last ${s.createdPerDay.length} days in UTC, today on the right.`}>
                            <DailyBarChart
                                title="Identities and messages created per day"
                                days={s.createdPerDay}
                                series={[
                                    { key: "identities", label: "Identities", className: "series-1" },
                                    { key: "messages", label: "Messages", className: "series-2" }
                                ]}
                            />
                        </Card>
                    </>
                )}
            </QueryView>
        </Page>
    );
}
