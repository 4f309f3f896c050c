import { Column, DataSource, Entity, ManyToOne, PrimaryColumn } from "typeorm";

import { entityRows } from "./entity-rows";
import { SnakeNamingStrategy } from "./naming-strategy";

@Entity({ name: "counters" })
class Counter {
    @PrimaryColumn({ type: "varchar" })
    ownerAddress!: string;

    @Column({ type: "bigint", transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
    nextIndex!: number;

    @Column({ name: "shown_at", type: "timestamptz" })
    createdAt!: Date;

    describe(): string {
        return `${this.ownerAddress}@${this.nextIndex}`;
    }
}

@Entity({ name: "readings" })
class Reading {
    @PrimaryColumn({ type: "varchar" })
    id!: string;

    @ManyToOne(() => Counter)
    counter!: Counter;
}

async function withMetadata(): Promise<DataSource> {
    const dataSource = new DataSource({ type: "postgres", entities: [Counter, Reading], namingStrategy: new SnakeNamingStrategy() });
    // The metadata alone, without a connection.
    await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
    return dataSource;
}

describe("entityRows", () => {
    it("names every column as its property, under the alias, in the entity's order", async () => {
        const rows = entityRows(await withMetadata(), Counter, "c");
        expect(rows.columns).toBe(`c.owner_address AS "ownerAddress", c.next_index AS "nextIndex", c.shown_at AS "createdAt"`);
    });

    it("makes an instance of the entity with its columns' transformers applied", async () => {
        const at = new Date("2026-12-01T07:00:00.000Z");
        const counter = entityRows(await withMetadata(), Counter, "c").of({
            ownerAddress: "did:e:a",
            nextIndex: "9007199254740991",
            createdAt: at
        });
        expect(counter).toBeInstanceOf(Counter);
        expect(counter.nextIndex).toBe(9007199254740991);
        expect(counter.describe()).toBe("did:e:a@9007199254740991");
        expect(counter.createdAt).toBe(at);
    });

    it("refuses an entity with a relation column (it reads plain columns only)", async () => {
        const dataSource = await withMetadata();
        expect(() => entityRows(dataSource, Reading, "r")).toThrow("entityRows: Reading.counter.ownerAddress is not a plain column");
    });
});
