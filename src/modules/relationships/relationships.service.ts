import { Inject, Injectable, type OnModuleInit } from "@nestjs/common";
import { DataSource, type EntityManager, In } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { anonymizedAddress } from "../../core/crypto/identity-address";
import { isUniqueViolation } from "../../core/database/errors";
import { notFound, ValidationError } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { type Page, type PageRequest, paginate } from "../../core/http/pagination";
import {
    IdentityDeleted,
    IdentityDeletionCancelled,
    IdentityDeletionStarted,
    IdentityStatus,
    IdentityToBeDeleted
} from "../identities/identities.events";
import { IdentitiesService } from "../identities/identities.service";
import { type Actor, OPEN_RELATIONSHIP_STATUSES, pairKey, Relationship, type RelationshipEvent } from "./relationship.entity";
import { RelationshipTemplatesService } from "./relationship-templates.service";
import { RelationshipErrorCodes, RelationshipsErrors } from "./relationships.errors";
import { PeerDeleted, PeerDeletionCancelled, PeerToBeDeleted, RelationshipStatus } from "./relationships.events";

const OPEN_PAIR_INDEX = "ux_relationships_pending_active_terminated_pair";

/** The relationships whose peers learn about an identity's deletion (PeerToBeDeleted, PeerDeletionCancelled, PeerDeleted). */
const PEER_INFORMED_STATUSES: readonly RelationshipStatus[] = [
    RelationshipStatus.Pending,
    RelationshipStatus.Active,
    RelationshipStatus.Terminated
];

/** A relationship from the point of view of one participant, as the Admin API lists it. */
export interface RelationshipOverview {
    peer: string;
    requestedBy: "Self" | "Peer";
    templateId: string | null;
    status: RelationshipStatus;
    creationDate: string;
    answeredAt: string | null;
    createdByDevice: string | null;
    answeredByDevice: string | null;
}

export interface RelationshipSummary {
    id: string;
    from: string;
    to: string;
    status: RelationshipStatus;
}

@Injectable()
export class RelationshipsService implements OnModuleInit {
    private readonly anonymizedAddress: string;

