import { Inject, Injectable, Logger } from "@nestjs/common";
import { DataSource, type EntityManager, In, IsNull } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { notFound } from "../../core/errors/errors";
import { Page, type PageRequest } from "../../core/http/pagination";
import { newId } from "../../core/ids/ids";
import { PushNotificationsService } from "../push-notifications/push-notifications.service";
import { Datawallet, DatawalletModification } from "./datawallet.entity";
import { SyncRun } from "./sync-run.entity";
import {
    CreatedDatawalletModificationDto,
    type DatawalletDto,
    DatawalletModificationDto,
    type PushDatawalletModificationItem,
    type PushDatawalletModificationsRequest,
    type PushDatawalletModificationsResponse
} from "./synchronization.dto";
import { SynchronizationErrors } from "./synchronization.errors";

/** NOTIFY channel telling every instance that an identity's datawallet changed (payload: "<owner> <device>"). */
export const DATAWALLET_CHANGES_CHANNEL = "backbone_datawallet_changes";

/** The datawallet of an identity and its modifications (indexes 0, 1, 2, ... per identity, in arrival order). */
@Injectable()
export class DatawalletService {
    private readonly logger = new Logger("Datawallet");

    constructor(
        private readonly dataSource: DataSource,
        private readonly pushNotifications: PushNotificationsService,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async getDatawallet(caller: Caller): Promise<DatawalletDto> {
        const datawallet = await this.dataSource.getRepository(Datawallet).findOneBy({ owner: caller.address });
        if (!datawallet) throw notFound("Datawallet");
        return { version: datawallet.version };
    }

    /**
     * The identity's datawallet, row-locked until the transaction ends (null when there is none). Every writer of
     * modifications takes this lock first, which serialises them and keeps the indexes gap-free.
     */
    async lock(manager: EntityManager, owner: string): Promise<Datawallet | null> {
        return await manager.createQueryBuilder(Datawallet, "d").setLock("pessimistic_write").where("d.owner = :owner", { owner }).getOne();
    }

    /** Appends modifications to a datawallet locked with lock(), numbering them from its next index. */
    async append(
        manager: EntityManager,
        datawallet: Datawallet,
        caller: Caller,
        items: PushDatawalletModificationItem[]
    ): Promise<DatawalletModification[]> {
        if (items.length === 0) return [];
        const tooHigh = items.find((item) => item.datawalletVersion > datawallet.version);
        if (tooHigh) throw SynchronizationErrors.datawalletVersionOfModificationTooHigh(datawallet.version, tooHigh.datawalletVersion);
        const now = this.clock.now();
        const modifications = items.map((item, i) =>
            manager.create(DatawalletModification, {
                id: newId("DWM"),
                owner: datawallet.owner,
                index: datawallet.nextIndex + i,
                type: item.type,
                objectIdentifier: item.objectIdentifier,
                collection: item.collection,
                payloadCategory: item.payloadCategory ?? null,
                encryptedPayload: item.encryptedPayload ?? null,
                datawalletVersion: item.datawalletVersion,
                createdAt: now,
                createdByDevice: caller.deviceId
            })
        );
        await manager.insert(DatawalletModification, modifications as never);
        datawallet.nextIndex += modifications.length;
        await manager.update(Datawallet, { owner: datawallet.owner }, { nextIndex: datawallet.nextIndex });
        return modifications;
    }

    async pushModifications(
        caller: Caller,
        supportedVersion: number,
        request: PushDatawalletModificationsRequest
    ): Promise<PushDatawalletModificationsResponse> {
        let created: DatawalletModification[];
        try {
            created = await this.dataSource.transaction(async (manager) => {
                const datawallet = await this.lock(manager, caller.address);
                if (await manager.existsBy(SyncRun, { createdBy: caller.address, finalizedAt: IsNull() })) {
                    throw SynchronizationErrors.cannotPushDatawalletModificationsDuringActiveSyncRun();
                }
                if (!datawallet) throw notFound("Datawallet");
                if (supportedVersion < datawallet.version) {
                    throw SynchronizationErrors.insufficientSupportedDatawalletVersion();
                }
                const latest = datawallet.latestIndex();
                if (latest !== null && request.localIndex !== latest)
                    throw SynchronizationErrors.datawalletNotUpToDate(request.localIndex, latest);
                return await this.append(manager, datawallet, caller, request.modifications);
            });
        } catch (error) {
            if (isUniqueViolation(error, "ux_datawallet_modifications_owner_index")) {
                throw SynchronizationErrors.datawalletNotUpToDate(request.localIndex, null);
            }
            throw error;
        }
        this.announceModifications(caller);
        return {
            newIndex: created[created.length - 1]!.index,
            modifications: created.map((m) => CreatedDatawalletModificationDto.from(m))
        };
    }

    /**
     * Tells the identity's other devices (after commit) that the datawallet changed: over SSE on every instance
     * (NOTIFY, which each instance LISTENs to) and by one push from this instance.
     */
    announceModifications(caller: Caller): void {
        this.dataSource
            .query("SELECT pg_notify($1, $2)", [DATAWALLET_CHANGES_CHANNEL, `${caller.address} ${caller.deviceId}`])
            .catch((error: unknown) =>
                this.logger.warn(`datawallet change not announced: ${error instanceof Error ? error.message : "unknown error"}`)
            );
        void this.pushNotifications.sendToIdentity(
            caller.address,
            "DatawalletModificationsCreated",
            { createdByDevice: caller.deviceId },
            { exceptDevice: caller.deviceId }
        );
    }

    /**
     * The modifications after `localIndex`, only the latest one per (objectIdentifier, type, payloadCategory),
     * ordered by index.
     */
    async listModifications(
        caller: Caller,
        supportedVersion: number,
        localIndex: number | undefined,
        request: PageRequest
    ): Promise<Page<DatawalletModificationDto>> {
        const datawallet = await this.dataSource.getRepository(Datawallet).findOneBy({ owner: caller.address });
        if (datawallet && supportedVersion < datawallet.version) {
            throw SynchronizationErrors.insufficientSupportedDatawalletVersion();
        }
        if (!datawallet) return new Page([], request, 0);
        const latestPerKey = `SELECT DISTINCT ON (object_identifier, type, payload_category) id, index
            FROM datawallet_modifications WHERE owner = $1 AND index > $2
            ORDER BY object_identifier, type, payload_category, index DESC`;
        const offset = (request.pageNumber - 1) * request.pageSize;
        const params = [caller.address, localIndex ?? -1];
        const ids: Array<{ id: string }> = await this.dataSource.query(
            `SELECT id FROM (${latestPerKey}) latest ORDER BY index LIMIT $3 OFFSET $4`,
            [...params, request.pageSize, offset]
        );
        const rows =
            ids.length === 0
                ? []
                : await this.dataSource
                      .getRepository(DatawalletModification)
                      .find({ where: { id: In(ids.map((r) => r.id)) }, order: { index: "ASC" } });
        const isFull = rows.length === request.pageSize;
        const total =
            !isFull && (rows.length > 0 || offset === 0)
                ? offset + rows.length
                : Number((await this.dataSource.query(`SELECT count(*) AS n FROM (${latestPerKey}) latest`, params))[0].n);
        return new Page(rows, request, total).map((m) => DatawalletModificationDto.from(m));
    }
}
