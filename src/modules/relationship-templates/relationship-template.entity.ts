import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { CreatedRecordColumns } from "../../core/database/created-record";
import { newId } from "../../core/ids/ids";

/** What loading a template means for a caller: not visible to it (404), visible, or visible and to be allocated. */
export type TemplateAccess = "notFound" | "granted" | "grantedWithAllocation";

/** What allocating a template after `count` existing allocations gives: refused, allocated, or allocated the last one. */
export type TemplateAllocation = "exhausted" | "allocated" | "allocatedLast";

/**
 * Encrypted content an identity publishes so that others can request a relationship with it. Visible to others
 * until it expires, optionally only to one identity (`forIdentity`) and only with a password.
 */
@Entity({ name: "relationship_templates" })
@Index("ix_relationship_templates_created_by", ["createdBy"])
export class RelationshipTemplate extends CreatedRecordColumns {
    @Column({ type: "integer", nullable: true })
    maxNumberOfAllocations!: number | null;

    @Column({ type: "timestamptz", nullable: true })
    expiresAt!: Date | null;

    @Column({ type: "bytea" })
    content!: Buffer;

    @Column({ type: "varchar", length: 80, nullable: true })
    forIdentity!: string | null;

    @Column({ type: "bytea", nullable: true })
    password!: Buffer | null;

    /** A new template of `createdBy`; the request's rules (future expiry, at least one allocation) are checked by its DTO. */
    static create(input: {
        createdBy: { address: string; deviceId: string };
        content: Buffer;
        expiresAt: Date | null;
        maxNumberOfAllocations: number | null;
        forIdentity: string | null;
        password: Buffer | null;
        now: Date;
    }): RelationshipTemplate {
        return Object.assign(new RelationshipTemplate(), {
            id: newId("RLT"),
            createdBy: input.createdBy.address,
            createdByDevice: input.createdBy.deviceId,
            maxNumberOfAllocations: input.maxNumberOfAllocations,
            expiresAt: input.expiresAt,
            content: input.content,
            createdAt: input.now,
            forIdentity: input.forIdentity,
            password: input.password
        });
    }

    isCreatedBy(address: string): boolean {
        return this.createdBy === address;
    }

    /**
     * Whether `address` may load the template (visibility rules 1 to 3) and whether that load allocates it. Whether it
     * has a relationship created from the template matters only once the template expired.
     */
    access(input: {
        address: string;
        password: Buffer | undefined;
        hasAllocated: boolean;
        hasRelationshipFromIt: boolean;
        now: Date;
    }): TemplateAccess {
        if (!this.isVisibleTo(input.address, input.now, input.hasRelationshipFromIt)) return "notFound";
        if (!this.acceptsPassword(input.address, input.password, input.hasAllocated)) return "notFound";
        return this.needsAllocationBy(input.address, input.hasAllocated) ? "grantedWithAllocation" : "granted";
    }

    /** One more allocation after `count` existing ones: refused when exhausted; `allocatedLast` when it exhausts the template. */
    allocate(count: number): TemplateAllocation {
        if (!this.canAllocate(count)) return "exhausted";
        return this.isExhaustedBy(count + 1) ? "allocatedLast" : "allocated";
    }

    isExpired(now: Date): boolean {
        return this.expiresAt !== null && this.expiresAt.getTime() <= now.getTime();
    }

    /**
     * Rules 1 and 2 of the template visibility: not expired (unless the caller has a relationship created from it)
     * and not personalised for someone else.
     */
    isVisibleTo(address: string, now: Date, hasRelationshipFromIt: boolean): boolean {
        if (this.isExpired(now) && !hasRelationshipFromIt) return false;
        return this.forIdentity === null || this.forIdentity === address || this.createdBy === address;
    }

    /** Rule 3: the password protects the template from everyone but its creator and those who already loaded it. */
    acceptsPassword(address: string, password: Buffer | undefined, hasAllocated: boolean): boolean {
        if (this.password === null || this.createdBy === address || hasAllocated) return true;
        return password !== undefined && this.password.equals(password);
    }

    /** Whether loading the template counts as an allocation for this caller. */
    needsAllocationBy(address: string, hasAllocated: boolean): boolean {
        return this.createdBy !== address && !hasAllocated;
    }

    /** Whether one more allocation is allowed after `allocations` existing ones. */
    canAllocate(allocations: number): boolean {
        return this.maxNumberOfAllocations === null || allocations < this.maxNumberOfAllocations;
    }

    /** Whether the allocation that brought the count to `allocations` exhausted the template. */
    isExhaustedBy(allocations: number): boolean {
        return this.maxNumberOfAllocations !== null && allocations === this.maxNumberOfAllocations;
    }
}

/** One identity's load of a template; counts against `maxNumberOfAllocations`. */
@Entity({ name: "relationship_template_allocations" })
export class RelationshipTemplateAllocation {
    @PrimaryColumn({ type: "varchar", length: 20 })
    relationshipTemplateId!: string;

    @PrimaryColumn({ type: "varchar", length: 80 })
    allocatedBy!: string;

    @Column({ type: "varchar", length: 20 })
    allocatedByDevice!: string;

    @Column({ type: "timestamptz" })
    allocatedAt!: Date;
}
