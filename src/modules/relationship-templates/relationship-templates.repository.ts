import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import { type DataSource, type EntityManager, In } from "typeorm";

import { anonymizeRows } from "../../core/database/anonymize-rows";
import { type EntityRows, entityRows } from "../../core/database/entity-rows";
import { rawQuery } from "../../core/database/raw-query";
import { createdByQuery } from "../../core/quotas/quota-usage";
import { RelationshipTemplate, RelationshipTemplateAllocation } from "./relationship-template.entity";

/**
 * Every query of the relationship templates module, named by intent. Methods that run inside a use case's
 * transaction take its EntityManager first; standalone reads use the DataSource (no transaction, no lock).
 */
@Injectable()
export class RelationshipTemplatesRepository {
    private readonly rows: EntityRows<RelationshipTemplate>;

    constructor(@InjectDataSource() private readonly dataSource: DataSource) {
        this.rows = entityRows(dataSource, RelationshipTemplate, "t");
    }

    async insert(template: RelationshipTemplate): Promise<void> {
        await this.dataSource.getRepository(RelationshipTemplate).insert(template);
    }

    /** The template, read without a lock (in the transaction of `manager` when given). */
    async find(id: string, manager: EntityManager | DataSource = this.dataSource): Promise<RelationshipTemplate | undefined> {
        const { rows } = await rawQuery(manager, `SELECT ${this.rows.columns} FROM relationship_templates t WHERE t.id = $1`, [id]);
        return rows[0] ? this.rows.of(rows[0]) : undefined;
    }

    /** The template with its row locked until the transaction ends: allocations and deletion of one template queue up. */
    async findForUpdate(manager: EntityManager, id: string): Promise<RelationshipTemplate | undefined> {
        return (
            (await manager
                .createQueryBuilder(RelationshipTemplate, "t")
                .setLock("pessimistic_write")
                .where("t.id = :id", { id })
                .getOne()) ?? undefined
        );
    }

    /** The templates among `ids`, oldest first. */
    async findAll(ids: string[]): Promise<RelationshipTemplate[]> {
        const { rows } = await rawQuery(
            this.dataSource,
            `SELECT ${this.rows.columns} FROM relationship_templates t WHERE t.id = ANY($1) ORDER BY t.created_at, t.id`,
            [ids]
        );
        return rows.map((row) => this.rows.of(row));
    }

    async hasAllocation(templateId: string, address: string, manager: EntityManager | DataSource = this.dataSource): Promise<boolean> {
        const { rows } = await rawQuery(
            manager,
            "SELECT 1 FROM relationship_template_allocations WHERE relationship_template_id = $1 AND allocated_by = $2",
            [templateId, address]
        );
        return rows.length > 0;
    }

    /** Which of the templates among `ids` the identity has allocated. */
    async allocatedAmong(ids: string[], address: string): Promise<Set<string>> {
        const { rows } = await rawQuery<{ id: string }>(
            this.dataSource,
            "SELECT relationship_template_id AS id FROM relationship_template_allocations WHERE relationship_template_id = ANY($1) AND allocated_by = $2",
            [ids, address]
        );
        return new Set(rows.map((row) => row.id));
    }

    async countAllocations(manager: EntityManager, templateId: string): Promise<number> {
        return await manager.countBy(RelationshipTemplateAllocation, { relationshipTemplateId: templateId });
    }

    async insertAllocation(manager: EntityManager, templateId: string, by: { address: string; deviceId: string }, at: Date): Promise<void> {
        await manager.insert(RelationshipTemplateAllocation, {
            relationshipTemplateId: templateId,
            allocatedBy: by.address,
            allocatedByDevice: by.deviceId,
            allocatedAt: at
        });
    }

    /**
     * Whether the identity takes part in a relationship created from the template (what keeps an expired template
     * visible to it). Reads the relationships table by its template index.
     */
    async hasRelationshipFrom(templateId: string, address: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
        const { rows } = await rawQuery<{ found: boolean }>(
            manager,
            `SELECT EXISTS (SELECT 1 FROM relationships WHERE relationship_template_id = $1 AND (from_address = $2 OR to_address = $2)) AS found`,
            [templateId, address]
        );
        return rows[0]?.found === true;
    }

    /** Deletes templates with their allocations. */
    async delete(manager: EntityManager, ids: string[]): Promise<void> {
        if (ids.length === 0) return;
        await manager.delete(RelationshipTemplateAllocation, { relationshipTemplateId: In(ids) });
        await manager.delete(RelationshipTemplate, { id: In(ids) });
    }

    /** The ids of the templates an identity created. */
    async idsCreatedBy(manager: EntityManager, address: string): Promise<string[]> {
        return (await manager.find(RelationshipTemplate, { where: { createdBy: address }, select: { id: true } })).map((t) => t.id);
    }

    /**
     * Replaces a deleted identity's address by the anonymised one where it is the target of a personalised template or
     * holds an allocation.
     */
    async anonymize(manager: EntityManager, address: string, anonymized: string): Promise<void> {
        await manager.update(RelationshipTemplate, { forIdentity: address }, { forIdentity: anonymized });
        await anonymizeRows(
            manager,
            { table: "relationship_template_allocations", key: "relationship_template_id", address: "allocated_by" },
            address,
            anonymized
        );
    }

    /** How many templates an identity created since `since` (ever when undefined) that still exist: the NumberOfRelationshipTemplates quota. */
    async countCreatedBy(address: string, since: Date | undefined): Promise<number> {
        return await createdByQuery(this.dataSource, RelationshipTemplate, address, since).getCount();
    }
}
