import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import { type DataSource, type EntityManager, In } from "typeorm";

import { type EntityRows, entityRows, rawPage } from "../../core/database/entity-rows";
import { rawQuery } from "../../core/database/raw-query";
import { type Page, type PageRequest, paginate } from "../../core/http/pagination";
import { OPEN_RELATIONSHIP_STATUSES, pairKey, Relationship } from "./relationship.entity";
import { RelationshipStatus } from "./relationships.events";

/** The youngest relationship between two identities, as the send path needs it. */
export interface YoungestRelationship {
    id: string;
    from: string;
    to: string;
    status: RelationshipStatus;
}

/**
 * Every query of the relationships module, named by intent. Methods that run inside a use case's transaction take its
 * EntityManager first; standalone reads use the DataSource (no transaction, no lock).
 */
@Injectable()
export class RelationshipsRepository {
    private readonly rows: EntityRows<Relationship>;

    constructor(@InjectDataSource() private readonly dataSource: DataSource) {
        this.rows = entityRows(dataSource, Relationship, "r");
    }

    async insert(manager: EntityManager, relationship: Relationship): Promise<void> {
        await manager.insert(Relationship, relationship);
    }

    async find(id: string): Promise<Relationship | undefined> {
        const { rows } = await rawQuery(this.dataSource, `SELECT ${this.rows.columns} FROM relationships r WHERE r.id = $1`, [id]);
        return rows[0] ? this.rows.of(rows[0]) : undefined;
    }

    /** The relationship with its row locked until the transaction ends: status changes of one relationship queue up. */
    async findForUpdate(manager: EntityManager, id: string): Promise<Relationship | undefined> {
        return (
            (await manager.createQueryBuilder(Relationship, "r").setLock("pessimistic_write").where("r.id = :id", { id }).getOne()) ??
            undefined
        );
    }

    /** Writes what a status change changes: status, audit log, response content and who decomposed it. */
    async saveStatus(manager: EntityManager, relationship: Relationship): Promise<void> {
        await manager.update(Relationship, { id: relationship.id }, statusColumns(relationship));
    }

    /** Writes a relationship decomposed on behalf of a deleted participant, whose address is anonymised. */
    async saveWithDeletedParticipant(manager: EntityManager, relationship: Relationship): Promise<void> {
        await manager.update(
            Relationship,
            { id: relationship.id },
            { ...statusColumns(relationship), from: relationship.from, to: relationship.to, hasDeletedParticipant: true }
        );
    }

    /** The relationships among `ids` in which the identity takes part, oldest first. */
    async pageOfParticipantAmong(address: string, ids: string[], page: PageRequest): Promise<Page<Relationship>> {
        const from = "FROM relationships r WHERE r.id = ANY($1) AND (r.from_address = $2 OR r.to_address = $2)";
        return await rawPage(this.dataSource, this.rows, { from, orderBy: "r.created_at, r.id", parameters: [ids, address] }, page);
    }

    /** The relationships of an identity without their contents, oldest first (Admin API). */
    async pageOfParticipant(participant: string, page: PageRequest): Promise<Page<Relationship>> {
        const query = this.dataSource.manager
            .createQueryBuilder(Relationship, "r")
            .select(["r.id", "r.relationshipTemplateId", "r.from", "r.to", "r.createdAt", "r.status", "r.auditLog"])
            .where("(r.from = :participant OR r.to = :participant)", { participant })
            .orderBy("r.createdAt", "ASC")
            .addOrderBy("r.id", "ASC");
        return await paginate(query, page);
    }

    /** Whether two identities have a relationship that keeps them from creating another (OPEN_RELATIONSHIP_STATUSES). */
    async hasOpenBetween(a: string, b: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
        return await manager
            .createQueryBuilder(Relationship, "r")
            .where("r.pair = :pair", { pair: pairKey(a, b) })
            .andWhere("r.status IN (:...open)", { open: OPEN_RELATIONSHIP_STATUSES })
            .getExists();
    }

