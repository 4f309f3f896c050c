import { Inject, Injectable } from "@nestjs/common";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { deriveAddress } from "../../core/crypto/identity-address";
import { hashPassword, verifyPassword } from "../../core/crypto/passwords";
import { parsePublicKey, rawKeyFromStoredJson } from "../../core/crypto/signatures";
import { isUniqueViolation } from "../../core/database/errors";
import { Transactions } from "../../core/database/transactions";
import { notFound } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import type { Page, PageRequest } from "../../core/http/pagination";
import type { IdentityStatus } from "../identities/identities.events";
import { IdentitiesService } from "../identities/identities.service";
import { type OAuthClientRef, OAuthClientsService } from "../oauth-clients/oauth-clients.service";
import { Device } from "./device.entity";
import { type ChangePasswordRequest, type CreateIdentityRequest, CreateIdentityResponse, type RegisterDeviceRequest } from "./devices.dto";
import { DevicesErrors } from "./devices.errors";
import { DeviceDeleted } from "./devices.events";
import { DevicesRepository } from "./devices.repository";
import { SignedChallengeVerifier } from "./signed-challenge";

/** A device as an operator may see it: no password hash, no keys. */
export interface DeviceInfo {
    id: string;
    username: string;
    createdAt: string;
    createdByDevice: string;
    lastLogin: { time: string } | null;
    communicationLanguage: string;
    isBackupDevice: boolean;
}

/** An identity as the Admin API shows it, with its devices. */
export interface IdentityDetails {
    address: string;
    clientId: string;
    publicKey: string;
    tierId: string | null;
    status: IdentityStatus;
    createdAt: string;
    identityVersion: number;
    numberOfDevices: number;
    devices: DeviceInfo[];
}

/** A new identity with its first device, as its creation answers. */
export interface OnboardedIdentity {
    address: string;
    device: Device;
}

/** Whether the identity of a device's username has been deleted (or its deletion begun), and since when. */
export interface IdentityDeletionState {
    isDeleted: boolean;
    deletionDate: Date | null;
}

/**
 * The use cases of devices: an identity's onboarding with its first device, registering further devices, the calling
 * device's settings and password, deleting a device that was never used; and what operators see of them.
 */
