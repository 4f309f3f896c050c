import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, result, type Schemas } from "../api/client";
import { DataTable } from "../components/table";
import { BadgeCell, Button, Card, DateCell, DateTime, DescriptionList, ErrorNotice, Notice, Page, QueryView } from "../components/ui";
import { formatDuration, formatInteger } from "../format";

function removedTotal(run: { removed: Record<string, number> }): number {
    return Object.values(run.removed).reduce((sum, count) => sum + count, 0);
}

function RunDetails({ run }: { run: Schemas["HousekeepingRunDto"] }) {
    const removed = Object.entries(run.removed).filter(([, count]) => count > 0);
    return (
        <>
            {removed.length === 0 ? (
                <span className="muted">Nothing to remove</span>
            ) : (
                <ul className="plain-list">
                    {removed.map(([task, count]) => (
                        <li key={task}>
                            <span className="mono">{task}</span>: {formatInteger(count)}
                        </li>
                    ))}
                </ul>
            )}
            {run.skipped.length > 0 && <span className="cell-detail">Skipped (running elsewhere): {run.skipped.join(", ")}</span>}
            {run.failedTask && <span className="cell-detail error-text">Failed in {run.failedTask}</span>}
        </>
    );
}

/** The cleanup jobs: schedule, last runs of all instances, and a run now. */
export function HousekeepingPage() {
    const queryClient = useQueryClient();
    const status = useQuery({ queryKey: ["housekeeping"], queryFn: () => result(() => api.GET("/api/v1/Housekeeping")) });
    const run = useMutation({
        mutationFn: () => result(() => api.POST("/api/v1/Housekeeping/Run")),
        onSettled: () => queryClient.invalidateQueries({ queryKey: ["housekeeping"] })
    });
    return (
        <Page
            title="Housekeeping"
            description="Jobs that remove what has expired: challenges, tokens, files, messages, sync runs, unfinished uploads and more."
            actions={
                <Button variant="primary" icon="play" busy={run.isPending} onClick={() => run.mutate()}>
                    Run now
                </Button>
            }
        >
            {run.isError && <ErrorNotice error={run.error} title="The run failed" />}
            {run.isSuccess && (
                <Notice tone="success" title="Housekeeping ran">
                    Removed {formatInteger(removedTotal(run.data))} records
                    {run.data.skipped.length > 0 && `; skipped ${run.data.skipped.join(", ")} (running on another instance)`}.
                </Notice>
            )}
            <QueryView query={status}>
                {(data) => (
                    <>
                        <div className="grid-1-2">
                            <Card title="Schedule">
                                <DescriptionList
                                    items={[
                                        ["On this instance", data.scheduleEnabled ? "Enabled" : "Disabled (HOUSEKEEPING_ENABLED=false)"],
                                        ["Schedule (UTC)", <code key="cron">{data.schedule}</code>],
                                        ["Next run", <DateTime key="next" iso={data.nextRunAt} />]
                                    ]}
                                />
                            </Card>
                            <Card
                                title="Jobs"
                                description="A run goes through them in this order; each is skipped while another instance runs it."
                            >
                                <ul className="job-list">
                                    {data.tasks.map((task) => (
                                        <li key={task} className="mono">
                                            {task}
                                        </li>
                                    ))}
                                </ul>
                            </Card>
                        </div>
                        <Card title="Last runs" description="Of every instance, newest first.">
                            <DataTable
                                caption="Last housekeeping runs"
                                columns={[
                                    "Started",
                                    "Trigger",
                                    "Outcome",
                                    { label: "Duration", className: "numeric" },
                                    { label: "Removed", className: "numeric" },
                                    "Details"
                                ]}
                                rows={data.runs}
                                empty="No run was recorded yet."
                            >
                                {(entry) => (
                                    <>
                                        <DateCell iso={entry.startedAt} />
                                        <BadgeCell value={entry.trigger} />
                                        <BadgeCell value={entry.outcome} />
                                        <td className="numeric">{formatDuration(entry.durationMs)}</td>
                                        <td className="numeric">{formatInteger(removedTotal(entry))}</td>
                                        <td>
                                            <RunDetails run={entry} />
                                        </td>
                                    </>
                                )}
                            </DataTable>
                        </Card>
                    </>
                )}
            </QueryView>
        </Page>
    );
}
