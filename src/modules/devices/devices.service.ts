import { Inject, Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { DataSource, In, type Repository } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { hashPassword, verifyPassword } from "../../core/crypto/passwords";
import { rawKeyFromStoredJson } from "../../core/crypto/signatures";
import { isUniqueViolation } from "../../core/database/errors";
import { notFound } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { type Page, type PageRequest, paginate } from "../../core/http/pagination";
import { newId } from "../../core/ids/ids";
import { isCommunicationLanguage } from "./communication-language";
import { Device } from "./device.entity";
import type { ChangePasswordRequest, RegisterDeviceRequest, RegisterDeviceResponse } from "./devices.dto";
import { DevicesErrors } from "./devices.errors";
import { DeviceDeleted } from "./devices.events";
import { Identity } from "./identity.entity";
import { passwordProblem } from "./password-policy";
import { SignedChallengeVerifier } from "./signed-challenge";

@Injectable()
export class DevicesService {
    constructor(
        @InjectRepository(Device) private readonly devices: Repository<Device>,
        @InjectRepository(Identity) private readonly identities: Repository<Identity>,
        private readonly signedChallenges: SignedChallengeVerifier,
        private readonly dataSource: DataSource,
        private readonly domainEvents: DomainEvents,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    async registerDevice(caller: Caller, request: RegisterDeviceRequest): Promise<RegisterDeviceResponse> {
        const identity = await this.identities.findOneBy({ address: caller.address });
        if (!identity) throw notFound("Identity");
        const rawKey = rawKeyFromStoredJson(identity.publicKey);
        if (!rawKey) throw DevicesErrors.invalidSignature();
        await this.signedChallenges.verify(request.signedChallenge, rawKey);
        const problem = passwordProblem(request.devicePassword, this.config.PASSWORD_POLICY);
        if (problem) throw DevicesErrors.registrationFailed(problem);
        const language = request.communicationLanguage ?? "en";
        if (!isCommunicationLanguage(language)) throw DevicesErrors.invalidCommunicationLanguage();
        const isBackupDevice = request.isBackupDevice ?? false;
        if (isBackupDevice && (await this.devices.existsBy({ identityAddress: caller.address, isBackupDevice: true }))) {
            throw DevicesErrors.onlyOneBackupDeviceCanExist();
        }
        const device = this.devices.create({
            id: newId("DVC"),
            identityAddress: caller.address,
            username: newId("USR"),
            passwordHash: await hashPassword(request.devicePassword),
            createdAt: this.clock.now(),
            createdByDevice: caller.deviceId,
            lastLoginAt: null,
            communicationLanguage: language,
            isBackupDevice,
            failedLoginCount: 0,
            lockoutEndsAt: null
        });
        try {
            await this.devices.insert(device);
        } catch (error) {
            if (isUniqueViolation(error, "ux_devices_one_backup_device")) throw DevicesErrors.onlyOneBackupDeviceCanExist();
            throw error;
        }
        return {
            id: device.id,
            username: device.username,
            createdAt: device.createdAt.toISOString(),
            createdByDevice: device.createdByDevice,
            isBackupDevice: device.isBackupDevice
        };
    }

    async listDevices(caller: Caller, ids: string[] | undefined, page: PageRequest): Promise<Page<Device>> {
        const query = this.devices
            .createQueryBuilder("d")
            .where("d.identity_address = :address", { address: caller.address })
            .orderBy("d.created_at", "ASC")
            .addOrderBy("d.id", "ASC");
        if (ids && ids.length > 0) query.andWhere({ id: In(ids) });
        return await paginate(query, page);
    }

    async getOwnDevice(caller: Caller): Promise<Device> {
        const device = await this.devices.findOneBy({ id: caller.deviceId, identityAddress: caller.address });
        if (!device) throw notFound("Device");
        return device;
    }

    async updateOwnDevice(caller: Caller, communicationLanguage: string): Promise<void> {
        if (!isCommunicationLanguage(communicationLanguage)) throw DevicesErrors.invalidCommunicationLanguage();
        const device = await this.getOwnDevice(caller);
        await this.devices.update({ id: device.id }, { communicationLanguage });
    }

    async changeOwnPassword(caller: Caller, request: ChangePasswordRequest): Promise<void> {
        const device = await this.getOwnDevice(caller);
        if (!(await verifyPassword(request.oldPassword, device.passwordHash))) {
            throw DevicesErrors.changePasswordFailed("Incorrect password.");
        }
        const problem = passwordProblem(request.newPassword, this.config.PASSWORD_POLICY);
        if (problem) throw DevicesErrors.changePasswordFailed(problem);
        await this.devices.update({ id: device.id }, { passwordHash: await hashPassword(request.newPassword) });
    }

    /** Only a device of the caller's identity that has never logged in can be deleted. */
    async deleteDevice(caller: Caller, id: string): Promise<void> {
        const device = await this.devices.findOneBy({ id, identityAddress: caller.address });
        if (!device) throw notFound("Device");
        if (device.isOnboarded) throw DevicesErrors.deviceCannotBeDeleted();
        await this.dataSource.transaction(async (manager) => {
            const result = await manager
                .createQueryBuilder()
                .delete()
                .from(Device)
                .where("id = :id AND identity_address = :address AND last_login_at IS NULL", { id, address: caller.address })
                .execute();
            if (result.affected === 0) throw DevicesErrors.deviceCannotBeDeleted();
            await this.domainEvents.publish(manager, new DeviceDeleted(caller.address, id));
        });
    }
}