    /**
     * The youngest relationship between `a` and each of `others` (an open one first among equals), share-locked, in one
     * statement (ix_relationships_pair_created_at per peer): peer address → its id, participants and status; peers
     * without one are missing. The pairs are looked up (and their rows locked) in the order of their keys, so
     * concurrent callers never wait for each other in a cycle.
     */
    async youngestBetweenEach(manager: EntityManager, a: string, others: readonly string[]): Promise<Map<string, YoungestRelationship>> {
        if (others.length === 0) return new Map();
        const pairs = others
            .map((peer) => ({ peer, pair: pairKey(a, peer) }))
            .sort((x, y) => (x.pair < y.pair ? -1 : x.pair > y.pair ? 1 : 0));
        const { rows } = await rawQuery<{ peer: string; id: string; from_address: string; to_address: string; status: RelationshipStatus }>(
            manager,
            `SELECT p.peer, r.id, r.from_address, r.to_address, r.status
             FROM unnest($1::varchar[], $2::varchar[]) AS p(pair, peer)
             CROSS JOIN LATERAL (
                 SELECT r.id, r.from_address, r.to_address, r.status FROM relationships r
                 WHERE r.pair = p.pair
                 ORDER BY r.created_at DESC, CASE WHEN r.status = ANY($3) THEN 0 ELSE 1 END
                 LIMIT 1 FOR SHARE
             ) r`,
            [pairs.map((p) => p.pair), pairs.map((p) => p.peer), OPEN_RELATIONSHIP_STATUSES]
        );
        return new Map(rows.map((row) => [row.peer, { id: row.id, from: row.from_address, to: row.to_address, status: row.status }]));
    }

    /** The peers of an identity's Pending or Active relationships and the identities that allocated one of its templates. */
    async followersOf(manager: EntityManager, address: string): Promise<string[]> {
        const { rows } = await rawQuery<{ address: string }>(
            manager,
            `SELECT to_address AS address FROM relationships WHERE from_address = $1 AND status = ANY($2)
             UNION SELECT from_address FROM relationships WHERE to_address = $1 AND status = ANY($2)
             UNION SELECT a.allocated_by FROM relationship_template_allocations a
                   JOIN relationship_templates t ON t.id = a.relationship_template_id WHERE t.created_by = $1`,
            [address, [RelationshipStatus.Pending, RelationshipStatus.Active]]
        );
        return rows.map((r) => r.address);
    }

    /** Whether there is a relationship of any status between two identities, or `viewer` allocated a template of `subject`. */
    async knows(viewer: string, subject: string): Promise<boolean> {
        const { rows } = await rawQuery<{ known: boolean }>(
            this.dataSource,
            `SELECT EXISTS (SELECT 1 FROM relationships WHERE pair = $1)
                 OR EXISTS (SELECT 1 FROM relationship_templates t JOIN relationship_template_allocations a
                            ON a.relationship_template_id = t.id AND a.allocated_by = $2 WHERE t.created_by = $3) AS known`,
            [pairKey(viewer, subject), viewer, subject]
        );
        return rows[0]?.known === true;
    }

    /** The relationships of an identity in any of `statuses`, oldest first. */
    async ofParticipantIn(manager: EntityManager, address: string, statuses: readonly RelationshipStatus[]): Promise<Relationship[]> {
        return await manager
            .createQueryBuilder(Relationship, "r")
            .where("(r.from = :address OR r.to = :address)", { address })
            .andWhere("r.status IN (:...statuses)", { statuses })
            .orderBy("r.createdAt", "ASC")
            .getMany();
    }

    /** Every relationship of an identity, oldest first, with their rows locked until the transaction ends. */
    async lockAllOf(manager: EntityManager, address: string): Promise<Relationship[]> {
        return await manager
            .createQueryBuilder(Relationship, "r")
            .setLock("pessimistic_write")
            .where("(r.from = :address OR r.to = :address)", { address })
            .orderBy("r.createdAt", "ASC")
            .addOrderBy("r.id", "ASC")
            .getMany();
    }

    async statusesOf(manager: EntityManager, ids: string[]): Promise<Map<string, RelationshipStatus>> {
        if (ids.length === 0) return new Map();
        const rows = await manager.find(Relationship, { where: { id: In(ids) }, select: { id: true, status: true } });
        return new Map(rows.map((r) => [r.id, r.status]));
    }

    /** Relationships created from these (deleted) templates keep existing without a template. */
    async detachFromTemplates(manager: EntityManager, templateIds: readonly string[]): Promise<void> {
        if (templateIds.length === 0) return;
        await manager.update(Relationship, { relationshipTemplateId: In([...templateIds]) }, { relationshipTemplateId: null });
    }

    /** How many relationships an identity takes part in (either side), created since `since`: the NumberOfRelationships quota. */
    async countOfParticipant(address: string, since: Date | undefined): Promise<number> {
        // Two index scans (ix_relationships_from, ix_relationships_to) instead of one OR over both columns.
        let total = 0;
        for (const side of ["from", "to"] as const) {
            const query = this.dataSource.getRepository(Relationship).createQueryBuilder("r").where(`r.${side} = :address`, { address });
            if (since) query.andWhere("r.createdAt >= :since", { since });
            total += await query.getCount();
        }
        return total;
    }
}

/** The columns a status change writes. */
function statusColumns(relationship: Relationship): Partial<Relationship> {
    const { status, auditLog, creationResponseContent, fromHasDecomposed, toHasDecomposed } = relationship;
    return { status, auditLog, creationResponseContent, fromHasDecomposed, toHasDecomposed };
}