    constructor(
        private readonly dataSource: DataSource,
        private readonly templates: RelationshipTemplatesService,
        private readonly identities: IdentitiesService,
        private readonly domainEvents: DomainEvents,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) config: BackboneConfig
    ) {
        this.anonymizedAddress = anonymizedAddress(config.DID_DOMAIN);
    }

    onModuleInit(): void {
        this.domainEvents.subscribe(IdentityToBeDeleted, (manager, event) =>
            this.informPeers(manager, event.address, (r, peer) => new PeerToBeDeleted(r.id, peer, event.address, event.deletionDate))
        );
        this.domainEvents.subscribe(IdentityDeletionCancelled, (manager, event) =>
            this.informPeers(manager, event.address, (r, peer) => new PeerDeletionCancelled(r.id, peer, event.address))
        );
        this.domainEvents.subscribe(IdentityDeletionStarted, (manager, event) =>
            this.informPeers(manager, event.address, (r, peer) => new PeerDeleted(r.id, peer, event.address, event.deletionDate))
        );
        this.domainEvents.subscribe(IdentityDeleted, async (manager, event) => {
            await this.decomposeAllOf(manager, event.address);
            await this.templates.removeTemplatesOf(manager, event.address, this.anonymizedAddress);
        });
    }

    async createRelationship(caller: Caller, templateId: string, creationContent: Buffer | null): Promise<Relationship> {
        const template = await this.templates.findVisibleTemplate(this.dataSource.manager, caller.address, templateId);
        if (template.createdBy === caller.address) throw RelationshipsErrors.cannotCreateRelationshipWithYourself();
        // Only from a template the caller has loaded: loading allocates it (within maxNumberOfAllocations, with its
        // password), so an exhausted or password-protected template cannot be used by skipping the load. A template the
        // caller may not use is one it cannot see (404), as in the official Backbone.
        if (!(await this.templates.isAllocatedBy(this.dataSource.manager, template.id, caller.address))) {
            throw notFound("RelationshipTemplate");
        }
        // Asked before the transaction starts: the identities service uses a connection of its own.
        if ((await this.identities.statusOf(template.createdBy)) !== IdentityStatus.Active) throw RelationshipsErrors.peerIsToBeDeleted();
        try {
            return await this.dataSource.transaction(async (manager) => {
                if (await this.hasOpenRelationship(manager, caller.address, template.createdBy)) {
                    throw RelationshipsErrors.relationshipToTargetAlreadyExists();
                }
                const { relationship, events } = Relationship.create({
                    templateId: template.id,
                    from: caller.address,
                    to: template.createdBy,
                    creationContent,
                    actor: this.actor(caller)
                });
                await manager.insert(Relationship, relationship);
                await this.domainEvents.publish(manager, ...events);
                return relationship;
            });
        } catch (error) {
            if (isUniqueViolation(error, OPEN_PAIR_INDEX)) throw RelationshipsErrors.relationshipToTargetAlreadyExists();
            throw error;
        }
    }

    async getRelationship(caller: Caller, id: string): Promise<Relationship> {
        const relationship = await this.dataSource.manager.findOneBy(Relationship, { id });
        if (!relationship || !relationship.isParticipant(caller.address)) throw notFound("Relationship");
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

    /**
     * The relationships of an identity as the Admin API lists them: metadata only (peer, who asked, status, when and
     * from which devices it was created and answered), oldest first; never their contents.
     */
    async listRelationshipsOfParticipant(participant: string, page: PageRequest): Promise<Page<RelationshipOverview>> {
        const query = this.dataSource.manager
            .createQueryBuilder(Relationship, "r")
            .select(["r.id", "r.relationshipTemplateId", "r.from", "r.to", "r.createdAt", "r.status", "r.auditLog"])
            .where("(r.from = :participant OR r.to = :participant)", { participant })
            .orderBy("r.createdAt", "ASC")
            .addOrderBy("r.id", "ASC");
        return (await paginate(query, page)).map((r) => {
            const [created, answered] = r.auditLog;
            return {
                peer: r.to === participant ? r.from : r.to,
                requestedBy: r.to === participant ? ("Peer" as const) : ("Self" as const),
                templateId: r.relationshipTemplateId,
                status: r.status,
                creationDate: r.createdAt.toISOString(),
                answeredAt: answered?.createdAt ?? null,
                createdByDevice: created?.createdByDevice ?? null,
                answeredByDevice: answered?.createdByDevice ?? null
            };
        });
    }

    async canCreateRelationship(caller: Caller, peer: string): Promise<{ canCreate: boolean; code: string | null }> {
        const status = await this.identities.statusOf(peer);
        if (status === undefined) throw notFound("Identity");
        if (status !== IdentityStatus.Active) return { canCreate: false, code: RelationshipErrorCodes.peerIsToBeDeleted };
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
        return relationship
            ? { id: relationship.id, from: relationship.from, to: relationship.to, status: relationship.status }
            : undefined;
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
        return rows
            .map((r) => r.address)
            .filter((a) => a !== address)
            .sort();
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

    private async transition(
        caller: Caller,
        id: string,
        apply: (relationship: Relationship, actor: Actor) => RelationshipEvent[]
    ): Promise<Relationship> {
        return await this.dataSource.transaction(async (manager) => {
            const relationship = await manager
                .createQueryBuilder(Relationship, "r")
                .setLock("pessimistic_write")
                .where("r.id = :id", { id })
                .getOne();
            if (!relationship || !relationship.isParticipant(caller.address)) throw notFound("Relationship");
            const events = apply(relationship, this.actor(caller));
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
            await this.domainEvents.publish(manager, ...events);
            return relationship;
        });
    }

    /** Tells the peer of every Pending, Active or Terminated relationship of `address` (one domain event each). */
    private async informPeers(
        manager: EntityManager,
        address: string,
        event: (relationship: Relationship, peer: string) => PeerToBeDeleted | PeerDeletionCancelled | PeerDeleted
    ): Promise<void> {
        const relationships = await manager
            .createQueryBuilder(Relationship, "r")
            .where("(r.from = :address OR r.to = :address)", { address })
            .andWhere("r.status IN (:...statuses)", { statuses: PEER_INFORMED_STATUSES })
            .orderBy("r.createdAt", "ASC")
            .getMany();
        await this.domainEvents.publish(manager, ...relationships.map((r) => event(r, r.peerOf(address))));
    }

    /**
     * Decomposes every relationship of a deleted identity on its behalf and replaces its address by the anonymised
     * one. The subscribers of the status change see the original addresses, before the anonymisation.
     */
    private async decomposeAllOf(manager: EntityManager, address: string): Promise<void> {
        const now = this.clock.now();
        const relationships = await manager
            .createQueryBuilder(Relationship, "r")
            .setLock("pessimistic_write")
            .where("(r.from = :address OR r.to = :address)", { address })
            .orderBy("r.createdAt", "ASC")
            .addOrderBy("r.id", "ASC")
            .getMany();
        for (const relationship of relationships) {
            await this.domainEvents.publish(manager, ...relationship.decomposeDueToIdentityDeletion(address, now));
            relationship.anonymizeParticipant(address, this.anonymizedAddress);
            await manager.update(
                Relationship,
                { id: relationship.id },
                {
                    from: relationship.from,
                    to: relationship.to,
                    status: relationship.status,
                    auditLog: relationship.auditLog,
                    fromHasDecomposed: relationship.fromHasDecomposed,
                    toHasDecomposed: relationship.toHasDecomposed,
                    hasDeletedParticipant: true
                }
            );
        }
    }

    /** The current status of each of these relationships that exists (for other modules, inside their transaction). */
    async statusesOf(manager: EntityManager, ids: string[]): Promise<Map<string, RelationshipStatus>> {
        if (ids.length === 0) return new Map();
        const rows = await manager.find(Relationship, { where: { id: In(ids) }, select: { id: true, status: true } });
        return new Map(rows.map((r) => [r.id, r.status]));
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
