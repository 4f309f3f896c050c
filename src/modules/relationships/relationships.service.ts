import { Inject, Injectable } from "@nestjs/common";
import { DataSource, type EntityManager } from "typeorm";
import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { ValidationError } from "../../core/errors/errors";
import { type Page, type PageRequest, paginate } from "../../core/http/pagination";
import { IdentitiesService } from "../devices/identities.service";
import { ExternalEventsService } from "../synchronization/external-events.service";
import { ExternalEventType } from "../synchronization/external-event-types";
import {
    type Actor,
    OPEN_RELATIONSHIP_STATUSES,
    pairKey,
    Relationship,
    RelationshipStatus,
    type TransitionEffects
} from "./relationship.entity";
import { RelationshipTemplatesService } from "./relationship-templates.service";
import { RelationshipErrorCodes, RelationshipsErrors } from "./relationships.errors";

const OPEN_PAIR_INDEX = "ux_relationships_open_pair";

/** A status change as other modules see it, delivered inside the transaction that makes it. */
export interface RelationshipStatusChange {
    relationshipId: string;
    from: string;
    to: string;
    newStatus: RelationshipStatus;
    /** The identity that caused the change. */
    actor: string;
}

export type RelationshipStatusListener = (manager: EntityManager, change: RelationshipStatusChange) => Promise<void>;

/** What other modules may know about a relationship. */
export interface RelationshipSummary {
    id: string;
    from: string;
    to: string;
    status: RelationshipStatus;
}

@Injectable()
export class RelationshipsService {
    private readonly listeners: RelationshipStatusListener[] = [];

