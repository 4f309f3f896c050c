import { Inject, Injectable } from "@nestjs/common";
import { DataSource, type EntityManager, In } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { ForbiddenError, notFound, ValidationError } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { type Page, pageOf, type PageRequest } from "../../core/http/pagination";
import { newId } from "../../core/ids/ids";
import { Relationship } from "./relationship.entity";
import { RelationshipTemplate, RelationshipTemplateAllocation } from "./relationship-template.entity";
import type { CreateRelationshipTemplateRequest } from "./relationship-templates.dto";
import { RelationshipsErrors } from "./relationships.errors";
import { RelationshipTemplateAllocationsExhausted } from "./relationships.events";

export interface TemplateQueryItem {
    id: string;
    password?: Buffer;
}

@Injectable()
export class RelationshipTemplatesService {
    constructor(
        private readonly dataSource: DataSource,
        private readonly domainEvents: DomainEvents,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async createTemplate(caller: Caller, request: CreateRelationshipTemplateRequest): Promise<RelationshipTemplate> {
        const now = this.clock.now();
        const template = this.dataSource.getRepository(RelationshipTemplate).create({
            id: newId("RLT"),
            createdBy: caller.address,
            createdByDevice: caller.deviceId,
            maxNumberOfAllocations: request.maxNumberOfAllocations ?? null,
            expiresAt: request.expiresAt ?? null,
            content: request.content,
            createdAt: now,
            forIdentity: request.forIdentity ?? null,
            password: request.password ?? null
        });
        await this.dataSource.getRepository(RelationshipTemplate).insert(template);
        return template;
    }

    /**
     * Loads a template for the caller and allocates it unless the caller created or already allocated it. The
     * template row is locked while allocating, so concurrent loads never exceed `maxNumberOfAllocations`.
     */
    async getTemplate(caller: Caller, id: string, password: Buffer | undefined): Promise<RelationshipTemplate> {
        return await this.dataSource.transaction(async (manager) => {
            const template = await manager
                .createQueryBuilder(RelationshipTemplate, "t")
                .setLock("pessimistic_write")
                .where("t.id = :id", { id })
                .getOne();
            if (!template) throw notFound("RelationshipTemplate");
            const now = this.clock.now();
            const hasRelationship = template.isExpired(now) && (await this.hasRelationshipFrom(manager, template.id, caller.address));
            if (!template.isVisibleTo(caller.address, now, hasRelationship)) throw notFound("RelationshipTemplate");
            const allocated = await manager.existsBy(RelationshipTemplateAllocation, {
                relationshipTemplateId: id,
                allocatedBy: caller.address
            });
            if (!template.acceptsPassword(caller.address, password, allocated)) throw notFound("RelationshipTemplate");
            if (template.needsAllocationBy(caller.address, allocated)) {
                const count = await manager.countBy(RelationshipTemplateAllocation, { relationshipTemplateId: id });
                if (!template.canAllocate(count)) throw RelationshipsErrors.maxNumberOfAllocationsExhausted();
                await manager.insert(RelationshipTemplateAllocation, {
                    relationshipTemplateId: id,
                    allocatedBy: caller.address,
                    allocatedByDevice: caller.deviceId,
                    allocatedAt: now
                });
                if (template.isExhaustedBy(count + 1)) {
                    await this.domainEvents.publish(manager, new RelationshipTemplateAllocationsExhausted(template.id, template.createdBy));
                }
            }
            return template;
        });
    }

    /** The templates matching any item (id and password), visible to the caller; does not allocate. */
    async listTemplates(caller: Caller, items: TemplateQueryItem[], page: PageRequest): Promise<Page<RelationshipTemplate>> {
        if (items.length === 0) throw new ValidationError("'Query Items' must not be empty.");
        const manager = this.dataSource.manager;
        const ids = [...new Set(items.map((item) => item.id))];
        const templates = await manager.find(RelationshipTemplate, { where: { id: In(ids) }, order: { createdAt: "ASC", id: "ASC" } });
        const now = this.clock.now();
        const allocations = await manager.find(RelationshipTemplateAllocation, {
            where: { relationshipTemplateId: In(ids), allocatedBy: caller.address },
            select: { relationshipTemplateId: true }
        });
        const allocated = new Set(allocations.map((a) => a.relationshipTemplateId));
        const matching: RelationshipTemplate[] = [];
        for (const template of templates) {
            const hasRelationship = template.isExpired(now) && (await this.hasRelationshipFrom(manager, template.id, caller.address));
            if (!template.isVisibleTo(caller.address, now, hasRelationship)) continue;
            const passwordMatches = items.some(
                (item) => item.id === template.id && template.acceptsPassword(caller.address, item.password, allocated.has(template.id))
            );
            if (passwordMatches) matching.push(template);
        }
        return pageOf(matching, page);
    }

    async deleteTemplate(caller: Caller, id: string): Promise<void> {
        await this.dataSource.transaction(async (manager) => {
            const template = await manager
                .createQueryBuilder(RelationshipTemplate, "t")
                .setLock("pessimistic_write")
                .where("t.id = :id", { id })
                .getOne();
            if (!template) throw notFound("RelationshipTemplate");
            const now = this.clock.now();
            const hasRelationship = template.isExpired(now) && (await this.hasRelationshipFrom(manager, template.id, caller.address));
            if (!template.isVisibleTo(caller.address, now, hasRelationship)) throw notFound("RelationshipTemplate");
            if (template.createdBy !== caller.address) throw new ForbiddenError();
            await manager.update(Relationship, { relationshipTemplateId: id }, { relationshipTemplateId: null });
            await manager.delete(RelationshipTemplateAllocation, { relationshipTemplateId: id });
            await manager.delete(RelationshipTemplate, { id });
        });
    }

    /**
     * For a deleted identity: its templates go (relationships created from them keep existing without a template),
     * and its address is anonymised where it is the target of a personalised template or holds an allocation.
     */
    async removeTemplatesOf(manager: EntityManager, address: string, anonymized: string): Promise<void> {
        const own = await manager.find(RelationshipTemplate, { where: { createdBy: address }, select: { id: true } });
        const ids = own.map((t) => t.id);
        if (ids.length > 0) {
            await manager.update(Relationship, { relationshipTemplateId: In(ids) }, { relationshipTemplateId: null });
            await manager.delete(RelationshipTemplateAllocation, { relationshipTemplateId: In(ids) });
            await manager.delete(RelationshipTemplate, { id: In(ids) });
        }
        await manager.update(RelationshipTemplate, { forIdentity: address }, { forIdentity: anonymized });
        // An allocation is keyed by template and address: where the anonymised address already holds one (another
        // deleted identity allocated the same template), the deleted identity's allocation is dropped instead.
        await manager.query(
            `DELETE FROM relationship_template_allocations a WHERE a.allocated_by = $1
             AND EXISTS (SELECT 1 FROM relationship_template_allocations b WHERE b.relationship_template_id = a.relationship_template_id AND b.allocated_by = $2)`,
            [address, anonymized]
        );
        await manager.update(RelationshipTemplateAllocation, { allocatedBy: address }, { allocatedBy: anonymized });
    }

    /** The template a relationship is created from, checked against visibility rules 1 and 2 (for the relationships service). */
    async findVisibleTemplate(manager: EntityManager, caller: string, id: string): Promise<RelationshipTemplate> {
        const template = await manager.findOneBy(RelationshipTemplate, { id });
        if (!template) throw notFound("RelationshipTemplate");
        const now = this.clock.now();
        const hasRelationship = template.isExpired(now) && (await this.hasRelationshipFrom(manager, template.id, caller));
        if (!template.isVisibleTo(caller, now, hasRelationship)) throw notFound("RelationshipTemplate");
        return template;
    }

    /** Whether the identity has loaded (and so allocated) the template: what creating a relationship from it requires. */
    async isAllocatedBy(manager: EntityManager, templateId: string, address: string): Promise<boolean> {
        return await manager.existsBy(RelationshipTemplateAllocation, { relationshipTemplateId: templateId, allocatedBy: address });
    }

    private async hasRelationshipFrom(manager: EntityManager, templateId: string, address: string): Promise<boolean> {
        return await manager
            .createQueryBuilder(Relationship, "r")
            .where("r.relationshipTemplateId = :templateId", { templateId })
            .andWhere("(r.from = :address OR r.to = :address)", { address })
            .getExists();
    }
}
