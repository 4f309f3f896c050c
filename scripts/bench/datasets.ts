/**
 * The benchmark's datasets, shaped like the official Backbone's performance snapshots.
 *
 * The official snapshots are made from "pool configurations": groups of identities of one kind (never used, app,
 * connector) and size (light, medium, heavy), each with a number of devices, relationship templates, relationships,
 * messages, datawallet modifications and challenges per identity (nmshd/backbone,
 * Applications/ConsumerApi/test/ConsumerApi.Tests.Performance/tools/snapshot-creator/pool-config.{light,heavy}.json).
 * The snapshots built from them hold (its README's list of snapshots):
 *
 * | snapshot | identities | relationship templates | relationships | messages |
 * |----------|-----------:|-----------------------:|--------------:|---------:|
 * | light    |        542 |                    750 |         1,747 |   16,113 |
 * | heavy    |     19,071 |                520,000 |        20,376 |  225,553 |
 *
 * The pools below are those of the pool configurations, with these choices where the two sources disagree or are
 * silent (see the README's "Benchmark" section):
 * - heavy: the pools add up to 10,560 identities; the snapshot has 19,071, so the never-used pool is enlarged by the
 *   difference (it only adds identities, devices and datawallet modifications).
 * - Messages flow between apps and connectors over their relationships, a quarter sent by the app, three quarters
 *   by the connector (`messagesSentByConnectorRatio` 0.75); each app's share follows its pool's message count, and
 *   the total is the snapshot's. (The pools' per-connector message counts would need more messages than the heavy
 *   snapshot has: a heavy connector ends up with about 5,000 instead of 13,415.)
 * - Relationship statuses are mixed (mostly Active; some Pending, Rejected, Revoked, Terminated, DeletionProposed),
 *   messages exist only on relationships that were active.
 * - Tokens and files are not in the pool configurations; every identity gets a few (connectors more).
 */

export type PoolKind = "never" | "app" | "connector";

export interface Pool {
    alias: string;
    name: string;
    kind: PoolKind;
    amount: number;
    devices: number;
    relationshipTemplates: number;
    relationships: number;
    /** Messages per identity (sent and received), as the pool configuration counts them. */
    messages: number;
    datawalletModifications: number;
    challenges: number;
    tokens: number;
    files: number;
}

export interface Dataset {
    name: string;
    scale: number;
    pools: Pool[];
    /** Messages in all (the snapshot's count). */
    messages: number;
    /** Share of the messages sent by the connector of a relationship. */
    sentByConnector: number;
    /** Files whose content is stored too (for the download scenario); the others are metadata only. */
    filesWithContent: number;
}

type PoolRow = [
    alias: string,
    name: string,
    kind: PoolKind,
    amount: number,
    devices: number,
    templates: number,
    relationships: number,
    messages: number,
    datawalletModifications: number,
    challenges: number,
    tokens: number,
    files: number
];

function pools(rows: PoolRow[]): Pool[] {
    return rows.map(
        ([alias, name, kind, amount, devices, relationshipTemplates, relationships, messages, dwm, challenges, tokens, files]) => ({
            alias,
            name,
            kind,
            amount,
            devices,
            relationshipTemplates,
            relationships,
            messages,
            datawalletModifications: dwm,
            challenges,
            tokens,
            files
        })
    );
}

//               alias  name               kind         amount dev  templates rel  messages  dwm  chal tok files
const LIGHT: PoolRow[] = [
    ["e", "NeverUse", "never", 10, 1, 0, 0, 0, 50, 0, 0, 0],
    ["a1", "AppLight", "app", 50, 1, 0, 0, 0, 5, 1, 1, 0],
    ["a2", "AppMedium", "app", 150, 2, 0, 2, 10, 60, 10, 2, 1],
    ["a3", "AppHeavy", "app", 300, 3, 0, 5, 50, 1, 20, 5, 3],
    ["c1", "ConnectorLight", "connector", 2, 1, 1, 0, 0, 0, 0, 5, 2],
    ["c2", "ConnectorMedium", "connector", 15, 1, 20, 48, 440, 0, 20, 10, 10],
    ["c3", "ConnectorHeavy", "connector", 15, 1, 30, 72, 660, 0, 30, 20, 20]
];

