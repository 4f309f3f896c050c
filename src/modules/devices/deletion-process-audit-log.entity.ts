import { Column, Entity, Generated, Index, PrimaryColumn } from "typeorm";

import type { DeletionAuditLogMessageKey } from "./devices.events";

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
}
