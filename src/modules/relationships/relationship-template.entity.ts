import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * Encrypted content an identity publishes so that others can request a relationship with it. Visible to others
 * until it expires, optionally only to one identity (`forIdentity`) and only with a password.
 */
@Entity({ name: "relationship_templates" })
@Index("ix_relationship_templates_created_by", ["createdBy"])
export class RelationshipTemplate {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "varchar", length: 80 })
    createdBy!: string;

    @Column({ type: "varchar", length: 20 })
    createdByDevice!: string;

    @Column({ type: "integer", nullable: true })
    maxNumberOfAllocations!: number | null;

    @Column({ type: "timestamptz", nullable: true })
    expiresAt!: Date | null;

    @Column({ type: "bytea" })
    content!: Buffer;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    @Column({ type: "varchar", length: 80, nullable: true })
    forIdentity!: string | null;

    @Column({ type: "bytea", nullable: true })
    password!: Buffer | null;

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
