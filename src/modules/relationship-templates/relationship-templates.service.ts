import { Inject, Injectable } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { Transactions } from "../../core/database/transactions";
import { ForbiddenError, notFound, ValidationError } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { type Page, pageOf, type PageRequest } from "../../core/http/pagination";
import { RelationshipTemplate, type TemplateAccess } from "./relationship-template.entity";
import type { CreateRelationshipTemplateRequest } from "./relationship-templates.dto";
import { RelationshipTemplatesErrors } from "./relationship-templates.errors";
import { RelationshipTemplateAllocationsExhausted, RelationshipTemplatesDeleted } from "./relationship-templates.events";
import { RelationshipTemplatesRepository } from "./relationship-templates.repository";

export interface TemplateQueryItem {
    id: string;
    password?: Buffer;
}

/**
 * The use cases of relationship templates, one method each: resolve the caller → load or 404 → let the template
 * decide → persist through the repository → publish domain events (in the transaction) → return the entity.
 */
@Injectable()
export class RelationshipTemplatesService {
    constructor(
        private readonly templates: RelationshipTemplatesRepository,
        private readonly transactions: Transactions,
        private readonly events: DomainEvents,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async createTemplate(caller: Caller, request: CreateRelationshipTemplateRequest): Promise<RelationshipTemplate> {
        const template = RelationshipTemplate.create({
            createdBy: caller,
            content: request.content,
            expiresAt: request.expiresAt ?? null,
            maxNumberOfAllocations: request.maxNumberOfAllocations ?? null,
            forIdentity: request.forIdentity ?? null,
            password: request.password ?? null,
            now: this.clock.now()
        });
        await this.templates.insert(template);
        return template;
    }

    /**
     * Loads a template for the caller and allocates it on a peer's first access. A load that does not allocate (the
     * creator, or a peer that allocated it before) is a plain read; an allocation locks the template row and decides
     * again on the locked row, so concurrent first accesses never exceed `maxNumberOfAllocations`.
     */
    async getTemplate(caller: Caller, id: string, password: Buffer | undefined): Promise<RelationshipTemplate> {
        const template = await this.templates.find(id);
        if (!template) throw notFound("RelationshipTemplate");
        const access = await this.accessOf(template, caller.address, password);
        if (access === "notFound") throw notFound("RelationshipTemplate");
        if (access === "granted") return template;
        return await this.transactions.run(async (manager) => {
            const locked = await this.templates.findForUpdate(manager, id);
            if (!locked) throw notFound("RelationshipTemplate");
            switch (await this.accessOf(locked, caller.address, password, manager)) {
                case "notFound":
                    throw notFound("RelationshipTemplate");
                case "granted":
                    return locked;
                case "grantedWithAllocation":
                    break;
            }
            const allocation = locked.allocate(await this.templates.countAllocations(manager, id));
            if (allocation === "exhausted") throw RelationshipTemplatesErrors.maxNumberOfAllocationsExhausted();
            await this.templates.insertAllocation(manager, id, caller, this.clock.now());
            if (allocation === "allocatedLast") {
                await this.events.publish(manager, new RelationshipTemplateAllocationsExhausted(locked.id, locked.createdBy));
            }
            return locked;
        });
    }

    /** The templates matching any item (id and password), visible to the caller; does not allocate. */
    async listTemplates(caller: Caller, items: TemplateQueryItem[], page: PageRequest): Promise<Page<RelationshipTemplate>> {
        if (items.length === 0) throw new ValidationError("'Query Items' must not be empty.");
        const ids = [...new Set(items.map((item) => item.id))];
        const templates = await this.templates.findAll(ids);
        const allocated = await this.templates.allocatedAmong(ids, caller.address);
        const now = this.clock.now();
        const matching: RelationshipTemplate[] = [];
        for (const template of templates) {
            const hasRelationshipFromIt = await this.hasRelationshipIfExpired(template, caller.address, now);
            const hasAllocated = allocated.has(template.id);
            const visible = items.some(
                (item) =>
                    item.id === template.id &&
                    template.access({ address: caller.address, password: item.password, hasAllocated, hasRelationshipFromIt, now }) !==
                        "notFound"
            );
            if (visible) matching.push(template);
        }
        return pageOf(matching, page);
    }

    /** Deletes an own template; relationships created from it stay, without a template. */
    async deleteTemplate(caller: Caller, id: string): Promise<void> {
        await this.transactions.run(async (manager) => {
            const template = await this.templates.findForUpdate(manager, id);
            if (!template) throw notFound("RelationshipTemplate");
            const now = this.clock.now();
            const hasRelationshipFromIt = await this.hasRelationshipIfExpired(template, caller.address, now, manager);
            if (!template.isVisibleTo(caller.address, now, hasRelationshipFromIt)) throw notFound("RelationshipTemplate");
            if (!template.isCreatedBy(caller.address)) throw new ForbiddenError();
            await this.templates.delete(manager, [id]);
            await this.events.publish(manager, new RelationshipTemplatesDeleted([id]));
        });
    }

    /**
     * The template a relationship is created from, for the relationships service inside its transaction: visible to
     * the caller (rules 1 and 2) and loaded (so allocated) by it before; else 404, as the official Backbone answers.
     */
    async findAllocatedTemplate(manager: EntityManager, caller: string, id: string): Promise<RelationshipTemplate> {
        const template = await this.templates.find(id, manager);
        if (!template) throw notFound("RelationshipTemplate");
        const now = this.clock.now();
        if (!template.isVisibleTo(caller, now, await this.hasRelationshipIfExpired(template, caller, now, manager))) {
            throw notFound("RelationshipTemplate");
        }
        if (!template.isCreatedBy(caller) && !(await this.templates.hasAllocation(id, caller, manager))) {
            throw notFound("RelationshipTemplate");
        }
        return template;
    }

    /** How a load of the caller is decided (visibility, password, allocation), from what it needs to know. */
    private async accessOf(
        template: RelationshipTemplate,
        address: string,
        password: Buffer | undefined,
        manager?: EntityManager
    ): Promise<TemplateAccess> {
        const now = this.clock.now();
        const hasRelationshipFromIt = await this.hasRelationshipIfExpired(template, address, now, manager);
        const hasAllocated = !template.isCreatedBy(address) && (await this.templates.hasAllocation(template.id, address, manager));
        return template.access({ address, password, hasAllocated, hasRelationshipFromIt, now });
    }

    /** Whether the identity has a relationship from the template, asked only where it matters: once the template expired. */
    private async hasRelationshipIfExpired(
        template: RelationshipTemplate,
        address: string,
        now: Date,
        manager?: EntityManager
    ): Promise<boolean> {
        return template.isExpired(now) && (await this.templates.hasRelationshipFrom(template.id, address, manager));
    }
}
