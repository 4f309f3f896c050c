import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import type { DatawalletModificationType } from "./synchronization.events";

const bigint = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * The encrypted store an identity's devices share. Created by the first finalized DatawalletVersionUpgrade run.
 * Its row lock serialises the writers of modifications, which keeps their indexes contiguous.
 */
@Entity({ name: "datawallets" })
export class Datawallet {
    @PrimaryColumn({ type: "varchar", length: 80 })
    owner!: string;

    @Column({ type: "integer" })
    version!: number;

    /** The index the next modification gets (= the number of modifications so far). */
    @Column({ type: "bigint", transformer: bigint, default: 0 })
    nextIndex!: number;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    /** Index of the latest modification, or null when there is none. */
    latestIndex(): number | null {
        return this.nextIndex > 0 ? this.nextIndex - 1 : null;
    }
}

@Entity({ name: "datawallet_modifications" })
@Index("ux_datawallet_modifications_owner_index", ["owner", "index"], { unique: true })
export class DatawalletModification {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "varchar", length: 80 })
    owner!: string;

    @Column({ type: "bigint", transformer: bigint })
    index!: number;

    @Column({ type: "varchar", length: 20 })
    type!: DatawalletModificationType;

    @Column({ type: "varchar", length: 100 })
    objectIdentifier!: string;

    @Column({ type: "varchar", length: 50 })
    collection!: string;

    @Column({ type: "varchar", length: 50, nullable: true })
    payloadCategory!: string | null;

    @Column({ type: "bytea", nullable: true })
    encryptedPayload!: Buffer | null;

    @Column({ type: "integer" })
    datawalletVersion!: number;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    @Column({ type: "varchar", length: 20 })
    createdByDevice!: string;
}
