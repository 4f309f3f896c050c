import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import { type DataSource, type EntityManager, In } from "typeorm";

import { anonymizeRows } from "../../core/database/anonymize-rows";
import { rawQuery } from "../../core/database/raw-query";
import { createdByQuery } from "../../core/quotas/quota-usage";
import { RelationshipTemplate, RelationshipTemplateAllocation } from "./relationship-template.entity";

/**
 * Every query of the relationship templates module, named by intent. Methods that run inside a use case's
 * transaction take its EntityManager first; standalone reads use the DataSource (no transaction, no lock).
 */
@Injectable()
export class RelationshipTemplatesRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    async insert(template: RelationshipTemplate): Promise<void> {
        await this.dataSource.getRepository(RelationshipTemplate).insert(template);
    }

    /** The template, read without a lock (in the transaction of `manager` when given). */
    async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<RelationshipTemplate | undefined> {
        return (await manager.findOneBy(RelationshipTemplate, { id })) ?? undefined;
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
        return await this.dataSource.manager.find(RelationshipTemplate, { where: { id: In(ids) }, order: { createdAt: "ASC", id: "ASC" } });
    }

    async hasAllocation(templateId: string, address: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
        return await manager.existsBy(RelationshipTemplateAllocation, { relationshipTemplateId: templateId, allocatedBy: address });
    }

    /** Which of the templates among `ids` the identity has allocated. */
    async allocatedAmong(ids: string[], address: string): Promise<Set<string>> {
        const allocations = await this.dataSource.manager.find(RelationshipTemplateAllocation, {
            where: { relationshipTemplateId: In(ids), allocatedBy: address },
            select: { relationshipTemplateId: true }
        });
        return new Set(allocations.map((a) => a.relationshipTemplateId));
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