@Injectable()
export class DevicesService {
    constructor(
        private readonly devices: DevicesRepository,
        private readonly identities: IdentitiesService,
        private readonly clients: OAuthClientsService,
        private readonly signedChallenges: SignedChallengeVerifier,
        private readonly transactions: Transactions,
        private readonly events: DomainEvents,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    /** Creates an identity with its first device; the client authenticates with its secret. */
    async createIdentity(request: CreateIdentityRequest): Promise<OnboardedIdentity> {
        const client = await this.clients.authenticate(request.clientId, request.clientSecret);
        if (!client) throw DevicesErrors.unauthorizedClient();
        return await this.onboard(client, request);
    }

    /** Creates an identity for a client without its secret (Admin API: support creates identities for a client). */
    async createIdentityAsSupport(request: Omit<CreateIdentityRequest, "clientSecret">): Promise<CreateIdentityResponse> {
        const client = await this.clients.findClient(request.clientId);
        if (!client) throw DevicesErrors.unauthorizedClient();
        return CreateIdentityResponse.from(await this.onboard(client, request));
    }

    async registerDevice(caller: Caller, request: RegisterDeviceRequest): Promise<Device> {
        const identity = await this.identities.find(caller.address);
        if (!identity) throw notFound("Identity");
        const rawKey = rawKeyFromStoredJson(identity.publicKey);
        if (!rawKey) throw DevicesErrors.invalidSignature();
        await this.signedChallenges.verify(request.signedChallenge, rawKey);
        const communicationLanguage = request.communicationLanguage ?? "en";
        Device.checkRegistration(request.devicePassword, communicationLanguage, this.config.PASSWORD_POLICY);
        const isBackupDevice = request.isBackupDevice ?? false;
        const passwordHash = await hashPassword(request.devicePassword);
        try {
            // The identity locked until the device is stored: its deletion (which removes its devices) comes before or after.
            return await this.transactions.run(async (manager) => {
                if (!(await this.identities.lock(manager, caller.address))) throw notFound("Identity");
                if (isBackupDevice && (await this.devices.hasBackupDevice(manager, caller.address))) {
                    throw DevicesErrors.onlyOneBackupDeviceCanExist();
                }
                const device = Device.create({
                    identityAddress: caller.address,
                    passwordHash,
                    communicationLanguage,
                    isBackupDevice,
                    createdByDevice: caller.deviceId,
                    now: this.clock.now()
                });
                await this.devices.insert(device, manager);
                return device;
            });
        } catch (error) {
            if (isUniqueViolation(error, "ux_devices_one_backup_device")) throw DevicesErrors.onlyOneBackupDeviceCanExist();
            throw error;
        }
    }

    async listDevices(caller: Caller, ids: string[] | undefined, page: PageRequest): Promise<Page<Device>> {
        return await this.devices.pageOf(caller.address, ids, page);
    }

    async getOwnDevice(caller: Caller): Promise<Device> {
        const device = await this.devices.findOf(caller.address, caller.deviceId);
        if (!device) throw notFound("Device");
        return device;
    }

    async updateOwnDevice(caller: Caller, communicationLanguage: string): Promise<void> {
        Device.checkCommunicationLanguage(communicationLanguage);
        const device = await this.getOwnDevice(caller);
        await this.devices.updateCommunicationLanguage(device.id, communicationLanguage);
    }

    async changeOwnPassword(caller: Caller, request: ChangePasswordRequest): Promise<void> {
        const device = await this.getOwnDevice(caller);
        if (!(await verifyPassword(request.oldPassword, device.passwordHash)))
            throw DevicesErrors.changePasswordFailed("Incorrect password.");
        Device.checkNewPassword(request.newPassword, this.config.PASSWORD_POLICY);
        await this.devices.updatePasswordHash(device.id, await hashPassword(request.newPassword));
    }

    /** Only a device of the caller's identity that has never logged in can be deleted. */
    async deleteDevice(caller: Caller, id: string): Promise<void> {
        const device = await this.devices.findOf(caller.address, id);
        if (!device) throw notFound("Device");
        if (device.isOnboarded) throw DevicesErrors.deviceCannotBeDeleted();
        await this.transactions.run(async (manager) => {
            if (!(await this.devices.deleteNotOnboarded(manager, caller.address, id))) throw DevicesErrors.deviceCannotBeDeleted();
            await this.events.publish(manager, new DeviceDeleted(caller.address, id));
        });
    }

    /**
     * Whether the identity of a device's username has been deleted: its grace period is over, or it is gone (then only
     * the hash of the username remains).
     */
    async isIdentityDeleted(username: string): Promise<IdentityDeletionState> {
        const device = await this.devices.findByUsername(username);
        if (!device) {
            const deletedAt = await this.devices.deletedAt(username);
            return { isDeleted: deletedAt !== undefined, deletionDate: deletedAt ?? null };
        }
        const identity = await this.identities.find(device.identityAddress);
        if (!identity || identity.canLogIn) return { isDeleted: false, deletionDate: null };
        return { isDeleted: true, deletionDate: identity.deletionGracePeriodEndsAt };
    }

    /** An identity with its devices, for operators; 404 when it does not exist. */
    async getIdentityDetails(address: string): Promise<IdentityDetails> {
        const identity = await this.identities.find(address);
        if (!identity) throw notFound("Identity");
        const devices = await this.devices.allOf(address);
        return {
            address: identity.address,
            clientId: identity.clientId,
            publicKey: identity.publicKey.toString("base64"),
            tierId: identity.tierId,
            status: identity.status,
            createdAt: identity.createdAt.toISOString(),
            identityVersion: identity.identityVersion,
            numberOfDevices: devices.length,
            devices: devices.map((d) => ({
                id: d.id,
                username: d.username,
                createdAt: d.createdAt.toISOString(),
                createdByDevice: d.createdByDevice,
                lastLogin: d.lastLoginAt ? { time: d.lastLoginAt.toISOString() } : null,
                communicationLanguage: d.communicationLanguage,
                isBackupDevice: d.isBackupDevice
            }))
        };
    }

    /** The communication language of each device of an identity (device id → ISO-639-1 code), for localized pushes. */
    async deviceLanguagesOf(address: string): Promise<Map<string, string>> {
        return await this.devices.languagesOf(address);
    }

    /**
     * An identity and its first device in one transaction, after the proof of the identity key (a signed challenge)
     * and the device's credentials were checked; the client's limit of identities holds under concurrency.
     */
    private async onboard(client: OAuthClientRef, request: Omit<CreateIdentityRequest, "clientSecret">): Promise<OnboardedIdentity> {
        const publicKey = parsePublicKey(request.identityPublicKey);
        if (!publicKey) throw DevicesErrors.invalidPublicKey();
        await this.signedChallenges.verify(request.signedChallenge, publicKey.raw);
        const address = deriveAddress(publicKey.raw, this.config.DID_DOMAIN);
        const communicationLanguage = request.deviceCommunicationLanguage ?? "en";
        Device.checkRegistration(request.devicePassword, communicationLanguage, this.config.PASSWORD_POLICY);
        const passwordHash = await hashPassword(request.devicePassword);
        const now = this.clock.now();
        const device = Device.create({ identityAddress: address, passwordHash, communicationLanguage, isBackupDevice: false, now });
        try {
            await this.transactions.run(async (manager) => {
                if (await this.identities.exists(address, manager)) throw DevicesErrors.addressAlreadyExists();
                await this.clients.admitIdentity(manager, client);
                await this.identities.createIdentity(
                    manager,
                    {
                        address,
                        clientId: client.id,
                        publicKey: publicKey.json,
                        identityVersion: request.identityVersion,
                        tierId: client.defaultTier
                    },
                    now
                );
                await this.devices.insert(device, manager);
            });
        } catch (error) {
            if (isUniqueViolation(error)) throw DevicesErrors.addressAlreadyExists();
            throw error;
        }
        return { address, device };
    }
}