const HEAVY: PoolRow[] = [
    ["e", "NeverUse", "never", 5000 + (19_071 - 10_560), 1, 0, 0, 0, 50, 0, 0, 0],
    ["a1", "AppLight", "app", 500, 1, 0, 0, 0, 50, 1, 1, 0],
    ["a2", "AppMedium", "app", 1500, 2, 0, 2, 13, 500, 10, 2, 1],
    ["a3", "AppHeavy", "app", 3500, 3, 0, 5, 50, 1000, 20, 5, 3],
    ["c1", "ConnectorLight", "connector", 10, 1, 1, 0, 0, 0, 0, 5, 2],
    ["c2", "ConnectorMedium", "connector", 20, 1, 8000, 316, 8943, 0, 100, 50, 20],
    ["c3", "ConnectorHeavy", "connector", 30, 1, 12000, 474, 13415, 0, 300, 100, 50]
];

/**
 * A compact dataset for the query plan test: every hot table well above the plan test's "large table" threshold
 * (10,000 rows) at a few hundred thousand rows in all, so that it seeds in seconds.
 */
const PLANS: PoolRow[] = [
    ["e", "NeverUse", "never", 4000, 1, 0, 0, 0, 5, 0, 0, 0],
    ["a1", "AppLight", "app", 1000, 1, 0, 0, 0, 5, 1, 1, 0],
    ["a2", "AppMedium", "app", 2000, 2, 0, 2, 10, 5, 2, 2, 1],
    ["a3", "AppHeavy", "app", 3000, 2, 0, 5, 30, 10, 2, 3, 2],
    ["c1", "ConnectorLight", "connector", 10, 1, 1, 0, 0, 0, 0, 5, 2],
    ["c2", "ConnectorMedium", "connector", 20, 1, 500, 200, 3000, 0, 2, 50, 20],
    ["c3", "ConnectorHeavy", "connector", 30, 1, 800, 500, 7000, 0, 2, 100, 50]
];

const DEFINITIONS: Record<string, { rows: PoolRow[]; messages: number; filesWithContent: number }> = {
    light: { rows: LIGHT, messages: 16_113, filesWithContent: 100 },
    heavy: { rows: HEAVY, messages: 225_553, filesWithContent: 200 },
    plans: { rows: PLANS, messages: 40_000, filesWithContent: 0 }
};

export const DATASET_NAMES = Object.keys(DEFINITIONS);

/**
 * A dataset by name; `scale` multiplies the number of identities of every pool (at least one each) and the number of
 * messages, keeping what each identity has (so `--scale 0.25` of heavy has a quarter of its rows).
 */
export function dataset(name: string, scale = 1): Dataset {
    const definition = DEFINITIONS[name];
    if (!definition) throw new Error(`unknown dataset '${name}' (${DATASET_NAMES.join(", ")})`);
    if (!(scale > 0)) throw new Error("the scale must be greater than 0");
    const scaled = pools(definition.rows).map((pool) => ({ ...pool, amount: Math.max(1, Math.round(pool.amount * scale)) }));
    return {
        name,
        scale,
        pools: scaled,
        messages: Math.round(definition.messages * scale),
        sentByConnector: 0.75,
        filesWithContent: Math.round(definition.filesWithContent * Math.min(1, scale))
    };
}

/** Rows per entity that the dataset's pools imply (before statuses and pairing trim relationships). */
export function plannedCounts(set: Dataset): Record<string, number> {
    const sum = (f: (p: Pool) => number) => set.pools.reduce((total, p) => total + p.amount * f(p), 0);
    const appEnds = sum((p) => (p.kind === "app" ? p.relationships : 0));
    const connectorEnds = sum((p) => (p.kind === "connector" ? p.relationships : 0));
    return {
        identities: sum(() => 1),
        devices: sum((p) => p.devices),
        relationshipTemplates: sum((p) => p.relationshipTemplates),
        relationships: Math.min(appEnds, connectorEnds),
        messages: set.messages,
        datawalletModifications: sum((p) => p.datawalletModifications),
        challenges: sum((p) => p.challenges),
        tokens: sum((p) => p.tokens),
        files: sum((p) => p.files)
    };
}
