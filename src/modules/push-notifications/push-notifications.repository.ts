import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { isUniqueViolation } from "../../core/database/errors";
import { rawQuery } from "../../core/database/raw-query";
import { PushRegistration } from "./push-registration.entity";

/** Every query of the push-notifications module, named by intent. */
@Injectable()
export class PushNotificationsRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    /**
     * Creates or replaces the registration of its device in one statement and answers the push identifier that is
     * stored: a device that registers again keeps its old one. A drawn identifier that is taken is drawn again.
     */
    async upsert(registration: PushRegistration): Promise<string> {
        for (let attempt = 0; ; attempt++) {
            try {
                const { rows } = await rawQuery<{ device_push_identifier: string }>(
                    this.dataSource,
                    `INSERT INTO push_registrations (device_id, identity_address, device_push_identifier, platform, handle, app_id, environment, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                     ON CONFLICT (device_id) DO UPDATE SET identity_address = EXCLUDED.identity_address, platform = EXCLUDED.platform,
                         handle = EXCLUDED.handle, app_id = EXCLUDED.app_id, environment = EXCLUDED.environment, updated_at = EXCLUDED.updated_at
                     RETURNING device_push_identifier`,
                    [
                        registration.deviceId,
                        registration.identityAddress,
                        registration.devicePushIdentifier,
                        registration.platform,
                        registration.handle,
                        registration.appId,
                        registration.environment,
                        registration.updatedAt
                    ]
                );
                return rows[0]!.device_push_identifier;
            } catch (error) {
                if (attempt < 3 && isUniqueViolation(error, "ux_push_registrations_device_push_identifier")) {
                    registration.devicePushIdentifier = PushRegistration.newPushIdentifier();
                    continue;
                }
                throw error;
            }
        }
    }

    async deleteOfDevice(deviceId: string): Promise<void> {
        await this.dataSource.getRepository(PushRegistration).delete({ deviceId });
    }

    /**
     * The registrations of the devices of these identities, in one statement whatever their number (it follows every
     * commit that records external events).
     */
    async listOfIdentities(addresses: readonly string[]): Promise<PushRegistration[]> {
        if (addresses.length === 0) return [];
        const { rows } = await rawQuery<Partial<PushRegistration>>(
            this.dataSource,
            `SELECT device_id AS "deviceId", identity_address AS "identityAddress", device_push_identifier AS "devicePushIdentifier",
                    platform, handle, app_id AS "appId", environment, updated_at AS "updatedAt"
             FROM push_registrations WHERE identity_address = ANY($1)`,
            [addresses]
        );
        return rows.map((row) => Object.assign(new PushRegistration(), row));
    }

    /** Deletes a registration the provider reported as gone, unless the device registered anew meanwhile. */
    async deleteInvalid(registration: PushRegistration): Promise<void> {
        await this.dataSource.getRepository(PushRegistration).delete({
            deviceId: registration.deviceId,
            devicePushIdentifier: registration.devicePushIdentifier
        });
    }

    /** In the deletion's transaction: every registration of a deleted identity goes. */
    async removeIdentity(manager: EntityManager, address: string): Promise<void> {
        await manager.delete(PushRegistration, { identityAddress: address });
    }

    /** In the deletion's transaction: the registration of a deleted device goes. */
    async removeDevice(manager: EntityManager, address: string, deviceId: string): Promise<void> {
        await manager.delete(PushRegistration, { deviceId, identityAddress: address });
    }
}