    constructor(
        private readonly dataSource: DataSource,
        private readonly templates: RelationshipTemplatesService,
        private readonly identities: IdentitiesService,
        private readonly events: ExternalEventsService,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /**
     * Registers a reaction to every status change (creation included), run in the same transaction as the change (a failure
     * rolls the change back). Returns a function that removes the listener again.
     */
    onStatusChanged(listener: RelationshipStatusListener): () => void {
        this.listeners.push(listener);
        return () => {
            const index = this.listeners.indexOf(listener);
            if (index !== -1) this.listeners.splice(index, 1);
        };
    }

    async createRelationship(caller: Caller, templateId: string, creationContent: Buffer | null): Promise<Relationship> {
        const template = await this.templates.findVisibleTemplate(this.dataSource.manager, caller.address, templateId);
        if (template.createdBy === caller.address) throw RelationshipsErrors.cannotCreateRelationshipWithYourself();
        // Asked before the transaction starts: the identities service uses a connection of its own.
        if ((await this.identities.statusOf(template.createdBy)) !== "Active") throw RelationshipsErrors.peerIsToBeDeleted();
        try {
            return await this.dataSource.transaction(async (manager) => {
                if (await this.hasOpenRelationship(manager, caller.address, template.createdBy)) {
                    throw RelationshipsErrors.relationshipToTargetAlreadyExists();
                }
                const actor = this.actor(caller);
                const { relationship, effects } = Relationship.create({
                    templateId: template.id,
                    from: caller.address,
                    to: template.createdBy,
                    creationContent,
                    actor
                });
                await manager.insert(Relationship, relationship);
                await this.applyEffects(manager, relationship, actor, effects);
                return relationship;
            });
        } catch (error) {
            if (isUniqueViolation(error, OPEN_PAIR_INDEX)) throw RelationshipsErrors.relationshipToTargetAlreadyExists();
            throw error;
        }
    }

    async getRelationship(caller: Caller, id: string): Promise<Relationship> {
        const relationship = await this.dataSource.manager.findOneBy(Relationship, { id });
        if (!relationship || !relationship.isParticipant(caller.address)) throw RelationshipsErrors.relationshipNotFound();
        if (relationship.hasDecomposed(caller.address)) throw RelationshipsErrors.relationshipAlreadyDecomposed();
        return relationship;
    }

    async listRelationships(caller: Caller, ids: string[] | undefined, page: PageRequest): Promise<Page<Relationship>> {
        if (!ids || ids.length === 0) throw new ValidationError("'Ids' must not be empty.");
        const query = this.dataSource.manager
            .createQueryBuilder(Relationship, "r")
            .where("r.id IN (:...ids)", { ids })
            .andWhere("(r.from = :address OR r.to = :address)", { address: caller.address })
            .orderBy("r.createdAt", "ASC")
            .addOrderBy("r.id", "ASC");
        return await paginate(query, page);
    }

    async canCreateRelationship(caller: Caller, peer: string): Promise<{ canCreate: boolean; code: string | null }> {
        const status = await this.identities.statusOf(peer);
        if (status === undefined) throw RelationshipsErrors.identityNotFound();
        if (status !== "Active") return { canCreate: false, code: RelationshipErrorCodes.peerIsToBeDeleted };
        if (await this.hasOpenRelationship(this.dataSource.manager, caller.address, peer)) {
            return { canCreate: false, code: RelationshipErrorCodes.relationshipToTargetAlreadyExists };
        }
        return { canCreate: true, code: null };
    }

    acceptRelationship(caller: Caller, id: string, content: Buffer | null | undefined): Promise<Relationship> {
        return this.transition(caller, id, (r, actor) => r.accept(actor, content ?? undefined));
    }

    rejectRelationship(caller: Caller, id: string, content: Buffer | null | undefined): Promise<Relationship> {
        return this.transition(caller, id, (r, actor) => r.reject(actor, content ?? undefined));
    }

    revokeRelationship(caller: Caller, id: string, content: Buffer | null | undefined): Promise<Relationship> {
        return this.transition(caller, id, (r, actor) => r.revoke(actor, content ?? undefined));
    }

    terminateRelationship(caller: Caller, id: string): Promise<Relationship> {
        return this.transition(caller, id, (r, actor) => r.terminate(actor));
    }

    requestReactivation(caller: Caller, id: string): Promise<Relationship> {
        return this.transition(caller, id, (r, actor) => r.requestReactivation(actor));
    }

    acceptReactivation(caller: Caller, id: string): Promise<Relationship> {
        return this.transition(caller, id, (r, actor) => r.acceptReactivation(actor));
    }

    rejectReactivation(caller: Caller, id: string): Promise<Relationship> {
        return this.transition(caller, id, (r, actor) => r.rejectReactivation(actor));
    }

    revokeReactivation(caller: Caller, id: string): Promise<Relationship> {
        return this.transition(caller, id, (r, actor) => r.revokeReactivation(actor));
    }

    decomposeRelationship(caller: Caller, id: string): Promise<Relationship> {
        return this.transition(caller, id, (r, actor) => r.decompose(actor));
    }

    /**
     * The youngest relationship between two identities (any status), read inside the caller's transaction with a
     * share lock, so that a concurrent status change waits until that transaction has committed.
     */
    async youngestRelationshipBetween(manager: EntityManager, a: string, b: string): Promise<RelationshipSummary | undefined> {
        const relationship = await manager
            .createQueryBuilder(Relationship, "r")
            .setLock("pessimistic_read")
            .where("r.pair = :pair", { pair: pairKey(a, b) })
            .orderBy("r.createdAt", "DESC")
            .addOrderBy(`CASE WHEN r.status IN (:...open) THEN 0 ELSE 1 END`, "ASC")
            .setParameter("open", OPEN_RELATIONSHIP_STATUSES)
            .limit(1)
            .getOne();
        return relationship ? { id: relationship.id, from: relationship.from, to: relationship.to, status: relationship.status } : undefined;
    }

    /**
     * The identities that follow what an identity publishes about itself (e.g. its feature flags): the peers of its
     * Pending or Active relationships and the identities that allocated one of its templates, without duplicates.
     */
    async followersOf(manager: EntityManager, address: string): Promise<string[]> {
        const rows: Array<{ address: string }> = await manager.query(
            `SELECT to_address AS address FROM relationships WHERE from_address = $1 AND status = ANY($2)
             UNION SELECT from_address FROM relationships WHERE to_address = $1 AND status = ANY($2)
             UNION SELECT a.allocated_by FROM relationship_template_allocations a
                   JOIN relationship_templates t ON t.id = a.relationship_template_id WHERE t.created_by = $1`,
            [address, [RelationshipStatus.Pending, RelationshipStatus.Active]]
        );
        return rows.map((r) => r.address).filter((a) => a !== address).sort();
    }

    /** Whether `viewer` knows `subject`: a relationship of any status between them, or `viewer` allocated a template of `subject`. */
    async knows(viewer: string, subject: string): Promise<boolean> {
        const rows: Array<{ known: boolean }> = await this.dataSource.query(
            `SELECT EXISTS (SELECT 1 FROM relationships WHERE pair = $1)
                 OR EXISTS (SELECT 1 FROM relationship_templates t JOIN relationship_template_allocations a
                            ON a.relationship_template_id = t.id AND a.allocated_by = $2 WHERE t.created_by = $3) AS known`,
            [pairKey(viewer, subject), viewer, subject]
        );
        return rows[0]?.known === true;
    }

    private async transition(caller: Caller, id: string, apply: (relationship: Relationship, actor: Actor) => TransitionEffects): Promise<Relationship> {
        return await this.dataSource.transaction(async (manager) => {
            const relationship = await manager.createQueryBuilder(Relationship, "r").setLock("pessimistic_write").where("r.id = :id", { id }).getOne();
            if (!relationship || !relationship.isParticipant(caller.address)) throw RelationshipsErrors.relationshipNotFound();
            const actor = this.actor(caller);
            const effects = apply(relationship, actor);
            await manager.update(
                Relationship,
                { id: relationship.id },
                {
                    status: relationship.status,
                    auditLog: relationship.auditLog,
                    creationResponseContent: relationship.creationResponseContent,
                    fromHasDecomposed: relationship.fromHasDecomposed,
                    toHasDecomposed: relationship.toHasDecomposed
                }
            );
            await this.applyEffects(manager, relationship, actor, effects);
            return relationship;
        });
    }

    private async applyEffects(manager: EntityManager, relationship: Relationship, actor: Actor, effects: TransitionEffects): Promise<void> {
        if (effects.event) {
            await this.events.record(manager, [{ owner: effects.event.owner, type: effects.event.type, payload: { relationshipId: relationship.id } }]);
        }
        if (effects.heldBackMessages === "release") await this.events.releaseBlocked(manager, relationship.id);
        if (effects.heldBackMessages === "drop") await this.events.deleteBlocked(manager, relationship.id);
        if (effects.dropActorsUnsyncedMessages) {
            await this.events.deleteUnsynced(manager, actor.address, ExternalEventType.MessageReceived, relationship.id);
        }
        const change: RelationshipStatusChange = {
            relationshipId: relationship.id,
            from: relationship.from,
            to: relationship.to,
            newStatus: relationship.status,
            actor: actor.address
        };
        for (const listener of this.listeners) await listener(manager, change);
    }

    private async hasOpenRelationship(manager: EntityManager, a: string, b: string): Promise<boolean> {
        return await manager
            .createQueryBuilder(Relationship, "r")
            .where("r.pair = :pair", { pair: pairKey(a, b) })
            .andWhere("r.status IN (:...open)", { open: OPEN_RELATIONSHIP_STATUSES })
            .getExists();
    }

    private actor(caller: Caller): Actor {
        return { address: caller.address, deviceId: caller.deviceId, now: this.clock.now() };
    }
}
