import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";
import { SynchronizationErrors } from "./synchronization.errors";
import type { DatawalletModificationType } from "./synchronization.events";

/** A modification as a device pushes it (the datawallet numbers it). */
export interface NewDatawalletModification {
    type: DatawalletModificationType;
    objectIdentifier: string;
    collection: string;
    payloadCategory?: string | null;
    encryptedPayload?: Buffer | null;
    datawalletVersion: number;
}

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

    /** The datawallet that the first DatawalletVersionUpgrade run of an identity creates. */
    static create(owner: string, version: number, now: Date): Datawallet {
        return Object.assign(new Datawallet(), { owner, version, nextIndex: 0, createdAt: now });
    }

    /** Index of the latest modification, or null when there is none. */
    latestIndex(): number | null {
        return this.nextIndex > 0 ? this.nextIndex - 1 : null;
    }

    /** Refuses a client that supports only older datawallet versions than this one. */
    assertSupportedBy(supportedVersion: number): void {
        if (supportedVersion < this.version) throw SynchronizationErrors.insufficientSupportedDatawalletVersion();
    }

    /** Refuses a push whose localIndex is not the latest modification's index. */
    assertUpToDate(localIndex: number | null | undefined): void {
        const latest = this.latestIndex();
        if (latest !== null && localIndex !== latest) throw SynchronizationErrors.datawalletNotUpToDate(localIndex, latest);
    }

    /** Upgrades to a newer version (or the same one); never downgrades. */
    upgradeTo(version: number): void {
        if (version < this.version) throw SynchronizationErrors.cannotDowngrade(this.version, version);
        this.version = version;
    }

    /** Numbers new modifications from the next index on (which moves past them); none may be newer than the datawallet. */
    append(items: NewDatawalletModification[], createdByDevice: string, now: Date): DatawalletModification[] {
        const tooHigh = items.find((item) => item.datawalletVersion > this.version);
        if (tooHigh) throw SynchronizationErrors.datawalletVersionOfModificationTooHigh(this.version, tooHigh.datawalletVersion);
        const modifications = items.map((item, i) =>
            Object.assign(new DatawalletModification(), {
                ...item,
                payloadCategory: item.payloadCategory ?? null,
                encryptedPayload: item.encryptedPayload ?? null,
                ...{ id: newId("DWM"), owner: this.owner, index: this.nextIndex + i, createdAt: now, createdByDevice }
            })
        );
        this.nextIndex += modifications.length;
        return modifications;
    }
}

@Entity({ name: "datawallet_modifications" })
@Index("ux_datawallet_modifications_owner_index", ["owner", "index"], { unique: true })
/** Finds whether a modification has a later one of the same key, and lists the keys (index-only). */
@Index("ix_datawallet_modifications_owner_key", ["owner", "objectIdentifier", "type", "payloadCategory", "index"])
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
