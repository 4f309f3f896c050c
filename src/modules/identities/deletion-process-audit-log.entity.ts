import { createHash } from "node:crypto";

import { Column, Entity, Generated, Index, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";
import type { DeletionProcessChange, IdentityDeletionProcess } from "./deletion-process.entity";
import type { DeletionAuditLogMessageKey } from "./identities.events";

/** The SHA-256 of an address, which names the identity in the deletion audit log. */
export function addressHash(address: string): string {
    return createHash("sha256").update(address, "utf8").digest("hex");
}

/**
 * One entry of the audit log of identity deletions. It names the identity only by the SHA-256 of its address, so it
 * outlives the identity (support can still tell when and how an identity was deleted) without keeping the address.
 */
@Entity({ name: "identity_deletion_audit_log" })
export class DeletionProcessAuditLogEntry {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Index("ix_identity_deletion_audit_log_process")
    @Column({ type: "varchar", length: 20 })
    deletionProcessId!: string;

    @Index("ix_identity_deletion_audit_log_address_hash")
    @Column({ type: "varchar", length: 64 })
    identityAddressHash!: string;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    /** Orders entries written at the same time (e.g. in one transaction). */
    @Generated("increment")
    @Column({ type: "bigint", select: false, insert: false, update: false })
    sequence?: string;

    @Column({ type: "varchar", length: 20, nullable: true })
    oldStatus!: string | null;

    @Column({ type: "varchar", length: 20, nullable: true })
    newStatus!: string | null;

    @Column({ type: "varchar", length: 30 })
    messageKey!: DeletionAuditLogMessageKey;

    @Column({ type: "jsonb", nullable: true })
    additionalData!: Record<string, string> | null;

    /** The entry of a change of a process, written in the transaction of the change. */
    static of(process: Pick<IdentityDeletionProcess, "id" | "identityAddress">, change: DeletionProcessChange, at: Date) {
        return Object.assign(new DeletionProcessAuditLogEntry(), {
            id: newId("IDA"),
            deletionProcessId: process.id,
            identityAddressHash: addressHash(process.identityAddress),
            createdAt: at,
            oldStatus: change.oldStatus,
            newStatus: change.newStatus,
            messageKey: change.messageKey,
            additionalData: null
        });
    }
}
