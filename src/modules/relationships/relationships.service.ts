import { Inject, Injectable } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { Transactions } from "../../core/database/transactions";
import { notFound, ValidationError } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import type { Page, PageRequest } from "../../core/http/pagination";
import { IdentityStatus } from "../identities/identities.events";
import { IdentitiesService } from "../identities/identities.service";
import { RelationshipTemplatesService } from "../relationship-templates/relationship-templates.service";
import { type Actor, Relationship, type RelationshipEvent } from "./relationship.entity";
import { RelationshipErrorCodes, RelationshipsErrors } from "./relationships.errors";
import type { RelationshipStatus } from "./relationships.events";
import { RelationshipsRepository } from "./relationships.repository";

const OPEN_PAIR_INDEX = "ux_relationships_pending_active_terminated_pair";

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

/**
 * The use cases of relationships, one method each: resolve the caller → load or 404 → let the relationship decide
 * (its status machine) → persist through the repository → publish domain events (in the transaction) → return the
 * entity. Plus the reads other modules use, inside their transactions.
 */
@Injectable()
export class RelationshipsService {
    constructor(
        private readonly relationships: RelationshipsRepository,
        private readonly templates: RelationshipTemplatesService,
        private readonly identities: IdentitiesService,
        private readonly transactions: Transactions,
        private readonly events: DomainEvents,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /**
     * Requests a relationship with the creator of a template the caller has loaded (loading allocates it, within
     * maxNumberOfAllocations and with its password, so an exhausted or password-protected template cannot be used by
     * skipping the load). The template, the creator's status and the open relationships are read in the transaction.
     */
    async createRelationship(caller: Caller, templateId: string, creationContent: Buffer | null): Promise<Relationship> {
        try {
            return await this.transactions.run(async (manager) => {
                const template = await this.templates.findAllocatedTemplate(manager, caller.address, templateId);
                if (template.createdBy === caller.address) throw RelationshipsErrors.cannotCreateRelationshipWithYourself();
                // The creator locked (the first row the transaction locks): a deletion process it starts comes before or after.
                if ((await this.identities.lock(manager, template.createdBy))?.status !== IdentityStatus.Active) {
                    throw RelationshipsErrors.peerIsToBeDeleted();
                }
                if (await this.relationships.hasOpenBetween(caller.address, template.createdBy, manager)) {
                    throw RelationshipsErrors.relationshipToTargetAlreadyExists();
                }
                const { relationship, events } = Relationship.create({
                    templateId: template.id,
                    from: caller.address,
                    to: template.createdBy,
                    creationContent,
                    actor: this.actor(caller)
                });
                await this.relationships.insert(manager, relationship);
                await this.events.publish(manager, ...events);
                return relationship;
            });
        } catch (error) {
            if (isUniqueViolation(error, OPEN_PAIR_INDEX)) throw RelationshipsErrors.relationshipToTargetAlreadyExists();
            throw error;
        }
    }

    async getRelationship(caller: Caller, id: string): Promise<Relationship> {
        const relationship = await this.relationships.find(id);
        if (!relationship || !relationship.isParticipant(caller.address)) throw notFound("Relationship");
        if (relationship.hasDecomposed(caller.address)) throw RelationshipsErrors.relationshipAlreadyDecomposed();
        return relationship;
    }

    async listRelationships(caller: Caller, ids: string[] | undefined, page: PageRequest): Promise<Page<Relationship>> {
        if (!ids || ids.length === 0) throw new ValidationError("'Ids' must not be empty.");
        return await this.relationships.pageOfParticipantAmong(caller.address, ids, page);
    }

    /**
     * The relationships of an identity as the Admin API lists them: metadata only (peer, who asked, status, when and
     * from which devices it was created and answered), oldest first; never their contents.
     */
    async listRelationshipsOfParticipant(participant: string, page: PageRequest): Promise<Page<RelationshipOverview>> {
        return (await this.relationships.pageOfParticipant(participant, page)).map((r) => {
            const [created, answered] = r.auditLog;
            return {
                peer: r.peerOf(participant),
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
        if (await this.relationships.hasOpenBetween(caller.address, peer)) {
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
        return (await this.youngestRelationshipsBetween(manager, a, [b])).get(b);
    }

    /**
     * The youngest relationship (any status) between `a` and each of `others`, in one statement, share-locked like
     * `youngestRelationshipBetween` (in a fixed order): peer address → relationship; peers without one are missing.
     */
    async youngestRelationshipsBetween(
        manager: EntityManager,
        a: string,
        others: readonly string[]
    ): Promise<Map<string, RelationshipSummary>> {
        return await this.relationships.youngestBetweenEach(manager, a, others);
    }

    /**
     * The identities that follow what an identity publishes about itself (e.g. its feature flags): the peers of its
     * Pending or Active relationships and the identities that allocated one of its templates, without duplicates.
     */
    async followersOf(manager: EntityManager, address: string): Promise<string[]> {
        return (await this.relationships.followersOf(manager, address)).filter((a) => a !== address).sort();
    }

    /** Whether `viewer` knows `subject`: a relationship of any status between them, or `viewer` allocated a template of `subject`. */
    async knows(viewer: string, subject: string): Promise<boolean> {
        return await this.relationships.knows(viewer, subject);
    }

    /** The current status of each of these relationships that exists (for other modules, inside their transaction). */
    async statusesOf(manager: EntityManager, ids: string[]): Promise<Map<string, RelationshipStatus>> {
        return await this.relationships.statusesOf(manager, ids);
    }

    /** A status change: the relationship's row is locked, the relationship decides, the change and its events commit together. */
    private async transition(
        caller: Caller,
        id: string,
        apply: (relationship: Relationship, actor: Actor) => RelationshipEvent[]
    ): Promise<Relationship> {
        return await this.transactions.run(async (manager) => {
            const relationship = await this.relationships.findForUpdate(manager, id);
            if (!relationship || !relationship.isParticipant(caller.address)) throw notFound("Relationship");
            const events = apply(relationship, this.actor(caller));
            await this.relationships.saveStatus(manager, relationship);
            await this.events.publish(manager, ...events);
            return relationship;
        });
    }

    private actor(caller: Caller): Actor {
        return { address: caller.address, deviceId: caller.deviceId, now: this.clock.now() };
    }
}
